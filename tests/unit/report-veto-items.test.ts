// The report summary's 19号 veto items: what a supervisor reads first must count each stale or blank column once
// across audited pages and the site scan, measure it against the pack's own limits, and call a veto only at the limit.
import { describe, expect, it } from 'vitest'
import { nationalPack } from '../../src/engine/pack.ts'
import type { Finding, PageReport, RulePack } from '../../src/engine/types.ts'
import type { ScanReport } from '../../src/scan/report.ts'
import type { SiteColumn } from '../../src/engine/site/types.ts'
import { vetoItems } from '../../src/report/veto-items.ts'

const pack = nationalPack()
const siteRule = pack.rules.find((r) => r.id === 'column-freshness-site')!
const limits = siteRule.params as { staleNewsNotice: number; staleAll: number; blank: number }

function finding(ruleId: string, section: string, status: Finding['status'] = 'fail', cls?: string): Finding {
  return {
    id: `${ruleId}:${section}`,
    ruleId,
    status,
    severity: 'veto',
    section,
    message: { zh: section, en: section },
    evidence: { zh: section, en: section },
    expected: { zh: '', en: '' },
    source: '国办秘函〔2019〕19号',
    locator: null,
    ...(cls ? { data: { class: cls } } : {}),
  }
}

function page(url: string, findings: Finding[]): PageReport {
  return { url, title: url, kind: 'portal', asOf: '2026-11-28', findings, notes: [] }
}

function scanWith(columns: Partial<SiteColumn>[]): ScanReport {
  const full = columns.map((c) => ({ url: null, class: 'notice', entries: 3, latestDate: null, daysSince: null, status: 'ok', ...c })) as SiteColumn[]
  return { site: { columns: full, links: [] } } as unknown as ScanReport
}

const item = (items: ReturnType<typeof vetoItems>, key: string) => items.find((i) => i.key === key)!

describe('report veto items', () => {
  it('one stale 通知公告 seen on two pages and in the scan counts once, below the pack limit', () => {
    const pages = [page('http://a.gov.cn/', [finding('column-freshness', '通知公告', 'fail', 'notice')]), page('http://a.gov.cn/tzgg/', [finding('column-freshness', '通知公告', 'fail', 'notice')])]
    const items = vetoItems([pack], pages, scanWith([{ name: '通知公告', status: 'stale', class: 'notice' }]), 'zh')
    expect(item(items, 'staleNewsNotice')).toMatchObject({ count: 1, limit: limits.staleNewsNotice, reached: false })
    expect(item(items, 'staleAll')).toMatchObject({ count: 1, limit: limits.staleAll, reached: false })
    expect(item(items, 'blank')).toMatchObject({ count: 0, reached: false })
  })

  it('reaches the 动态/通知公告 limit only with as many distinct stale columns as the pack says', () => {
    const names = Array.from({ length: limits.staleNewsNotice }, (_, i) => `通知公告${i + 1}`)
    const below = vetoItems([pack], [page('http://a.gov.cn/', names.slice(1).map((n) => finding('column-freshness', n, 'fail', 'notice')))], null, 'zh')
    expect(item(below, 'staleNewsNotice')).toMatchObject({ count: limits.staleNewsNotice - 1, reached: false })
    const at = vetoItems([pack], [page('http://a.gov.cn/', names.map((n) => finding('column-freshness', n, 'fail', 'notice')))], null, 'zh')
    expect(item(at, 'staleNewsNotice')).toMatchObject({ count: limits.staleNewsNotice, reached: true })
  })

  it('reads the limits from the pack, not from code', () => {
    const strict: RulePack = { ...pack, rules: pack.rules.map((r) => (r.id === siteRule.id ? { ...r, params: { ...r.params, blank: 2 } } : r)) }
    const scan = scanWith([
      { name: '规划计划', status: 'blank', class: 'long-term', entries: 0 },
      { name: '政策解读', status: 'blank', class: 'notice', entries: 0 },
    ])
    expect(item(vetoItems([pack], [], scan, 'zh'), 'blank')).toMatchObject({ count: 2, limit: limits.blank, reached: limits.blank <= 2 })
    expect(item(vetoItems([strict], [], scan, 'zh'), 'blank')).toMatchObject({ count: 2, limit: 2, reached: true })
  })

  it('a single-page veto item (首页 not updated) is reached by one failing page, and is not reached by a pass', () => {
    const home = pack.rules.find((r) => r.kind === 'homepage-freshness')!
    const passing = vetoItems([pack], [page('http://a.gov.cn/', [finding(home.id, '首页', 'pass')])], null, 'zh')
    expect(item(passing, home.id)).toMatchObject({ count: 0, limit: null, reached: false, label: { text: home.title.zh } })
    const failing = vetoItems([pack], [page('http://a.gov.cn/', [finding(home.id, '首页')])], null, 'zh')
    expect(item(failing, home.id)).toMatchObject({ count: 1, limit: null, reached: true })
  })
})
