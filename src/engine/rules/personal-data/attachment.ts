// An attachment's text (read by the CLI's site scan, never by the extension) judged like a page's, and reported as a
// finding on the page that links it: inspectors find 低保 and 补贴 lists in .xlsx and .pdf files as often as in pages.
import * as v from 'valibot'
import { enabledRules } from '../../pack.ts'
import { makeContext } from '../../finding.ts'
import type { Finding, Lang, RulePack } from '../../types.ts'
import { detectPersonalNumbers, NUMBER_KINDS, type NumberKind } from './detect.ts'
import { params as schema, type Params } from './params.ts'

/** What the scan could make of one attachment. */
export type AttachmentText =
  | { text: string }
  /** old-format: .xls / .doc (binary formats no maintained reader here); too-large: over the size cap; unreadable: broken file; no-text: e.g. a scanned PDF. */
  | { unread: 'old-format' | 'too-large' | 'unreadable' | 'no-text'; detail?: string }

export interface AttachmentContext {
  packs: RulePack[]
  asOf: string
  lang: Lang
  /** The page that links the attachment: the finding is that page's. */
  pageUrl: string
  pageTitle: string
}

const UNREAD: Record<Exclude<AttachmentText, { text: string }>['unread'], { zh: string; en: string }> = {
  'old-format': { zh: '旧版二进制格式（.xls/.doc），本工具不读取', en: 'an old binary format (.xls/.doc) this tool does not read' },
  'too-large': { zh: '文件超过读取上限，未读取', en: 'larger than the reading cap; not read' },
  unreadable: { zh: '文件无法解析', en: 'the file could not be parsed' },
  'no-text': { zh: '文件没有可提取的文字（可能为扫描图片）', en: 'the file has no extractable text (perhaps scanned images)' },
}

function fileName(url: string): string {
  try {
    const path = new URL(url).pathname
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url
  } catch {
    return url
  }
}

/** The personal-data rule in effect, with its params parsed; null when the packs switch it off. */
function ruleOf(packs: RulePack[]): { rule: RulePack['rules'][number]; params: Params } | null {
  const found = enabledRules(packs).find(({ rule }) => rule.kind === 'personal-data')
  if (!found) return null
  const parsed = v.safeParse(schema, found.rule.params)
  return parsed.success ? { rule: found.rule, params: parsed.output } : null
}

/** Whether the packs want attachments read at all (the rule is on). */
export function readsAttachments(packs: RulePack[]): boolean {
  return ruleOf(packs) !== null
}

/** A finding for the attachment at `url`, or null when it shows no personal number (or the rule is off). */
export function attachmentFinding(url: string, read: AttachmentText, c: AttachmentContext): Finding | null {
  const found = ruleOf(c.packs)
  if (!found) return null
  const { rule, params } = found
  const ctx = makeContext(rule, { asOf: c.asOf, lang: c.lang, url: c.pageUrl })
  const name = fileName(url)
  const section = '附件个人信息'
  const expected = {
    zh: `附件公开前去标识化：${NUMBER_KINDS.map((k) => `${params[k].name.zh}至多显示前 ${params[k].visibleHead} 位和后 ${params[k].visibleTail} 位`).join('；')}`,
    en: `De-identify attachments before publishing: ${NUMBER_KINDS.map((k) => `${params[k].name.en} at most the first ${params[k].visibleHead} and last ${params[k].visibleTail}`).join('; ')}`,
  }
  const base = { section, key: `attachment:${url}`, expected, locator: null }
  if ('unread' in read) {
    const why = UNREAD[read.unread]
    return ctx.finding({
      ...base,
      status: 'review',
      message: { zh: `附件“${name}”未能检查个人信息：${why.zh}，请人工查看`, en: `Attachment “${name}” was not checked for personal data: ${why.en}; check it by hand` },
      evidence: { zh: `${url}：${why.zh}${read.detail ? `（${read.detail}）` : ''}`, en: `${url}: ${why.en}${read.detail ? ` (${read.detail})` : ''}` },
      data: { attachment: url, read: false, reason: read.unread },
    })
  }
  const { unmasked, underMasked } = detectPersonalNumbers(read.text, params, c.asOf)
  if (unmasked.length === 0 && underMasked.length === 0) return null
  const counts: Record<NumberKind, number> = { idCard: 0, mobile: 0, bankCard: 0 }
  for (const h of unmasked) counts[h.kind]++
  const kinds = NUMBER_KINDS.filter((k) => counts[k] > 0)
  const phrase = { zh: kinds.map((k) => `${params[k].name.zh} ${counts[k]} 个`).join('、'), en: kinds.map((k) => `${counts[k]} ${params[k].name.en}`).join(', ') }
  const examples = [...new Map([...unmasked, ...underMasked].map((h) => [h.masked, h])).values()].slice(0, params.maxExamples).map((h) => h.masked)
  const data = { attachment: url, read: true, idCard: counts.idCard, mobile: counts.mobile, bankCard: counts.bankCard, underMasked: underMasked.length, examples }
  const evidence = { zh: `${name}，示例（本工具已遮盖）：${examples.join('、')}`, en: `${name}, examples (masked by this tool): ${examples.join(', ')}` }
  if (unmasked.length === 0) {
    return ctx.finding({
      ...base,
      status: 'review',
      message: { zh: `附件“${name}”中 ${underMasked.length} 个号码遮盖不足，显示的位数多于规定，请核对`, en: `Attachment “${name}”: ${underMasked.length} masked numbers still show more than allowed; check` },
      evidence,
      data,
    })
  }
  const disciplinary = params.disciplinaryKeywords.some((k) => c.pageTitle.includes(k))
  const under = underMasked.length ? { zh: `；另有 ${underMasked.length} 个号码遮盖不足`, en: `; ${underMasked.length} more masked too little` } : { zh: '', en: '' }
  return ctx.finding({
    ...base,
    status: disciplinary ? 'review' : 'fail',
    message: disciplinary
      ? {
          zh: `附件“${name}”公开了完整号码：${phrase.zh}${under.zh}。所在页面似为惩戒公示，2018年政务公开工作要点将其列为去标识化的例外，请核实公开依据`,
          en: `Attachment “${name}” shows full numbers: ${phrase.en}${under.en}. Its page looks like a 惩戒公示, which the 2018 政务公开工作要点 exempts from de-identification; check the basis`,
        }
      : { zh: `附件“${name}”公开了未脱敏的个人信息：${phrase.zh}${under.zh}`, en: `Attachment “${name}” publishes personal numbers unmasked: ${phrase.en}${under.en}` },
    evidence,
    data: disciplinary ? { ...data, disciplinary: true } : data,
  })
}
