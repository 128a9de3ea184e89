import type * as v from 'valibot'
import { pageKindList, patternList, positiveInt, strict } from '../../rule-kit/schema.ts'

export const params = strict({
  maxAgeDays: positiveInt(),
  pageKinds: pageKindList(),
  /** Paths of a site's home, matched case-insensitively. */
  homePathPatterns: patternList('iu'),
})
export type Params = v.InferOutput<typeof params>
