// One finding as a popup row: one line per item, focusable, Enter/click shows it on the page. Extra per-row
// controls (the dismiss form) go in the `actions` slot, beside the row and not inside it: a control nested in a
// role=button element is unreachable for screen readers.
import type { ComponentChildren } from 'preact'
import type { Finding } from '../engine/types.ts'
import { say } from '../shared/text.ts'
import { SEVERITY_MESSAGE, STATUS_MESSAGE } from '../shared/verdict.ts'
import { isDismissed } from '../engine/cycle/dismissals.ts'
import { t } from './api.ts'

export interface FindingRowProps {
  finding: Finding
  selected: boolean
  onOpen: (f: Finding) => void
  onSelect: (f: Finding) => void
  onKey: (e: KeyboardEvent, f: Finding) => void
  actions?: ComponentChildren
}

export function FindingRow({ finding: f, selected, onOpen, onSelect, onKey, actions }: FindingRowProps) {
  const st = f.status === 'n/a' ? 'na' : f.status
  const dismissed = isDismissed(f)
  const row = (
    <div
      class={`finding st-${st}${selected ? ' selected' : ''}${dismissed ? ' dismissed' : ''}`}
      data-testid="finding"
      data-dismissed={dismissed ? 'true' : undefined}
      data-finding-id={f.id}
      data-rule-id={f.ruleId}
      data-status={f.status}
      data-severity={f.severity}
      data-located={f.locator ? 'yes' : 'no'}
      tabIndex={0}
      role="button"
      aria-pressed={selected}
      aria-describedby="finding-detail"
      onClick={() => {
        onSelect(f)
        onOpen(f)
      }}
      onFocus={() => onSelect(f)}
      onKeyDown={(e) => onKey(e, f)}
    >
      <span class="status">{t(STATUS_MESSAGE[f.status])}</span>
      {(f.status === 'fail' || f.status === 'review') && (
        <span class={`sev sev-${f.severity}`}>{t(SEVERITY_MESSAGE[f.severity])}</span>
      )}
      <span class="section">{f.section || t('noSection')}</span>
      {dismissed && <span class="dismissed-tag" data-testid="dismissed-label">{t('dismissedLabel')}</span>}
      <span class="evidence">{say(f.evidence)}</span>
      {dismissed && (
        <span class="dismissed-reason" data-testid="dismissed-reason">
          {t('dismissedReason', f.dismissed!.reason)}
        </span>
      )}
    </div>
  )
  if (!actions) return row
  return (
    <div class="finding-item" data-finding-id={f.id}>
      {row}
      {actions}
    </div>
  )
}
