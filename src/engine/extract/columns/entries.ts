// Entries of a candidate list (title, link, date, locator), and the lists 大汉 jcms keeps in <datastore> CDATA.
import { load, type CheerioAPI } from 'cheerio/slim'
import type { AnyNode, Element } from 'domhandler'
import { collapseSpace, cssPath, locatorOf } from '../../locator.ts'
import type { Entry, ExtractContext, Locator, ParsedDate } from '../../types.ts'
import { byTag, queryAll } from '../dom.ts'
import { FINGERPRINT, type ListCandidate, MAX_BLOCK_LINKS, MAX_ROW_EXTRA, MAX_ROW_LINKS, SEP, elementChildren, hasTemplateAttr, hasTemplateText, isHiddenTemplate, isTag, resolveHref, rowText } from './shapes.ts'
import { containsNestedList, entryTitle, pickDate, tableDateColumn, titleLinks } from './rows.ts'
import { collectCandidates } from './candidates.ts'
import { MAX_ENTRIES_PER_COLUMN } from '../../limits.ts'


/**
 * CSS paths of rows given in document order. Sibling positions are counted by one forward scan per parent, so a
 * 20,000-row list costs one pass instead of cssPath's sibling walk per row.
 */
export function rowLocators(rows: Element[], texts: string[]): Locator[] {
  const out: Locator[] = []
  let parent: AnyNode | null = null
  let base = ''
  let cursor: AnyNode | null = null
  let seen: Record<string, number> = {}
  let totals: Record<string, number> = {}
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]
    if (row.parent !== parent) {
      parent = row.parent
      base = isTag(parent) ? cssPath(parent) : ''
      cursor = isTag(parent) ? parent.children[0] ?? null : null
      seen = {}
      totals = {}
      if (isTag(parent)) for (const c of parent.children) if (isTag(c)) totals[c.name] = (totals[c.name] ?? 0) + 1
    }
    while (cursor && cursor !== row) {
      if (isTag(cursor)) seen[cursor.name] = (seen[cursor.name] ?? 0) + 1
      cursor = cursor.next
    }
    const n = (seen[row.name] ?? 0) + 1
    const step = (totals[row.name] ?? 0) > 1 ? `${row.name}:nth-of-type(${n})` : row.name
    out.push({ css: base ? `${base} > ${step}` : cssPath(row), text: collapseSpace(texts[i].replaceAll(SEP, '')).slice(0, FINGERPRINT) })
  }
  return out
}


export interface BuiltList {
  cand: ListCandidate
  entries: Entry[]
  linkRows: number
  datedRows: number
  /** The list's row count when it passed MAX_ENTRIES_PER_COLUMN and the rows after the cap were not read. */
  rowsBeyondCap?: number
}

export function buildEntries(cand: ListCandidate, ctx: ExtractContext, $: CheerioAPI): BuiltList {
  const dateCol = cand.via === 'table' ? tableDateColumn(cand.rows) : -1
  const picked: { row: Element; link: Element; date: ParsedDate | null; title: string; plain: string }[] = []
  let dated = 0
  let rowsBeyondCap: number | undefined
  for (const row of cand.rows) {
    if (picked.length >= MAX_ENTRIES_PER_COLUMN) {
      rowsBeyondCap = cand.rows.length
      break
    }
    if (isHiddenTemplate(row)) continue
    const max = cand.blocks ? MAX_BLOCK_LINKS : MAX_ROW_LINKS
    const links = titleLinks(row, max)
    if (links.length === 0 || links.length > max) continue
    if (containsNestedList(row)) continue
    let best = links[0]
    let title = entryTitle(best.a, best.text)
    for (let i = 1; i < links.length; i++) {
      const t = entryTitle(links[i].a, links[i].text)
      if (t.length > title.length) {
        best = links[i]
        title = t
      }
    }
    const link = best.a
    if (hasTemplateText(title) || hasTemplateAttr(link)) continue
    // One walk for the row text; the link's own text is cut out of it for the date and the size check.
    const raw = rowText(row)
    const full = collapseSpace(raw.replaceAll(SEP, ' '))
    const extra = best.text ? full.replace(best.text, ' ') : full
    if (extra.length > MAX_ROW_EXTRA[cand.via]) continue
    const date = pickDate(row, link, extra, ctx.asOf, dateCol)
    if (date) dated++
    picked.push({ row, link, date, title, plain: raw })
  }
  const entries: Entry[] = []
  if (picked.length && dated > 0) {
    const locs = cand.anchor ? null : rowLocators(picked.map((p) => p.row), picked.map((p) => p.plain))
    const anchorCss = cand.anchor ? cssPath(cand.anchor) : ''
    for (let i = 0; i < picked.length; i++) {
      const p = picked[i]
      const title = p.title
      entries.push({
        title,
        href: resolveHref(p.link.attribs.href, ctx.url),
        date: p.date,
        locator: locs ? locs[i] : { css: anchorCss || locatorOf($, p.row).css, text: title.slice(0, FINGERPRINT) },
      })
    }
  }
  return { cand, entries, linkRows: picked.length, datedRows: dated, ...(rowsBeyondCap ? { rowsBeyondCap } : {}) }
}

/** jcms/大汉 lists: rows sit as CDATA inside <script type="text/xml"><datastore>, rendered by script. */
export function datastoreCandidates($: CheerioAPI): ListCandidate[] {
  const out: ListCandidate[] = []
  for (const script of queryAll($, byTag('script'))) {
    const type = (script.attribs.type ?? '').toLowerCase()
    if (type && type !== 'text/xml' && type !== 'text/html' && type !== 'text/template') continue
    const raw = $(script).text()
    if (!raw.includes('<datastore') && !raw.includes('<recordset')) continue
    const records: string[] = []
    for (const m of raw.matchAll(/<record(?:\s[^>]*)?>\s*(?:<!\[CDATA\[([\s\S]*?)\]\]>|([\s\S]*?))\s*<\/record>/gi)) {
      records.push(m[1] ?? m[2] ?? '')
    }
    if (!records.length) continue
    const frag = load(`<div>${records.join('\n')}</div>`, null, false)
    const root = frag.root().children().first().get(0)
    if (!root || !isTag(root)) continue
    const inner: ListCandidate[] = []
    collectCandidates(root, inner)
    const direct = elementChildren(root)
    const rows = direct.filter((e) => e.name === 'li' || e.name === 'div' || e.name === 'p' || e.name === 'tr' || e.name === 'dl')
    const anchor = isTag(script.parent) ? script.parent : script
    out.push({ container: root, rows, via: 'datastore', anchor })
  }
  return out
}

// First characters of the placeholders, to skip the full check on the page's many whitespace text nodes.
