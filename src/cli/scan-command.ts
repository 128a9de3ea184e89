// `disclosure-audit --scan URL`: the extension's site scan from a terminal, with the same engine, the same queue and
// the same limits. With a state file an interrupted scan (Ctrl-C, a crash) continues where it stopped.
import { readFileSync } from 'node:fs'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { diffFindings, type DiffPage, type FindingDiff } from '../engine/cycle/diff.ts'
import { applyDismissals, isDismissed, isOpenFail, type Dismissal } from '../engine/cycle/dismissals.ts'
import { pick } from '../engine/finding.ts'
import { HANDLING_LABELS, reportsToCsv, STATUS_LABELS } from '../engine/csv.ts'
import { nationalPack } from '../engine/pack.ts'
import { LINK_RESULT_LABEL } from '../engine/site/link-check.ts'
import { missingSiteRules, SITE_RULE_ID, siteLimits, siteRulesOf, siteVerdict, type SiteLimits } from '../engine/site/site-rule.ts'
import { VETO_HITS_RULE_ID } from '../engine/site/veto-hits.ts'
import type { SiteColumn } from '../engine/site/types.ts'
import type { Lang, PageReport, RulePack } from '../engine/types.ts'
import { scanReport, type ScanReport } from '../scan/report.ts'
import { createScan, loadScan, runScan, scanKey } from '../scan/scanner.ts'
import { memoryStorage, timerSleep } from '../scan/storage.ts'
import { SCAN_PAGE_MAX_BYTES, type FetchLike, type ScanProgress, type ScanStorage } from '../scan/types.ts'
import { readCapped } from '../shared/read-capped.ts'
import { countDismissed } from '../shared/verdict.ts'
import { readAttachmentText } from './attachment-text.ts'
import { diffLine } from './format.ts'
import { pageKey } from './cycle-files.ts'
import { forTerminal, jsonForTerminal } from './terminal.ts'
import { ExportWriteError, writeExport, writtenLine } from './export-file.ts'
import { DEFAULT_DEADLINE_WORKING_DAYS, type ExportData } from '../export/context.ts'
import { hostOf } from '../engine/site/urls.ts'

export interface ScanCommandArgs {
  url: string
  asOf: string
  format: 'json' | 'csv' | 'table' | 'xlsx' | 'docx'
  /** Where an xlsx/docx export is written (required for those formats). */
  out?: string
  /** The notices' 整改期限 in working days after the as-of date. */
  deadlineDays?: number
  /** The auditor's name printed on the exports. */
  auditor?: string
  /** 机构类型 stated for the exports. */
  bodyType?: string
  lang?: Lang
  packs?: RulePack[]
  maxPages?: number
  maxDepth?: number
  checkLinks?: boolean
  maxLinks?: number
  linkScope?: 'site' | 'all'
  concurrency?: number
  delayMs?: number
  timeoutMs?: number
  /** JSON file holding the scan state: resumed when it has an unfinished scan of this URL, written as the scan goes. */
  stateFile?: string
  /** Progress lines on stderr (default true). */
  progress?: boolean
  /** The auditor's dismissals (--ignore): marked on the findings, left out of the verdicts and the exit status. */
  dismissals?: Dismissal[]
  /** When a dismissal without its own time was applied (default: now). */
  dismissedAt?: string
  /** Pages of an earlier JSON report (--baseline): the output adds the diff against them. */
  baseline?: DiffPage[]
}

export interface ScanIo {
  stdout(text: string): void
  stderr(text: string): void
}

const NAME = 'disclosure-audit'
// Header values must be Latin-1, so the tool's Chinese name stays out of it.
const USER_AGENT = 'Mozilla/5.0 (compatible; DisclosureAuditor/0.1; +disclosure-audit)'

function toolVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    return pkg.version
  } catch {
    return '0.0.0'
  }
}

const MAX_REDIRECTS = 5

/**
 * Node's fetch as the scanner's FetchLike: no cookies, body capped, and redirects followed only within the origin the
 * request started on. A redirect to another origin is answered as it stands (its status and target as the final
 * address), so the scanner reports "跳转至站外" without ever requesting the other site.
 */
