// personal-data over an attachment linked from a page (.xlsx/.docx/.pdf read by the CLI or scan in Node): one
// finding per attachment, on the page that links it, located at the link. Pure: the caller hands in the text (or why
// there is none), so the engine stays free of Node and of the parsers.
import { makeContext } from '../../finding.ts'
import { maskDigitRuns } from '../../rule-kit/mask.ts'
import type { Finding, Locator, RuleDef } from '../../types.ts'
import { countText, counts, masked, TYPE_NAMES } from './evaluate.ts'
import { findNumbers } from './numbers.ts'
import type { Params } from './params.ts'

export interface AttachmentInput {
  /** The address as linked (absolute when the page's address is known). */
  href: string
  /** The link's text, e.g. 附件：低保对象名单.xlsx. */
  name: string
  locator: Locator | null
  /** The attachment's text, or why it was not read. */
  text: string | null
  unread?: { zh: string; en: string }
}

export function attachmentFinding(rule: RuleDef, params: Params, input: AttachmentInput, opts: { asOf: string; url: string | null }): Finding {
  const ctx = makeContext(rule, { asOf: opts.asOf, url: opts.url })
  const name = maskDigitRuns(input.name || input.href)
  const section = '个人信息（附件）'
  const locator = input.locator ? { css: input.locator.css, text: '' } : null
  const key = `attachment:${input.href}`
  const expected = {
    zh: '附件中不出现完整的身份证号、手机号、银行卡号；确需公开时去标识化',
    en: 'no full ID, mobile or bank-card number in an attachment; where one must be shown, masked',
  }
  if (input.text === null) {
    const why = input.unread ?? { zh: '未能读取', en: 'not read' }
    return ctx.finding({
      status: 'review',
      section,
      key,
      message: { zh: `附件“${name}”未检查个人信息：${why.zh}，请人工打开核对`, en: `Attachment “${name}” not checked for personal data: ${why.en}; open it and check` },
      evidence: { zh: `附件：${name}`, en: `attachment: ${name}` },
      expected,
      locator,
      data: { attachment: maskDigitRuns(input.href), read: false },
    })
  }
  const hits = findNumbers(input.text, params, opts.asOf).filter((h) => !h.excluded)
  const full = hits.filter((h) => !h.masked)
  const overVisible = hits.filter((h) => h.masked && !h.masked.withinLimit)
  const shown = [...full, ...overVisible].sort((a, b) => a.index - b.index)
  const c = counts(full)
  const data = { attachment: maskDigitRuns(input.href), read: true, idCard: c.idCard, mobile: c.mobile, bankCard: c.bankCard, overVisibleMasks: overVisible.length, examples: shown.slice(0, params.examples).map((h) => masked(h, params)) }
  if (shown.length === 0) {
    return ctx.finding({
      status: 'pass',
      section,
      key,
      message: { zh: `附件“${name}”未见完整的个人号码`, en: `No full personal number in attachment “${name}”` },
      evidence: { zh: `附件：${name}（已读取 ${input.text.length} 字）`, en: `attachment: ${name} (${input.text.length} characters read)` },
      expected,
      locator,
      data,
    })
  }
  const examples = shown.slice(0, params.examples)
  const parts = { zh: [] as string[], en: [] as string[] }
  if (full.length) {
    parts.zh.push(`完整号码：${countText(c, 'zh')}`)
    parts.en.push(`full numbers: ${countText(c, 'en')}`)
  }
  if (overVisible.length) {
    parts.zh.push(`掩码保留位数超过规定：${countText(counts(overVisible), 'zh')}`)
    parts.en.push(`masks leaving too much visible: ${countText(counts(overVisible), 'en')}`)
  }
  return ctx.finding({
    status: full.length ? 'fail' : 'review',
    section,
    key,
    message: { zh: `附件“${name}”含未去标识化的个人信息：${parts.zh.join('；')}`, en: `Attachment “${name}” holds personal data that is not de-identified: ${parts.en.join('; ')}` },
    evidence: {
      zh: `示例（已掩码）：${examples.map((h) => `${TYPE_NAMES[h.type].zh} ${masked(h, params)}`).join('，')}`,
      en: `examples (masked): ${examples.map((h) => `${TYPE_NAMES[h.type].en.replace(/s$/, '')} ${masked(h, params)}`).join(', ')}`,
    },
    expected,
    locator,
    data,
  })
}
