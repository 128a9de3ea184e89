import type * as v from 'valibot'
import { keywordList, patternList, strict } from '../../rule-kit/schema.ts'

export const params = strict({
  normativeColumnKeywords: keywordList(),
  policyTitleKeywords: keywordList(),
  docNumberLabels: keywordList(),
  docNumberPatterns: patternList(),
  /** Labels of the validity field (有效性, 时效性 …). */
  validityLabels: keywordList(),
  /** Values that state a validity (有效, 失效, 废止, 已修订 …); anything else in the field is for a person to read. */
  validityValues: keywordList(),
  /** Values that say the document is in force (有效, 现行有效): wrong once the page shows it expired or repealed. */
  inForceValues: keywordList(),
  /** A stated end of validity (有效期至2025年12月31日): the first capture group is the date. */
  expiryPatterns: patternList(),
  /** Markers that say the document is no longer in force (已废止, 已失效): an "in force" field beside one is wrong. */
  endedMarkers: keywordList(),
  /** Markers printed in the title or the head of the text (【已废止】, 本文件已失效 …). */
  statusMarkers: keywordList(),
  /** Titles of pages that repeal or amend other documents (关于废止…的决定). */
  repealTitlePatterns: patternList(),
})
export type Params = v.InferOutput<typeof params>
