// Site scan in the service worker. The scanner keeps its queue in chrome.storage.local after every request; this file
// adds what the browser needs around it: one scan per site, progress the popup can read without waking anything,
// a cancel, and picking an interrupted scan up again whenever the worker starts (MV3 stops it when idle, and the
// browser may restart mid-scan).
import browser from 'webextension-polyfill'
import { todayInShanghai } from '../engine/dates.ts'
import { missingSiteRules, SITE_RULE_ID, siteLimits, vetoMembers } from '../engine/site/site-rule.ts'
import { VETO_HITS_RULE_ID } from '../engine/site/veto-hits.ts'
import type { SiteColumn, SiteCounts } from '../engine/site/types.ts'
import { normalizeUrl } from '../engine/site/urls.ts'
import type { Finding, Lang, RulePack } from '../engine/types.ts'
import { scanReport, type ScanReport } from '../scan/report.ts'
import { loadScan, runScan, isScanRunning, startOrResumeScan } from '../scan/scanner.ts'
import { timerSleep } from '../scan/storage.ts'
import { SCAN_PAGE_MAX_BYTES, type FetchLike, type ScanDeps, type ScanOptions, type ScanProgress, type ScanState, type ScanStorage } from '../scan/types.ts'
import type { ScanView, StartScanReply } from '../shared/messages.ts'
import type { ScanInline, ScanProgressView, SiteGroup, SiteGroupKey, SiteHitGroup, SiteSummary } from '../shared/scan.ts'
import { MAX_HTML_CHARS, SCAN_OPTIONS_KEY, scanProgressKey, scanReportKey } from '../shared/storage.ts'
import { classifyUrl, hostOf } from './view.ts'
import { readCapped } from '../shared/read-capped.ts'

/** Hosts whose scan is meant to be running; read on every worker start to resume them. */
const RUNNING_HOSTS_KEY = 'scanRunningHosts'
/**
 * While a scan runs, an alarm wakes a worker the browser stopped anyway (memory pressure, the 5-minute cap on one
 * event), so the scan goes on without waiting for the user to open the popup. 0.5 min is Chrome's minimum period.
 */
export const SCAN_ALARM = 'site-scan-watchdog'
/** A page bigger than this goes into storage with the scan state; beyond it the scanner fetches the page instead. */
const START_HTML_MAX_CHARS = Math.min(MAX_HTML_CHARS, 2 * 1024 * 1024)
const GOV_HOST = /(^|\.)gov\.cn$/i

const storage: ScanStorage = {
  load: async (k) => (await browser.storage.local.get(k))[k],
  save: (k, v) => browser.storage.local.set({ [k]: v }),
}

/** Abort handles of the scans this worker instance runs, by scan id. */
const controllers = new Map<string, { ctl: AbortController; done: Promise<ScanState | null> }>()

let queue: Promise<unknown> = Promise.resolve()
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task)
  queue = run.catch(() => undefined)
  return run
}

async function readProgress(host: string): Promise<ScanProgressView | null> {
  const key = scanProgressKey(host)
  return ((await browser.storage.local.get(key))[key] as ScanProgressView | undefined) ?? null
}

function writeProgress(p: ScanProgressView): Promise<void> {
  return browser.storage.local.set({ [scanProgressKey(p.host)]: { ...p, updatedAt: Date.now() } })
}

function markRunning(host: string, running: boolean): Promise<void> {
  return serialized(async () => {
    const got = (await browser.storage.local.get(RUNNING_HOSTS_KEY))[RUNNING_HOSTS_KEY]
    const hosts = new Set(Array.isArray(got) ? (got as string[]) : [])
    if (running) hosts.add(host)
    else hosts.delete(host)
    await browser.storage.local.set({ [RUNNING_HOSTS_KEY]: [...hosts] })
    if (hosts.size) await browser.alarms.create(SCAN_ALARM, { periodInMinutes: 0.5 })
    else await browser.alarms.clear(SCAN_ALARM)
  })
}

