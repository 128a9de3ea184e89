// A table's slots rebuilt from its placed cells, and the questions the checks ask of it: which cell covers a slot,
// whether a figure's cell lines up with its row and column, and what a row is called.
import type { DataTable, TableCell } from '../../types.ts'
import { compact } from '../../text.ts'
import { readFigure, type Figure } from './figures.ts'

export interface Reading {
  /** Set when the slot's cell cannot be trusted to hold this row's and this column's figure. */
  misaligned: string | null
  figure: Figure
}

export class Grid {
  readonly table: DataTable
  private readonly slots: Int32Array
  /** Slots two cells claim (merged cells that do not line up). */
  private readonly conflicts: Uint8Array
  /** Per row, the last column a cell starting in it reaches. */
  private readonly reach: Int32Array

  constructor(table: DataTable) {
    this.table = table
    this.slots = new Int32Array(table.rows * table.cols).fill(-1)
    this.conflicts = new Uint8Array(table.rows * table.cols)
    this.reach = new Int32Array(table.rows).fill(-1)
    table.cells.forEach((cell, i) => {
      if (cell.row < table.rows) this.reach[cell.row] = Math.max(this.reach[cell.row], cell.col + cell.colSpan - 1)
      for (let r = cell.row; r < cell.row + cell.rowSpan && r < table.rows; r++) {
        for (let c = cell.col; c < cell.col + cell.colSpan && c < table.cols; c++) {
          const at = r * table.cols + c
          if (this.slots[at] >= 0) this.conflicts[at] = 1
          else this.slots[at] = i
        }
      }
    })
  }

  get rows(): number {
    return this.table.rows
  }

  get cols(): number {
    return this.table.cols
  }

  at(row: number, col: number): TableCell | null {
    if (row < 0 || col < 0 || row >= this.table.rows || col >= this.table.cols) return null
    const i = this.slots[row * this.table.cols + col]
    return i >= 0 ? this.table.cells[i] : null
  }

  /** Whether some cell's compact text matches. */
  has(re: RegExp): boolean {
    return this.table.cells.some((c) => re.test(compact(c.text)))
  }

  /** Cells that start in `row`, left to right. */
  rowCells(row: number): TableCell[] {
    return this.table.cells.filter((c) => c.row === row)
  }

  /** The label cell nearest the figures (the slot left of `firstValueCol`), when it starts in this row. */
  nearestLabel(row: number, firstValueCol: number): string | null {
    const cell = this.at(row, firstValueCol - 1)
    return cell && cell.row === row ? compact(cell.text) : null
  }

  /** Every label left of the figures, merged ones included (三、本年度办理结果（四）无法提供1.本机关不掌握…). */
  fullLabel(row: number, firstValueCol: number): string {
    const seen = new Set<TableCell>()
    let out = ''
    for (let c = 0; c < firstValueCol; c++) {
      const cell = this.at(row, c)
      if (cell && !seen.has(cell)) {
        seen.add(cell)
        out += compact(cell.text)
      }
    }
    return out
  }

  private frame: { first: number; last: number } | null = null
  private readonly rowState = new Map<number, string | null>()

  /**
   * The figure columns, first to last. A row whose figures are pushed out of line — a cell from an earlier row
   * reaching into them, a cell missing, or a cell running past the last figure column — has every figure after the
   * break in the wrong column, so none of its figures is read.
   */
  setFrame(first: number, last: number): void {
    this.frame = { first, last }
    this.rowState.clear()
  }

  private rowBreak(row: number): string | null {
    if (!this.frame) return null
    let state = this.rowState.get(row)
    if (state !== undefined) return state
    state = null
    for (let c = this.frame.first; c <= this.frame.last && !state; c++) {
      const cell = this.at(row, c)
      if (!cell) state = 'row-short'
      else if (cell.row !== row || this.conflicts[row * this.table.cols + c] || cell.overlaps) state = 'row-intruded'
    }
    if (!state && this.reach[row] > this.frame.last) state = 'row-overflow'
    this.rowState.set(row, state)
    return state
  }

  /** The figure of one row and column, or why it cannot be read as that row's and column's own. */
  read(row: number, col: number, units: readonly string[], noneMarks: readonly string[]): Reading {
    const cell = this.at(row, col)
    const none: Figure = { kind: 'none', raw: '' }
    if (!cell) return { misaligned: 'missing', figure: none }
    const figure = readFigure(cell.text, units, noneMarks)
    const broken = this.rowBreak(row)
    if (broken) return { misaligned: broken, figure }
    if (this.conflicts[row * this.table.cols + col] || cell.overlaps) return { misaligned: 'overlap', figure }
    if (cell.colSpan > 1) return { misaligned: 'colspan', figure }
    if (cell.row !== row || cell.rowSpan > 1) return { misaligned: 'rowspan', figure }
    return { misaligned: null, figure }
  }
}

/**
 * The first table where every pattern matches some cell, skipping those already taken. A table cut at the row cap may
 * have lost the cells that would match, so one that matches the first pattern is taken next: the checks then say
 * which rows were not read, rather than that there is no table.
 */
export function findTable(grids: readonly Grid[], patterns: readonly RegExp[], taken: ReadonlySet<Grid> = new Set()): Grid | null {
  const open = grids.filter((g) => !taken.has(g))
  return (
    open.find((g) => patterns.every((re) => g.has(re))) ??
    open.find((g) => g.table.rowsCut > 0 && patterns.length > 0 && g.has(patterns[0])) ??
    null
  )
}
