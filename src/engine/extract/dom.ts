// Element lookups without cheerio selectors. `$(selector)` compiles the selector on every call and, from the
// document, runs css-select's removeSubsets over the top-level nodes — quadratic when a stray </html> leaves tens of
// thousands of rows at the top level. The extractors only need tag / id / class / attribute tests, so they walk a
// document-order element list built once per parsed page. Results match css-select's: pre-order, elements only
// (tag, script, style), descending only into elements.
import type { AnyNode, Element } from 'domhandler'
import type { CheerioAPI } from 'cheerio/slim'

export type ElementTest = (el: Element) => boolean

function isTagNode(node: AnyNode | null | undefined): node is Element {
  return !!node && (node.type === 'tag' || node.type === 'script' || node.type === 'style')
}

function collect(nodes: readonly AnyNode[], test: ElementTest | null, out: Element[], limit: number): void {
  for (const node of nodes) {
    if (out.length >= limit) return
    if (!isTagNode(node)) continue
    if (!test || test(node)) out.push(node)
    if (node.children.length) collect(node.children, test, out, limit)
  }
}

// The page is not mutated while the model is built, so one list per parsed document serves every query.
const elementsCache = new WeakMap<object, Element[]>()

/** Every element of the document in document order (what `$('*')` would give). */
export function allElements($: CheerioAPI): Element[] {
  const doc = $.root().get(0) as unknown as { children: AnyNode[] }
  let list = elementsCache.get(doc)
  if (!list) {
    list = []
    collect(doc.children, null, list, Infinity)
    elementsCache.set(doc, list)
  }
  return list
}

/** Document elements passing `test`, in document order: `$(selector)` for a selector `test` implements. */
export function queryAll($: CheerioAPI, test: ElementTest): Element[] {
  return allElements($).filter(test)
}

/** Descendants of `node` (not `node` itself) passing `test`, in document order: `$(node).find(selector)`. */
export function findIn(node: { children: AnyNode[] }, test: ElementTest, limit = Infinity): Element[] {
  const out: Element[] = []
  collect(node.children, test, out, limit)
  return out
}

/** `$(el).closest(…)`: `el` or its nearest element ancestor passing `test`. */
export function closestMatch(el: Element, test: ElementTest): Element | null {
  for (let node: AnyNode | null = el; isTagNode(node); node = node.parent) if (test(node)) return node
  return null
}

export const byTag =
  (...names: string[]): ElementTest =>
  (el) =>
    names.includes(el.name)

/** `[name]`: the attribute is present. */
export const hasAttr =
  (name: string): ElementTest =>
  (el) =>
    Object.hasOwn(el.attribs, name) && el.attribs[name] != null

/** `#id` (case-sensitive, as cheerio matches outside quirks mode). */
export const byId =
  (id: string): ElementTest =>
  (el) =>
    el.attribs.id === id

function escapeRegex(text: string): string {
  return text.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&')
}

/** `.name`: one of the whitespace-separated class tokens equals `name`. */
export function byClass(name: string): ElementTest {
  const re = new RegExp(`(?:^|\\s)${escapeRegex(name)}(?:$|\\s)`)
  return (el) => {
    const cls = el.attribs.class
    return cls != null && re.test(cls)
  }
}

/** `[name*=value]`: the attribute contains `value`. */
export const attrContains =
  (name: string, value: string): ElementTest =>
  (el) => {
    const v = el.attribs[name]
    return v != null && v.includes(value)
  }
