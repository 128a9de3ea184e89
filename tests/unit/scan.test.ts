// The site scan against a local multi-page site (tests/fixtures/test-portal, served on 127.0.0.1): per-column verdicts,
// site counts, link results, bounded crawling, and a resumed scan that fetches nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeFetch, runScanCommand, scanTable } from '../../src/cli/scan-command.ts'
import {
  createScan,
  loadScan,
  memoryStorage,
  runScan,
  scanReport,
  timerSleep,
  type FetchLike,
  type ScanDeps,
  type ScanReport,
  type ScanState,
  type ScanStorage,
} from '../../src/scan/index.ts'
import { serveSite, type TestSite } from '../fixtures/test-portal/serve.ts'

const ASOF = '2026-05-20'
let site: TestSite

beforeAll(async () => {
  site = await serveSite()
})
afterAll(async () => {
  await site.close()
})

/** Node fetch with every call logged, as the scanner made it. */
function logged(log: string[], onCall?: () => void): FetchLike {
  const inner = nodeFetch()
  return (url, init) => {
    log.push(`${init.method} ${url}`)
    onCall?.()
    return inner(url, init)
  }
}

function deps(fetch: FetchLike, storage: ScanStorage = memoryStorage()): ScanDeps {
  return { fetch, sleep: timerSleep, now: () => Date.now(), storage }
}

const quick = { asOf: ASOF, delayMs: 2, concurrency: 2 }

function summary(r: ScanReport): Record<string, string> {
  return Object.fromEntries(r.site.columns.map((c) => [c.name, `${c.status} ${c.latestDate ?? '-'} ${c.entries ?? '-'}`]))
}

/** Everything but the wall time, which differs between runs. */
function comparable(r: ScanReport): unknown {
  return { ...r, stats: { ...r.stats, elapsedMs: 0 } }
}

/**
 * URLs asked more than once. The only repeat allowed is the link check's GET after a HEAD the server refused; a page
 * fetched with GET is never asked again, not even with HEAD.
 */
function fetchedTwice(calls: string[]): string[] {
  const methods = new Map<string, string[]>()
  for (const call of calls) {
    const [method, url] = call.split(' ')
    methods.set(url, [...(methods.get(url) ?? []), method])
  }
  return [...methods].filter(([, m]) => !(m.length === 1 || (m.length === 2 && m[0] === 'HEAD' && m[1] === 'GET'))).map(([u, m]) => `${m.join('+')} ${u}`)
}

/** What the auditor reads, without the run's bookkeeping. */
function findingsAndSite(r: ScanReport): unknown {
  return { site: r.site, findings: r.findings, pages: r.pages }
}

