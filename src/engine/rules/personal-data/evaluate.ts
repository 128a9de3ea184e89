// 条例 第十五条, 个人信息保护法 第二十五条, 2018 政务公开工作要点 (去标识化): a published page shows no full ID, mobile
// or bank-card number. One finding per page sums up what was found; every number in it is masked by maskNumber.
import type { Finding, Locator, PageModel, RuleContext } from '../../types.ts'
import { locateText } from '../../rule-kit/locate.ts'
import { maskNumber } from '../../rule-kit/mask.ts'
import { findNumbers, NUMBER_TYPES, type NumberHit, type NumberType } from './numbers.ts'
import type { Params } from './params.ts'

export const TYPE_NAMES: Record<NumberType, { zh: string; en: string }> = {
  idCard: { zh: '身份证号', en: 'ID numbers' },
  mobile: { zh: '手机号', en: 'mobile numbers' },
  bankCard: { zh: '银行卡号', en: 'bank-card numbers' },
}

/** The number as the finding may show it: masked as the pack allows for its type. */
export function masked(hit: Pick<NumberHit, 'type' | 'value'>, params: Params): string {
  const { head, tail } = params[hit.type].mask
  return maskNumber(hit.value, head, tail)
}

export function counts(hits: NumberHit[]): Record<NumberType, number> {
  const out: Record<NumberType, number> = { idCard: 0, mobile: 0, bankCard: 0 }
  for (const h of hits) out[h.type]++
  return out
}

export function countText(c: Record<NumberType, number>, lang: 'zh' | 'en'): string {
  const parts = NUMBER_TYPES.filter((t) => c[t] > 0).map((t) => (lang === 'zh' ? `${TYPE_NAMES[t].zh} ${c[t]} 个` : `${TYPE_NAMES[t].en}: ${c[t]}`))
  return parts.join(lang === 'zh' ? '、' : ', ')
}

