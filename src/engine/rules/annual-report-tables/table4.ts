// Table 四 (行政复议、行政诉讼情况): for 行政复议 and both kinds of 行政诉讼, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
// Columns are known by the header cells above them: the group (行政复议 / 未经复议直接起诉 / 复议后起诉) and the part.
import { compilePatterns } from '../../rule-kit/patterns.ts'
import { compact } from '../../text.ts'
import type { TableCell } from '../../types.ts'
import { isCount, valueOf } from './figures.ts'
import type { Grid } from './grid.ts'
import type { Params } from './params.ts'

export interface GroupLayout {
  name: string
  parts: { name: string; col: number }[]
  missingParts: string[]
  total: number | null
}

export interface Table4Layout {
  groups: GroupLayout[]
  dataRow: number | null
}

export function layout4(grid: Grid, p: Params['table4']): Table4Layout {
  const [totalRe] = compilePatterns([p.total])
  const partRes = p.parts.map((d) => ({ name: d.name, re: compilePatterns([d.pattern])[0] }))
  const groupRes = p.groups.map((d) => ({ name: d.name, re: compilePatterns([d.pattern])[0] }))
  // The row that names the parts: the last one with a 总计 cell and a part cell.
  let partsRow = -1
  for (let r = 0; r < grid.rows; r++) {
    const texts = grid.rowCells(r).map((c) => compact(c.text))
    if (totalRe && texts.some((t) => totalRe.test(t)) && partRes.some((d) => d.re && texts.some((t) => d.re!.test(t)))) partsRow = r
  }
  const groups: GroupLayout[] = p.groups.map((g) => ({ name: g.name, parts: [], missingParts: [], total: null }))
  if (partsRow < 0) return { groups, dataRow: null }
  for (let c = 0; c < grid.cols; c++) {
    const head = grid.at(partsRow, c)
    if (!head || head.colSpan > 1 || head.col !== c) continue
    const text = compact(head.text)
    // The header cells above this column, each once, top to bottom.
    const above: TableCell[] = []
    for (let r = 0; r < partsRow; r++) {
      const cell = grid.at(r, c)
      if (cell && !above.includes(cell)) above.push(cell)
    }
    const path = above.map((x) => compact(x.text)).join('')
    const gi = groupRes.findIndex((g) => g.re?.test(path))
    if (gi < 0) continue
    const group = groups[gi]
    if (totalRe?.test(text)) {
      if (group.total === null) group.total = c
      continue
    }
    const part = partRes.find((d) => d.re?.test(text))
    if (part && !group.parts.some((x) => x.name === part.name)) group.parts.push({ name: part.name, col: c })
  }
  for (const g of groups) g.missingParts = p.parts.map((d) => d.name).filter((n) => !g.parts.some((x) => x.name === n))
  // The figures: the first row below the header with a figure under a mapped column.
  const mapped = groups.flatMap((g) => [...g.parts.map((x) => x.col), ...(g.total === null ? [] : [g.total])])
  if (mapped.length) grid.setFrame(Math.min(...mapped), Math.max(...mapped))
  let dataRow: number | null = null
  for (let r = partsRow + 1; r < grid.rows && dataRow === null; r++) {
    if (mapped.some((c) => grid.at(r, c)?.row === r)) dataRow = r
  }
  return { groups, dataRow }
}

export type GroupVerdict =
  | { status: 'pass' | 'fail'; total: number; parts: Record<string, number> }
  | { status: 'review'; reason: 'structure' | 'misaligned' | 'unreadable' | 'total-blank'; detail: string[] }

export function checkGroup(grid: Grid, g: GroupLayout, dataRow: number | null, units: readonly string[], none: readonly string[]): GroupVerdict {
  if (dataRow === null || g.total === null || g.missingParts.length) {
    return { status: 'review', reason: 'structure', detail: [...g.missingParts, ...(g.total === null ? ['总计'] : []), ...(dataRow === null ? ['数据行'] : [])] }
  }
  const cells = [{ name: '总计', col: g.total }, ...g.parts].map((x) => ({ name: x.name, reading: grid.read(dataRow, x.col, units, none) }))
  const misaligned = cells.filter((x) => x.reading.misaligned).map((x) => x.name)
  if (misaligned.length) return { status: 'review', reason: 'misaligned', detail: misaligned }
  const unreadable = cells.filter((x) => !isCount(x.reading.figure)).map((x) => `${x.name}「${x.reading.figure.raw}」`)
  if (unreadable.length) return { status: 'review', reason: 'unreadable', detail: unreadable }
  const total = valueOf(cells[0].reading.figure)
  const parts = Object.fromEntries(cells.slice(1).map((x) => [x.name, valueOf(x.reading.figure)]))
  const sum = Object.values(parts).reduce((a, b) => a + b, 0)
  if (cells[0].reading.figure.kind === 'none' && sum !== 0) return { status: 'review', reason: 'total-blank', detail: ['总计'] }
  return { status: total === sum ? 'pass' : 'fail', total, parts }
}
