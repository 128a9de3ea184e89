import type * as v from 'valibot'
import * as vv from 'valibot'
import { list, localized, msg, oneOf, positiveInt, strict, text } from '../../rule-kit/schema.ts'

/**
 * Page findings counted over the whole site against a 19号 limit: the fails of a page kind (by its id, so a kind
 * merged later is counted once its rules are in the pack), each adding its `data.hits` or 1.
 */
export const params = strict({
  counts: list(
    strict({
      /** Stable key of the count (the report's row, the summary's group). */
      key: vv.pipe(text(), vv.regex(/^[A-Za-z][A-Za-z0-9-]*$/, msg('应为字母开头的标识', 'expected an identifier'))),
      /** The page kind whose fails are counted. */
      kind: text(),
      /** Only fails of this severity (interaction-response: its veto-class finding, not the deduction). */
      severity: vv.optional(oneOf(['veto', 'error', 'warning', 'info'] as const)),
      /** Veto at ≥ this many. */
      limit: positiveInt(),
      title: localized(),
    }),
    1,
  ),
})
export type Params = v.InferOutput<typeof params>