/** The block of the first hit; its fingerprint is dropped, since the block's first words may hold the number. */
function locatorOfHit(page: PageModel, hit: NumberHit): Locator | null {
  const found = locateText(page, hit.value)
  return found ? { css: found.css, text: '' } : null
}

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  if (page.mainText.length < params.minTextLength) return [tooLittleText(page, params, ctx)]
  const all = findNumbers(page.mainText, params, ctx.asOf)
  const counted = all.filter((h) => !h.excluded)
  const full = counted.filter((h) => !h.masked)
  const overVisible = counted.filter((h) => h.masked && !h.masked.withinLimit)
  const wellMasked = counted.filter((h) => h.masked?.withinLimit).length
  const context = [page.title, page.columnName ?? '', ...page.breadcrumb].join(' ')
  const exemptBy = params.exemptPageKeywords.find((k) => context.includes(k)) ?? null
  // Under the 惩戒公示 exemption an ID may be named; a phone or a bank card never needs to be.
  const exemptIds = exemptBy ? full.filter((h) => h.type === 'idCard') : []
  const failing = full.filter((h) => !exemptIds.includes(h))
  const section = '个人信息'
  const masks = NUMBER_TYPES.map((t) => `${TYPE_NAMES[t].zh}前 ${params[t].mask.head} 位、后 ${params[t].mask.tail} 位`).join('，')
  const masksEn = NUMBER_TYPES.map((t) => `${TYPE_NAMES[t].en} first ${params[t].mask.head} and last ${params[t].mask.tail}`).join(', ')
  const expected = {
    zh: `公开页面不出现完整的身份证号、手机号、银行卡号；确需公开时去标识化，至多保留${masks}`,
    en: `no full ID, mobile or bank-card number on a published page; where one must be shown, masked, keeping at most: ${masksEn}`,
  }
  const data = {
    idCard: counts(full).idCard,
    mobile: counts(full).mobile,
    bankCard: counts(full).bankCard,
    overVisibleMasks: overVisible.length,
    wellMasked,
    excluded: all.length - counted.length,
    exemptIds: exemptIds.length,
    exemptBy,
  }
  const shown = [...failing, ...exemptIds, ...overVisible].sort((a, b) => a.index - b.index)
  // For a mask that shows too much, how much the page shows; the example itself is masked as the pack allows.
  const shownZh = (h: NumberHit): string => (h.masked ? `（页面显示前 ${h.masked.head} 位、后 ${h.masked.tail} 位）` : '')
  const shownEn = (h: NumberHit): string => (h.masked ? ` (the page shows the first ${h.masked.head} and last ${h.masked.tail})` : '')
  const examples = shown.slice(0, params.examples).map((h) => `${TYPE_NAMES[h.type].zh} ${masked(h, params)}${shownZh(h)}`)
  const examplesEn = shown.slice(0, params.examples).map((h) => `${TYPE_NAMES[h.type].en.replace(/s$/, '')} ${masked(h, params)}${shownEn(h)}`)
  if (shown.length === 0) {
    return [
      ctx.finding({
        status: 'pass',
        section,
        message: { zh: '页面正文未见完整的身份证号、手机号或银行卡号', en: 'No full ID, mobile or bank-card number in the page text' },
        evidence: {
          zh: wellMasked ? `已按要求掩码的号码 ${wellMasked} 个` : '正文与表格中未见个人号码',
          en: wellMasked ? `${wellMasked} numbers masked as required` : 'no personal numbers in the text and tables',
        },
        expected,
        locator: null,
        data: { ...data, examples: [] },
      }),
    ]
  }
  const first = shown[0]
  const parts: { zh: string[]; en: string[] } = { zh: [], en: [] }
  if (failing.length) {
    parts.zh.push(`完整号码：${countText(counts(failing), 'zh')}`)
    parts.en.push(`full numbers: ${countText(counts(failing), 'en')}`)
  }
  if (exemptIds.length) {
    parts.zh.push(`完整身份证号 ${exemptIds.length} 个（本页属“${exemptBy}”，可能适用 2018 年政务公开工作要点对惩戒公示的去标识化例外，请核对公开依据）`)
    parts.en.push(`${exemptIds.length} full ID numbers (the page is “${exemptBy}”: the 2018 要点's exemption for 惩戒公示 may apply; check the legal basis)`)
  }
  if (overVisible.length) {
    parts.zh.push(`掩码保留位数超过规定：${countText(counts(overVisible), 'zh')}`)
    parts.en.push(`masks leaving too much visible: ${countText(counts(overVisible), 'en')}`)
  }
  const status = failing.length ? 'fail' : 'review'
  return [
    ctx.finding({
      status,
      section,
      message: {
        zh: `${failing.length ? '页面公开了未去标识化的个人信息' : '页面个人号码需人工核对'}：${parts.zh.join('；')}`,
        en: `${failing.length ? 'The page publishes personal data that is not de-identified' : 'Personal numbers on the page need a check'}: ${parts.en.join('; ')}`,
      },
      evidence: {
        zh: `示例（已掩码）：${examples.join('，')}${shown.length > examples.length ? ` 等 ${shown.length} 个` : ''}`,
        en: `examples (masked): ${examplesEn.join(', ')}${shown.length > examples.length ? ` and more, ${shown.length} in all` : ''}`,
      },
      expected,
      locator: locatorOfHit(page, first),
      data: { ...data, examples: shown.slice(0, params.examples).map((h) => masked(h, params)) },
    }),
  ]
}

function tooLittleText(page: PageModel, params: Params, ctx: RuleContext): Finding {
  return ctx.finding({
    status: 'review',
    section: '个人信息',
    message: {
      zh: '页面正文几乎没有文字（可能由脚本加载或为图片），无法检查其中的个人信息，请在浏览器中查看',
      en: 'The page has almost no text (loaded by scripts, or an image); personal data could not be checked; look in a browser',
    },
    evidence: { zh: `正文 ${page.mainText.length} 字（少于 ${params.minTextLength} 字）`, en: `${page.mainText.length} characters of text (under ${params.minTextLength})` },
    expected: { zh: '可读取的正文，其中不含未去标识化的个人号码', en: 'readable text without personal numbers that are not de-identified' },
    locator: null,
    data: { textLength: page.mainText.length },
  })
}