export function nodeFetch(opts: { maxBytes?: number } = {}): FetchLike {
  return async (url, init) => {
    let at = url
    for (let hop = 0; ; hop++) {
      const res = await fetch(at, {
        method: init.method,
        signal: init.signal,
        redirect: 'manual',
        headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      })
      const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null
      if (location && hop < MAX_REDIRECTS) {
        const next = new URL(location, at).href
        await res.body?.cancel().catch(() => undefined)
        if (new URL(next).origin !== new URL(url).origin) {
          return { status: res.status, headers: res.headers, bytes: new Uint8Array(), truncated: false, url: next }
        }
        at = next
        continue
      }
      const limit = init.maxBytes ?? opts.maxBytes ?? SCAN_PAGE_MAX_BYTES
      const body = init.method === 'HEAD' ? { bytes: new Uint8Array(), truncated: false } : await readCapped(res, limit)
      return { status: res.status, headers: res.headers, bytes: body.bytes, truncated: body.truncated, url: at }
    }
  }
}

/** The whole file is one JSON object keyed like chrome.storage.local; written to a temp file and renamed, so a crash
 * mid-write never leaves half a state behind. */
export function jsonFileStorage(file: string): ScanStorage {
  let cache: Record<string, unknown> | null = null
  const read = async (): Promise<Record<string, unknown>> => {
    if (cache) return cache
    try {
      cache = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    } catch {
      cache = {}
    }
    return cache
  }
  return {
    async load(key) {
      return (await read())[key]
    },
    async save(key, value) {
      const data = await read()
      data[key] = value
      const tmp = `${file}.tmp`
      await writeFile(tmp, JSON.stringify(data))
      await rename(tmp, file)
    },
  }
}

const CLASS_ZH: Record<SiteColumn['class'], string> = { news: '动态要闻', notice: '通知公告/政策', 'long-term': '人事/规划', other: '其他' }
const STATUS_ZH: Record<SiteColumn['status'], string> = {
  ok: '正常',
  stale: '未更新',
  blank: '空白',
  unreachable: '无法访问',
  'not-html': '非网页',
  login: '需登录',
  soft404: '页面不存在',
  offsite: '跳转至站外',
  'too-large': '页面过大',
  error: '出错',
}

function pad(text: string, width: number): string {
  // CJK characters take two terminal cells.
  let cells = 0
  for (const ch of text) cells += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return text + ' '.repeat(Math.max(1, width - cells))
}

export function scanTable(report: ScanReport, lang: Lang = 'zh', limits: SiteLimits = siteLimits(), diff?: FindingDiff): string {
  const L = STATUS_LABELS[lang]
  const lines: string[] = []
  lines.push(`站点巡检 ${report.startUrl}  审计日 ${report.asOf}`)
  lines.push('')
  lines.push(pad('栏目', 22) + pad('类别', 16) + pad('条目', 6) + pad('最新日期', 12) + pad('天数', 6) + '结论')
  for (const c of report.site.columns) {
    lines.push(
      pad(c.name, 22) +
        pad(CLASS_ZH[c.class], 16) +
        pad(c.entries === null ? '-' : String(c.entries), 6) +
        pad(c.latestDate ?? '-', 12) +
        pad(c.daysSince === null ? '-' : String(c.daysSince), 6) +
        STATUS_ZH[c.status] +
        (c.detail && c.status !== 'ok' ? `（${c.detail}）` : ''),
    )
  }
  const k = report.site.counts
  lines.push('')
  lines.push(
    `动态要闻未更新 ${k.staleNews} + 通知公告/政策未更新 ${k.staleNotice} = ${k.staleNews + k.staleNotice}（否决线 ${limits.staleNewsNotice}）；` +
      `应更新未更新合计 ${k.staleNews + k.staleNotice + k.staleLongTerm}（否决线 ${limits.staleAll}）；空白栏目 ${k.blank}（否决线 ${limits.blank}）`,
  )
  const verdict = siteVerdict(report.findings)
  lines.push(
    verdict === 'veto' ? '结论：可能触发单项否决：栏目不更新' : verdict === 'review' ? '结论：需人工核查（部分栏目无法判断）' : '结论：未达单项否决线',
  )
  // Link findings get their own block below, with the page each link was found on.
  for (const f of report.findings) {
    if (f.ruleId !== SITE_RULE_ID) continue
    const dismissed = isDismissed(f) ? `${HANDLING_LABELS[lang].dismissed}·` : ''
    lines.push(`  [${dismissed}${L[f.status]}] ${f.section}：${pick(f.evidence, lang)}`)
    if (f.dismissed && dismissed) lines.push(`    理由：${f.dismissed.reason}`)
  }
  // Page veto hits counted over the site (unanswered messages, serious misstatements), each against its own limit.
  for (const f of report.findings) if (f.ruleId === VETO_HITS_RULE_ID && f.status !== 'n/a') lines.push(`  [${L[f.status]}] ${pick(f.message, lang)}`)
  const bad = report.site.links.filter((l) => l.result !== 'ok')
  if (bad.length) {
    lines.push('')
    lines.push(`链接问题 ${bad.length} 个（共检查 ${report.site.links.length} 个）：`)
    for (const l of bad) lines.push(`  ${LINK_RESULT_LABEL[l.result]} ${l.httpStatus ?? l.error ?? ''} ${l.url}  ← ${l.from}`)
  }
  lines.push('')
  const s = report.stats
  lines.push(
    `请求 ${s.requests} 次，页面 ${s.pagesScanned} 个，链接 ${s.linksChecked} 个，用时 ${(s.elapsedMs / 1000).toFixed(1)} 秒${s.complete ? '' : '（未完成）'}`,
  )
  for (const n of s.notes) lines.push(`注：${n}`)
  const dismissedCount = report.pages.reduce((n, p) => n + countDismissed(p.findings), 0)
  if (dismissedCount) lines.push(`${HANDLING_LABELS[lang].dismissed} ${dismissedCount}（不计入结论 / left out of the verdict）`)
  if (diff) lines.push(diffLine(diff, lang))
  return lines.join('\n') + '\n'
}

