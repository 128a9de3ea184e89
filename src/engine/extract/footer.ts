// The site footer (底部功能区) and the identity items the 政府网站发展指引 asks for: 主办单位, 网站标识码,
// ICP 备案, 公安备案 and the 党政机关网站标识 (conac badge).
import type { Element, ParentNode } from 'domhandler'
import type { CheerioAPI } from 'cheerio/slim'
import { collapseSpace, locatorOf } from '../locator.ts'
import type { ExtractContext, Footer, FooterItem } from '../types.ts'
import {
  ancestors,
  classAndId,
  contains,
  findMainContainer,
  isElement,
  isHidden,
  scanRoot,
  tagOf,
  visibleText,
  visibleTextExceeds,
} from './structure.ts'
import { byId, byTag, findIn, hasAttr, queryAll } from './dom.ts'

type TextItem = 'sponsor' | 'siteIdCode' | 'icp' | 'police'

// 网站标识码：3590000001 · 网站标识码bm01000001 (no colon) · 政府网站标识码：bm06000004.
const SITE_ID_RE = /网站标识码\s*[:：]?\s*(bm\d{8}|\d{10})(?![0-9])/i
// 闽ICP备09032658号 · 京ICP备20027467号-1 · 浙ICP备 05018911号.
const ICP_RE = /([\u4e00-\u9fa5])\s*ICP\s*备\s*(\d{5,})\s*号(?:\s*-\s*(\d+))?/i
// 浙公网安备 33010602009328号 · 京公网安备11010202000001号.
const POLICE_RE = /([\u4e00-\u9fa5])\s*公网安备\s*(\d{8,})\s*号/
// 公安备案号：35012899001-19002 (平潭), 公安机关备案号 …: the record number without the 公网安备 wording.
const POLICE_LABEL_RE = /公安(?:机关)?备案(?:号|编号)?\s*[:：]?\s*(\d[\d-]{5,}\d)/
// 主办单位：X · 主办：X · 主办方：X — the value ends at the next space or separator (承办：… follows on the line).
const SPONSOR_RE = /主办(?:单位|方|机关)?\s*[:：]\s*([^\s|｜©,，;；]+)/
// Lines only a site footer prints; 主办 alone also occurs in article text (会议主办单位).
const COPYRIGHT_RE = /版权所有|ICP\s*备|公网安备|网站标识码|公安备案/

const CONAC_IMG_RE = /conac|党政机关|dzjg/i

interface Match {
  value: string
  /** The text that must be inside the element used as locator. */
  evidence: RegExp
}

function matchItem(kind: TextItem, text: string): Match | null {
  switch (kind) {
    case 'siteIdCode': {
      const m = SITE_ID_RE.exec(text)
      return m ? { value: m[1].toLowerCase().startsWith('bm') ? `bm${m[1].slice(2)}` : m[1], evidence: SITE_ID_RE } : null
    }
    case 'icp': {
      const m = ICP_RE.exec(text)
      if (!m) return null
      return { value: `${m[1]}ICP备${m[2]}号${m[3] ? `-${m[3]}` : ''}`, evidence: ICP_RE }
    }
    case 'police': {
      const m = POLICE_RE.exec(text)
      if (m) return { value: `${m[1]}公网安备 ${m[2]}号`, evidence: POLICE_RE }
      const l = POLICE_LABEL_RE.exec(text)
      return l ? { value: l[1], evidence: POLICE_LABEL_RE } : null
    }
    case 'sponsor': {
      const m = SPONSOR_RE.exec(text)
      return m ? { value: m[1], evidence: SPONSOR_RE } : null
    }
  }
}

const TEXT_ITEMS: readonly TextItem[] = ['sponsor', 'siteIdCode', 'icp', 'police']

/** The smallest element under `root` whose text matches; the last one when several do (footers come last). */
function deepestMatching(root: ParentNode, re: RegExp): Element | null {
  if (!re.test(visibleText(root))) return null
  let current: ParentNode = root
  for (;;) {
    const children: Element[] = current.children.filter(isElement).reverse()
    const next = children.find((c) => re.test(visibleText(c)))
    if (!next) return isElement(current) ? current : null
    current = next
  }
}

