// One request of the scan, raced against its timeout; network failures come back as a kind, never as a throw.
import { networkErrorKind } from '../engine/site/link-check.ts'
import type { NetworkErrorKind } from '../engine/site/types.ts'
import type { FetchResponse, ScanDeps } from './types.ts'

export function header(resp: FetchResponse, name: string): string | null {
  const h = resp.headers as { get?: (n: string) => string | null } & Record<string, string>
  if (typeof h.get === 'function') return h.get(name)
  const key = Object.keys(h).find((k) => k.toLowerCase() === name)
  return key ? h[key] : null
}

export const NON_HTML_TYPE = /^(image|audio|video)\/|^application\/(pdf|msword|octet-stream|zip|x-rar|vnd\.|ofd|x-zip)/i

/** Enough of a body to see a soft 404; a link check never needs a whole attachment. */
export const LINK_GET_MAX_BYTES = 64 * 1024

class TimeoutSignal extends Error {
  constructor() {
    super('timeout')
    this.name = 'TimeoutError'
  }
}

export type Requested = { resp: FetchResponse; error: null } | { resp: null; error: NetworkErrorKind }

/** The longest a server's Retry-After is honoured before the request is given up as unreachable. */
export const MAX_RETRY_AFTER_MS = 60_000

/** Retry-After in milliseconds (seconds or an HTTP date), within 1 s … MAX_RETRY_AFTER_MS; 5 s when absent. */
export function retryAfterMs(value: string | null, now: number): number {
  let ms = 5_000
  if (value && /^\d+$/.test(value.trim())) ms = Number(value.trim()) * 1000
  else if (value && !Number.isNaN(Date.parse(value))) ms = Date.parse(value) - now
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(1_000, ms))
}

/** The scan counts requests itself; this only makes one. */
export async function timedRequest(
deps: Pick<ScanDeps, 'fetch' | 'sleep'>,
timeoutMs: number,
url: string,
method: 'GET' | 'HEAD',
maxBytes?: number,
): Promise<Requested> {
  const ctl = new AbortController()
  const timer = new AbortController()
  const timeout = deps.sleep(timeoutMs, timer.signal).then(() => {
    if (timer.signal.aborted) return new Promise<never>(() => {})
    ctl.abort()
    throw new TimeoutSignal()
  })
  try {
    const resp = await Promise.race([deps.fetch(url, maxBytes ? { method, signal: ctl.signal, maxBytes } : { method, signal: ctl.signal }), timeout])
    return { resp, error: null }
  } catch (e) {
    return { resp: null, error: e instanceof TimeoutSignal ? 'timeout' : networkErrorKind(e) }
  } finally {
    timer.abort()
  }
}
