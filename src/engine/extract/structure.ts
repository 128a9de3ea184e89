// Page structure: title, breadcrumb, column, <meta> tags, sub-column navigation, headings, main text and the
// year an annual report covers. Also the DOM text helpers the other extractors share.
import type { Element } from 'domhandler'
import type { CheerioAPI } from 'cheerio/slim'
import { byTag, findIn, hasAttr, queryAll } from './dom.ts'
import type { ExtractContext, Heading, NavLink } from '../types.ts'
import { classAndId, findMainContainer, isChrome, isElement, scanRoot, tagOf, visibleText } from './structure/text.ts'
import { readMeta } from './structure/meta.ts'
import { findTitle } from './structure/title.ts'
import { findBreadcrumb, pickColumnName } from './structure/breadcrumb.ts'
import { SIDE_NAV_RE, findNavigation, navLinks } from './structure/navigation.ts'
import { findHeadings } from './structure/headings.ts'
import { findReportYear } from './structure/report-year.ts'
import { MAX_MAIN_TEXT_CHARS } from '../limits.ts'
export { INVISIBLE_TAGS, BLOCK_TAGS, isElement, tagOf, visibleTextExceeds, visibleText, tightCjk, classAndId, ancestors, contains, commonAncestor, isChrome, findMainContainer, scanRoot } from './structure/text.ts'
export { stripSiteSuffix } from './structure/title.ts'
export { isHidden } from './structure/breadcrumb.ts'

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
  if (mainText.length > MAX_MAIN_TEXT_CHARS) {
    ;(ctx.cuts ??= []).push({ what: 'text', limit: MAX_MAIN_TEXT_CHARS, chars: mainText.length })
    mainText = mainText.slice(0, MAX_MAIN_TEXT_CHARS)
  }
  const reportYear = findReportYear(title, headings, mainText)
  return { title, breadcrumb, columnName, meta, navigation, headings, mainText, reportYear }
}
