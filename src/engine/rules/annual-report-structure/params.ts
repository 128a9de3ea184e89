import * as v from 'valibot'
import { formatWindow } from '../../rule-kit/report-formats.ts'
import { bool, list, patternList, strict, text } from '../../rule-kit/schema.ts'

export const params = strict({
  /** Which parts a report must have depends on the year it covers. */
  formats: list(
    strict({
      ...formatWindow,
      /** Legacy formats varied in practice: gaps are info, never fail. */
      informational: bool(),
      parts: list(strict({ name: text(), patterns: patternList() }), 1),
    }),
    1,
  ),
})
export type Params = v.InferOutput<typeof params>
export type ReportFormat = Params['formats'][number]
