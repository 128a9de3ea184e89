// 年度报告统计表: reads tables 二, 三 and 四 of a 政府信息公开工作年度报告 from their cell grids and checks what the
// template defines. A figure is only ever summed when its cell lines up with its row and column; anything else is a
// review that says why, so a broken layout can never produce a false sum.
import type { Finding, FindingData, Localized, PageModel, RuleContext } from '../../types.ts'
import { compilePatterns, execBounded } from '../../rule-kit/patterns.ts'
import { compact } from '../../text.ts'
import { reportYearOf } from '../annual-report-structure/evaluate.ts'
import { findTable, Grid } from './grid.ts'
import { RELATION_3, REASONS, ROW_NAMES } from './messages.ts'
import type { Params, ReportFormat } from './params.ts'
import { statedPeriod } from './period.ts'
import { readTable2 } from './table2.ts'
import { checkColumn, checkResultSums, checkRowSums, KEY_ROWS, layoutOf, rowTotal, type Layout } from './table3.ts'
import { checkGroup, layout4, type GroupVerdict } from './table4.ts'
import { formatForYear } from '../../rule-kit/report-formats.ts'

type Emit = (f: { status: Finding['status']; section: string; key: string; message: Localized; evidence: Localized; expected: Localized; data?: FindingData; grid?: Grid | null }) => void

const cutNote = (g: Grid): Localized =>
  g.table.rowsCut || g.table.colsCut
    ? { zh: `；表格过大，仅读取前 ${g.table.rows} 行${g.table.rowsCut ? `（另有 ${g.table.rowsCut} 行未读）` : ''}${g.table.colsCut ? `、前 ${g.table.cols} 列` : ''}`, en: `; the table is too large: only its first ${g.table.rows} rows${g.table.rowsCut ? ` (${g.table.rowsCut} more not read)` : ''}${g.table.colsCut ? ` and ${g.table.cols} columns` : ''} were read` }
    : { zh: '', en: '' }

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  if (page.kind !== 'annual-report') return []
  const out: Finding[] = []
  const emit: Emit = (f) =>
    out.push(ctx.finding({ status: f.status, section: f.section, key: f.key, message: f.message, evidence: f.evidence, expected: f.expected, data: f.data, locator: f.grid?.table.locator ?? null }))
  const yr = reportYearOf(page)
  if (!yr) {
    emit({
      status: 'review', section: '报告年度', key: 'year',
      message: { zh: '无法确定年度报告所属年度，未能选定适用的统计表格式', en: 'The year the report covers could not be read, so no table format could be chosen' },
      evidence: { zh: `标题：${page.title || '（无）'}`, en: `title: ${page.title || '(none)'}` },
      expected: { zh: '2021 年及以后按国办公开办函〔2021〕30号格式，2019—2020 年按〔2019〕60号试行格式', en: 'Reports from 2021 follow the 2021 format; 2019–2020 the trial format' },
    })
    return out
  }
  const format = formatForYear(params.formats, yr.year)
  // Formats before 2019 printed no statistics tables: nothing here concerns such a report.
  if (!format) return []
  const grids = (page.reportTables ?? []).map((t) => new Grid(t))
  const units = params.units
  const none = params.noneMarks
  const fmt: Localized = { zh: `${yr.year} 年度报告，适用${format.label}`, en: `report on ${yr.year}, ${format.label}` }

  checkPeriod(page, params, yr.year, fmt, emit)
  const t3 = findTable(grids, compilePatterns(params.table3.find))
  const layout3 = t3 ? layoutOf(t3, params.table3) : null
  checkTable3(t3, layout3, params, fmt, grids.length, emit)
  const t4 = findTable(grids, compilePatterns(params.table4.find), new Set(t3 ? [t3] : []))
  const verdicts4 = checkTable4(t4, params, fmt, grids.length, emit)
  checkTable2(grids.filter((g) => g !== t3 && g !== t4), format, params, fmt, emit)
  checkNarrative(page, params, t3, layout3, verdicts4, emit)
  return out
}

