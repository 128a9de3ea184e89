// 政府网站信息公开整改通知: one notice per responsible body (the page's 发布机构, else its column, else the site),
// listing its open problems with what was found, what is required and on what basis, a 整改期限 counted in working
// days by the official holiday calendar, and a blank 复查 table for the re-check. Dismissed findings are left out: the
// auditor has set them aside. Reviews are listed apart as matters to verify, never as established problems.
// Loaded only by dynamic import.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx'
import { isDismissed } from '../engine/cycle/dismissals.ts'
import { addWorkingDays, isCalendarCovered } from '../engine/dates.ts'
import { pick } from '../engine/finding.ts'
import type { IsoDate } from '../engine/types.ts'
import type { ExportContext, ExportData } from './context.ts'
import { problemRows, xmlSafe, type ProblemRow } from './rows.ts'

export const NOTICE_TITLE = '政府网站信息公开整改通知'
export const RECHECK_HEADERS = ['序号', '问题', '整改情况', '复查日期', '复查结果', '复查人'] as const
export const PROBLEM_TABLE_HEADERS = ['序号', '页面', '发现', '要求', '依据'] as const

// 公文 conventions (GB/T 9704): body in 仿宋 三号 (16 pt), headings in 黑体, title in 小标宋 二号 (22 pt). Sizes are
// in half-points. A machine without a font substitutes its own; the names are the ones Word and WPS know.
const BODY_FONT = { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }
const HEADING_FONT = { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }
const TITLE_FONT = { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }
const BODY_SIZE = 32
const TABLE_SIZE = 21 // 五号 (10.5 pt): a problem table in 三号 would run to pages per row.

export interface NoticeBody {
  body: string
  problems: ProblemRow[]
  toVerify: ProblemRow[]
}

/** The bodies that get a notice, in the order their first page was audited; none without an open problem. */
export function noticeBodies(data: ExportData, ctx: ExportContext): NoticeBody[] {
  const byBody = new Map<string, NoticeBody>()
  for (const row of problemRows(data, ctx)) {
    if (isDismissed(row.finding)) continue
    let entry = byBody.get(row.body)
    if (!entry) byBody.set(row.body, (entry = { body: row.body, problems: [], toVerify: [] }))
    ;(row.finding.status === 'fail' ? entry.problems : entry.toVerify).push(row)
  }
  return [...byBody.values()]
}

/** The 整改期限: n working days after the as-of date (the as-of date itself not counted), by the holiday calendar. */
export function noticeDeadline(asOf: IsoDate, workingDays: number): { date: IsoDate; estimated: boolean } {
  const date = addWorkingDays(asOf, workingDays)
  return { date, estimated: !isCalendarCovered(asOf) || !isCalendarCovered(date) }
}

/** `2024-09-27` → `2024年9月27日`, as a 公文 writes dates. */
export function chineseDate(iso: IsoDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso
}

function run(value: string, opts: { font?: typeof BODY_FONT; size?: number; bold?: boolean } = {}): TextRun {
  return new TextRun({ text: xmlSafe(value), font: opts.font ?? BODY_FONT, size: opts.size ?? BODY_SIZE, bold: opts.bold })
}

function para(value: string, opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph {
  return new Paragraph({
    children: [run(value)],
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    // Two characters of first-line indent, 28 pt line spacing: the 公文 body.
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
  })
}

function heading(value: string): Paragraph {
  return new Paragraph({ children: [run(value, { font: HEADING_FONT })], indent: { firstLine: 640 }, spacing: { line: 560, lineRule: 'exact' } })
}

function cell(value: string, opts: { header?: boolean; width?: number } = {}): TableCell {
  const lines = xmlSafe(value).split('\n')
  return new TableCell({
    children: lines.map((line) => new Paragraph({ children: [run(line, { size: TABLE_SIZE, font: opts.header ? HEADING_FONT : BODY_FONT })] })),
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
  })
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER }

function table(headers: readonly string[], rows: string[][], widths: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, { header: true, width: widths[i] })) }),
      ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, { width: widths[i] })) })),
    ],
  })
}

