// The popup's site scan: start (asking for the site's host permission first when it is not a gov.cn site), follow
// the progress the worker keeps in storage, cancel, and the site-level result once the scan ends.
import browser from 'webextension-polyfill'
import { useCallback, useEffect, useState } from 'preact/hooks'
import type { ScanRefusal, ScanView } from '../shared/messages.ts'
import { columnBadgeText, GROUP_MESSAGE, SITE_VERDICT_MESSAGE, type ScanProgressView } from '../shared/scan.ts'
import { scanProgressKey } from '../shared/storage.ts'
import { api, onStorageChange, readScanProgress, t, uiLanguage } from './api.ts'
import { langOf } from '../shared/verdict.ts'

const GOV_HOST = /(^|\.)gov\.cn$/i

const REFUSAL_MESSAGE: Record<ScanRefusal, string> = {
  'no-tab': 'scanNoTab',
  restricted: 'scanRestricted',
  'no-permission': 'scanNoPermission',
  error: 'scanError',
}

function httpUrl(url: string | null): URL | null {
  if (!url) return null
  try {
    const u = new URL(url)
    return /^https?:$/.test(u.protocol) ? u : null
  } catch {
    return null
  }
}

export function reportPageUrl(host: string): string {
  return `${browser.runtime.getURL('src/report/index.html')}?host=${encodeURIComponent(host)}`
}

export function ScanSection({ tabId, url }: { tabId: number | null; url: string | null }) {
  const page = httpUrl(url)
  const host = page?.host ?? null
  const [progress, setProgress] = useState<ScanProgressView | null>(null)
  const [scan, setScan] = useState<ScanView | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [already, setAlready] = useState(false)

  const refresh = useCallback(
    async (withReport: boolean) => {
      if (!host) return
      const p = await readScanProgress(host)
      setProgress(p)
      if (withReport || (p && p.state !== 'running')) setScan(await api.getScan(host))
    },
    [host],
  )

  useEffect(() => {
    void refresh(true).catch((e) => setNotice(String(e)))
  }, [refresh])

  useEffect(() => {
    if (!host) return
    return onStorageChange((area, keys) => {
      if (area === 'local' && keys.includes(scanProgressKey(host))) void refresh(false).catch(() => undefined)
    })
  }, [host, refresh])

  const running = progress?.state === 'running'

  const onScan = async (): Promise<void> => {
    if (tabId === null || !page) return
    setNotice(null)
    setAlready(false)
    // Asked here, inside the click: Chrome grants a host permission only in answer to a user gesture, and only
    // for the one site being scanned, never up front.
    if (!GOV_HOST.test(page.hostname)) {
      let granted = false
      try {
        granted = await browser.permissions.request({ origins: [`${page.origin}/*`] })
      } catch {
        granted = false
      }
      if (!granted) {
        setNotice(t('scanNoPermission', page.origin))
        return
      }
    }
    const r = await api.startScan(tabId)
    if (!r.ok) {
      const key = REFUSAL_MESSAGE[r.reason ?? 'error']
      setNotice(r.reason === 'no-permission' ? t(key, page.origin) : r.reason === 'error' ? t(key, r.error ?? '') : t(key))
      return
    }
    setAlready(!!r.already)
    if (r.progress) setProgress(r.progress)
  }

  const onCancel = async (): Promise<void> => {
    if (!host) return
    setProgress(await api.cancelScan(host))
    setScan(await api.getScan(host))
  }

  const onOpenReport = (): void => {
    if (host) void browser.tabs.create({ url: reportPageUrl(host) })
  }

  const report = scan?.report ?? null
  const summary = scan?.summary ?? null
  const showResult = !running && !!report && !!summary

  return (
    <section class="scan" data-testid="scan">
      <h2>{t('scanHeading')}</h2>
      <div class="toolbar">
        <button type="button" data-testid="scan-site" disabled={!page || tabId === null || running} onClick={() => void onScan()}>
          {t('btnScanSite')}
        </button>
        {running && (
          <button type="button" data-testid="scan-cancel" onClick={() => void onCancel()}>
            {t('btnScanCancel')}
          </button>
        )}
        <button type="button" data-testid="open-report" disabled={!host} onClick={onOpenReport}>
          {t('btnOpenReport')}
        </button>
      </div>
      {notice && (
        <p class="notice" role="alert" data-testid="scan-notice">
          {notice}
        </p>
      )}
      {already && <p class="muted">{t('scanAlready')}</p>}
      {progress && (
        <div class="scan-progress" data-testid="scan-progress" data-state={progress.state}>
          {progress.state === 'running' && (
            <>
              <progress max={Math.max(1, progress.total)} value={progress.done} />
              <p>{t('scanRunning', [String(progress.done), String(progress.total)])}</p>
              {progress.current && (
                <p class="muted" data-testid="scan-current">
                  {t('scanCurrent', progress.current.name || progress.current.url)}
                </p>
              )}
              <p class="muted">{t('scanResumeHint')}</p>
            </>
          )}
          {progress.state === 'done' && report && (
            <p>{t('scanDone', [String(report.site.columns.length), String(progress.requests)])}</p>
          )}
          {progress.state === 'cancelled' && <p>{t('scanCancelled', [String(progress.done), String(progress.total)])}</p>}
          {progress.state === 'error' && <p class="notice">{t('scanError', progress.error ?? '')}</p>}
        </div>
      )}
      {showResult && (
        <div class="scan-result">
          <div class={`verdict verdict-${summary.verdict === 'veto' ? 'veto' : summary.verdict}`} data-testid="scan-verdict" data-verdict={summary.verdict}>
            {t(SITE_VERDICT_MESSAGE[summary.verdict])}
          </div>
          <ul class="scan-groups">
            {summary.groups.map((g) => (
              <li key={g.key} class={`scan-group st-${g.status === 'n/a' ? 'na' : g.status}`} data-testid="scan-count" data-group={g.key} data-count={g.count} data-status={g.status}>
                <b>{t(GROUP_MESSAGE[g.key])}</b> <span class="num">{t('siteCount', [String(g.count), String(g.limit)])}</span>
                {g.columns.length > 0 && <div class="muted">{g.columns.join('、')}</div>}
              </li>
            ))}
            {(summary.hits ?? []).map((h) => (
              <li key={h.key} class={`scan-group st-${h.status === 'n/a' ? 'na' : h.status}`} data-testid="scan-hit" data-group={h.key} data-count={h.count} data-status={h.status}>
                <b>{langOf(uiLanguage) === 'en' ? h.title.en : h.title.zh}</b> <span class="num">{t('siteCount', [String(h.count), String(h.limit)])}</span>
              </li>
            ))}
          </ul>
          <ul class="scan-columns">
            {report.site.columns.map((c) => (
              <li key={`${c.name}|${c.url ?? ''}`} class={`scan-column col-${c.status}`} data-testid="scan-column" data-column-url={c.url ?? ''} data-status={c.status} title={c.detail ?? ''}>
                <span class="name">{c.name}</span> <span class="badge">{columnBadgeText(c, t)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
