import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { csvFileName, reportsToCsv } from '../engine/csv.ts'
import type { Finding, Lang, RulePack } from '../engine/types.ts'
import type { ReasonCode, SessionView, TabView } from '../shared/messages.ts'
import { tabKey } from '../shared/storage.ts'
import {
  SEVERITIES,
  SEVERITY_MESSAGE,
  STATUSES,
  STATUS_MESSAGE,
  countBySeverity,
  countByStatus,
  langOf,
  verdictOf,
} from '../shared/verdict.ts'
import { api, downloadCsv, explicitTab, onStorageChange, t, targetTabId, uiLanguage } from './api.ts'
import { ScanSection } from './ScanSection.tsx'
import { SEVERITY_RANK, STATUS_RANK } from '../engine/status.ts'
import { say } from '../shared/text.ts'

const lang: Lang = langOf(uiLanguage)

const REASON_MESSAGE: Record<ReasonCode, string> = {
  restricted: 'reasonRestricted',
  'not-html': 'reasonNotHtml',
  'too-large': 'reasonTooLarge',
  pending: 'reasonPending',
  'no-report': 'reasonNoReport',
  'no-access': 'reasonNoAccess',
  'no-tab': 'reasonNoTab',
  error: 'reasonError',
}


function ruleTitles(packs: RulePack[]): Map<string, string> {
  const titles = new Map<string, string>()
  for (const pack of packs) for (const rule of pack.rules) titles.set(rule.id, rule.title[lang] || rule.title.zh)
  return titles
}

interface Group {
  ruleId: string
  title: string
  findings: Finding[]
}

