// A scan's persisted state: options resolved within their ceilings, one storage key per start page, and the new
// or resumed state a runner starts from.
import { fnv1a64 } from '../engine/finding.ts'
import { nationalPack, validatePack } from '../engine/pack.ts'
import { normalizeUrl } from '../engine/site/urls.ts'
import { DEFAULT_SCAN_OPTIONS, SCAN_CEILINGS, type ScanOptions, type ScanState, type ScanStorage } from './types.ts'

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

const HTTP = /^https?:\/\//i
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * A saved state is data from disk (or storage) like any other input: it resumes only when it is a scan of this start
 * page whose pages are on its origin, and its options pass the same checks as fresh ones (ceilings applied again,
 * packs validated). Anything else is not resumed.
 */
export function revalidateScan(saved: unknown, startUrl: string): ScanState | null {
  if (!isScanState(saved)) return null
  const start = normalizeUrl(startUrl)
  if (!start || saved.startUrl !== start || saved.id !== scanKey(start)) return null
  // The site is the start page's origin, or the one it redirected to (http → https).
  const final = saved.pages[0]?.result?.finalUrl
  const origins = new Set([new URL(start).origin, ...(typeof final === 'string' && URL.canParse(final) ? [new URL(final).origin] : [])])
  const onSite = (u: unknown): boolean => typeof u === 'string' && HTTP.test(u) && URL.canParse(u) && origins.has(new URL(u).origin)
  if (!saved.pages.every((p) => p && onSite(p.url))) return null
  if (!Array.isArray(saved.links) || !saved.links.every((l) => l && typeof l.url === 'string' && HTTP.test(l.url))) return null
  const o = saved.options as Partial<ScanOptions> | undefined
  if (!o || typeof o.asOf !== 'string' || !ISO_DAY.test(o.asOf)) return null
  try {
    const packs = (Array.isArray(o.packs) ? o.packs : []).map((p, i) => validatePack(p, `${saved.id}#packs.${i}`))
    saved.options = resolveOptions({ ...o, asOf: o.asOf, packs: packs.length ? packs : undefined })
  } catch {
    return null
  }
  return saved
}

/** The saved state of the scan that started at `startUrl`, or null. */
export async function loadScan(storage: ScanStorage, startUrl: string): Promise<ScanState | null> {
  const saved = await storage.load(scanKey(startUrl))
  return revalidateScan(saved, startUrl)
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
