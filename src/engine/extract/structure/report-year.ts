// The year an annual report covers, from its title or its statistics period.
import type { Heading } from '../../types.ts'

const REPORT_TITLE_RE = /((?:19|20)\d{2})\s*年度?.{0,40}?(?:信息公开|政务公开).{0,12}?(?:年度报告|年报)/
const REPORT_PERIOD_RE = /统计(?:期限|时限|期间|区间|时间|周期)?(?:为|是|从|自)?\s*((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日/

export function findReportYear(title: string, headings: Heading[], mainText: string): number | null {
  const firstHeading = headings.find((h) => h.level <= 2)?.text ?? ''
  // Only the page's own title lines: a list of reports mentions other years' report titles in its body.
  for (const text of [title, firstHeading]) {
    const m = REPORT_TITLE_RE.exec(text)
    if (m) return Number(m[1])
  }
  const period = REPORT_PERIOD_RE.exec(mainText)
  return period ? Number(period[1]) : null
}
