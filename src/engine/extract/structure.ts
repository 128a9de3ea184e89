// Page structure: title, breadcrumb, column, <meta> tags, sub-column navigation, headings, main text and the
// year an annual report covers. Also the DOM text helpers the other extractors share.
import type { AnyNode, Element, ParentNode } from 'domhandler'
import type { CheerioAPI } from 'cheerio/slim'
import { collapseSpace, locatorOf } from '../locator.ts'
import { allElements, attrContains, byTag, closestMatch, findIn, hasAttr, queryAll } from './dom.ts'
import type { ExtractContext, Heading, NavLink } from '../types.ts'

export interface PageStructure {
  title: string
  breadcrumb: string[]
  columnName: string | null
  meta: Record<string, string>
  navigation: NavLink[]
  headings: Heading[]
  mainText: string
  reportYear: number | null
}

// ---------------------------------------------------------------------------------------------------------
// Shared DOM text helpers

/** Never visible; their text (scripts, CSS, option lists) must not leak into labels, dates or headings. */
export const INVISIBLE_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'object', 'svg',
  'select', 'option', 'textarea', 'canvas',
])

/** Elements that start a new line when rendered; their boundaries separate label from value. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul',
])

export function isElement(node: AnyNode | null | undefined): node is Element {
  return !!node && (node.type === 'tag' || node.type === 'script' || node.type === 'style')
}

export function tagOf(el: Element): string {
  return el.name.toLowerCase()
}

// Extraction reads the same subtrees many times (box climbing, footer scoring). The parsed page is not mutated
// while the model is built, so each element's text is computed once; untrimmed so parents can concatenate.
// Whitespace is left as printed: collapsing is only needed once, in visibleText, and collapsing at every level
// re-scanned the same characters once per ancestor.
const rawTextCache = new WeakMap<Element, string>()

function rawText(el: Element): string {
  const cached = rawTextCache.get(el)
  if (cached !== undefined) return cached
  let out = ''
  for (const child of el.children) {
    if (child.type === 'text') out += (child as unknown as { data: string }).data
    else if (isElement(child) && !INVISIBLE_TAGS.has(tagOf(child))) {
      out += BLOCK_TAGS.has(tagOf(child)) ? ` ${rawText(child)} ` : rawText(child)
    }
  }
  rawTextCache.set(el, out)
  return out
}

// The same elements are asked for their collapsed text again and again (box climb per anchor, footer scoring,
// link names): collapsing is a regex pass over the whole subtree's text, so its result is kept too.
const visibleTextCache = new WeakMap<Element, string>()

function collapsedText(el: Element): string {
  // A single text child (a link, a cell) is collapsed faster than a cache entry is made and later collected.
  const only = el.children.length === 1 ? el.children[0] : null
  if (only && only.type === 'text') {
    return INVISIBLE_TAGS.has(tagOf(el)) ? '' : collapseSpace((only as unknown as { data: string }).data)
  }
  let text = visibleTextCache.get(el)
  if (text === undefined) {
    text = INVISIBLE_TAGS.has(tagOf(el)) ? '' : collapseSpace(rawText(el))
    visibleTextCache.set(el, text)
  }
  return text
}

/**
 * `visibleText(el).length > limit`, without building the text of a large subtree. Size checks (box climb, footer
 * and crumb candidates) mostly meet an article wrapper or the page body, whose whole text they would otherwise
 * concatenate and collapse only to compare its length. Every character that is not whitespace survives
 * collapsing, so counting those gives a lower bound; only when it stays within `limit` is the text built.
 */
export function visibleTextExceeds(el: Element, limit: number): boolean {
  const cached = visibleTextCache.get(el)
  if (cached !== undefined) return cached.length > limit
  if (!INVISIBLE_TAGS.has(tagOf(el)) && solidCharsExceed(el, limit, { count: 0 })) return true
  return collapsedText(el).length > limit
}

