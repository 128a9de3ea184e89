// What the extension keeps about a site, found from the storage keys alone, and which of it the retention limit
// expires. Pure (no browser API) so the planning is unit-tested; src/background/site-data.ts applies the plans.
import { sessionPageKey, type SessionMeta } from './storage.ts'

const DAY_MS = 86_400_000

/**
 * Whether a storage key is one of `host`'s: `<prefix>:<host>` or `<prefix>:<host>:<more>` — session metas and pages,
 * scan progress and reports, panel positions, and any later per-site key built the same way (dismissals). The part
 * after the host must not start with a digit, so clearing `a.gov.cn` never touches `a.gov.cn:8080`.
 */
export function keyBelongsTo(key: string, host: string): boolean {
  const colon = key.indexOf(':')
  if (colon <= 0) return false
  const rest = key.slice(colon + 1)
  if (rest === host) return true
  return rest.startsWith(host + ':') && !/^\d/.test(rest.slice(host.length + 1))
}

/** Whether a storage.local value is a session meta (a host's current session). */
export function isSessionMeta(value: unknown): value is SessionMeta {
  const o = value as SessionMeta | null
  return !!o && typeof o === 'object' && typeof o.host === 'string' && Array.isArray(o.urls) && typeof o.startedAt === 'string'
}

/** Keys that can hold a session meta: `session:<host>` with no page part. */
export function isSessionMetaKey(key: string): boolean {
  return key.startsWith('session:') && !key.includes(':page:') && key !== 'session:'
}

export function isScanProgressKey(key: string): boolean {
  return key.startsWith('scanProgress:')
}

export interface RetentionPlan {
  /** storage.local keys to remove. */
  remove: string[]
  /** Session metas that keep some pages: written back without the expired ones. */
  rewrite: Record<string, SessionMeta>
  /** Pages expired (for the log line and the tests). */
  pages: number
}

function time(iso: string | undefined): number {
  const t = iso ? Date.parse(iso) : NaN
  return Number.isFinite(t) ? t : 0
}

/**
 * The pages, sessions and finished site scans last touched more than `days` days before `now`. `items` holds the
 * session metas (`session:<host>`) and scan progress records (`scanProgress:<host>`) by key; days 0 = keep all.
 * A running scan is never expired: its report is still being written.
 */
export function planRetention(items: Record<string, unknown>, now: number, days: number): RetentionPlan {
  const plan: RetentionPlan = { remove: [], rewrite: {}, pages: 0 }
  if (!(days > 0)) return plan
  const cutoff = now - days * DAY_MS
  for (const [key, value] of Object.entries(items)) {
    if (isSessionMetaKey(key) && isSessionMeta(value)) {
      const host = value.host
      const started = time(value.startedAt)
      const keep = value.urls.filter((url) => time(value.seenAt?.[url] ?? value.startedAt) >= cutoff)
      const expired = value.urls.filter((url) => !keep.includes(url))
      if (!expired.length) continue
      plan.pages += expired.length
      plan.remove.push(...expired.map((url) => sessionPageKey(host, url)))
      if (!keep.length && started < cutoff) {
        plan.remove.push(key)
      } else {
        const seenAt = Object.fromEntries(keep.flatMap((url) => (value.seenAt?.[url] ? [[url, value.seenAt[url]]] : [])))
        plan.rewrite[key] = { ...value, urls: keep, seenAt }
      }
    } else if (isScanProgressKey(key) && value && typeof value === 'object') {
      const p = value as { host?: unknown; state?: unknown; updatedAt?: unknown }
      if (p.state === 'running' || typeof p.host !== 'string') continue
      const at = typeof p.updatedAt === 'number' ? p.updatedAt : 0
      if (at < cutoff) plan.remove.push(key, `scanReport:${p.host}`)
    }
  }
  return plan
}

/** What clearing one site removed, by kind, for the sentence the options page shows. */
export interface ClearedSite {
  host: string
  sessions: number
  pages: number
  scans: number
  tabs: number
  other: number
}

/** Sorts the keys of one host into what they hold. */
export function describeKeys(host: string, keys: string[]): Omit<ClearedSite, 'tabs'> {
  const out = { host, sessions: 0, pages: 0, scans: 0, other: 0 }
  for (const key of keys) {
    if (key === `session:${host}`) out.sessions++
    else if (key.startsWith(`session:${host}:page:`)) out.pages++
    else if (key === `scanReport:${host}` || /^scan:[0-9a-f]+$/.test(key)) out.scans++
    else if (key === `scanProgress:${host}`) continue
    else out.other++
  }
  return out
}