describe('site scan of the test portal', () => {
  let report: ScanReport
  let calls: string[]

  beforeAll(async () => {
    calls = []
    const state = createScan(`${site.origin}/`, null, quick)
    await runScan(state, deps(logged(calls)))
    report = scanReport(state)
  })

  it('gives every column its verdict, including GBK, jcms, soft-404, login, 404 and PDF columns', () => {
    expect(summary(report)).toEqual({
      工作动态: 'ok 2026-05-18 3',
      部门动态: 'stale 2026-03-02 2',
      乡镇动态: 'stale 2026-04-01 2', // GBK bytes
      图片新闻: 'stale 2026-01-28 2',
      通知公告: 'stale 2025-09-10 2', // jcms datastore list
      政策文件: 'ok 2026-04-15 2',
      政策解读: 'blank - 0',
      公示公告: 'ok 2026-05-15 2',
      人事信息: 'stale 2024-03-01 1',
      规划计划: 'blank - 0',
      财政资金: 'soft404 - -',
      重点项目: 'login - -',
      招标公告: 'unreachable - -',
      统计数据: 'not-html - -',
      重点领域: 'ok - 0',
      机构职能: 'ok 2025-06-01 1', // sub-column, found on 重点领域's page
      部门文件: 'stale 2025-01-10 1', // sub-column
      县政府要闻: 'stale 2024-01-05 1', // start-page block without a list link
    })
    const byName = new Map(report.site.columns.map((c) => [c.name, c]))
    expect(byName.get('部门动态')).toMatchObject({ class: 'news', daysSince: 79 })
    expect(byName.get('招标公告')).toMatchObject({ class: 'notice', httpStatus: 404 })
    expect(byName.get('重点项目')?.detail).toContain('/login/index.html')
  })

  it('counts against the 5 / 10 / 5 limits and reports the veto with the columns behind it', () => {
    expect(report.site.counts).toEqual({ staleNews: 4, staleNotice: 2, staleLongTerm: 1, blank: 2 })
    const veto = report.findings.filter((f) => f.ruleId === 'column-freshness-site')
    expect(veto.map((f) => [f.ruleId, f.section, f.status])).toEqual([
      ['column-freshness-site', '动态要闻类、通知公告类栏目不更新', 'fail'],
      ['column-freshness-site', '应更新但长期未更新的栏目', 'pass'],
      ['column-freshness-site', '空白栏目', 'review'],
    ])
    expect(report.findings.slice(0, 3)).toEqual(veto)
    expect(veto[0].evidence.zh).toMatch(/^6 个（单项否决线 5 个）：部门动态（最新 2026-03-02，距今 79 天）；乡镇动态/)
    expect(veto[2].evidence.zh).toContain('另有 3 个栏目无法判断：财政资金（页面不存在）；重点项目（需登录）；招标公告（无法访问）')
    expect(report.pages[0]).toMatchObject({ source: 'site-scan', url: `${site.origin}/`, findings: report.findings })
    expect(report.pages.length).toBeGreaterThan(10)
  })

  it('prints the scan table an auditor reads in the terminal: each veto count with the columns behind it', () => {
    const table = scanTable(report)
    expect(table).toContain('[不合格] 动态要闻类、通知公告类栏目不更新：6 个（单项否决线 5 个）：部门动态')
    expect(table).not.toContain('[object Object]')
    expect(scanTable(report, 'en')).toContain('6 (veto at 5): 部门动态')
  })

  it('checks links: broken attachment, soft 404, login kept apart, HEAD refused then GET', () => {
    const link = (path: string) => report.site.links.find((l) => l.url === `${site.origin}${path}`)
    expect(link('/zcwj/files/cuoshi.pdf')).toMatchObject({ result: 'broken', httpStatus: 404, attachment: true, from: `${site.origin}/zcwj/` })
    expect(link('/zcwj/files/jiedu.docx')).toMatchObject({ result: 'ok', httpStatus: 200 })
    expect(link('/czzj/')).toMatchObject({ result: 'soft404', httpStatus: 200 })
    expect(link('/zbgg/')).toMatchObject({ result: 'broken', httpStatus: 404 })
    expect(link('/zdxm/')).toMatchObject({ result: 'unverifiable' })
    expect(link('/art/2025/9/10/art_4523489_1001.html')).toMatchObject({ result: 'ok' }) // from the datastore
    expect(calls).toContain(`GET ${site.origin}/zcwj/files/jiedu.docx`)
  })

  it('turns every non-ok link into a link-check finding: 附件无法下载, soft 404, 404 column, login kept as review', () => {
    const links = report.findings.filter((f) => f.ruleId === 'link-check')
    const of = (path: string) => links.filter((f) => f.section === `${site.origin}${path}`)
    expect(of('/zcwj/files/cuoshi.pdf')).toEqual([
      expect.objectContaining({ status: 'fail', severity: 'warning', message: expect.objectContaining({ zh: '附件无法下载' }), locator: null }),
    ])
    expect(of('/zcwj/files/cuoshi.pdf')[0].evidence.zh).toBe(`HTTP 404；所在页面：${site.origin}/zcwj/`)
    expect(of('/czzj/')).toEqual([expect.objectContaining({ status: 'fail', message: expect.objectContaining({ zh: expect.stringContaining('软404') }) })])
    expect(of('/zbgg/')).toEqual([expect.objectContaining({ status: 'fail', message: expect.objectContaining({ zh: '链接失效' }) })])
    expect(of('/zbgg/')[0].evidence.zh).toContain('HTTP 404')
    expect(of('/zdxm/')).toEqual([expect.objectContaining({ status: 'review' })])
    expect(of('/zdxm/')[0].evidence.zh).toContain('登录')
    expect(links.filter((f) => f.status === 'review').every((f) => f.message.zh.includes('无法核实'))).toBe(true)
    expect(links[0].source).toBe('国办秘函〔2019〕19号 扣分指标·可用性（不可用链接）')
    // One finding per non-ok link, none for ok links, no pass row when something is wrong.
    expect(links).toHaveLength(report.site.links.filter((l) => l.result !== 'ok').length)
    expect(new Set(links.map((f) => f.id)).size).toBe(links.length)
    expect(report.pages[0].findings).toEqual(report.findings)
  })

  it('stays bounded and polite: no request twice, pagination never followed, PDF column never downloaded', () => {
    expect(fetchedTwice(calls)).toEqual([])
    expect(calls.filter((c) => c.startsWith('GET') && /page=\d/.test(c))).toEqual([])
    expect(calls.some((c) => /page=3/.test(c))).toBe(false)
    expect(calls).not.toContain(`GET ${site.origin}/tjsj/tjnb2025.pdf`)
    expect(report.stats).toMatchObject({ requests: calls.length, complete: true, pagesScanned: 18 })
  })
})

