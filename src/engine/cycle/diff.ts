// One audit against an earlier one: which problems are new, which were fixed, which are still there. A problem is a
// fail or review the auditor has not dismissed; ids are stable across re-audits, so they are what is compared.
import type { Finding } from '../types.ts'
import { isDismissed } from './dismissals.ts'

export interface FindingDiff {
  new: string[]
  resolved: string[]
  persisting: string[]
}

export interface DiffPage {
  url: string
  findings: Pick<Finding, 'id' | 'status' | 'dismissed'>[]
}

type Compared = Pick<Finding, 'status' | 'dismissed'>

function isProblem(f: Compared): boolean {
  return (f.status === 'fail' || f.status === 'review') && !isDismissed(f)
}

/**
 * Resolved needs evidence of the fix: the finding passes (or no longer applies) now, or it is gone from a page that
 * was audited now. A page left out of the current audit resolves nothing; a problem dismissed now is set aside, not
 * fixed, so it is neither resolved nor persisting.
 */
export function diffFindings(baseline: DiffPage[], current: DiffPage[]): FindingDiff {
  const auditedNow = new Set(current.map((p) => p.url))
  const problemsNow = new Set<string>()
  const seenNow = new Map<string, boolean>() // id → dismissed now (any page)
  for (const page of current) {
    for (const f of page.findings) {
      if (isProblem(f)) problemsNow.add(f.id)
      seenNow.set(f.id, (seenNow.get(f.id) ?? false) || isDismissed(f))
    }
  }
  const problemsBefore = new Set<string>()
  const resolved = new Set<string>()
  for (const page of baseline) {
    for (const f of page.findings) {
      if (!isProblem(f)) continue
      problemsBefore.add(f.id)
      if (problemsNow.has(f.id)) continue
      const dismissedNow = seenNow.get(f.id)
      if (dismissedNow === true) continue
      if (dismissedNow === false || auditedNow.has(page.url)) resolved.add(f.id)
    }
  }
  const persisting = [...problemsNow].filter((id) => problemsBefore.has(id))
  const added = [...problemsNow].filter((id) => !problemsBefore.has(id))
  return { new: sorted(added), resolved: sorted(resolved), persisting: sorted(persisting) }
}

function sorted(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort()
}