/** Whether more than `limit` visible non-space characters lie under `el`; stops counting once they do. */
function solidCharsExceed(el: Element, limit: number, acc: { count: number }): boolean {
  for (const child of el.children) {
    if (child.type === 'text') {
      const data = (child as unknown as { data: string }).data
      for (let i = 0; i < data.length; i++) {
        if (!isSpaceLike(data.charCodeAt(i)) && ++acc.count > limit) return true
      }
    } else if (isElement(child) && !INVISIBLE_TAGS.has(tagOf(child)) && solidCharsExceed(child, limit, acc)) {
      return true
    }
  }
  return false
}

/** A superset of what collapseSpace removes (\s, NBSP, ideographic space, zero-width space, BOM): erring towards
 * "space" only lowers the bound. */
function isSpaceLike(code: number): boolean {
  if (code <= 0x20) return true
  if (code < 0x85) return false
  return (
    code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 ||
    code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  )
}

/** Visible text with block boundaries as spaces, whitespace collapsed. `skip` prunes whole subtrees. */
export function visibleText(node: AnyNode, skip?: (el: Element) => boolean): string {
  if (!skip && isElement(node)) return collapsedText(node)
  const out: string[] = []
  const walk = (n: AnyNode): void => {
    if (n.type === 'text') {
      out.push((n as unknown as { data: string }).data)
      return
    }
    if (n.type === 'root') {
      for (const child of (n as ParentNode).children) walk(child)
      return
    }
    if (!isElement(n)) return
    const tag = tagOf(n)
    if (INVISIBLE_TAGS.has(tag) || (skip && skip(n))) return
    const block = BLOCK_TAGS.has(tag)
    if (block) out.push(' ')
    for (const child of n.children) walk(child)
    if (block) out.push(' ')
  }
  walk(node)
  return collapseSpace(out.join(''))
}

// Every character collapseSpace changes or trims (its pattern plus the characters `trim` removes).
const ANY_SPACE = /[\s\u00a0\u3000\u200b\ufeff]/

/** Removes the spaces collapseSpace leaves between CJK characters (`政府信息<br>公开指南` → 政府信息公开指南). */
export function tightCjk(text: string): string {
  // Link names are asked for every link of a list page, and most carry no whitespace at all: nothing to do.
  if (!ANY_SPACE.test(text)) return text
  return collapseSpace(text).replace(/(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])/g, '')
}

function attr(el: Element, name: string): string {
  return el.attribs?.[name] ?? ''
}

/** class + id of an element, lower-cased, for template-name heuristics. */
export function classAndId(el: Element): string {
  // Most elements carry neither; skipping the template string and toLowerCase matters on pages of thousands of rows.
  if (!el.attribs?.class && !el.attribs?.id) return ' '
  return `${attr(el, 'class')} ${attr(el, 'id')}`.toLowerCase()
}

export function ancestors(el: Element): Element[] {
  const out: Element[] = []
  let node = el.parent
  while (isElement(node)) {
    out.push(node)
    node = node.parent
  }
  return out
}

export function contains(outer: Element, inner: AnyNode): boolean {
  let node: AnyNode | null = inner
  while (node) {
    if (node === outer) return true
    node = node.parent
  }
  return false
}

export function commonAncestor(elements: Element[]): Element | null {
  if (elements.length === 0) return null
  let candidate: Element | null = elements[0]
  while (candidate && !elements.every((el) => contains(candidate as Element, el))) {
    candidate = isElement(candidate.parent) ? candidate.parent : null
  }
  return candidate
}

// Site chrome: header, footer, menus. Article text, dates and headings found inside are boilerplate.
const CHROME_RE = /(^|[\s_-])(header|head|top|footer|foot|bottom|nav|navbar|menu|copyright|logo|banner)([\s_\d-]|$)/

export function isChrome(el: Element): boolean {
  const tag = tagOf(el)
  if (tag === 'header' || tag === 'footer' || tag === 'nav') return true
  return CHROME_RE.test(classAndId(el))
}

