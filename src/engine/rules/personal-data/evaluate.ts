// 条例 第十五条 and 个人信息保护法 第二十五条: a page must not publish a person's 身份证号, mobile or bank card number in
// full; the 2018 政务公开工作要点 asks for 去标识化 (the masks inspectors accept keep 6 + 4 and 3 + 4 characters).
import type { Finding, Locator, PageModel, RuleContext } from '../../types.ts'
import { detectPersonalNumbers, NUMBER_KINDS, type NumberHit, type NumberKind } from './detect.ts'
import type { Params } from './params.ts'

const SECTION = '个人信息'

/** Seven digits, spaces or hyphens allowed between them: a fingerprint holding that may hold a number. */
const DIGITS_IN_FINGERPRINT = /(?:[0-9０-９][\s-]?){7}/

/**
 * The block holding the first number. Its text fingerprint (what the content script re-finds a moved element by) is
 * kept only when it holds no long number; otherwise the CSS path alone points at it.
 */
function locate(page: PageModel, hit: NumberHit | undefined): Locator | null {
  if (!hit) return null
  const spot = page.numberSpots?.find((s) => s.text.includes(hit.printed))
  if (!spot) return null
  const text = DIGITS_IN_FINGERPRINT.test(spot.locator.text) ? '' : spot.locator.text
  // Without its fingerprint the path must hit as it stands. A browser puts the rows of a table written without
  // <tbody> into one (so the rows' nth-of-type stays the same); the parsed copy has none.
  const css = text ? spot.locator.css : spot.locator.css.replace(/(\btable(?::nth-of-type\(\d+\))?) > tr\b/g, '$1 > tbody > tr')
  return { css, text }
}

function isDisciplinary(page: PageModel, keywords: readonly string[]): boolean {
  const names = [page.title, page.columnName ?? '', ...page.breadcrumb].join(' ')
  return keywords.some((k) => names.includes(k))
}

function countsOf(hits: readonly NumberHit[]): Record<NumberKind, number> {
  const counts: Record<NumberKind, number> = { idCard: 0, mobile: 0, bankCard: 0 }
  for (const h of hits) counts[h.kind]++
  return counts
}

function countPhrase(counts: Record<NumberKind, number>, params: Params): { zh: string; en: string } {
  const kinds = NUMBER_KINDS.filter((k) => counts[k] > 0)
  return {
    zh: kinds.map((k) => `${params[k].name.zh} ${counts[k]} 个`).join('、'),
    en: kinds.map((k) => `${counts[k]} ${params[k].name.en}`).join(', '),
  }
}

function expectedOf(params: Params): { zh: string; en: string } {
  const rule = (k: NumberKind): { zh: string; en: string } => ({
    zh: `${params[k].name.zh}至多显示前 ${params[k].visibleHead} 位和后 ${params[k].visibleTail} 位`,
    en: `${params[k].name.en}: at most the first ${params[k].visibleHead} and last ${params[k].visibleTail} shown`,
  })
  const rules = NUMBER_KINDS.map(rule)
  return {
    zh: `公开前去标识化：${rules.map((r) => r.zh).join('；')}（如 138****1234）`,
    en: `De-identify before publishing: ${rules.map((r) => r.en).join('; ')} (e.g. 138****1234)`,
  }
}

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  const expected = expectedOf(params)
  if (!page.mainText.trim()) {
    return [
      ctx.finding({
        status: 'review',
        section: SECTION,
        key: 'page',
        message: { zh: '页面没有可见正文（可能由脚本加载），无法检查是否公开了个人信息', en: 'The page shows no text (a script may load it); personal data cannot be checked' },
        evidence: { zh: '正文为空', en: 'no visible text' },
        expected,
        locator: null,
      }),
    ]
  }
  const { unmasked, underMasked } = detectPersonalNumbers(page.mainText, params, ctx.asOf)
  const counts = countsOf(unmasked)
  const underCounts = countsOf(underMasked)
  const data = {
    idCard: counts.idCard,
    mobile: counts.mobile,
    bankCard: counts.bankCard,
    underMasked: underMasked.length,
  }
  if (unmasked.length === 0 && underMasked.length === 0) {
    return [
      ctx.finding({
        status: 'pass',
        section: SECTION,
        key: 'page',
        message: { zh: '页面未见未脱敏的身份证号、手机号或银行卡号', en: 'No unmasked ID, mobile or bank card number on the page' },
        evidence: { zh: '正文和表格中未见完整的个人号码', en: 'no full personal number in the text or tables' },
        expected,
        locator: null,
        data,
      }),
    ]
  }
  // The same person listed twice is one example.
  const examples = [...new Map([...unmasked, ...underMasked].map((h) => [h.masked, h])).values()].slice(0, params.maxExamples)
  const exampleText = {
    zh: examples.map((h) => (h.visible === undefined ? h.masked : `${h.masked}（页面显示 ${h.visible} 位）`)).join('、'),
    en: examples.map((h) => (h.visible === undefined ? h.masked : `${h.masked} (${h.visible} shown on the page)`)).join(', '),
  }
  const evidence = {
    zh: `示例（本工具已遮盖）：${exampleText.zh}`,
    en: `examples (masked by this tool): ${exampleText.en}`,
  }
  const locator = locate(page, unmasked[0] ?? underMasked[0])
  const fullData = { ...data, examples: examples.map((h) => h.masked) }
  if (unmasked.length === 0) {
    const phrase = countPhrase(underCounts, params)
    return [
      ctx.finding({
        status: 'review',
        section: SECTION,
        key: 'page',
        message: {
          zh: `页面中部分号码的遮盖不足，显示的位数多于规定：${phrase.zh}，请核对`,
          en: `Some masked numbers still show more than allowed: ${phrase.en}; check`,
        },
        evidence,
        expected,
        locator,
        data: fullData,
      }),
    ]
  }
  const phrase = countPhrase(counts, params)
  const under = underMasked.length > 0 ? { zh: `；另有 ${underMasked.length} 个号码遮盖不足`, en: `; ${underMasked.length} more masked too little` } : { zh: '', en: '' }
  const disciplinary = isDisciplinary(page, params.disciplinaryKeywords)
  if (disciplinary) {
    return [
      ctx.finding({
        status: 'review',
        section: SECTION,
        key: 'page',
        message: {
          zh: `本页似为惩戒公示，页面公开了完整号码：${phrase.zh}${under.zh}。2018年政务公开工作要点将惩戒公示和强制性信息披露列为去标识化的例外，请核实公开完整号码的依据`,
          en: `This page looks like a 惩戒公示 (disciplinary notice) and shows full numbers: ${phrase.en}${under.en}. The 2018 政务公开工作要点 exempts disciplinary notices and mandatory disclosure from de-identification; check the basis for publishing them in full`,
        },
        evidence,
        expected,
        locator,
        data: { ...fullData, disciplinary: true },
      }),
    ]
  }
  return [
    ctx.finding({
      status: 'fail',
      section: SECTION,
      key: 'page',
      message: {
        zh: `页面公开了未脱敏的个人信息：${phrase.zh}${under.zh}`,
        en: `The page publishes personal numbers unmasked: ${phrase.en}${under.en}`,
      },
      evidence,
      expected,
      locator,
      data: fullData,
    }),
  ]
}
