// The auditor's "this does not hold": a finding id and a reason. Dismissals come from users (the CLI's --ignore file,
// an imported session), so they are validated data; applying them never changes a finding's status, only marks it.
import * as v from 'valibot'
import type { Finding } from '../types.ts'

export interface Dismissal {
  id: string
  reason: string
  /** ISO datetime of the dismissal; applying a dismissal without one stamps it with the time of applying. */
  at?: string
}

export const MAX_DISMISSALS = 10_000
export const MAX_DISMISSAL_ID = 200
export const MAX_DISMISSAL_REASON = 500

export const DismissalSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1, 'id 不能为空 / id is empty'), v.maxLength(MAX_DISMISSAL_ID)),
  reason: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, '忽略理由不能为空 / reason is empty'),
    v.maxLength(MAX_DISMISSAL_REASON),
  ),
  at: v.optional(v.pipe(v.string(), v.isoTimestamp())),
})

export const DismissalsSchema = v.pipe(v.array(DismissalSchema), v.maxLength(MAX_DISMISSALS))

type Dismissable = Pick<Finding, 'status' | 'dismissed'>

/** Only a problem (fail or review) can be set aside; a pass or n/a carrying `dismissed` is not dismissed. */
export function isDismissable(f: Pick<Finding, 'status'>): boolean {
  return f.status === 'fail' || f.status === 'review'
}

export function isDismissed(f: Dismissable): boolean {
  return f.dismissed !== undefined && isDismissable(f)
}

/** A fail the auditor has not set aside: what makes a page fail and the CLI exit 1. */
export function isOpenFail(f: Dismissable): boolean {
  return f.status === 'fail' && f.dismissed === undefined
}

/**
 * The findings with the dismissals in effect: a fail/review whose id is listed carries `dismissed`; every other
 * finding carries none, so re-applying the current list after a restore clears the mark. Later entries for the same
 * id win. Returns new objects; the input is not changed.
 */
export function applyDismissals(
  findings: Finding[],
  dismissals: Iterable<Dismissal>,
  opts: { now?: string } = {},
): Finding[] {
  const byId = new Map<string, Dismissal>()
  for (const d of dismissals) byId.set(d.id, d)
  let now = opts.now
  return findings.map((f) => {
    const { dismissed: _previous, ...rest } = f
    const d = isDismissable(f) ? byId.get(f.id) : undefined
    if (!d) return rest
    now ??= new Date().toISOString()
    return { ...rest, dismissed: { reason: d.reason, at: d.at ?? now } }
  })
}
