import type { AnyNode, Element } from 'domhandler'
import type { CheerioAPI } from 'cheerio/slim'
import type { Locator } from './types.ts'

const FINGERPRINT_LENGTH = 40

/** Collapses every kind of whitespace (incl. &nbsp; and ideographic space) to one ASCII space. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim()
}

function isElement(node: AnyNode | null | undefined): node is Element {
  return !!node && (node.type === 'tag' || node.type === 'script' || node.type === 'style')
}

interface TypePositions {
  /** Element → its 1-based position among its parent's children of the same tag. */
  index: Map<Element, number>
  /** Tag → how many children of the parent have it. */
  count: Map<string, number>
}

// One pass over a parent's children gives every child its position, so locating n siblings costs n, not n²: a
// portal of 20,000 column blocks took 97 s with a sibling walk per element. The tree is not changed after parsing,
// so the positions stay valid for as long as the parent lives.
const positions = new WeakMap<Element, TypePositions>()

function typePosition(parent: Element, node: Element, tag: string): { index: number; count: number } {
  let p = positions.get(parent)
  if (!p) {
    p = { index: new Map(), count: new Map() }
    for (const sibling of parent.children) {
      if (!isElement(sibling)) continue
      const t = sibling.name.toLowerCase()
      const n = (p.count.get(t) ?? 0) + 1
      p.count.set(t, n)
      p.index.set(sibling, n)
    }
    positions.set(parent, p)
  }
  return { index: p.index.get(node) ?? 0, count: p.count.get(tag) ?? 0 }
}

/**
 * CSS path from <html> using tag:nth-of-type steps. `#id` anchors are avoided on purpose: CMS templates reuse ids,
 * and the content script resolves this path with querySelector in the live DOM, where a duplicated id would win.
 */
export function cssPath(el: Element): string {
  const steps: string[] = []
  let node: Element | null = el
  while (node && isElement(node)) {
    const tag = node.name.toLowerCase()
    const parent: AnyNode | null = node.parent
    if (!isElement(parent)) {
      // Markup after a stray </html> lands beside <html> in htmlparser2's tree, while a browser moves it into <body>.
      // Its position among <body>'s children is unknown, so that step carries no index; the text fingerprint settles it.
      if (tag === 'html') steps.unshift(tag)
      else steps.unshift('html', 'body', tag)
      break
    }
    const { index, count } = typePosition(parent, node, tag)
    steps.unshift(count > 1 ? `${tag}:nth-of-type(${index})` : tag)
    node = parent
  }
  return steps.join(' > ')
}

/**
 * `collapseSpace($(el).text()).slice(0, FINGERPRINT_LENGTH)` without reading the whole subtree: a column's locator
 * sits on a list of thousands of rows. Text nodes are read in the order cheerio's .text() uses (script text
 * included, comments not); once the collapsed prefix is FINGERPRINT_LENGTH long, later text cannot change it.
 */
export function fingerprintText(el: AnyNode): string {
  let raw = ''
  let checkAt = FINGERPRINT_LENGTH * 2
  const walk = (node: AnyNode): boolean => {
    if (node.type === 'text') {
      raw += (node as unknown as { data: string }).data
      if (raw.length < checkAt) return false
      if (collapseSpace(raw).length >= FINGERPRINT_LENGTH) return true
      checkAt = raw.length * 2
      return false
    }
    if (node.type === 'comment' || !('children' in node)) return false
    for (const child of (node as { children: AnyNode[] }).children) if (walk(child)) return true
    return false
  }
  walk(el)
  return collapseSpace(raw).slice(0, FINGERPRINT_LENGTH)
}

export function locatorOf(_$: CheerioAPI, el: AnyNode): Locator {
  const element = isElement(el) ? el : (el.parent as Element)
  return { css: cssPath(element), text: fingerprintText(element) }
}
