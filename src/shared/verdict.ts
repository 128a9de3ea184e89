// Page verdict as the popup states it; shared so every surface words a page's result the same way.
import { isDismissed } from '../engine/cycle/dismissals.ts'
import type { Finding, Severity, Status } from '../engine/types.ts'

export type VerdictKind = 'veto' | 'fail' | 'review' | 'pass'

export interface Verdict {
  kind: VerdictKind
  /** Fails for 'veto'/'fail', reviews for 'review', 0 for 'pass'. */
  count: number
}

/** The findings that count: a dismissed fail or review is shown apart ("已忽略 N"), never in a verdict or count. */
function inEffect<F extends Pick<Finding, 'status' | 'dismissed'>>(findings: readonly F[]): F[] {
  return findings.filter((f) => !isDismissed(f))
}

export function verdictOf(findings: Finding[]): Verdict {
  const counted = inEffect(findings)
  const fails = counted.filter((f) => f.status === 'fail')
  if (fails.some((f) => f.severity === 'veto')) return { kind: 'veto', count: fails.length }
  if (fails.length) return { kind: 'fail', count: fails.length }
  const reviews = counted.filter((f) => f.status === 'review').length
  if (reviews) return { kind: 'review', count: reviews }
  return { kind: 'pass', count: 0 }
}

export const STATUSES: Status[] = ['fail', 'review', 'pass', 'n/a']
export const SEVERITIES: Severity[] = ['veto', 'error', 'warning', 'info']

export function countByStatus(findings: Finding[]): Record<Status, number> {
  const out: Record<Status, number> = { fail: 0, review: 0, pass: 0, 'n/a': 0 }
  for (const f of inEffect(findings)) out[f.status]++
  return out
}

/** Fails and reviews the auditor set aside. */
export function countDismissed(findings: readonly Pick<Finding, 'status' | 'dismissed'>[]): number {
  return findings.filter(isDismissed).length
}

/** Severity counts of the findings that need action (fail + review); a passing veto rule is not a veto. */
export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { veto: 0, error: 0, warning: 0, info: 0 }
  for (const f of inEffect(findings)) if (f.status === 'fail' || f.status === 'review') out[f.severity]++
  return out
}

export const STATUS_MESSAGE: Record<Status, string> = {
  fail: 'statusFail',
  review: 'statusReview',
  pass: 'statusPass',
  'n/a': 'statusNa',
}

export const SEVERITY_MESSAGE: Record<Severity, string> = {
  veto: 'severityVeto',
  error: 'severityError',
  warning: 'severityWarning',
  info: 'severityInfo',
}

/**
 * Engine language follows the UI strings chrome.i18n picks: only an English browser gets _locales/en; every other
 * language falls back to the default locale zh_CN, so findings must be Chinese there too.
 */
export function langOf(uiLanguage: string): 'zh' | 'en' {
  return /^en\b/i.test(uiLanguage) ? 'en' : 'zh'
}

/** The 19号 "栏目不更新" limits as the pack's site rule sets them (engine/site/site-rule.ts `siteLimits`). */
export interface VetoLimits {
  staleNewsNotice: number
  staleAll: number
  blank: number
}

export type VetoGroupKey = keyof VetoLimits

/** A page-level veto rule whose fails are columns counted against the site-wide limits, not a veto on their own. */
const SITE_COUNTED_KINDS: Record<string, 'stale' | 'blank'> = { 'column-freshness': 'stale', 'blank-column': 'blank' }

/** What the session knows about the site: columns by name, from every audited page and the last site scan. */
export interface KnownColumns {
  /** Stale column names per class ('news' | 'notice' | 'long-term' | 'unknown'). */
  stale: Map<string, string>
  blank: Set<string>
}

export function emptyKnown(): KnownColumns {
  return { stale: new Map(), blank: new Set() }
}

export interface ColumnClassifier {
  (name: string, finding: Finding): string
}

