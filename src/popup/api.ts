// Thin typed wrappers over the popup → service worker messages.
import browser from 'webextension-polyfill'
import type { OkReply, PopupToWorker, ScanView, SessionView, StartScanReply, TabView } from '../shared/messages.ts'
import type { PageReport } from '../engine/types.ts'
import type { Dismissal } from '../engine/cycle/dismissals.ts'
import type { ScanReport } from '../scan/report.ts'
import type { ScanProgressView } from '../shared/scan.ts'
import { scanProgressKey } from '../shared/storage.ts'
import { message, uiLanguageTag } from '../shared/i18n.ts'

async function ask<T>(msg: PopupToWorker): Promise<T> {
  return (await browser.runtime.sendMessage(msg)) as T
}

export const api = {
  getTabReport: (tabId: number) => ask<TabView>({ type: 'getTabReport', tabId }),
  reaudit: (tabId: number) => ask<OkReply>({ type: 'reaudit', tabId }),
  auditActiveTab: (tabId: number) => ask<OkReply>({ type: 'auditActiveTab', tabId }),
  toggleMarkers: (tabId: number, visible: boolean) => ask<OkReply>({ type: 'toggleMarkers', tabId, visible }),
  scrollToFinding: (tabId: number, findingId: string) => ask<OkReply>({ type: 'scrollToFinding', tabId, findingId }),
  getSession: (host: string | null) => ask<SessionView>({ type: 'getSession', host }),
  newSession: (host: string | null, seedTabId?: number) => ask<SessionView>({ type: 'newSession', host, seedTabId }),
  startScan: (tabId: number) => ask<StartScanReply>({ type: 'startScan', tabId }),
  cancelScan: (host: string) => ask<ScanProgressView | null>({ type: 'cancelScan', host }),
  getScan: (host: string | null) => ask<ScanView>({ type: 'getScan', host }),
  importSession: (host: string, pages: PageReport[], scan: ScanReport | null, dismissals?: Dismissal[]) =>
    ask<OkReply>({ type: 'importSession', host, pages, scan, dismissals }),
}

/**
 * Asks the tab's content scripts to draw (or drop) badges for passing items. Sent straight to the tab: only extension
 * pages can message a content script, and it is a display switch with nothing for the worker to keep.
 */
export async function showPassMarkers(tabId: number, show: boolean): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, { type: 'setShowPasses', show })
    return true
  } catch {
    return false
  }
}

/** Read straight from storage: following a scan's progress must not keep waking the worker. */
export async function readScanProgress(host: string): Promise<ScanProgressView | null> {
  const key = scanProgressKey(host)
  return ((await browser.storage.local.get(key))[key] as ScanProgressView | undefined) ?? null
}

/** Through shared/i18n.ts, so the options page's language choice applies (chrome.i18n cannot switch at run time). */
export function t(key: string, subs?: string | string[]): string {
  return message(key, subs)
}

/** Evaluated when this module first loads: the entry points apply the language setting before importing it. */
export const uiLanguage = uiLanguageTag()

/** The tab to report on: `?tabId=N` (tests, or the popup opened as a tab), else the active tab of this window. */
export async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tabId')
  if (param !== null && /^\d+$/.test(param)) return Number(param)
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true })
  return tab?.id ?? null
}

export const explicitTab = new URLSearchParams(location.search).has('tabId')

export function onStorageChange(listener: (area: string, keys: string[]) => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string): void => listener(area, Object.keys(changes))
  browser.storage.onChanged.addListener(handler)
  return () => browser.storage.onChanged.removeListener(handler)
}

/** Saves a file through an `<a download>`: no `downloads` permission needed, and the name is ours. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export function downloadText(text: string, type: string, fileName: string): void {
  downloadBlob(new Blob([text], { type }), fileName)
}

/** The CSV string already starts with the BOM; the Blob keeps it, so Excel and WPS read the file as UTF-8. */
export function downloadCsv(csv: string, fileName: string): void {
  downloadText(csv, 'text/csv;charset=utf-8', fileName)
}
