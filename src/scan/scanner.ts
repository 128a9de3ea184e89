// The site scan as a persisted queue. Every URL is an item (queued → fetching → done); the state is saved after every
// finished request, so a runner started from the saved state carries on where the last one stopped and fetches
// nothing that already has a result. Pages are taken level by level (start page, its columns, their sub-columns)
// and each level is admitted in page order, so what gets scanned never depends on which response came back first.
import { auditModel } from '../engine/audit.ts'
import { decodeHtml } from '../engine/charset.ts'
import { fnv1a64 } from '../engine/finding.ts'
import { nationalPack } from '../engine/pack.ts'
import { buildPageModel } from '../engine/page-model.ts'
import { columnResult, failedColumn, isSoft404, looksLikeLoginPage } from '../engine/site/column-status.ts'
import type { FreshnessSettings } from '../engine/rule-kit/freshness.ts'
import { classifyLink, needsGetRetry, networkErrorKind } from '../engine/site/link-check.ts'
import { columnLinksOf, extractAnchors } from '../engine/site/links.ts'
import { scanFreshness } from '../engine/site/site-rule.ts'
import type { NetworkErrorKind, SiteLink } from '../engine/site/types.ts'
import { isNonHtmlUrl, looksLikeLoginUrl, normalizeUrl, sameSite } from '../engine/site/urls.ts'
import type { PageModel } from '../engine/types.ts'
import {
  DEFAULT_SCAN_OPTIONS,
  SCAN_CEILINGS,
  type FetchResponse,
  type LinkItem,
  type PageItem,
  type PageResult,
  type ScanDeps,
  type ScanOptions,
  type ScanProgress,
  type ScanState,
  type ScanStorage,
} from './types.ts'

export type ScanOptionsInput = Partial<ScanOptions> & Pick<ScanOptions, 'asOf'>

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.floor(n))) : lo
}

export function resolveOptions(input: ScanOptionsInput): ScanOptions {
  // An option passed as undefined (an unset form field) means "default", not NaN.
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as ScanOptionsInput
  const o = { ...DEFAULT_SCAN_OPTIONS, packs: [] as ScanOptions['packs'], ...given }
  return {
    ...o,
    packs: input.packs ?? [nationalPack()],
    concurrency: clamp(o.concurrency, 1, SCAN_CEILINGS.concurrency),
    delayMs: clamp(o.delayMs, SCAN_CEILINGS.minDelayMs, 60_000),
    timeoutMs: clamp(o.timeoutMs, 1, SCAN_CEILINGS.maxTimeoutMs),
    maxPages: clamp(o.maxPages, 1, SCAN_CEILINGS.maxPages),
    maxDepth: clamp(o.maxDepth, 0, SCAN_CEILINGS.maxDepth),
    maxLinks: clamp(o.maxLinks, 0, SCAN_CEILINGS.maxLinks),
    maxAnchorsPerPage: clamp(o.maxAnchorsPerPage, 0, 2000),
  }
}

/** One storage key per start page: a second "scan this site" finds the first one's state instead of starting over. */
export function scanKey(startUrl: string): string {
  return `scan:${fnv1a64(normalizeUrl(startUrl) ?? startUrl)}`
}

export function createScan(startUrl: string, startHtml: string | null | undefined, options: ScanOptionsInput): ScanState {
  const url = normalizeUrl(startUrl)
  if (!url) throw new TypeError(`不是可巡检的网址 / not an http(s) URL: ${startUrl}`)
  return {
    version: 1,
    id: scanKey(url),
    startUrl: url,
    options: resolveOptions(options),
    startHtml: startHtml ?? null,
    phase: 'pages',
    pages: [{ url, name: '', class: 'other', depth: 0, order: [], from: null, state: 'queued' }],
    links: [],
    requests: 0,
    createdAt: 0,
    updatedAt: 0,
    elapsedMs: 0,
    notes: [],
    cancelled: false,
    expandedDepth: -1,
  }
}

function isScanState(v: unknown): v is ScanState {
  const s = v as ScanState | null
  return !!s && typeof s === 'object' && s.version === 1 && typeof s.id === 'string' && Array.isArray(s.pages)
}

/** The saved state of the scan that started at `startUrl`, or null. */
export async function loadScan(storage: ScanStorage, startUrl: string): Promise<ScanState | null> {
  const saved = await storage.load(scanKey(startUrl))
  return isScanState(saved) ? saved : null
}

