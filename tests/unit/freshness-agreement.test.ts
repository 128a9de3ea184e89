// The page rule and the site scan answer "is this column stale?" with one judgement: walk the days around each limit
// (2 weeks, 6 months, 1 year, and the pack's 1-year limit for unclassified columns) and check they agree on every one.
import { describe, expect, it } from 'vitest'
import { addDays } from '../../src/engine/dates.ts'
import { columnResult } from '../../src/engine/site/column-status.ts'
import { runKind } from '../support/rules.ts'
import { columnOf, pageModel } from '../support/models.ts'

const cases = [
  { column: '工作动态', limitEnd: (asOf: string) => addDays(asOf, -14) },
  { column: '通知公告', limitEnd: (asOf: string) => monthsBack(asOf, 6) },
  { column: '人事任免', limitEnd: (asOf: string) => monthsBack(asOf, 12) },
]

function monthsBack(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number)
  const total = y * 12 + (m - 1) - months
  const ny = Math.floor(total / 12)
  const nm = (total % 12) + 1
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate()
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

describe('page rule and site scan agree on every day around each limit', () => {
  for (const asOf of ['2026-11-27', '2026-08-31', '2024-03-31', '2025-01-01']) {
    for (const { column, limitEnd } of cases) {
      it(`${column}, as of ${asOf}`, () => {
        const boundary = limitEnd(asOf)
        for (let offset = -5; offset <= 5; offset++) {
          const latest = addDays(boundary, offset)
          const page = pageModel({ columns: [columnOf(column, [latest])] })
          const [finding] = runKind('column-freshness', page, {}, { asOf })
          const scanned = columnResult(page, { name: column, url: null, asOf })
          const pageStale = finding.status === 'fail'
          const scanStale = scanned.status === 'stale'
          expect({ latest, pageStale }).toEqual({ latest, pageStale: scanStale })
          // The boundary day itself is still within the limit; the day before it is not.
          expect(pageStale).toBe(offset < 0)
        }
      })
    }
  }

  it('a column in no class: review on the page and "not determined" in the scan, both past the same 1-year line', () => {
    const asOf = '2026-11-27'
    const boundary = monthsBack(asOf, 12)
    for (let offset = -3; offset <= 3; offset++) {
      const latest = addDays(boundary, offset)
      const page = pageModel({ columns: [columnOf('专题专栏', [latest])] })
      const [finding] = runKind('column-freshness', page, {}, { asOf })
      const scanned = columnResult(page, { name: '专题专栏', url: null, asOf })
      expect(finding.status).toBe(offset < 0 ? 'review' : 'n/a')
      expect(scanned.unconfirmed === true).toBe(offset < 0)
    }
  })

  it('the reported bug: a 通知公告 column last updated 2026-05-27, as of 2026-11-27, is within 6 months on both', () => {
    const page = pageModel({ columns: [columnOf('通知公告', ['2026-05-27'])] })
    expect(runKind('column-freshness', page, {}, { asOf: '2026-11-27' })[0].status).toBe('pass')
    expect(columnResult(page, { name: '通知公告', url: null, asOf: '2026-11-27' }).status).toBe('ok')
  })
})
