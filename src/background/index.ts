// Service worker: runs the engine on the HTML the content scripts send, keeps each tab's frame reports and the audit
// session, and carries the popup's commands to the right frame. No state lives only in memory: MV3 stops the worker.
import browser, { type Runtime } from 'webextension-polyfill'
import { audit } from '../engine/audit.ts'
import type { AuditReply, ContentToWorker, FrameState, OkReply, PopupToWorker } from '../shared/messages.ts'
import { cancelScan, getScan, inlineFor, resumeScans, saveImportedScan, SCAN_ALARM, startScan } from './scan.ts'
import {
  appendToSession,
  dropTab,
  mergeIntoSession,
  putFrame,
  recordUnsaved,
  readSession,
  readTab,
  resetTab,
  serialized,
  setMarkersVisible,
  startSession,
} from './store.ts'
import { buildTabView, classifyUrl, hostOf } from './view.ts'
import { onCycleMessage } from './cycle.ts'
import { importDismissals, withDismissals } from './cycle-store.ts'
import { isHost } from '../report/session-file.ts'
import { auditTerms, termsForTab, watchSettings } from './terms.ts'
import { clearSite, hostsWithData, pruneExpired, RETENTION_ALARM, startRetention } from './site-data.ts'

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

async function onContentMessage(msg: ContentToWorker, sender: Runtime.MessageSender): Promise<AuditReply> {
  const tabId = sender.tab?.id
  const frameId = sender.frameId ?? 0
  if (tabId === undefined || tabId < 0) return { report: null, markersVisible: true, error: 'no tab' }
  const url = sender.url ?? msg.url
  const base = {
    frameId,
    url,
    childFrames: Math.max(0, Number(msg.childFrames) || 0),
    docStart: Number(msg.docStart) || 0,
    at: Date.now(),
  }
  if (msg.type === 'skip') {
    const state = await putFrame(tabId, { ...base, status: msg.reason, report: null, size: msg.size })
    return { report: null, markersVisible: state.markersVisible }
  }
  let frame: FrameState
  try {
    const t0 = performance.now()
    const terms = await auditTerms(hostOf(sender.tab?.url ?? url))
    const report = audit(String(msg.html), { url, packs: terms.packs, asOf: terms.asOf, lang: terms.lang })
    frame = { ...base, status: 'ok', report, auditMs: Math.round(performance.now() - t0) }
  } catch (error) {
    frame = { ...base, status: 'error', report: null, error: errorText(error) }
  }
  let state: Awaited<ReturnType<typeof putFrame>>
  try {
    state = await putFrame(tabId, frame)
  } catch (error) {
    // storage.session holds 10 MB: a report too large to keep is said so (the popup shows it instead of re-auditing
    // on every open), and this frame's markers are still drawn from the report in hand.
    const size = JSON.stringify(frame.report ?? {}).length
    const note = `报告过大，无法保存（约 ${(size / 1048576).toFixed(1)} MB）/ report too large to store: ${errorText(error)}`
    state = await putFrame(tabId, { ...base, status: 'error', report: null, error: note })
  }
  // The session belongs to the site the user is on, so child frames from other hosts count for the top page's site.
  const host = hostOf(sender.tab?.url ?? state.topUrl ?? url)
  // Not awaited: the markers need not wait for the session write, which the store queue still orders.
  if (frame.report && host) {
    const pageUrl = frame.report.url ?? url
    appendToSession(host, frame.report).catch(async (error) => {
      // With unlimitedStorage the session has no 10 MB quota; a write can still fail (disk full). The page's own
      // markers still work; the popup names the pages the session lacks.
      console.warn('disclosure-auditor: session write failed', errorText(error))
      await recordUnsaved(host, pageUrl).catch(() => undefined)
    })
  }
  // A reloaded start page gets its scan badges back without a new scan.
  const scan = frameId === 0 && frame.report ? await inlineFor(url).catch(() => null) : null
  // The page draws no marker for what the auditor dismissed, so its report goes back with the site's dismissals marked.
  const shown = frame.report && host ? (await withDismissals(browser.storage.local, host, [frame.report]))[0] : frame.report
  return { report: shown, markersVisible: state.markersVisible, error: frame.error, scan }
}

async function pingTop(tabId: number): Promise<boolean> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'ping' }, { frameId: 0 })) as { alive?: boolean } | undefined
    return !!reply?.alive
  } catch {
    return false
  }
}

/**
 * The built manifest names the content script's output file; injecting that same file needs no web-accessible
 * resource (a `?script` import would expose it to every page, which lets pages detect the extension).
 */
function contentScriptFiles(): string[] {
  return browser.runtime.getManifest().content_scripts?.[0]?.js ?? []
}

async function auditTab(tabId: number): Promise<OkReply> {
  if (await pingTop(tabId)) {
    await browser.tabs.sendMessage(tabId, { type: 'reaudit' }).catch(() => undefined)
    return { ok: true }
  }
  let url: string | undefined
  try {
    url = (await browser.tabs.get(tabId)).url
  } catch {
    return { ok: false, reason: 'no-tab' }
  }
  const blocked = classifyUrl(url)
  if (blocked) return { ok: false, reason: blocked }
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: contentScriptFiles() })
    return { ok: true }
  } catch {
    return { ok: false, reason: 'no-access' }
  }
}