function pageText(row: ProblemRow): string {
  const title = row.page.title.trim() || '（无标题）'
  const where = row.finding.section && row.finding.section !== title ? `\n栏目/要素：${row.finding.section}` : ''
  return `${title}${row.page.url ? `\n${row.page.url}` : ''}${where}`
}

function problemTable(rows: ProblemRow[]): Table {
  return table(
    PROBLEM_TABLE_HEADERS,
    rows.map((r, i) => [String(i + 1), pageText(r), pick(r.finding.evidence, 'zh') || pick(r.finding.message, 'zh'), pick(r.finding.expected, 'zh'), r.finding.source]),
    [6, 28, 26, 26, 14],
  )
}

function recheckTable(rows: ProblemRow[]): Table {
  const short = (r: ProblemRow) => pick(r.finding.message, 'zh') || r.ruleTitle
  return table(
    RECHECK_HEADERS,
    rows.map((r, i) => [String(i + 1), short(r), '', '', '', '']),
    [6, 34, 24, 12, 12, 12],
  )
}

function noticeSection(n: NoticeBody, ctx: ExportContext, deadline: { date: IsoDate; estimated: boolean }): ISectionOptions {
  const all = [...n.problems, ...n.toVerify]
  const children: (Paragraph | Table)[] = [
    new Paragraph({ children: [run(NOTICE_TITLE, { font: TITLE_FONT, size: 44 })], alignment: AlignmentType.CENTER, spacing: { after: 400 } }),
    para(`${n.body}：`, { indent: false, align: AlignmentType.LEFT }),
    para(
      `经对${ctx.site}进行政府信息公开巡检（审计日期：${chineseDate(ctx.asOf)}），发现你单位负责的网站内容存在以下问题` +
        `${n.toVerify.length ? '及需要核实的事项' : ''}。请对照要求和依据认真整改，于${chineseDate(deadline.date)}前完成整改并反馈整改情况。`,
    ),
  ]
  let number = 0
  const numbered = (title: string) => heading(`${'一二三四五'[number++]}、${title}`)
  if (n.problems.length) children.push(numbered(`存在的问题（${n.problems.length} 项）`), problemTable(n.problems))
  if (n.toVerify.length) {
    children.push(
      numbered(`需要核实的事项（${n.toVerify.length} 项）`),
      para('以下事项巡检时无法确认，请核实；确有问题的一并整改，不存在问题的请说明情况。'),
      problemTable(n.toVerify),
    )
  }
  children.push(
    numbered('整改期限'),
    para(
      `请于${chineseDate(deadline.date)}前完成整改（审计日期后 ${ctx.deadlineWorkingDays} 个工作日，按国家法定节假日安排计算` +
        `${deadline.estimated ? '；节假日安排未覆盖该年份，按周一至周五估算，请核对' : ''}）。`,
    ),
    numbered('复查'),
    para('整改期限届满后进行复查，逐项填写下表。', {}),
    recheckTable(all),
    new Paragraph({ children: [], spacing: { after: 400 } }),
    para(`审计人员：${ctx.auditor || '　　　　　　'}`, { indent: false, align: AlignmentType.RIGHT }),
    para(chineseDate(ctx.asOf), { indent: false, align: AlignmentType.RIGHT }),
  )
  return {
    // A4 with the 公文 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twentieths of a point.
    properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
    children,
  }
}

export async function buildNotices(data: ExportData, ctx: ExportContext): Promise<Uint8Array> {
  const bodies = noticeBodies(data, ctx)
  const deadline = noticeDeadline(ctx.asOf, ctx.deadlineWorkingDays)
  const sections: ISectionOptions[] = bodies.length
    ? bodies.map((b) => noticeSection(b, ctx, deadline))
    : [
        {
          children: [
            new Paragraph({ children: [run(NOTICE_TITLE, { font: TITLE_FONT, size: 44 })], alignment: AlignmentType.CENTER }),
            para(`经对${ctx.site}进行政府信息公开巡检（审计日期：${chineseDate(ctx.asOf)}），未发现需要整改的问题。`),
          ],
        },
      ]
  const doc = new Document({
    creator: xmlSafe(ctx.auditor) || '政务公开巡检',
    title: NOTICE_TITLE,
    description: `${ctx.site} ${ctx.asOf}`,
    sections,
  })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}
