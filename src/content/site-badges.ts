// Site-scan badges on the start page: one per column with a problem, beside a link to it outside the navigation bar
// (a nav bar's links sit edge to edge, and badges there piled up on each other). Passing columns get no badge; the
// site panel and the popup list every column.
import { normalizeUrl } from '../engine/site/urls.ts'
import type { SiteColumn } from '../engine/site/types.ts'
import { columnBadgeText, type ScanInline } from '../shared/scan.ts'
import { el, type Msg } from './dom.ts'

/** Anchors looked at: a portal with a mega-menu has a few thousand; past that, no badges. */
const MAX_ANCHORS = 5000
const NAV = 'nav,[role="navigation"],[role="menubar"],[role="menu"],header,.nav,.menu,#nav,#menu,.navbar'

export interface SiteBadge {
  target: Element
  badge: HTMLElement
  column: SiteColumn
}

/**
 * Whether a link sits in a horizontal bar of links (a top navigation bar, however it is marked up): four or more
 * links of its list on one line. Such links are edge to edge, so a badge beside one covers the next.
 */
function inLinkBar(a: Element, cache: Map<Element, boolean>): boolean {
  const list = a.closest('ul,ol') ?? a.parentElement?.parentElement ?? null
  if (!list) return false
  const known = cache.get(list)
  if (known !== undefined) return known
  const tops = [...list.querySelectorAll('a')].slice(0, 40).map((x) => x.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => Math.round(r.top))
  const same = tops.filter((t) => Math.abs(t - (tops[0] ?? 0)) <= 4).length
  const bar = tops.length >= 4 && same / tops.length >= 0.7
  cache.set(list, bar)
  return bar
}

export function siteBadges(scan: ScanInline, isOwn: (n: Node) => boolean, msg: Msg): SiteBadge[] {
  const byUrl = new Map(scan.columns.filter((c) => c.url && c.status !== 'ok').map((c) => [c.url as string, c]))
  const out: SiteBadge[] = []
  const done = new Set<string>()
  const bars = new Map<Element, boolean>()
  const anchors = document.getElementsByTagName('a')
  const limit = Math.min(anchors.length, MAX_ANCHORS)
  for (let i = 0; i < limit; i++) {
    const a = anchors[i]
    if (isOwn(a) || a.closest(NAV)) continue
    const url = normalizeUrl(a.getAttribute('href'), document.baseURI)
    const column = url ? byUrl.get(url) : undefined
    if (!url || !column || done.has(url) || a.getClientRects().length === 0 || inLinkBar(a, bars)) continue
    done.add(url)
    const badge = el('span', `da-scan-badge da-col-${column.status}`, columnBadgeText(column, msg))
    badge.dataset.columnUrl = url
    badge.title = [column.name, column.detail ?? ''].filter(Boolean).join('\n')
    out.push({ target: a, badge, column })
  }
  return out
}