function checkPeriod(page: PageModel, params: Params, year: number, fmt: Localized, emit: Emit): void {
  const period = statedPeriod(compact(page.mainText.normalize('NFKC')), params.period)
  const expected = { zh: `统计期限为 ${year} 年 1 月 1 日至 12 月 31 日（报告年度）`, en: `the statistics period is 1 January to 31 December ${year}, the report year` }
  if (!period) {
    emit({
      status: 'review', section: '统计期限', key: 'period',
      message: { zh: '未读到报告的统计期限', en: 'The report states no statistics period that could be read' },
      evidence: { zh: `${fmt.zh}；正文未见“统计期限从……到……”之类的表述`, en: `${fmt.en}; no statement such as "统计期限从…到…" was found` },
      expected,
    })
    return
  }
  const ok = period.from === year && period.to === year
  emit({
    status: ok ? 'pass' : 'fail', section: '统计期限', key: 'period',
    message: ok
      ? { zh: `统计期限与报告年度 ${year} 一致`, en: `The statistics period matches the report year ${year}` }
      : { zh: `统计期限（${period.from === period.to ? period.from : `${period.from}—${period.to}`} 年）与报告年度 ${year} 不一致`, en: `The statistics period (${period.from === period.to ? period.from : `${period.from}–${period.to}`}) does not match the report year ${year}` },
    evidence: { zh: `正文：“${period.text}”`, en: `text: "${period.text}"` },
    expected,
    data: { reportYear: year, periodFrom: period.from, periodTo: period.to },
  })
}

function notFound(table: string, title: Localized, tables: number, fmt: Localized, emit: Emit): void {
  emit({
    status: 'review', section: `表${table}`, key: `t${table}:found`,
    message: { zh: `未能找到可读取的表${table}（${title.zh}）`, en: `No readable table ${table} (${title.en}) was found` },
    evidence: { zh: `${fmt.zh}；页面共有 ${tables} 个 HTML 表格，均不符合该表的表头（可能以图片或附件发布）`, en: `${fmt.en}; the page has ${tables} HTML table(s), none with this table's header (it may be an image or an attachment)` },
    expected: { zh: `年度报告以表格列出${title.zh}`, en: `the report gives ${title.en} as a table` },
  })
}

const T3_TITLE: Localized = { zh: '收到和处理政府信息公开申请情况', en: 'requests received and handled' }
const T4_TITLE: Localized = { zh: '政府信息公开行政复议、行政诉讼情况', en: 'administrative review and litigation' }
const T2_TITLE: Localized = { zh: '主动公开政府信息情况', en: 'proactive disclosure' }

