// Table 二 (主动公开政府信息情况): the template defines its rows and figures but no sums between them, so what can be
// checked is that each row the format prints is there and its figures can be read. Signed figures (本年增/减 of the
// trial format) and amounts with units are figures; anything else is unreadable.
import { compilePatterns } from '../../rule-kit/patterns.ts'
import { compact } from '../../text.ts'
import { readFigure } from './figures.ts'
import type { Grid } from './grid.ts'
import type { ReportFormat } from './params.ts'

export interface Table2Row {
  name: string
  figures: number[]
}

export interface Table2Reading {
  read: Table2Row[]
  missing: string[]
  /** Rows with fewer figure cells than the format prints, or a cell that is not a figure. */
  unreadable: string[]
}

export function readTable2(grids: readonly Grid[], format: ReportFormat, units: readonly string[], none: readonly string[]): Table2Reading {
  const out: Table2Reading = { read: [], missing: [], unreadable: [] }
  for (const def of format.table2) {
    const [re] = compilePatterns([def.pattern])
    let found = false
    for (const grid of grids) {
      const label = re && grid.table.cells.find((c) => re.test(compact(c.text)))
      if (!label) continue
      found = true
      const cells = grid.rowCells(label.row).filter((c) => c.col > label.col)
      const figures = cells.map((c) => readFigure(c.text, units, none))
      if (cells.length < def.figures || figures.some((f) => f.kind === 'text')) {
        out.unreadable.push(`${def.name}（${cells.map((c) => c.text || '空').join(' | ') || '无数据'}）`)
      } else {
        out.read.push({ name: def.name, figures: figures.slice(0, def.figures).map((f) => (f.kind === 'number' ? f.value : 0)) })
      }
      break
    }
    if (!found) out.missing.push(def.name)
  }
  return out
}
