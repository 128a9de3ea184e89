// 栏目不更新 (国办秘函〔2019〕19号 单项否决): each column is judged against the update period of its class.
// The veto itself is site-level (≥ 5 stale columns of the 2-week/6-month kind, ≥ 10 stale in all); one page only
// shows its own columns, so the evaluator reports per column and states the site-level limits in `expected`.
import { daysBetween } from '../dates.ts'
import { FRESHNESS_KEYWORDS, FRESHNESS_ORDER } from '../vocabulary.ts'
import type { Column, Entry, Evaluator, Finding, FreshnessClass, Localized, RuleContext } from '../types.ts'
import { bool, itemStrList, localized, objList, type Params } from './params.ts'

export interface FreshnessClassDef {
  id: Exclude<FreshnessClass, 'other'>
  label: Localized
  maxAgeDays: number
  keywords: string[]
}

const DEFAULT_DAYS: Record<Exclude<FreshnessClass, 'other'>, number> = { news: 14, 'long-term': 365, notice: 183 }
const DEFAULT_LABELS: Record<Exclude<FreshnessClass, 'other'>, Localized> = {
  news: { zh: '动态、要闻类栏目', en: 'news column' },
  'long-term': { zh: '人事、规划计划类栏目', en: 'personnel/planning column' },
  notice: { zh: '通知公告、政策文件类栏目', en: 'notice/policy column' },
}
const CLASS_IDS = ['news', 'long-term', 'notice'] as const

export const DEFAULT_FRESHNESS_CLASSES: readonly FreshnessClassDef[] = FRESHNESS_ORDER.map((id) => ({
  id,
  label: DEFAULT_LABELS[id],
  maxAgeDays: DEFAULT_DAYS[id],
  keywords: [...FRESHNESS_KEYWORDS[id]],
}))

/** Pack order is priority order: the first class with a matching keyword wins. */
export function freshnessClasses(params: Params): FreshnessClassDef[] {
  return objList(
    params,
    'classes',
    (item) => {
      const id = CLASS_IDS.find((c) => c === item.class)
      if (!id) return null
      const days = typeof item.maxAgeDays === 'number' && item.maxAgeDays > 0 ? item.maxAgeDays : DEFAULT_DAYS[id]
      const keywords = itemStrList(item, 'keywords')
      return { id, label: localized(item.label, DEFAULT_LABELS[id]), maxAgeDays: days, keywords }
    },
    DEFAULT_FRESHNESS_CLASSES,
  )
}

const compact = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '')

/**
 * The pack's keywords decide first, so a pack can re-class a column; otherwise the class the extraction gave
 * (which used the same default vocabulary, possibly with ColumnType meta) is used.
 */
export function classOf(column: Column, classes: readonly FreshnessClassDef[], useExtracted: boolean): FreshnessClassDef | null {
  const name = compact(column.name)
  const byKeyword = classes.find((c) => c.keywords.some((k) => k && name.includes(k)))
  if (byKeyword) return byKeyword
  if (useExtracted && column.freshnessClass !== 'other') return classes.find((c) => c.id === column.freshnessClass) ?? null
  return null
}

export function latestDated(entries: readonly Entry[]): Entry | null {
  let best: Entry | null = null
  for (const e of entries) if (e.date && (!best || e.date.iso > best.date!.iso)) best = e
  return best
}

