import * as v from 'valibot'
import { keywordList, list, msg, oneOf, patternList, strict } from '../../rule-kit/schema.ts'

export const METADATA_KEYS = ['indexNo', 'publisher', 'docNumber', 'writtenDate', 'publishDate', 'topic', 'validity', 'title', 'summary', 'keywords'] as const
const keys = () => list(oneOf(METADATA_KEYS))

export const params = v.pipe(
  strict({
    /** Words in the breadcrumb or column name that put a page without a metadata box under 信息公开. */
    disclosureKeywords: keywordList(),
    required: keys(),
    /** Shown only by documents that have one (发文字号): checked when present, never required. */
    conditional: keys(),
    /** Not in 第十二条's list but needed by other checks (发布日期 for 第二十六条): a gap is for review. */
    recommended: keys(),
    /** Accepted 索引号 formats, matched case-insensitively. */
    indexNoPatterns: patternList('iu'),
    /** Printed labels per field; a label present with an empty value is reported as such. */
    synonyms: v.record(oneOf(METADATA_KEYS), keywordList(), msg('应为对象', 'expected object')),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const value = dataset.value
    for (const key of [...value.required, ...value.conditional, ...value.recommended]) {
      if (!value.synonyms[key]) {
        addIssue({
          message: msg(`缺少 ${key} 的标签列表`, `no label list for ${key}`),
          path: [{ type: 'object', origin: 'value', input: value as unknown as Record<string, unknown>, key: 'synonyms', value: value.synonyms }],
        })
      }
    }
  }),
)
export type Params = v.InferOutput<typeof params>
