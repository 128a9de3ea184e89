// Every finding of the session as a row with its page, 发现, 要求 and 依据; filters by status, severity, rule, page
// and column plus free-text search, and one grouping at a time. Groups are plain sections (no collapsing), so a
// printout shows every row.
import { useMemo, useState } from 'preact/hooks'
import type { Finding, PageReport, Severity, Status } from '../engine/types.ts'
import { SEVERITIES, SEVERITY_MESSAGE, STATUSES, STATUS_MESSAGE } from '../shared/verdict.ts'
import { say } from '../shared/text.ts'
import { t } from '../popup/api.ts'
import { isDismissed } from '../engine/cycle/dismissals.ts'

export interface Row {
  page: PageReport
  /** The site scan's own page (its findings concern the whole site). */
  site: boolean
  finding: Finding
}

type Grouping = 'rule' | 'page' | 'column'
type StatusFilter = Status | 'problems' | ''

const matchesStatus = (filter: StatusFilter, s: Status): boolean =>
  !filter || (filter === 'problems' ? s === 'fail' || s === 'review' : s === filter)

const GROUPING_MESSAGE: Record<Grouping, string> = { rule: 'byRule', page: 'byPage', column: 'byColumn' }

/** Link-check findings name a URL as their section: those belong under one "links" heading, not a column each. */
const isAddress = (s: string): boolean => /^(?:https?:)?\/\//i.test(s) || /^\/[\w./-]*$/.test(s)

export function pageLabel(r: Row): string {
  if (r.site) return t('reportSiteWide')
  return r.page.title || r.page.url || '—'
}

function columnOf(r: Row): string {
  return isAddress(r.finding.section) ? t('reportLinksGroup') : r.finding.section
}

function haystack(r: Row): string {
  const f = r.finding
  return [f.section, say(f.message), say(f.evidence), say(f.expected), f.source, r.page.title, r.page.url ?? ''].join('\n').toLowerCase()
}

