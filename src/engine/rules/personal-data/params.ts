import * as v from 'valibot'
import { keywordList, list, localized, msg, nonNegative, patternList, positiveInt, strict, text } from '../../rule-kit/schema.ts'

const count = () => v.pipe(nonNegative(), v.integer(msg('应为整数', 'expected an integer')))

/** One kind of personal number: how it is written, where it starts, what a mask may leave and how pages label it. */
const numberKind = {
  name: localized(),
  /** Matched against the whole number with its hyphens removed (a longer digit run is never a match). */
  patterns: patternList(),
  /** The number starts with one of these (身份证 province codes, 1[3-9] for mobiles, card BINs). */
  prefixes: keywordList(),
  /** What a proper mask leaves visible: 6 + 4 for IDs and cards, 3 + 4 for mobiles. */
  visibleHead: count(),
  visibleTail: count(),
  /** Labels printed before such a number (身份证号, 手机, 银行卡号). */
  labels: keywordList(),
}

export const params = strict({
  idCard: strict({
    ...numberKind,
    /** Birth dates before this year are taken for serial numbers, not people. */
    minBirthYear: positiveInt(),
  }),
  mobile: strict(numberKind),
  bankCard: strict({
    ...numberKind,
    /** Card numbers starting with one of these count only under one of `labels` (order and case numbers share them). */
    labelledPrefixes: list(text()),
  }),
  /** Characters a site masks digits with (138****1234, 330203××××××××1234). No digits. */
  maskCharacters: v.pipe(
    text(),
    v.check((s: string) => !/[0-9０-９]/.test(s), msg('遮盖字符不能含数字', 'mask characters cannot include digits')),
  ),
  /** A number whose nearest preceding label is one of these is not a person's (统一社会信用代码, 索引号, 备案号, hotlines). */
  excludeLabels: keywordList(),
  /** A number followed by one of these is a quantity (13225290916元, 13800000000人次), not a person's number. */
  quantityUnits: keywordList(),
  /** How far before a number (characters) its label is looked for. */
  labelWindow: positiveInt(),
  /** Masked examples shown in a finding. */
  maxExamples: positiveInt(),
  /**
   * Pages whose title, column or breadcrumb name them 惩戒公示: the 2018 政务公开工作要点 exempts 惩戒公示 from
   * 去标识化, so a full number there is a review, not a failure.
   */
  disciplinaryKeywords: list(text()),
})
export type Params = v.InferOutput<typeof params>
