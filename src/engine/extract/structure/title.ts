// The document's title: the page's own heading when it has one, else <title> without its site suffix.
import type { Element } from 'domhandler'
import type { CheerioAPI } from 'cheerio/slim'
import { collapseSpace } from '../../locator.ts'
import { attrContains, byTag, queryAll } from '../dom.ts'
import { INVISIBLE_TAGS, ancestors, classAndId, isChrome, isElement, tagOf, visibleText, visibleTextExceeds } from './text.ts'

/** Longer than this, an element holds more than a title. */
const MAX_TITLE = 200

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

export function findTitle($: CheerioAPI, meta: Record<string, string>): string {
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
    // Bounded first: nested unclosed <h2>s each hold the rest of the page, and collapsing each one's text was quadratic.
    if (visibleTextExceeds(el, MAX_TITLE)) continue
    const text = visibleText(el)
    if (text.length >= 4) candidates.push(text)
  }
  // The <title> normally repeats the article title: the element that agrees with it is the title.
  // An element longer than the <title> text wraps more than the title (source, date line): keep the <title> text.
  const agreeing = candidates.find((c) => fromTag && fromTag.includes(c))
  if (agreeing) return agreeing
  if (fromTag) return fromTag
  return candidates[0] ?? ''
}
