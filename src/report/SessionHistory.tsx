// The site's earlier sessions and what changed since one of them: problems that are new, resolved or still there,
// each with its page and message. Findings are page text, so they are rendered as preact text only.
import { useEffect, useMemo, useState } from 'preact/hooks'
import type { PageReport } from '../engine/types.ts'
import type { ArchivedSessionView, HistoryView } from '../shared/cycle-messages.ts'
import { tally } from '../shared/history.ts'
import { say } from '../shared/text.ts'
import { t } from '../popup/api.ts'
import { cycleApi } from '../popup/cycle-api.ts'
import { sessionDiff, type DiffItem } from './session-diff.ts'

/** An ISO time as the auditor reads it, in China's time zone like every date of the audit. */
export function formatTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

interface Props {
  host: string
  /** The current session's pages, dismissals in effect. */
  current: readonly PageReport[]
  startedAt: string
}

type Baseline = { state: 'none' } | { state: 'loading'; id: string } | { state: 'missing'; id: string } | { state: 'ready'; view: ArchivedSessionView }

export function SessionHistory({ host, current, startedAt }: Props) {
  const [history, setHistory] = useState<HistoryView | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const [baseline, setBaseline] = useState<Baseline>({ state: 'none' })

  // A new session (archiving the old one) starts a new `startedAt`: the list is read again then.
  useEffect(() => {
    let live = true
    void cycleApi.history(host).then((h) => {
      if (!live) return
      setHistory(h)
      // The last audit is what an auditor compares with first.
      setChosen((c) => (c && h.entries.some((e) => e.id === c) ? c : (h.entries[0]?.id ?? null)))
    })
    return () => {
      live = false
    }
  }, [host, startedAt])

  useEffect(() => {
    if (!chosen) {
      setBaseline({ state: 'none' })
      return
    }
    let live = true
    setBaseline({ state: 'loading', id: chosen })
    void cycleApi.archived(host, chosen).then((view) => {
      if (live) setBaseline(view ? { state: 'ready', view } : { state: 'missing', id: chosen })
    })
    return () => {
      live = false
    }
  }, [host, chosen])

  const now = useMemo(() => tally(current), [current])
  const diff = useMemo(() => (baseline.state === 'ready' ? sessionDiff(baseline.view.reports, current) : null), [baseline, current])
  const entries = history?.entries ?? []

  return (
    <section data-testid="history-section" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('historyHeading')}</h2>
      <p class="muted">{t('historyNote', String(history?.max ?? 20))}</p>
      <table data-testid="session-history">
        <thead>
          <tr>
            <th scope="col">{t('thStarted')}</th>
            <th scope="col">{t('thArchived')}</th>
            <th scope="col">{t('thPageCount')}</th>
            <th scope="col">{t('thProblemCount')}</th>
            <th scope="col">{t('thDismissedCount')}</th>
            <th scope="col">{t('thCompare')}</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="history-current" data-pages={now.pages} data-problems={now.problems}>
            <td>{startedAt ? formatTime(startedAt) : '—'}</td>
            <td>{t('historyCurrent')}</td>
            <td class="num">{now.pages}</td>
            <td class="num">{now.problems}</td>
            <td class="num">{now.dismissed}</td>
            <td />
          </tr>
          {entries.map((e) => (
            <tr key={e.id} data-testid="history-row" data-session-id={e.id} data-pages={e.pages} data-problems={e.problems} class={e.id === chosen ? 'chosen' : ''}>
              <td>{formatTime(e.startedAt)}</td>
              <td>{formatTime(e.archivedAt)}</td>
              <td class="num">{e.pages}</td>
              <td class="num">{e.problems}</td>
              <td class="num">{e.dismissed}</td>
              <td>
                <button
                  type="button"
                  data-testid="history-compare"
                  aria-pressed={e.id === chosen}
                  aria-label={t('btnCompareFor', formatTime(e.startedAt))}
                  onClick={() => setChosen(e.id)}
                >
                  {t('btnCompare')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!entries.length && history && <p class="muted" data-testid="history-empty">{t('historyEmpty')}</p>}
      {baseline.state === 'loading' && <p class="muted">{t('diffLoading')}</p>}
      {baseline.state === 'missing' && <p class="error" role="alert">{t('diffMissing')}</p>}
      {baseline.state === 'ready' && diff && <DiffView since={baseline.view.entry.startedAt} diff={diff} />}
    </section>
  )
}

const KINDS = [
  ['new', 'diffNew'],
  ['resolved', 'diffResolved'],
  ['persisting', 'diffPersisting'],
] as const

function DiffView({ since, diff }: { since: string; diff: ReturnType<typeof sessionDiff> }) {
  return (
    <div class="diff" data-testid="session-diff" aria-live="polite">
      <h3>{t('diffHeading', formatTime(since))}</h3>
      <p class="muted">{t('diffNote')}</p>
      <ul class="diff-counts">
        {KINDS.map(([kind, label]) => (
          <li key={kind} class={`diff-count diff-${kind}`}>
            {t(label)}{' '}
            <b data-testid={`diff-${kind}`} data-count={diff[kind].length}>
              {diff[kind].length}
            </b>
          </li>
        ))}
      </ul>
      {KINDS.map(([kind, label]) => (
        <section key={kind} class={`diff-block diff-${kind}`} aria-label={t(label)}>
          <h4>
            {t(label)} <span class="muted">({diff[kind].length})</span>
          </h4>
          {diff[kind].length ? (
            <ul data-testid={`diff-list-${kind}`}>
              {diff[kind].map((item) => (
                <DiffRow key={`${item.page.url}|${item.id}`} item={item} />
              ))}
            </ul>
          ) : (
            <p class="muted" data-testid={`diff-list-${kind}`}>
              {t('diffNone')}
            </p>
          )}
        </section>
      ))}
    </div>
  )
}

function DiffRow({ item }: { item: DiffItem }) {
  const f = item.finding
  return (
    <li data-testid="diff-item" data-finding-id={f.id} data-rule-id={f.ruleId} data-status={f.status}>
      <span class="diff-page">{item.page.title || item.page.url || '—'}</span>
      {item.page.url && <span class="url"> {item.page.url}</span>}
      <div class="diff-message">
        {f.section && <b>{f.section}</b>} {say(f.message)}
      </div>
    </li>
  )
}