export function FindingTable({ rows, titles }: { rows: Row[]; titles: Map<string, string> }) {
  // A report opens on what needs action; passes and n/a are one filter away.
  const [status, setStatus] = useState<StatusFilter>('problems')
  const [severity, setSeverity] = useState<Severity | ''>('')
  const [rule, setRule] = useState('')
  const [page, setPage] = useState('')
  const [column, setColumn] = useState('')
  const [query, setQuery] = useState('')
  const [grouping, setGrouping] = useState<Grouping>('rule')

  const ruleIds = useMemo(() => [...new Set(rows.map((r) => r.finding.ruleId))].sort(), [rows])
  const pageKeys = useMemo(() => [...new Map(rows.map((r) => [r.page.url ?? '', pageLabel(r)]))], [rows])
  const columns = useMemo(() => [...new Set(rows.map(columnOf))].filter(Boolean).sort(), [rows])
  const needle = query.trim().toLowerCase()
  const shown = rows.filter(
    (r) =>
      matchesStatus(status, r.finding.status) &&
      (!severity || r.finding.severity === severity) &&
      (!rule || r.finding.ruleId === rule) &&
      (!page || (r.page.url ?? '') === page) &&
      (!column || columnOf(r) === column) &&
      (!needle || haystack(r).includes(needle)),
  )

  const keyOf = (r: Row): string => (grouping === 'rule' ? r.finding.ruleId : grouping === 'page' ? (r.page.url ?? '') : columnOf(r))
  const labelOf = (k: string, first: Row): string =>
    grouping === 'rule' ? (titles.get(k) ?? k) : grouping === 'page' ? pageLabel(first) : k || t('noSection')
  const groups = new Map<string, Row[]>()
  for (const r of shown) {
    const k = keyOf(r)
    const list = groups.get(k)
    if (list) list.push(r)
    else groups.set(k, [r])
  }

  const select = (testId: string, label: string, value: string, onChange: (v: string) => void, options: [string, string][]) => (
    <label>
      {label}{' '}
      <select data-testid={testId} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t('filterAll')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">{t('reportFindings', String(shown.length))}</h2>
      <div class="filters no-print">
        {select('filter-status', t('filterStatus'), status, (v) => setStatus(v as StatusFilter), [
          ['problems', t('filterProblems')],
          ...STATUSES.map((s): [string, string] => [s, t(STATUS_MESSAGE[s])]),
        ])}
        {select('filter-severity', t('filterSeverity'), severity, (v) => setSeverity(v as Severity | ''), SEVERITIES.map((s) => [s, t(SEVERITY_MESSAGE[s])]))}
        {select('filter-rule', t('filterRule'), rule, setRule, ruleIds.map((id) => [id, titles.get(id) ?? id]))}
        {select('filter-page', t('filterPage'), page, setPage, pageKeys)}
        {select('filter-column', t('filterColumn'), column, setColumn, columns.map((c) => [c, c]))}
        <label>
          {t('filterSearch')}{' '}
          <input type="search" data-testid="filter-search" value={query} placeholder={t('reportSearchHint')} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          {t('reportGroupBy')}{' '}
          <select data-testid="group-by" value={grouping} onChange={(e) => setGrouping((e.currentTarget as HTMLSelectElement).value as Grouping)}>
            {(Object.keys(GROUPING_MESSAGE) as Grouping[]).map((g) => (
              <option key={g} value={g}>
                {t(GROUPING_MESSAGE[g])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {shown.length === 0 && <p class="muted">{t('reportNoMatch')}</p>}
      <div class="grouped" data-testid={`by-${grouping}`}>
        {[...groups].map(([k, list]) => (
          <section key={k} class="group-block" data-testid="finding-group" data-key={k}>
            <h3>
              {labelOf(k, list[0])} <span class="muted">({list.length})</span>
            </h3>
            <table class="findings">
              <thead>
                <tr>
                  <th scope="col">{t('filterStatus')}</th>
                  {grouping !== 'page' && <th scope="col">{t('thPage')}</th>}
                  <th scope="col">{t('labelFound')}</th>
                  <th scope="col">{t('labelExpected')}</th>
                  <th scope="col">{t('labelSource')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <FindingRowView key={`${r.page.url}|${r.finding.id}`} row={r} showPage={grouping !== 'page'} ruleTitle={grouping === 'rule' ? null : (titles.get(r.finding.ruleId) ?? r.finding.ruleId)} />
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </section>
  )
}

function FindingRowView({ row, showPage, ruleTitle }: { row: Row; showPage: boolean; ruleTitle: string | null }) {
  const f = row.finding
  const st = f.status === 'n/a' ? 'na' : f.status
  return (
    <tr class={`finding st-${st}`} data-testid="report-finding" data-finding-id={f.id} data-status={f.status} data-severity={f.severity} data-rule-id={f.ruleId} data-dismissed={isDismissed(f) ? 'true' : undefined}>
      <td class="status">
        <span class={`pill st-${st}`}>{t(STATUS_MESSAGE[f.status])}</span>
        {f.severity === 'veto' && f.status === 'fail' && <span class="veto">{t('reportVetoClass')}</span>}
        {isDismissed(f) && (
          <div class="dismissed" data-testid="finding-dismissed">
            {t('dismissedLabel')} · {t('dismissedReason', f.dismissed!.reason)}
          </div>
        )}
      </td>
      {showPage && (
        <td class="page">
          {pageLabel(row)}
          {!row.site && row.page.url && <div class="url">{row.page.url}</div>}
        </td>
      )}
      <td class="found" data-testid="finding-found">
        <b>{f.section}</b>
        {ruleTitle && <span class="muted"> · {ruleTitle}</span>}
        <div>{say(f.message)}</div>
        <div class="evidence">{say(f.evidence)}</div>
      </td>
      <td class="expected" data-testid="finding-expected">
        {say(f.expected)}
      </td>
      <td class="source" data-testid="finding-source">
        {f.source}
      </td>
    </tr>
  )
}
