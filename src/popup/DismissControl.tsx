// Setting a problem aside, with the reason an auditor must give ("this does not hold because …"), and taking it back.
// The worker keeps the dismissal per site by finding id; the popup reloads its view to show the result, so what it
// shows is always what is stored.
import { useEffect, useRef, useState } from 'preact/hooks'
import { MAX_DISMISSAL_REASON, isDismissable, isDismissed } from '../engine/cycle/dismissals.ts'
import type { Finding } from '../engine/types.ts'
import { t } from './api.ts'
import { cycleApi } from './cycle-api.ts'

interface Props {
  finding: Finding
  host: string
  /** Called after the worker stored the change. */
  onChanged: () => void
}

export function DismissControl({ finding: f, host, onChanged }: Props) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const dismissed = isDismissed(f)

  useEffect(() => {
    if (open) input.current?.focus()
  }, [open])

  if (!isDismissable(f)) return null
  const label = f.section || t('noSection')
  const domId = `dismiss-${f.id.replace(/[^\w-]/g, '_')}`

  const send = async (run: () => Promise<{ ok: boolean; error?: string }>): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      const reply = await run()
      if (!reply?.ok) {
        setError(t('dismissFailed', reply?.error ?? ''))
        return
      }
      setOpen(false)
      setReason('')
      onChanged()
    } catch (e) {
      setError(t('dismissFailed', String(e)))
    } finally {
      setBusy(false)
    }
  }

  if (dismissed) {
    return (
      <div class="dismiss">
        <button type="button" data-testid="dismiss-restore" aria-label={t('btnRestoreFor', label)} disabled={busy} onClick={() => void send(() => cycleApi.restore(host, f.id))}>
          {t('btnRestore')}
        </button>
        {error && <p class="dismiss-error" role="alert">{error}</p>}
      </div>
    )
  }

  if (!open) {
    return (
      <div class="dismiss">
        <button type="button" data-testid="dismiss" aria-label={t('btnDismissFor', label)} aria-expanded="false" onClick={() => setOpen(true)}>
          {t('btnDismiss')}
        </button>
      </div>
    )
  }

  const empty = !reason.trim()
  return (
    <form
      class="dismiss dismiss-form"
      data-testid="dismiss-form"
      onSubmit={(e) => {
        e.preventDefault()
        // The button is disabled while the reason is empty; Enter in the field still submits, so refuse it in words.
        if (empty) {
          setError(t('dismissReasonRequired'))
          return
        }
        void send(() => cycleApi.dismiss(host, f.id, reason.trim()))
      }}
    >
      <label for={domId}>{t('dismissReasonLabel', label)}</label>
      <input
        id={domId}
        ref={input}
        type="text"
        data-testid="dismiss-reason"
        required
        maxLength={MAX_DISMISSAL_REASON}
        aria-describedby={`${domId}-hint`}
        value={reason}
        onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false)
        }}
      />
      <button type="submit" data-testid="dismiss-confirm" disabled={empty || busy}>
        {t('btnDismissConfirm')}
      </button>
      <button type="button" data-testid="dismiss-cancel" onClick={() => setOpen(false)}>
        {t('btnCancel')}
      </button>
      <p id={`${domId}-hint`} class="dismiss-hint" data-testid="dismiss-hint">
        {empty ? t('dismissReasonRequired') : t('dismissReasonHint')}
      </p>
      {error && (
        <p class="dismiss-error" role="alert" data-testid="dismiss-error">
          {error}
        </p>
      )}
    </form>
  )
}
