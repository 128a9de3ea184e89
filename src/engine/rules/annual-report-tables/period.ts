// The statistics period a report states ("本年度报告中所列数据统计期限从2019年1月1日到12月31日止").
import { compilePatterns, execBounded } from '../../rule-kit/patterns.ts'

export interface Period {
  from: number
  to: number
  text: string
}

export function statedPeriod(compactText: string, patterns: readonly string[]): Period | null {
  for (const re of compilePatterns(patterns)) {
    const m = execBounded(re, compactText)
    if (!m) continue
    const from = Number(m.match[1])
    const to = m.match[2] ? Number(m.match[2]) : from
    if (Number.isFinite(from)) return { from, to, text: m.match[0] }
  }
  return null
}
