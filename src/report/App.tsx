// The audit report of one site: the session's audited pages, the site scan's columns and links, every finding with
// filters, a freshness chart, and the session as CSV or JSON (JSON can be imported back). Page text is rendered as
// preact text only.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks'
import { csvFileName, reportsToCsv } from '../engine/csv.ts'
import type { SiteColumn } from '../engine/site/types.ts'
import type { Lang, PageReport } from '../engine/types.ts'
import type { ScanReport } from '../scan/report.ts'
import type { ScanView, SessionView } from '../shared/messages.ts'
import { columnBadgeText, columnStatusText, GROUP_MESSAGE, SITE_VERDICT_MESSAGE } from '../shared/scan.ts'
import { langOf } from '../shared/verdict.ts'
import { api, downloadCsv, downloadText, t, uiLanguage } from '../popup/api.ts'
import { buildSessionFile, MAX_FILE_BYTES, parseSessionFile } from './session-file.ts'
import { FreshnessChart } from './FreshnessChart.tsx'
import { FindingTable, type Row } from './FindingTable.tsx'
import { ReportSummary } from './ReportSummary.tsx'
import { vetoItems } from './veto-items.ts'
import { buildOffice, downloadBytes, officeFileName, readExportTerms, type OfficeFormat } from './office-export.ts'
import { todayInShanghai } from '../engine/dates.ts'
import { TermsInEffect } from '../popup/TermsInEffect.tsx'
import { readSettings } from '../shared/settings.ts'
import { SessionHistory } from './SessionHistory.tsx'
import { isOpenFail, isDismissed } from '../engine/cycle/dismissals.ts'

const lang: Lang = langOf(uiLanguage)

const CLASS_MESSAGE: Record<SiteColumn['class'], string> = {
  news: 'classNews',
  notice: 'classNotice',
  'long-term': 'classLongTerm',
  other: 'classOther',
}

/** The site scan as one page of the session, so CSV rows of the veto counts sit beside the pages' own findings. */
export function sitePageOf(scan: ScanReport): PageReport {
  const page = scan.pages.find((p) => p.source === 'site-scan')
  return { url: scan.startUrl, title: page?.title ?? '', kind: 'other', asOf: scan.asOf, findings: scan.findings, notes: scan.stats.notes }
}

/** The auditor's name, when the options page has stored one. */
async function readAuditor(): Promise<string | null> {
  try {
    const { settings } = await readSettings()
    return settings.auditorName.trim() || null
  } catch {
    return null
  }
}

