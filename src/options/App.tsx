// The options page: the audit's terms (as-of date, body type, rules, a local pack), the report's auditor and notice
// deadline, and how long audits are kept. Nothing applies until 保存设置; the worker then re-audits the open tabs.
import { useEffect, useMemo, useState } from 'preact/hooks'
import { mergePacks, nationalPack } from '../engine/pack.ts'
import type { Lang, RulePack } from '../engine/types.ts'
import { t, uiLanguage } from '../popup/api.ts'
import { BODY_TYPE_MESSAGE } from '../popup/TermsInEffect.tsx'
import {
  isIsoDate,
  localPackOf,
  packErrorText,
  parsePackFile,
  readSettings,
  saveSettings,
  type BodyType,
  type Settings,
  type UiLangSetting,
} from '../shared/settings.ts'
import { langOf } from '../shared/verdict.ts'
import { ClearSiteData } from './ClearSiteData.tsx'
import { SiteBodyTypes } from './SiteBodyTypes.tsx'

const lang: Lang = langOf(uiLanguage)
const MAX_PACK_BYTES = 2 * 1024 * 1024
const BODY_TYPES: BodyType[] = ['auto', 'government', 'department']
const UI_LANGS: [UiLangSetting, string][] = [
  ['auto', 'uiLangAuto'],
  ['zh', 'uiLangZh'],
  ['en', 'uiLangEn'],
]

function packWithLocal(settings: Settings): { packs: RulePack[]; local: RulePack | null } {
  let local: RulePack | null = null
  try {
    local = localPackOf(settings)
  } catch {
    local = null
  }
  return { packs: mergePacks(local ? [nationalPack(), local] : [nationalPack()]), local }
}

