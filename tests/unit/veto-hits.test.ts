// Page veto items counted over the site (veto-hits-site): a message unanswered for more than 3 months and serious
// misstatements, each against the pack's own limit, in the scan's findings, the background summary and the report
// page's 19号 summary. Counted by kind id, so a kind added later (serious-errors) is counted once a pack carries it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { siteSummary } from '../../src/background/scan.ts'
import { scanTable } from '../../src/cli/scan-command.ts'
import { audit } from '../../src/engine/audit.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import { vetoHitCounts, hitCountDefs, vetoHitFindings, VETO_HITS_RULE_ID } from '../../src/engine/site/veto-hits.ts'
import type { Finding, PageReport, RuleDef, RulePack } from '../../src/engine/types.ts'
import { vetoItems } from '../../src/report/veto-items.ts'
import { createScan, memoryStorage, runScan, scanReport, timerSleep, type FetchLike } from '../../src/scan/index.ts'
import { REPO_ROOT } from '../support/corpus.ts'

// siteSummary lives in the worker module, which loads the extension API at import; the summary itself is pure.
vi.mock('webextension-polyfill', () => ({ default: {} }))

const ASOF = '2026-11-27'
// The serious-errors kind is added on another branch: these tests bring their own rule of it, or leave it out.
const national: RulePack = { ...nationalPack(), rules: nationalPack().rules.filter((r) => r.kind !== 'serious-errors') }
const hitsRule = national.rules.find((r) => r.id === VETO_HITS_RULE_ID)!
const defs = hitCountDefs(hitsRule)
const limitOf = (key: string): number => defs.find((d) => d.key === key)!.limit
const fixture = (kind: string, file: string): string => readFileSync(join(REPO_ROOT, 'tests/fixtures/kinds', kind, file), 'utf8')

function finding(ruleId: string, over: Partial<Finding> = {}): Finding {
  return {
    id: `${ruleId}:${Math.random()}`,
    ruleId,
    status: 'fail',
    severity: 'veto',
    section: ruleId,
    message: { zh: ruleId, en: ruleId },
    evidence: { zh: '', en: '' },
    expected: { zh: '', en: '' },
    source: '国办秘函〔2019〕19号',
    locator: null,
    ...over,
  }
}

function page(url: string, findings: Finding[]): PageReport {
  return { url, title: url, kind: 'list', asOf: ASOF, findings, notes: [] }
}

/** The national pack plus a rule of the serious-errors kind another branch adds (only its kind id matters here). */
const withSeriousErrors: RulePack = {
  ...national,
  rules: [...national.rules, { id: 'serious-errors', kind: 'serious-errors', title: { zh: '严重表述错误', en: 'Serious misstatements' }, severity: 'veto', source: '国办秘函〔2019〕19号', params: {} } as RuleDef],
}

describe('the pack holds the limits', () => {
  it('counts unanswered messages (veto class only) and serious errors, each with a 19号 limit of one', () => {
    expect(defs.map((d) => [d.key, d.kind, d.severity ?? null, d.limit])).toEqual([
      ['unansweredMessages', 'interaction-response', 'veto', 1],
      ['seriousErrors', 'serious-errors', null, 1],
    ])
  })
})

describe('counting page hits over the site', () => {
  it('an audited 留言 list with two messages unanswered for over 3 months counts 2, and reaches the veto line', () => {
    const report = audit(fixture('interaction-response', 'fail-overdue.html'), { url: 'https://www.example.gov.cn/hdjl/zxts/', packs: [national], asOf: ASOF })
    const [count] = vetoHitCounts(defs, [national], [report])
    expect(count).toMatchObject({ key: 'unansweredMessages', count: 2, judged: 1, enabled: true })
    const items = vetoItems([national], [report], null, 'zh')
    expect(items.find((i) => i.key === 'unansweredMessages')).toMatchObject({ count: 2, limit: limitOf('unansweredMessages'), reached: true })
    // Counted once, as a site count: not again as a single-page veto row of the same rule.
    expect(items.filter((i) => i.key === 'interaction-response')).toEqual([])
  })

  it('a list whose only fault is the 2-month reply gap (a deduction) counts nothing toward the veto', () => {
    const report = audit(fixture('interaction-response', 'fail-no-recent-reply.html'), { url: 'https://www.example.gov.cn/hdjl/ldxx/', packs: [national], asOf: ASOF })
    expect(report.findings.some((f) => f.ruleId === 'interaction-response' && f.status === 'fail' && f.severity === 'error')).toBe(true)
    const items = vetoItems([national], [report], null, 'zh')
    expect(items.find((i) => i.key === 'unansweredMessages')).toMatchObject({ count: 0, reached: false })
  })

  it('the same finding seen on an audited page and in the scan counts once', () => {
    const hit = finding('interaction-response', { data: { hits: 3 } })
    const counts = vetoHitCounts(defs, [national], [page('https://a.gov.cn/ly/', [hit]), page('https://a.gov.cn/ly/', [hit])])
    expect(counts[0].count).toBe(3)
  })

  it('serious-errors fails add their data.hits once a pack carries that kind, and are left out while none does', () => {
    const pages = [
      page('https://a.gov.cn/1.html', [finding('serious-errors', { data: { hits: 2 } }), finding('serious-errors', { status: 'pass', data: { hits: 0 } })]),
      page('https://a.gov.cn/2.html', [finding('serious-errors', { data: { hits: 3 } })]),
    ]
    const counted = vetoHitCounts(defs, [withSeriousErrors], pages).find((c) => c.key === 'seriousErrors')!
    expect(counted).toMatchObject({ count: 5, enabled: true, judged: 2 })
    expect(counted.pages.map((p) => [p.url, p.hits])).toEqual([
      ['https://a.gov.cn/2.html', 3],
      ['https://a.gov.cn/1.html', 2],
    ])
    expect(vetoItems([withSeriousErrors], pages, null, 'zh').find((i) => i.key === 'seriousErrors')).toMatchObject({ count: 5, limit: limitOf('seriousErrors'), reached: true })
    // Without a rule of the kind there is nothing to count: no row claims 0 errors.
    expect(vetoHitCounts(defs, [national], pages).find((c) => c.key === 'seriousErrors')).toMatchObject({ count: 0, enabled: false })
    expect(vetoItems([national], pages, null, 'zh').find((i) => i.key === 'seriousErrors')).toBeUndefined()
  })

  it('a local pack that raises a limit (the 2015 census failed sites for more than 3 errors) is honoured', () => {
    const local: RulePack = {
      id: 'local',
      version: '1',
      title: national.title,
      rules: [{ ...hitsRule, params: { counts: defs.map((d) => (d.key === 'seriousErrors' ? { ...d, limit: 4 } : d)) } }],
    }
    const pages = [page('https://a.gov.cn/1.html', [finding('serious-errors', { data: { hits: 3 } })])]
    expect(vetoItems([withSeriousErrors, local], pages, null, 'zh').find((i) => i.key === 'seriousErrors')).toMatchObject({ count: 3, limit: 4, reached: false })
  })

  it('says review, not pass, when no page the kind concerns was audited', () => {
    const news = page('https://a.gov.cn/news/', [finding('interaction-response', { status: 'n/a' })])
    const [f] = vetoHitFindings([national], [news], { url: 'https://a.gov.cn/', asOf: ASOF })
    expect(f).toMatchObject({ status: 'review', ruleId: VETO_HITS_RULE_ID, data: { count: 0, limit: 1, judged: 0 } })
  })
})

