// The heading that names a list: its own title element, a tab header, or the nearest heading before it, with its 更多
// link.
import type { Element } from 'domhandler'
import { findDates } from '../../dates.ts'
import { collapseSpace } from '../../locator.ts'
import { NAVIGATION_NAMES } from '../../vocabulary.ts'
import { HEADING_CLASS, type Heading, MAX_HEADING_LENGTH, elementChildren, isMoreText, isTag, linkText, resolveHref, textOf } from './shapes.ts'
import { titleLinks } from './rows.ts'


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
export function headingFor(list: Element, base: string | null, listCount: Map<Element, number>): Heading | null {
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

export function isNavigationName(name: string): boolean {
  return NAVIGATION_NAMES.some((n) => name.includes(n))
}
