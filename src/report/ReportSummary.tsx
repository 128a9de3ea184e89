// The report's opening block, what a supervisor reads first: site, as-of date, auditor, scope, and each 19号 veto
// item with its count against its limit.
import type { PageReport } from '../engine/types.ts'
import { t } from '../popup/api.ts'
import { countByStatus } from '../shared/verdict.ts'
import type { VetoItem } from './veto-items.ts'

interface Props {
  host: string
  asOf: string | null
  auditor: string | null
  pages: readonly PageReport[]
  columns: number | null
  items: readonly VetoItem[]
}

export function ReportSummary({ host, asOf, auditor, pages, columns, items }: Props) {
  // Dismissed problems are the auditor's "does not hold": not in the overall verdict (countByStatus leaves them out).
  const fails = pages.reduce((n, p) => n + countByStatus(p.findings).fail, 0)
  const reviews = pages.reduce((n, p) => n + countByStatus(p.findings).review, 0)
  const veto = items.some((i) => i.reached)
  const overall = veto ? t('reportOverallVeto') : fails || reviews ? t('reportOverallFail', [String(fails), String(reviews)]) : t('reportOverallPass')
  const kind = veto ? 'veto' : fails ? 'fail' : reviews ? 'review' : 'pass'
  return (
    <section class="summary" data-testid="report-summary" data-verdict={kind} aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('reportSummaryHeading')}</h2>
      <dl class="facts">
        <dt>{t('reportSite')}</dt>
        <dd data-testid="summary-site">{host}</dd>
        <dt>{t('reportAsOf')}</dt>
        <dd data-testid="summary-asof">{asOf ?? '—'}</dd>
        {auditor && (
          <>
            <dt>{t('reportAuditor')}</dt>
            <dd data-testid="summary-auditor">{auditor}</dd>
          </>
        )}
        <dt>{t('reportScope')}</dt>
        <dd data-testid="summary-scope">
          {columns === null ? t('reportScopeNoScan', String(pages.length)) : t('reportScopeText', [String(pages.length), String(columns)])}
        </dd>
        <dt>{t('reportOverall')}</dt>
        <dd>
          <span class={`overall overall-${kind}`} data-testid="summary-verdict">
            {overall}
          </span>
        </dd>
      </dl>
      <h3>{t('reportVetoHeading')}</h3>
      <table class="veto-items">
        <thead>
          <tr>
            <th scope="col">{t('reportVetoItem')}</th>
            <th scope="col">{t('reportVetoCount')}</th>
            <th scope="col">{t('reportVetoLimit')}</th>
            <th scope="col">{t('thStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.key} data-testid="veto-item" data-key={i.key} data-count={i.count} data-limit={i.limit ?? ''} data-reached={String(i.reached)} class={i.reached ? 'reached' : ''}>
              <td>{'message' in i.label ? t(i.label.message) : i.label.text}</td>
              <td class="num">{i.limit === null ? t('reportVetoSingleCount', String(i.count)) : i.count}</td>
              <td class="num">{i.limit === null ? t('reportVetoSingleLimit') : i.limit}</td>
              <td class={i.reached ? 'st-fail' : 'st-pass'}>{i.reached ? t('reportVetoReached') : t('reportVetoBelow')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