/**
 * The scan's fetch sends no cookies: a scan reads what the public reads and can never act in the auditor's session
 * (a site's own editor scanning while logged in must not be logged out, or worse). A column behind a login shows as
 * "需要登录". The scanner decodes the bytes (charset.ts) itself.
 */
const workerFetch: FetchLike = async (url, init) => {
  const res = await fetch(url, { method: init.method, signal: init.signal, redirect: 'follow', credentials: 'omit' })
  const body = init.method === 'HEAD' ? { bytes: new Uint8Array(), truncated: false } : await readCapped(res, init.maxBytes ?? SCAN_PAGE_MAX_BYTES)
  return { status: res.status, headers: res.headers, bytes: body.bytes, truncated: body.truncated, url: res.url || url }
}

function deps(): ScanDeps {
  return { fetch: workerFetch, sleep: timerSleep, now: () => Date.now(), storage }
}

/**
 * Built-in site rules the packs leave undefined, as a pack, so exports and the report page can title their rows;
 * null when the packs define them all (the national pack does).
 */
export function sitePack(packs: RulePack[] = []): RulePack | null {
  const rules = missingSiteRules(packs)
  return rules.length ? { id: 'site-scan', version: '1', title: { zh: '全站巡检', en: 'Site scan' }, rules } : null
}

async function scanOptions(packs: RulePack[], lang: Lang, settingsAsOf?: string): Promise<Partial<ScanOptions> & { asOf: string }> {
  const raw = (await browser.storage.local.get(SCAN_OPTIONS_KEY))[SCAN_OPTIONS_KEY]
  const given = raw && typeof raw === 'object' ? (raw as Partial<ScanOptions>) : {}
  // The options page's as-of date; the scanOptions key (tests) still overrides it.
  const asOf = typeof given.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(given.asOf) ? given.asOf : (settingsAsOf ?? todayInShanghai())
  // Packs come from the worker, never from storage: the options key can tune politeness, not rewrite the rules.
  return { ...given, asOf, packs, lang }
}

export function inlineOf(host: string, report: ScanReport): ScanInline {
  return {
    host,
    startUrl: report.startUrl,
    asOf: report.asOf,
    columns: report.site.columns,
    summary: siteSummary(report.site.columns, report.findings, report.site.counts),
  }
}

async function sendInline(tabId: number | null, host: string, report: ScanReport): Promise<void> {
  if (tabId === null) return
  try {
    const tab = await browser.tabs.get(tabId)
    // The user may have moved on: badges belong on the page the scan started from only.
    if (normalizeUrl(tab.url ?? '') !== report.startUrl) return
    await browser.tabs.sendMessage(tabId, { type: 'scanResults', scan: inlineOf(host, report) }, { frameId: 0 })
  } catch {
    // tab closed, or no content script there: the badges appear when the page is audited again
  }
}

/** Runs the scan to its end in this worker; resolves null when another runner in this worker already has it. */
function runHere(state: ScanState, progress: ScanProgressView): Promise<ScanState | null> {
  const existing = controllers.get(state.id)
  if (existing) return existing.done
  const ctl = new AbortController()
  const host = progress.host
  let last = progress
  const onProgress = (p: ScanProgress): void => {
    // After a cancel the user's "cancelled" must stay on screen, whatever the last requests report.
    if (ctl.signal.aborted) return
    last = { ...last, state: 'running', phase: p.phase, done: p.done, total: p.total, current: p.current, requests: p.requests }
    void writeProgress(last).catch(() => undefined)
  }
  const done = (async (): Promise<ScanState | null> => {
    await markRunning(host, true)
    await writeProgress({ ...last, state: 'running' })
    try {
      const final = await runScan(state, deps(), onProgress, ctl.signal)
      if (ctl.signal.aborted) return final // cancelScan finishes the bookkeeping
      if (final.phase !== 'done') return final // stopped from outside (cancelled flag in storage)
      const report = scanReport(final)
      await browser.storage.local.set({ [scanReportKey(host)]: report })
      // The report holds everything the auditor reads; the queue (anchors, per-item state) is only for resuming.
      await browser.storage.local.remove(final.id)
      await writeProgress({ ...last, state: 'done', phase: 'done', done: last.total, requests: final.requests })
      await markRunning(host, false)
      await sendInline(progress.tabId, host, report)
      return final
    } catch (error) {
      await writeProgress({ ...last, state: 'error', error: error instanceof Error ? error.message : String(error) })
      await markRunning(host, false)
      return null
    } finally {
      controllers.delete(state.id)
    }
  })()
  controllers.set(state.id, { ctl, done })
  return done
}

