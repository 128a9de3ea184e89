import type * as v from 'valibot'
import { list, pageKindList, patternList, positiveInt, strict, text } from '../../rule-kit/schema.ts'

export const params = strict({
  excludeKinds: pageKindList(),
  pagePatterns: patternList(),
  /** Fewer recognised categories than this means the structure was not seen: gaps are review, not fail. */
  minMatchedForVerdict: positiveInt(),
  /** `weak` names may hold the category: they lead to review, never to pass. */
  categories: list(strict({ name: text(), patterns: patternList(), weak: patternList(undefined, 0) }), 1),
})
export type Params = v.InferOutput<typeof params>