// Most specific first: CMS body containers (TRS, Hanweb, UCAP …), then generic article wrappers.
const MAIN_SELECTORS = [
  '#UCAP-CONTENT', 'ucapcontent', '.pages_content', '#zoomcon', '#zoom', '.TRS_Editor', '.article-content',
  '.detil-new-cont', '#dochtmlcon', '.main-txt', '.wenzhang-content', '.news_content', '.con_text',
  'article', '.article', '#content', '.content', 'main',
]
const MIN_MAIN_TEXT = 30

/**
 * Matches of every MAIN_SELECTORS entry, in document order, from one pass over the page (17 separate queries
 * each walked the whole document). A class matches when one of its whitespace-separated tokens equals the name,
 * as the `.name` selector does.
 */
function mainSelectorMatches($: CheerioAPI): Element[][] {
  const buckets: Element[][] = MAIN_SELECTORS.map(() => [])
  const byId = new Map<string, number>()
  const byClass = new Map<string, number>()
  const byTagName = new Map<string, number>()
  MAIN_SELECTORS.forEach((selector, i) => {
    if (selector.startsWith('#')) byId.set(selector.slice(1), i)
    else if (selector.startsWith('.')) byClass.set(selector.slice(1), i)
    else byTagName.set(selector.toLowerCase(), i)
  })
  for (const el of allElements($)) {
    const tagHit = byTagName.get(el.name)
    if (tagHit !== undefined) buckets[tagHit].push(el)
    const id = el.attribs.id
    const idHit = id === undefined ? undefined : byId.get(id)
    if (idHit !== undefined) buckets[idHit].push(el)
    const cls = el.attribs.class
    if (!cls) continue
    // Almost no class names are main-container names: the duplicate guard is only made on a hit.
    let seen: Set<number> | null = null
    for (const token of cls.split(/\s+/)) {
      const hit = byClass.get(token)
      if (hit !== undefined && !seen?.has(hit)) {
        seen ??= new Set<number>()
        seen.add(hit)
        buckets[hit].push(el)
      }
    }
  }
  return buckets
}

const mainCache = new WeakMap<object, Element | null>()

/** The element holding the article / guide / report body, or null when no known container has text. */
export function findMainContainer($: CheerioAPI): Element | null {
  const doc = $.root().get(0) as object
  const cached = mainCache.get(doc)
  if (cached !== undefined) return cached
  let found: Element | null = null
  search: for (const matches of mainSelectorMatches($)) {
    for (const el of matches) {
      if (!isElement(el) || ancestors(el).some(isChrome)) continue
      if (visibleText(el).length >= MIN_MAIN_TEXT) {
        found = el
        break search
      }
    }
  }
  mainCache.set(doc, found)
  return found
}

/**
 * Where page-wide searches start: <body>, or the whole document when content sits outside it — a stray </html>
 * in an included header (gov.cn 公报 pages) leaves the rest of the page at the top level for htmlparser2.
 */
export function scanRoot($: CheerioAPI): ParentNode {
  const doc = $.root().get(0) as unknown as ParentNode
  const cached = scanRootCache.get(doc)
  if (cached) return cached
  const body = queryAll($, byTag('body'))[0]
  let root: ParentNode = doc
  if (isElement(body)) {
    const topLevel = doc.children.filter(isElement)
    const html = topLevel[0]
    const enclosed =
      topLevel.length === 1 && html.children.filter(isElement).every((c) => tagOf(c) === 'head' || c === body)
    if (enclosed) root = body
  }
  scanRootCache.set(doc, root)
  return root
}

// Every extractor asks for the scan root; the answer depends only on the parsed page.
const scanRootCache = new WeakMap<object, ParentNode>()

// ---------------------------------------------------------------------------------------------------------
// meta

const HAS_NAME = hasAttr('name')