function checkTable3(grid: Grid | null, layout: Layout | null, params: Params, fmt: Localized, tables: number, emit: Emit): void {
  if (!grid) return notFound('三', T3_TITLE, tables, fmt, emit)
  const cut = cutNote(grid)
  const expected = RELATION_3
  if (!layout) {
    emit({
      status: 'review', section: '表三', key: 't3:layout', grid,
      message: { zh: '表三的表头无法识别，未核对勾稽关系', en: 'The header of table 3 could not be read; its sums were not checked' },
      evidence: { zh: `未能定位申请人各列或“本年新收”行${cut.zh}`, en: `the applicant columns or the "new this year" row could not be located${cut.en}` },
      expected,
    })
    return
  }
  if (layout.missingColumns.length) {
    emit({
      status: 'review', section: '表三', key: 't3:columns', grid,
      message: { zh: `表三未见以下申请人列：${layout.missingColumns.join('、')}`, en: `Table 3 has no column for: ${layout.missingColumns.join(', ')}` },
      evidence: { zh: `找到的列：${layout.columns.map((c) => c.name).join('、')}`, en: `columns found: ${layout.columns.map((c) => c.name).join(', ')}` },
      expected: { zh: `申请人情况各列：${params.table3.columns.map((c) => c.name).join('、')}`, en: `the applicant columns: ${params.table3.columns.map((c) => c.name).join(', ')}` },
    })
  }
  const missingRows = KEY_ROWS.filter((k) => layout.rows[k] === null)
  if (missingRows.length) {
    emit({
      status: 'review', section: '表三', key: 't3:rows', grid,
      message: { zh: `表三未能定位以下行：${missingRows.map((k) => ROW_NAMES[k].zh).join('、')}，未核对勾稽关系`, en: `Table 3: rows not found: ${missingRows.map((k) => ROW_NAMES[k].en).join(', ')}; its sums were not checked` },
      evidence: { zh: `表格共 ${grid.rows} 行${cut.zh}`, en: `the table has ${grid.rows} rows${cut.en}` },
      expected,
    })
  } else {
    for (const col of layout.columns) {
      const v = checkColumn(grid, layout, col.col, params.units, params.noneMarks)
      const section = `表三 ${col.name}列`
      const key = `t3:col:${col.name}`
      if (v.status === 'review') {
        const cells = KEY_ROWS.map((k) => `${ROW_NAMES[k].zh}「${v.raw[k]}」`).join('，')
        emit({
          status: 'review', section, key, grid,
          message: { zh: `表三「${col.name}」列无法核对：${REASONS[v.reason].zh}`, en: `Table 3, column "${col.name}": not checked, ${REASONS[v.reason].en}` },
          evidence: { zh: `${v.rows.map((k) => ROW_NAMES[k].zh).join('、')}：${cells}${cut.zh}`, en: `rows ${v.rows.map((k) => ROW_NAMES[k].en).join(', ')}; cells: ${KEY_ROWS.map((k) => `"${v.raw[k]}"`).join(', ')}${cut.en}` },
          expected,
          data: { table: '三', column: col.name, reason: v.reason, rows: v.rows },
        })
        continue
      }
      const f = v.figures
      const lhs = f.received + f.carriedIn
      const rhs = f.resultTotal + f.carriedOut
      const blanks = v.blanks.length ? { zh: `（空白单元格按 0 计：${v.blanks.map((k) => ROW_NAMES[k].zh).join('、')}）`, en: ` (blank cells read as 0: ${v.blanks.map((k) => ROW_NAMES[k].en).join(', ')})` } : { zh: '', en: '' }
      emit({
        status: v.status, section, key, grid,
        message: v.status === 'pass'
          ? { zh: `表三「${col.name}」列勾稽关系成立：${f.received} + ${f.carriedIn} = ${f.resultTotal} + ${f.carriedOut} = ${lhs}`, en: `Table 3, column "${col.name}": ${f.received} + ${f.carriedIn} = ${f.resultTotal} + ${f.carriedOut} = ${lhs}` }
          : { zh: `表三「${col.name}」列勾稽关系不成立：本年新收 ${f.received} + 上年结转 ${f.carriedIn} = ${lhs}，而办理结果总计 ${f.resultTotal} + 结转下年度 ${f.carriedOut} = ${rhs}（相差 ${lhs - rhs}）`, en: `Table 3, column "${col.name}" does not add up: new ${f.received} + carried over ${f.carriedIn} = ${lhs}, but handled ${f.resultTotal} + carried forward ${f.carriedOut} = ${rhs} (difference ${lhs - rhs})` },
        evidence: { zh: `本年新收 ${f.received}，上年结转 ${f.carriedIn}，办理结果总计 ${f.resultTotal}，结转下年度继续办理 ${f.carriedOut}${blanks.zh}`, en: `new ${f.received}, carried over ${f.carriedIn}, handled ${f.resultTotal}, carried forward ${f.carriedOut}${blanks.en}` },
        expected: { zh: `${expected.zh}：${lhs} = ${rhs}`, en: `${expected.en}: ${lhs} = ${rhs}` },
        data: { table: '三', column: col.name, ...f, sumReceived: lhs, sumHandled: rhs, difference: lhs - rhs, blanksReadAsZero: v.blanks },
      })
    }
  }
  checkTable3Rows(grid, layout, params, emit)
  checkTable3Results(grid, layout, params, emit)
}

