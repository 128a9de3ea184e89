import type * as v from 'valibot'
import { bool, keywordList, strict } from '../../rule-kit/schema.ts'

export const params = strict({
  labels: keywordList(),
  /** Also read a number printed on its own line under the title when the metadata box has none. */
  scanUnderTitle: bool(),
})
export type Params = v.InferOutput<typeof params>
