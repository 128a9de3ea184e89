// Popup and report page → service worker messages of the audit cycle: dismissals and session history. They travel
// through the same listener as every popup message (sender checked in background/index.ts).
import type { PageReport } from '../engine/types.ts'
import type { HistoryEntry } from './history.ts'

export type CycleToWorker =
  | { type: 'dismissFinding'; host: string; findingId: string; reason: string }
  | { type: 'restoreFinding'; host: string; findingId: string }
  | { type: 'getHistory'; host: string }
  /** An archived session with today's dismissals in effect, so it compares with the current one on equal terms. */
  | { type: 'getArchivedSession'; host: string; sessionId: string }

export interface HistoryView {
  host: string
  /** Newest first. */
  entries: HistoryEntry[]
  /** How many sessions a site keeps; older ones are dropped. */
  max: number
}

export interface ArchivedSessionView {
  host: string
  entry: HistoryEntry
  reports: PageReport[]
}

export interface CycleOkReply {
  ok: boolean
  /** Why the request was refused (bilingual, no page text). */
  error?: string
}