export async function startScan(tabId: number, packs: RulePack[], lang: Lang, asOf?: string): Promise<StartScanReply> {
  let url: string | undefined
  try {
    url = (await browser.tabs.get(tabId)).url
  } catch {
    return { ok: false, reason: 'no-tab' }
  }
  const startUrl = normalizeUrl(url ?? '')
  const host = hostOf(startUrl)
  if (!startUrl || !host || classifyUrl(url)) return { ok: false, reason: 'restricted' }
  const origin = new URL(startUrl).origin
  if (!GOV_HOST.test(new URL(startUrl).hostname)) {
    // The popup asked for the permission in its click; a refusal there must not turn into a scan that fails page by page.
    const granted = await browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false)
    if (!granted) return { ok: false, reason: 'no-permission', host }
  }

  // One scan per site: a second click, or a second tab anywhere on the same site, gets the running one.
  const current = await readProgress(host)
  if (current?.state === 'running') {
    const saved = await loadScan(storage, current.startUrl)
    if (saved && saved.phase !== 'done' && !saved.cancelled) {
      if (!isScanRunning(saved.id)) void runHere(saved, current)
      return { ok: true, already: true, host, progress: current }
    }
  }

  let startHtml: string | null = null
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'serialize' }, { frameId: 0 })) as { html?: string } | undefined
    if (typeof reply?.html === 'string' && reply.html.length <= START_HTML_MAX_CHARS) startHtml = reply.html
  } catch {
    // no content script on the page: the scanner fetches the start page like any other
  }
  try {
    const state = await startOrResumeScan(storage, startUrl, startHtml, await scanOptions(packs, lang, asOf))
    await storage.save(state.id, state)
    const now = Date.now()
    const progress: ScanProgressView = {
      host,
      scanId: state.id,
      startUrl: state.startUrl,
      tabId,
      state: 'running',
      phase: state.phase,
      done: 0,
      total: state.pages.length,
      current: null,
      requests: state.requests,
      startedAt: now,
      updatedAt: now,
    }
    await writeProgress(progress)
    void runHere(state, progress)
    return { ok: true, host, progress }
  } catch (error) {
    return { ok: false, reason: 'error', host, error: error instanceof Error ? error.message : String(error) }
  }
}

export async function cancelScan(host: string): Promise<ScanProgressView | null> {
  const progress = await readProgress(host)
  if (!progress || progress.state !== 'running') return progress
  const live = controllers.get(progress.scanId)
  // Marked first, so a worker restarting in between never resumes what the user cancelled.
  const cancelled: ScanProgressView = { ...progress, state: 'cancelled' }
  await writeProgress(cancelled)
  let state: ScanState | null = null
  if (live) {
    live.ctl.abort()
    // The runner saves what its in-flight requests brought back before it stops; the partial report keeps it.
    state = await live.done
  } else {
    state = await loadScan(storage, progress.startUrl)
  }
  if (state) {
    const report = scanReport(state)
    await browser.storage.local.set({ [scanReportKey(host)]: report })
    await browser.storage.local.remove(state.id)
    await writeProgress({ ...cancelled, requests: state.requests })
  }
  await markRunning(host, false)
  return readProgress(host)
}

