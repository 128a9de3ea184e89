// The rows both office files are made of: each problem with the body that answers for it, in the CSV's columns, and
// the text cleaned of what XML cannot hold (page text reaches these files verbatim).
import { CSV_HEADERS, HANDLING_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../engine/csv.ts'
import { isDismissable, isDismissed } from '../engine/cycle/dismissals.ts'
import { pick } from '../engine/finding.ts'
import type { FreshnessClass } from '../engine/types.ts'
import type { Finding, PageReport } from '../engine/types.ts'
import type { ExportContext, ExportData } from './context.ts'

export interface ProblemRow {
  page: PageReport
  finding: Finding
  /** The body the problem is addressed to: the page's 发布机构, else its column, else the site. */
  body: string
  ruleTitle: string
}

/** The 问题清单 columns: the CSV's, then the addressee of the notice. */
export const PROBLEM_HEADERS: readonly string[] = [...CSV_HEADERS.zh, '责任单位']

export const CLASS_LABELS_ZH: Record<FreshnessClass, string> = {
  news: '动态要闻',
  notice: '通知公告/政策文件',
  'long-term': '人事/规划',
  other: '其他',
}

// XML 1.0 has no place for C0 controls other than tab, LF and CR, nor for U+FFFE/U+FFFF or lone surrogates: one
// such character from a page would make Word and Excel refuse the whole file.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\ufffd')
}

export function bodyOf(page: PageReport, site: string): string {
  return page.publisher?.trim() || page.column?.trim() || site
}

export function allPages(data: ExportData): PageReport[] {
  return data.sitePage ? [...data.pages, data.sitePage] : data.pages
}

/** Fails and reviews of every page, in page order then the engine's order (worst first). */
export function problemRows(data: ExportData, ctx: ExportContext): ProblemRow[] {
  const titles = new Map<string, string>()
  for (const pack of data.packs) for (const rule of pack.rules) titles.set(rule.id, rule.title.zh || rule.title.en)
  const rows: ProblemRow[] = []
  for (const page of allPages(data)) {
    const body = page === data.sitePage ? ctx.site : bodyOf(page, ctx.site)
    for (const finding of page.findings) {
      if (!isDismissable(finding)) continue
      rows.push({ page, finding, body, ruleTitle: titles.get(finding.ruleId) ?? finding.ruleId })
    }
  }
  return rows
}

/** One row of 问题清单, in PROBLEM_HEADERS order, as text. */
export function problemCells(row: ProblemRow): string[] {
  const { page, finding: f } = row
  const dismissed = isDismissed(f)
  return [
    page.asOf,
    page.title,
    page.url ?? '',
    f.ruleId,
    row.ruleTitle,
    STATUS_LABELS.zh[f.status] ?? f.status,
    SEVERITY_LABELS.zh[f.severity] ?? f.severity,
    f.section,
    pick(f.message, 'zh'),
    pick(f.evidence, 'zh'),
    pick(f.expected, 'zh'),
    f.source,
    f.locator?.css ?? '',
    f.id,
    dismissed ? HANDLING_LABELS.zh.dismissed : HANDLING_LABELS.zh.open,
    dismissed ? (f.dismissed?.reason ?? '') : '',
    row.body,
  ].map(xmlSafe)
}

/** `2026-11-28T21:42:09Z` → `2026-11-29 05:42` in Beijing time (no daylight saving since 1991: +8 h is exact). */
export function beijingTime(iso: string): string {
  const t = new Date(iso)
  if (Number.isNaN(t.getTime())) return iso
  return new Date(t.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ')
}
