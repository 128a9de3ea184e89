// "Clear this site's data": the worker removes every key it keeps about one host (src/background/site-data.ts);
// the page asks first and then says what was removed.
import { useEffect, useState } from 'preact/hooks'
import browser from 'webextension-polyfill'
import { t } from '../popup/api.ts'
import type { ClearedSite } from '../shared/site-data.ts'
import { HOST_PATTERN } from '../shared/settings.ts'
import { hostFromInput } from './SiteBodyTypes.tsx'

type Reply = { ok: boolean; error?: string; cleared?: ClearedSite }

export function clearedText(c: ClearedSite): string {
  const total = c.sessions + c.pages + c.scans + c.tabs + c.other
  if (!total) return t('optClearNothing', c.host)
  return t('optClearDone', [c.host, String(c.sessions), String(c.pages), String(c.scans), String(c.tabs), String(c.other)])
}

export function ClearSiteData() {
  const [hosts, setHosts] = useState<string[]>([])
  const [host, setHost] = useState('')
  const [asking, setAsking] = useState<string | null>(null)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)

  const loadHosts = async (): Promise<void> => {
    const list = (await browser.runtime.sendMessage({ type: 'siteDataHosts' }).catch(() => [])) as string[] | undefined
    setHosts(Array.isArray(list) ? list : [])
  }
  useEffect(() => void loadHosts(), [])

  const ask = (): void => {
    const h = hostFromInput(host)
    setResult(null)
    if (!HOST_PATTERN.test(h)) {
      setResult({ ok: false, text: t('optHostInvalid', host.trim() || '—') })
      return
    }
    setAsking(h)
  }
  const clear = async (h: string): Promise<void> => {
    setAsking(null)
    let reply: Reply
    try {
      reply = ((await browser.runtime.sendMessage({ type: 'clearSiteData', host: h })) as Reply | undefined) ?? { ok: false }
    } catch (error) {
      reply = { ok: false, error: error instanceof Error ? error.message : String(error) }
    }
    setResult(reply.ok && reply.cleared ? { ok: true, text: clearedText(reply.cleared) } : { ok: false, text: t('optClearFailed', reply.error ?? '—') })
    await loadHosts()
  }

  return (
    <fieldset>
      <legend>{t('optClearLegend')}</legend>
      <div class="row">
        <div class="field">
          <label for="clear-host">{t('optClearHostLabel')}</label>
          <input
            id="clear-host"
            type="text"
            list="clear-hosts"
            data-testid="clear-site-host"
            value={host}
            onInput={(e) => setHost(e.currentTarget.value)}
          />
          <datalist id="clear-hosts">
            {hosts.map((h) => (
              <option key={h} value={h} />
            ))}
          </datalist>
        </div>
        <button type="button" class="danger" data-testid="clear-site-data" onClick={ask}>
          {t('optClearButton')}
        </button>
      </div>
      {asking && (
        <div class="confirm" role="alertdialog" aria-labelledby="clear-question" data-testid="clear-site-confirm-box">
          <p id="clear-question">{t('optClearConfirm', asking)}</p>
          <button type="button" class="danger" data-testid="clear-site-confirm" onClick={() => void clear(asking)}>
            {t('optClearConfirmYes')}
          </button>{' '}
          <button type="button" data-testid="clear-site-cancel" onClick={() => setAsking(null)}>
            {t('optClearCancel')}
          </button>
        </div>
      )}
      {result && (
        <p class={result.ok ? 'ok' : 'error'} role={result.ok ? 'status' : 'alert'} data-testid="clear-site-result">
          {result.text}
        </p>
      )}
    </fieldset>
  )
}
