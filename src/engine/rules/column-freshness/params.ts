import * as v from 'valibot'
import { bool, keywordList, localized, msg, oneOf, positiveInt, strict, list } from '../../rule-kit/schema.ts'

/** How long a column may go without a new entry: days (2 weeks = 14) or calendar months (6 months, 12 months). */
export const maxAge = () =>
  v.pipe(
    strict({ days: v.optional(positiveInt()), months: v.optional(positiveInt()) }),
    v.check((a) => (a.days === undefined) !== (a.months === undefined), msg('应给出 days 或 months 之一', 'give either days or months')),
  )

export const FRESHNESS_CLASS_IDS = ['news', 'notice', 'long-term'] as const

export const params = strict({
  /** Trust the class the extraction read from the page (ColumnType meta) when no keyword decides. */
  useExtractedClass: bool(),
  /** Pack order is priority order: the first class with a matching keyword wins. */
  classes: list(
    strict({ class: oneOf(FRESHNESS_CLASS_IDS), label: localized(), maxAge: maxAge(), keywords: keywordList() }),
    1,
  ),
  /**
   * A dated column in no class is not judged against a class's period; when its newest entry is older than this,
   * a person must decide whether it should be updated (19号 "应更新但长期未更新").
   */
  unclassifiedMaxAge: maxAge(),
})
export type Params = v.InferOutput<typeof params>
export type FreshnessLimit = v.InferOutput<ReturnType<typeof maxAge>>
