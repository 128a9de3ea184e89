// Forgetting: the retention limit (on every worker start, at most hourly, and on a daily alarm) and the options page's
// "clear this site's data". Both run in the store's queue, so a page being added at the same moment is not lost
// half-way or brought back after the clear.
import browser from 'webextension-polyfill'
import { hostOf } from '../engine/site/urls.ts'
import { readSettings } from '../shared/settings.ts'
import {
  describeKeys,
  isScanProgressKey,
  isSessionMetaKey,
  keyBelongsTo,
  planRetention,
  type ClearedSite,
} from '../shared/site-data.ts'
import { LAST_SESSION_KEY } from '../shared/storage.ts'
import { cancelScan } from './scan.ts'
import { serialized, type TabState } from './store.ts'

export const RETENTION_ALARM = 'retention-daily'
const RETENTION_RAN_KEY = 'retentionRanAt'
const HOUR_MS = 3_600_000

type Area = typeof browser.storage.local

/** Every key of an area; getKeys (Chrome 130+) spares reading every stored report just to learn the keys. */
async function keysOf(area: Area): Promise<string[]> {
  const withKeys = area as Area & { getKeys?: () => Promise<string[]> }
  if (typeof withKeys.getKeys === 'function') return withKeys.getKeys()
  return Object.keys(await area.get(null))
}

/** Hosts with something stored (a session or a site scan), for the options page's picker. */
export async function hostsWithData(): Promise<string[]> {
  const keys = await keysOf(browser.storage.local)
  const hosts = new Set<string>()
  for (const key of keys) {
    if (isSessionMetaKey(key)) hosts.add(key.slice('session:'.length))
    else if (key.startsWith('scanReport:') || isScanProgressKey(key)) hosts.add(key.slice(key.indexOf(':') + 1))
  }
  return [...hosts].sort()
}

/** Removes everything stored about `host`: session and pages, scan state and report, tab reports, dismissals, panels. */
export async function clearSite(host: string): Promise<ClearedSite> {
  // A running scan would write its report back a moment later.
  await cancelScan(host).catch(() => null)
  return serialized(async () => {
    const localKeys = await keysOf(browser.storage.local)
    const remove = localKeys.filter((k) => keyBelongsTo(k, host))
    // The scan's queue is keyed by a hash of its start url: the state names its own start url.
    const scanKeys = localKeys.filter((k) => /^scan:[0-9a-f]+$/.test(k))
    if (scanKeys.length) {
      const states = await browser.storage.local.get(scanKeys)
      for (const [key, state] of Object.entries(states)) {
        const start = (state as { startUrl?: unknown } | undefined)?.startUrl
        if (typeof start === 'string' && hostOf(start) === host) remove.push(key)
      }
    }
    const last = (await browser.storage.local.get(LAST_SESSION_KEY))[LAST_SESSION_KEY]
    if (last === host) remove.push(LAST_SESSION_KEY)
    if (remove.length) await browser.storage.local.remove(remove)

    const sessionKeys = await keysOf(browser.storage.session as Area)
    const tabKeys = sessionKeys.filter((k) => k.startsWith('tab:'))
    const tabs = tabKeys.length ? await browser.storage.session.get(tabKeys) : {}
    const staleTabs = Object.entries(tabs)
      .filter(([, state]) => hostOf((state as TabState | undefined)?.topUrl ?? '') === host)
      .map(([key]) => key)
    const sessionRemove = [...staleTabs, ...sessionKeys.filter((k) => keyBelongsTo(k, host))]
    if (sessionRemove.length) await browser.storage.session.remove(sessionRemove)
    return { ...describeKeys(host, remove.filter((k) => k !== LAST_SESSION_KEY)), tabs: staleTabs.length }
  })
}

/** Applies the retention limit now; returns how many pages expired. */
export async function pruneExpired(now = Date.now()): Promise<number> {
  const { settings } = await readSettings()
  if (!settings.retentionDays) return 0
  return serialized(async () => {
    const keys = (await keysOf(browser.storage.local)).filter((k) => isSessionMetaKey(k) || isScanProgressKey(k))
    const items = keys.length ? await browser.storage.local.get(keys) : {}
    const plan = planRetention(items, now, settings.retentionDays)
    if (Object.keys(plan.rewrite).length) await browser.storage.local.set(plan.rewrite)
    if (plan.remove.length) await browser.storage.local.remove(plan.remove)
    return plan.pages
  })
}

/** On a worker start: prune if the last run is an hour old, and keep the daily alarm set. */
export async function startRetention(): Promise<void> {
  if (!(await browser.alarms.get(RETENTION_ALARM))) await browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60 })
  const ran = (await browser.storage.session.get(RETENTION_RAN_KEY))[RETENTION_RAN_KEY]
  if (typeof ran === 'number' && Date.now() - ran < HOUR_MS) return
  await browser.storage.session.set({ [RETENTION_RAN_KEY]: Date.now() })
  await pruneExpired()
}
