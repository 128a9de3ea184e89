import * as v from 'valibot'
import { formatWindow } from '../../rule-kit/report-formats.ts'
import { list, oneOf, pattern, patternList, positiveInt, strict, text } from '../../rule-kit/schema.ts'

const named = () => strict({ name: text(), pattern: pattern() })

export const params = strict({
  /** Which tables a report has depends on the year it covers; years outside every format are n/a (no tables defined). */
  formats: list(
    strict({
      ...formatWindow,
      /** Table 二's rows as the format prints them: the row label and how many figures follow it. */
      table2: list(strict({ name: text(), pattern: pattern(), figures: positiveInt() }), 1),
    }),
    1,
  ),
  /** Units written inside cells (万元 before 元: the longest is removed first). */
  units: list(text()),
  /** Cell contents that mean "none" and are read as 0, like an empty cell. */
  noneMarks: list(text()),
  table3: strict({
    /** Every pattern matches some cell of the table. */
    find: patternList(),
    /** Applicant columns, matched on single header cells; `total` marks the 总计 column. */
    columns: list(strict({ name: text(), pattern: pattern(), total: v.boolean() }), 2),
    /** Row labels (the label cell nearest the figures) of the four rows of the 勾稽关系. */
    rows: strict({ received: pattern(), carriedIn: pattern(), resultTotal: pattern(), carriedOut: pattern() }),
    /** The result rows between 上年结转 and （七）总计: which labels are subtotals, left out of the column sums. */
    results: strict({ subtotal: pattern(), groupRow: pattern(), itemRow: pattern() }),
  }),
  table4: strict({
    find: patternList(),
    /** Matched on the header cells above a column, joined. */
    groups: list(named(), 1),
    parts: list(named(), 1),
    total: pattern(),
  }),
  /** Statistics period: capture 1 is the first year, capture 2 (optional) the last. */
  period: patternList(),
  /** Figures stated in the text (capture 1) and the table figure they must equal. */
  narrative: list(
    strict({
      name: text(),
      pattern: pattern(),
      table: oneOf(['3', '4']),
      /** Table 三: rows whose full label matches one of these (their 总计 figures summed). Table 四: the group names. */
      target: patternList(),
    }),
  ),
})
export type Params = v.InferOutput<typeof params>
export type ReportFormat = Params['formats'][number]
