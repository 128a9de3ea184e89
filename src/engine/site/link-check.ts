// Link verdicts. "Broken" must mean the site is at fault (the page is gone, the server fails), so anything that
// may be our own vantage point — a firewall's 403, a timeout, a refused connection — is kept apart as unverifiable.
import type { LinkResult, NetworkErrorKind } from './types.ts'

export interface LinkProbe {
  /** HTTP status of the final answer, or null when there was none. */
  httpStatus: number | null
  /** Why there was no answer. */
  error?: NetworkErrorKind | null
  /** The answer was a 200 page whose content is an error page. */
  soft404?: boolean
}

/** Statuses that say "not allowed / slow down", not "not there". */
const UNVERIFIABLE_STATUS = new Set([401, 403, 407, 408, 429, 451])

export function classifyLink(probe: LinkProbe): LinkResult {
  if (probe.httpStatus === null) {
    return probe.error === 'dns' ? 'broken' : 'unverifiable'
  }
  const s = probe.httpStatus
  if (s >= 200 && s < 400) return probe.soft404 ? 'soft404' : 'ok'
  if (UNVERIFIABLE_STATUS.has(s)) return 'unverifiable'
  if (s === 404 || s === 410 || s >= 500) return 'broken'
  // Other 4xx (400, 405 after the GET retry …): the address as published does not give the document.
  if (s >= 400) return 'broken'
  return 'unverifiable'
}

/** HEAD is enough for most servers; these answers to HEAD say nothing about GET, so the scanner retries with GET. */
export function needsGetRetry(headStatus: number | null): boolean {
  return headStatus !== null && headStatus >= 400 && headStatus < 500
}

/**
 * Maps what a `fetch` rejection carries onto a kind. Node puts the libuv code on `cause.code`; browsers only say
 * "Failed to fetch", which stays `network` (unverifiable): a DNS failure cannot be told from a CORS-like refusal there.
 */
export function networkErrorKind(err: unknown): NetworkErrorKind {
  const e = err as { name?: string; code?: string; kind?: string; cause?: { code?: string; name?: string } } | null
  const kind = e?.kind
  if (kind === 'timeout' || kind === 'dns' || kind === 'refused' || kind === 'network') return kind
  const name = e?.name ?? ''
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout'
  const code = e?.code ?? e?.cause?.code ?? ''
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_NODATA') return 'dns'
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'refused'
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') return 'timeout'
  return 'network'
}

export const LINK_RESULT_LABEL: Record<LinkResult, string> = {
  broken: '链接失效',
  unverifiable: '无法核实',
  soft404: '软404（页面不存在）',
  ok: '正常',
}
