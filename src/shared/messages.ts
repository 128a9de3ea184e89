// The extension's message protocol, in one place so the content script, the service worker and the popup cannot drift.
import type { Finding, PageReport, RulePack } from '../engine/types.ts'
import type { ScanReport } from '../scan/report.ts'
import type { ScanInline, ScanProgressView, SiteSummary } from './scan.ts'
import type { Dismissal } from '../engine/cycle/dismissals.ts'
import type { CycleToWorker } from './cycle-messages.ts'

/** Why a tab shows no (complete) audit; the popup turns each into one plain sentence. */
export type ReasonCode =
  | 'restricted' // chrome://, the web store, other extensions: no script may run there
  | 'not-html' // PDF, image, plain text tab
  | 'too-large' // serialized DOM over MAX_HTML_CHARS
  | 'pending' // the content script is there but has not reported yet
  | 'no-report' // nothing ran on this tab yet (not a gov.cn page): the user can audit it on demand
  | 'no-access' // injecting the content script was refused (no activeTab grant, file:// …)
  | 'no-tab' // the tab is gone
  | 'error' // the engine threw; detail in `error`

/** Content script → service worker. The frame id comes from the sender, never from the page. */
export type ContentToWorker =
  | { type: 'audit'; html: string; url: string; childFrames: number; docStart: number }
  | { type: 'skip'; url: string; reason: 'too-large' | 'not-html'; childFrames: number; docStart: number; size?: number }

export interface AuditReply {
  report: PageReport | null
  markersVisible: boolean
  error?: string
  /** Top frame only: the last finished site scan that started from this very page, so a reload keeps its badges. */
  scan?: ScanInline | null
}

/** Service worker → content script (chrome.tabs.sendMessage). */
export type WorkerToContent =
  | { type: 'ping' }
  | { type: 'reaudit' }
  | { type: 'setMarkersVisible'; visible: boolean }
  | { type: 'scrollTo'; findingId: string }
  /** The top frame's DOM for the site scan's start page (our own host element cut out). */
  | { type: 'serialize' }
  | { type: 'scanResults'; scan: ScanInline }
  /** From the popup: draw badges for passing items too (off by default, so problems stand out). */
  | { type: 'setShowPasses'; show: boolean }

/** Popup → service worker. */
export type PopupToWorker =
  | { type: 'getTabReport'; tabId: number }
  | { type: 'reaudit'; tabId: number }
  | { type: 'toggleMarkers'; tabId: number; visible: boolean }
  | { type: 'scrollToFinding'; tabId: number; findingId: string }
  /** host null: the session that last received a page. */
  | { type: 'getSession'; host: string | null }
  | { type: 'newSession'; host: string | null; seedTabId?: number }
  | { type: 'auditActiveTab'; tabId: number }
  | { type: 'startScan'; tabId: number }
  | { type: 'cancelScan'; host: string }
  | { type: 'getScan'; host: string | null }
  /** A validated session file: its pages merge into the host's session, its scan becomes the host's last scan. */
  /** Options page: the hosts with a stored session or scan, and removing everything stored about one of them. */
  | { type: 'siteDataHosts' }
  | { type: 'clearSiteData'; host: string }
  | { type: 'importSession'; host: string; pages: PageReport[]; scan: ScanReport | null; dismissals?: Dismissal[] }
  | CycleToWorker

export type FrameStatus = 'ok' | 'too-large' | 'not-html' | 'error'

export interface FrameState {
  frameId: number
  url: string
  status: FrameStatus
  report: PageReport | null
  /** http(s) child frames this frame contains: how the worker notices frames whose script never reported. */
  childFrames: number
  /** When the frame's document started loading (performance.timeOrigin, epoch ms): tells a reload from a re-audit. */
  docStart: number
  error?: string
  size?: number
  /** Engine time in the worker, ms. */
  auditMs?: number
  at: number
}

export interface TabView {
  tabId: number
  url: string | null
  host: string | null
  title: string
  reason: ReasonCode | null
  error?: string
  /** Frames the audit expected but never heard from (cross-origin frames without access, too-large child frames). */
  missingFrames: number
  /** One report per audited frame, top frame first. */
  reports: PageReport[]
  findings: Finding[]
  markersVisible: boolean
  packs: RulePack[]
  asOf: string | null
}

export interface SessionView {
  /** null when no session exists at all yet. */
  host: string | null
  startedAt: string
  reports: PageReport[]
  /** Pages audited in this session whose reports could not be stored (the storage write failed): not in exports. */
  unsaved?: string[]
}

export interface OkReply {
  ok: boolean
  reason?: ReasonCode
  found?: boolean
  /** Why the request was refused, for the user (bilingual, no page text). */
  error?: string
}

export type ScanRefusal = 'no-tab' | 'restricted' | 'no-permission' | 'error'

export interface StartScanReply {
  ok: boolean
  reason?: ScanRefusal
  error?: string
  host?: string
  /** The scan of this site was already running (another tab, a second click): this is its progress. */
  already?: boolean
  progress?: ScanProgressView
}

export interface ScanView {
  host: string | null
  progress: ScanProgressView | null
  /** The finished (or imported) scan; while a scan runs, what it has found so far. */
  report: ScanReport | null
  summary: SiteSummary | null
  packs: RulePack[]
}
