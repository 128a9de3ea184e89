// Thin typed wrappers over the popup → service worker messages.
import browser from 'webextension-polyfill'
import type { OkReply, PopupToWorker, SessionView, TabView } from '../shared/messages.ts'

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
}

export function t(key: string, subs?: string | string[]): string {
  return browser.i18n.getMessage(key, subs) || key
}

export const uiLanguage = browser.i18n.getUILanguage()

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

/** The CSV string already starts with the BOM; the Blob keeps it, so Excel and WPS read the file as UTF-8. */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
