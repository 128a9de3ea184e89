import type * as v from 'valibot'
import { list, pageKindList, patternList, strict, text } from '../../rule-kit/schema.ts'

export const params = strict({
  pageKinds: pageKindList(),
  /** Patterns run on the guide's text with whitespace removed; `weak` is a mention without a value (review). */
  elements: list(strict({ name: text(), patterns: patternList(), weak: patternList(undefined, 0) }), 1),
})
export type Params = v.InferOutput<typeof params>