function groupByRule(findings: Finding[], titles: Map<string, string>): Group[] {
  const sorted = [...findings].sort(
    (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
  )
  const groups = new Map<string, Group>()
  for (const f of sorted) {
    let g = groups.get(f.ruleId)
    if (!g) {
      g = { ruleId: f.ruleId, title: titles.get(f.ruleId) ?? f.ruleId, findings: [] }
      groups.set(f.ruleId, g)
    }
    g.findings.push(f)
  }
  // Map keeps insertion order, and findings were sorted worst first, so the worst rule comes first.
  return [...groups.values()]
}

export function App() {
  const [tabId, setTabId] = useState<number | null>(null)
  const [view, setView] = useState<TabView | null>(null)
  const [session, setSession] = useState<SessionView | null>(null)
  const [reason, setReason] = useState<ReasonCode | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const autoAudited = useRef(false)

  const load = useCallback(async (id: number) => {
    try {
      const v = await api.getTabReport(id)
      setView(v)
      setReason(v.reason)
      // A tab of no site (about:blank, an error page) still offers the session that last received a page.
      setSession(await api.getSession(v.host))
      // Opening the popup on a page nobody audited yet is the request to audit it (activeTab covers this tab now).
      if (v.reason === 'no-report' && !explicitTab && !autoAudited.current) {
        autoAudited.current = true
        const r = await api.auditActiveTab(id)
        setReason(r.ok ? 'pending' : (r.reason ?? 'no-access'))
      }
    } catch (error) {
      setNotice(String(error))
    }
  }, [])

  useEffect(() => {
    let cancelled = false
    void targetTabId().then((id) => {
      if (cancelled) return
      if (id === null) {
        setReason('no-tab')
        return
      }
      setTabId(id)
      void load(id)
    })
    return () => {
      cancelled = true
    }
  }, [load])

  // Follow re-audits (DOM changes, reaudit button) as the worker stores them.
  useEffect(() => {
    if (tabId === null) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const off = onStorageChange((area, keys) => {
      const mine =
        (area === 'session' && keys.includes(tabKey(tabId))) ||
        (area === 'local' && keys.some((k) => k.startsWith('session')))
      if (!mine) return
      clearTimeout(timer)
      timer = setTimeout(() => void load(tabId), 120)
    })
    return () => {
      off()
      clearTimeout(timer)
    }
  }, [tabId, load])

  const titles = useMemo(() => ruleTitles(view?.packs ?? []), [view?.packs])
  const findings = view?.findings ?? []
  const groups = useMemo(() => groupByRule(findings, titles), [findings, titles])
  const hasReport = !!view && view.reports.length > 0
  const host = view?.host ?? null

  const onReaudit = async (): Promise<void> => {
    if (tabId === null) return
    setNotice(null)
    const r = await api.reaudit(tabId)
    if (!r.ok) setReason(r.reason ?? 'no-access')
  }
  const onAuditPage = async (): Promise<void> => {
    if (tabId === null) return
    const r = await api.auditActiveTab(tabId)
    setReason(r.ok ? 'pending' : (r.reason ?? 'no-access'))
  }
  const onToggle = async (): Promise<void> => {
    if (tabId === null || !view) return
    const visible = !view.markersVisible
    await api.toggleMarkers(tabId, visible)
    setView({ ...view, markersVisible: visible })
  }
  const onExportPage = (): void => {
    if (!view || !hasReport) return
    downloadCsv(reportsToCsv(view.reports, view.packs, { lang }), csvFileName(host ?? 'page', new Date()))
  }
  const sessionHost = session?.host ?? host
  // An empty session still exports its header row: a file with no findings is an answer, not an error.
  const onExportSession = async (): Promise<void> => {
    if (!view) return
    const s = await api.getSession(sessionHost)
    setSession(s)
    downloadCsv(reportsToCsv(s.reports, view.packs, { lang }), csvFileName(s.host ?? sessionHost ?? 'session', new Date()))
  }
  const onNewSession = async (): Promise<void> => {
    if (!sessionHost || tabId === null) return
    setSession(await api.newSession(sessionHost, host === sessionHost ? tabId : undefined))
  }
  const onOpen = async (f: Finding): Promise<void> => {
    if (tabId === null) return
    const r = await api.scrollToFinding(tabId, f.id)
    setNotice(r.found ? null : t('notFoundOnPage'))
  }

  const reasonText =
    reason === 'error' ? t('reasonError', view?.error ?? '') : reason ? t(REASON_MESSAGE[reason]) : null
  const canAudit = reason === 'no-report' || reason === 'no-access'

  return (
    <main class="popup">
      <header class="head">
        <h1>{t('extName')}</h1>
        {view && (
          <p class="page" title={view.url ?? ''}>
            {view.title || view.url || ''}
          </p>
        )}
        {view?.asOf && <p class="asof">{t('asOfLabel', view.asOf)}</p>}
      </header>

      {!view && !reason && <p class="muted">{t('loading')}</p>}

      {reasonText && (
        <div class={`reason reason-${reason}`} data-testid="reason" data-reason={reason ?? ''}>
          <p>{reasonText}</p>
          {canAudit && (
            <button type="button" data-testid="audit-page" onClick={() => void onAuditPage()}>
              {t('btnAuditPage')}
            </button>
          )}
        </div>
      )}

      {view && view.missingFrames > 0 && hasReport && (
        <p class="partial" data-testid="partial">
          {t('partialAudit', String(view.missingFrames))}
        </p>
      )}

      {hasReport && <Summary findings={findings} />}

      <div class="toolbar">
        <button type="button" data-testid="reaudit" disabled={tabId === null} onClick={() => void onReaudit()}>
          {t('btnReaudit')}
        </button>
        <button
          type="button"
          data-testid="toggle-markers"
          aria-pressed={view ? !view.markersVisible : false}
          disabled={!hasReport}
          onClick={() => void onToggle()}
        >
          {view && !view.markersVisible ? t('btnShowMarkers') : t('btnHideMarkers')}
        </button>
        <button type="button" data-testid="export-page-csv" disabled={!hasReport} onClick={onExportPage}>
          {t('btnExportPage')}
        </button>
        <button
          type="button"
          data-testid="export-session-csv"
          disabled={!view || !sessionHost}
          onClick={() => void onExportSession()}
        >
          {t('btnExportSession', String(session?.reports.length ?? 0))}
        </button>
        <button type="button" data-testid="new-session" disabled={!sessionHost} onClick={() => void onNewSession()}>
          {t('btnNewSession')}
        </button>
      </div>

      {tabId !== null && view && <ScanSection tabId={tabId} url={view.url} />}

      {session?.host && (
        <p class="session muted" data-testid="session">
          {t('sessionInfo', [session.host, String(session.reports.length)])}
        </p>
      )}

      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}

      {hasReport && <FindingList groups={groups} onOpen={(f) => void onOpen(f)} />}
    </main>
  )
}

