// The page's findings, triaged: fail and review first, grouped by rule with the count of problems; passes and n/a
// fold into one line and open with "show all".
import type { ComponentChildren } from 'preact'
import { useRef } from 'preact/hooks'
import { isDismissed } from '../engine/cycle/dismissals.ts'
import type { Finding } from '../engine/types.ts'
import { t } from './api.ts'
import { FindingRow } from './FindingRow.tsx'
import { SEVERITY_RANK, STATUS_RANK } from '../engine/status.ts'


export interface Group {
  ruleId: string
  title: string
  findings: Finding[]
  problems: number
}

const isProblem = (f: Finding): boolean => f.status === 'fail' || f.status === 'review'

/** A dismissed problem stays listed (it can be restored) but after every open one, and it is not counted. */
const rank = (f: Finding): number => (isDismissed(f) ? STATUS_RANK.review + 0.5 : STATUS_RANK[f.status])

export function groupByRule(findings: readonly Finding[], titles: Map<string, string>): Group[] {
  const sorted = [...findings].sort((a, b) => rank(a) - rank(b) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
  const groups = new Map<string, Group>()
  for (const f of sorted) {
    let g = groups.get(f.ruleId)
    if (!g) {
      g = { ruleId: f.ruleId, title: titles.get(f.ruleId) ?? f.ruleId, findings: [], problems: 0 }
      groups.set(f.ruleId, g)
    }
    g.findings.push(f)
    if (isProblem(f) && !isDismissed(f)) g.problems++
  }
  // Findings were sorted worst first and a Map keeps insertion order, so the worst rule comes first.
  return [...groups.values()]
}

interface Props {
  groups: Group[]
  showAll: boolean
  onShowAll: (v: boolean) => void
  selectedId: string | null
  onSelect: (f: Finding) => void
  onOpen: (f: Finding) => void
  passCount: number
  naCount: number
  /** Per-row controls shown beside a row (the dismiss form). */
  renderActions?: (f: Finding) => ComponentChildren
}

export function FindingList({ groups, showAll, onShowAll, selectedId, onSelect, onOpen, passCount, naCount, renderActions }: Props) {
  const listRef = useRef<HTMLDivElement>(null)
  const visible = groups
    .map((g) => ({ ...g, findings: showAll ? g.findings : g.findings.filter(isProblem) }))
    .filter((g) => g.findings.length > 0)

  const move = (from: HTMLElement, step: number): void => {
    const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-testid="finding"]') ?? [])]
    rows[rows.indexOf(from) + step]?.focus()
  }
  const onKey = (e: KeyboardEvent, f: Finding): void => {
    const row = e.currentTarget as HTMLElement
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      move(row, e.key === 'ArrowDown' ? 1 : -1)
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      onSelect(f)
      onOpen(f)
    }
  }

  return (
    <div class="findings" ref={listRef} aria-label={t('findingsHeading')}>
      {!visible.length && <p class="muted">{t('noProblems')}</p>}
      {visible.map((g) => (
        <section key={g.ruleId} class="rule" data-testid="rule-group" data-rule-id={g.ruleId}>
          <h2>
            {g.title}
            {g.problems > 0 && <span class="problems"> {t('problemCount', String(g.problems))}</span>}
          </h2>
          <div class="rows">
            {g.findings.map((f) => (
              <FindingRow key={f.id} finding={f} selected={f.id === selectedId} onOpen={onOpen} onSelect={onSelect} onKey={onKey} actions={renderActions?.(f)} />
            ))}
          </div>
        </section>
      ))}
      <p class="folded" data-testid="folded">
        <span>{t('foldedCounts', [String(passCount), String(naCount)])}</span>{' '}
        <button type="button" data-testid="show-all" aria-pressed={showAll} onClick={() => onShowAll(!showAll)}>
          {showAll ? t('btnHideFolded') : t('btnShowAll')}
        </button>
      </p>
    </div>
  )
}
