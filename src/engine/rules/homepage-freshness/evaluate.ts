// 首页不更新 (国办秘函〔2019〕19号 单项否决): no new information on the home page for 2 weeks. Undated items count as
// not updated (15号文 注), so a home page that shows no date at all fails too.
import { daysBetween } from '../../dates.ts'
import type { Entry, Finding, PageModel, RuleContext } from '../../types.ts'
import type { Params } from './params.ts'
import { compilePatterns, testBounded } from '../../rule-kit/patterns.ts'

function pathOf(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?/i.exec(url)
  return m ? m[1] || '/' : url.split(/[?#]/)[0] || '/'
}

/** The site's home: a root-level path, or a page that declares itself 首页 in the 47号 ColumnType meta. */
export function isSiteHome(page: PageModel, params: Params): boolean {
  const columnType = page.meta['ColumnType'] ?? page.meta['columntype']
  if (columnType && columnType.trim() === '首页') return true
  if (!page.url) return false
  const path = pathOf(page.url)
  return compilePatterns(params.homePathPatterns, 'iu').some((re) => testBounded(re, path))
}

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  const kinds = params.pageKinds as string[]
  if (!isSiteHome(page, params)) return []
  const listed = page.columns.some((c) => c.entries.length > 0)
  // A site home whose HTML lists nothing (lists loaded by script) is still the home page: in scope, evidence unseen.
  if (!kinds.includes(page.kind) && listed) return []
  const maxAge = params.maxAgeDays
  const expected = {
    zh: `首页 ${maxAge} 天（2 周）内应有新信息；未注明发布时间的信息视为不更新`,
    en: `The home page must show new information within ${maxAge} days (2 weeks); undated items count as not updated`,
  }
  const section = '首页'
  const entries: { entry: Entry; column: string }[] = []
  for (const c of page.columns) for (const e of c.entries) entries.push({ entry: e, column: c.name })
  if (entries.length === 0) {
    // Nothing listed at all usually means the lists are loaded by script and were not in the audited HTML.
    return [
      ctx.finding({
        status: 'review',
        section,
        data: { columns: page.columns.length, entries: 0 },
        message: { zh: '首页未识别到任何信息条目（可能由脚本加载），需人工核实是否更新', en: 'No information entries were found on the home page; check its updates by hand' },
        evidence: { zh: `识别到 ${page.columns.length} 个栏目，0 条条目`, en: `${page.columns.length} columns found, 0 entries` },
        expected,
        locator: null,
      }),
    ]
  }
  let newest: { entry: Entry; column: string } | null = null
  for (const x of entries) if (x.entry.date && (!newest || x.entry.date.iso > newest.entry.date!.iso)) newest = x
  if (!newest || !newest.entry.date) {
    return [
      ctx.finding({
        status: 'fail',
        section,
        message: { zh: '首页信息均未注明发布时间，视为不更新', en: 'No item on the home page shows a date, so it counts as not updated' },
        evidence: { zh: `首页共 ${entries.length} 条信息，均无日期`, en: `${entries.length} items on the home page, none dated` },
        expected,
        locator: null,
      }),
    ]
  }
  const date = newest.entry.date
  const age = daysBetween(date.iso, ctx.asOf)
  const data = { latestDate: date.iso, daysSince: age, maxAgeDays: maxAge, daysOver: Math.max(0, age - maxAge) }
  const inferred = date.yearInferred ? { zh: '（年份按审计日推断）', en: ' (year inferred)' } : { zh: '', en: '' }
  const where = { zh: `最新条目 ${date.iso}${inferred.zh}（${newest.column}：${newest.entry.title.slice(0, 30)}）`, en: `newest item ${date.iso}${inferred.en} (${newest.column}: ${newest.entry.title.slice(0, 30)})` }
  if (age > maxAge) {
    return [
      ctx.finding({
        status: 'fail',
        section,
        data,
        message: { zh: `首页超过 ${maxAge} 天未更新`, en: `The home page has not been updated for more than ${maxAge} days` },
        evidence: { zh: `${where.zh}，距审计日 ${age} 天，超期 ${age - maxAge} 天`, en: `${where.en}, ${age} days before the audit, ${age - maxAge} days over` },
        expected,
        locator: newest.entry.locator,
      }),
    ]
  }
  return [
    ctx.finding({
      status: 'pass',
      section,
      data,
      message: { zh: `首页 ${maxAge} 天内有更新`, en: `The home page was updated within ${maxAge} days` },
      evidence: { zh: `${where.zh}，距审计日 ${age} 天`, en: `${where.en}, ${age} days before the audit` },
      expected,
      locator: newest.entry.locator,
    }),
  ]
}
