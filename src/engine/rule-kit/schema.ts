// Building blocks of the kinds' params schemas. valibot validates by walking plain schema objects (no generated code),
// so packs are checked the same way in the MV3 worker, the CLI and the tests. Messages carry zh and en in one string
// (valibot has one message slot); pack.ts splits them when it reports an issue.
import * as v from 'valibot'
import { patternIssue, PATTERN_FLAGS } from './patterns.ts'

export const SEP = '\u241f'
export const msg = (zh: string, en: string): string => `${zh}${SEP}${en}`

/** A pack is data from a user: lists and strings have ceilings, so one cannot make the engine work without end. */
export const MAX_LIST = 500
export const MAX_TEXT = 2000

export const text = () =>
  v.pipe(
    v.string(msg('应为字符串', 'expected string')),
    v.check((s: string) => s.trim().length > 0, msg('不能为空', 'must not be empty')),
    v.maxLength(MAX_TEXT, msg(`不能超过 ${MAX_TEXT} 个字符`, `at most ${MAX_TEXT} characters`)),
  )

export const list = <T extends v.GenericSchema>(item: T, min = 0) =>
  v.pipe(
    v.array(item, msg('应为数组', 'expected array')),
    v.minLength(min, msg(`至少需要 ${min} 项`, `needs at least ${min} item(s)`)),
    v.maxLength(MAX_LIST, msg(`不能超过 ${MAX_LIST} 项`, `at most ${MAX_LIST} items`)),
  )

export const keywordList = () => list(text(), 1)

export const positive = () =>
  v.pipe(
    v.number(msg('应为数字', 'expected number')),
    v.check((n: number) => Number.isFinite(n) && n > 0, msg('应为大于 0 的数字', 'expected a number > 0')),
  )
export const nonNegative = () =>
  v.pipe(
    v.number(msg('应为数字', 'expected number')),
    v.check((n: number) => Number.isFinite(n) && n >= 0, msg('应为不小于 0 的数字', 'expected a number >= 0')),
  )
export const positiveInt = () =>
  v.pipe(positive(), v.integer(msg('应为正整数', 'expected a positive integer')))
export const year = () =>
  v.pipe(v.number(msg('应为年份', 'expected a year')), v.integer(msg('应为整数年份', 'expected an integer year')), v.minValue(1990, msg('应为 1990 年以后的年份', 'expected a year from 1990')), v.maxValue(2100, msg('应为 2100 年以前的年份', 'expected a year before 2100')))
export const bool = () => v.boolean(msg('应为布尔值', 'expected boolean'))
export const oneOf = <const T extends readonly [string, ...string[]]>(options: T) =>
  v.picklist(options, msg(`应为以下之一：${options.join('、')}`, `expected one of: ${options.join(', ')}`))

const MM_DD = /^(\d{2})-(\d{2})$/
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
export function isMonthDay(s: string): boolean {
  const m = MM_DD.exec(s)
  if (!m) return false
  const month = Number(m[1])
  const day = Number(m[2])
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]
}
export const monthDay = () =>
  v.pipe(
    v.string(msg('应为字符串', 'expected string')),
    v.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, msg('应为 "MM-DD" 格式的日期', 'expected a "MM-DD" date')),
    v.check(isMonthDay, msg('应为 "MM-DD" 格式的日期', 'expected a "MM-DD" date')),
  )

/** A regular-expression source, checked with the flags it will run with and for runaway backtracking. */
export const pattern = (flags = PATTERN_FLAGS) =>
  v.pipe(
    text(),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return
      const issue = patternIssue(dataset.value, flags)
      if (issue) addIssue({ message: msg(issue.zh, issue.en) })
    }),
  )
export const patternList = (flags = PATTERN_FLAGS, min = 1) => list(pattern(flags), min)

export const localized = () =>
  v.strictObject({ zh: text(), en: text() }, msg('应为 {zh, en} 对象', 'expected a {zh, en} object'))

export const PAGE_KINDS = ['portal', 'list', 'article', 'guide', 'annual-report', 'directory', 'other'] as const
export const pageKindList = () => list(oneOf(PAGE_KINDS))

export const strict = <T extends v.ObjectEntries>(entries: T) => v.strictObject(entries, msg('应为对象', 'expected object'))
