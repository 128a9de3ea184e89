// A site's earlier audit sessions: 新建会话 archives the current session instead of forgetting it, so a later
// audit can be compared with it. Storage is not endless, so a site keeps the newest MAX_HISTORY sessions and the
// oldest is dropped — the popup and the report page say so.
import * as v from 'valibot'
import { isDismissed } from '../engine/cycle/dismissals.ts'
import type { Finding, PageReport } from '../engine/types.ts'

export const MAX_HISTORY = 20

export interface HistoryEntry {
  /** Storage id of the archived session (its start time, made unique). */
  id: string
  startedAt: string
  archivedAt: string
  pages: number
  /** Fails and reviews the auditor had not dismissed when the session was archived. */
  problems: number
  dismissed: number
}

/** An archived session as storage keeps it: the reports as they were, dismissal marks of that day included. */
export interface ArchivedSession {
  startedAt: string
  archivedAt: string
  reports: PageReport[]
}

const Count = v.pipe(v.number(), v.integer(), v.minValue(0))

const HistoryEntrySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[\w.:-]{1,80}$/)),
  startedAt: v.string(),
  archivedAt: v.string(),
  pages: Count,
  problems: Count,
  dismissed: Count,
})

/** The valid entries of a stored index, newest first, at most MAX_HISTORY; anything else reads as no history. */
export function parseHistory(raw: unknown): HistoryEntry[] {
  if (!Array.isArray(raw)) return []
  const out: HistoryEntry[] = []
  const seen = new Set<string>()
  for (const entry of raw) {
    const r = v.safeParse(HistoryEntrySchema, entry)
    if (!r.success || seen.has(r.output.id)) continue
    seen.add(r.output.id)
    out.push(r.output)
  }
  return out.slice(0, MAX_HISTORY)
}

/** An archived session read back from storage: a shape check only, the reports were written by the worker. */
export function parseArchived(raw: unknown): ArchivedSession | null {
  const o = raw as Partial<ArchivedSession> | null | undefined
  if (!o || typeof o !== 'object' || typeof o.startedAt !== 'string' || typeof o.archivedAt !== 'string') return null
  if (!Array.isArray(o.reports)) return null
  const reports = o.reports.filter((r): r is PageReport => !!r && typeof r === 'object' && Array.isArray((r as PageReport).findings))
  return { startedAt: o.startedAt, archivedAt: o.archivedAt, reports }
}

const isProblem = (f: Pick<Finding, 'status'>): boolean => f.status === 'fail' || f.status === 'review'

/** Pages, open problems and dismissed problems of a session's reports. */
export function tally(reports: readonly { findings: readonly Finding[] }[]): Pick<HistoryEntry, 'pages' | 'problems' | 'dismissed'> {
  let problems = 0
  let dismissed = 0
  for (const r of reports) {
    for (const f of r.findings) {
      if (!isProblem(f)) continue
      if (isDismissed(f)) dismissed++
      else problems++
    }
  }
  return { pages: reports.length, problems, dismissed }
}

/** A storage id for a session archived at `archivedAt` that no entry of `index` has yet. */
export function newHistoryId(index: readonly HistoryEntry[], archivedAt: string): string {
  const base = archivedAt.replace(/[^\w.:-]/g, '').slice(0, 60) || 'session'
  const taken = new Set(index.map((e) => e.id))
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}

/** The index with `entry` first; entries beyond MAX_HISTORY are dropped (oldest first) and returned. */
export function pushHistory(
  index: readonly HistoryEntry[],
  entry: HistoryEntry,
  max = MAX_HISTORY,
): { index: HistoryEntry[]; dropped: HistoryEntry[] } {
  const all = [entry, ...index.filter((e) => e.id !== entry.id)]
  return { index: all.slice(0, max), dropped: all.slice(max) }
}