export function scanJson(report: ScanReport, packs: RulePack[], diff?: FindingDiff): string {
  const out = {
    tool: { name: NAME, version: toolVersion() },
    asOf: report.asOf,
    rulePacks: packs.map((p) => ({ id: p.id, version: p.version })),
    pages: report.pages,
    site: report.site,
    scan: { startUrl: report.startUrl, ...report.stats },
    ...(diff && { diff }),
  }
  return JSON.stringify(out, null, 2) + '\n'
}

/** One scanned page as a page report (the CSV and the exports list scanned pages as they list audited ones). */
function scanPageReport(report: ScanReport, p: ScanReport['pages'][number]): PageReport {
  return {
    url: p.url,
    title: p.title,
    kind: p.kind,
    asOf: report.asOf,
    findings: p.findings,
    notes: [],
    ...(p.publisher && { publisher: p.publisher }),
    ...(p.column && { column: p.column }),
  }
}

/** The packs plus the site rules no pack defines (they ran from the built-in defaults): their rows get a title. */
function withSiteRuleTitles(packs: RulePack[]): RulePack[] {
  const fallback = missingSiteRules(packs)
  return fallback.length ? [...packs, { id: 'site-scan', version: '1', title: { zh: '站点巡检', en: 'Site scan' }, rules: fallback }] : packs
}

export function scanCsv(report: ScanReport, packs: RulePack[], lang: Lang = 'zh'): string {
  return reportsToCsv(report.pages.map((p) => scanPageReport(report, p)), withSiteRuleTitles(packs), { lang }) + '\r\n'
}

