// Shapes of the site scan. ScanState is plain JSON on purpose: the service worker keeps it in chrome.storage.local and
// the CLI in memory or a JSON file, and a restarted runner picks it up from there.
import type { Anchor } from '../engine/site/links.ts'
import type { ColumnLink, NetworkErrorKind, SiteColumn, SiteLink } from '../engine/site/types.ts'
import type { FreshnessClass, IsoDate, Lang, PageKind, Finding, RulePack } from '../engine/types.ts'

export interface ScanOptions {
  /** Audit date (Asia/Shanghai); fixed when the scan is created so a resumed scan judges with the same date. */
  asOf: IsoDate
  packs: RulePack[]
  lang: Lang
  /** Requests in flight at once. */
  concurrency: number
  /** Pause between the starts of two requests, in ms. */
  delayMs: number
  /** A request that has not answered by then is abandoned and counted as a timeout. */
  timeoutMs: number
  /** Pages fetched at most, the start page included. */
  maxPages: number
  /** 0 = start page, 1 = its columns, 2 = their sub-columns. */
  maxDepth: number
  checkLinks: boolean
  /** Links checked at most (requests for the link check are bounded by twice this: HEAD, then GET on a 4xx). */
  maxLinks: number
  /** Check links to other hosts too ('all') or only the scanned site's own ('site'). */
  linkScope: 'site' | 'all'
  /** Anchors kept per page for the link check. */
  maxAnchorsPerPage: number
}

export const DEFAULT_SCAN_OPTIONS: Omit<ScanOptions, 'asOf' | 'packs'> = {
  lang: 'zh',
  concurrency: 2,
  delayMs: 500,
  timeoutMs: 15_000,
  maxPages: 50,
  maxDepth: 2,
  checkLinks: true,
  maxLinks: 300,
  linkScope: 'site',
  maxAnchorsPerPage: 200,
}

/** Hard ceilings: whatever a caller asks for, the scan stays polite and finite. */
/** No column page is worth more than this; a longer body is cut and the page is reported as not read in full. */
export const SCAN_PAGE_MAX_BYTES = 5 * 1024 * 1024

/** A scan is a guest on a government server: never more than 4 requests at once, never less than 100 ms apart. */
export const SCAN_CEILINGS = { concurrency: 4, minDelayMs: 100, maxTimeoutMs: 60_000, maxPages: 1000, maxDepth: 4, maxLinks: 5000 }

export type ItemState = 'candidate' | 'queued' | 'fetching' | 'done' | 'skipped'

/** What a fetched page left behind: enough for the report and for the next level of the scan, never the HTML. */
export interface PageResult {
  httpStatus: number | null
  finalUrl: string | null
  contentType: string | null
  charset: string | null
  error: NetworkErrorKind | null
  /** The column's verdict (null for the start page). */
  column: SiteColumn | null
  /** The page's own audit, for the report's pages list. */
  report: { title: string; kind: PageKind; findings: Finding[]; notes: string[]; publisher?: string; column?: string } | null
  /** Column links found on the page (candidates for the next level). */
  links: ColumnLink[]
  /** Links of the page for the link check. */
  anchors: Anchor[]
  /** Start page only: portal blocks without a link of their own, judged from the entries they show. */
  blockColumns: SiteColumn[]
  soft404: boolean
}

export interface PageItem {
  url: string
  name: string
  class: FreshnessClass
  level?: number
  depth: number
  /** Sort key: the parent's key plus the link's position on the parent page, so results never depend on timing. */
  order: number[]
  from: string | null
  state: ItemState
  result?: PageResult
}

export interface LinkItem {
  url: string
  from: string
  attachment: boolean
  state: ItemState
  result?: SiteLink
  /** An attachment's personal-data finding (CLI scans only), reported with the page that links it. */
  personalData?: Finding
}

export interface ScanState {
  version: 1
  id: string
  startUrl: string
  options: ScanOptions
  /** The DOM the auditor is looking at, used instead of fetching the start page; dropped once read. */
  startHtml: string | null
  phase: 'pages' | 'links' | 'done'
  /** The deepest level whose column links have been admitted (−1: none yet). */
  expandedDepth: number
  pages: PageItem[]
  links: LinkItem[]
  /** HTTP requests made so far, over every run. */
  requests: number
  createdAt: number
  updatedAt: number
  /** Wall time spent running, over every run (ms). */
  elapsedMs: number
  /** Why parts were left out: page cap, link cap. */
  notes: string[]
  cancelled: boolean
}

export interface FetchResponse {
  status: number
  headers: Record<string, string> | { get(name: string): string | null }
  bytes: Uint8Array
  /** The body went on past `maxBytes`: `bytes` is only its head, and the page must not be judged as complete. */
  truncated?: boolean
  /** Final address after redirects. */
  url: string
}

/**
 * `maxBytes` is a hint: the link check only needs the start of a body (status, soft-404 text), so an adapter may stop
 * reading there instead of downloading a whole attachment.
 */
export type FetchLike = (
  url: string,
  init: { method: 'GET' | 'HEAD'; signal: AbortSignal; maxBytes?: number },
) => Promise<FetchResponse>

export interface ScanStorage {
  load(key: string): Promise<unknown>
  save(key: string, value: unknown): Promise<void>
}

export interface ScanDeps {
  fetch: FetchLike
  /** Resolves after `ms`, or early when `signal` aborts (it must not keep a host alive after that). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  now(): number
  storage: ScanStorage
  /**
   * Reads an attachment's text. Only the CLI passes one (its office-file libraries load by dynamic import in Node);
   * the extension's scans read no attachments.
   */
  readAttachment?: AttachmentReader
}

export type AttachmentFormat = 'xlsx' | 'docx' | 'pdf'
export type AttachmentReader = (bytes: Uint8Array, format: AttachmentFormat) => Promise<string>

/** Attachments above this are not read (a review says so): a 低保 list is small, a 20 MB PDF is a scanned book. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024

export interface ScanProgress {
  phase: ScanState['phase']
  done: number
  total: number
  /** What was just finished. */
  current: { url: string; name: string } | null
  requests: number
}
