// Shapes of the site scan's results. Plain JSON: they are persisted in chrome.storage.local mid-scan and printed by
// the CLI, so nothing here may hold a function, a Date or a class instance.
import type { FreshnessClass, IsoDate } from '../types.ts'

/**
 * ok / stale / blank come from a list page that was read; the others say why no verdict could be reached, so an
 * auditor can tell "not updated" from "we could not see it".
 */
export type ColumnStatus = 'ok' | 'stale' | 'blank' | 'unreachable' | 'not-html' | 'login' | 'soft404' | 'offsite' | 'too-large' | 'error'

export interface SiteColumn {
  name: string
  url: string | null
  class: FreshnessClass
  /** Entries listed on the column's first page (0 for a blank column, null when the page could not be read). */
  entries: number | null
  latestDate: IsoDate | null
  daysSince: number | null
  status: ColumnStatus
  /** HTTP status of the list page, when one was fetched. */
  httpStatus?: number | null
  /** Why the status was given, in Chinese: "最新条目 2024-01-02，距审计日 300 天，超过 6 个月". */
  detail?: string
  /** 1 = first-level column when known (19号 counts only first-level 通知公告/政策文件 columns). */
  level?: number
  /**
   * Stale by the pack's "long unupdated" limit, but in no class with a period of its own: whether it should be
   * updated is for a person to decide, so it counts toward the 19号 line only as "not determined".
   */
  unconfirmed?: boolean
}

export type LinkResult = 'broken' | 'unverifiable' | 'soft404' | 'ok'

export interface SiteLink {
  url: string
  /** The page the link was found on. */
  from: string
  result: LinkResult
  httpStatus: number | null
  /** Network failure kind when there was no HTTP answer: timeout, dns, refused, network. */
  error?: string
  attachment?: boolean
}

export interface SiteCounts {
  staleNews: number
  staleNotice: number
  staleLongTerm: number
  blank: number
}

/** A link of a page that may lead to a column list. */
export interface ColumnLink {
  name: string
  url: string
  class: FreshnessClass
  /** Where on the page it was found. */
  via: 'navigation' | 'more'
  level?: number
}

export type NetworkErrorKind = 'timeout' | 'dns' | 'refused' | 'network'
