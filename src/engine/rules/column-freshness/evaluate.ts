// 栏目不更新 (国办秘函〔2019〕19号 单项否决): each column is judged against the update period of its class.
// The veto itself is site-level (the site rule's limits: ≥ 5 stale columns of the 2-week/6-month kind, ≥ 10 stale in
// all); one page only
// shows its own columns, so the evaluator reports per column and states the site-level limits in `expected`.
import { classOf, describeLimit, judgeFreshness, type FreshnessClassDef, type FreshnessLimit } from '../../rule-kit/freshness.ts'
import type { Column, Entry, Finding, Localized, PageModel, RuleContext, SiteVetoLimits } from '../../types.ts'
import type { Params } from './params.ts'

export function latestDated(entries: readonly Entry[]): Entry | null {
  let best: Entry | null = null
  for (const e of entries) if (e.date && (!best || e.date.iso > best.date!.iso)) best = e
  return best
}

const nameOf = (column: Column): string => column.name || '（未命名栏目）'

function expectedFor(cls: FreshnessClassDef, site: SiteVetoLimits | null): Localized {
  const limit = describeLimit(cls.maxAge)
  if (!site) return { zh: `${cls.label.zh} ${limit.zh}内应有更新`, en: `A ${cls.label.en} must be updated within ${limit.en}` }
  return {
    zh: `${cls.label.zh} ${limit.zh}内应有更新；全站此类栏目不更新累计 ≥ ${site.staleNewsNotice} 个或应更新未更新栏目 ≥ ${site.staleAll} 个即单项否决`,
    en: `A ${cls.label.en} must be updated within ${limit.en}; site-wide, ≥ ${site.staleNewsNotice} such stale columns (or ≥ ${site.staleAll} stale columns in all) is a veto`,
  }
}

function judgeColumn(column: Column, cls: FreshnessClassDef, ctx: RuleContext): Finding {
  const name = nameOf(column)
  const expected = expectedFor(cls, ctx.siteLimits)
  const limit = describeLimit(cls.maxAge)
  const undated = column.entries.filter((e) => !e.date).length
  const latest = latestDated(column.entries)
  const base = { section: name, key: `column:${name}`, expected, locator: column.locator }
  if (!latest || !latest.date) {
    // 15号文 注: 未注明信息发布时间的视为不更新 — a list without any date cannot show an update.
    return ctx.finding({
      ...base,
      status: 'fail',
      message: { zh: `「${name}」栏目条目均未注明发布时间，视为不更新`, en: `No entry of "${name}" shows a publication date, so the column counts as not updated` },
      evidence: { zh: `${name} · 共 ${column.entries.length} 条，均无日期`, en: `${name} · ${column.entries.length} entries, none dated` },
      data: { column: name, class: cls.class, entries: column.entries.length, undated, latestDate: null, limit: limit.en },
    })
  }
  const date = latest.date
  const verdict = judgeFreshness(date.iso, ctx.asOf, cls.maxAge)
  const notes: Localized[] = []
  if (date.yearInferred) notes.push({ zh: '年份按审计日推断', en: 'year inferred from the audit date' })
  if (undated) notes.push({ zh: `另有 ${undated} 条未注明日期（视为不更新）`, en: `${undated} more entries undated (count as not updated)` })
  if (verdict.daysSince < 0) notes.push({ zh: '日期晚于审计日', en: 'date is after the audit date' })
  const tail = (lang: 'zh' | 'en'): string => (notes.length ? ` · ${notes.map((n) => n[lang]).join('；')}` : '')
  const data = {
    column: name,
    class: cls.class,
    entries: column.entries.length,
    undated,
    latestDate: date.iso,
    daysSince: verdict.daysSince,
    cutoff: verdict.cutoff,
    daysOver: verdict.daysOver,
    limit: limit.en,
  }
  if (verdict.stale) {
    return ctx.finding({
      ...base,
      status: 'fail',
      message: { zh: `「${name}」栏目超过 ${limit.zh}未更新`, en: `"${name}" has not been updated for more than ${limit.en}` },
      evidence: {
        zh: `${name} · 最新 ${date.iso} · 距审计日 ${verdict.daysSince} 天 · 超期 ${verdict.daysOver} 天${tail('zh')}`,
        en: `${name} · latest ${date.iso} · ${verdict.daysSince} days before the audit · ${verdict.daysOver} days over${tail('en')}`,
      },
      data,
    })
  }
  return ctx.finding({
    ...base,
    status: 'pass',
    message: { zh: `「${name}」栏目在 ${limit.zh}内有更新`, en: `"${name}" was updated within ${limit.en}` },
    evidence: {
      zh: `${name} · 最新 ${date.iso} · 距审计日 ${verdict.daysSince} 天${tail('zh')}`,
      en: `${name} · latest ${date.iso} · ${verdict.daysSince} days before the audit${tail('en')}`,
    },
    data,
  })
}

