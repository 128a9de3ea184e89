import type * as v from 'valibot'
import { list, pageKindList, patternList, positiveInt, strict, text } from '../../rule-kit/schema.ts'

export const params = strict({
  pageKinds: pageKindList(),
  excludeKinds: pageKindList(),
  sectionPatterns: patternList(),
  sectionHomePatterns: patternList(),
  subcolumns: list(strict({ name: text(), patterns: patternList() }), 1),
  /** With none of the sub-columns found and fewer places than this to look in, the structure was not seen: review. */
  minPlacesForVerdict: positiveInt(),
})
export type Params = v.InferOutput<typeof params>
