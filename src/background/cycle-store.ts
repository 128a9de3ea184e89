// Where the audit cycle keeps its state in storage.local: each site's dismissals and its archived sessions. The
// storage area is a parameter so the same code runs on chrome.storage.local in the worker and on a map in the unit
// tests. None of these functions queues itself: writes are ordered by the caller (store.ts `serialized`), and a
// function called from inside a queued task must not queue again.
import { applyDismissals, type Dismissal } from '../engine/cycle/dismissals.ts'
import type { PageReport } from '../engine/types.ts'
import { mergeDismissals, parseDismissals, removeDismissal, upsertDismissal } from '../shared/dismissal-list.ts'
import {
  MAX_HISTORY,
  newHistoryId,
  parseArchived,
  parseHistory,
  pushHistory,
  tally,
  type ArchivedSession,
  type HistoryEntry,
} from '../shared/history.ts'
import { dismissalsKey, historyKey, historySessionKey } from '../shared/storage.ts'

export interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>
  set(items: Record<string, unknown>): Promise<void>
  remove(keys: string | string[]): Promise<void>
}

// ---- dismissals ----------------------------------------------------------------------------------------------------

export async function readDismissals(area: StorageArea, host: string): Promise<Dismissal[]> {
  const key = dismissalsKey(host)
  const { list, dropped } = parseDismissals((await area.get(key))[key])
  if (dropped) console.warn(`disclosure-auditor: ${dropped} invalid dismissal(s) of ${host} ignored`)
  return list
}

export type CycleReply = { ok: true } | { ok: false; error: string }

export async function saveDismissal(area: StorageArea, host: string, d: Dismissal): Promise<CycleReply> {
  const next = upsertDismissal(await readDismissals(area, host), d)
  if (!next) return { ok: false, error: '忽略条目已达上限 / too many dismissals for this site' }
  await area.set({ [dismissalsKey(host)]: next })
  return { ok: true }
}

export async function dropDismissal(area: StorageArea, host: string, id: string): Promise<CycleReply> {
  await area.set({ [dismissalsKey(host)]: removeDismissal(await readDismissals(area, host), id) })
  return { ok: true }
}

/** Entries of an imported session file (validated again here: the worker trusts no message's payload shape). */
export async function importDismissals(area: StorageArea, host: string, incoming: unknown): Promise<number> {
  const { list } = parseDismissals(incoming)
  if (!list.length) return 0
  await area.set({ [dismissalsKey(host)]: mergeDismissals(await readDismissals(area, host), list) })
  return list.length
}

/** The reports with the site's dismissals in effect (stored reports stay as audited; marks are applied on read). */
export async function withDismissals<R extends PageReport>(area: StorageArea, host: string | null, reports: R[]): Promise<R[]> {
  if (!host || !reports.length) return reports
  const list = await readDismissals(area, host)
  return reports.map((r) => ({ ...r, findings: applyDismissals(r.findings, list) }))
}

// ---- history -------------------------------------------------------------------------------------------------------

export async function readHistory(area: StorageArea, host: string): Promise<HistoryEntry[]> {
  const key = historyKey(host)
  return parseHistory((await area.get(key))[key])
}

export async function readArchived(area: StorageArea, host: string, id: string): Promise<ArchivedSession | null> {
  const index = await readHistory(area, host)
  // Only ids of the index reach a storage key: a message cannot name any other key.
  if (!index.some((e) => e.id === id)) return null
  const key = historySessionKey(host, id)
  return parseArchived((await area.get(key))[key])
}

export interface Archived {
  entry: HistoryEntry
  /** Sessions dropped to stay within MAX_HISTORY. */
  dropped: number
}

/**
 * Keeps a session that is being replaced: its reports (with the dismissals of today marked) go under a history key,
 * the index gets its summary first, and sessions beyond MAX_HISTORY are removed. An empty session is not archived.
 */
export async function archiveSession(
  area: StorageArea,
  host: string,
  session: { startedAt: string; reports: PageReport[] },
  now = new Date(),
): Promise<Archived | null> {
  if (!session.reports.length) return null
  const reports = await withDismissals(area, host, session.reports)
  const index = await readHistory(area, host)
  const archivedAt = now.toISOString()
  const entry: HistoryEntry = { id: newHistoryId(index, archivedAt), startedAt: session.startedAt, archivedAt, ...tally(reports) }
  const { index: next, dropped } = pushHistory(index, entry, MAX_HISTORY)
  const kept: ArchivedSession = { startedAt: session.startedAt, archivedAt, reports }
  // The session is written before the index names it, so an index entry never points at nothing.
  await area.set({ [historySessionKey(host, entry.id)]: kept })
  await area.set({ [historyKey(host)]: next })
  if (dropped.length) await area.remove(dropped.map((e) => historySessionKey(host, e.id)))
  return { entry, dropped: dropped.length }
}
