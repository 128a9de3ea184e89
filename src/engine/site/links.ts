// Which links of a page lead to column lists, and which links a page carries at all (for the link check).
import { parseHtml } from '../parse.ts'
import { classifyFreshness, MORE_LINK_TEXTS } from '../vocabulary.ts'
import type { PageModel } from '../types.ts'
import type { ColumnLink } from './types.ts'
import { isNonHtmlUrl, looksLikeActionLink, looksLikeArticleUrl, looksLikeLoginUrl, normalizeUrl, sameOrigin } from './urls.ts'
import { compact } from '../text.ts'
import { MAX_COLUMN_NAME } from './hub.ts'

/**
 * Navigation entries that are site furniture, not columns: following them costs requests and adds "columns" that
 * no auditor would count.
 */
export const NON_COLUMN_NAMES: readonly string[] = [
  '首页',
  '网站首页',
  '返回首页',
  '网站地图',
  '联系我们',
  '无障碍',
  '长者模式',
  '关怀版',
  'English',
  '繁體',
  '繁体',
  '简体',
  '登录',
  '注册',
  '个人中心',
  '退出',
  '搜索',
  '高级检索',
  '打印',
  '关闭',
  '收藏',
  '分享',
  '返回',
  '返回顶部',
  '设为首页',
  '加入收藏',
  '网站声明',
  '隐私声明',
  '关于我们',
  '友情链接',
  '意见建议',
  '纠错',
  '我要纠错',
  'RSS',
]

/** 下一页 / 尾页 / "3" — pagination is never a column, and following it is how endless lists flood a site. */
export function isPaginationName(name: string): boolean {
  const t = name.replace(/[\s\u00a0\u3000<>«»‹›…]+/g, '')
  if (!t) return true
  if (/^\d{1,4}$/.test(t)) return true
  return /^(首页|上一页|下一页|上页|下页|尾页|末页|前一页|后一页|最后一页|第一页|第\d+页|prev|next|last|first|上一篇|下一篇)$/i.test(t)
}


export interface ColumnLinkOptions {
  /** The page's own address; links are resolved against it and kept only when on the same site. */
  pageUrl: string
}

/**
 * Column links of a page, de-duplicated by normalised URL, in page order: the column blocks' own links ("更多")
 * first, since they name the lists whose dates the page already shows, then the navigation tree.
 * Non-HTML targets (a column "list" that is a PDF or an image) are kept: the scan reports them as not-html without
 * downloading them.
 */
export function columnLinksOf(page: PageModel, opts: ColumnLinkOptions): ColumnLink[] {
  const out: ColumnLink[] = []
  const seen = new Set<string>()
  const self = normalizeUrl(opts.pageUrl)
  if (self) seen.add(self)
  const add = (name: string, href: string | null, via: ColumnLink['via'], level?: number): void => {
    const clean = compact(name)
    const url = normalizeUrl(href, opts.pageUrl)
    if (!url || seen.has(url)) return
    if (!sameOrigin(url, opts.pageUrl) || looksLikeArticleUrl(url) || looksLikeLoginUrl(url) || looksLikeActionLink(url, clean)) return
    if (!clean || isPaginationName(clean) || NON_COLUMN_NAMES.includes(clean) || MORE_LINK_TEXTS.includes(clean)) return
    // 示例高新区政府信息公开保密审查制度 in a 制度 menu is a document, not a sub-column: column names are short.
    if (via === 'navigation' && clean.length > MAX_COLUMN_NAME) return
    seen.add(url)
    const link: ColumnLink = { name: clean, url, class: classifyFreshness(clean), via }
    if (level !== undefined) link.level = level
    out.push(link)
  }
  for (const column of page.columns) {
    if (column.href) add(column.name, column.href, 'more', column.level)
  }
  for (const nav of page.navigation) add(nav.name, nav.href, 'navigation')
  return out
}

export interface Anchor {
  url: string
  text: string
  attachment: boolean
}

/**
 * Every distinct http(s) link of a page (a[href], area[href]), resolved and normalised, in page order.
 * `limit` bounds what one page can add to the link check, so one huge sitemap cannot crowd out the rest.
 */
export function extractAnchors(html: string, baseUrl: string, limit = 500): Anchor[] {
  const { $ } = parseHtml(html)
  const baseHref = $('base[href]').attr('href')
  const base = normalizeUrl(baseHref, baseUrl) ?? baseUrl
  const out: Anchor[] = []
  const seen = new Set<string>()
  const add = (href: string | undefined, text: string): void => {
    if (out.length >= limit) return
    const url = normalizeUrl(href, base)
    if (!url || seen.has(url)) return
    seen.add(url)
    out.push({ url, text: compact(text).slice(0, 60), attachment: isNonHtmlUrl(url) })
  }
  $('a[href], area[href]').each((_, el) => add($(el).attr('href'), $(el).text()))
  // 大汉 jcms ships its list as <record><![CDATA[<li><a href=…>]]> inside a script the browser renders later: those
  // links are on the page the auditor sees, so they are checked too.
  $('script').each((_, el) => {
    const code = $(el).html() ?? ''
    if (!code.includes('<record')) return
    // Only the records: <nextgroup> holds the CMS's own data-proxy address, which is not a link on the page.
    for (const record of code.matchAll(/<record>([\s\S]*?)<\/record>/gi)) {
      for (const m of record[1].matchAll(/<a\b[^>]*?\bhref\s*=\s*(["'])(.*?)\1[^>]*>([\s\S]*?)<\/a>/gi)) {
        add(m[2].replace(/&amp;/g, '&'), m[3].replace(/<[^>]+>/g, ''))
      }
    }
  })
  return out
}
