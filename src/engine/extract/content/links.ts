// Links in a page's content: what an article says it refers to (原文, its 解读, the documents it repeals). Header,
// footer and navigation are left out; the block text beside each link is kept because pages print the linked
// document's date and 文号 there rather than on the link.
import type { CheerioAPI } from 'cheerio/slim'
import type { AnyNode, Element } from 'domhandler'
import { collapseSpace, locatorOf } from '../../locator.ts'
import type { ContentLink, ExtractContext } from '../../types.ts'
import { isMoreText, linkText, resolveHref } from '../columns/shapes.ts'
import { INVISIBLE_TAGS, findMainContainer, isChrome, isElement, scanRoot, tagOf, visibleText } from '../structure/text.ts'

/** A portal can carry thousands of links; the rules need the content's, which come first in the main block. */
export const MAX_CONTENT_LINKS = 400
const MAX_CONTEXT = 200
const CONTEXT_TAGS = new Set(['p', 'li', 'td', 'dd', 'dt', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

function contextOf(a: Element): string {
  let block: Element | null = null
  for (let p: AnyNode | null = a.parent; isElement(p); p = p.parent) {
    if (CONTEXT_TAGS.has(tagOf(p))) {
      block = p
      break
    }
  }
  const own = block ?? (isElement(a.parent) ? a.parent : a)
  const text = visibleText(own)
  return text.length > MAX_CONTEXT ? text.slice(0, MAX_CONTEXT) : text
}

export function extractContentLinks($: CheerioAPI, ctx: ExtractContext): ContentLink[] {
  const out: ContentLink[] = []
  // The article's own links first: on a page heavy with side menus the cap must not cut off its 原文 or 解读 link.
  const main = findMainContainer($)
  const walk = (n: AnyNode, skip: Element | null): void => {
    if (out.length >= MAX_CONTENT_LINKS || !isElement(n) || n === skip) return
    const tag = tagOf(n)
    if (INVISIBLE_TAGS.has(tag) || isChrome(n)) return
    if (tag === 'a') {
      const text = linkText(n) || collapseSpace(n.attribs.title ?? '')
      if (text && !isMoreText(text)) {
        out.push({ text, href: resolveHref(n.attribs.href, ctx.url), context: contextOf(n), locator: locatorOf($, n) })
      }
      return
    }
    for (const c of n.children) walk(c, skip)
  }
  if (main) for (const c of main.children) walk(c, null)
  for (const c of scanRoot($).children) walk(c, main)
  if (out.length >= MAX_CONTENT_LINKS) ctx.notes.push(`content links: kept the first ${MAX_CONTENT_LINKS}`)
  return out
}
