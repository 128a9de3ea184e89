// The popup's headline: the page verdict under 19号's own limits, and the counts it rests on, each row labelled.
import type { Finding } from '../engine/types.ts'
import {
  SEVERITIES,
  SEVERITY_MESSAGE,
  STATUSES,
  STATUS_MESSAGE,
  VETO_GROUP_MESSAGE,
  countBySeverity,
  countByStatus,
  countDismissed,
  type PageVerdict,
} from '../shared/verdict.ts'
import { t } from './api.ts'

function headline(v: PageVerdict): string {
  if (v.kind === 'veto') return t('verdictVeto')
  if (v.kind === 'fail') return t('verdictFail', String(v.count))
  if (v.kind === 'review') return t('verdictReview', String(v.count))
  return t('verdictPass')
}

export function Summary({ findings, verdict }: { findings: Finding[]; verdict: PageVerdict }) {
  const byStatus = countByStatus(findings)
  const bySeverity = countBySeverity(findings)
  const dismissed = countDismissed(findings)
  const reached = verdict.counts.filter((c) => c.known >= c.limit)
  return (
    <section class="summary">
      <div class={`verdict verdict-${verdict.kind}`} data-testid="verdict" data-verdict={verdict.kind}>
        {headline(verdict)}
      </div>
      {reached.map((c) => (
        <p key={c.key} class="veto-line" data-testid="verdict-limits" data-group={c.key}>
          {t('verdictLimitReached', [t(VETO_GROUP_MESSAGE[c.key]), String(c.known), String(c.limit)])}
        </p>
      ))}
      {!reached.length && verdict.nearest && (
        <p class="veto-line" data-testid="verdict-limits" data-group={verdict.nearest.key}>
          {t('verdictVetoLine', [String(verdict.vetoFails), String(verdict.nearest.known), String(verdict.nearest.limit)])}
          <span class="muted"> {t(VETO_GROUP_MESSAGE[verdict.nearest.key])}</span>
        </p>
      )}
      {!reached.length && verdict.fed.length > 1 && (
        <ul class="veto-fed" data-testid="verdict-fed">
          {verdict.fed.slice(1).map((c) => (
            <li key={c.key} data-group={c.key}>
              {t(VETO_GROUP_MESSAGE[c.key])} {c.known}/{c.limit}
            </li>
          ))}
        </ul>
      )}
      <dl class="counts" data-testid="counts">
        <dt>{t('labelStatusCounts')}</dt>
        <dd class="by-status">
          {STATUSES.map((s) => (
            <span key={s} class={`count st-${s === 'n/a' ? 'na' : s}`} data-status={s}>
              {t(STATUS_MESSAGE[s])} <b>{byStatus[s]}</b>
            </span>
          ))}
        </dd>
        <dt>{t('labelSeverityCounts')}</dt>
        <dd class="by-severity">
          {SEVERITIES.map((s) => (
            <span key={s} class={`count sev-${s}`} data-severity={s}>
              {t(SEVERITY_MESSAGE[s])} <b>{bySeverity[s]}</b>
            </span>
          ))}
        </dd>
      </dl>
      {dismissed > 0 && (
        <p class="dismissed-count muted" data-testid="dismissed-count" data-count={dismissed}>
          {t('dismissedCount', String(dismissed))}
        </p>
      )}
    </section>
  )
}