describe('site scan', () => {
  const origin = 'https://www.example.gov.cn'
  const start = `<!doctype html><html><head><meta charset="utf-8"><meta name="ColumnName" content="政府信息公开"><title>示例市人民政府</title></head><body>
<div class="wrap"><div class="left-nav"><ul><li><a href="/hdjl/zxts/">咨询投诉</a></li><li><a href="/hdjl/ldxx/">领导信箱</a></li><li><a href="/gzdt/">工作动态</a></li></ul></div>
<div class="main"><div class="box"><div class="box-title"><h3><a href="/gzdt/">工作动态</a></h3></div><ul class="list"><li><a href="/gzdt/1.html">市政府召开常务会议</a><span>2026-11-25</span></li><li><a href="/gzdt/2.html">全市安全生产工作会议召开</a><span>2026-11-20</span></li></ul></div></div></div>
</body></html>`
  const pages: Record<string, string> = {
    '/': start,
    '/hdjl/zxts/': fixture('interaction-response', 'fail-overdue.html'),
    '/hdjl/ldxx/': fixture('interaction-response', 'pass-list.html'),
    '/gzdt/': fixture('interaction-response', 'na-news.html'),
  }
  const fetch: FetchLike = async (url) => {
    const path = new URL(url).pathname
    const body = pages[path]
    return { status: body ? 200 : 404, headers: { 'content-type': 'text/html; charset=utf-8' }, bytes: new TextEncoder().encode(body ?? 'not found'), url }
  }

  it('counts the scanned 留言 pages’ veto hits beside the column counts, in the report and the summary', async () => {
    const state = createScan(`${origin}/`, null, { asOf: ASOF, packs: [national], delayMs: 0, checkLinks: false })
    await runScan(state, { fetch, sleep: timerSleep, now: () => Date.now(), storage: memoryStorage() })
    const report = scanReport(state)
    expect(report.pages.map((p) => p.source)).toEqual(expect.arrayContaining([`${origin}/hdjl/zxts/`, `${origin}/hdjl/ldxx/`]))
    const hits = report.findings.filter((f) => f.ruleId === VETO_HITS_RULE_ID)
    expect(hits.find((f) => f.data?.key === 'unansweredMessages')).toMatchObject({ status: 'fail', data: { count: 2, limit: 1, judged: 2 } })
    expect(hits.find((f) => f.data?.key === 'seriousErrors')).toMatchObject({ status: 'n/a' })

    const summary = siteSummary(report.site.columns, report.findings, report.site.counts)
    expect(summary.hits).toEqual([{ key: 'unansweredMessages', title: defs[0].title, status: 'fail', count: 2, limit: 1 }])
    // The site verdict words the column veto; the hit count carries its own status.
    expect(summary.groups.map((g) => g.key)).toEqual(['staleNewsNotice', 'staleAll', 'blank'])

    // The CLI's table says it too.
    expect(scanTable(report)).toContain(`[不合格] ${defs[0].title.zh} 2 处，达到单项否决线 1`)

    const items = vetoItems([national], [], report, 'zh')
    expect(items.find((i) => i.key === 'unansweredMessages')).toMatchObject({ count: 2, limit: 1, reached: true, label: { text: defs[0].title.zh } })
  })
})
