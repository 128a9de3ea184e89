import type * as v from 'valibot'
import { keywordList, positiveInt, strict } from '../../rule-kit/schema.ts'

export const params = strict({
  maxWorkingDays: positiveInt(),
  writtenDateLabels: keywordList(),
  publishDateLabels: keywordList(),
})
export type Params = v.InferOutput<typeof params>
