// Table 三 (收到和处理政府信息公开申请情况): per applicant column, 本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理
// (the 勾稽关系 printed in the template), and in each row the 总计 column is the sum of the applicant columns.
import { compilePatterns } from '../../rule-kit/patterns.ts'
import { compact } from '../../text.ts'
import { isCount, valueOf } from './figures.ts'
import type { Grid, Reading } from './grid.ts'
import type { Params } from './params.ts'

export type KeyRow = 'received' | 'carriedIn' | 'resultTotal' | 'carriedOut'
export const KEY_ROWS: readonly KeyRow[] = ['received', 'carriedIn', 'resultTotal', 'carriedOut']

export interface Column {
  name: string
  col: number
  total: boolean
}

export interface Layout {
  columns: Column[]
  missingColumns: string[]
  firstValueCol: number
  /** Row index of each key row, or null when not found. */
  rows: Record<KeyRow, number | null>
}

/** Where the applicant columns and the four rows of the relation are; null when the header cannot be read at all. */
export function layoutOf(grid: Grid, p: Params['table3']): Layout | null {
  const [received, carriedIn, resultTotal, carriedOut] = compilePatterns([p.rows.received, p.rows.carriedIn, p.rows.resultTotal, p.rows.carriedOut])
  if (!received || !carriedIn || !resultTotal || !carriedOut) return null
  const receivedCell = grid.table.cells.find((c) => received.test(compact(c.text)))
  if (!receivedCell) return null
  const headerEnd = receivedCell.row
  const columns: Column[] = []
  const missingColumns: string[] = []
  for (const def of p.columns) {
    const [re] = compilePatterns([def.pattern])
    // A single header cell: a merged one (法人或其他组织) names a group, not a column.
    const cell = re && grid.table.cells.find((c) => c.row < headerEnd && c.colSpan === 1 && re.test(compact(c.text)) && !columns.some((k) => k.col === c.col))
    if (cell) columns.push({ name: def.name, col: cell.col, total: def.total })
    else missingColumns.push(def.name)
  }
  if (!columns.length) return null
  const firstValueCol = Math.min(...columns.map((c) => c.col))
  if (firstValueCol === 0) return null
  grid.setFrame(firstValueCol, Math.max(...columns.map((c) => c.col)))
  const rows: Record<KeyRow, number | null> = { received: null, carriedIn: null, resultTotal: null, carriedOut: null }
  const order: [KeyRow, RegExp][] = [['received', received], ['carriedIn', carriedIn], ['resultTotal', resultTotal], ['carriedOut', carriedOut]]
  let from = headerEnd
  for (const [key, re] of order) {
    for (let r = from; r < grid.rows; r++) {
      const label = grid.nearestLabel(r, firstValueCol)
      if (label !== null && re.test(label)) {
        rows[key] = r
        from = r + 1
        break
      }
    }
  }
  return { columns, missingColumns, firstValueCol, rows }
}

export type ColumnVerdict =
  | { status: 'pass' | 'fail'; figures: Record<KeyRow, number>; blanks: KeyRow[] }
  | { status: 'review'; reason: 'misaligned' | 'unreadable' | 'total-blank'; rows: KeyRow[]; raw: Record<KeyRow, string> }

/** The 勾稽关系 of one column; blank cells are 0, except a blank 办理结果总计 beside figures (a total not filled in). */
export function checkColumn(grid: Grid, layout: Layout, col: number, units: readonly string[], none: readonly string[]): ColumnVerdict {
  const readings = {} as Record<KeyRow, Reading>
  for (const key of KEY_ROWS) readings[key] = grid.read(layout.rows[key]!, col, units, none)
  const raw = Object.fromEntries(KEY_ROWS.map((k) => [k, readings[k].figure.raw])) as Record<KeyRow, string>
  const misaligned = KEY_ROWS.filter((k) => readings[k].misaligned)
  if (misaligned.length) return { status: 'review', reason: 'misaligned', rows: misaligned, raw }
  const unreadable = KEY_ROWS.filter((k) => !isCount(readings[k].figure))
  if (unreadable.length) return { status: 'review', reason: 'unreadable', rows: unreadable, raw }
  const figures = Object.fromEntries(KEY_ROWS.map((k) => [k, valueOf(readings[k].figure)])) as Record<KeyRow, number>
  const blanks = KEY_ROWS.filter((k) => readings[k].figure.kind === 'none')
  const lhs = figures.received + figures.carriedIn
  const rhs = figures.resultTotal + figures.carriedOut
  if (lhs !== rhs && readings.resultTotal.figure.kind === 'none') return { status: 'review', reason: 'total-blank', rows: ['resultTotal'], raw }
  return { status: lhs === rhs ? 'pass' : 'fail', figures, blanks }
}

export interface RowSum {
  row: number
  label: string
  total: number
  parts: number
}

export interface RowSums {
  holds: RowSum[]
  broken: RowSum[]
  /** Rows whose 总计 cell is blank although the applicant columns hold figures. */
  blankTotal: string[]
  /** Rows whose cells do not line up or cannot be read. */
  unreadable: string[]
}