describe('resume', () => {
  it('a scan aborted after 7 requests and resumed from storage fetches nothing twice and ends as an uninterrupted run', async () => {
    const fullCalls: string[] = []
    const full = createScan(`${site.origin}/`, null, quick)
    await runScan(full, deps(logged(fullCalls)))

    const storage = memoryStorage()
    const controller = new AbortController()
    const first: string[] = []
    const state1 = createScan(`${site.origin}/`, null, quick)
    await runScan(state1, deps(logged(first, () => first.length === 7 && controller.abort()), storage), undefined, controller.signal)
    expect(state1.phase).toBe('pages')
    expect(scanReport(state1).stats.complete).toBe(false)

    // A new runner, as after a service-worker restart: it only has what storage kept.
    const restored = (await loadScan(storage, `${site.origin}/`)) as ScanState
    expect(restored.requests).toBe(first.length)
    const second: string[] = []
    await runScan(restored, deps(logged(second), storage))

    const union = [...first, ...second]
    expect(fetchedTwice(union)).toEqual([])
    expect([...union].sort()).toEqual([...fullCalls].sort())
    expect(comparable(scanReport(restored))).toEqual(comparable(scanReport(full)))
  })

  it('after a crash, only requests that were in flight (saved as fetching, no result) are asked again', async () => {
    const storage = memoryStorage()
    const snapshots: ScanState[] = []
    const spying = {
      load: storage.load,
      async save(key: string, value: unknown) {
        snapshots.push(JSON.parse(JSON.stringify(value)) as ScanState)
        await storage.save(key, value)
      },
    }
    const state = createScan(`${site.origin}/`, null, quick)
    await runScan(state, deps(logged([]), spying))
    const crashed = snapshots.find((s) => s.pages.some((p) => p.state === 'fetching') && s.pages.filter((p) => p.state === 'done').length >= 5)
    expect(crashed).toBeDefined()
    const inFlight = crashed!.pages.filter((p) => p.state === 'fetching').map((p) => `GET ${p.url}`)
    const doneBefore = crashed!.pages.filter((p) => p.state === 'done').map((p) => `GET ${p.url}`)

    const again: string[] = []
    const resumed = await runScan(JSON.parse(JSON.stringify(crashed)) as ScanState, deps(logged(again)))
    for (const call of inFlight) expect(again).toContain(call)
    for (const call of doneBefore) expect(again).not.toContain(call)
    expect(findingsAndSite(scanReport(resumed))).toEqual(findingsAndSite(scanReport(state)))
  })

  it('starting the same scan twice runs it once', async () => {
    const calls: string[] = []
    const state = createScan(`${site.origin}/`, null, { ...quick, checkLinks: false })
    const d = deps(logged(calls))
    const [a, b] = await Promise.all([runScan(state, d), runScan(state, d)])
    expect(a).toBe(b)
    expect(fetchedTwice(calls)).toEqual([])
  })
})