export function App({ host }: { host: string | null }) {
  const [session, setSession] = useState<SessionView | null>(null)
  const [scanView, setScanView] = useState<ScanView | null>(null)
  const [auditor, setAuditor] = useState<string | null>(null)
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null)

  const load = useCallback(async () => {
    if (!host) return
    const [s, sc] = await Promise.all([api.getSession(host), api.getScan(host)])
    setSession(s)
    setScanView(sc)
  }, [host])

  useEffect(() => {
    void load()
    void readAuditor().then(setAuditor)
  }, [load])

  const scan = scanView?.report ?? null
  const packs = scanView?.packs ?? []
  const titles = useMemo(() => {
    const m = new Map<string, string>()
    for (const p of packs) for (const r of p.rules) m.set(r.id, r.title[lang] || r.title.zh)
    return m
  }, [packs])

  const pages: PageReport[] = session?.reports ?? []
  const sitePage = useMemo(() => (scan ? sitePageOf(scan) : null), [scan])
  const allPages = useMemo(() => (sitePage ? [...pages, sitePage] : pages), [pages, sitePage])
  const rows: Row[] = useMemo(
    () => allPages.flatMap((page) => page.findings.map((finding) => ({ page, site: page === sitePage, finding }))),
    [allPages, sitePage],
  )
  const items = useMemo(() => vetoItems(packs, pages, scan, lang), [packs, pages, scan])
  const asOf = scan?.asOf ?? pages.reduce<string | null>((latest, p) => (!latest || p.asOf > latest ? p.asOf : latest), null)

  if (!host) return <main class="report"><p>{t('reportNoHost')}</p></main>

  const onExportCsv = (): void => {
    downloadCsv(reportsToCsv(allPages, packs, { lang }), csvFileName(host, new Date()))
  }
  const onExportJson = (): void => {
    const file = buildSessionFile(host, pages, scan, new Date(), session?.unsaved ?? [])
    downloadText(JSON.stringify(file, null, 2), 'application/json', csvFileName(host, new Date()).replace(/\.csv$/, '.json'))
  }
  const onExportOffice = async (format: OfficeFormat): Promise<void> => {
    try {
      const terms = await readExportTerms(host)
      const bytes = await buildOffice(
        format,
        { pages, sitePage, packs, columns: scan?.site.columns ?? null, counts: scan?.site.counts ?? null },
        {
          site: host,
          asOf: asOf ?? todayInShanghai(),
          deadlineWorkingDays: terms.deadlineWorkingDays,
          ...(terms.bodyType && { bodyType: terms.bodyType }),
          // Without a stored name, `?auditor=` on the report's address supplies one.
          auditor: terms.auditor || auditor || new URLSearchParams(location.search).get('auditor')?.trim() || '',
          generatedAt: new Date().toISOString(),
        },
      )
      downloadBytes(bytes, format, officeFileName(format, host, new Date()))
    } catch (e) {
      setNotice({ ok: false, text: t('exportError', (e as Error)?.message ?? String(e)) })
    }
  }
  const onImport = async (e: Event): Promise<void> => {
    const input = e.currentTarget as HTMLInputElement
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    if (file.size > MAX_FILE_BYTES) {
      setNotice({ ok: false, text: t('importError', `${(file.size / 1048576).toFixed(1)} MB`) })
      return
    }
    const parsed = parseSessionFile(await file.text())
    if (!parsed.ok) {
      setNotice({ ok: false, text: t('importError', parsed.error) })
      return
    }
    const { host: fileHost, pages: filePages, scan: fileScan, dismissals } = parsed.file
    const reply = await api.importSession(fileHost, filePages, fileScan, dismissals)
    if (!reply.ok) {
      setNotice({ ok: false, text: t('importError', reply.error ?? '') })
      return
    }
    setNotice({ ok: true, text: t('importDone', [String(filePages.length), fileScan ? t('importDoneScan') : '']) })
    // A file of another site is stored under its own site, and the report follows it there.
    if (fileHost !== host) location.search = `?host=${encodeURIComponent(fileHost)}`
    else await load()
  }

  return (
    <main class="report">
      <header>
        <h1 data-testid="report-title">{t('reportTitle', host)}</h1>
        <div class="toolbar no-print">
          <button type="button" data-testid="export-csv" onClick={onExportCsv}>
            {t('btnExportCsv')}
          </button>
          <button type="button" data-testid="export-json" onClick={onExportJson}>
            {t('btnExportJson')}
          </button>
          <button type="button" data-testid="export-xlsx" onClick={() => void onExportOffice('xlsx')}>
            {t('btnExportXlsx')}
          </button>
          <button type="button" data-testid="export-notice" onClick={() => void onExportOffice('docx')}>
            {t('btnExportNotice')}
          </button>
          <button type="button" data-testid="print" onClick={() => window.print()}>
            {t('reportPrint')}
          </button>
          <label class="import">
            {t('btnImportJson')}
            <input type="file" accept="application/json,.json" data-testid="import-json" onChange={(e) => void onImport(e)} />
          </label>
        </div>
        {!!session?.unsaved?.length && (
          <p class="error" role="alert" data-testid="storage-error">
            {t('sessionUnsaved', [String(session.unsaved.length), session.unsaved.slice(0, 3).join('、')])}
          </p>
        )}
        {notice && (
          <p class={notice.ok ? 'ok' : 'error'} role={notice.ok ? 'status' : 'alert'} data-testid="import-status" data-ok={String(notice.ok)}>
            {notice.text}
          </p>
        )}
      </header>

      <ReportSummary host={host} asOf={asOf} auditor={auditor} pages={pages} columns={scan ? scan.site.columns.length : null} items={items} />
      <TermsInEffect asOf={asOf} host={host} class="muted terms" />

      <section>
        <h2>{t('reportPages', String(pages.length))}</h2>
        {pages.length ? (
          <table data-testid="pages">
            <thead>
              <tr>
                <th>{t('thTitle')}</th>
                <th>{t('thUrl')}</th>
                <th>{t('thFindings')}</th>
              </tr>
            </thead>
            <tbody>
              {pages.map((p) => (
                <tr key={p.url ?? p.title} data-testid="page-row" data-url={p.url ?? ''}>
                  <td>
                    {p.title}
                    {p.loginPage && (
                      <span class="login-badge" data-testid="login-page" title={t('loginPageHint')}>
                        {t('loginPageBadge')}
                      </span>
                    )}
                  </td>
                  <td class="url">{p.url}</td>
                  <td>
                    {p.findings.filter(isOpenFail).length} / {p.findings.filter((f) => f.status === 'review' && !isDismissed(f)).length}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="muted">{t('reportNoPages')}</p>
        )}
      </section>

      <SessionHistory host={host} current={pages} startedAt={session?.startedAt ?? ''} />

      <ScanSection scan={scan} view={scanView} />

      <FindingTable rows={rows} titles={titles} />
    </main>
  )
}

function ScanSection({ scan, view }: { scan: ScanReport | null; view: ScanView | null }) {
  const summary = view?.summary ?? null
  if (!scan || !summary) {
    return (
      <section>
        <h2>{t('reportColumns')}</h2>
        <p class="muted">{t('reportNoScan')}</p>
      </section>
    )
  }
  const problems = scan.site.links.filter((l) => l.result !== 'ok')
  const linkKey = { broken: 'linkBroken', unverifiable: 'linkUnverifiable', soft404: 'linkSoft404', ok: 'colOk' } as const
  return (
    <section data-testid="scan-report">
      <h2>{t('reportColumns')}</h2>
      <p class="muted" data-testid="scan-stats">
        {t('reportScanStats', [scan.asOf, String(scan.stats.requests), (scan.stats.elapsedMs / 1000).toFixed(1)])}
        {!scan.stats.complete && ` ${t('reportScanIncomplete')}`}
      </p>
      <div class={`verdict verdict-${summary.verdict}`} data-testid="scan-verdict" data-verdict={summary.verdict}>
        {t(SITE_VERDICT_MESSAGE[summary.verdict])}
      </div>
      <ul class="groups">
        {summary.groups.map((g) => (
          <li key={g.key} class={`group st-${g.status === 'n/a' ? 'na' : g.status}`} data-testid="scan-count" data-group={g.key} data-count={g.count}>
            <b>{t(GROUP_MESSAGE[g.key])}</b> {t('siteCount', [String(g.count), String(g.limit)])}
            {g.columns.length > 0 && <span class="muted">：{g.columns.join('、')}</span>}
          </li>
        ))}
        {(summary.hits ?? []).map((h) => (
          <li key={h.key} class={`group st-${h.status === 'n/a' ? 'na' : h.status}`} data-testid="scan-hit" data-group={h.key} data-count={h.count}>
            <b>{lang === 'en' ? h.title.en : h.title.zh}</b> {t('siteCount', [String(h.count), String(h.limit)])}
          </li>
        ))}
      </ul>
      <table data-testid="columns">
        <thead>
          <tr>
            <th>{t('thName')}</th>
            <th>{t('thUrl')}</th>
            <th>{t('thClass')}</th>
            <th>{t('thEntries')}</th>
            <th>{t('thLatest')}</th>
            <th>{t('thDays')}</th>
            <th>{t('thStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {scan.site.columns.map((c) => (
            <tr key={`${c.name}|${c.url ?? ''}`} class={`col-${c.status}`} data-testid="column-row" data-column-name={c.name} data-status={c.status} title={c.detail ?? ''}>
              <td>{c.name}</td>
              <td class="url">{c.url ?? ''}</td>
              <td>{t(CLASS_MESSAGE[c.class])}</td>
              <td>{c.entries ?? '—'}</td>
              <td>{c.latestDate ?? '—'}</td>
              <td>{c.daysSince ?? '—'}</td>
              <td class="status" title={columnBadgeText(c, t)}>
                {columnStatusText(c, t)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FreshnessChart columns={scan.site.columns} packs={view?.packs ?? []} />
      <h3>{t('reportLinks', String(problems.length))}</h3>
      {problems.length > 0 && (
        <table data-testid="links">
          <tbody>
            {problems.map((l) => (
              <tr key={`${l.url}|${l.from}`} data-testid="link-row" data-result={l.result}>
                <td>{t(linkKey[l.result])}</td>
                <td>{l.httpStatus ?? l.error ?? ''}</td>
                <td class="url">{l.url}</td>
                <td class="url muted">{l.from}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