function checkTable3Results(grid: Grid, layout: Layout, params: Params, emit: Emit): void {
  const sums = checkResultSums(grid, layout, params.table3.results, params.units, params.noneMarks)
  if (!sums) return
  const expected = { zh: '每一列的“（七）总计”等于（一）至（六）各项办理结果之和', en: 'in each column, （七）总计 is the sum of the result rows (一)–(六)' }
  const left = sums.subtotals.length
    ? { zh: `；小计行不计入：${sums.subtotals.join('、')}`, en: `; subtotal rows left out: ${sums.subtotals.join(', ')}` }
    : { zh: '', en: '' }
  for (const b of sums.broken) {
    emit({
      status: 'fail', section: `表三 ${b.column}列（七）总计`, key: `t3:results:${b.column}`, grid,
      message: { zh: `表三「${b.column}」列（七）总计 ${b.stated} 不等于各项办理结果之和 ${b.sum}（相差 ${b.stated - b.sum}）`, en: `Table 3, column "${b.column}": （七）总计 ${b.stated} is not the sum of the ${sums.rows} result rows, ${b.sum} (difference ${b.stated - b.sum})` },
      evidence: { zh: `（七）总计 ${b.stated}；${sums.rows} 个办理结果行之和 ${b.sum}${left.zh}`, en: `（七）总计 ${b.stated}; sum of ${sums.rows} result rows ${b.sum}${left.en}` },
      expected,
      data: { table: '三', column: b.column, resultTotal: b.stated, sumOfResultRows: b.sum, difference: b.stated - b.sum, resultRows: sums.rows },
    })
  }
  if (sums.holds.length && !sums.broken.length) {
    emit({
      status: 'pass', section: '表三 （七）总计', key: 't3:results', grid,
      message: { zh: `表三 ${sums.holds.length} 列的（七）总计均等于各项办理结果之和`, en: `Table 3: in ${sums.holds.length} columns （七）总计 equals the sum of the result rows` },
      evidence: { zh: `${sums.holds.map((h) => `${h.column} ${h.stated}`).join('，')}${left.zh}`, en: `${sums.holds.map((h) => `${h.column} ${h.stated}`).join(', ')}${left.en}` },
      expected,
      data: { table: '三', columnsChecked: sums.holds.map((h) => h.column), resultRows: sums.rows },
    })
  }
  if (sums.unfilled.length) {
    emit({
      status: 'review', section: '表三 （七）总计', key: 't3:results-unfilled', grid,
      message: { zh: `表三以下列未核对（七）总计：${sums.unfilled.join('、')}（总计单元格未填写）`, en: `Table 3: （七）总计 not checked in ${sums.unfilled.join(', ')} (total cells left blank)` },
      evidence: { zh: `空白的总计单元格不按 0 计入${left.zh}`, en: `blank total cells are not read as 0${left.en}` },
      expected,
      data: { table: '三', unfilledColumns: sums.unfilled },
    })
  }
  if (sums.unreadable.length) {
    emit({
      status: 'review', section: '表三 （七）总计', key: 't3:results-unreadable', grid,
      message: { zh: `表三以下列无法核对（七）总计：${sums.unreadable.join('、')}（单元格错位或不是数字）`, en: `Table 3: （七）总计 could not be checked in ${sums.unreadable.join(', ')} (cells out of line or not figures)` },
      evidence: { zh: `共 ${sums.rows} 个办理结果行${left.zh}`, en: `${sums.rows} result rows${left.en}` },
      expected,
      data: { table: '三', unreadableColumns: sums.unreadable },
    })
  }
}

function checkTable3Rows(grid: Grid, layout: Layout, params: Params, emit: Emit): void {
  const sums = checkRowSums(grid, layout, params.units, params.noneMarks)
  if (!sums) return
  const totalName = layout.columns.find((c) => c.total)!.name
  const parts = layout.columns.filter((c) => !c.total).map((c) => c.name)
  const expected = { zh: `每一行的“${totalName}”等于${parts.join('、')}之和`, en: `in each row, ${totalName} is the sum of ${parts.join(', ')}` }
  for (const b of sums.broken) {
    emit({
      status: 'fail', section: `表三 ${b.label}`, key: `t3:row:${b.label}`, grid,
      message: { zh: `表三「${b.label}」行的${totalName} ${b.total} 不等于各类申请人之和 ${b.parts}`, en: `Table 3, row "${b.label}": ${totalName} ${b.total} is not the sum of the applicant columns, ${b.parts}` },
      evidence: { zh: `${totalName}列 ${b.total}；${parts.join('+')} = ${b.parts}（相差 ${b.total - b.parts}）`, en: `${totalName} ${b.total}; sum of the other columns ${b.parts} (difference ${b.total - b.parts})` },
      expected,
      data: { table: '三', row: b.label, total: b.total, sumOfColumns: b.parts, difference: b.total - b.parts },
    })
  }
  if (sums.holds.length && !sums.broken.length) {
    emit({
      status: 'pass', section: `表三 ${totalName}列`, key: 't3:rows-sum', grid,
      message: { zh: `表三 ${sums.holds.length} 行的${totalName}均等于各类申请人之和`, en: `Table 3: in ${sums.holds.length} rows ${totalName} equals the sum of the applicant columns` },
      evidence: { zh: `核对的行：${sums.holds.map((h) => h.label).slice(0, 8).join('、')}${sums.holds.length > 8 ? ' 等' : ''}`, en: `${sums.holds.length} rows checked` },
      expected,
      data: { table: '三', rowsChecked: sums.holds.length },
    })
  }
  if (sums.blankTotal.length) {
    emit({
      status: 'review', section: `表三 ${totalName}列`, key: 't3:rows-blank', grid,
      message: { zh: `表三有 ${sums.blankTotal.length} 行未填写${totalName}，而申请人各列有数字`, en: `Table 3: ${sums.blankTotal.length} row(s) leave ${totalName} blank while applicant columns hold figures` },
      evidence: { zh: `未填写的行：${sums.blankTotal.slice(0, 10).join('、')}${sums.blankTotal.length > 10 ? ' 等' : ''}`, en: `${sums.blankTotal.length} row(s), e.g. ${sums.blankTotal.slice(0, 3).join(', ')}` },
      expected,
      data: { table: '三', rowsWithBlankTotal: sums.blankTotal.slice(0, 50) },
    })
  }
  if (sums.unreadable.length) {
    emit({
      status: 'review', section: `表三 ${totalName}列`, key: 't3:rows-unreadable', grid,
      message: { zh: `表三有 ${sums.unreadable.length} 行无法核对${totalName}（单元格错位或不是数字）`, en: `Table 3: ${totalName} could not be checked in ${sums.unreadable.length} row(s) (cells out of line or not figures)` },
      evidence: { zh: `涉及的行：${sums.unreadable.slice(0, 10).join('、')}${sums.unreadable.length > 10 ? ' 等' : ''}`, en: `${sums.unreadable.length} row(s), e.g. ${sums.unreadable.slice(0, 3).join(', ')}` },
      expected,
      data: { table: '三', unreadableRows: sums.unreadable.slice(0, 50) },
    })
  }
}

