// The site scan as a persisted queue. Every URL is an item (queued → fetching → done); the state is saved after every
// finished request, so a runner started from the saved state carries on where the last one stopped and fetches
// nothing that already has a result. Pages are taken level by level (start page, its columns, their sub-columns)
// and each level is admitted in page order, so what gets scanned never depends on which response came back first.
import { failedColumn } from '../engine/site/column-status.ts'
import type { FreshnessSettings } from '../engine/rule-kit/freshness.ts'
import { scanFreshness } from '../engine/site/site-rule.ts'
import { classifyLink } from '../engine/site/link-check.ts'
import type { SiteLink } from '../engine/site/types.ts'
import { isNonHtmlUrl, looksLikeActionLink, sameOrigin } from '../engine/site/urls.ts'
import { probeLink } from './link-probe.ts'
import { readAttachmentFinding } from './attachment.ts'
import { emptyResult, fetchPage, type PageContext } from './page-fetch.ts'
import { header, retryAfterMs, timedRequest, type Requested } from './request.ts'
import { compareOrder } from './state.ts'
import type { LinkItem, PageItem, PageResult, ScanDeps, ScanOptions, ScanProgress, ScanState, ScanStorage } from './types.ts'

export { compareOrder, createScan, loadScan, resolveOptions, scanKey, startOrResumeScan, type ScanOptionsInput } from './state.ts'

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
    let actions = 0
    for (const page of pages) {
      for (const anchor of page.result?.anchors ?? []) {
        if (seen.has(anchor.url) || anchor.url === s.startUrl) continue
        seen.add(anchor.url)
        if (this.o.linkScope === 'site' && !sameOrigin(anchor.url, s.startUrl)) continue
        // 退出 / 删除 / ?action=…: requesting them could act as the auditor, so they are never checked.
        if (looksLikeActionLink(anchor.url, anchor.text)) {
          actions++
          continue
        }
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
    if (actions) s.notes.push(`${actions} 个链接疑似操作（退出、删除、编辑等），未请求`)
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

  private readonly requester = (url: string, method: 'GET' | 'HEAD', maxBytes?: number): Promise<Requested> => this.request(url, method, maxBytes)

  private pageContext(): PageContext {
    return { state: this.s, options: this.o, freshness: this.freshness, request: this.requester }
  }

  /** The pause between requests to one site (none when the options set no delay). */
  private async politePause(): Promise<void> {
    if (this.o.delayMs > 0) await this.pause(this.o.delayMs)
  }

  /**
   * One request, and the server's "too many requests" honoured: on 429 (or 503 with Retry-After) the scan waits as
   * long as the server asks (at most a minute), slows down for the rest of the run, and tries twice more.
   */
  private async request(url: string, method: 'GET' | 'HEAD', maxBytes?: number): Promise<Requested> {
    for (let attempt = 0; ; attempt++) {
      this.s.requests++
      const got = await timedRequest(this.deps, this.o.timeoutMs, url, method, maxBytes)
      const status = got.resp?.status
      const retryAfter = got.resp ? header(got.resp, 'retry-after') : null
      if (attempt >= 2 || !(status === 429 || (status === 503 && retryAfter !== null))) return got
      this.o.delayMs = Math.min(60_000, Math.max(this.o.delayMs * 2, 1_000))
      await this.pause(retryAfterMs(retryAfter, this.deps.now()))
      if (this.signal?.aborted) return got
    }
  }

  private async process(work: Work): Promise<void> {
    try {
      if (work.kind === 'page') work.item.result = await fetchPage(work.item, this.pageContext())
      else {
        work.item.result = await probeLink(work.item, this.requester, () => this.politePause())
        const reader = this.deps.readAttachment
        if (reader && work.item.attachment && work.item.result.result === 'ok') {
          const finding = await readAttachmentFinding(work.item, this.s, reader, this.requester, () => this.politePause())
          if (finding) work.item.personalData = finding
        }
      }
    } catch (e) {
      // A bug on one page must cost that page, not the scan (and not leave the item "fetching" forever).
      const detail = `巡检出错：${(e as Error).message}`
      if (work.kind === 'page') {
        const r = emptyResult()
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
}
