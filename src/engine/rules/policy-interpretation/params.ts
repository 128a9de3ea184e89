import * as v from 'valibot'
import { keywordList, msg, nonNegative, patternList, strict } from '../../rule-kit/schema.ts'

export const params = strict({
  /** Working days a 解读 may follow its document: 0 = the same day (同步发布); some provinces allow 3. */
  maxWorkingDays: v.pipe(nonNegative(), v.integer(msg('应为整数', 'expected an integer'))),
  /** Title words that make a page a 解读 (解读, 答记者问, 一图读懂 …). */
  interpretationTitleKeywords: keywordList(),
  /** Link texts that name the 解读 column, not a 解读 of this document (a sidebar link to 政策解读). */
  columnLinkTexts: keywordList(),
  /** Labels printed before a document page's link to its 解读 (相关解读：…). */
  relatedLabels: keywordList(),
  /** Link texts that lead to the interpreted document (原文, 政策原文 …). */
  originalLinkKeywords: keywordList(),
  /** Labels under which a 解读 prints its document's date (原文发布日期 …). */
  documentDateLabels: keywordList(),
  /** Sentences that date the document (…2026年3月1日印发《…》): the first capture group is the date. */
  documentDatePatterns: patternList(),
  publishDateLabels: keywordList(),
  normativeColumnKeywords: keywordList(),
  policyTitleKeywords: keywordList(),
  docNumberLabels: keywordList(),
  docNumberPatterns: patternList(),
})
export type Params = v.InferOutput<typeof params>
