// Days since each column's last update against its class's limit, as plain SVG bars: one chart does not justify a
// charting library in the bundle. Labels get the width their text needs (never cut), the x axis is drawn with its
// ticks and title, and the legend (HTML, outside the SVG) names the bar colours and each class's limit line.
import type { SiteColumn } from '../engine/site/types.ts'
import type { RulePack } from '../engine/types.ts'
import type { FreshnessLimit } from '../engine/rule-kit/freshness.ts'
import { scanFreshness } from '../engine/site/site-rule.ts'
import { columnBadgeText } from '../shared/scan.ts'
import { t } from '../popup/api.ts'

const ROW = 22
const PLOT = 520
const VALUE_ROOM = 190
const AXIS = 38
const FONT = 12

type LimitedClass = Exclude<SiteColumn['class'], 'other'>
const CLASS_MESSAGE: Record<LimitedClass, string> = { news: 'classNews', notice: 'classNotice', 'long-term': 'classLongTerm' }
const DASH: Record<LimitedClass, string> = { news: '', notice: '6 3', 'long-term': '2 3' }
const CSS_DASH: Record<LimitedClass, string> = { news: 'solid', notice: 'dashed', 'long-term': 'dotted' }

/** For drawing only: a month is its average length (the verdicts themselves come from the scan). */
const toDays = (l: FreshnessLimit): number => l.days ?? Math.round((l.months ?? 0) * 30.44)

/** Width a label needs at FONT px: CJK and full-width characters take a full em, others a little over half. */
export function textWidth(text: string): number {
  let w = 0
  for (const ch of text) w += /[\u2e80-\uffef]/.test(ch) ? FONT : FONT * 0.6
  return Math.ceil(w)
}

function ticks(max: number): number[] {
  const step = [7, 14, 30, 60, 90, 180, 365, 730].find((s) => max / s <= 8) ?? Math.ceil(max / 8)
  const out: number[] = []
  for (let d = 0; d <= max; d += step) out.push(d)
  return out
}

export function FreshnessChart({ columns, packs }: { columns: SiteColumn[]; packs: readonly RulePack[] }) {
  const fresh = scanFreshness(packs)
  // The chart draws each class's limit line at the period the pack gives that class (the same one the scan judged by).
  const maxAgeOf = (c: SiteColumn['class']): FreshnessLimit | null => fresh.classes.find((d) => d.class === c)?.maxAge ?? null
  const limitOf = (c: SiteColumn['class']): number | null => {
    const limit = c === 'other' ? null : maxAgeOf(c)
    return limit ? toDays(limit) : null
  }
  const label = Math.max(60, ...columns.map((c) => textWidth(c.name))) + 14
  const max = Math.max(30, ...columns.map((c) => Math.max(c.daysSince ?? 0, limitOf(c.class) ?? 0))) * 1.05
  const x = (days: number): number => (days / max) * PLOT
  const width = label + PLOT + VALUE_ROOM
  const plotHeight = columns.length * ROW + 4
  const height = plotHeight + AXIS
  const classes = (Object.keys(CLASS_MESSAGE) as LimitedClass[]).filter((k) => columns.some((c) => c.class === k))
  return (
    <figure class="chart">
      <figcaption>{t('chartTitle')}</figcaption>
      <div class="chart-scroll">
        <svg data-testid="freshness-chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('chartTitle')}>
          {columns.map((c, i) => {
            const y = i * ROW + 4
            const limit = limitOf(c.class)
            const days = c.daysSince
            const over = c.status === 'stale'
            return (
              <g key={`${c.name}|${c.url ?? ''}`}>
                <text x={label - 8} y={y + 14} text-anchor="end" font-size={FONT} fill="#1f2933">
                  {c.name}
                </text>
                <rect
                  data-column-name={c.name}
                  data-days={days ?? ''}
                  x={label}
                  y={y + 3}
                  width={days === null ? 0 : Math.max(1, x(days))}
                  height={ROW - 8}
                  fill={over ? '#c62828' : c.status === 'ok' ? '#2e7d32' : '#607d8b'}
                >
                  <title>{`${c.name}：${columnBadgeText(c, t)}`}</title>
                </rect>
                {limit !== null && (
                  <line x1={label + x(limit)} x2={label + x(limit)} y1={y} y2={y + ROW - 2} stroke="#263238" stroke-width="2" stroke-dasharray={DASH[c.class as LimitedClass]}>
                    <title>{t('chartLimit', [t(CLASS_MESSAGE[c.class as LimitedClass]), String(limit)])}</title>
                  </line>
                )}
                <text x={label + (days === null ? 0 : x(days)) + 6} y={y + 14} font-size="11" fill="#3e4c59">
                  {days === null ? `${t('chartNoDate')} · ${columnBadgeText(c, t)}` : String(days)}
                </text>
              </g>
            )
          })}
          <line x1={label} x2={label + PLOT} y1={plotHeight} y2={plotHeight} stroke="#3e4c59" />
          {ticks(max).map((d) => (
            <g key={d}>
              <line x1={label + x(d)} x2={label + x(d)} y1={plotHeight} y2={plotHeight + 4} stroke="#3e4c59" />
              <text x={label + x(d)} y={plotHeight + 16} font-size="11" text-anchor="middle" fill="#3e4c59">
                {d}
              </text>
            </g>
          ))}
          <text x={label + PLOT / 2} y={plotHeight + 32} font-size="11" text-anchor="middle" fill="#1f2933">
            {t('chartAxis')}
          </text>
        </svg>
      </div>
      <ul class="legend" data-testid="chart-legend">
        <li>
          <span class="swatch" style={{ background: '#c62828' }} />
          {t('colOverdue')}
        </li>
        <li>
          <span class="swatch" style={{ background: '#2e7d32' }} />
          {t('colOk')}
        </li>
        <li>
          <span class="swatch" style={{ background: '#607d8b' }} />
          {t('chartLegendUnknown')}
        </li>
        {classes.map((k) => (
          <li key={k} data-testid="chart-limit" data-class={k}>
            <span class="limit-line" style={{ borderLeftStyle: CSS_DASH[k] }} />
            {t('chartLimit', [t(CLASS_MESSAGE[k]), String(limitOf(k) ?? '—')])}
          </li>
        ))}
      </ul>
    </figure>
  )
}