/** The unfinished scan of this start page if there is one, else a new one (not yet run). */
export async function startOrResumeScan(
  storage: ScanStorage,
  startUrl: string,
  startHtml: string | null | undefined,
  options: ScanOptionsInput,
): Promise<ScanState> {
  const saved = await loadScan(storage, startUrl)
  if (saved && saved.phase !== 'done' && !saved.cancelled) return saved
  return createScan(startUrl, startHtml, options)
}

/** Lexicographic order of sort keys. */
export function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i]
  return a.length - b.length
}

function header(resp: FetchResponse, name: string): string | null {
  const h = resp.headers as { get?: (n: string) => string | null } & Record<string, string>
  if (typeof h.get === 'function') return h.get(name)
  const key = Object.keys(h).find((k) => k.toLowerCase() === name)
  return key ? h[key] : null
}

const NON_HTML_TYPE = /^(image|audio|video)\/|^application\/(pdf|msword|octet-stream|zip|x-rar|vnd\.|ofd|x-zip)/i

/** Enough of a body to see a soft 404; a link check never needs a whole attachment. */
const LINK_GET_MAX_BYTES = 64 * 1024

class TimeoutSignal extends Error {
  constructor() {
    super('timeout')
    this.name = 'TimeoutError'
  }
}

type Requested = { resp: FetchResponse; error: null } | { resp: null; error: NetworkErrorKind }

/** Running scans of this process, by id: a second start of the same scan joins the first instead of racing it. */
const running = new Map<string, Promise<ScanState>>()

export function isScanRunning(id: string): boolean {
  return running.has(id)
}

/**
 * Runs (or resumes) a scan until it is done or `signal` aborts. On abort no new request starts; the ones in flight
 * finish and are saved, so nothing fetched is lost and nothing is fetched again by the next runner.
 */
export function runScan(
  state: ScanState,
  deps: ScanDeps,
  onProgress: (p: ScanProgress) => void = () => {},
  signal?: AbortSignal,
): Promise<ScanState> {
  const current = running.get(state.id)
  if (current) return current
  const run = new Runner(state, deps, onProgress, signal).run().finally(() => running.delete(state.id))
  running.set(state.id, run)
  return run
}

/** Marks a scan cancelled in storage (the popup's cancel when no runner is alive in this process). */
export async function cancelScan(storage: ScanStorage, state: ScanState): Promise<void> {
  state.cancelled = true
  await storage.save(state.id, state)
}

type Work = { kind: 'page'; item: PageItem } | { kind: 'link'; item: LinkItem }

class Runner {
  private readonly o: ScanOptions
  /** The site rule's windows: a column's verdict and the veto count must use the same limits. */
  private readonly freshness: FreshnessSettings
  private saving: Promise<void> = Promise.resolve()

  constructor(
    private readonly s: ScanState,
    private readonly deps: ScanDeps,
    private readonly onProgress: (p: ScanProgress) => void,
    private readonly signal?: AbortSignal,
  ) {
    this.o = s.options
    this.freshness = scanFreshness(s.options.packs)
  }

  async run(): Promise<ScanState> {
    const s = this.s
    const started = this.deps.now()
    if (!s.createdAt) s.createdAt = started
    // A request that was in flight when the last runner died left no result: it is the only thing asked again.
    for (const item of [...s.pages, ...s.links]) if (item.state === 'fetching' && !item.result) item.state = 'queued'
    const inflight = new Set<Promise<void>>()
    try {
      while (!this.stopped()) {
        this.advance()
        if (s.phase === 'done') break
        if (inflight.size >= this.o.concurrency) {
          await Promise.race(inflight)
          continue
        }
        const work = this.next()
        if (!work) {
          if (inflight.size === 0) break
          await Promise.race(inflight)
          continue
        }
        work.item.state = 'fetching'
        const request = this.requestsNetwork(work)
        const p: Promise<void> = this.process(work).finally(() => inflight.delete(p))
        inflight.add(p)
        if (request && this.o.delayMs > 0) await this.pause(this.o.delayMs)
      }
      await Promise.all(inflight)
    } finally {
      s.elapsedMs += Math.max(0, this.deps.now() - started)
      s.updatedAt = this.deps.now()
      await this.save()
    }
    return s
  }

  private stopped(): boolean {
    return !!this.signal?.aborted || this.s.cancelled
  }

