// Finds a page's columns (栏目): a heading plus its list of dated entries. Works on raw domhandler nodes in one
// pass over candidate lists, because list pages can hold tens of thousands of rows and $(…) per row is too slow.
import { load, type CheerioAPI } from 'cheerio/slim'
import type { AnyNode, Element } from 'domhandler'
import { findDates } from '../dates.ts'
import { collapseSpace, cssPath, locatorOf } from '../locator.ts'
import type { Column, Entry, ExtractContext, Locator, ParsedDate } from '../types.ts'
import { byTag, queryAll } from './dom.ts'
import { classifyFreshness, isEmptyMarker, MORE_LINK_TEXTS, NAVIGATION_NAMES } from '../vocabulary.ts'

export interface ColumnStructure {
  columnName: string | null
  breadcrumb: string[]
}

const FINGERPRINT = 40
const MAX_ROW_LINKS = 3
const MAX_BLOCK_LINKS = 2
const MAX_HEADING_LENGTH = 30
const HEADING_CLASS = /title|tit|ttl|lanmu|caption|(^|[-_\s])(hd|bt|name|head|lm|column)|(hd|bt|head)([-_\s\d]|$)/i
const NON_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'head', 'select', 'option', 'textarea', 'iframe', 'svg'])
const ROW_BLOCK_TAGS = new Set(['div', 'p', 'dl', 'section', 'article'])
const NESTED_LIST = new Set(['ul', 'ol', 'table', 'dl'])
const TEMPLATE_ATTR = /^(ms-(repeat|for|each|if-loop)|v-for|ng-repeat|x-for|:key|data-ng-repeat)/

type Via = 'ul' | 'table' | 'dl' | 'tab' | 'datastore' | 'page' | 'div'

/** Text beside the title link: a date, a source, a short summary. More means the "row" is a whole article. */
const MAX_ROW_EXTRA: Record<Via, number> = { ul: 200, table: 200, dl: 120, tab: 200, datastore: 200, page: 200, div: 80 }

interface ListCandidate {
  container: Element
  rows: Element[]
  via: Via
  /** Set for lists parsed from a CMS datastore: where they sit in the page. */
  anchor?: Element
  /** Rows are repeated blocks (div/p/dl) rather than li/tr/dd: they must hold a single entry each. */
  blocks?: boolean
}

interface Heading {
  name: string
  href: string | null
  el: Element
  tab: boolean
}

const isTag = (n: AnyNode | null | undefined): n is Element => !!n && n.type === 'tag'

function elementChildren(el: Element): Element[] {
  const out: Element[] = []
  for (const c of el.children) if (isTag(c)) out.push(c)
  return out
}

/**
 * Visible text of a subtree, optionally skipping one descendant (the entry's own link). Cells and spans get a
 * trailing space so adjacent dates (<td>2026-04-15</td><td>2026-04-21</td>) stay apart; `plain` leaves them out,
 * matching cheerio's .text() as locatorOf uses for fingerprints.
 */
function textOf(node: AnyNode, skip?: Element, plain = false): string {
  const parts: string[] = []
  collectText(node, skip, parts, plain ? '' : ' ')
  return parts.join('')
}

/** Row text with cell separators as SEP, so both the separated and the plain (fingerprint) form come from one walk. */
const SEP = '\u0001'
function rowText(row: Element): string {
  const parts: string[] = []
  collectText(row, undefined, parts, SEP)
  return parts.join('')
}

// Top-level recursion (no per-call closures): this runs once per row on lists of tens of thousands of rows.
function collectText(n: AnyNode, skip: Element | undefined, parts: string[], sep: string): void {
  if (n === skip) {
    parts.push(' ')
    return
  }
  if (n.type === 'text') {
    parts.push((n as unknown as { data: string }).data)
    return
  }
  if (!isTag(n) || NON_CONTENT.has(n.name)) return
  for (const c of n.children) collectText(c, skip, parts, sep)
  if (sep && (n.name === 'br' || n.name === 'td' || n.name === 'dd' || n.name === 'span')) parts.push(sep)
}

function isHiddenTemplate(el: Element): boolean {
  const a = el.attribs
  if ((a.style !== undefined && /display\s*:\s*none/i.test(a.style)) || 'hidden' in a) return true
  for (const name in a) if (TEMPLATE_ATTR.test(name)) return true
  return false
}