export async function getScan(host: string | null, packs: RulePack[]): Promise<ScanView> {
  const fallback = sitePack(packs)
  const allPacks = fallback ? [...packs, fallback] : packs
  if (!host) return { host: null, progress: null, report: null, summary: null, packs: allPacks }
  const progress = await readProgress(host)
  let report: ScanReport | null = null
  if (progress?.state === 'running') {
    const state = await loadScan(storage, progress.startUrl)
    if (state) report = scanReport(state)
  }
  if (!report) {
    const key = scanReportKey(host)
    report = ((await browser.storage.local.get(key))[key] as ScanReport | undefined) ?? null
  }
  const summary = report ? siteSummary(report.site.columns, report.findings, report.site.counts) : null
  return { host, progress, report, summary, packs: allPacks }
}

/** The last scan that started from `url`, for the badges of a page that was reloaded after its scan. */
export async function inlineFor(url: string): Promise<ScanInline | null> {
  const host = hostOf(url)
  const normalized = normalizeUrl(url)
  if (!host || !normalized) return null
  const key = scanReportKey(host)
  const report = (await browser.storage.local.get(key))[key] as ScanReport | undefined
  return report && report.startUrl === normalized ? inlineOf(host, report) : null
}

export function saveImportedScan(host: string, report: ScanReport | null): Promise<void> {
  return report ? browser.storage.local.set({ [scanReportKey(host)]: report }) : Promise.resolve()
}

/** Every scan that should be running and has no runner in this worker: picked up where its storage left it. */
export async function resumeScans(): Promise<void> {
  const got = (await browser.storage.local.get(RUNNING_HOSTS_KEY))[RUNNING_HOSTS_KEY]
  const hosts = Array.isArray(got) ? (got as string[]) : []
  for (const host of hosts) {
    const progress = await readProgress(host)
    const state = progress?.state === 'running' ? await loadScan(storage, progress.startUrl) : null
    if (!progress || !state || state.phase === 'done' || state.cancelled) {
      await markRunning(host, false)
      continue
    }
    if (!isScanRunning(state.id)) void runHere(state, progress)
  }
  if (!hosts.length) await browser.alarms.clear(SCAN_ALARM).catch(() => undefined)
}

/**
 * The same members as siteFindings (vetoMembers). The status and limit come from the findings themselves, so a pack
 * that retunes a limit is honoured; the national pack's limits stand in only when the site rule is switched off.
 */
export function siteSummary(columns: readonly SiteColumn[], findings: readonly Finding[], counts: SiteCounts): SiteSummary {
  const site = findings.filter((f) => f.ruleId === SITE_RULE_ID)
  const members = vetoMembers(columns)
  const fallback = siteLimits()
  const keys: SiteGroupKey[] = ['staleNewsNotice', 'staleAll', 'blank']
  const groups = keys.map((key, i): SiteGroup => {
    const limit = fallback[key]
    const count = members[key].length
    const status = site.length === 3 ? site[i].status : count >= limit ? 'fail' : 'pass'
    return { key, status, count, limit: limitOf(site[i], limit), columns: members[key].map((c) => c.name) }
  })
  const hits = findings.filter((f) => f.ruleId === VETO_HITS_RULE_ID && f.status !== 'n/a').map(hitGroupOf)
  // The verdict words the column veto (可能触发单项否决：栏目不更新); each hit count carries its own status.
  const verdict = site.some((f) => f.status === 'fail') ? 'veto' : site.some((f) => f.status === 'review') ? 'review' : 'pass'
  return { verdict, counts, groups, hits }
}

/** A veto-hits-site finding as the summary shows it: the pack's title for the count, the count and its limit. */
function hitGroupOf(f: Finding): SiteHitGroup {
  const d = f.data ?? {}
  const num = (x: unknown): number => (typeof x === 'number' ? x : 0)
  return { key: String(d.key ?? f.id), title: { zh: String(d.titleZh ?? f.section), en: String(d.titleEn ?? f.section) }, status: f.status, count: num(d.count), limit: num(d.limit) }
}

/** The limit the finding was judged by, so a retuned pack shows its own line. */
function limitOf(f: Finding | undefined, fallback: number): number {
  const limit = f?.data?.limit
  return typeof limit === 'number' ? limit : fallback
}

