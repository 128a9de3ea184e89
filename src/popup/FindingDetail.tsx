// The detail pane: what the selected (or focused) row found, what is required and on what authority, as text a
// keyboard or screen-reader user can read (never only in a hover title).
import type { KindHelp } from '../engine/rule-kit/kind.ts'
import type { Finding } from '../engine/types.ts'
import { say } from '../shared/text.ts'
import { SEVERITY_MESSAGE, STATUS_MESSAGE } from '../shared/verdict.ts'
import { t } from './api.ts'

export function FindingDetail({ finding: f, ruleTitle, help }: { finding: Finding | null; ruleTitle: string; help?: KindHelp }) {
  return (
    <section class="detail" id="finding-detail" data-testid="finding-detail" aria-live="polite" aria-label={t('detailHeading')}>
      {!f && <p class="muted">{t('detailEmpty')}</p>}
      {f && (
        <dl data-finding-id={f.id}>
          <dt>{t('labelRule')}</dt>
          <dd>
            {ruleTitle} · {t(STATUS_MESSAGE[f.status])} · {t('labelSeverity')}：{t(SEVERITY_MESSAGE[f.severity])}
          </dd>
          <dt>{t('labelMessage')}</dt>
          <dd data-field="message">{say(f.message)}</dd>
          <dt>{t('labelFound')}</dt>
          <dd data-field="evidence">{say(f.evidence)}</dd>
          <dt>{t('labelExpected')}</dt>
          <dd data-field="expected">{say(f.expected)}</dd>
          <dt>{t('labelSource')}</dt>
          <dd data-field="source">{f.source}</dd>
          <dt>{t('labelElement')}</dt>
          <dd data-field="element">{f.locator ? f.section || f.locator.css : t('elementNone')}</dd>
          {help && (
            <>
              <dt>{t('labelChecks')}</dt>
              <dd data-field="checks">{say(help.checks)}</dd>
              <dt>{t('labelHowToFix')}</dt>
              <dd data-field="fix">{say(help.fix)}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  )
}
