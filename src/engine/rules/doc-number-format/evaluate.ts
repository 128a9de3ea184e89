// GB/T 9704—2012 7.2.4: 发文字号 = 机关代字 + 年份 in 六角括号〔〕 + 顺序号 (no leading zeros, no 第) + 号.
import type { Finding, Locator, PageModel, RuleContext } from '../../types.ts'
import type { Params } from './params.ts'
import { findField, isBlankValue } from '../../rule-kit/fields.ts'


/** Bracket look-alikes seen on real pages around the year; only U+3014/U+3015 are right. */
const OPEN = '〔\\[【(（［﹝〈<《{｛'
const CLOSE = '〕\\]】)）］﹞〉>》}｝'
const YEAR_IN_BRACKETS = new RegExp(`([${OPEN}])\\s*((?:19|20)\\d{2})\\s*([${CLOSE}])`)
const BARE_YEAR = /((?:19|20)\d{2})(?=\s*第?\s*\d)/

/**
 * A document number standing alone in the text (its own line under the title): collapsed main text keeps it between
 * spaces, while a number cited inside a sentence is glued to the words around it.
 */
const STANDALONE = new RegExp(`(?:^|\\s)([\\u4e00-\\u9fa5]{1,16}[${OPEN}]\\s*(?:19|20)\\d{2}\\s*[${CLOSE}]\\s*第?\\s*\\d{1,5}\\s*号)(?=\\s|$)`)
const HEAD_SPAN = 400
const MAX_LENGTH = 40

interface Candidate {
  value: string
  locator: Locator | null
  where: string
}

function candidateOf(page: PageModel, labels: string[], scanUnderTitle: boolean): Candidate | null {
  const field = findField(page, labels, 'docNumber')
  // A "value" longer than any real 发文字号 means the label was matched inside body text (a table header such as
  // 行政处罚决定书文号), so it is not the document's own number.
  if (field && !isBlankValue(field.value) && field.value.trim().length <= MAX_LENGTH) {
    return { value: field.value.trim(), locator: field.locator, where: field.label }
  }
  if (!scanUnderTitle) return null
  for (const h of page.headings) {
    const m = STANDALONE.exec(` ${h.text.trim()} `)
    if (m && m[1].length >= h.text.trim().length - 2) return { value: m[1], locator: h.locator, where: '标题下方' }
  }
  const m = STANDALONE.exec(page.mainText.slice(0, HEAD_SPAN))
  return m ? { value: m[1], locator: null, where: '正文开头' } : null
}

interface Check {
  problems: { zh: string; en: string }[]
  fixed: string | null
}

export function checkDocNumber(raw: string): Check | null {
  const value = raw.replace(/[\s\u00a0\u3000]+/g, '')
  // No digits (无 / —) means there is no number to judge; a 令 is numbered 第N号 without a year, by design.
  if (!/\d/.test(value)) return null
  const problems: Check['problems'] = []
  let prefix: string
  let year: string
  let rest: string
  const bracketed = YEAR_IN_BRACKETS.exec(value)
  if (bracketed) {
    prefix = value.slice(0, bracketed.index)
    year = bracketed[2]
    rest = value.slice(bracketed.index + bracketed[0].length)
    if (bracketed[1] !== '〔' || bracketed[3] !== '〕') {
      problems.push({ zh: `年份应使用六角括号〔〕，而不是 ${bracketed[1]}${bracketed[3]}`, en: `the year belongs in 〔〕, not ${bracketed[1]}${bracketed[3]}` })
    }
  } else {
    const bare = BARE_YEAR.exec(value)
    if (!bare) {
      if (/令/.test(value)) return null
      return { problems: [], fixed: null }
    }
    prefix = value.slice(0, bare.index)
    year = bare[1]
    rest = value.slice(bare.index + bare[0].length)
    problems.push({ zh: '年份未用六角括号〔〕括起', en: 'the year is not enclosed in 〔〕' })
  }
  const serial = /^(第)?(\d+)(号)?/.exec(rest)
  if (!serial) return { problems, fixed: null }
  if (serial[1]) problems.push({ zh: '顺序号前不应加“第”', en: 'no 第 before the serial number' })
  if (serial[2].length > 1 && serial[2].startsWith('0')) {
    problems.push({ zh: '顺序号不编虚位（不应有前导 0）', en: 'the serial number has no leading zeros' })
  }
  if (!serial[3]) problems.push({ zh: '应以“号”结尾', en: 'it ends with 号' })
  return { problems, fixed: `${prefix}〔${year}〕${Number(serial[2])}号` }
}

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  const labels = params.labels
  const found = candidateOf(page, labels, params.scanUnderTitle)
  const section = '发文字号'
  const expectedBase = { zh: '发文字号由机关代字、〔年份〕和顺序号加“号”组成，如 国办发〔2019〕19号', en: 'agency code, year in 〔〕, serial and 号, e.g. 国办发〔2019〕19号' }
  const emptyField = found ? null : findField(page, labels, 'docNumber')
  if (emptyField && isBlankValue(emptyField.value)) {
    return [
      ctx.finding({
        status: 'review',
        section,
        key: 'field:docNumber',
        message: {
          zh: `“${emptyField.label}”标签存在但值为空：文件可能无发文字号，也可能由脚本填充，请核对`,
          en: `The “${emptyField.label}” label is there but empty: the document may have no number, or a script fills it; check`,
        },
        evidence: { zh: `${emptyField.label}：（空）`, en: `${emptyField.label}: (empty)` },
        expected: expectedBase,
        locator: emptyField.locator,
        data: { field: 'docNumber', label: emptyField.label, value: '' },
      }),
    ]
  }
  if (!found) {
    return [
      ctx.finding({
        status: 'n/a',
        section,
        message: { zh: '页面未见发文字号', en: 'No document number on the page' },
        evidence: { zh: `未见标签：${labels.join('、')}，标题下方也无文号`, en: `none of the labels ${labels.join(', ')}, none under the title` },
        expected: expectedBase,
        locator: null,
      }),
    ]
  }
  const check = checkDocNumber(found.value)
  const evidence = { zh: `${found.where}：${found.value}`, en: `${found.where}: ${found.value}` }
  if (!check) {
    return [
      ctx.finding({
        status: 'n/a',
        section,
        message: { zh: '该文号不含年份与顺序号（如“无”或令号），不按发文字号格式检查', en: 'The number has no year and serial (e.g. 无, or an order number); format not checked' },
        evidence,
        expected: expectedBase,
        locator: found.locator,
      }),
    ]
  }
  if (check.problems.length === 0 && check.fixed) {
    return [
      ctx.finding({
        status: 'pass',
        section,
        message: { zh: '发文字号格式规范', en: 'The document number is well formed' },
        evidence,
        expected: expectedBase,
        locator: found.locator,
      }),
    ]
  }
  if (check.problems.length === 0) {
    return [
      ctx.finding({
        status: 'review',
        section,
        message: { zh: '未能识别发文字号中的年份或顺序号，请人工核对', en: 'Could not read the year or serial of the document number; check by hand' },
        evidence,
        expected: expectedBase,
        locator: found.locator,
      }),
    ]
  }
  return [
    ctx.finding({
      status: 'fail',
      section,
      message: {
        zh: `发文字号格式不规范：${check.problems.map((p) => p.zh).join('；')}`,
        en: `Malformed document number: ${check.problems.map((p) => p.en).join('; ')}`,
      },
      evidence,
      expected: check.fixed
        ? { zh: `应写作：${check.fixed}`, en: `should read: ${check.fixed}` }
        : expectedBase,
      locator: found.locator,
    }),
  ]
}
