// Storage layout. Per-tab state is short-lived (storage.session, cleared with the browser); the audit session must
// survive worker restarts and browser restarts, so it lives in storage.local, one key per page so a re-audit of one
// page rewrites only that page.

/** storage.session: TabState of one tab. */
export const tabKey = (tabId: number): string => `tab:${tabId}`

/** storage.local: SessionMeta of the current audit session of a host. */
export const sessionMetaKey = (host: string): string => `session:${host}`

/** storage.local: the PageReport of one page of a host's session (url without fragment). */
export const sessionPageKey = (host: string, url: string): string => `session:${host}:page:${url}`

/** storage.local: host of the session that last received a page, for tabs that belong to no site (about:blank). */
export const LAST_SESSION_KEY = 'session-last-host'

export interface SessionMeta {
  host: string
  startedAt: string
  /** Page urls in the order they were first audited. */
  urls: string[]
  /** When each page was last audited (ISO time), for the retention limit; a page without one counts from startedAt. */
  seenAt?: Record<string, string>
}

/** storage.local: ScanProgressView of the host's latest site scan. */
export const scanProgressKey = (host: string): string => `scanProgress:${host}`

/** storage.local: the ScanReport of the host's last finished (or imported) site scan. */
export const scanReportKey = (host: string): string => `scanReport:${host}`

/** storage.local: optional Partial<ScanOptions> overriding the defaults (slower politeness, tests' fixed as-of date). */
export const SCAN_OPTIONS_KEY = 'scanOptions'

/** 8 Mi UTF-16 code units of serialized DOM: beyond that the audit would stall the worker for seconds. */
export const MAX_HTML_CHARS = 8 * 1024 * 1024

export const ROOT_ID = 'disclosure-auditor-root'

/** storage.local: Dismissal[] of a host, by finding id; validated on every read (see shared/dismissal-list.ts). */
export const dismissalsKey = (host: string): string => `dismissals:${host}`

/** storage.local: HistoryEntry[] of a host's archived sessions, newest first (see shared/history.ts). */
export const historyKey = (host: string): string => `history:${host}`

/** storage.local: one archived session of a host ({ startedAt, archivedAt, reports }). */
export const historySessionKey = (host: string, id: string): string => `history:${host}:session:${id}`