/**
 * A dated column in no class has no period of its own; one with nothing new for longer than the pack's "long
 * unupdated" limit may be a column that should be updated but is not (19号 "应更新但长期未更新"), which only a
 * person can decide. A recent one is not this rule's concern.
 */
function unclassified(column: Column, maxAge: FreshnessLimit, ctx: RuleContext): Finding {
  const name = nameOf(column)
  const limit = describeLimit(maxAge)
  const latest = latestDated(column.entries)
  const verdict = latest?.date ? judgeFreshness(latest.date.iso, ctx.asOf, maxAge) : null
  const base = {
    section: name,
    key: `column:${name}`,
    locator: column.locator,
    expected: {
      zh: `动态要闻 2 周、通知公告/政策文件 6 个月、人事/规划 1 年内应有更新；其他应更新的栏目长期（超过 ${limit.zh}）不更新，计入"应更新但长期未更新"`,
      en: `news 2 weeks, notices/policy 6 months, personnel/planning 1 year; another column that should be updated but has not been for over ${limit.en} counts as "should be updated but is not"`,
    },
    data: {
      column: name,
      class: 'other',
      entries: column.entries.length,
      latestDate: latest?.date?.iso ?? null,
      daysSince: verdict?.daysSince ?? null,
      limit: limit.en,
    },
  }
  if (!verdict || verdict.stale) {
    const evidence: Localized = verdict
      ? { zh: `${name} · 最新 ${latest!.date!.iso} · 距审计日 ${verdict.daysSince} 天，超过 ${limit.zh}`, en: `${name} · latest ${latest!.date!.iso} · ${verdict.daysSince} days, over ${limit.en}` }
      : { zh: `${name} · 共 ${column.entries.length} 条，均无日期`, en: `${name} · ${column.entries.length} entries, none dated` }
    return ctx.finding({
      ...base,
      status: 'review',
      message: {
        zh: `「${name}」不属于已知更新时限的栏目类别，且超过 ${limit.zh}未更新，请人工判断是否属于应更新栏目`,
        en: `"${name}" is in no class with an update period and has not been updated for over ${limit.en}; decide whether it should be`,
      },
      evidence,
    })
  }
  return ctx.finding({
    ...base,
    status: 'n/a',
    message: { zh: `「${name}」不属于有更新时限要求的栏目类别（${limit.zh}内有更新）`, en: `"${name}" is not in a column class with an update period (updated within ${limit.en})` },
    evidence: { zh: `${name} · 最新 ${latest!.date!.iso}`, en: `${name} · latest ${latest!.date!.iso}` },
  })
}

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  // A column judged twice (same list found through two routes) would be counted twice toward the veto limits.
  const seen = new Set<string>()
  const out: Finding[] = []
  for (const column of page.columns) {
    if (column.entries.length === 0) continue // 空白栏目 is blank-column's finding, not a freshness one
    const key = `${column.name}\u0000${column.locator?.css ?? ''}`
    if (seen.has(key)) continue
    seen.add(key)
    const cls = classOf(column, params)
    out.push(cls ? judgeColumn(column, cls, ctx) : unclassified(column, params.unclassifiedMaxAge, ctx))
  }
  return out
}
