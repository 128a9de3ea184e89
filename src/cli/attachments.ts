// personal-data over the attachments a page links (.xlsx/.docx/.pdf; .xls/.doc are named as unread): found in the
// page, fetched (http) or read beside a saved page (relative links), capped in number and size by the pack, read in
// Node by src/attachments/read-text.ts and reported as findings of the page that links them.
import { readFile, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { load } from 'cheerio/slim'
import * as v from 'valibot'
import { compareFindings } from '../engine/audit.ts'
import { locatorOf } from '../engine/locator.ts'
import { enabledRules } from '../engine/pack.ts'
import { attachmentFinding, type AttachmentInput } from '../engine/rules/personal-data/attachment.ts'
import { params as paramsSchema, type Params } from '../engine/rules/personal-data/params.ts'
import type { Finding, PageReport, RulePack } from '../engine/types.ts'
import { attachmentTypeOf, readAttachmentText } from '../attachments/read-text.ts'
import { readCapped } from '../shared/read-capped.ts'

const OLD_FORMAT = {
  zh: '旧版二进制格式（.xls/.doc）不读取：可读取它的 SheetJS（xlsx 0.18.5）存在未修复的安全公告，未引入',
  en: 'old binary format (.xls/.doc) not read: SheetJS (xlsx 0.18.5), which reads it, has unpatched advisories and is not used',
}

interface Link {
  href: string
  name: string
  locator: AttachmentInput['locator']
}

function attachmentLinks(html: string): Link[] {
  const $ = load(html)
  const seen = new Set<string>()
  const out: Link[] = []
  $('a[href]').each((_, el) => {
    const href = ($(el).attr('href') ?? '').trim()
    if (!href || !attachmentTypeOf(href) || seen.has(href)) return
    seen.add(href)
    out.push({ href, name: $(el).text().replace(/\s+/g, ' ').trim(), locator: locatorOf($, el) })
  })
  return out
}

type Fetched = { bytes: Uint8Array } | { unread: { zh: string; en: string } }

async function fetchBytes(address: string, maxBytes: number, timeoutMs: number): Promise<Fetched> {
  try {
    const res = await fetch(address, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'Mozilla/5.0 (compatible; disclosure-audit)' } })
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined)
      return { unread: { zh: `下载失败（HTTP ${res.status}）`, en: `download failed (HTTP ${res.status})` } }
    }
    const declared = Number(res.headers.get('content-length') ?? NaN)
    if (declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined)
      return { unread: tooLarge(maxBytes) }
    }
    const body = await readCapped(res, maxBytes)
    return body.truncated ? { unread: tooLarge(maxBytes) } : { bytes: body.bytes }
  } catch (e) {
    return { unread: { zh: `下载失败（${(e as Error).message}）`, en: `download failed (${(e as Error).message})` } }
  }
}

function tooLarge(maxBytes: number): { zh: string; en: string } {
  const mb = (maxBytes / 1024 / 1024).toFixed(0)
  return { zh: `超过 ${mb} MB 的大小上限`, en: `larger than the ${mb} MB limit` }
}

async function readLocal(path: string, maxBytes: number): Promise<Fetched> {
  try {
    const st = await stat(path)
    if (!st.isFile()) return { unread: { zh: '不是文件', en: 'not a file' } }
    if (st.size > maxBytes) return { unread: tooLarge(maxBytes) }
    return { bytes: new Uint8Array(await readFile(path)) }
  } catch {
    return { unread: { zh: '在保存的页面旁找不到该文件', en: 'no such file beside the saved page' } }
  }
}

/**
 * The page's attachment findings (none when no enabled personal-data rule applies). `pageUrl` resolves links; for a
 * saved page without one, relative links are read from beside `sourcePath`.
 */
export async function attachmentFindings(
  html: string,
  opts: { packs: RulePack[]; asOf: string; pageUrl: string | null; sourcePath: string | null; timeoutMs?: number },
): Promise<Finding[]> {
  const rule = enabledRules(opts.packs).map((r) => r.rule).find((r) => r.kind === 'personal-data')
  if (!rule) return []
  const parsed = v.safeParse(paramsSchema, rule.params)
  if (!parsed.success) return []
  const params: Params = parsed.output
  const out: Finding[] = []
  for (const link of attachmentLinks(html).slice(0, params.attachments.perPage)) {
    const type = attachmentTypeOf(link.href)!
    let address = link.href
    let got: Fetched
    if (opts.pageUrl && URL.canParse(link.href, opts.pageUrl)) address = new URL(link.href, opts.pageUrl).href
    if (type === 'xls' || type === 'doc') {
      got = { unread: OLD_FORMAT }
    } else if (/^https?:\/\//i.test(address)) {
      got = await fetchBytes(address, params.attachments.maxBytes, opts.timeoutMs ?? 20_000)
    } else if (opts.sourcePath && !/^[a-z][a-z0-9+.-]*:/i.test(link.href)) {
      got = await readLocal(resolve(dirname(opts.sourcePath), decodeURIComponent(link.href.split(/[?#]/)[0])), params.attachments.maxBytes)
    } else {
      got = { unread: { zh: '无法确定附件地址', en: 'the attachment’s address cannot be resolved' } }
    }
    let input: AttachmentInput
    if ('unread' in got) {
      input = { href: address, name: link.name, locator: link.locator, text: null, unread: got.unread }
    } else {
      try {
        input = { href: address, name: link.name, locator: link.locator, text: await readAttachmentText(got.bytes, type as 'xlsx' | 'docx' | 'pdf') }
      } catch (e) {
        input = { href: address, name: link.name, locator: link.locator, text: null, unread: { zh: `文件无法解析（${(e as Error).message}）`, en: `the file cannot be parsed (${(e as Error).message})` } }
      }
    }
    out.push(attachmentFinding(rule, params, input, { asOf: opts.asOf, url: opts.pageUrl }))
  }
  return out
}

/** The report with its page's attachment findings added, in the report's order. */
export function withAttachments(report: PageReport, findings: Finding[]): PageReport {
  if (!findings.length) return report
  return { ...report, findings: [...report.findings, ...findings].sort(compareFindings) }
}
