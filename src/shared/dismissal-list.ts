// A site's list of dismissals as the extension keeps it. The list lives in storage.local, which other code, an older
// version or an imported file may have written, so every read validates it entry by entry: one bad entry is dropped
// (and counted), it never takes the rest of the auditor's work with it.
import * as v from 'valibot'
import { DismissalSchema, MAX_DISMISSALS, isDismissed, type Dismissal } from '../engine/cycle/dismissals.ts'
import type { Finding } from '../engine/types.ts'

export interface ParsedDismissals {
  list: Dismissal[]
  /** Entries that failed validation and were left out. */
  dropped: number
}

/** The valid entries of a stored value; anything that is not an array is an empty list with nothing dropped. */
export function parseDismissals(raw: unknown): ParsedDismissals {
  if (!Array.isArray(raw)) return { list: [], dropped: raw === undefined || raw === null ? 0 : 1 }
  const byId = new Map<string, Dismissal>()
  let dropped = 0
  for (const entry of raw.slice(0, MAX_DISMISSALS)) {
    const r = v.safeParse(DismissalSchema, entry)
    if (r.success) byId.set(r.output.id, r.output)
    else dropped++
  }
  dropped += Math.max(0, raw.length - MAX_DISMISSALS)
  return { list: [...byId.values()], dropped }
}

export type DismissalCheck = { ok: true; dismissal: Dismissal } | { ok: false; error: string }

/** Checks one dismissal the user asked for (id and a non-empty reason), stamping it with `now`. */
export function checkDismissal(id: unknown, reason: unknown, now: string): DismissalCheck {
  const r = v.safeParse(DismissalSchema, { id, reason, at: now })
  if (r.success) return { ok: true, dismissal: r.output }
  return { ok: false, error: r.issues[0].message }
}

/** The list with `d` added, or replacing the entry with the same id; refused when the list is full. */
export function upsertDismissal(list: readonly Dismissal[], d: Dismissal): Dismissal[] | null {
  const rest = list.filter((x) => x.id !== d.id)
  if (rest.length >= MAX_DISMISSALS) return null
  return [...rest, d]
}

export function removeDismissal(list: readonly Dismissal[], id: string): Dismissal[] {
  return list.filter((x) => x.id !== id)
}

/** Incoming entries (an imported file) added to the list; an incoming entry replaces one with the same id. */
export function mergeDismissals(list: readonly Dismissal[], incoming: readonly Dismissal[]): Dismissal[] {
  const byId = new Map(list.map((d) => [d.id, d]))
  for (const d of incoming) byId.set(d.id, d)
  return [...byId.values()].slice(-MAX_DISMISSALS)
}

/** The dismissals that marked findings carry (what a report shows as 已忽略), one per id. */
export function dismissalsOf(reports: readonly { findings: readonly Finding[] }[]): Dismissal[] {
  const byId = new Map<string, Dismissal>()
  for (const r of reports) {
    for (const f of r.findings) if (isDismissed(f)) byId.set(f.id, { id: f.id, reason: f.dismissed!.reason, at: f.dismissed!.at })
  }
  return [...byId.values()]
}