  private async pause(ms: number): Promise<void> {
    if (this.signal?.aborted) return
    const ctl = new AbortController()
    const onAbort = (): void => ctl.abort()
    this.signal?.addEventListener('abort', onAbort, { once: true })
    try {
      await this.deps.sleep(ms, ctl.signal)
    } finally {
      this.signal?.removeEventListener('abort', onAbort)
      ctl.abort()
    }
  }

  private save(): Promise<void> {
    // Snapshots go out in order, so an older snapshot never overwrites a newer one.
    const snapshot = JSON.parse(JSON.stringify(this.s)) as ScanState
    this.saving = this.saving.then(() => this.deps.storage.save(this.s.id, snapshot)).catch(() => {})
    return this.saving
  }

  private progress(current: { url: string; name: string } | null): void {
    const s = this.s
    const counted = s.pages.filter((p) => p.state !== 'candidate' && p.state !== 'skipped')
    const done = counted.filter((p) => p.state === 'done').length + s.links.filter((l) => l.state === 'done').length
    try {
      this.onProgress({ phase: s.phase, done, total: counted.length + s.links.length, current, requests: s.requests })
    } catch {
      // A broken progress listener (a closed popup) must not stop the scan.
    }
  }

  // ---- scheduling -------------------------------------------------------------------------------------------

  private advance(): void {
    const s = this.s
    if (s.phase === 'pages' && !s.pages.some((p) => p.state === 'queued' || p.state === 'fetching')) {
      for (;;) {
        const depth = s.expandedDepth + 1
        if (depth >= this.o.maxDepth || !s.pages.some((p) => p.depth === depth && p.state === 'done')) {
          this.toLinks()
          break
        }
        const admitted = this.expand(depth)
        s.expandedDepth = depth
        if (admitted > 0) break
      }
    }
    if (s.phase === 'links' && !s.links.some((l) => l.state === 'queued' || l.state === 'fetching')) s.phase = 'done'
  }

  /** Admits the column links found on the pages of `depth` as the next level, in page order, up to maxPages. */
  private expand(depth: number): number {
    const s = this.s
    const known = new Set(s.pages.map((p) => p.url))
    const parents = s.pages.filter((p) => p.depth === depth && p.state === 'done').sort((a, b) => compareOrder(a.order, b.order))
    let budget = this.o.maxPages - s.pages.filter((p) => p.state !== 'skipped').length
    let admitted = 0
    let skipped = 0
    for (const parent of parents) {
      parent.result?.links.forEach((link, i) => {
        if (known.has(link.url)) return
        known.add(link.url)
        const item: PageItem = {
          url: link.url,
          name: link.name,
          class: link.class,
          depth: depth + 1,
          order: [...parent.order, i],
          from: parent.url,
          state: budget > 0 ? 'queued' : 'skipped',
        }
        if (link.level !== undefined) item.level = link.level
        if (budget > 0) {
          budget--
          admitted++
        } else skipped++
        s.pages.push(item)
      })
    }
    if (skipped) s.notes.push(`已达页面上限 ${this.o.maxPages}，第 ${depth + 1} 层另有 ${skipped} 个栏目未巡检`)
    return admitted
  }

  private toLinks(): void {
    const s = this.s
    s.phase = 'links'
    if (!this.o.checkLinks || s.links.length) return
    const pages = s.pages.filter((p) => p.state === 'done').sort((a, b) => compareOrder(a.order, b.order))
    const byUrl = new Map(pages.map((p) => [p.url, p]))
    const seen = new Set<string>()
    let over = 0
    for (const page of pages) {
      for (const anchor of page.result?.anchors ?? []) {
        if (seen.has(anchor.url) || anchor.url === s.startUrl) continue
        seen.add(anchor.url)
        if (this.o.linkScope === 'site' && !sameSite(anchor.url, s.startUrl)) continue
        if (s.links.length >= this.o.maxLinks) {
          over++
          continue
        }
        const item: LinkItem = { url: anchor.url, from: page.url, attachment: anchor.attachment, state: 'queued' }
        // A page the scan already fetched answers for its own link: asking again would fetch it twice.
        const fetched = byUrl.get(anchor.url)?.result
        if (fetched && (fetched.httpStatus !== null || fetched.error)) {
          item.state = 'done'
          item.result = this.linkFromPage(item, fetched)
        }
        s.links.push(item)
      }
    }
    if (over) s.notes.push(`已达链接检查上限 ${this.o.maxLinks}，另有 ${over} 个链接未检查`)
  }