/** Adds a page's stale and blank column findings to what the session knows; a column counts once by name. */
export function addPageColumns(
  known: KnownColumns,
  findings: readonly Finding[],
  kindOf: (ruleId: string) => string | undefined,
  classOf: ColumnClassifier,
): void {
  for (const f of findings) {
    if (f.status !== 'fail' || isDismissed(f)) continue
    const counted = SITE_COUNTED_KINDS[kindOf(f.ruleId) ?? '']
    if (counted === 'stale' && !known.stale.has(f.section)) known.stale.set(f.section, classOf(f.section, f))
    if (counted === 'blank') known.blank.add(f.section)
  }
}

/** Adds a site scan's column verdicts (name, class, status) to what the session knows. */
export function addScanColumns(
  known: KnownColumns,
  columns: readonly { name: string; class: string; status: string; level?: number }[],
): void {
  for (const c of columns) {
    // 19号 counts only first-level 通知公告/政策文件 columns in the news+notice limit; the level travels in the class.
    if (c.status === 'stale') known.stale.set(c.name, c.class === 'notice' && (c.level ?? 1) > 1 ? 'notice-sub' : c.class)
    if (c.status === 'blank') known.blank.add(c.name)
  }
}

export interface VetoCount {
  key: VetoGroupKey
  known: number
  limit: number
}

export function vetoCounts(known: KnownColumns, limits: VetoLimits): VetoCount[] {
  const classes = [...known.stale.values()]
  return [
    { key: 'staleNewsNotice', known: classes.filter((c) => c === 'news' || c === 'notice').length, limit: limits.staleNewsNotice },
    { key: 'staleAll', known: classes.length, limit: limits.staleAll },
    { key: 'blank', known: known.blank.size, limit: limits.blank },
  ]
}

export interface PageVerdict extends Verdict {
  /** Fails of veto items on this page (single-page items and columns counted site-wide). */
  vetoFails: number
  /** The site-wide count this page's veto-class fails feed, closest to its limit; null when the page has none. */
  nearest: VetoCount | null
  /** Every site-wide count this page's veto-class fails feed, closest to its limit first. */
  fed: VetoCount[]
  counts: VetoCount[]
}

/**
 * The page's verdict under 19号: `veto` only when a single-page veto item fails here, or when the columns the
 * session knows (audited pages plus the site scan) reach one of the pack's limits. A stale column below the limit
 * is a fail that says how far the site is from the limit; it is never called a veto.
 */
export function pageVerdict(
  findings: readonly Finding[],
  known: KnownColumns,
  limits: VetoLimits,
  kindOf: (ruleId: string) => string | undefined,
  classOf: ColumnClassifier,
): PageVerdict {
  const counts = vetoCounts(known, limits)
  const fails = inEffect(findings).filter((f) => f.status === 'fail')
  const vetoFails = fails.filter((f) => f.severity === 'veto')
  const singlePage = vetoFails.filter((f) => !SITE_COUNTED_KINDS[kindOf(f.ruleId) ?? ''])
  const fed = new Set<VetoGroupKey>()
  for (const f of vetoFails) {
    const counted = SITE_COUNTED_KINDS[kindOf(f.ruleId) ?? '']
    if (counted === 'blank') fed.add('blank')
    if (counted === 'stale') {
      fed.add('staleAll')
      const cls = classOf(f.section, f)
      if (cls === 'news' || cls === 'notice') fed.add('staleNewsNotice')
    }
  }
  const ratio = (c: VetoCount): number => c.known / Math.max(1, c.limit)
  const fedCounts = counts.filter((c) => fed.has(c.key)).sort((a, b) => ratio(b) - ratio(a))
  const nearest = fedCounts[0] ?? null
  const reached = counts.some((c) => c.known >= c.limit)
  const base = verdictOf([...findings])
  if (singlePage.length || reached) return { kind: 'veto', count: fails.length, vetoFails: vetoFails.length, nearest, fed: fedCounts, counts }
  return { kind: base.kind === 'veto' ? 'fail' : base.kind, count: base.count, vetoFails: vetoFails.length, nearest, fed: fedCounts, counts }
}

export const VETO_GROUP_MESSAGE: Record<VetoGroupKey, string> = {
  staleNewsNotice: 'groupStaleNewsNotice',
  staleAll: 'groupStaleAll',
  blank: 'groupBlank',
}
