// The one judgement of "how old is too old" for a column, shared by the page rule (column-freshness) and the site
// scan (column verdicts and the 19号 counts). Limits come from the pack, in days or calendar months, and the boundary
// day is defined once here: a column is stale when its newest entry is older than `asOf` minus the limit, so an entry
// dated exactly on the cutoff still counts as updated within the limit.
import { addDays, daysBetween } from '../dates.ts'
import type { Column, FreshnessClass, IsoDate, Localized } from '../types.ts'
import { compact } from '../text.ts'

export interface FreshnessLimit {
  days?: number
  months?: number
}

export type ClassId = Exclude<FreshnessClass, 'other'>

export interface FreshnessClassDef {
  class: ClassId
  label: Localized
  maxAge: FreshnessLimit
  keywords: readonly string[]
}

/** What the page rule's params say about freshness; the scan reads the same object from the same pack entry. */
export interface FreshnessSettings {
  useExtractedClass: boolean
  classes: readonly FreshnessClassDef[]
  unclassifiedMaxAge: FreshnessLimit
}

function subtractMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number)
  const total = y * 12 + (m - 1) - months
  const ny = Math.floor(total / 12)
  const nm = (total % 12) + 1
  // 8-31 minus 6 months is 2-28/29: the month has no 31st, and rolling into March would shorten the window.
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate()
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${ny}-${pad(nm)}-${pad(Math.min(d, last))}`
}

/** The earliest entry date that still counts as "updated within the limit" on `asOf`. */
export function freshnessCutoff(asOf: IsoDate, limit: FreshnessLimit): IsoDate {
  let cutoff = asOf
  if (limit.months) cutoff = subtractMonths(cutoff, limit.months)
  if (limit.days) cutoff = addDays(cutoff, -limit.days)
  return cutoff
}

export interface FreshnessVerdict {
  stale: boolean
  cutoff: IsoDate
  /** Days from the newest entry to the as-of date. */
  daysSince: number
  /** Days the newest entry lies before the cutoff (0 when not stale). */
  daysOver: number
}

export function judgeFreshness(latest: IsoDate, asOf: IsoDate, limit: FreshnessLimit): FreshnessVerdict {
  const cutoff = freshnessCutoff(asOf, limit)
  const stale = latest < cutoff
  return { stale, cutoff, daysSince: daysBetween(latest, asOf), daysOver: stale ? daysBetween(latest, cutoff) : 0 }
}

/** 14 days reads as "2 周", 6 months as "6 个月", 12 months as "1 年" — the units the 19号 text uses. */
export function describeLimit(limit: FreshnessLimit): Localized {
  if (limit.months) {
    if (limit.months % 12 === 0) {
      const y = limit.months / 12
      return { zh: `${y} 年`, en: y === 1 ? '1 year' : `${y} years` }
    }
    return { zh: `${limit.months} 个月`, en: `${limit.months} months` }
  }
  const days = limit.days ?? 0
  if (days % 7 === 0 && days > 0) return { zh: `${days / 7} 周`, en: days === 7 ? '1 week' : `${days / 7} weeks` }
  return { zh: `${days} 天`, en: `${days} days` }
}


/** Pack order is priority order: the first class with a keyword in the column's name wins. */
export function classByName(name: string, classes: readonly FreshnessClassDef[]): FreshnessClassDef | null {
  const text = compact(name)
  if (!text) return null
  return classes.find((c) => c.keywords.some((k) => text.includes(k))) ?? null
}

/**
 * The pack's keywords decide first, so a pack can re-class a column; otherwise the class the extraction read from
 * the page (the 47号 ColumnType meta, or the national vocabulary) is used when the pack allows it.
 */
export function classOf(column: Pick<Column, 'name' | 'freshnessClass'>, settings: FreshnessSettings): FreshnessClassDef | null {
  const byName = classByName(column.name, settings.classes)
  if (byName) return byName
  if (settings.useExtractedClass && column.freshnessClass !== 'other') {
    return settings.classes.find((c) => c.class === column.freshnessClass) ?? null
  }
  return null
}
