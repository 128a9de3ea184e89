// Findings carry their texts in both languages; extension surfaces show them in the browser's UI language.
import { pick } from '../engine/finding.ts'
import type { Lang, Localized } from '../engine/types.ts'

let chosen: Lang | null = null

/** Set by the extension pages from the options page's language (shared/i18n.ts); markers keep the browser's. */
export function setChosenLang(lang: Lang | null): void {
  chosen = lang
}

/** The UI language of the extension pages and markers: Chinese unless the browser speaks something else. */
export function uiLang(): Lang {
  if (chosen) return chosen
  const ui = typeof chrome !== 'undefined' && chrome.i18n?.getUILanguage ? chrome.i18n.getUILanguage() : 'zh-CN'
  return ui.toLowerCase().startsWith('zh') ? 'zh' : 'en'
}

/** A finding's text in the UI language; a plain string (a report stored by an older version) is shown as it is. */
export function say(value: Localized | string | null | undefined, lang: Lang = uiLang()): string {
  return pick(value, lang)
}
