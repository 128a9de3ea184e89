import type * as v from 'valibot'
import { oneOf, strict } from '../../rule-kit/schema.ts'

export const params = strict({
  /** An empty list with no placeholder is often filled by script after load: "review" for packs over raw HTML. */
  emptyListStatus: oneOf(['fail', 'review'] as const),
})
export type Params = v.InferOutput<typeof params>
