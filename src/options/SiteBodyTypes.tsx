// Per-site body types: a site the auditor knows to be a department (or a government) overrides the global choice.
import { useState } from 'preact/hooks'
import { t } from '../popup/api.ts'
import { HOST_PATTERN, type Settings } from '../shared/settings.ts'
import { BODY_TYPE_MESSAGE } from '../popup/TermsInEffect.tsx'

type SiteTypes = Settings['siteBodyTypes']

/** What the user typed, as the host the address bar shows: a pasted address gives its host. */
export function hostFromInput(text: string): string {
  const trimmed = text.trim().toLowerCase()
  if (!trimmed) return ''
  try {
    return /^[a-z]+:\/\//.test(trimmed) ? new URL(trimmed).host : trimmed.replace(/\/.*$/, '')
  } catch {
    return trimmed
  }
}

export function SiteBodyTypes({ value, onChange }: { value: SiteTypes; onChange: (next: SiteTypes) => void }) {
  const [host, setHost] = useState('')
  const [type, setType] = useState<'government' | 'department'>('department')
  const [error, setError] = useState<string | null>(null)
  const add = (): void => {
    const h = hostFromInput(host)
    if (!HOST_PATTERN.test(h)) {
      setError(t('optHostInvalid', host.trim() || '—'))
      return
    }
    setError(null)
    setHost('')
    onChange({ ...value, [h]: type })
  }
  const remove = (h: string): void => {
    const next = { ...value }
    delete next[h]
    onChange(next)
  }
  const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b))
  return (
    <fieldset data-testid="site-body-types">
      <legend>{t('optSiteTypesLegend')}</legend>
      {entries.length ? (
        <ul class="sites">
          {entries.map(([h, v]) => (
            <li key={h} data-testid="site-body-type" data-host={h} data-body-type={v}>
              <span>
                {h}：{t(BODY_TYPE_MESSAGE[v])}
              </span>
              <button type="button" aria-label={t('optSiteRemove', h)} onClick={() => remove(h)}>
                {t('optSiteRemove', h)}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('optSiteNone')}</p>
      )}
      <div class="row">
        <div class="field">
          <label for="site-host">{t('optSiteHostLabel')}</label>
          <input id="site-host" type="text" data-testid="site-host" value={host} onInput={(e) => setHost(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="site-type">{t('optSiteTypeLabel')}</label>
          <select id="site-type" data-testid="site-type" value={type} onChange={(e) => setType(e.currentTarget.value as typeof type)}>
            <option value="government">{t('bodyTypeGovernment')}</option>
            <option value="department">{t('bodyTypeDepartment')}</option>
          </select>
        </div>
        <button type="button" data-testid="site-add" onClick={add}>
          {t('optSiteAdd')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  )
}
