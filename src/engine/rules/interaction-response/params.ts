import type * as v from 'valibot'
import { keywordList, list, positiveInt, strict, text } from '../../rule-kit/schema.ts'

export const params = strict({
  /** Column, breadcrumb or title words of a 政务咨询 channel (咨询投诉, 领导信箱, 留言 …). */
  pageKeywords: keywordList(),
  /** Channels 19号 leaves out of the veto (在线访谈, 调查征集, 网上信访, 纪检举报). */
  excludeKeywords: list(text()),
  messageDateLabels: keywordList(),
  replyDateLabels: keywordList(),
  statusLabels: keywordList(),
  /** Labels of the reply text on a detail page (答复内容 …): a reply is shown even where its date is not. */
  replyContentLabels: keywordList(),
  /** Status values of a message still waiting (未回复, 处理中 …). */
  unansweredValues: keywordList(),
  /** Status values of an answered message (已回复, 已办结 …). */
  answeredValues: keywordList(),
  /** A valid message unanswered for more than this many months is the 19号 veto. */
  unansweredMonths: positiveInt(),
  /** No reply published for this many months is a deduction. */
  replyGapMonths: positiveInt(),
  /** 19号 looks at the year before the check. */
  lookbackMonths: positiveInt(),
})
export type Params = v.InferOutput<typeof params>
