// The audit's terms stated where its results are read: the as-of date the report was made under and the body type
// that decides the annual-report deadline for this site (popup and report page).
import { useEffect, useState } from 'preact/hooks'
import { bodyTypeFor, readSettings, type BodyType, type Settings } from '../shared/settings.ts'
import { t } from './api.ts'

export const BODY_TYPE_MESSAGE: Record<BodyType, string> = {
  auto: 'bodyTypeAuto',
  government: 'bodyTypeGovernment',
  department: 'bodyTypeDepartment',
}

function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null)
  useEffect(() => {
    void readSettings().then(
      (r) => setSettings(r.settings),
      () => setSettings(null),
    )
  }, [])
  return settings
}

/** `asOf`: the date the shown results were judged as of (from the reports); null before any report. */
export function TermsInEffect({ asOf, host, class: cls = 'asof' }: { asOf: string | null | undefined; host: string | null; class?: string }) {
  const settings = useSettings()
  if (!asOf || !settings) return null
  const how = settings.asOf && settings.asOf === asOf ? t('termsAsOfSet') : t('termsAsOfToday')
  return (
    <p class={cls} data-testid="terms-in-effect" data-as-of={asOf} data-body-type={bodyTypeFor(settings, host)}>
      {t('termsInEffect', [asOf, how, t(BODY_TYPE_MESSAGE[bodyTypeFor(settings, host)])])}{' '}
      <button type="button" class="link" onClick={() => void chrome.runtime.openOptionsPage()}>
        {t('termsChange')}
      </button>
    </p>
  )
}