  private linkFromPage(item: LinkItem, r: PageResult): SiteLink {
    const login = r.column?.status === 'login'
    const result = login ? 'unverifiable' : classifyLink({ httpStatus: r.httpStatus, error: r.error, soft404: r.soft404 })
    const link: SiteLink = { url: item.url, from: item.from, result, httpStatus: r.httpStatus }
    if (r.error) link.error = r.error
    if (item.attachment) link.attachment = true
    return link
  }

  private next(): Work | null {
    const s = this.s
    if (s.phase === 'pages') {
      let best: PageItem | null = null
      for (const p of s.pages) {
        if (p.state === 'queued' && (!best || p.depth < best.depth || (p.depth === best.depth && compareOrder(p.order, best.order) < 0))) best = p
      }
      return best ? { kind: 'page', item: best } : null
    }
    if (s.phase === 'links') {
      const l = s.links.find((x) => x.state === 'queued')
      return l ? { kind: 'link', item: l } : null
    }
    return null
  }

  private requestsNetwork(work: Work): boolean {
    if (work.kind === 'link') return true
    if (work.item.depth === 0 && this.s.startHtml !== null) return false
    return !isNonHtmlUrl(work.item.url)
  }

  // ---- work ---------------------------------------------------------------------------------------------------

  private async request(url: string, method: 'GET' | 'HEAD', maxBytes?: number): Promise<Requested> {
    const ctl = new AbortController()
    const timer = new AbortController()
    this.s.requests++
    const timeout = this.deps.sleep(this.o.timeoutMs, timer.signal).then(() => {
      if (timer.signal.aborted) return new Promise<never>(() => {})
      ctl.abort()
      throw new TimeoutSignal()
    })
    try {
      const resp = await Promise.race([this.deps.fetch(url, maxBytes ? { method, signal: ctl.signal, maxBytes } : { method, signal: ctl.signal }), timeout])
      return { resp, error: null }
    } catch (e) {
      return { resp: null, error: e instanceof TimeoutSignal ? 'timeout' : networkErrorKind(e) }
    } finally {
      timer.abort()
    }
  }

  private async process(work: Work): Promise<void> {
    try {
      if (work.kind === 'page') work.item.result = await this.fetchPage(work.item)
      else work.item.result = await this.checkLink(work.item)
    } catch (e) {
      // A bug on one page must cost that page, not the scan (and not leave the item "fetching" forever).
      const detail = `巡检出错：${(e as Error).message}`
      if (work.kind === 'page') {
        const r = this.emptyResult()
        if (work.item.depth > 0) r.column = failedColumn(work.item, 'error', null, detail)
        else r.report = { title: '', kind: 'other', findings: [], notes: [detail] }
        work.item.result = r
      } else {
        work.item.result = { url: work.item.url, from: work.item.from, result: 'unverifiable', httpStatus: null, error: 'network' }
      }
    }
    work.item.state = 'done'
    this.s.updatedAt = this.deps.now()
    await this.save()
    this.progress({ url: work.item.url, name: work.kind === 'page' ? work.item.name : '' })
  }

  private async checkLink(item: LinkItem): Promise<SiteLink> {
    let probe = await this.request(item.url, 'HEAD')
    let soft404 = false
    const headStatus = probe.resp?.status ?? null
    if (needsGetRetry(headStatus) || headStatus === 501) {
      if (this.o.delayMs > 0) await this.pause(this.o.delayMs)
      probe = await this.request(item.url, 'GET', LINK_GET_MAX_BYTES)
      const r = probe.resp
      if (r && r.status === 200 && !isNonHtmlUrl(item.url) && !NON_HTML_TYPE.test(header(r, 'content-type') ?? '')) {
        try {
          soft404 = isSoft404(decodeHtml(r.bytes, { contentType: header(r, 'content-type') }).html, r.status)
        } catch {
          soft404 = false
        }
      }
    }
    const httpStatus = probe.resp?.status ?? null
    const link: SiteLink = {
      url: item.url,
      from: item.from,
      result: classifyLink({ httpStatus, error: probe.error, soft404 }),
      httpStatus,
    }
    if (probe.error) link.error = probe.error
    if (item.attachment) link.attachment = true
    return link
  }

