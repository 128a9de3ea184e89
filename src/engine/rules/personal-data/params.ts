import * as v from 'valibot'
import { keywordList, list, msg, nonNegative, positiveInt, strict, text } from '../../rule-kit/schema.ts'

const digits = (min: number, max: number) =>
  v.pipe(
    v.string(msg('应为字符串', 'expected string')),
    v.regex(new RegExp(`^\\d{${min},${max}}$`), msg(`应为 ${min}–${max} 位数字`, `expected ${min}–${max} digits`)),
  )

/** What a published mask may leave visible: the first `head` and the last `tail` characters. */
const mask = () =>
  strict({
    head: v.pipe(nonNegative(), v.integer(msg('应为整数', 'expected an integer'))),
    tail: v.pipe(nonNegative(), v.integer(msg('应为整数', 'expected an integer'))),
  })

export const params = strict({
  /** Below this many characters of content text (a page its scripts fill, a scan as an image) nothing can be judged. */
  minTextLength: positiveInt(),
  idCard: strict({
    mask: mask(),
    /** First two digits of a 居民身份证号 (GB/T 2260 province codes; 8x for 港澳台居民居住证). */
    regionPrefixes: list(digits(2, 2), 1),
    /** Birth years before this are not plausible: the 18 digits are some other serial. */
    minBirthYear: v.pipe(positiveInt(), v.minValue(1800, msg('应不早于 1800', 'expected 1800 or later'))),
  }),
  mobile: strict({
    mask: mask(),
    /** Leading digits of a mainland mobile number (11 digits). */
    prefixes: list(digits(2, 3), 1),
  }),
  bankCard: strict({
    mask: mask(),
    /** Card lengths that count; 18 is left out by default, as an 18-digit serial passes Luhn one time in ten. */
    lengths: list(v.pipe(positiveInt(), v.minValue(12, msg('至少 12 位', 'at least 12')), v.maxValue(19, msg('至多 19 位', 'at most 19'))), 1),
    /** Issuer prefixes (银联 62 …). */
    prefixes: list(digits(1, 6), 1),
  }),
  /** A number right after one of these labels is not personal data (统一社会信用代码, 索引号, ICP and 公安备案 …). */
  notPersonalLabels: keywordList(),
  /** A mobile number right after one of these labels is the body's own public line (咨询电话, 监督电话 …). */
  publicPhoneLabels: keywordList(),
  /** How many characters before a number are searched for those labels. */
  labelWindow: positiveInt(),
  /**
   * Pages of these kinds (by title or column) publish IDs under the 2018 要点's exemption for 惩戒公示: an unmasked ID
   * there is a review, not a fail.
   */
  exemptPageKeywords: list(text()),
  /** Masked examples shown in the finding. */
  examples: positiveInt(),
  /** Attachments (.xlsx/.docx/.pdf) the CLI reads per page, and the largest it downloads; the worker reads none. */
  attachments: strict({
    perPage: positiveInt(),
    maxBytes: positiveInt(),
  }),
})
export type Params = v.InferOutput<typeof params>
