// Finds a page's columns (栏目): a heading plus its list of dated entries. Works on raw domhandler nodes in one
// pass over candidate lists, because list pages can hold tens of thousands of rows and $(…) per row is too slow.
import { type CheerioAPI } from 'cheerio/slim'
import type { AnyNode, Element } from 'domhandler'
import { cssPath, locatorOf } from '../locator.ts'
import type { Column, ExtractContext } from '../types.ts'
import { classifyFreshness } from '../vocabulary.ts'
import { type ListCandidate, hasText, isHiddenTemplate, isTag, trimmedTextShorterThan } from './columns/shapes.ts'
import { collectCandidates } from './columns/candidates.ts'
import { headingFor, isNavigationName } from './columns/headings.ts'
import { type BuiltList, buildEntries, datastoreCandidates } from './columns/entries.ts'
import { emptyMarkerElements, isInsideChrome } from './columns/blanks.ts'
import { MAX_ENTRIES_PER_COLUMN } from '../limits.ts'

export interface ColumnStructure {
  columnName: string | null
  breadcrumb: string[]
}

export function extractColumns($: CheerioAPI, ctx: ExtractContext, structure: ColumnStructure): Column[] {
  const root = $.root().get(0)
  if (!root) return []
  const candidates: ListCandidate[] = []
  collectCandidates(root, candidates)

  const built: BuiltList[] = []
  for (const cand of candidates) {
    if (cand.rows.length === 0) continue
    const b = buildEntries(cand, ctx, $)
    // A list whose link rows mostly have no date is navigation (友情链接, 网站地图, sub-column menus), not a column.
    if (b.entries.length && b.datedRows * 2 >= b.linkRows) built.push(b)
  }

  // A list nested inside another list's row (a <li> holding two <p> items) would count the same entries twice.
  const rowSet = new Set<Element>()
  const kept: BuiltList[] = []
  for (const b of built) {
    let inside = false
    for (let p: AnyNode | null = b.cand.container; p && isTag(p) && !inside; p = p.parent) inside = rowSet.has(p)
    if (inside) continue
    kept.push(b)
    for (const r of b.cand.rows) rowSet.add(r)
  }
  built.length = 0
  built.push(...kept)

  // The page's own list containers, so datastore lists that the CMS already rendered are not counted twice.
  const listCount = new Map<Element, number>()
  const countUp = (el: Element): void => {
    for (let p: AnyNode | null = el; p && isTag(p); p = p.parent) listCount.set(p, (listCount.get(p) ?? 0) + 1)
  }
  for (const b of built) countUp(b.cand.container)

  for (const cand of datastoreCandidates($)) {
    if (cand.anchor && (listCount.get(cand.anchor) ?? 0) > 0) continue
    const b = buildEntries(cand, ctx, $)
    if (b.entries.length && b.datedRows * 2 >= b.linkRows) {
      built.push(b)
      if (cand.anchor) countUp(cand.anchor)
    }
  }

  const columns: Column[] = []
  const used = new Set<Element>()
  for (const b of built) {
    const place = b.cand.anchor ?? b.cand.container
    if (isInsideChrome(place)) continue
    const heading = headingFor(place, ctx.url, listCount)
    if (heading && isNavigationName(heading.name)) continue
    // One dated link with no title over it is a date line (header clock, article info), not a list.
    if (!heading && b.datedRows < 2) continue
    columns.push({
      name: heading?.name ?? '',
      href: heading?.href ?? null,
      locator: heading ? locatorOf($, heading.el) : locatorOf($, place),
      entries: b.entries,
      emptyMarker: false,
      freshnessClass: 'other',
      via: heading?.tab ? 'tab' : b.cand.via,
      ...(b.rowsBeyondCap ? { rowsBeyondCap: b.rowsBeyondCap } : {}),
    })
    used.add(place)
  }

  // Blank columns: a "暂无信息" placeholder, or an empty list container, under a column heading.
  const blanks: { el: Element; marker: boolean }[] = emptyMarkerElements(root).map((el) => ({ el, marker: true }))
  for (const cand of candidates) {
    if ((cand.via === 'ul' || cand.via === 'table') && cand.rows.length === 0 && !hasText(cand.container)) {
      if (!isHiddenTemplate(cand.container)) blanks.push({ el: cand.container, marker: false })
    }
  }
  for (const { el, marker } of blanks) {
    if (isInsideChrome(el)) continue
    let place = el
    // The placeholder usually sits in a <li>/<p> inside the list; the list is what the heading heads.
    for (let up = 0; up < 2; up++) {
      const p = place.parent
      if (isTag(p) && (p.name === 'ul' || p.name === 'ol' || p.name === 'tbody' || p.name === 'table' || p.name === 'tr' || p.name === 'td') && trimmedTextShorterThan(p, 40)) place = p
    }
    if (used.has(place) || (listCount.get(place) ?? 0) > 0) continue
    const heading = headingFor(place, ctx.url, listCount)
    if (!heading || isNavigationName(heading.name)) {
      if (marker) ctx.notes.push(`empty-list placeholder without a column heading at ${cssPath(el)}`)
      continue
    }
    used.add(place)
    columns.push({
      name: heading.name,
      href: heading.href,
      locator: locatorOf($, heading.el),
      entries: [],
      emptyMarker: marker,
      freshnessClass: 'other',
      via: heading.tab ? 'tab' : marker ? 'marker' : place.name === 'ul' || place.name === 'ol' ? 'ul' : 'table',
    })
  }

  // A list page: its one dated list is the page's own column, named by meta ColumnName / breadcrumb.
  const pageName = structure.columnName ?? structure.breadcrumb[structure.breadcrumb.length - 1] ?? null
  const dated = columns.filter((c) => c.entries.length > 0)
  if (dated.length === 1 && pageName && columns.length === 1 && (!dated[0].name || dated[0].name === pageName || dated[0].via === 'tab')) {
    dated[0].name = pageName
    dated[0].via = 'page'
  }

  const out: Column[] = []
  for (const c of columns) {
    if (!c.name) {
      ctx.notes.push(`dated list without a column heading (${c.entries.length}${c.rowsBeyondCap ? ` of ${c.rowsBeyondCap} rows` : ''} entries) at ${c.locator?.css ?? '?'}`)
      continue
    }
    c.freshnessClass = classifyFreshness(c.name)
    if (c.rowsBeyondCap) (ctx.cuts ??= []).push({ what: 'entries', column: c.name, limit: MAX_ENTRIES_PER_COLUMN, rows: c.rowsBeyondCap })
    out.push(c)
  }
  return out
}
