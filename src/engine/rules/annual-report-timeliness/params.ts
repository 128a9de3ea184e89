import type * as v from 'valibot'
import { keywordList, monthDay, pageKindList, patternList, strict, year } from '../../rule-kit/schema.ts'

export const params = strict({
  /** A department's deadline (条例 第四十九条: 1月31日). */
  deadline: monthDay(),
  /** A 县级以上地方人民政府's deadline (3月31日), for reports whose title matches governmentTitlePatterns. */
  governmentDeadline: monthDay(),
  governmentTitlePatterns: patternList(),
  /** Reports on years up to legacyUntilYear fell under the 2007 条例. */
  legacyDeadline: monthDay(),
  legacyUntilYear: year(),
  listKinds: pageKindList(),
  listPatterns: keywordList(),
  reportTitlePatterns: patternList(),
})
export type Params = v.InferOutput<typeof params>
