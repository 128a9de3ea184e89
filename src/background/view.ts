// What the popup shows for one tab: the frames' reports merged, or the reason there is nothing to show.
import browser from 'webextension-polyfill'
import type { Finding, RulePack } from '../engine/types.ts'
import type { ReasonCode, TabView } from '../shared/messages.ts'
import type { TabState } from './store.ts'
import { hostOf } from '../engine/site/urls.ts'
import { withDismissals } from './cycle-store.ts'

const NOT_HTML = /\.(pdf|png|jpe?g|gif|webp|bmp|svg|ico|tiff?|mp4|webm|mp3|zip|rar|7z|docx?|xlsx?|pptx?|wps|ofd)$/i

export { hostOf }

/** Reasons a tab can be known to be unauditable from its url alone (undefined url: we have no access to it). */
export function classifyUrl(url: string | undefined): ReasonCode | null {
  if (url === undefined || url === '') return null
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return 'restricted'
  }
  if (u.protocol === 'file:') return NOT_HTML.test(u.pathname) ? 'not-html' : null
  if (!/^https?:$/.test(u.protocol)) return 'restricted'
  if (u.host === 'chromewebstore.google.com' || (u.host === 'chrome.google.com' && u.pathname.startsWith('/webstore')))
    return 'restricted'
  if (NOT_HTML.test(u.pathname)) return 'not-html'
  return null
}

export async function buildTabView(
  tabId: number,
  state: TabState,
  packs: RulePack[],
  pingTop: (tabId: number) => Promise<boolean>,
): Promise<TabView> {
  let tabUrl: string | undefined
  let title = ''
  let tabExists = true
  try {
    const tab = await browser.tabs.get(tabId)
    tabUrl = tab.url
    title = tab.title ?? ''
  } catch {
    tabExists = false
  }
  const frames = Object.values(state.frames).sort((a, b) => a.frameId - b.frameId)
  const top = state.frames['0']
  const url = tabUrl ?? top?.url ?? state.topUrl
  // The site's dismissals mark the findings here, so the popup's verdict, counts and CSV all see them.
  const reports = await withDismissals(browser.storage.local, hostOf(url), frames.flatMap((f) => (f.report ? [f.report] : [])))
  const findings: Finding[] = reports.flatMap((r) => r.findings)
  const view: TabView = {
    tabId,
    url: url ?? null,
    host: hostOf(url),
    title: reports[0]?.title || title,
    reason: null,
    missingFrames: 0,
    reports,
    findings,
    markersVisible: state.markersVisible,
    packs,
    asOf: reports[0]?.asOf ?? null,
  }
  if (!tabExists) return { ...view, reason: 'no-tab' }
  if (top && top.status !== 'ok') {
    view.reason = top.status
    if (top.status === 'error') view.error = top.error
    return view
  }
  if (!frames.length) {
    view.reason = classifyUrl(tabUrl) ?? ((await pingTop(tabId)) ? 'pending' : 'no-report')
    // The agent is there but silent, e.g. the page changed url without a DOM change after the last reset: ask now.
    if (view.reason === 'pending') await browser.tabs.sendMessage(tabId, { type: 'reaudit' }).catch(() => undefined)
    return view
  }
  // Each reporting frame says how many http(s) frames it holds; frames that never reported were out of reach.
  const expected = 1 + frames.reduce((n, f) => n + f.childFrames, 0)
  const audited = frames.filter((f) => f.status === 'ok' || f.status === 'not-html').length
  // A top frame without an agent (a non-gov.cn page holding gov.cn frames) counts as one of the missing frames.
  view.missingFrames = Math.max(0, expected - audited)
  return view
}