function readMeta($: CheerioAPI): Record<string, string> {
  const meta: Record<string, string> = {}
  for (const el of queryAll($, (e) => e.name === 'meta' && HAS_NAME(e))) {
    if (!isElement(el) || !('content' in el.attribs)) continue
    const name = attr(el, 'name').trim()
    if (!name) continue
    const content = collapseSpace(attr(el, 'content'))
    // Templates print some metas twice; an empty first copy must not hide a filled second one.
    if (!(name in meta) || (meta[name] === '' && content !== '')) meta[name] = content
  }
  return meta
}

// ---------------------------------------------------------------------------------------------------------
// title

// `title _ 中国宜春`, `站名 | 标题`, `标题__2007年第23号国务院公报_中国政府网`, `标题-中国科普网`.
const TITLE_SEPARATORS = /\s+[|｜_\-–—]+\s+|_{1,2}|\s*[|｜]\s*|——|-(?=[^-]{2,12}(?:网|网站|政府|门户)$)/

export function stripSiteSuffix(title: string, siteName = ''): string {
  const text = collapseSpace(title)
  const parts = text
    .split(TITLE_SEPARATORS)
    .map((p) => collapseSpace(p))
    .filter((p) => p && p !== siteName)
  if (parts.length <= 1) return parts[0] ?? text
  return parts.reduce((best, p) => (p.length > best.length ? p : best))
}

const TITLE_CLASS_RE = /(^|[\s_-])(article|detail|detil|news|con|art|wz|wenzhang|doc)?[-_]?title([\s_-]|$)/

// h1, h2, [class*=title], [id*=title] — the tests are built once: this runs on every element of the page.
const CLASS_HAS_TITLE = attrContains('class', 'title')
const ID_HAS_TITLE = attrContains('id', 'title')
const TITLE_CANDIDATE = (el: Element): boolean =>
  el.name === 'h1' || el.name === 'h2' || CLASS_HAS_TITLE(el) || ID_HAS_TITLE(el)

function findTitle($: CheerioAPI, meta: Record<string, string>): string {
  if (meta.ArticleTitle) return meta.ArticleTitle
  const titleEl = queryAll($, byTag('title'))[0]
  const titleTag = collapseSpace(titleEl ? $(titleEl).text() : '')
  const fromTag = stripSiteSuffix(titleTag, meta.SiteName ?? '')
  const candidates: string[] = []
  for (const el of queryAll($, TITLE_CANDIDATE)) {
    if (!isElement(el) || INVISIBLE_TAGS.has(tagOf(el))) continue
    const up = ancestors(el)
    if (up.some((a) => tagOf(a) === 'a' || isChrome(a))) continue
    const tag = tagOf(el)
    if (tag !== 'h1' && tag !== 'h2' && !TITLE_CLASS_RE.test(classAndId(el))) continue
    const text = visibleText(el)
    if (text.length >= 4 && text.length <= 200) candidates.push(text)
  }
  // The <title> normally repeats the article title: the element that agrees with it is the title.
  // An element longer than the <title> text wraps more than the title (source, date line): keep the <title> text.
  const agreeing = candidates.find((c) => fromTag && fromTag.includes(c))
  if (agreeing) return agreeing
  if (fromTag) return fromTag
  return candidates[0] ?? ''
}

// ---------------------------------------------------------------------------------------------------------
// breadcrumb

const CRUMB_CLASS_RE = /crumb|position|location|dqwz|bread|weizhi|curpos|current[-_]?path|lujing|mbx/
const CRUMB_LABEL_RE = /^.*?(?:当前|所在|现在的?)?位置\s*[:：]?/
const CRUMB_SEPARATOR_RE = /\s*(?:>>|»|›|>|＞|→|\/|\\|＞)\s*/
const MAX_CRUMB_TEXT = 300

// Print / font-size / share widgets sit inside some crumb bars (gov.cn 公报 pages).
const CRUMB_WIDGET_RE = /print|share|font|size|tool|zihao|fenxiang/

/** Marked hidden in the markup: `display:none`, `hidden`, or a class/id saying so (hiddenLocation, ng-hide). */
export function isHidden(el: Element): boolean {
  if ('hidden' in (el.attribs ?? {})) return true
  if (/display\s*:\s*none/i.test(attr(el, 'style'))) return true
  return /(^|[\s_-])(hidden|ng-hide|hide)([\s_-]|$)|^hidden/.test(classAndId(el))
}

