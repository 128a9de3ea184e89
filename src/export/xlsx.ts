// The audit as an Excel workbook: 汇总 (the terms and the counts), 问题清单 (every fail and review, in the CSV's
// columns) and, after a site scan, 栏目. Text cells go through the CSV's formula neutraliser, numbers stay numbers
// and dates are text, so a sort or a filter in Excel/WPS does what the auditor expects. Loaded only by dynamic import.
import ExcelJS from 'exceljs'
import { neutraliseCell } from '../engine/csv.ts'
import { isDismissed } from '../engine/cycle/dismissals.ts'
import type { ExportContext, ExportData } from './context.ts'
import { allPages, beijingTime, CLASS_LABELS_ZH, PROBLEM_HEADERS, problemCells, problemRows, xmlSafe } from './rows.ts'
import { COLUMN_STATUS_ZH } from '../engine/site/site-rule.ts'

type Cell = string | number | null

export const SHEET_SUMMARY = '汇总'
export const SHEET_PROBLEMS = '问题清单'
export const SHEET_COLUMNS = '栏目'

export const COLUMN_HEADERS: readonly string[] = ['栏目名称', '栏目地址', '类别', '层级', '条目数', '最新日期', '距审计日天数', '结论', '说明', 'HTTP 状态']

function text(value: string): string {
  return neutraliseCell(xmlSafe(value))
}

/** Display width of a text in Excel's character units: CJK and full-width characters take two. */
function displayWidth(value: Cell): number {
  if (value === null) return 0
  let w = 0
  for (const ch of String(value).split('\n')[0]) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}

/**
 * A sheet with its header row frozen and filtered, and each column as wide as its longest cell within bounds (long
 * evidence wraps instead of making a column a screen wide).
 */
function addTable(wb: ExcelJS.Workbook, name: string, headers: readonly string[], rows: Cell[][], maxWidth = 60): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  ws.addRow([...headers])
  for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'string' ? text(v) : v)))
  const header = ws.getRow(1)
  header.font = { bold: true }
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } }
  headers.forEach((h, i) => {
    const widest = Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? null)))
    const col = ws.getColumn(i + 1)
    col.width = Math.min(maxWidth, Math.max(8, widest + 2))
    if (widest > maxWidth) col.alignment = { wrapText: true, vertical: 'top' }
  })
  return ws
}

function summaryRows(data: ExportData, ctx: ExportContext): Cell[][] {
  const findings = allPages(data).flatMap((p) => p.findings)
  const count = (status: string) => findings.filter((f) => f.status === status).length
  const dismissed = findings.filter(isDismissed).length
  const rows: Cell[][] = [
    ['站点', ctx.site],
    ['审计日期', ctx.asOf],
    ['审计人员', ctx.auditor],
  ]
  if (ctx.bodyType) rows.push(['机构类型', ctx.bodyType])
  rows.push(
    ['生成时间（北京时间）', beijingTime(ctx.generatedAt)],
    ['审计页面数', data.pages.length],
    ['不合格', count('fail')],
    ['需复核', count('review')],
    ['合格', count('pass')],
    ['不适用', count('n/a')],
    ['已忽略', dismissed],
    ['未处理问题', count('fail') + count('review') - dismissed],
  )
  if (data.columns) rows.push(['扫描栏目数', data.columns.length])
  if (data.counts) {
    rows.push(
      ['动态要闻类未更新栏目', data.counts.staleNews],
      ['通知公告/政策文件类未更新栏目', data.counts.staleNotice],
      ['人事/规划类未更新栏目', data.counts.staleLongTerm],
      ['空白栏目', data.counts.blank],
    )
  }
  return rows
}

export async function buildXlsx(data: ExportData, ctx: ExportContext): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = xmlSafe(ctx.auditor) || '政务公开巡检'
  const made = new Date(ctx.generatedAt)
  if (!Number.isNaN(made.getTime())) wb.created = wb.modified = made

  addTable(wb, SHEET_SUMMARY, ['项目', '内容'], summaryRows(data, ctx))
  addTable(wb, SHEET_PROBLEMS, PROBLEM_HEADERS, problemRows(data, ctx).map(problemCells))
  if (data.columns) {
    addTable(
      wb,
      SHEET_COLUMNS,
      COLUMN_HEADERS,
      data.columns.map((c) => [
        c.name,
        c.url ?? '',
        CLASS_LABELS_ZH[c.class] ?? c.class,
        c.level ?? null,
        c.entries,
        c.latestDate ?? '',
        c.daysSince,
        COLUMN_STATUS_ZH[c.status] ?? c.status,
        c.detail ?? '',
        c.httpStatus ?? null,
      ]),
    )
  }
  const out = await wb.xlsx.writeBuffer()
  return new Uint8Array(out as ArrayBuffer)
}
