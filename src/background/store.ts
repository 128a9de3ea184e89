// Tab state (storage.session) and audit sessions (storage.local). Every read-modify-write goes through one queue:
// the frames of a tab report at nearly the same moment, and interleaved writes would drop a frame.
import browser from 'webextension-polyfill'
import { stripFragment } from '../engine/finding.ts'
import type { PageReport } from '../engine/types.ts'
import type { FrameState, SessionView } from '../shared/messages.ts'
import { LAST_SESSION_KEY, sessionMetaKey, sessionPageKey, tabKey, type SessionMeta } from '../shared/storage.ts'
import { archiveSession, withDismissals } from './cycle-store.ts'

export interface TabState {
  tabId: number
  /** Top frame url (fragment removed) the frames belong to. */
  topUrl: string | null
  markersVisible: boolean
  frames: Record<string, FrameState>
}

let queue: Promise<unknown> = Promise.resolve()

/** Runs `task` after every earlier queued task, whatever their outcome. */
export function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task)
  queue = run.catch(() => undefined)
  return run
}

export async function readTab(tabId: number): Promise<TabState> {
  const key = tabKey(tabId)
  const got = await browser.storage.session.get(key)
  const state = got[key] as TabState | undefined
  return state ?? { tabId, topUrl: null, markersVisible: true, frames: {} }
}

async function writeTab(state: TabState): Promise<void> {
  await browser.storage.session.set({ [tabKey(state.tabId)]: state })
}

export function putFrame(tabId: number, frame: FrameState): Promise<TabState> {
  return serialized(async () => {
    const state = await readTab(tabId)
    const top = state.frames['0']
    if (frame.frameId === 0 && top && top.docStart !== frame.docStart) {
      // A new top document (reload, navigation): child frames reported before it started belonged to the old page,
      // and reloaded child frames come back under new frame ids, so they would otherwise be counted twice.
      for (const [id, f] of Object.entries(state.frames)) if (f.at < frame.docStart) delete state.frames[id]
    }
    if (frame.frameId === 0) state.topUrl = stripFragment(frame.url)
    state.frames[String(frame.frameId)] = frame
    await writeTab(state)
    return state
  })
}

export function resetTab(tabId: number): Promise<void> {
  return serialized(async () => {
    const state = await readTab(tabId)
    if (!Object.keys(state.frames).length && state.topUrl === null) return
    await writeTab({ ...state, topUrl: null, frames: {} })
  })
}

export function dropTab(tabId: number): Promise<void> {
  return serialized(() => browser.storage.session.remove(tabKey(tabId)))
}

export function setMarkersVisible(tabId: number, visible: boolean): Promise<void> {
  return serialized(async () => {
    const state = await readTab(tabId)
    state.markersVisible = visible
    await writeTab(state)
  })
}

// ---- audit sessions ------------------------------------------------------------------------------------------------

async function readMeta(host: string): Promise<SessionMeta | null> {
  const key = sessionMetaKey(host)
  const got = await browser.storage.local.get(key)
  return (got[key] as SessionMeta | undefined) ?? null
}

/** Adds or replaces (same url) one page of the host's current session, starting a session when there is none. */
export function appendToSession(host: string, report: PageReport): Promise<void> {
  return serialized(async () => {
    const url = stripFragment(report.url ?? '')
    if (!url) return
    const meta = (await readMeta(host)) ?? { host, startedAt: new Date().toISOString(), urls: [] }
    if (!meta.urls.includes(url)) meta.urls.push(url)
    meta.seenAt = { ...meta.seenAt, [url]: new Date().toISOString() }
    await browser.storage.local.set({
      [sessionPageKey(host, url)]: report,
      [sessionMetaKey(host)]: meta,
      [LAST_SESSION_KEY]: host,
    })
  })
}

async function resolveHost(host: string | null): Promise<string | null> {
  if (host) return host
  const got = await browser.storage.local.get(LAST_SESSION_KEY)
  return typeof got[LAST_SESSION_KEY] === 'string' ? (got[LAST_SESSION_KEY] as string) : null
}