  private emptyResult(): PageResult {
    return {
      httpStatus: null,
      finalUrl: null,
      contentType: null,
      charset: null,
      error: null,
      column: null,
      report: null,
      links: [],
      anchors: [],
      blockColumns: [],
      soft404: false,
    }
  }

  private async fetchPage(item: PageItem): Promise<PageResult> {
    const s = this.s
    const out = this.emptyResult()
    const isStart = item.depth === 0
    const fail = (status: Parameters<typeof failedColumn>[1], detail: string): PageResult => {
      if (!isStart) out.column = failedColumn(item, status, out.httpStatus, detail)
      else out.report = { title: '', kind: 'other', findings: [], notes: [detail] }
      return out
    }
    if (!isStart && isNonHtmlUrl(item.url)) return fail('not-html', '栏目链接指向附件或图片，不是网页列表')

    let html: string
    if (isStart && s.startHtml !== null) {
      html = s.startHtml
      out.finalUrl = s.startUrl
      // The DOM is only needed once; keeping it would bloat every save.
      s.startHtml = null
    } else {
      const got = await this.request(item.url, 'GET')
      if (!got.resp) {
        out.error = got.error
        const why = { timeout: '请求超时', dns: '域名无法解析', refused: '连接被拒绝', network: '网络错误' }[got.error]
        return fail('unreachable', `${why}（${got.error}）`)
      }
      const resp = got.resp
      out.httpStatus = resp.status
      out.finalUrl = normalizeUrl(resp.url) ?? item.url
      out.contentType = header(resp, 'content-type')
      if (resp.status >= 400) return fail('unreachable', `HTTP ${resp.status}`)
      if (out.finalUrl !== item.url && looksLikeLoginUrl(out.finalUrl)) {
        return fail('login', `跳转到登录页面：${out.finalUrl}`)
      }
      if (NON_HTML_TYPE.test(out.contentType ?? '')) return fail('not-html', `栏目页面不是网页（${out.contentType}）`)
      if (resp.bytes.length === 0) return fail('error', '页面内容为空')
      try {
        const decoded = decodeHtml(resp.bytes, { contentType: out.contentType })
        html = decoded.html
        out.charset = decoded.charset
      } catch (e) {
        if ((e as Error).name === 'InputError') return fail('not-html', (e as Error).message)
        return fail('error', `解码失败：${(e as Error).message}`)
      }
      if (looksLikeLoginPage(html)) return fail('login', '页面要求登录')
      if (isSoft404(html, resp.status)) {
        out.soft404 = true
        return fail('soft404', '页面返回 200，但内容为“页面不存在”')
      }
    }

    const pageUrl = out.finalUrl ?? item.url
    let model: PageModel
    try {
      model = buildPageModel(html, { url: pageUrl, asOf: this.o.asOf })
      const report = auditModel(model, { url: pageUrl, packs: this.o.packs, asOf: this.o.asOf, lang: this.o.lang })
      out.report = { title: report.title, kind: report.kind, findings: report.findings, notes: report.notes }
    } catch (e) {
      return fail('error', `页面解析出错：${(e as Error).message}`)
    }
    if (isStart) {
      item.name = model.columnName || model.title
    } else {
      out.column = columnResult(model, {
        name: item.name,
        url: item.url,
        asOf: this.o.asOf,
        class: item.class,
        level: item.level,
        httpStatus: out.httpStatus,
        freshness: this.freshness,
      })
    }
    if (item.depth < this.o.maxDepth) out.links = columnLinksOf(model, { pageUrl })
    if (this.o.checkLinks) out.anchors = extractAnchors(html, pageUrl, this.o.maxAnchorsPerPage)
    if (isStart) out.blockColumns = this.blockColumns(model, out, pageUrl)
    return out
  }

  /** Portal blocks the scan will not visit (no list link of their own): judged on the dates the start page shows. */
  private blockColumns(model: PageModel, out: PageResult, pageUrl: string): PageResult['blockColumns'] {
    const linked = new Set(out.links.map((l) => l.url))
    return model.columns
      .filter((c) => {
        const href = normalizeUrl(c.href, pageUrl)
        return !href || !linked.has(href)
      })
      .map((c) =>
        columnResult(
          { ...model, kind: 'list', columns: [c], visibleDate: null },
          { name: c.name, url: normalizeUrl(c.href, pageUrl), asOf: this.o.asOf, class: c.freshnessClass, level: c.level, freshness: this.freshness },
        ),
      )
  }
}
