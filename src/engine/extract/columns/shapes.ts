// Shapes and text helpers of the column finder: list candidates, headings, row limits and the raw-node text reads that
// keep a 20,000-row list to one pass.
import type { AnyNode, Element } from 'domhandler'
import { collapseSpace, locatorOf } from '../../locator.ts'
import { MORE_LINK_TEXTS } from '../../vocabulary.ts'

export const FINGERPRINT = 40
export const MAX_ROW_LINKS = 3
export const MAX_BLOCK_LINKS = 2
export const MAX_HEADING_LENGTH = 30
export const HEADING_CLASS = /title|tit|ttl|lanmu|caption|(^|[-_\s])(hd|bt|name|head|lm|column)|(hd|bt|head)([-_\s\d]|$)/i
export const NON_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'head', 'select', 'option', 'textarea', 'iframe', 'svg'])
export const ROW_BLOCK_TAGS = new Set(['div', 'p', 'dl', 'section', 'article'])
export const NESTED_LIST = new Set(['ul', 'ol', 'table', 'dl'])
const TEMPLATE_ATTR = /^(ms-(repeat|for|each|if-loop)|v-for|ng-repeat|x-for|:key|data-ng-repeat)/

type Via = 'ul' | 'table' | 'dl' | 'tab' | 'datastore' | 'page' | 'div'

/** Text beside the title link: a date, a source, a short summary. More means the "row" is a whole article. */
export const MAX_ROW_EXTRA: Record<Via, number> = { ul: 200, table: 200, dl: 120, tab: 200, datastore: 200, page: 200, div: 80 }

export interface ListCandidate {
  container: Element
  rows: Element[]
  via: Via
  /** Set for lists parsed from a CMS datastore: where they sit in the page. */
  anchor?: Element
  /** Rows are repeated blocks (div/p/dl) rather than li/tr/dd: they must hold a single entry each. */
  blocks?: boolean
}

export interface Heading {
  name: string
  href: string | null
  el: Element
  tab: boolean
}

export const isTag = (n: AnyNode | null | undefined): n is Element => !!n && n.type === 'tag'

export function elementChildren(el: Element): Element[] {
  const out: Element[] = []
  for (const c of el.children) if (isTag(c)) out.push(c)
  return out
}

/**
 * Visible text of a subtree, optionally skipping one descendant (the entry's own link). Cells and spans get a
 * trailing space so adjacent dates (<td>2026-04-15</td><td>2026-04-21</td>) stay apart; `plain` leaves them out,
 * matching cheerio's .text() as locatorOf uses for fingerprints.
 */
export function textOf(node: AnyNode, skip?: Element, plain = false): string {
  const parts: string[] = []
  collectText(node, skip, parts, plain ? '' : ' ')
  return parts.join('')
}

/** Row text with cell separators as SEP, so both the separated and the plain (fingerprint) form come from one walk. */
export const SEP = '\u0001'
export function rowText(row: Element): string {
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

/** `textOf(node).trim() !== ''`, stopping at the first visible character instead of building a subtree's text. */
export function hasText(n: AnyNode): boolean {
  if (n.type === 'text') return /\S/.test((n as unknown as { data: string }).data)
  if (!isTag(n) || NON_CONTENT.has(n.name)) return false
  // Remembered per element: nested empty lists ask about the same subtrees over and over.
  let known = hasTextCache.get(n)
  if (known === undefined) {
    known = false
    for (const c of n.children) if (hasText(c)) {
      known = true
      break
    }
    hasTextCache.set(n, known)
  }
  return known
}
const hasTextCache = new WeakMap<Element, boolean>()

/**
 * `textOf(node).trim().length < limit`, stopping once the answer is known: asked for the parents of every blank
 * column, whose text can be the whole page (a misnested flood made that quadratic).
 */
export function trimmedTextShorterThan(node: Element, limit: number): boolean {
  // Many blank columns under one parent ask about that parent: once per element and limit.
  const key = `${limit}`
  let byLimit = shorterCache.get(node)
  if (!byLimit) shorterCache.set(node, (byLimit = new Map()))
  let known = byLimit.get(key)
  if (known === undefined) byLimit.set(key, (known = !trimmedReaches(node, limit, { pos: 0, first: -1 })))
  return known
}
const shorterCache = new WeakMap<Element, Map<string, boolean>>()

const WHITESPACE = /\s/

function trimmedReaches(n: AnyNode, limit: number, st: { pos: number; first: number }): boolean {
  if (n.type === 'text') {
    const data = (n as unknown as { data: string }).data
    for (let i = 0; i < data.length; i++, st.pos++) {
      if (WHITESPACE.test(data[i])) continue
      if (st.first === -1) st.first = st.pos
      if (st.pos - st.first + 1 >= limit) return true
    }
    return false
  }
  if (!isTag(n) || NON_CONTENT.has(n.name)) return false
  for (const c of n.children) if (trimmedReaches(c, limit, st)) return true
  // textOf's separator after these elements is a space: it moves the position but is never visible.
  if (n.name === 'br' || n.name === 'td' || n.name === 'dd' || n.name === 'span') st.pos++
  return false
}

export function isHiddenTemplate(el: Element): boolean {
  const a = el.attribs
  if ((a.style !== undefined && /display\s*:\s*none/i.test(a.style)) || 'hidden' in a) return true
  for (const name in a) if (TEMPLATE_ATTR.test(name)) return true
  return false
}

export function hasTemplateAttr(el: Element): boolean {
  for (const name in el.attribs) if (TEMPLATE_ATTR.test(name) || name.startsWith('ms-attr')) return true
  return false
}

export function hasTemplateText(text: string): boolean {
  if (!text.includes('{')) return false
  return /\{\{[^}]*\}\}|\$\{[^}]*\}/.test(text)
}

const MORE_SET = new Set(MORE_LINK_TEXTS.map((m) => m.replace(/[>+]/g, '').toLowerCase()))

export function isMoreText(text: string): boolean {
  if (text.length > 12) return false
  const t = text.replace(/[\s>»＞›+＋.…·]+/g, '')
  return t === '' || MORE_SET.has(t.toLowerCase()) || /^(查看)?更多/.test(t)
}

export function resolveHref(raw: string | undefined, base: string | null): string | null {
  const href = raw?.trim()
  if (!href || /^(javascript:|#|mailto:|tel:)/i.test(href)) return null
  if (!base) return href
  try {
    return new URL(href, base).href
  } catch {
    return href
  }
}

export function linkText(a: Element): string {
  // Most links hold one text node; skip the generic walk for them.
  const only = a.children.length === 1 ? a.children[0] : null
  if (only && only.type === 'text') return collapseSpace((only as unknown as { data: string }).data)
  return collapseSpace(textOf(a))
}
