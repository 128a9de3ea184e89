// Page verdict as the popup states it; shared so every surface words a page's result the same way.
import type { Finding, Severity, Status } from '../engine/types.ts'

export type VerdictKind = 'veto' | 'fail' | 'review' | 'pass'

export interface Verdict {
  kind: VerdictKind
  /** Fails for 'veto'/'fail', reviews for 'review', 0 for 'pass'. */
  count: number
}

export function verdictOf(findings: Finding[]): Verdict {
  const fails = findings.filter((f) => f.status === 'fail')
  if (fails.some((f) => f.severity === 'veto')) return { kind: 'veto', count: fails.length }
  if (fails.length) return { kind: 'fail', count: fails.length }
  const reviews = findings.filter((f) => f.status === 'review').length
  if (reviews) return { kind: 'review', count: reviews }
  return { kind: 'pass', count: 0 }
}

export const STATUSES: Status[] = ['fail', 'review', 'pass', 'n/a']
export const SEVERITIES: Severity[] = ['veto', 'error', 'warning', 'info']

export function countByStatus(findings: Finding[]): Record<Status, number> {
  const out: Record<Status, number> = { fail: 0, review: 0, pass: 0, 'n/a': 0 }
  for (const f of findings) out[f.status]++
  return out
}

/** Severity counts of the findings that need action (fail + review); a passing veto rule is not a veto. */
export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { veto: 0, error: 0, warning: 0, info: 0 }
  for (const f of findings) if (f.status === 'fail' || f.status === 'review') out[f.severity]++
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