function checkTable4(grid: Grid | null, params: Params, fmt: Localized, tables: number, emit: Emit): Map<string, GroupVerdict> {
  const verdicts = new Map<string, GroupVerdict>()
  if (!grid) {
    notFound('四', T4_TITLE, tables, fmt, emit)
    return verdicts
  }
  const cut = cutNote(grid)
  const layout = layout4(grid, params.table4)
  const parts = params.table4.parts.map((p) => p.name)
  for (const g of layout.groups) {
    const v = checkGroup(grid, g, layout.dataRow, params.units, params.noneMarks)
    verdicts.set(g.name, v)
    const section = `表四 ${g.name}`
    const key = `t4:${g.name}`
    const expected = { zh: `${g.name}：总计 = ${parts.join(' + ')}`, en: `${g.name}: 总计 = the sum of ${parts.join(', ')}` }
    if (v.status === 'review') {
      emit({
        status: 'review', section, key, grid,
        message: { zh: `表四「${g.name}」无法核对：${REASONS[v.reason].zh}`, en: `Table 4, "${g.name}": not checked, ${REASONS[v.reason].en}` },
        evidence: { zh: `涉及：${v.detail.join('、')}${cut.zh}`, en: `concerns: ${v.detail.join(', ')}${cut.en}` },
        expected,
        data: { table: '四', group: g.name, reason: v.reason },
      })
      continue
    }
    const sum = Object.values(v.parts).reduce((a, b) => a + b, 0)
    const figures = Object.entries(v.parts).map(([n, x]) => `${n} ${x}`).join('，')
    emit({
      status: v.status, section, key, grid,
      message: v.status === 'pass'
        ? { zh: `表四「${g.name}」总计 ${v.total} 等于各项之和`, en: `Table 4, "${g.name}": 总计 ${v.total} equals the sum of its parts` }
        : { zh: `表四「${g.name}」总计 ${v.total} 不等于各项之和 ${sum}（相差 ${v.total - sum}）`, en: `Table 4, "${g.name}": 总计 ${v.total} is not the sum of its parts, ${sum} (difference ${v.total - sum})` },
      evidence: { zh: `${figures}；总计 ${v.total}`, en: `${Object.entries(v.parts).map(([n, x]) => `${n} ${x}`).join(', ')}; 总计 ${v.total}` },
      expected: { zh: `${expected.zh} = ${sum}`, en: `${expected.en} = ${sum}` },
      data: { table: '四', group: g.name, total: v.total, sumOfParts: sum, difference: v.total - sum, ...Object.fromEntries(Object.entries(v.parts).map(([n, x]) => [`part:${n}`, x])) },
    })
  }
  return verdicts
}

