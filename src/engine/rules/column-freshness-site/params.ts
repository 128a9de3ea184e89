import type * as v from 'valibot'
import { positiveInt, strict } from '../../rule-kit/schema.ts'

/**
 * The 19号 veto limits, counted over the whole site. The freshness periods themselves are the column-freshness
 * rule's (one definition for page and scan).
 */
export const params = strict({
  /** 动态/要闻 stale + first-level 通知公告/政策文件 stale: veto at ≥ this many. */
  staleNewsNotice: positiveInt(),
  /** 应更新但长期未更新的栏目: veto at ≥ this many. */
  staleAll: positiveInt(),
  /** 空白栏目: veto at ≥ this many. */
  blank: positiveInt(),
})
export type Params = v.InferOutput<typeof params>
