// The current session against an earlier one, as the report lists it: the ids diffFindings compares, turned back
// into findings with the page they were found on (resolved ones from the earlier session, the rest from now).
import { diffFindings } from '../engine/cycle/diff.ts'
import { stripFragment } from '../engine/finding.ts'
import type { Finding, PageReport } from '../engine/types.ts'

export interface DiffItem {
  id: string
  page: PageReport
  finding: Finding
}

export interface SessionDiff {
  new: DiffItem[]
  resolved: DiffItem[]
  persisting: DiffItem[]
}

const pagesOf = (reports: readonly PageReport[]) =>
  reports.flatMap((r) => (r.url ? [{ url: stripFragment(r.url), findings: r.findings }] : []))

function index(reports: readonly PageReport[]): Map<string, DiffItem> {
  const byId = new Map<string, DiffItem>()
  for (const page of reports) for (const finding of page.findings) if (!byId.has(finding.id)) byId.set(finding.id, { id: finding.id, page, finding })
  return byId
}

/** Items in page order, then by the finding's section, so the lists read like the report. */
function itemsOf(ids: readonly string[], byId: Map<string, DiffItem>, reports: readonly PageReport[]): DiffItem[] {
  const order = new Map(reports.map((r, i) => [r, i]))
  return ids
    .flatMap((id) => byId.get(id) ?? [])
    .sort((a, b) => (order.get(a.page) ?? 0) - (order.get(b.page) ?? 0) || a.finding.section.localeCompare(b.finding.section, 'zh'))
}

export function sessionDiff(baseline: readonly PageReport[], current: readonly PageReport[]): SessionDiff {
  const ids = diffFindings(pagesOf(baseline), pagesOf(current))
  const before = index(baseline)
  const now = index(current)
  return {
    new: itemsOf(ids.new, now, current),
    resolved: itemsOf(ids.resolved, before, baseline),
    persisting: itemsOf(ids.persisting, now, current),
  }
}
