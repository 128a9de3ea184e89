// Tables as cell grids, laid out the way a browser lays them out (the HTML table model: each cell takes the first
// free slot of its row, rowspan/colspan cover the slots below and beside it). Only annual reports need them, and a
// report's statistics tables are a few dozen rows, so everything is capped: a page of 10,000 rows costs a walk over
// its rows, never a grid of them, and what was cut is recorded for the rule to say.
import type { AnyNode, Element } from 'domhandler'
import type { CheerioAPI } from 'cheerio/slim'
import { locatorOf } from '../locator.ts'
import type { DataTable, ExtractContext, TableCell } from '../types.ts'
import { queryAll } from './dom.ts'
import { isElement, tagOf, visibleText } from './structure/text.ts'

export const TABLE_CAPS = {
  /** Tables read per page; a 年报 has three or four. */
  tables: 60,
  /** Rows kept per table; table 三 of the 2021 format has 30. */
  rows: 400,
  /** Columns per table; table 四 has 15 figures and a label. */
  cols: 64,
  /** Characters kept of a cell's text (a layout table's cell holds the whole article). */
  cellText: 200,
} as const

// HTML caps rowspan at 65534 and colspan at 1000; the grid here is smaller still.
const SECTION_TAGS = new Set(['thead', 'tbody', 'tfoot'])

function span(el: Element, name: string): number {
  const raw = el.attribs?.[name]
  if (raw === undefined) return 1
  const n = Number.parseInt(raw.trim(), 10)
  // rowspan="0" runs to the end of the table; anything unreadable is 1, as in a browser.
  if (name === 'rowspan' && n === 0) return Number.POSITIVE_INFINITY
  return Number.isFinite(n) && n >= 1 ? n : 1
}

/** The table's own rows in order: through thead/tbody/tfoot, never into a nested table. */
function ownRows(table: Element, limit: number): { rows: Element[]; total: number } {
  const rows: Element[] = []
  let total = 0
  const visit = (children: AnyNode[]): void => {
    for (const child of children) {
      if (!isElement(child)) continue
      const tag = tagOf(child)
      if (tag === 'tr') {
        total++
        if (rows.length < limit) rows.push(child)
      } else if (SECTION_TAGS.has(tag) || tag === 'form') {
        visit(child.children)
      }
    }
  }
  visit(table.children)
  return { rows, total }
}

export function readTable($: CheerioAPI, table: Element): DataTable {
  const { rows, total } = ownRows(table, TABLE_CAPS.rows)
  const cells: TableCell[] = []
  // occupied[r] marks the slots of row r that a cell already covers.
  const occupied: Uint8Array[] = rows.map(() => new Uint8Array(TABLE_CAPS.cols))
  let colsCut = false
  let width = 0
  // Spans that overlap cover the same slots again; a hostile table could make that quadratic, so slot marks are
  // budgeted and the rows past the budget are cut like rows past the cap.
  let marks = 0
  const budget = 4 * TABLE_CAPS.rows * TABLE_CAPS.cols
  let kept = rows.length
  for (let r = 0; r < rows.length && r < kept; r++) {
    const tr = rows[r]
    let x = 0
    for (const child of tr.children) {
      if (!isElement(child)) continue
      const tag = tagOf(child)
      if (tag !== 'td' && tag !== 'th') continue
      while (x < TABLE_CAPS.cols && occupied[r][x]) x++
      if (x >= TABLE_CAPS.cols) {
        colsCut = true
        break
      }
      let colSpan = span(child, 'colspan')
      if (x + colSpan > TABLE_CAPS.cols) {
        colsCut = true
        colSpan = TABLE_CAPS.cols - x
      }
      const rowSpan = Math.min(span(child, 'rowspan'), rows.length - r)
      let overlaps = false
      marks += rowSpan * colSpan
      if (marks > budget) {
        kept = r
        break
      }
      for (let dr = 0; dr < rowSpan; dr++) {
        const line = occupied[r + dr]
        for (let dc = 0; dc < colSpan; dc++) {
          if (line[x + dc]) overlaps = true
          line[x + dc] = 1
        }
      }
      const text = visibleText(child)
      const cell: TableCell = { row: r, col: x, rowSpan, colSpan, text: text.length > TABLE_CAPS.cellText ? text.slice(0, TABLE_CAPS.cellText) : text }
      if (overlaps) cell.overlaps = true
      cells.push(cell)
      x += colSpan
      width = Math.max(width, x)
    }
  }
  // Cells of a row cut by the budget are dropped with it; spans reaching into cut rows end at the last kept row.
  const keptCells = kept < rows.length ? cells.filter((c) => c.row < kept).map((c) => ({ ...c, rowSpan: Math.min(c.rowSpan, kept - c.row) })) : cells
  return { locator: locatorOf($, table), rows: kept, cols: width, cells: keptCells, rowsCut: total - kept, colsCut }
}

/** Every table of the page (up to the cap), outer layout tables included: the rule picks its tables by their words. */
export function extractTables($: CheerioAPI, ctx: ExtractContext): DataTable[] {
  const tables = queryAll($, (el) => el.name === 'table')
  if (tables.length > TABLE_CAPS.tables) ctx.notes.push(`tables: ${tables.length} tables, only the first ${TABLE_CAPS.tables} read`)
  const out = tables.slice(0, TABLE_CAPS.tables).map((t) => readTable($, t))
  for (const t of out) {
    if (t.rowsCut) ctx.notes.push(`tables: a table of ${t.rows + t.rowsCut} rows was cut to ${t.rows}`)
  }
  return out
}
