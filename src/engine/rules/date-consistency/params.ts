import type * as v from 'valibot'
import { keywordList, nonNegative, strict } from '../../rule-kit/schema.ts'

export const params = strict({
  pubDateMetaToleranceDays: nonNegative(),
  writtenDateLabels: keywordList(),
  publishDateLabels: keywordList(),
})
export type Params = v.InferOutput<typeof params>