export async function runScanCommand(args: ScanCommandArgs, io: ScanIo, fetchImpl?: FetchLike): Promise<number> {
  const fail = (msg: string): void => io.stderr(forTerminal(`${NAME}: ${msg}`) + '\n')
  if (!/^https?:\/\//i.test(args.url) || !URL.canParse(args.url)) {
    fail(`--scan 需要 http(s) 网址 / --scan needs an http(s) address: ${args.url}`)
    return 2
  }
  const packs = args.packs ?? [nationalPack()]
  const lang = args.lang ?? 'zh'
  const storage = args.stateFile ? jsonFileStorage(args.stateFile) : memoryStorage()
  const options = {
    asOf: args.asOf,
    packs,
    lang,
    ...(args.maxPages !== undefined && { maxPages: args.maxPages }),
    ...(args.maxDepth !== undefined && { maxDepth: args.maxDepth }),
    ...(args.checkLinks !== undefined && { checkLinks: args.checkLinks }),
    ...(args.maxLinks !== undefined && { maxLinks: args.maxLinks }),
    ...(args.linkScope !== undefined && { linkScope: args.linkScope }),
    ...(args.concurrency !== undefined && { concurrency: args.concurrency }),
    ...(args.delayMs !== undefined && { delayMs: args.delayMs }),
    ...(args.timeoutMs !== undefined && { timeoutMs: args.timeoutMs }),
  }
  const saved = args.stateFile ? await loadScan(storage, args.url) : null
  // A state file that holds this scan but fails the checks (edited, another site's pages, a broken pack) is not
  // resumed; the auditor is told, since the scan starts over and overwrites it.
  if (args.stateFile && !saved && (await storage.load(scanKey(args.url)))) {
    io.stderr(`${NAME}: 状态文件未通过校验，不能续扫，将重新开始 / the state file failed its checks; starting the scan over\n`)
  }
  const resumable = saved && saved.phase !== 'done' && !saved.cancelled && saved.options.asOf === args.asOf
  const state = resumable ? saved : createScan(args.url, null, options)
  if (resumable) io.stderr(`${NAME}: 继续未完成的巡检（已请求 ${saved.requests} 次）/ resuming an unfinished scan\n`)

  const controller = new AbortController()
  const onSigint = (): void => {
    io.stderr(`\n${NAME}: 正在停止，进行中的请求完成后保存进度 / stopping after the requests in flight\n`)
    controller.abort()
  }
  process.once('SIGINT', onSigint)
  const progress = (p: ScanProgress): void => {
    if (args.progress === false || !p.current) return
    io.stderr(forTerminal(`[${p.done}/${p.total}] ${p.current.name || ''} ${p.current.url}`) + '\n')
  }
  try {
    await runScan(
      state,
      { fetch: fetchImpl ?? nodeFetch(), sleep: timerSleep, now: () => Date.now(), storage, readAttachment: readAttachmentText },
      progress,
      controller.signal,
    )
  } finally {
    process.removeListener('SIGINT', onSigint)
  }

  const report = withDismissals(scanReport(state), args.dismissals ?? [], args.dismissedAt ?? new Date().toISOString())
  const start = state.pages.find((p) => p.depth === 0)
  if (!start?.result || (start.result.httpStatus === null && start.result.error) || (start.result.httpStatus ?? 200) >= 400) {
    const why = start?.result?.report?.notes[0] ?? (start?.result?.httpStatus ? `HTTP ${start.result.httpStatus}` : '')
    fail(`${args.url}: 起始页面无法访问 / the start page could not be fetched ${why}`)
    return 2
  }

  // The site page (the first) and the start page share the start URL; the diff compares ids, so both simply count.
  const diff = args.baseline ? diffFindings(args.baseline, report.pages.map((p) => ({ url: pageKey(p.url, p.source), findings: p.findings }))) : undefined
  if (args.format === 'json') io.stdout(jsonForTerminal(scanJson(report, packs, diff)))
  else if (args.format === 'csv') io.stdout(scanCsv(report, packs, lang))
  else if (args.format === 'xlsx' || args.format === 'docx') {
    if (!args.out) {
      fail(`--format ${args.format} 须用 --out 指定输出文件 / --format ${args.format} writes a file: give it with --out FILE`)
      return 2
    }
    try {
      const written = await writeExport(args.format, scanExportData(report, packs), {
        site: hostOf(report.startUrl) ?? report.startUrl,
        asOf: report.asOf,
        auditor: args.auditor ?? '',
        bodyType: args.bodyType,
        deadlineWorkingDays: args.deadlineDays ?? DEFAULT_DEADLINE_WORKING_DAYS,
        generatedAt: new Date().toISOString(),
      }, args.out)
      io.stdout(forTerminal(writtenLine(args.format, args.out, written)))
    } catch (e) {
      if (!(e instanceof ExportWriteError)) throw e
      fail(e.message)
      return 2
    }
  } else {
    // The summary line states the limits the scan actually judged by: a local pack may have retuned them.
    const rule = siteRulesOf(packs).find((g) => g.kind === SITE_RULE_ID)?.rules[0]
    io.stdout(forTerminal(scanTable(report, lang, rule ? siteLimits(rule) : undefined, diff)))
  }
  if (!report.stats.complete) {
    fail(args.stateFile ? `巡检已中止，用同一 --state 文件再次运行可继续 / interrupted; run again with the same state file` : '巡检已中止 / interrupted')
    return 2
  }
  return report.pages.some((p) => p.findings.some(isOpenFail)) ? 1 : 0
}

/** The scan as the exports take it: the site-level page apart (the site answers for it), the columns for their sheet. */
export function scanExportData(report: ScanReport, packs: RulePack[]): ExportData {
  const site = report.pages.find((p) => p.source === 'site-scan')
  return {
    pages: report.pages.filter((p) => p !== site).map((p) => scanPageReport(report, p)),
    sitePage: site ? scanPageReport(report, site) : null,
    packs: withSiteRuleTitles(packs),
    columns: report.site.columns,
    counts: report.site.counts,
  }
}

/** The scan's findings (site-level and every page's) with the auditor's dismissals marked. */
function withDismissals(report: ScanReport, dismissals: Dismissal[], now: string): ScanReport {
  if (!dismissals.length) return report
  const mark = (findings: ScanReport['findings']) => applyDismissals(findings, dismissals, { now })
  return { ...report, findings: mark(report.findings), pages: report.pages.map((p) => ({ ...p, findings: mark(p.findings) })) }
}
