// Per-column verdict from a column's list page, and the page-level signals (soft 404, login wall) that say the
// page is not the list at all.
import { daysBetween } from '../dates.ts'
import { classOf, describeLimit, judgeFreshness, type FreshnessSettings } from '../rule-kit/freshness.ts'
import { isEmptyMarker } from '../vocabulary.ts'
import type { Column, FreshnessClass, IsoDate, PageModel } from '../types.ts'
import { nationalFreshness } from './default-rules.ts'
import type { ColumnStatus, SiteColumn } from './types.ts'
import { compact } from '../text.ts'

const NOT_FOUND_TEXT =
  /页面不存在|页面未找到|找不到(该|此|您要的|你要的|相关)?(页面|网页|文件|信息)|您(所)?访问的(页面|网页|地址)(不存在|已删除|已被删除|已过期|出错)|信息不存在|文章不存在|该信息已(被)?删除|无法找到该页|(^|\D)404(\D|$)|not\s*found/i

/** Visible text of an HTML string: tags, scripts and styles removed, whitespace collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim()
}

/** Below this much visible text, a page that says "not found" is an error page, not an article about 404s. */
export const SOFT404_MAX_TEXT = 400

/** A 200 answer whose content is an error page (页面不存在 / 404 / 找不到) with hardly anything else on it. */
export function isSoft404(html: string, httpStatus = 200): boolean {
  if (httpStatus < 200 || httpStatus >= 300) return false
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? ''
  const text = visibleText(html)
  if (text.length > SOFT404_MAX_TEXT) return false
  return NOT_FOUND_TEXT.test(title) || NOT_FOUND_TEXT.test(text)
}

/** A sign-in form: a password field on a page that talks about 登录 / 统一身份认证. */
export function looksLikeLoginPage(html: string): boolean {
  if (!/<input\b[^>]*type\s*=\s*["']?password/i.test(html)) return false
  return /登录|登陆|统一身份认证|身份验证|sign\s*in|log\s*in/i.test(visibleText(html))
}


/**
 * The list that is the column on its own page. A column page also carries sidebars (热点信息, 相关链接), so the
 * column's name wins, then the list the extraction says is the page's own, then the longest list.
 */
function pickColumn(page: PageModel, name: string): Column[] {
  const cols = page.columns
  if (cols.length === 0) return []
  const wanted = [compact(name), compact(page.columnName ?? '')].filter(Boolean)
  const named = cols.find((c) => wanted.includes(compact(c.name)))
  if (named) return [named]
  const own = cols.filter((c) => c.via === 'page' || c.via === 'datastore')
  if (own.length === 1) return own
  // A parent column whose page only shows its sub-columns' blocks: its content is the union of those blocks.
  if (page.kind === 'portal' && cols.length > 1) return cols
  return [cols.reduce((best, c) => (c.entries.length > best.entries.length ? c : best))]
}

export interface ColumnResultOptions {
  name: string
  url: string | null
  asOf: IsoDate
  class?: FreshnessClass
  level?: number
  httpStatus?: number | null
  /** The pack's column-freshness settings: the same classes and periods the page rule judges by. */
  freshness?: FreshnessSettings
}

/** The column's verdict from its page model: latest entry date, entry count, ok / stale / blank. */
export function columnResult(page: PageModel, opts: ColumnResultOptions): SiteColumn {
  const name = opts.name || page.columnName || page.title
  const settings = opts.freshness ?? nationalFreshness()
  const def = classOf({ name, freshnessClass: opts.class ?? 'other' }, settings)
  const cls: FreshnessClass = def?.class ?? 'other'
  const chosen = pickColumn(page, name)
  const entries = chosen.flatMap((c) => c.entries)
  const dates = entries.map((e) => e.date?.iso).filter((d): d is string => !!d)
  let latest: string | null = dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null
  let count = entries.length
  // A column that is one page (机构职能, 领导信息) has no list; its own publication date is its update date.
  if (chosen.length === 0 && page.visibleDate) {
    latest = page.visibleDate.iso
    count = 1
  }
  const base: SiteColumn = {
    name,
    url: opts.url,
    class: cls,
    entries: count,
    latestDate: latest,
    daysSince: latest ? daysBetween(latest, opts.asOf) : null,
    status: 'ok',
    httpStatus: opts.httpStatus ?? null,
  }
  if (opts.level !== undefined) base.level = opts.level
  const singlePageWithText = chosen.length === 0 && count === 0 && page.mainText.length >= 30 && !isEmptyMarker(page.mainText)
  if (count === 0 && !singlePageWithText) {
    return { ...base, entries: 0, status: 'blank', detail: '栏目无内容' }
  }
  if (!def) {
    // No class, no period of its own; one left for longer than the pack's "long unupdated" limit may be a column
    // that should be updated (19号 "应更新但长期未更新"): it counts toward that line as unconfirmed.
    const limit = describeLimit(settings.unclassifiedMaxAge)
    if (latest && judgeFreshness(latest, opts.asOf, settings.unclassifiedMaxAge).stale) {
      return { ...base, status: 'stale', unconfirmed: true, detail: `最新条目 ${latest}，距审计日 ${base.daysSince} 天，超过 ${limit.zh}；未归入有更新时限的类别，需人工确认是否应更新` }
    }
    return { ...base, detail: latest ? `最新条目 ${latest}（该类栏目无更新时限）` : '该类栏目无更新时限' }
  }
  if (!latest) {
    return { ...base, status: 'stale', detail: '条目均未注明发布日期（未注明发布时间的视为不更新）' }
  }
  const verdict = judgeFreshness(latest, opts.asOf, def.maxAge)
  const limit = describeLimit(def.maxAge).zh
  const status: ColumnStatus = verdict.stale ? 'stale' : 'ok'
  const over = verdict.stale ? `，超过 ${limit}` : `，在 ${limit} 内`
  return { ...base, status, detail: `最新条目 ${latest}，距审计日 ${base.daysSince} 天${over}` }
}

/** A column whose page gave no verdict (unreachable, login, not HTML …). */
export function failedColumn(
  link: { name: string; url: string | null; class?: FreshnessClass; level?: number },
  status: Exclude<ColumnStatus, 'ok' | 'stale' | 'blank'>,
  httpStatus: number | null,
  detail: string,
): SiteColumn {
  const col: SiteColumn = {
    name: link.name,
    url: link.url,
    class: link.class ?? classOf({ name: link.name, freshnessClass: 'other' }, nationalFreshness())?.class ?? 'other',
    entries: null,
    latestDate: null,
    daysSince: null,
    status,
    httpStatus,
    detail,
  }
  if (link.level !== undefined) col.level = link.level
  return col
}
