// The sub-column navigation of the 政府信息公开 section (side menu or column tree).
import type { AnyNode, Element } from 'domhandler'
import type { CheerioAPI } from 'cheerio/slim'
import { locatorOf } from '../../locator.ts'
import { byTag, findIn, queryAll } from '../dom.ts'
import type { NavLink } from '../../types.ts'
import { ancestors, attr, contains, isElement, tagOf, tightCjk, visibleText } from './text.ts'

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

export function findNavigation($: CheerioAPI, footerish: (el: Element) => boolean): Element | null {
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

export const SIDE_NAV_RE = /(left|side|sub|second)[-_]?(nav|menu|lm|list)|(nav|menu)[-_]?(left|side)|lmdh|zwgk_l|info_menu/

export function navLinks($: CheerioAPI, container: Element): NavLink[] {
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