function Summary({ findings }: { findings: Finding[] }) {
  const verdict = verdictOf(findings)
  const byStatus = countByStatus(findings)
  const bySeverity = countBySeverity(findings)
  const text =
    verdict.kind === 'veto'
      ? t('verdictVeto')
      : verdict.kind === 'fail'
        ? t('verdictFail', String(verdict.count))
        : verdict.kind === 'review'
          ? t('verdictReview', String(verdict.count))
          : t('verdictPass')
  return (
    <section class="summary">
      <div class={`verdict verdict-${verdict.kind}`} data-testid="verdict" data-verdict={verdict.kind}>
        {text}
      </div>
      <div class="counts" data-testid="counts">
        <p class="by-status">
          {STATUSES.map((s) => (
            <span key={s} class={`count st-${s === 'n/a' ? 'na' : s}`} data-status={s}>
              {t(STATUS_MESSAGE[s])} <b>{byStatus[s]}</b>
            </span>
          ))}
        </p>
        <p class="by-severity" title={t('countsBySeverity')}>
          {SEVERITIES.map((s) => (
            <span key={s} class={`count sev-${s}`} data-severity={s}>
              {t(SEVERITY_MESSAGE[s])} <b>{bySeverity[s]}</b>
            </span>
          ))}
        </p>
      </div>
    </section>
  )
}

function FindingList({ groups, onOpen }: { groups: Group[]; onOpen: (f: Finding) => void }) {
  const listRef = useRef<HTMLDivElement>(null)
  if (!groups.length) return <p class="muted">{t('noFindings')}</p>

  const move = (from: HTMLElement, step: number): void => {
    const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-testid="finding"]') ?? [])]
    const next = rows[rows.indexOf(from) + step]
    next?.focus()
  }
  const onKey = (e: KeyboardEvent, f: Finding): void => {
    const row = e.currentTarget as HTMLElement
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      move(row, e.key === 'ArrowDown' ? 1 : -1)
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      onOpen(f)
    }
  }

  return (
    <div class="findings" ref={listRef} aria-label={t('findingsHeading')} title={t('findingRowHint')}>
      {groups.map((g) => (
        <section key={g.ruleId} class="rule" data-testid="rule-group" data-rule-id={g.ruleId}>
          <h2>
            {g.title} <span class="muted">({g.findings.length})</span>
          </h2>
          <ul>
            {g.findings.map((f) => (
              <li
                key={f.id}
                class={`finding st-${f.status === 'n/a' ? 'na' : f.status}`}
                data-testid="finding"
                data-finding-id={f.id}
                data-rule-id={f.ruleId}
                data-status={f.status}
                data-severity={f.severity}
                tabIndex={0}
                role="button"
                title={[say(f.message), `${t('labelExpected')}：${say(f.expected)}`, `${t('labelSource')}：${f.source}`].join('\n')}
                onClick={() => onOpen(f)}
                onKeyDown={(e) => onKey(e, f)}
              >
                <span class="status">{t(STATUS_MESSAGE[f.status])}</span>
                {f.severity === 'veto' && f.status === 'fail' && <span class="veto">{t('severityVeto')}</span>}
                <span class="section">{f.section}</span>
                <span class="evidence">{say(f.evidence)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
