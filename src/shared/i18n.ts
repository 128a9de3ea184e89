// UI text. chrome.i18n follows the browser's language and cannot be switched while the extension runs, so when the
// options page names a language the extension pages format that language's bundled messages.json themselves
// (the same files, the same $1/$name$ substitution rules). Content-script markers keep the browser's language.
import zhMessages from '../../_locales/zh_CN/messages.json' with { type: 'json' }
import enMessages from '../../_locales/en/messages.json' with { type: 'json' }
import type { Lang } from '../engine/types.ts'
import { readSettings } from './settings.ts'
import { setChosenLang } from './text.ts'

type Bundle = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>

const BUNDLES: Record<Lang, Bundle> = { zh: zhMessages as Bundle, en: enMessages as Bundle }

let chosen: Lang | null = null

/** The language the options page chose; null = follow the browser (chrome.i18n). */
export function chosenLanguage(): Lang | null {
  return chosen
}

export function chooseLanguage(lang: Lang | null): void {
  chosen = lang
  setChosenLang(lang)
}

/** Reads the setting once, before a page renders its first text. A read that fails leaves the browser's language. */
export async function applyUiLangSetting(): Promise<void> {
  try {
    const { settings } = await readSettings()
    chooseLanguage(settings.uiLang === 'auto' ? null : settings.uiLang)
  } catch {
    chooseLanguage(null)
  }
}

/** chrome.i18n.getMessage's formatting over a bundled messages.json. */
export function formatBundled(bundle: Bundle, key: string, subs?: string | string[]): string {
  const entry = bundle[key]
  if (!entry) return ''
  const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]
  const named = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]))
  const withNamed = entry.message.replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => named.get(name.toLowerCase()) ?? whole)
  return withNamed.replace(/\$\$|\$(\d)/g, (whole, n?: string) => (n === undefined ? '$' : (args[Number(n) - 1] ?? '')))
}

export function message(key: string, subs?: string | string[]): string {
  if (chosen) return formatBundled(BUNDLES[chosen], key, subs) || key
  return chrome.i18n.getMessage(key, subs) || key
}

/** The UI language as a BCP 47 tag for <html lang>: the chosen one, else the browser's. */
export function uiLanguageTag(): string {
  if (chosen) return chosen === 'zh' ? 'zh-CN' : 'en'
  return chrome.i18n.getUILanguage()
}
