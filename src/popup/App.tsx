import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { csvFileName, reportsToCsv } from '../engine/csv.ts'
import type { Finding, Lang, RulePack } from '../engine/types.ts'
import type { ReasonCode, SessionView, TabView } from '../shared/messages.ts'
import { tabKey } from '../shared/storage.ts'
import { countByStatus, langOf } from '../shared/verdict.ts'
import type { ScanReport } from '../scan/report.ts'
import { api, downloadCsv, showPassMarkers, explicitTab, onStorageChange, t, targetTabId, uiLanguage } from './api.ts'
import { ScanSection } from './ScanSection.tsx'
import { FindingDetail } from './FindingDetail.tsx'
import { KIND_HELP } from '../engine/rules/help.ts'
import { FindingList, groupByRule } from './FindingList.tsx'
import { verdictFor } from './site-known.ts'
import { Summary } from './Summary.tsx'
import { TermsInEffect } from './TermsInEffect.tsx'
import { DismissControl } from './DismissControl.tsx'
import { isDismissed } from '../engine/cycle/dismissals.ts'
import { MAX_HISTORY } from '../shared/history.ts'

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

type Tab = 'page' | 'site'

export function App() {
  const [tabId, setTabId] = useState<number | null>(null)
  const [view, setView] = useState<TabView | null>(null)
  const [session, setSession] = useState<SessionView | null>(null)
  const [reason, setReason] = useState<ReasonCode | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [scanReport, setScanReport] = useState<ScanReport | null>(null)
  // A reload of the same popup keeps its tab; a newly opened popup starts on 本页.
  const [tab, setTabState] = useState<Tab>(() => (sessionStorage.getItem('popupTab') === 'site' ? 'site' : 'page'))
  const setTab = (next: Tab): void => {
    sessionStorage.setItem('popupTab', next)
    setTabState(next)
  }
  const [showAll, setShowAll] = useState(false)
  const [selected, setSelected] = useState<Finding | null>(null)
  const [passMarkers, setPassMarkers] = useState(false)
  const autoAudited = useRef(false)

  const load = useCallback(async (id: number) => {
    try {
      const v = await api.getTabReport(id)
      setView(v)
      setReason(v.reason)
      // A tab of no site (about:blank, an error page) still offers the session that last received a page.
      setSession(await api.getSession(v.host))
      // The last site scan feeds the verdict's site-wide counts.
      setScanReport(v.host ? ((await api.getScan(v.host)).report ?? null) : null)
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
    // A report stored after the first read but before this listener existed would be missed (the popup stuck on
    // "waiting for the page"): read once more now that the listener is in place.
    timer = setTimeout(() => void load(tabId), 120)
    return () => {
      off()
      clearTimeout(timer)
    }
  }, [tabId, load])

  const titles = useMemo(() => ruleTitles(view?.packs ?? []), [view?.packs])
  const kinds = useMemo(() => new Map((view?.packs ?? []).flatMap((p) => p.rules.map((r) => [r.id, r.kind] as const))), [view?.packs])
  const findings = view?.findings ?? []
  const groups = useMemo(() => groupByRule(findings, titles), [findings, titles])
  const verdict = useMemo(
    () => verdictFor(findings, view?.packs ?? [], session?.reports ?? [], scanReport),
    [findings, view?.packs, session?.reports, scanReport],
  )
  const byStatus = countByStatus(findings)
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
    const archived = (session?.reports.length ?? 0) > 0
    setSession(await api.newSession(sessionHost, host === sessionHost ? tabId : undefined))
    if (archived) setNotice(t('sessionArchived', String(MAX_HISTORY)))
  }
  // The page's markers follow a dismissal or a restore: the tab is audited again and draws with the new list.
  const onDismissalChanged = (): void => {
    if (tabId === null) return
    void load(tabId)
    void api.reaudit(tabId)
  }
  const onOpen = async (f: Finding): Promise<void> => {
    if (tabId === null) return
    if (isDismissed(f)) {
      setNotice(t('rowDismissedNoMarker'))
      return
    }
    // A missing item or a site-wide count has no element: say so instead of "can no longer be found".
    if (!f.locator) {
      setNotice(t('rowNoElement'))
      return
    }
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
            {view.reports.some((r) => r.loginPage) && (
              <span class="login-badge" data-testid="login-page" title={t('loginPageHint')}>
                {t('loginPageBadge')}
              </span>
            )}
          </p>
        )}
        <TermsInEffect asOf={view?.asOf} host={view?.host ?? null} />
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

      {hasReport && <Summary findings={findings} verdict={verdict} />}

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
        <button
          type="button"
          data-testid="show-pass-markers"
          aria-pressed={passMarkers}
          disabled={!hasReport || tabId === null}
          onClick={() => {
            if (tabId === null) return
            const next = !passMarkers
            void showPassMarkers(tabId, next).then((ok) => ok && setPassMarkers(next))
          }}
        >
          {t('btnShowPassMarkers')}
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


      {session?.host && (
        <p class="session muted" data-testid="session">
          {t('sessionInfo', [session.host, String(session.reports.length)])}
        </p>
      )}

      {!!session?.unsaved?.length && (
        <p class="notice warn" role="alert" data-testid="storage-error">
          {t('sessionUnsaved', [String(session.unsaved.length), session.unsaved.slice(0, 3).join('、')])}
        </p>
      )}

      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}

      <div class="tabs" role="tablist">
        <button type="button" role="tab" id="tab-page" data-testid="tab-page" aria-selected={tab === 'page'} aria-controls="panel-page" onClick={() => setTab('page')}>
          {t('tabPage')}
        </button>
        <button type="button" role="tab" id="tab-site" data-testid="tab-site" aria-selected={tab === 'site'} aria-controls="panel-site" onClick={() => setTab('site')}>
          {t('tabSite')}
        </button>
      </div>

      <div role="tabpanel" id="panel-page" aria-labelledby="tab-page" hidden={tab !== 'page'}>
        {hasReport && (
          <FindingList
            groups={groups}
            showAll={showAll}
            onShowAll={setShowAll}
            selectedId={selected?.id ?? null}
            onSelect={setSelected}
            onOpen={(f) => void onOpen(f)}
            passCount={byStatus.pass}
            naCount={byStatus['n/a']}
            renderActions={host ? (f) => <DismissControl finding={f} host={host} onChanged={onDismissalChanged} /> : undefined}
          />
        )}
        {hasReport && (
          <FindingDetail
            finding={selected}
            ruleTitle={selected ? (titles.get(selected.ruleId) ?? selected.ruleId) : ''}
            help={selected ? KIND_HELP[kinds.get(selected.ruleId) ?? ''] : undefined}
          />
        )}
      </div>
      <div role="tabpanel" id="panel-site" aria-labelledby="tab-site" hidden={tab !== 'site'}>
        {tabId !== null && view && <ScanSection tabId={tabId} url={view.url} />}
      </div>
    </main>
  )
}

