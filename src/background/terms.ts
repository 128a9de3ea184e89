// The audit's terms in the worker: the options page's settings turned into what one audit runs with (packs, as-of
// date, language), re-read whenever the settings change; saving them re-audits every open tab that has our agent.
import browser from 'webextension-polyfill'
import type { Lang, RulePack } from '../engine/types.ts'
import { nationalPack } from '../engine/pack.ts'
import { hostOf } from '../engine/site/urls.ts'
import { asOfFor, bodyTypeFor, DEFAULT_SETTINGS, langFor, packsFor, readSettings, SETTINGS_KEY, type Settings } from '../shared/settings.ts'
import { langOf } from '../shared/verdict.ts'

export interface AuditTerms {
  packs: RulePack[]
  asOf: string
  lang: Lang
}

const browserLang = langOf(browser.i18n.getUILanguage())
let settings: Promise<Settings> | null = null
let national: RulePack | null = null
/**
 * The packs of the settings in effect, by body type (the only thing a host changes): building them validates the local
 * pack and copies rules, and every frame of every page is audited with them, so they are built once per settings
 * object read (a new read, after a save or a failed read, starts afresh).
 */
const packsBySettings = new WeakMap<Settings, Map<string, RulePack[]>>()

export function currentSettings(): Promise<Settings> {
  settings ??= readSettings()
    .then((r) => r.settings)
    .catch((error: unknown) => {
      // Storage unreadable: audit under the defaults rather than not at all. Each report states its as-of date; the
      // next audit reads the settings again instead of keeping the defaults.
      console.warn('disclosure-auditor: settings unreadable, auditing under the defaults', error)
      settings = null
      return structuredClone({ ...DEFAULT_SETTINGS }) as Settings
    })
  return settings
}

/** The terms an audit of a page of `host` runs under now. */
export async function auditTerms(host: string | null): Promise<AuditTerms> {
  const s = await currentSettings()
  national ??= nationalPack()
  const bodyType = bodyTypeFor(s, host)
  let byBodyType = packsBySettings.get(s)
  if (!byBodyType) packsBySettings.set(s, (byBodyType = new Map()))
  let packs = byBodyType.get(bodyType)
  if (!packs) byBodyType.set(bodyType, (packs = packsFor(s, host, national)))
  return { packs, asOf: asOfFor(s), lang: langFor(s, browserLang) }
}

/** Asks the agent in every tab to audit again; a tab without one (no gov.cn page, no grant) just refuses. */
async function reauditOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({})
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, { type: 'reaudit' }).catch(() => undefined))),
  )
}

/** Re-reads the settings when the options page saves them, then re-audits the open tabs under the new terms. */
export function watchSettings(onChange: () => void = () => undefined): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return
    settings = null
    onChange()
    void reauditOpenTabs().catch(() => undefined)
  })
}

/** The terms for the page in `tabId` (its host decides a per-site body type). */
export async function termsForTab(tabId: number): Promise<AuditTerms> {
  const url = await browser.tabs.get(tabId).then((t) => t.url ?? null, () => null)
  return auditTerms(url ? hostOf(url) : null)
}