function crumbItems(container: Element): string[] {
  const items: string[] = []
  const walk = (n: AnyNode): void => {
    if (n.type === 'text') {
      for (const part of (n as unknown as { data: string }).data.split(CRUMB_SEPARATOR_RE)) items.push(part)
      return
    }
    if (!isElement(n) || INVISIBLE_TAGS.has(tagOf(n))) return
    if (n !== container && (CRUMB_WIDGET_RE.test(classAndId(n)) || isHidden(n))) return
    if (tagOf(n) === 'a') {
      items.push(visibleText(n))
      return
    }
    for (const child of n.children) walk(child)
  }
  walk(container)
  return items
    .map((item) => tightCjk(item).replace(CRUMB_LABEL_RE, '').trim())
    .filter((item) => item && !/^[\s>»›/\\|:：\-]+$/.test(item) && !/[:：]$/.test(item))
}

function findBreadcrumb($: CheerioAPI): { items: string[]; el: Element | null } {
  const named: Element[] = []
  const labelled: Element[] = []
  const walk = (el: Element): void => {
    if (INVISIBLE_TAGS.has(tagOf(el))) return
    if (CRUMB_CLASS_RE.test(classAndId(el))) named.push(el)
    let own = ''
    for (const c of el.children) {
      if (c.type === 'text') own += (c as unknown as { data: string }).data
      else if (isElement(c)) walk(c)
    }
    // Templates without a class name still print the 当前位置 label.
    if (own.includes('位置') && /位置\s*[:：]/.test(own)) labelled.push(isElement(el.parent) && visibleText(el).length < 20 ? el.parent : el)
  }
  for (const child of scanRoot($).children) if (isElement(child)) walk(child)
  const candidates = [...named, ...labelled]
  for (const el of candidates) {
    if (isHidden(el)) continue
    if (visibleTextExceeds(el, MAX_CRUMB_TEXT)) continue
    const text = visibleText(el)
    if (!text || !/首页|主页|位置|[>»›＞]/.test(text)) continue
    const items = crumbItems(el)
    if (items.length >= 2 || (items.length === 1 && /位置/.test(text))) return { items, el }
  }
  return { items: [], el: null }
}

const NOT_A_COLUMN = new Set(['正文', '详情', '内容', '详细内容', '文章', '信息详情', '正文内容'])

function pickColumnName(meta: Record<string, string>, breadcrumb: string[], title: string): string | null {
  if (meta.ColumnName) return meta.ColumnName
  for (let i = breadcrumb.length - 1; i >= 1; i--) {
    const item = breadcrumb[i]
    if (NOT_A_COLUMN.has(item) || item === title) continue
    return item
  }
  return null
}

// ---------------------------------------------------------------------------------------------------------
// navigation

/** Sub-column names of the 政府信息公开 section (国办公开办函〔2019〕61号 four columns + common extras). */
const DISCLOSURE_NAV_RE = /指南|制度|法定主动公开|主动公开|年报|年度报告|依申请|公开目录|公开申请|信息公开/
const MAX_NAV_LINKS = 60
const MIN_NAV_DENSITY = 0.3

// Every DISCLOSURE_NAV_RE alternative contains one of these; a link showing none of them cannot match, whatever
// spacing linkName removes.
const DISCLOSURE_NAV_CHARS = /[指制公年依]/

function mayNameDisclosure(a: Element): boolean {
  return DISCLOSURE_NAV_CHARS.test(visibleText(a)) || DISCLOSURE_NAV_CHARS.test(attr(a, 'title'))
}

function linkName(a: Element): string {
  const text = tightCjk(visibleText(a))
  return text || tightCjk(attr(a, 'title'))
}