async function onPopupMessage(msg: PopupToWorker): Promise<unknown> {
  switch (msg.type) {
    case 'getTabReport':
      return buildTabView(msg.tabId, await readTab(msg.tabId), (await termsForTab(msg.tabId)).packs, pingTop)
    case 'reaudit':
    case 'auditActiveTab':
      return auditTab(msg.tabId)
    case 'toggleMarkers':
      await setMarkersVisible(msg.tabId, !!msg.visible)
      // No frameId: every frame of the tab draws its own markers.
      await browser.tabs.sendMessage(msg.tabId, { type: 'setMarkersVisible', visible: !!msg.visible }).catch(() => undefined)
      return { ok: true } satisfies OkReply
    case 'scrollToFinding': {
      const state = await readTab(msg.tabId)
      const frame = Object.values(state.frames).find((f) => f.report?.findings.some((x) => x.id === msg.findingId))
      if (!frame) return { ok: false, found: false } satisfies OkReply
      try {
        const reply = (await browser.tabs.sendMessage(
          msg.tabId,
          { type: 'scrollTo', findingId: msg.findingId },
          { frameId: frame.frameId },
        )) as OkReply | undefined
        return { ok: true, found: !!reply?.found } satisfies OkReply
      } catch {
        return { ok: false, found: false } satisfies OkReply
      }
    }
    case 'getSession':
      return readSession(msg.host)
    case 'newSession': {
      const seed =
        msg.seedTabId === undefined
          ? []
          : Object.values((await readTab(msg.seedTabId)).frames)
              .sort((a, b) => a.frameId - b.frameId)
              .flatMap((f) => (f.report ? [f.report] : []))
      return startSession(msg.host, seed)
    }
    case 'startScan': {
      const terms = await termsForTab(msg.tabId)
      return startScan(msg.tabId, terms.packs, terms.lang, terms.asOf)
    }
    case 'cancelScan':
      return cancelScan(String(msg.host))
    case 'getScan':
      return getScan(msg.host, (await auditTerms(msg.host)).packs)
    case 'importSession': {
      // The report page validated the file; the host becomes part of storage keys, so the worker checks it again.
      const host = String(msg.host)
      if (!isHost(host)) return { ok: false, error: `不是有效的主机名 / not a valid host: ${host.slice(0, 80)}` }
      try {
        await mergeIntoSession(host, msg.pages)
        await saveImportedScan(host, msg.scan)
        await serialized(() => importDismissals(browser.storage.local, host, msg.dismissals))
      } catch (e) {
        return { ok: false, error: `导入失败 / import failed: ${(e as Error).message}` }
      }
      return { ok: true } satisfies OkReply
    }
    case 'siteDataHosts':
      return hostsWithData()
    case 'clearSiteData': {
      // The host becomes part of storage-key matching: only a real host[:port] is accepted.
      const host = String(msg.host)
      if (!isHost(host)) return { ok: false, error: `不是有效的主机名 / not a valid host: ${host.slice(0, 80)}` }
      return { ok: true, cleared: await clearSite(host) }
    }
  }
  return onCycleMessage(msg)
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const msg = raw as { type?: string }
  // Only our own pages and content scripts can reach this listener (no externally_connectable); content scripts
  // are told apart by having a tab, and they may only use the content-side messages.
  if (sender.id !== browser.runtime.id) return undefined
  if (sender.tab && (msg?.type === 'audit' || msg?.type === 'skip')) return onContentMessage(raw as ContentToWorker, sender)
  if (!sender.tab || sender.url?.startsWith(browser.runtime.getURL(''))) return onPopupMessage(raw as PopupToWorker)
  return undefined
})

browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document is loading in the tab: drop the previous page's frames before the new ones report.
  if (change.status === 'loading' && change.url !== undefined) void resetTab(tabId)
})
browser.tabs.onRemoved.addListener((tabId) => void dropTab(tabId))

// Every worker start (browser start, wake after idle, a stop mid-scan) continues the scans that were running.
// onStartup has a listener so that a browser restart starts the worker even when no page or popup asks for it.
/**
 * Expiry that fails loses nothing (pages are kept longer than the setting asks, and the next start or daily alarm tries
 * again), so it is logged for whoever debugs the worker rather than shown to the auditor.
 */
function retentionFailed(error: unknown): void {
  console.warn('disclosure-auditor: retention pruning failed; it is tried again at the next start or daily alarm', error)
}

browser.runtime.onStartup.addListener(() => void resumeScans().catch(() => undefined))
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === SCAN_ALARM) void resumeScans().catch(() => undefined)
  if (alarm.name === RETENTION_ALARM) void pruneExpired().catch(retentionFailed)
})
void resumeScans().catch(() => undefined)
// Audited pages are kept only as long as the options page says; a changed limit applies at once.
void startRetention().catch(retentionFailed)
watchSettings(() => void pruneExpired().catch(retentionFailed))
