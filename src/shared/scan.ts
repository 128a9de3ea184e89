// What every surface (popup, report page, on-page panel) says about a site scan, computed once from the scan's
// columns and site findings, so the three never word or count a column differently.
// Types and wording only: the content script and the popup import this, and must not pull in the engine.
import type { SiteColumn, SiteCounts } from '../engine/site/types.ts'
import type { Localized, Status } from '../engine/types.ts'

export type ScanRunState = 'running' | 'done' | 'cancelled' | 'error'

/** storage.local `scanProgress:<host>`: what the popup shows while (and after) a scan runs. */
export interface ScanProgressView {
  host: string
  scanId: string
  startUrl: string
  /** The tab the scan started from: its page gets the inline results. */
  tabId: number | null
  state: ScanRunState
  phase: 'pages' | 'links' | 'done'
  done: number
  total: number
  /** The column (or link) just finished. */
  current: { name: string; url: string } | null
  requests: number
  startedAt: number
  updatedAt: number
  error?: string
}

export type SiteGroupKey = 'staleNewsNotice' | 'staleAll' | 'blank'

export interface SiteGroup {
  key: SiteGroupKey
  status: Status
  count: number
  limit: number
  /** Names of the columns behind the count. */
  columns: string[]
}

/** A page veto item counted over the site (veto-hits-site): unanswered messages, serious misstatements. */
export interface SiteHitGroup {
  key: string
  /** The pack's name for the count, in both languages. */
  title: Localized
  status: Status
  count: number
  limit: number
}

export interface SiteSummary {
  verdict: 'veto' | 'review' | 'pass'
  counts: SiteCounts
  groups: SiteGroup[]
  /** Absent in summaries stored before these counts existed. */
  hits?: SiteHitGroup[]
}

/** What the content script needs to draw the scan on the start page: no page text beyond column names. */
export interface ScanInline {
  host: string
  startUrl: string
  asOf: string
  columns: SiteColumn[]
  summary: SiteSummary
}

export const GROUP_MESSAGE: Record<SiteGroupKey, string> = {
  staleNewsNotice: 'groupStaleNewsNotice',
  staleAll: 'groupStaleAll',
  blank: 'groupBlank',
}

type Msg = (key: string, subs?: string | string[]) => string

const STATUS_KEY: Record<SiteColumn['status'], string> = {
  ok: 'colOk',
  stale: 'colOverdue',
  blank: 'colBlank',
  unreachable: 'colUnreachable',
  'not-html': 'colNotHtml',
  login: 'colLogin',
  soft404: 'colSoft404',
  offsite: 'colOffsite',
  'too-large': 'colTooLarge',
  error: 'colError',
}

/** "最新 2026-03-10 · 262 天 · 超期" / "空白栏目" / "无法访问": one column's verdict in a few words. */
export function columnBadgeText(c: SiteColumn, msg: Msg): string {
  if (c.status === 'ok' || c.status === 'stale') {
    const parts: string[] = []
    if (c.latestDate) parts.push(msg('colLatest', [c.latestDate, String(c.daysSince ?? 0)]))
    else if (c.status === 'stale') parts.push(msg('colNoDate'))
    if (c.status === 'stale' || !parts.length) parts.push(msg(STATUS_KEY[c.status]))
    return parts.join(' · ')
  }
  return msg(STATUS_KEY[c.status])
}

export function columnStatusText(c: SiteColumn, msg: Msg): string {
  return msg(STATUS_KEY[c.status])
}

export const SITE_VERDICT_MESSAGE: Record<SiteSummary['verdict'], string> = {
  veto: 'siteVerdictVeto',
  review: 'siteVerdictReview',
  pass: 'siteVerdictPass',
}