/** 总计 column = sum of the other applicant columns, for every row from 本年新收 to 结转下年度. */
export function checkRowSums(grid: Grid, layout: Layout, units: readonly string[], none: readonly string[]): RowSums | null {
  const total = layout.columns.find((c) => c.total)
  const parts = layout.columns.filter((c) => !c.total)
  const first = layout.rows.received
  const last = layout.rows.carriedOut ?? grid.rows - 1
  if (!total || !parts.length || first === null) return null
  const out: RowSums = { holds: [], broken: [], blankTotal: [], unreadable: [] }
  for (let r = first; r <= last; r++) {
    const label = grid.nearestLabel(r, layout.firstValueCol)
    if (label === null) continue
    const cells = [total, ...parts].map((c) => grid.read(r, c.col, units, none))
    if (cells.some((x) => x.misaligned || !isCount(x.figure))) {
      out.unreadable.push(label)
      continue
    }
    const sum = cells.slice(1).reduce((a, x) => a + valueOf(x.figure), 0)
    const stated = cells[0].figure
    if (stated.kind === 'none') {
      if (sum !== 0) out.blankTotal.push(label)
      continue
    }
    const entry = { row: r, label, total: valueOf(stated), parts: sum }
    if (entry.total === sum) out.holds.push(entry)
    else out.broken.push(entry)
  }
  return out
}

/** A row's 总计 figure for the narrative: its 总计 cell, or the sum of its applicant cells when that is blank. */
export function rowTotal(grid: Grid, layout: Layout, row: number, units: readonly string[], none: readonly string[]): number | null {
  const total = layout.columns.find((c) => c.total)
  if (total) {
    const t = grid.read(row, total.col, units, none)
    if (!t.misaligned && isCount(t.figure) && t.figure.kind === 'number') return t.figure.value
  }
  let sum = 0
  for (const c of layout.columns.filter((k) => !k.total)) {
    const x = grid.read(row, c.col, units, none)
    if (x.misaligned || !isCount(x.figure)) return null
    sum += valueOf(x.figure)
  }
  return sum
}

export interface ResultSum {
  column: string
  stated: number
  sum: number
}

export interface ResultSums {
  holds: ResultSum[]
  broken: ResultSum[]
  /** Columns where a result row or the total cannot be read. */
  unreadable: string[]
  /** Columns whose totals are left blank beside figures: not summed (said by the blank-total review). */
  unfilled: string[]
  /** Rows left out as subtotals (a 小计 row, or a （三）-style row followed by its numbered items). */
  subtotals: string[]
  rows: number
}

/**
 * （七）总计 = the sum of the result rows (一)…(六) in each column. A report that adds its own subtotal rows would be
 * counted twice, so a 小计 row and a group row followed by numbered items are left out and named.
 */
export function checkResultSums(grid: Grid, layout: Layout, p: Params['table3']['results'], units: readonly string[], none: readonly string[]): ResultSums | null {
  const from = layout.rows.carriedIn
  const to = layout.rows.resultTotal
  if (from === null || to === null) return null
  const [subtotal, group, item] = compilePatterns([p.subtotal, p.groupRow, p.itemRow])
  const labels: { row: number; label: string }[] = []
  for (let r = from + 1; r < to; r++) {
    const label = grid.nearestLabel(r, layout.firstValueCol)
    if (label !== null) labels.push({ row: r, label })
  }
  const subtotals: string[] = []
  // A group row (（三）不予公开) with figures of its own, followed by its numbered items, is a subtotal. When the
  // next row opens its own group (the template's rowspanned （三） cell starts there), the row before is a leaf.
  const opensGroup = (row: number): boolean =>
    grid.rowCells(row).some((c) => c.col < layout.firstValueCol - 1 && (group?.test(compact(c.text)) ?? false))
  const leaves = labels.filter((x, i) => {
    const next = labels[i + 1]
    const isSub =
      (subtotal?.test(x.label) ?? false) ||
      ((group?.test(x.label) ?? false) && !!next && (item?.test(next.label) ?? false) && !opensGroup(next.row))
    if (isSub) subtotals.push(x.label)
    return !isSub
  })
  const out: ResultSums = { holds: [], broken: [], unreadable: [], unfilled: [], subtotals, rows: leaves.length }
  if (!leaves.length) return null
  const parts = layout.columns.filter((c) => !c.total)
  for (const col of layout.columns) {
    const stated = grid.read(to, col.col, units, none)
    const cells = leaves.map((x) => grid.read(x.row, col.col, units, none))
    if ([stated, ...cells].some((x) => x.misaligned || !isCount(x.figure))) {
      out.unreadable.push(col.name)
      continue
    }
    // A blank 总计 cell in a result row whose applicant cells hold figures is a total not filled in, not a 0.
    const unfilled =
      col.total &&
      leaves.some((x, i) => cells[i].figure.kind === 'none' && parts.some((p) => { const f = grid.read(x.row, p.col, units, none).figure; return f.kind === 'number' && f.value !== 0 }))
    const sum = cells.reduce((a, x) => a + valueOf(x.figure), 0)
    // A blank （七）总计 with figures above it is the column relation's "total not filled in" review already.
    if (unfilled || (stated.figure.kind === 'none' && sum !== 0)) {
      out.unfilled.push(col.name)
      continue
    }
    const entry = { column: col.name, stated: valueOf(stated.figure), sum }
    if (entry.stated === sum) out.holds.push(entry)
    else out.broken.push(entry)
  }
  return out
}
