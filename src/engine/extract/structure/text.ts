// Text and tree helpers shared by the extractors: visible text (cached per element), ancestry, page chrome and the
// main content container.
import type { AnyNode, Element, ParentNode } from 'domhandler'
import type { CheerioAPI } from 'cheerio/slim'
import { collapseSpace } from '../../locator.ts'
import { allElements, byTag, queryAll } from '../dom.ts'

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

export function attr(el: Element, name: string): string {
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