function checkTable2(grids: Grid[], format: ReportFormat, params: Params, fmt: Localized, emit: Emit): void {
  const t2 = readTable2(grids, format, params.units, params.noneMarks)
  const expected = { zh: `${format.label}表二各项：${format.table2.map((r) => r.name).join('、')}`, en: `the rows of table 2 in ${format.label}: ${format.table2.map((r) => r.name).join(', ')}` }
  if (!t2.read.length && !t2.unreadable.length) return notFound('二', T2_TITLE, grids.length, fmt, emit)
  const ok = !t2.missing.length && !t2.unreadable.length
  const problems = [
    ...(t2.missing.length ? [`未见：${t2.missing.join('、')}`] : []),
    ...(t2.unreadable.length ? [`无法读取：${t2.unreadable.join('；')}`] : []),
  ]
  emit({
    status: ok ? 'pass' : 'review', section: '表二', key: 't2',
    message: ok
      ? { zh: `表二按格式列出 ${t2.read.length} 项数据（该表格式未规定勾稽关系）`, en: `Table 2 gives the ${t2.read.length} rows of its format (the format defines no sums for it)` }
      : { zh: `表二有项目缺失或无法读取`, en: 'Table 2: rows missing or not readable' },
    evidence: ok
      ? { zh: t2.read.map((r) => `${r.name} ${r.figures.join('/')}`).join('；'), en: t2.read.map((r) => `${r.name} ${r.figures.join('/')}`).join('; ') }
      : { zh: problems.join('；'), en: `${t2.missing.length ? `missing: ${t2.missing.join(', ')}` : ''}${t2.missing.length && t2.unreadable.length ? '; ' : ''}${t2.unreadable.length ? `not readable: ${t2.unreadable.join('; ')}` : ''}` },
    expected,
    data: { table: '二', rowsRead: t2.read.map((r) => r.name), missing: t2.missing, unreadable: t2.unreadable, ...Object.fromEntries(t2.read.map((r) => [`row:${r.name}`, r.figures])) },
  })
}

function checkNarrative(page: PageModel, params: Params, t3: Grid | null, layout3: Layout | null, verdicts4: Map<string, GroupVerdict>, emit: Emit): void {
  const text = page.mainText.normalize('NFKC')
  for (const def of params.narrative) {
    const [re] = compilePatterns([def.pattern])
    const m = re && execBounded(re, text)
    if (!m || m.match[1] === undefined) continue
    const stated = Number(m.match[1].replace(/[,\s]/g, ''))
    if (!Number.isFinite(stated)) continue
    const targets = compilePatterns(def.target)
    let inTable: number | null = null
    let where = ''
    if (def.table === '3' && t3 && layout3 && layout3.rows.received !== null) {
      const last = layout3.rows.carriedOut ?? t3.rows - 1
      const rows: number[] = []
      for (let r = layout3.rows.received; r <= last; r++) {
        const label = t3.fullLabel(r, layout3.firstValueCol)
        if (t3.nearestLabel(r, layout3.firstValueCol) !== null && targets.some((t) => t.test(label))) rows.push(r)
      }
      const values = rows.map((r) => rowTotal(t3, layout3, r, params.units, params.noneMarks))
      if (rows.length && values.every((x) => x !== null)) {
        inTable = (values as number[]).reduce((a, b) => a + b, 0)
        where = `表三 ${rows.map((r) => t3.nearestLabel(r, layout3.firstValueCol)).join(' + ')}`
      }
    } else if (def.table === '4') {
      const groups = [...verdicts4.entries()].filter(([name]) => targets.some((t) => t.test(name)))
      if (groups.length && groups.every(([, v]) => v.status !== 'review')) {
        inTable = groups.reduce((a, [, v]) => a + (v.status === 'review' ? 0 : v.total), 0)
        where = `表四 ${groups.map(([n]) => n).join(' + ')} 总计`
      }
    }
    if (inTable === null) continue
    const same = inTable === stated
    emit({
      status: same ? 'pass' : 'review', section: `正文与表${def.table}`, key: `narrative:${def.name}`,
      message: same
        ? { zh: `正文所述${def.name} ${stated} 件与表格一致`, en: `The text's figure for ${def.name}, ${stated}, agrees with the table` }
        : { zh: `正文所述${def.name} ${stated} 件与表格 ${inTable} 不一致`, en: `The text gives ${stated} for ${def.name}; the table gives ${inTable}` },
      evidence: { zh: `正文：“${m.match[0]}”；${where}：${inTable}`, en: `text: "${m.match[0]}"; ${where}: ${inTable}` },
      expected: { zh: '正文数字与统计表一致', en: 'the figures in the text equal the tables' },
      data: { item: def.name, stated, inTable, difference: stated - inTable },
    })
  }
}