function findNavigation($: CheerioAPI, footerish: (el: Element) => boolean): Element | null {
  const hits = new Map<Element, number>()
  // Links share their ancestors: whether a chain holds a footer block is remembered per element, not re-tested
  // for each of a list page's thousands of links.
  const footerChain = new Map<Element, boolean>()
  const inFooter = (el: Element): boolean => {
    // Climb to the first element already known (or the top), then fill the answers in on the way back down.
    const unknown: Element[] = []
    let node: AnyNode | null = el
    let known = false
    while (isElement(node)) {
      const cached = footerChain.get(node)
      if (cached !== undefined) {
        known = cached
        break
      }
      unknown.push(node)
      node = node.parent
    }
    for (let i = unknown.length - 1; i >= 0; i--) {
      known = known || footerish(unknown[i])
      footerChain.set(unknown[i], known)
    }
    return known
  }
  for (const a of queryAll($, byTag('a'))) {
    if (!isElement(a) || !mayNameDisclosure(a)) continue
    if (!DISCLOSURE_NAV_RE.test(linkName(a)) || (isElement(a.parent) && inFooter(a.parent))) continue
    for (let el = a.parent; isElement(el); el = el.parent) hits.set(el, (hits.get(el) ?? 0) + 1)
  }
  // Link totals only matter up to MAX_NAV_LINKS, and only for the few blocks holding a hit: counting them here
  // replaces bumping a counter on every ancestor of each of a list page's thousands of links.
  // On a list page every row is a hit: count and measure without building a list per row.
  const linkCount = (el: Element): number => countLinks(el, MAX_NAV_LINKS + 1)
  let best: Element | null = null
  let bestHits = 1
  let bestDepth = -1
  for (const [el, count] of hits) {
    const tag = tagOf(el)
    if (tag === 'body' || tag === 'html') continue
    const links = linkCount(el)
    if (links > MAX_NAV_LINKS || count / links < MIN_NAV_DENSITY) continue
    const depth = depthOf(el)
    if (count > bestHits || (count === bestHits && depth > bestDepth)) {
      best = el
      bestHits = count
      bestDepth = depth
    }
  }
  return best
}

/** How many `a` elements lie under `el` (not counting `el`), counting no further than `limit`. */
function countLinks(el: Element, limit: number, seen = 0): number {
  for (const child of el.children) {
    if (seen >= limit) break
    if (!isElement(child)) continue
    if (child.name === 'a') seen++
    if (child.children.length) seen = countLinks(child, limit, seen)
  }
  return seen
}

/** `ancestors(el).length` without the array. */
function depthOf(el: Element): number {
  let depth = 0
  for (let node = el.parent; isElement(node); node = node.parent) depth++
  return depth
}

const SIDE_NAV_RE = /(left|side|sub|second)[-_]?(nav|menu|lm|list)|(nav|menu)[-_]?(left|side)|lmdh|zwgk_l|info_menu/

function navLinks($: CheerioAPI, container: Element): NavLink[] {
  const links: NavLink[] = []
  for (const a of findIn(container, byTag('a'))) {
    if (!isElement(a)) continue
    const name = linkName(a)
    if (!name) continue
    const href = attr(a, 'href').trim()
    links.push({ name, href: href && !/^javascript:/i.test(href) ? href : null, locator: locatorOf($, a) })
  }
  return links
}

// ---------------------------------------------------------------------------------------------------------
// headings

// 一、总体情况 · （一）主动公开 · (二)公开渠道 · 十一、… — the numbering 年报 and 指南 use for their parts.
const NUMBERED_HEADING_RE = /^(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）])\s*\S/
const MAX_PARAGRAPH_HEADING = 60

// What a numbered paragraph heading can start with (NUMBERED_HEADING_RE's first character).
const NUMBERED_HEADING_START = new Set([...'一二三四五六七八九十（('])
const NOT_SPACE = /[^\s\u00a0\u3000\u200b\ufeff]/

