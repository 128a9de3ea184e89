// Finds the live element an engine locator points at. The engine computed the CSS path on a copy of this very DOM,
// so the path normally hits; the text fingerprint catches the cases where the page changed in between.
import type { Locator } from '../engine/types.ts'

const FINGERPRINT_LENGTH = 40
const MAX_SCAN = 3000

// Must match the engine's collapseSpace, or fingerprints of the same element would differ.
function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim()
}

export function fingerprint(el: Element): string {
  return collapseSpace(el.textContent ?? '').slice(0, FINGERPRINT_LENGTH)
}

function lastTag(css: string): string {
  const step = css.split('>').pop()?.trim() ?? ''
  const tag = /^[a-zA-Z][a-zA-Z0-9-]*/.exec(step)
  return tag ? tag[0].toLowerCase() : '*'
}

export function resolveLocator(loc: Locator, isOwn: (el: Element) => boolean): Element | null {
  let byPath: Element | null = null
  try {
    byPath = document.querySelector(loc.css)
  } catch {
    // A path the page's DOM cannot parse as a selector: only the fingerprint can help.
  }
  if (byPath && isOwn(byPath)) byPath = null
  if (byPath && (!loc.text || fingerprint(byPath) === loc.text)) return byPath
  if (loc.text) {
    const candidates = document.getElementsByTagName(lastTag(loc.css))
    // Nested containers make textContent scans quadratic on huge pages; past the cap the marker goes unlocated instead.
    const limit = Math.min(candidates.length, MAX_SCAN)
    for (let i = 0; i < limit; i++) {
      const el = candidates[i]
      if (!isOwn(el) && fingerprint(el) === loc.text) return el
    }
  }
  // The path still names an element; its text moved on (a live list refreshed), which is better than no marker.
  return byPath
}