const unsavedKey = (host: string): string => `unsaved:${host}`
const MAX_UNSAVED = 200

/**
 * A page whose report could not be written to the session (disk full, a storage error): kept in session storage so
 * the popup can say which pages the session and its exports lack, instead of losing them without a word.
 */
export async function recordUnsaved(host: string, url: string): Promise<void> {
  const key = unsavedKey(host)
  const list = ((await browser.storage.session.get(key))[key] as string[] | undefined) ?? []
  if (!list.includes(url)) await browser.storage.session.set({ [key]: [...list, url].slice(-MAX_UNSAVED) })
}

export function readSession(wanted: string | null): Promise<SessionView> {
  return serialized(async () => {
    const host = await resolveHost(wanted)
    if (!host) return { host: null, startedAt: '', reports: [] }
    const key = unsavedKey(host)
    const unsaved = ((await browser.storage.session.get(key))[key] as string[] | undefined) ?? []
    const meta = await readMeta(host)
    if (!meta) return { host, startedAt: '', reports: [], unsaved }
    const keys = meta.urls.map((url) => sessionPageKey(host, url))
    const pages = keys.length ? await browser.storage.local.get(keys) : {}
    const reports = keys.map((k) => pages[k] as PageReport | undefined).filter((r): r is PageReport => !!r)
    return { host, startedAt: meta.startedAt, reports: await withDismissals(browser.storage.local, host, reports), unsaved }
  })
}

/** Archives the host's session into its history; `seed` (the pages on screen) become the first pages of the new one. */
export function startSession(wanted: string | null, seed: PageReport[]): Promise<SessionView> {
  return serialized(async () => {
    const host = await resolveHost(wanted)
    if (!host) return { host: null, startedAt: '', reports: [] }
    const meta = await readMeta(host)
    if (meta) {
      const keys = meta.urls.map((url) => sessionPageKey(host, url))
      const pages = keys.length ? await browser.storage.local.get(keys) : {}
      const reports = keys.map((k) => pages[k] as PageReport | undefined).filter((r): r is PageReport => !!r)
      await archiveSession(browser.storage.local, host, { startedAt: meta.startedAt, reports })
      await browser.storage.local.remove(keys)
    }
    await browser.storage.session.remove(unsavedKey(host))
    const fresh: SessionMeta = { host, startedAt: new Date().toISOString(), urls: [] }
    const items: Record<string, unknown> = {}
    const reports: PageReport[] = []
    for (const report of seed) {
      const url = stripFragment(report.url ?? '')
      if (!url || fresh.urls.includes(url)) continue
      fresh.urls.push(url)
      fresh.seenAt = { ...fresh.seenAt, [url]: fresh.startedAt }
      items[sessionPageKey(host, url)] = report
      reports.push(report)
    }
    items[sessionMetaKey(host)] = fresh
    items[LAST_SESSION_KEY] = host
    await browser.storage.local.set(items)
    return { host, startedAt: fresh.startedAt, reports: await withDismissals(browser.storage.local, host, reports) }
  })
}

/** Adds imported pages to the host's session: a page already there is replaced by the imported one (same url). */
export function mergeIntoSession(host: string, reports: PageReport[]): Promise<SessionView> {
  return serialized(async () => {
    const meta = (await readMeta(host)) ?? { host, startedAt: new Date().toISOString(), urls: [] }
    const items: Record<string, unknown> = {}
    for (const report of reports) {
      const url = stripFragment(report.url ?? '')
      if (!url) continue
      if (!meta.urls.includes(url)) meta.urls.push(url)
      meta.seenAt = { ...meta.seenAt, [url]: new Date().toISOString() }
      items[sessionPageKey(host, url)] = report
    }
    items[sessionMetaKey(host)] = meta
    items[LAST_SESSION_KEY] = host
    await browser.storage.local.set(items)
    const pages = await browser.storage.local.get(meta.urls.map((u) => sessionPageKey(host, u)))
    const all = meta.urls.map((u) => pages[sessionPageKey(host, u)] as PageReport | undefined).filter((r): r is PageReport => !!r)
    return { host, startedAt: meta.startedAt, reports: all }
  })
}
