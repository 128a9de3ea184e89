import type * as v from 'valibot'
import { list, pageKindList, patternList, strict, text } from '../../rule-kit/schema.ts'

export const params = strict({
  pageKinds: pageKindList(),
  excludeKinds: pageKindList(),
  sectionPatterns: patternList(),
  sectionHomePatterns: patternList(),
  subcolumns: list(strict({ name: text(), patterns: patternList() }), 1),
})
export type Params = v.InferOutput<typeof params>
