import * as v from 'valibot'
import { list, msg, oneOf, strict } from '../../rule-kit/schema.ts'

export const LINK_RESULTS = ['broken', 'soft404', 'unverifiable'] as const

export const params = v.pipe(
  strict({ fail: list(oneOf(LINK_RESULTS)), review: list(oneOf(LINK_RESULTS)) }),
  v.check((p) => !p.fail.some((r) => p.review.includes(r)), msg('同一结果不能既算不合格又算待核查', 'a result cannot be both fail and review')),
)
export type Params = v.InferOutput<typeof params>