function judgeColumn(column: Column, cls: FreshnessClassDef, ctx: RuleContext): Finding {
  const name = column.name || '（未命名栏目）'
  const expected: Localized = {
    zh: `${cls.label.zh} ${describeDays(cls.maxAgeDays, 'zh')}内应有更新；全站此类栏目不更新累计 ≥ 5 个或应更新未更新栏目 ≥ 10 个即单项否决`,
    en: `A ${cls.label.en} must be updated within ${describeDays(cls.maxAgeDays, 'en')}; site-wide, ≥ 5 such stale columns (or ≥ 10 stale columns in all) is a veto`,
  }
  const undated = column.entries.filter((e) => !e.date).length
  const latest = latestDated(column.entries)
  if (!latest || !latest.date) {
    // 15号文 注: 未注明信息发布时间的视为不更新 — a list without any date cannot show an update.
    return ctx.finding({
      status: 'fail',
      section: name,
      message: { zh: `「${name}」栏目条目均未注明发布时间，视为不更新`, en: `No entry of "${name}" shows a publication date, so the column counts as not updated` },
      evidence: {
        zh: `${name} · 共 ${column.entries.length} 条，均无日期`,
        en: `${name} · ${column.entries.length} entries, none dated`,
      },
      expected,
      locator: column.locator,
    })
  }
  const date = latest.date
  const age = daysBetween(date.iso, ctx.asOf)
  const over = age - cls.maxAgeDays
  const notes: Localized[] = []
  if (date.yearInferred) notes.push({ zh: '年份按审计日推断', en: 'year inferred from the audit date' })
  if (undated) notes.push({ zh: `另有 ${undated} 条未注明日期（视为不更新）`, en: `${undated} more entries undated (count as not updated)` })
  if (age < 0) notes.push({ zh: '日期晚于审计日', en: 'date is after the audit date' })
  const tail = (lang: 'zh' | 'en'): string => (notes.length ? ` · ${notes.map((n) => n[lang]).join('；')}` : '')
  if (over > 0) {
    return ctx.finding({
      status: 'fail',
      section: name,
      message: {
        zh: `「${name}」栏目超过 ${describeDays(cls.maxAgeDays, 'zh')}未更新`,
        en: `"${name}" has not been updated for more than ${describeDays(cls.maxAgeDays, 'en')}`,
      },
      evidence: {
        zh: `${name} · 最新 ${date.iso} · 距审计日 ${age} 天 · 超期 ${over} 天${tail('zh')}`,
        en: `${name} · latest ${date.iso} · ${age} days before the audit · ${over} days over${tail('en')}`,
      },
      expected,
      locator: column.locator,
    })
  }
  return ctx.finding({
    status: 'pass',
    section: name,
    message: {
      zh: `「${name}」栏目在 ${describeDays(cls.maxAgeDays, 'zh')}内有更新`,
      en: `"${name}" was updated within ${describeDays(cls.maxAgeDays, 'en')}`,
    },
    evidence: {
      zh: `${name} · 最新 ${date.iso} · 距审计日 ${age} 天${tail('zh')}`,
      en: `${name} · latest ${date.iso} · ${age} days before the audit${tail('en')}`,
    },
    expected,
    locator: column.locator,
  })
}

/** 183 days reads better as "6 个月", 365 as "1 年", 14 as "2 周" — the units the 19号 text uses. */
export function describeDays(days: number, lang: 'zh' | 'en'): string {
  const named: Record<number, Localized> = {
    14: { zh: '2 周', en: '2 weeks' },
    183: { zh: '6 个月', en: '6 months' },
    365: { zh: '1 年', en: '1 year' },
  }
  return named[days]?.[lang] ?? (lang === 'zh' ? `${days} 天` : `${days} days`)
}

export const columnFreshness: Evaluator = (page, params, ctx) => {
  const classes = freshnessClasses(params)
  const useExtracted = bool(params, 'useExtractedClass', true)
  // A column judged twice (same list found through two routes) would be counted twice toward the veto limits.
  const seen = new Set<string>()
  const out: Finding[] = []
  for (const column of page.columns) {
    if (column.entries.length === 0) continue // 空白栏目 is blank-column's finding, not a freshness one
    const key = `${column.name}\u0000${column.locator?.css ?? ''}`
    if (seen.has(key)) continue
    seen.add(key)
    const cls = classOf(column, classes, useExtracted)
    if (!cls) {
      const name = column.name || '（未命名栏目）'
      out.push(
        ctx.finding({
          status: 'n/a',
          section: name,
          message: { zh: `「${name}」不属于有更新时限要求的栏目类别`, en: `"${name}" is not in a column class with an update period` },
          evidence: { zh: `${name} · 共 ${column.entries.length} 条`, en: `${name} · ${column.entries.length} entries` },
          expected: { zh: '动态要闻 2 周、通知公告/政策文件 6 个月、人事/规划 1 年', en: 'news 2 weeks, notices/policy 6 months, personnel/planning 1 year' },
          locator: column.locator,
        }),
      )
      continue
    }
    out.push(judgeColumn(column, cls, ctx))
  }
  return out
}

