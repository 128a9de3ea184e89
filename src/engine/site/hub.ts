// Pages the scan reaches that are not a column list: a hub whose content is links to its sub-columns (法定主动公开内容
// with a link per category) is not a blank column, and a document reached through a navigation link is not a column.
import { parseHtml } from '../parse.ts'
import type { AnyNode, Element } from 'domhandler'
import { classifyFreshness } from '../vocabulary.ts'
import { compact } from '../text.ts'
import type { PageModel } from '../types.ts'
import type { ColumnLink } from './types.ts'
import { isNonHtmlUrl, looksLikeArticleUrl, looksLikeLoginUrl, normalizeUrl, sameOrigin } from './urls.ts'

/** Fewer sub-column links than this in a page's content is not a hub, just a page with a few links. */
export const MIN_HUB_LINKS = 3
/** Column names are short; a navigation "name" longer than this is a document's title. */
export const MAX_COLUMN_NAME = 15

const CHROME = /(^|[\s_-])(header|head|top|footer|foot|bottom|copyright|logo|banner|crumb|position|location|dqwz|bread|weizhi|mbx)([\s_\d-]|$)/i
// A hub's own list is often called "…-nav" too; only a bar directly under <body> is the site's navigation.
const SITE_NAV = /(^|[\s_-])(nav|navbar|menu)([\s_\d-]|$)/i

function inChrome(el: Element): boolean {
  for (let n: AnyNode | null = el; n && n.type === 'tag'; n = n.parent) {
    const e = n as Element
    const names = `${e.attribs.class ?? ''} ${e.attribs.id ?? ''}`
    if (['header', 'footer'].includes(e.name) || CHROME.test(names)) return true
    const topLevel = e.parent?.type === 'tag' && (e.parent as Element).name === 'body'
    if (topLevel && (e.name === 'nav' || SITE_NAV.test(names))) return true
  }
  return false
}

/**
 * The sub-column links in a page's content (outside its header, navigation bar, breadcrumb and footer), when the
 * page lists no dated entries of its own, prints no "暂无信息", and links at least MIN_HUB_LINKS pages the scan does
 * not know yet (`known`: a side menu that repeats the site's columns is navigation, not this page's content).
 */
export function hubLinksOf(html: string, page: PageModel, pageUrl: string, known: ReadonlySet<string> = new Set()): ColumnLink[] {
  if (page.columns.some((c) => c.emptyMarker || c.entries.some((e) => e.date))) return []
  const { $ } = parseHtml(html)
  const out: ColumnLink[] = []
  const seen = new Set<string>([normalizeUrl(pageUrl) ?? pageUrl])
  $('body a[href]').each((_, node) => {
    const a = node as Element
    if (inChrome(a)) return
    const url = normalizeUrl(a.attribs.href, pageUrl)
    const name = compact($(a).text())
    if (!url || seen.has(url) || !name || name.length > MAX_COLUMN_NAME) return
    if (!sameOrigin(url, pageUrl) || looksLikeArticleUrl(url) || looksLikeLoginUrl(url) || isNonHtmlUrl(url)) return
    seen.add(url)
    out.push({ name, url, class: classifyFreshness(name), via: 'more' })
  })
  return out.filter((l) => !known.has(l.url)).length >= MIN_HUB_LINKS ? out : []
}

/** A page that is one document (its own metadata or publication date, no list): not a column of the site. */
export function isDocumentPage(page: PageModel): boolean {
  if (page.columns.some((c) => c.entries.length > 0)) return false
  return page.kind === 'article' || (page.metadata !== null && Object.keys(page.metadata.fields).length >= 2)
}
