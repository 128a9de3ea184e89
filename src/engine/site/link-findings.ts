// Link verdicts as findings, so broken links reach every export (CSV rows, report page) beside the veto counts
// instead of living only in the scan's `site.links` list.
import { findingId, makeContext } from '../finding.ts'
import { clip } from '../rule-kit/fields.ts'
import type { Finding, IsoDate, Lang, Localized, RuleDef, Status } from '../types.ts'
import type { LinkResult, SiteLink } from './types.ts'
import { isAttachmentUrl } from './urls.ts'
import { nationalSiteRule } from './default-rules.ts'

export const LINK_RULE_ID = 'link-check'

export interface LinkFindingOptions {
  /** Where the scan started: ids are keyed on it and on each link's own address. */
  url: string | null
  asOf: IsoDate
  lang?: Lang
  /** A pack's own definition of the rule (severity, source, which results fail or need review). */
  rule?: RuleDef
}

function resultList(value: unknown, fallback: LinkResult[]): LinkResult[] {
  return Array.isArray(value) ? (value.filter((x) => typeof x === 'string') as LinkResult[]) : fallback
}

function answer(link: SiteLink): { zh: string; en: string } {
  // The scanner calls a 2xx unverifiable only when it landed on a sign-in page; a bare "HTTP 200" would mislead.
  if (link.result === 'unverifiable' && link.httpStatus !== null && link.httpStatus < 400) {
    return { zh: `HTTP ${link.httpStatus}，但跳转到登录页或要求登录`, en: `HTTP ${link.httpStatus}, but a sign-in page` }
  }
  if (link.httpStatus !== null) return { zh: `HTTP ${link.httpStatus}`, en: `HTTP ${link.httpStatus}` }
  const why = link.error ?? 'network'
  const zh: Record<string, string> = { timeout: '请求超时', dns: '域名无法解析', refused: '连接被拒绝', network: '网络请求失败' }
  return { zh: `无 HTTP 响应（${zh[why] ?? why}）`, en: `no HTTP answer (${why})` }
}

function describe(link: SiteLink): { message: Localized; expected: Localized } {
  const attachment = link.attachment ?? isAttachmentUrl(link.url)
  if (link.result === 'unverifiable') {
    return {
      message: { zh: '链接无法核实（可能被防火墙拦截、需登录或超时），请人工打开确认', en: 'The link could not be verified (firewall, login or timeout); open it by hand' },
      expected: { zh: '链接可正常打开', en: 'the link opens' },
    }
  }
  if (link.result === 'soft404') {
    return {
      message: { zh: '链接指向的页面显示“页面不存在”（软404）', en: 'The link leads to a "page not found" page (soft 404)' },
      expected: { zh: '链接指向有效内容，失效内容应撤下链接', en: 'the link leads to real content; dead links are removed' },
    }
  }
  if (attachment) {
    return {
      message: { zh: '附件无法下载', en: 'The attachment cannot be downloaded' },
      expected: { zh: '附件可正常下载', en: 'the attachment downloads' },
    }
  }
  return {
    message: { zh: '链接失效', en: 'Broken link' },
    expected: { zh: '链接可正常打开，失效链接应及时修复或撤下', en: 'the link opens; broken links are fixed or removed' },
  }
}

/**
 * One finding per link that is not ok, fail or review as the rule's params say; one pass when every checked link
 * is ok. No links checked (link checking off) gives no finding: nothing was judged.
 */
export function linkFindings(links: readonly SiteLink[], opts: LinkFindingOptions): Finding[] {
  const rule = opts.rule ?? nationalSiteRule(LINK_RULE_ID)
  const lang = opts.lang ?? 'zh'
  const params = rule.params ?? {}
  const failOn = resultList(params.fail, ['broken', 'soft404'])
  const reviewOn = resultList(params.review, ['unverifiable'])
  const ctx = makeContext(rule, { asOf: opts.asOf, lang, url: opts.url })
  if (links.length === 0) return []

  const out: Finding[] = []
  const seen = new Set<string>()
  for (const link of links) {
    if (link.result === 'ok') continue
    // Unverifiable means our vantage point may be at fault, so it is never a fail whatever a pack says.
    let status: Status | null = failOn.includes(link.result) ? 'fail' : reviewOn.includes(link.result) ? 'review' : null
    if (status === 'fail' && link.result === 'unverifiable') status = 'review'
    if (!status) continue
    const key = `link:${link.url}`
    if (seen.has(key)) continue
    seen.add(key)
    const { message, expected } = describe(link)
    const got = answer(link)
    const finding = ctx.finding({
      status,
      section: clip(link.url),
      message,
      evidence: { zh: `${got.zh}；所在页面：${link.from}`, en: `${got.en}; found on ${link.from}` },
      expected,
      locator: null,
    })
    // Keyed on the whole link address: a clipped section could make two long links share an id.
    out.push({ ...finding, id: findingId(rule.id, opts.url, key) })
  }
  if (out.length > 0) return out
  const ok = links.filter((l) => l.result === 'ok').length
  const ignored = links.length - ok
  const note = ignored ? { zh: `；另有 ${ignored} 个按规则参数不计入`, en: `; ${ignored} not counted under the rule's params` } : { zh: '', en: '' }
  return [
    ctx.finding({
      status: 'pass',
      section: lang === 'en' ? 'Links checked' : '链接检查',
      message: { zh: `已检查的 ${links.length} 个链接未发现失效`, en: `No broken link among the ${links.length} checked` },
      evidence: { zh: `共检查 ${links.length} 个链接（含附件），${ok} 个正常${note.zh}`, en: `${links.length} links checked (attachments included), ${ok} ok${note.en}` },
      expected: { zh: '链接和附件可正常打开', en: 'links and attachments open' },
      locator: null,
    }),
  ]
}
