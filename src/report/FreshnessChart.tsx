// Days since each column's last update against its class's limit, as plain SVG bars: one chart does not justify a
// charting library in the bundle.
import type { SiteColumn } from '../engine/site/types.ts'
import { columnBadgeText } from '../shared/scan.ts'
import { t } from '../popup/api.ts'

/** The limits of column-status.ts in days, for drawing only (the verdicts themselves come from the scan). */
const LIMIT_DAYS: Record<SiteColumn['class'], number | null> = { news: 14, notice: 183, 'long-term': 365, other: null }

const ROW = 20
const LABEL = 150
const WIDTH = 720
const PLOT = WIDTH - LABEL - 130

export function FreshnessChart({ columns }: { columns: SiteColumn[] }) {
  const max = Math.max(30, ...columns.map((c) => Math.max(c.daysSince ?? 0, LIMIT_DAYS[c.class] ?? 0))) * 1.05
  const x = (days: number): number => (days / max) * PLOT
  const height = columns.length * ROW + 8
  return (
    <figure class="chart">
      <figcaption>{t('chartTitle')}</figcaption>
      <svg data-testid="freshness-chart" width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t('chartTitle')}>
        {columns.map((c, i) => {
          const y = i * ROW + 4
          const limit = LIMIT_DAYS[c.class]
          const days = c.daysSince
          const over = c.status === 'stale'
          return (
            <g key={`${c.name}|${c.url ?? ''}`}>
              <text x={LABEL - 6} y={y + 13} text-anchor="end" font-size="12">
                {c.name}
              </text>
              <rect
                data-column-name={c.name}
                data-days={days ?? ''}
                x={LABEL}
                y={y + 2}
                width={days === null ? 0 : Math.max(1, x(days))}
                height={ROW - 6}
                fill={over ? '#c62828' : c.status === 'ok' ? '#2e7d32' : '#90a4ae'}
              >
                <title>{`${c.name}：${columnBadgeText(c, t)}`}</title>
              </rect>
              {limit !== null && <line x1={LABEL + x(limit)} x2={LABEL + x(limit)} y1={y} y2={y + ROW - 2} stroke="#263238" stroke-width="2" />}
              <text x={LABEL + (days === null ? 0 : x(days)) + 6} y={y + 13} font-size="11" fill="#52606d">
                {days === null ? `${t('chartNoDate')} · ${columnBadgeText(c, t)}` : String(days)}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