describe('bounds and faults', () => {
  it('a site that answers every address with 200 stops at maxPages and says so', async () => {
    const endless = await serveSite('everything200')
    try {
      const state = createScan(`${endless.origin}/`, null, { ...quick, maxPages: 8, maxDepth: 4, checkLinks: false })
      await runScan(state, deps(nodeFetch()))
      const r = scanReport(state)
      expect(endless.requests.length).toBe(8)
      expect(r.stats).toMatchObject({ pagesScanned: 8, complete: true })
      expect(r.stats.pagesSkipped).toBeGreaterThan(0)
      expect(r.stats.notes.join()).toContain('已达页面上限 8')
    } finally {
      await endless.close()
    }
  })

  it('uses the DOM it is given for the start page instead of fetching it', async () => {
    const calls: string[] = []
    const html = `<html><head><meta charset="utf-8"><title>专栏</title></head><body><div class="left-nav"><ul>
      <li><a href="/bmdt/">部门动态</a></li><li><a href="/slow/">慢速栏目</a></li></ul></div></body></html>`
    const state = createScan(`${site.origin}/zt/`, html, { ...quick, timeoutMs: 300, checkLinks: false, maxDepth: 1 })
    await runScan(state, deps(logged(calls)))
    const r = scanReport(state)
    expect(calls).toEqual([`GET ${site.origin}/bmdt/`, `GET ${site.origin}/slow/`])
    expect(summary(r)).toEqual({ 部门动态: 'stale 2026-03-02 2', 慢速栏目: 'unreachable - -' })
    expect(r.site.columns[1].detail).toContain('请求超时')
    expect(state.startHtml).toBeNull()
  })
})

describe('disclosure-audit --scan', () => {
  it('prints the DESIGN.md report plus the site object, exit 1 on the veto', async () => {
    let out = ''
    let err = ''
    const code = await runScanCommand(
      { url: `${site.origin}/`, asOf: ASOF, format: 'json', delayMs: 2, progress: false },
      { stdout: (s) => (out += s), stderr: (s) => (err += s) },
    )
    expect(code).toBe(1)
    expect(err).toBe('')
    const json = JSON.parse(out)
    expect(json.tool.name).toBe('disclosure-audit')
    expect(json.asOf).toBe(ASOF)
    expect(json.rulePacks[0].id).toBe('national')
    expect(json.pages[0].findings[0]).toMatchObject({ ruleId: 'column-freshness-site', status: 'fail' })
    expect(json.site.counts).toEqual({ staleNews: 4, staleNotice: 2, staleLongTerm: 1, blank: 2 })
    expect(Object.keys(json.site.columns[0]).sort()).toEqual(
      expect.arrayContaining(['name', 'url', 'class', 'entries', 'latestDate', 'daysSince', 'status']),
    )
    expect(Object.keys(json.site.links[0])).toEqual(expect.arrayContaining(['url', 'from', 'result', 'httpStatus']))
  })

  it('table and CSV formats; an unreachable start page is exit 2', async () => {
    let table = ''
    await runScanCommand({ url: `${site.origin}/`, asOf: ASOF, format: 'table', delayMs: 2, checkLinks: false, progress: false }, {
      stdout: (s) => (table += s),
      stderr: () => {},
    })
    expect(table).toContain('结论：可能触发单项否决：栏目不更新')
    expect(table).toMatch(/乡镇动态\s+动态要闻\s+2\s+2026-04-01\s+49\s+未更新/)

    let csv = ''
    await runScanCommand({ url: `${site.origin}/`, asOf: ASOF, format: 'csv', delayMs: 2, checkLinks: false, progress: false }, {
      stdout: (s) => (csv += s),
      stderr: () => {},
    })
    expect(csv.startsWith('\uFEFF审计日期,')).toBe(true)
    expect(csv).toContain('column-freshness-site,全站栏目不更新（单项否决）,不合格')
    // Link checking was off: nothing was judged, so no link-check row.
    expect(csv).not.toContain('link-check')

    let linkCsv = ''
    await runScanCommand({ url: `${site.origin}/`, asOf: ASOF, format: 'csv', delayMs: 2, progress: false }, {
      stdout: (s) => (linkCsv += s),
      stderr: () => {},
    })
    const rows = linkCsv.split('\r\n').filter((r) => r.includes('link-check,链接与附件可用性'))
    expect(rows.find((r) => r.includes(`${site.origin}/zcwj/files/cuoshi.pdf`))).toMatch(/不合格.*附件无法下载/)
    expect(rows.find((r) => r.includes(`${site.origin}/czzj/`))).toContain('不合格')
    expect(rows.find((r) => r.includes(`${site.origin}/zbgg/,`) || r.includes(`${site.origin}/zbgg/"`))).toMatch(/不合格.*链接失效/)
    expect(rows.find((r) => r.includes(`${site.origin}/zdxm/`))).toContain('需复核')

    let err = ''
    const code = await runScanCommand({ url: `${site.origin}/zbgg/`, asOf: ASOF, format: 'json', progress: false }, {
      stdout: () => {},
      stderr: (s) => (err += s),
    })
    expect(code).toBe(2)
    expect(err).toContain('起始页面无法访问')
  })
})