function hasTemplateAttr(el: Element): boolean {
  for (const name in el.attribs) if (TEMPLATE_ATTR.test(name) || name.startsWith('ms-attr')) return true
  return false
}

function hasTemplateText(text: string): boolean {
  if (!text.includes('{')) return false
  return /\{\{[^}]*\}\}|\$\{[^}]*\}/.test(text)
}

const MORE_SET = new Set(MORE_LINK_TEXTS.map((m) => m.replace(/[>+]/g, '').toLowerCase()))

function isMoreText(text: string): boolean {
  if (text.length > 12) return false
  const t = text.replace(/[\s>»＞›+＋.…·]+/g, '')
  return t === '' || MORE_SET.has(t.toLowerCase()) || /^(查看)?更多/.test(t)
}

function resolveHref(raw: string | undefined, base: string | null): string | null {
  const href = raw?.trim()
  if (!href || /^(javascript:|#|mailto:|tel:)/i.test(href)) return null
  if (!base) return href
  try {
    return new URL(href, base).href
  } catch {
    return href
  }
}

function linkText(a: Element): string {
  // Most links hold one text node; skip the generic walk for them.
  const only = a.children.length === 1 ? a.children[0] : null
  if (only && only.type === 'text') return collapseSpace((only as unknown as { data: string }).data)
  return collapseSpace(textOf(a))
}

interface TitleLink {
  a: Element
  /** Visible link text, whitespace collapsed. */
  text: string
}

/** Links of a row that could be the entry's title link (not 更多, not icons); stops after `limit` + 1. */
function titleLinks(row: Element, limit = Infinity): TitleLink[] {
  const out: TitleLink[] = []
  collectTitleLinks(row, limit, out)
  return out
}

function collectTitleLinks(n: Element, limit: number, out: TitleLink[]): void {
  for (const c of n.children) {
    if (out.length > limit) return
    if (!isTag(c)) continue
    if (c.name === 'a') {
      const text = linkText(c)
      const label = text || collapseSpace(c.attribs.title ?? '')
      if (label && !isMoreText(label)) out.push({ a: c, text })
    } else if (!NON_CONTENT.has(c.name)) collectTitleLinks(c, limit, out)
  }
}

function containsNestedList(row: Element): boolean {
  for (const c of row.children) {
    if (!isTag(c)) continue
    if (NESTED_LIST.has(c.name) || containsNestedList(c)) return true
  }
  return false
}

function entryTitle(a: Element, text: string): string {
  const title = collapseSpace(a.attribs.title ?? '')
  // CMS lists cut long titles ("…关于印发《平潭…") and keep the full one in the title attribute.
  if (title && title.length >= text.length && !/^点击|查看详情/.test(title)) return title
  return text || title
}

function pickDate(row: Element, link: Element, extra: string, asOf: string, tableDateCol: number): ParsedDate | null {
  if (tableDateCol >= 0 && row.name === 'tr') {
    const cells = elementChildren(row).filter((c) => c.name === 'td' || c.name === 'th')
    const cell = cells[tableDateCol]
    if (cell) {
      const d = findDates(textOf(cell), { asOf })
      if (d.length) return d[d.length - 1]
    }
  }
  const dates = findDates(extra, { asOf })
  if (dates.length) return dates[dates.length - 1]
  // Some templates put the date inside the link (<a>标题<span>2026-01-05</span></a>): accept a date-only child.
  for (const c of link.children) {
    if (!isTag(c)) continue
    const t = collapseSpace(textOf(c))
    const d = findDates(t, { asOf })
    if (d.length === 1 && t.length <= d[0].raw.length + 4) return d[0]
  }
  return null
}

/** Index of the 发布日期-like header cell of a table, or -1. */
function tableDateColumn(rows: Element[]): number {
  for (const row of rows.slice(0, 3)) {
    const cells = elementChildren(row).filter((c) => c.name === 'td' || c.name === 'th')
    const labels = cells.map((c) => collapseSpace(textOf(c)).replace(/\s/g, ''))
    const i = labels.findIndex((l) => /^(发布|公开|更新)(日期|时间)$/.test(l))
    if (i >= 0) return i
  }
  return -1
}

// ───────────────────────────── candidate lists ─────────────────────────────

function tableRows(table: Element): Element[] {
  const rows: Element[] = []
  for (const c of table.children) {
    if (!isTag(c)) continue
    if (c.name === 'tr') rows.push(c)
    else if (c.name === 'tbody' || c.name === 'thead' || c.name === 'tfoot') {
      for (const r of c.children) if (isTag(r) && r.name === 'tr') rows.push(r)
    }
  }
  return rows
}

// Inline elements never hold a list; not descending into them keeps the scan to block-level nodes.
const LEAF_TAGS = new Set(['a', 'img', 'br', 'i', 'em', 'b', 'strong', 'font', 'input', 'button', 'label', 'small', 'sup', 'sub', 'hr'])

function collectCandidates(root: AnyNode, out: ListCandidate[]): void {
  if (isTag(root)) visitCandidate(root, out)
  else for (const c of (root as unknown as { children: AnyNode[] }).children ?? []) if (isTag(c)) visitCandidate(c, out)
}

function visitCandidate(el: Element, out: ListCandidate[]): void {
  if (NON_CONTENT.has(el.name) || LEAF_TAGS.has(el.name)) return
  if (el.name === 'ul' || el.name === 'ol') {
    out.push({ container: el, rows: elementChildren(el).filter((k) => k.name === 'li'), via: 'ul' })
  } else if (el.name === 'table') {
    out.push({ container: el, rows: tableRows(el), via: 'table' })
  } else if (el.name === 'dl') {
    const dds = elementChildren(el).filter((k) => k.name === 'dd' || k.name === 'dt')
    if (dds.filter((k) => titleLinks(k, 0).length > 0).length >= 2) out.push({ container: el, rows: dds, via: 'dl' })
  }
  // Repeated blocks (<div class="item">, <dl> per row): same tag twice or more under one parent.
  let blockKids = 0
  for (const k of el.children) if (isTag(k) && ROW_BLOCK_TAGS.has(k.name)) blockKids++
  if (blockKids >= 2) {
    const byTag = new Map<string, Element[]>()
    for (const k of el.children) {
      if (!isTag(k) || !ROW_BLOCK_TAGS.has(k.name)) continue
      const list = byTag.get(k.name)
      if (list) list.push(k)
      else byTag.set(k.name, [k])
    }
    for (const [tag, group] of byTag) {
      if (group.length >= 2) out.push({ container: el, rows: group, via: tag === 'dl' ? 'dl' : 'div', blocks: true })
    }
  }
  for (const k of el.children) if (isTag(k)) visitCandidate(k, out)
}

// ───────────────────────────── headings ─────────────────────────────

function cleanHeading(text: string): string {
  return collapseSpace(text)
    .replace(/(查看)?更多\s*[>»＞›+＋]*|more\s*[>»+]*|[>»＞›]+$/gi, '')
    .replace(/^[\s|｜·•■□◆◇●○▌▍▎▏【\[]+|[\s|｜·•■□◆◇●○:：】\]]+$/g, '')
    .trim()
}

function firstLinkHref(el: Element, base: string | null, wantMore: boolean): string | null {
  let found: string | null = null
  const walk = (n: Element): void => {
    for (const c of n.children) {
      if (found !== null || !isTag(c)) continue
      if (c.name === 'a') {
        const more = isMoreText(linkText(c) || c.attribs.title || '')
        if (more === wantMore) found = resolveHref(c.attribs.href, base)
      } else walk(c)
    }
  }
  if (el.name === 'a') return resolveHref(el.attribs.href, base)
  walk(el)
  return found
}

function findDescendant(el: Element, test: (e: Element) => boolean, depth = 3): Element | null {
  if (depth < 0) return null
  for (const c of el.children) {
    if (!isTag(c)) continue
    if (test(c)) return c
    const inner = findDescendant(c, test, depth - 1)
    if (inner) return inner
  }
  return null
}

const isHTag = (e: Element): boolean => /^h[1-6]$/.test(e.name)

/** A block title element: h1–h6, dt/caption, or a short element whose class says title/hd. */
function headingOf(el: Element, base: string | null): Heading | null {
  let target: Element | null = null
  if (isHTag(el) || el.name === 'caption' || el.name === 'dt' || el.name === 'legend') target = el
  else {
    const h = findDescendant(el, isHTag)
    if (h) target = h
    else if (HEADING_CLASS.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`)) target = el
  }
  if (!target) return null
  if (titleLinks(target, 2).length > 2) return null
  const name = cleanHeading(textOf(target))
  if (!name || name.length > MAX_HEADING_LENGTH || findDates(name).length) return null
  return { name, href: firstLinkHref(target, base, false) ?? firstLinkHref(el, base, true), el: target, tab: false }
}

/** Tab strip items: li of its list, else its links, else its element children. */
function tabItems(header: Element): Element[] {
  const ul = header.name === 'ul' || header.name === 'ol' ? header : findDescendant(header, (e) => e.name === 'ul' || e.name === 'ol', 2)
  if (ul) return elementChildren(ul).filter((e) => e.name === 'li')
  const kids = elementChildren(header)
  const links = kids.filter((k) => k.name === 'a')
  if (links.length >= 2) return links
  return kids.filter((k) => k.name === 'span' || k.name === 'div' || k.name === 'li' || k.name === 'h3' || k.name === 'h2')
}

function previousElements(el: Element, max: number): Element[] {
  const out: Element[] = []
  let p = el.prev
  while (p && out.length < max) {
    if (isTag(p)) out.push(p)
    p = p.prev
  }
  return out
}

/** Tabbed block: panels are same-tag/class siblings, their titles sit in one header element before them. */
function tabHeading(panel: Element, base: string | null): Heading | null {
  const parent = panel.parent
  if (!isTag(parent)) return null
  const cls = panel.attribs.class ?? ''
  const panels = elementChildren(parent).filter((e) => e.name === panel.name && (e.attribs.class ?? '') === cls)
  if (panels.length < 2) return null
  const index = panels.indexOf(panel)
  const headers = [...previousElements(panels[0], 2), ...previousElements(parent, 2)]
  for (const header of headers) {
    const items = tabItems(header)
    if (items.length !== panels.length) continue
    const names = items.map((i) => cleanHeading(textOf(i)))
    if (names.some((n) => !n || n.length > MAX_HEADING_LENGTH)) continue
    const item = items[index]
    const mores = collectMoreLinks(header, base)
    const href = firstLinkHref(item, base, false) ?? (mores.length === panels.length ? mores[index] : null)
    return { name: names[index], href, el: item, tab: true }
  }
  return null
}

function collectMoreLinks(el: Element, base: string | null): (string | null)[] {
  const out: (string | null)[] = []
  const walk = (n: Element): void => {
    for (const c of n.children) {
      if (!isTag(c)) continue
      if (c.name === 'a') {
        if (isMoreText(linkText(c) || c.attribs.title || '')) out.push(resolveHref(c.attribs.href, base))
      } else walk(c)
    }
  }
  walk(el)
  return out
}

/** Heading of a list: a tab title, else the nearest block title before it, climbing a few levels. */
function headingFor(list: Element, base: string | null, listCount: Map<Element, number>): Heading | null {
  // <dl><dt>乡镇动态</dt><dd>…</dd></dl>, <table><caption>: the title is the container's own first child.
  const first = elementChildren(list)[0]
  if (first && (first.name === 'dt' || first.name === 'caption' || isHTag(first))) {
    const own = headingOf(first, base)
    if (own) {
      if (!own.href) own.href = collectMoreLinks(list, base)[0] ?? null
      return own
    }
  }
  let node: Element = list
  for (let depth = 0; depth < 5; depth++) {
    const tab = tabHeading(node, base)
    if (tab) return tab
    for (const sib of previousElements(node, 3)) {
      if ((listCount.get(sib) ?? 0) > 0) break
      const h = headingOf(sib, base)
      if (h) {
        if (!h.href) h.href = moreLinkAfter(node, base)
        return h
      }
    }
    // Title as the first child of the list block itself (<div class="box"><h3>…</h3><ul>…</ul></div> handled
    // above; <ul><li class="title">…</li> is rare enough to leave).
    const parent = node.parent
    if (!isTag(parent) || parent.name === 'body' || parent.name === 'html') break
    // Climbing into a block that holds another list would borrow that list's title.
    if ((listCount.get(parent) ?? 0) > 1) break
    node = parent
  }
  return null
}

function moreLinkAfter(node: Element, base: string | null): string | null {
  let n = node.next
  for (let i = 0; n && i < 4; n = n.next) {
    if (!isTag(n)) continue
    i++
    const more = collectMoreLinks(n, base)
    if (more.length) return more[0]
    if (n.name === 'a' && isMoreText(linkText(n))) return resolveHref(n.attribs.href, base)
  }
  return null
}

function isNavigationName(name: string): boolean {
  return NAVIGATION_NAMES.some((n) => name.includes(n))
}

// ───────────────────────────── locators ─────────────────────────────

/**
 * CSS paths of rows given in document order. Sibling positions are counted by one forward scan per parent, so a
 * 20,000-row list costs one pass instead of cssPath's sibling walk per row.
 */
function rowLocators(rows: Element[], texts: string[]): Locator[] {
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

// ───────────────────────────── main ─────────────────────────────

interface BuiltList {
  cand: ListCandidate
  entries: Entry[]
  linkRows: number
  datedRows: number
}

function buildEntries(cand: ListCandidate, ctx: ExtractContext, $: CheerioAPI): BuiltList {
  const dateCol = cand.via === 'table' ? tableDateColumn(cand.rows) : -1
  const picked: { row: Element; link: Element; date: ParsedDate | null; title: string; plain: string }[] = []
  let dated = 0
  for (const row of cand.rows) {
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
  return { cand, entries, linkRows: picked.length, datedRows: dated }
}

/** jcms/大汉 lists: rows sit as CDATA inside <script type="text/xml"><datastore>, rendered by script. */
function datastoreCandidates($: CheerioAPI): ListCandidate[] {
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
const MARKER_CHARS = /[暂没无正栏建敬信Nn]/

function emptyMarkerElements(root: AnyNode): Element[] {
  const out: Element[] = []
  const walk = (n: AnyNode): void => {
    if (isTag(n) || n.type === 'root') {
      if (isTag(n) && NON_CONTENT.has(n.name)) return
      for (const c of (n as Element).children) walk(c)
    } else if (n.type === 'text') {
      const data = (n as unknown as { data: string }).data
      if (data.length < 40 && MARKER_CHARS.test(data) && isEmptyMarker(data) && isTag(n.parent)) out.push(n.parent)
    }
  }
  walk(root)
  return out
}

function isInsideChrome(el: Element): boolean {
  for (let p: AnyNode | null = el; p && isTag(p); p = p.parent) {
    if (p.name === 'header' || p.name === 'footer' || p.name === 'nav') return true
    const key = `${p.attribs.class ?? ''} ${p.attribs.id ?? ''}`
    if (/(^|[\s_-])(footer|foot|bottom|header|top-?nav|topbar)([\s_-]|$)/i.test(key)) return true
    if (p.attribs.role === 'navigation') return true
  }
  return false
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
    })
    used.add(place)
  }

  // Blank columns: a "暂无信息" placeholder, or an empty list container, under a column heading.
  const blanks: { el: Element; marker: boolean }[] = emptyMarkerElements(root).map((el) => ({ el, marker: true }))
  for (const cand of candidates) {
    if ((cand.via === 'ul' || cand.via === 'table') && cand.rows.length === 0 && textOf(cand.container).trim() === '') {
      if (!isHiddenTemplate(cand.container)) blanks.push({ el: cand.container, marker: false })
    }
  }
  for (const { el, marker } of blanks) {
    if (isInsideChrome(el)) continue
    let place = el
    // The placeholder usually sits in a <li>/<p> inside the list; the list is what the heading heads.
    for (let up = 0; up < 2; up++) {
      const p = place.parent
      if (isTag(p) && (p.name === 'ul' || p.name === 'ol' || p.name === 'tbody' || p.name === 'table' || p.name === 'tr' || p.name === 'td') && textOf(p).trim().length < 40) place = p
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
      ctx.notes.push(`dated list without a column heading (${c.entries.length} entries) at ${c.locator?.css ?? '?'}`)
      continue
    }
    c.freshnessClass = classifyFreshness(c.name)
    out.push(c)
  }
  return out
}
