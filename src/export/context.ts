// What every export is built from: the audit's pages and packs (plus the site scan's columns, when one ran) and the
// terms of the audit that a report states but the findings do not carry.
import type { SiteColumn, SiteCounts } from '../engine/site/types.ts'
import type { IsoDate, PageReport, RulePack } from '../engine/types.ts'

export interface ExportContext {
  /** The site audited, as the report names it (host or start address). */
  site: string
  /** The audit's as-of date, YYYY-MM-DD: what the findings were judged against and where the 整改期限 counts from. */
  asOf: IsoDate
  /** The auditor's name as printed; empty when none was given. */
  auditor: string
  /** 机构类型 in effect (e.g. 政府 / 部门), when the audit was told one. */
  bodyType?: string
  /** The 整改期限 in working days after the as-of date (official holiday calendar). */
  deadlineWorkingDays: number
  /** When the file was made, ISO datetime. */
  generatedAt: string
}

export interface ExportData {
  /** Every audited page. */
  pages: PageReport[]
  /** A site scan's site-level findings (veto counts, links), as one page: they are the whole site's to answer for. */
  sitePage?: PageReport | null
  packs: RulePack[]
  /** The site scan's columns, when a scan ran: the 栏目 sheet. */
  columns?: SiteColumn[] | null
  counts?: SiteCounts | null
}

export const DEFAULT_DEADLINE_WORKING_DAYS = 10