/** A whole number in [min, max], or null. */
function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null
  const n = Number(text)
  return n >= min && n <= max ? n : null
}

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null)
  const [broken, setBroken] = useState<string[]>([])
  const [storedPackError, setStoredPackError] = useState<string | null>(null)
  const [packError, setPackError] = useState<string | null>(null)
  const [noticeDays, setNoticeDays] = useState('')
  const [retention, setRetention] = useState('')
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)

  useEffect(() => {
    void readSettings().then((r) => {
      setSettings(r.settings)
      setBroken(r.broken)
      setStoredPackError(r.packError ? packErrorText(r.packError, lang) : null)
      setNoticeDays(String(r.settings.noticeDeadlineDays))
      setRetention(String(r.settings.retentionDays))
    })
  }, [])

  const { packs, local } = useMemo(() => (settings ? packWithLocal(settings) : { packs: [], local: null }), [settings])
  if (!settings) return <main class="options" aria-busy="true" />

  const set = <K extends keyof Settings>(key: K, value: Settings[K]): void => {
    setStatus(null)
    setSettings({ ...settings, [key]: value })
  }
  const toggleRule = (id: string, on: boolean): void => {
    const off = new Set(settings.disabledRules)
    if (on) off.delete(id)
    else off.add(id)
    set('disabledRules', [...off])
  }
  const onPackFile = async (e: Event): Promise<void> => {
    const input = e.currentTarget as HTMLInputElement
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    setStatus(null)
    if (file.size > MAX_PACK_BYTES) {
      setPackError(t('optPackTooLarge', String(MAX_PACK_BYTES / 1024 / 1024)))
      return
    }
    try {
      const { raw } = parsePackFile(await file.text(), file.name)
      setPackError(null)
      setStoredPackError(null)
      setSettings({ ...settings, localPack: raw, localPackName: file.name })
    } catch (error) {
      // The pack in use stays as it was: a bad file replaces nothing.
      setPackError(packErrorText(error, lang))
    }
  }
  const onSave = async (): Promise<void> => {
    const days = wholeNumber(noticeDays, 1, 365)
    const keep = wholeNumber(retention, 0, 3650)
    if (days === null) return setStatus({ ok: false, text: t('optInvalidDays', [t('optNoticeDaysLabel'), '1', '365']) })
    if (keep === null) return setStatus({ ok: false, text: t('optInvalidDays', [t('optRetentionLabel'), '0', '3650']) })
    if (settings.asOf && !isIsoDate(settings.asOf)) return setStatus({ ok: false, text: t('optSaveFailed', t('optAsOfLabel')) })
    const next: Settings = { ...settings, noticeDeadlineDays: days, retentionDays: keep, auditorName: settings.auditorName.trim() }
    try {
      await saveSettings(next)
      setSettings(next)
      setBroken([])
      setStatus({ ok: true, text: t('optSaved') })
    } catch (error) {
      setStatus({ ok: false, text: t('optSaveFailed', error instanceof Error ? error.message : String(error)) })
    }
  }

  const localIds = new Set(local?.rules.map((r) => r.id) ?? [])
  const rules = packs.flatMap((p) => p.rules)

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {broken.length > 0 && (
        <p class="warn" role="alert" data-testid="settings-broken">
          {t('optBroken', broken.join('、'))}
        </p>
      )}

      <fieldset>
        <legend>{t('optSectionTerms')}</legend>
        <div class="row">
          <div class="field">
            <label for="as-of">{t('optAsOfLabel')}</label>
            <input id="as-of" type="date" data-testid="as-of-date" value={settings.asOf} onInput={(e) => set('asOf', e.currentTarget.value)} />
          </div>
          <button type="button" onClick={() => set('asOf', '')} disabled={!settings.asOf}>
            {t('optAsOfClear')}
          </button>
        </div>
        <div class="field">
          <label for="body-type">{t('optBodyTypeLabel')}</label>
          <select id="body-type" data-testid="body-type" value={settings.bodyType} onChange={(e) => set('bodyType', e.currentTarget.value as BodyType)}>
            {BODY_TYPES.map((b) => (
              <option key={b} value={b}>
                {t(BODY_TYPE_MESSAGE[b])}
              </option>
            ))}
          </select>
        </div>
        <SiteBodyTypes value={settings.siteBodyTypes} onChange={(v) => set('siteBodyTypes', v)} />
        <div class="field">
          <label for="ui-lang">{t('optUiLangLabel')}</label>
          <select id="ui-lang" data-testid="ui-lang" aria-describedby="ui-lang-note" value={settings.uiLang} onChange={(e) => set('uiLang', e.currentTarget.value as UiLangSetting)}>
            {UI_LANGS.map(([value, key]) => (
              <option key={value} value={value}>
                {t(key)}
              </option>
            ))}
          </select>
          <p class="hint" id="ui-lang-note">
            {t('optUiLangNote')}
          </p>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('optRulesLegend')}</legend>
        <ul class="rules">
          {rules.map((rule) => {
            const offInPack = rule.enabled === false
            const id = `rule-${rule.id}`
            return (
              <li key={rule.id}>
                <input
                  id={id}
                  type="checkbox"
                  data-testid="rule-toggle"
                  data-rule-id={rule.id}
                  checked={!offInPack && !settings.disabledRules.includes(rule.id)}
                  disabled={offInPack}
                  onChange={(e) => toggleRule(rule.id, e.currentTarget.checked)}
                />{' '}
                <label for={id}>
                  {rule.title[lang] || rule.title.zh}
                  {localIds.has(rule.id) && <span class="muted">{t('optRuleFromLocal')}</span>}
                  {offInPack && <span class="muted">{t('optRuleOffInPack')}</span>}
                </label>
              </li>
            )
          })}
        </ul>
      </fieldset>

      <fieldset>
        <legend>{t('optPackLegend')}</legend>
        <p class="muted" data-testid="pack-status">
          {local ? t('optPackLoaded', [settings.localPackName || '—', String(local.rules.length)]) : t('optPackNone')}
        </p>
        {storedPackError && (
          <p class="warn" role="alert">
            {t('optPackStoredInvalid', storedPackError)}
          </p>
        )}
        <div class="row">
          <div class="field">
            <label for="pack-file">{t('optPackFileLabel')}</label>
            <input
              id="pack-file"
              type="file"
              accept="application/json,.json"
              data-testid="pack-file"
              aria-describedby={packError ? 'pack-error' : undefined}
              onChange={(e) => void onPackFile(e)}
            />
          </div>
          <button
            type="button"
            data-testid="pack-remove"
            disabled={settings.localPack === null}
            onClick={() => {
              setPackError(null)
              setStoredPackError(null)
              setSettings({ ...settings, localPack: null, localPackName: '' })
            }}
          >
            {t('optPackRemove')}
          </button>
        </div>
        {packError && (
          <p class="error" id="pack-error" role="alert" data-testid="pack-error">
            {packError}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('optSectionReport')}</legend>
        <div class="field">
          <label for="auditor">{t('optAuditorLabel')}</label>
          <input id="auditor" type="text" maxLength={200} data-testid="auditor-name" value={settings.auditorName} onInput={(e) => set('auditorName', e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="notice-days">{t('optNoticeDaysLabel')}</label>
          <input id="notice-days" type="number" min={1} max={365} step={1} data-testid="notice-deadline-days" value={noticeDays} onInput={(e) => setNoticeDays(e.currentTarget.value)} />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('optSectionData')}</legend>
        <div class="field">
          <label for="retention">{t('optRetentionLabel')}</label>
          <input id="retention" type="number" min={0} max={3650} step={1} data-testid="retention-days" value={retention} onInput={(e) => setRetention(e.currentTarget.value)} />
        </div>
      </fieldset>
      <ClearSiteData />

      <div class="actions">
        <button type="button" class="primary" data-testid="save-options" onClick={() => void onSave()}>
          {t('optSave')}
        </button>
        {status && (
          <p class={status.ok ? 'ok' : 'error'} role={status.ok ? 'status' : 'alert'} data-testid="options-status">
            {status.text}
          </p>
        )}
      </div>
    </main>
  )
}