function hostOf(href: string): string {
  const m = /^\s*(?:https?:)?\/\/([^/?#\s]+)/i.exec(href)
  return m ? m[1].toLowerCase() : ''
}

/**
 * The 党政机关网站标识: a link to the conac certificate (any host containing "conac": bszs.conac.cn, or an IPv6
 * gateway such as bszs-conac-cn…ipv6best.cn), else the badge image itself.
 */
function findConac($: CheerioAPI, root: ParentNode): FooterItem | null {
  const badge = conacBadge(root)
  if (!badge) return null
  if (badge.name === 'a') return { value: (badge.attribs.href ?? '').trim(), locator: locatorOf($, badge) }
  return { value: (badge.attribs.src ?? badge.attribs.alt ?? '').trim(), locator: locatorOf($, badge) }
}

const HAS_HREF = hasAttr('href')
const IS_IMG = byTag('img')

/** The conac certificate link under `root`, else the badge image; null when neither is there. */
function conacBadge(root: ParentNode): Element | null {
  const links = findIn(root, (el) => el.name === 'a' && HAS_HREF(el))
  const link = links.find((a) => hostOf(a.attribs.href ?? '').includes('conac'))
  if (link) return link
  const imgs = findIn(root, IS_IMG)
  const img = imgs.find((i) =>
    CONAC_IMG_RE.test(`${i.attribs.src ?? ''} ${i.attribs.alt ?? ''} ${i.attribs.id ?? ''} ${i.attribs.title ?? ''}`),
  )
  return img ?? null
}

// Footer search scores nested candidates and, in its fallback, the same ancestors again on every step of the
// climb; an element's score depends only on its subtree, which is not mutated while the model is built.
const kindsCache = new WeakMap<Element, number>()

function countKinds(el: Element): number {
  const cached = kindsCache.get(el)
  if (cached !== undefined) return cached
  const text = visibleText(el)
  let kinds = TEXT_ITEMS.filter((k) => matchItem(k, text)).length
  // Only whether a badge exists counts here: no locator is built for it.
  if (conacBadge(el)) kinds++
  if (/版权所有/.test(text)) kinds++
  kindsCache.set(el, kinds)
  return kinds
}

const FOOTER_CLASS_RE = /(^|[\s_-])(foot|bottom|copyright|banquan|bq)|(^|[\s_-])base([\s_-]|$)/
const MAX_FOOTER_TEXT = 6000

/**
 * The footer container: a footer tag or a foot/bottom/copyright-named block holding the most identity items
 * (outermost on a tie, so split footers stay whole); else the block around the last 备案/版权/主办 line.
 */
export function findFooterRoot($: CheerioAPI): Element | null {
  const doc = $.root().get(0) as object
  const cached = footerCache.get(doc)
  if (cached !== undefined) return cached
  const found = searchFooterRoot($)
  footerCache.set(doc, found)
  return found
}

// Both the footer and the visible-date extractors need the footer block; find it once per parsed page.
const footerCache = new WeakMap<object, Element | null>()

function searchFooterRoot($: CheerioAPI): Element | null {
  const main = findMainContainer($)
  let best: Element | null = null
  let bestKinds = 0
  let bestDepth = Infinity
  for (const el of queryAll($, (e) => e.name === 'footer' || hasAttr('class')(e) || hasAttr('id')(e))) {
    if (!isElement(el) || !(tagOf(el) === 'footer' || FOOTER_CLASS_RE.test(classAndId(el)))) continue
    if (isHidden(el) || (main && (contains(el, main) || contains(main, el)))) continue
    if (visibleTextExceeds(el, MAX_FOOTER_TEXT)) continue
    const kinds = countKinds(el)
    const depth = ancestors(el).length
    if (kinds > bestKinds || (kinds === bestKinds && kinds > 0 && depth < bestDepth)) {
      best = el
      bestKinds = kinds
      bestDepth = depth
    }
  }
  if (best) return best
  const last = deepestMatching(scanRoot($), COPYRIGHT_RE)
  if (!last || tagOf(last) === 'body' || tagOf(last) === 'html') return null
  let block: Element = last
  for (const up of ancestors(last)) {
    if (tagOf(up) === 'body' || visibleTextExceeds(up, MAX_FOOTER_TEXT)) break
    if (countKinds(up) > countKinds(block)) block = up
  }
  return block
}

const CONAC_SCRIPT_RE = /conac\.cn|_ideConac/i

/** conac's embed code: `<script src="…dcs.conac.cn/js/…">` or a document.write of it (kepu.gov.cn). */
function findConacScript($: CheerioAPI): FooterItem | null {
  const script = queryAll($, byTag('script')).find((s) => {
    const src = s.attribs.src ?? ''
    if (CONAC_SCRIPT_RE.test(src)) return true
    const text = s.children.map((c) => ('data' in c ? String(c.data) : '')).join('')
    return CONAC_SCRIPT_RE.test(text) || CONAC_SCRIPT_RE.test(safeUnescape(text))
  })
  if (!script) return null
  const text = script.attribs.src || safeUnescape(script.children.map((c) => ('data' in c ? String(c.data) : '')).join(''))
  const address = /[\w.-]*conac\.cn[^\s'"<>]*/i.exec(text)?.[0] ?? '#_ideConac'
  return { value: address, locator: locatorOf($, script.parent && 'name' in script.parent ? (script.parent as Element) : script) }
}

function safeUnescape(text: string): string {
  if (!text.includes('%')) return text
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

// "中国·浙江省发展和改革委员会 版权所有" or "版权所有：××人民政府"; the holder must look like a public body.
const COPYRIGHT_HOLDER_RE =
  /(?:版权所有[:：]?\s*(?:©|\(c\))?\s*([^\s|丨·,，;；]{2,30}?(?:委员会|人民政府|政府|办公室|办公厅|局|厅|委|部|院|署|中心|管委会)))|(?:([^\s|丨·,，;；]{2,30}?(?:委员会|人民政府|政府|办公室|办公厅|局|厅|委|部|院|署|中心|管委会))\s*版权所有)/

function findCopyrightHolder($: CheerioAPI, root: Element): FooterItem | null {
  const text = visibleText(root)
  const m = COPYRIGHT_HOLDER_RE.exec(text)
  if (!m) return null
  const el = deepestMatching(root, COPYRIGHT_HOLDER_RE) ?? root
  return { value: (m[1] ?? m[2]).replace(/^中国[·・]/, ''), locator: locatorOf($, el) }
}

export function extractFooter($: CheerioAPI, ctx: ExtractContext): Footer | null {
  const root = findFooterRoot($)
  const body = scanRoot($)
  const main = findMainContainer($)
  const footer: Footer = {
    text: root ? visibleText(root) : '',
    locator: root ? locatorOf($, root) : null,
    sponsor: null,
    siteIdCode: null,
    icp: null,
    police: null,
    conac: null,
  }
  const outsideMain = (el: Element): boolean => !main || !contains(main, el)
  for (const kind of TEXT_ITEMS) {
    for (const scope of [root, body]) {
      if (!scope) continue
      const match = matchItem(kind, visibleText(scope))
      if (!match) continue
      const el = deepestMatching(scope, match.evidence)
      if (!el || !outsideMain(el)) continue
      footer[kind] = { value: collapseSpace(match.value), locator: locatorOf($, el) }
      if (scope !== root) ctx.notes.push(`footer: ${kind} found outside the footer container`)
      break
    }
  }
  footer.conac = root ? findConac($, root) : null
  if (!footer.conac) {
    const conac = findConac($, body)
    if (conac) {
      footer.conac = conac
      ctx.notes.push('footer: conac mark found outside the footer container')
    }
  }
  if (!footer.conac) footer.conacScript = findConacScript($)
  if (!footer.conac && (footer.conacScript || queryAll($, byId('_ideConac')).length)) {
    // The badge is injected by conac's script; a saved page without it cannot show whether it would appear.
    ctx.notes.push('footer: conac placeholder #_ideConac present but empty (badge injected by script)')
  }
  if (!footer.sponsor && root) footer.copyrightHolder = findCopyrightHolder($, root)
  if (!root && !footer.sponsor && !footer.siteIdCode && !footer.icp && !footer.police && !footer.conac) return null
  return footer
}
