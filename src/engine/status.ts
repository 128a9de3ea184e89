// The one ordering of statuses and severities: worst first. Reports, the popup, the markers and the CLI sort by it.
import type { Severity, Status } from './types.ts'

export const STATUS_RANK: Readonly<Record<Status, number>> = { fail: 0, review: 1, pass: 2, 'n/a': 3 }
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { veto: 0, error: 1, warning: 2, info: 3 }

/** The worse of two statuses. */
export const worseStatus = (a: Status, b: Status): Status => (STATUS_RANK[a] <= STATUS_RANK[b] ? a : b)