/** The first character visibleText(el) would give, found without building the text; '' when there is none. */
function firstVisibleChar(el: Element): string {
  for (const child of el.children) {
    if (child.type === 'text') {
      const m = NOT_SPACE.exec((child as unknown as { data: string }).data)
      if (m) return m[0]
    } else if (isElement(child) && !INVISIBLE_TAGS.has(tagOf(child))) {
      const c = firstVisibleChar(child)
      if (c) return c
    }
  }
  return ''
}

function findHeadings($: CheerioAPI): Heading[] {
  const headings: Heading[] = []
  for (const el of queryAll($, byTag('h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'))) {
    if (!isElement(el)) continue
    const tag = tagOf(el)
    // Most paragraphs are body text: a first character no numbering starts with rules them out cheaply.
    if (tag === 'p' && !NUMBERED_HEADING_START.has(firstVisibleChar(el))) continue
    const text = visibleText(el)
    if (!text) continue
    if (tag === 'p') {
      if (text.length > MAX_PARAGRAPH_HEADING || !NUMBERED_HEADING_RE.test(text)) continue
      // Table cells of the 年报 statistics reuse 一、/（一） row labels; they are not report parts.
      if (closestMatch(el, byTag('td', 'th'))) continue
      headings.push({ text, level: 7, locator: locatorOf($, el) })
    } else {
      headings.push({ text, level: Number(tag.slice(1)), locator: locatorOf($, el) })
    }
  }
  return headings
}

// ---------------------------------------------------------------------------------------------------------
// report year

const REPORT_TITLE_RE = /((?:19|20)\d{2})\s*年度?.{0,40}?(?:信息公开|政务公开).{0,12}?(?:年度报告|年报)/
const REPORT_PERIOD_RE = /统计(?:期限|时限|期间|区间|时间|周期)?(?:为|是|从|自)?\s*((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日/

function findReportYear(title: string, headings: Heading[], mainText: string): number | null {
  const firstHeading = headings.find((h) => h.level <= 2)?.text ?? ''
  // Only the page's own title lines: a list of reports mentions other years' report titles in its body.
  for (const text of [title, firstHeading]) {
    const m = REPORT_TITLE_RE.exec(text)
    if (m) return Number(m[1])
  }
  const period = REPORT_PERIOD_RE.exec(mainText)
  return period ? Number(period[1]) : null
}

// ---------------------------------------------------------------------------------------------------------

const HAS_CLASS = hasAttr('class')
const HAS_ID = hasAttr('id')
const HAS_CLASS_OR_ID = (el: Element): boolean => HAS_CLASS(el) || HAS_ID(el)

export function extractStructure($: CheerioAPI, ctx: ExtractContext): PageStructure {
  const meta = readMeta($)
  const title = findTitle($, meta)
  const crumb = findBreadcrumb($)
  const breadcrumb = crumb.items
  const columnName = pickColumnName(meta, breadcrumb, title)

  const footerish = (el: Element): boolean => {
    const tag = tagOf(el)
    return tag === 'footer' || /(^|[\s_-])(footer|foot|bottom|copyright)([\s_\d-]|$)/.test(classAndId(el))
  }
  let navContainer = findNavigation($, footerish)
  if (!navContainer) {
    navContainer =
      (queryAll($, HAS_CLASS_OR_ID)
        .find((el) => isElement(el) && SIDE_NAV_RE.test(classAndId(el)) && findIn(el, byTag('a'), 2).length >= 2) as
        | Element
        | undefined) ?? null
    if (navContainer) ctx.notes.push('navigation: no 信息公开 sub-column links; used a side menu by class name')
  }
  const navigation = navContainer ? navLinks($, navContainer) : []

  const headings = findHeadings($)
  const main = findMainContainer($)
  let mainText: string
  if (main) {
    mainText = visibleText(main)
  } else {
    mainText = visibleText(scanRoot($), (el) => isChrome(el) || el === crumb.el || tagOf(el) === 'head')
    ctx.notes.push('mainText: no article container found; used the page body without header/footer/nav')
  }
  const reportYear = findReportYear(title, headings, mainText)
  return { title, breadcrumb, columnName, meta, navigation, headings, mainText, reportYear }
}
