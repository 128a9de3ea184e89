// 全站扫描端到端：弹窗发起扫描 → 服务工作线程中途被停 → 重新唤醒后从断点继续（不重复抓取）→ 弹窗、页面徽标、
// 报告页、CSV/JSON 导出与导入。测试站点是 tests/fixtures/test-portal（扫描核心的单元测试用的同一个站点），挂在 gov.cn 主机名下。
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFile } from 'node:fs/promises'
import { serveSite, type TestSite } from '../fixtures/test-portal/serve.ts'
import { launchExtension, type Harness } from './harness.ts'
import { CSV_HEADER, clickDownload, until, waitForReport } from './support.ts'

const HOST = 'www.shifan.gov.cn'
const ASOF = '2026-05-20'
/** The column whose request is held open while the worker is stopped. */
const HELD = '/tzgg/'

/** Per-column verdicts of the test site as of ASOF (the same site and date as tests/unit/scan.test.ts). */
const EXPECTED: Record<string, [string, string | null]> = {
  工作动态: ['ok', '2026-05-18'],
  部门动态: ['stale', '2026-03-02'],
  乡镇动态: ['stale', '2026-04-01'], // GBK page
  图片新闻: ['stale', '2026-01-28'],
  通知公告: ['stale', '2025-09-10'], // jcms datastore list
  政策文件: ['ok', '2026-04-15'],
  政策解读: ['blank', null],
  公示公告: ['ok', '2026-05-15'],
  人事信息: ['stale', '2024-03-01'],
  规划计划: ['blank', null],
  财政资金: ['soft404', null],
  重点项目: ['login', null],
  招标公告: ['unreachable', null],
  统计数据: ['not-html', null],
  重点领域: ['ok', null],
  机构职能: ['ok', '2025-06-01'],
  部门文件: ['stale', '2025-01-10'],
  县政府要闻: ['stale', '2024-01-05'],
}

interface Logged {
  call: string
  answered: boolean
  closed: boolean
  status: number | null
}

/**
 * A logging front for the test site: every request with whether its response was delivered, and one request
 * (HELD) kept unanswered the first time it arrives, so the test knows exactly what was in flight when it stopped
 * the worker.
 */
async function front(site: TestSite) {
  const log: Logged[] = []
  let heldOnce = false
  let onHeld: () => void = () => {}
  const held = new Promise<void>((r) => (onHeld = r))
  const server: Server = createServer((req, res) => {
    const entry: Logged = { call: `${req.method} ${req.url}`, answered: false, closed: false, status: null }
    log.push(entry)
    res.on('finish', () => (entry.answered = true))
    res.on('close', () => (entry.closed = true))
    if (req.method === 'GET' && req.url === HELD && !heldOnce) {
      heldOnce = true
      onHeld()
      return
    }
    const up = request(`${site.origin}${req.url}`, { method: req.method, headers: req.headers }, (upRes) => {
      entry.status = upRes.statusCode ?? 502
      res.writeHead(entry.status, upRes.headers)
      upRes.pipe(res)
    })
    up.on('error', () => res.destroy())
    req.pipe(up)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    origin: `http://${HOST}:${port}`,
    log,
    held,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}

let site: TestSite
let web: Awaited<ReturnType<typeof front>>
let h: Harness
let start: Page
let popup: Page
let startUrl: string
/** Index in the request log where the scan began: everything before is the browser loading the start page. */
let scanFrom = 0

const scanCalls = () => web.log.slice(scanFrom).filter((e) => !e.call.endsWith('/favicon.ico'))

beforeAll(async () => {
  site = await serveSite()
  web = await front(site)
  h = await launchExtension()
  // Tests judge freshness on a fixed date and keep the scan short; one request at a time makes "what was in flight
  // when the worker stopped" a single, known request.
  await (await h.sw()).evaluate(
    (asOf) => chrome.storage.local.set({ scanOptions: { asOf, delayMs: 20, concurrency: 1, timeoutMs: 5000 } }),
    ASOF,
  )
  startUrl = `${web.origin}/`
  start = await h.context.newPage()
  await start.goto(startUrl)
  await waitForReport(h, startUrl)
})

afterAll(async () => {
  await h?.close()
  await web?.close()
  await site?.close()
})

describe('全站扫描', () => {
  it('弹窗发起扫描；工作线程中途被停，唤醒后从断点继续，没有任何网址被完整抓取两次', async () => {
    popup = await h.openPopup(start)
    await popup.getByTestId('tab-site').click() // the scan lives in the 全站 tab
    scanFrom = web.log.length
    await popup.getByTestId('scan-site').click()
    await web.held
    // While the held column is in flight the popup shows a running scan with its cancel button.
    await expect.poll(() => popup.getByTestId('scan-progress').getAttribute('data-state')).toBe('running')
    await expect(popup.getByTestId('scan-cancel').isVisible()).resolves.toBe(true)
    // A second start (another tab, a second click) reports the running scan instead of starting one.
    const tabId = await h.tabIdOf(start)
    const again = await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'startScan', tabId: id }), tabId)
    expect(again).toMatchObject({ ok: true, already: true, progress: { state: 'running' } })
    const answeredBefore = scanCalls().filter((e) => e.answered).map((e) => e.call)
    expect(answeredBefore.length).toBeGreaterThanOrEqual(4) // the first columns, before 通知公告

    await h.stopServiceWorker()
    const stored = await h.storage()
    expect(stored[`scanProgress:${new URL(startUrl).host}`]).toMatchObject({ state: 'running' })

    // Opening the popup again is the user's next touch: it wakes the worker, which continues the scan.
    await popup.reload()
    await expect.poll(() => popup.getByTestId('scan-progress').getAttribute('data-state'), { timeout: 60_000 }).toBe('done')

    const calls = scanCalls()
    const answered = calls.filter((e) => e.answered).map((e) => e.call)
    // A GET after a refused HEAD (405) is the link check's retry, not a second fetch.
    const byUrl = new Map<string, string[]>()
    for (const c of answered) {
      const [method, url] = c.split(' ')
      byUrl.set(url, [...(byUrl.get(url) ?? []), method])
    }
    const twice = [...byUrl].filter(([, m]) => !(m.length === 1 || (m.length === 2 && m[0] === 'HEAD' && m[1] === 'GET')))
    expect(twice).toEqual([])
    // Everything answered before the stop was kept: none of it was asked again.
    for (const c of answeredBefore) expect(calls.filter((e) => e.call === c)).toHaveLength(1)
    // The one request cut off by the stop (never answered) is the only one asked again.
    const unanswered = calls.filter((e) => !e.answered).map((e) => e.call)
    expect(unanswered).toEqual([`GET ${HELD}`])
    expect(answered.filter((c) => c === `GET ${HELD}`)).toHaveLength(1)

    // The scan's own count matches what the server delivered (the cut request left no trace in the saved state);
    // a redirect and the page it leads to are one fetch for the scanner.
    const report = (await h.storage())[`scanReport:${new URL(startUrl).host}`] as { stats: { requests: number; elapsedMs: number } }
    const hops = calls.filter((e) => e.answered && e.status !== null && e.status >= 300 && e.status < 400).length
    expect(report.stats.requests).toBe(answered.length - hops)
    console.log(`scan: ${report.stats.requests} requests, ${(report.stats.elapsedMs / 1000).toFixed(1)} s of scanning`)
  })

  it('弹窗：每个栏目的结论，全站计数对照 5/10/5 与“可能触发单项否决：栏目不更新”', async () => {
    const columns = await popup.getByTestId('scan-column').evaluateAll((rows) =>
      rows.map((r) => ({
        name: r.querySelector('.name')?.textContent ?? '',
        status: (r as HTMLElement).dataset.status ?? '',
        badge: r.querySelector('.badge')?.textContent ?? '',
      })),
    )
    expect(Object.fromEntries(columns.map((c) => [c.name, c.status]))).toEqual(
      Object.fromEntries(Object.entries(EXPECTED).map(([name, [status]]) => [name, status])),
    )
    const badge = Object.fromEntries(columns.map((c) => [c.name, c.badge]))
    expect(badge['部门动态']).toBe(`${await h.message('colLatest', ['2026-03-02', '79'])} · ${await h.message('colOverdue')}`)
    expect(badge['政策解读']).toBe(await h.message('colBlank'))
    expect(badge['招标公告']).toBe(await h.message('colUnreachable'))
    expect(badge['工作动态']).toBe(await h.message('colLatest', ['2026-05-18', '2']))

    const counts = await popup.getByTestId('scan-count').evaluateAll((rows) =>
      rows.map((r) => [(r as HTMLElement).dataset.group, Number((r as HTMLElement).dataset.count), (r as HTMLElement).dataset.status]),
    )
    expect(counts).toEqual([
      ['staleNewsNotice', 6, 'fail'],
      ['staleAll', 7, 'pass'],
      ['blank', 2, 'review'],
    ])
    // Page veto hits beside the column counts: the demo site has no 留言 page, so the count cannot be judged (review).
    const hits = await popup.getByTestId('scan-hit').evaluateAll((rows) =>
      rows.map((r) => [(r as HTMLElement).dataset.group, Number((r as HTMLElement).dataset.count), (r as HTMLElement).dataset.status]),
    )
    expect(hits.filter(([key]) => key === 'unansweredMessages')).toEqual([['unansweredMessages', 0, 'review']])
    const verdict = (await popup.getByTestId('scan-verdict').textContent())?.trim()
    expect(verdict).toBe(await h.message('siteVerdictVeto'))
    if ((await h.uiLanguage()).startsWith('zh')) expect(verdict).toBe('可能触发单项否决：栏目不更新')
  })

  it('起始页面：栏目链接旁的徽标与全站计数面板', async () => {
    const read = () =>
      start.evaluate(() => {
        const root = document.getElementById('disclosure-auditor-root')?.shadowRoot
        const badges = [...(root?.querySelectorAll<HTMLElement>('.da-scan-badge') ?? [])].map((b) => [
          new URL(b.dataset.columnUrl ?? '').pathname,
          b.textContent ?? '',
        ])
        return { badges, panel: root?.querySelector('.da-site-panel')?.textContent ?? '', inPage: !!document.querySelector('.da-scan-badge') }
      })
    await expect.poll(async () => (await read()).badges.length, { timeout: 20_000 }).toBeGreaterThan(0)
    const { badges, panel, inPage } = await read()
    expect(inPage).toBe(false) // drawn in the shadow root, never in the page's own DOM
    const byPath = new Map<string, Set<string>>()
    for (const [path, text] of badges) byPath.set(path, (byPath.get(path) ?? new Set()).add(text))
    // Only columns with a problem get a badge, one each (not one per link), and never a passing column's green one.
    const navPaths = ['/gzdt/', '/bmdt/', '/xzdt/', '/tpxw/', '/tzgg/', '/zcwj/', '/zcjd/', '/gsgg/', '/rsxx/', '/ghjh/', '/czzj/', '/zdxm/', '/zbgg/', '/tjsj/tjnb2025.pdf', '/zdly/']
    const statusOf = new Map(navPaths.map((p, i) => [p, Object.values(EXPECTED)[i][0]]))
    expect([...byPath.keys()].sort()).toEqual(navPaths.filter((p) => statusOf.get(p) !== 'ok').sort())
    expect(badges.length).toBe(byPath.size)
    expect([...byPath.get('/bmdt/')!]).toEqual([`${await h.message('colLatest', ['2026-03-02', '79'])} · ${await h.message('colOverdue')}`])
    expect([...byPath.get('/zcjd/')!]).toEqual([await h.message('colBlank')])
    expect([...byPath.get('/zbgg/')!]).toEqual([await h.message('colUnreachable')])

    expect(panel).toContain(await h.message('siteVerdictVeto'))
    expect(panel).toContain(`${await h.message('groupStaleNewsNotice')}${await h.message('siteCount', ['6', '5'])}`)
    expect(panel).toContain(`${await h.message('groupBlank')}${await h.message('siteCount', ['2', '5'])}`)
    expect(panel).toContain('政策解读、规划计划')
  })

  let report: Page

  it('报告页：栏目表、每栏目一根柱子的图、按结果/严重程度/规则筛选', async () => {
    await popup.getByTestId('tab-site').click() // the report link lives in the 全站 tab with the scan
    ;[report] = await Promise.all([h.context.waitForEvent('page'), popup.getByTestId('open-report').click()])
    await report.waitForLoadState()
    expect(new URL(report.url()).searchParams.get('host')).toBe(new URL(startUrl).host)
    await expect.poll(() => report.getByTestId('column-row').count()).toBe(Object.keys(EXPECTED).length)
    const rows = await report.getByTestId('column-row').evaluateAll((trs) =>
      trs.map((tr) => [(tr as HTMLElement).dataset.columnName, (tr as HTMLElement).dataset.status, tr.children[4].textContent]),
    )
    expect(rows).toEqual(Object.entries(EXPECTED).map(([name, [status, date]]) => [name, status, date ?? '—']))

    // The page veto hits sit beside the column counts on the report page too, with the pack's name for them.
    const hitRow = report.locator('[data-testid="scan-hit"][data-group="unansweredMessages"]')
    expect(await hitRow.getAttribute('data-count')).toBe('0')
    expect(await hitRow.textContent()).toContain((await h.uiLanguage()).startsWith('zh') ? '超过3个月未答复的有效留言' : 'Valid messages unanswered for more than 3 months')

    const bars = await report.locator('[data-testid="freshness-chart"] rect').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-column-name')))
    expect(bars.sort()).toEqual(Object.keys(EXPECTED).sort())
    // Every label and value is drawn whole inside the chart, and the legend names the limit lines.
    const clipped = await report.locator('[data-testid="freshness-chart"]').evaluate((svg) => {
      const width = (svg as SVGSVGElement).viewBox.baseVal.width
      return [...svg.querySelectorAll('text')]
        .map((t) => ({ text: t.textContent, box: (t as SVGTextElement).getBBox() }))
        .filter(({ box }) => box.x < 0 || box.x + box.width > width)
        .map(({ text }) => text)
    })
    expect(clipped).toEqual([])
    const legend = await report.getByTestId('chart-limit').allTextContents()
    // The news period is the column-freshness rule's (one definition for pages and the scan).
    const pack = JSON.parse(await readFile(new URL('../../rules/national.json', import.meta.url), 'utf8')) as {
      rules: { id: string; params?: { classes?: { class: string; maxAge: { days?: number } }[] } }[]
    }
    const newsDays = pack.rules.find((r) => r.id === 'column-freshness')!.params!.classes!.find((c) => c.class === 'news')!.maxAge.days!
    expect(legend).toContain(await h.message('chartLimit', [await h.message('classNews'), String(newsDays)]))

    await report.getByTestId('filter-status').selectOption('') // the report opens on failures and reviews only
    await report.getByTestId('filter-rule').selectOption('column-freshness-site')
    const siteRows = () =>
      report.locator('[data-testid="by-rule"] [data-testid="report-finding"]').evaluateAll((li) =>
        li.map((l) => [(l as HTMLElement).dataset.ruleId, (l as HTMLElement).dataset.status]),
      )
    await expect.poll(siteRows).toEqual([
      ['column-freshness-site', 'fail'],
      ['column-freshness-site', 'pass'],
      ['column-freshness-site', 'review'],
    ])
    await report.getByTestId('filter-status').selectOption('fail')
    await expect.poll(siteRows).toEqual([['column-freshness-site', 'fail']])
    await report.getByTestId('filter-rule').selectOption('')
    await report.getByTestId('filter-severity').selectOption('veto')
    const shown = await report.locator('[data-testid="by-rule"] [data-testid="report-finding"]').evaluateAll((li) =>
      li.map((l) => `${(l as HTMLElement).dataset.status}/${(l as HTMLElement).dataset.severity}`),
    )
    expect(shown.length).toBeGreaterThan(0)
    expect(new Set(shown)).toEqual(new Set(['fail/veto']))
    await report.getByTestId('filter-status').selectOption('')
    await report.getByTestId('filter-severity').selectOption('')
  })

  it('导出 CSV（会话页面 + 全站扫描）与 JSON；坏文件导入报错且不丢数据；JSON 导入往返无损', async () => {
    const csv = await clickDownload(report, 'export-csv')
    expect(csv.header).toEqual(CSV_HEADER)
    const siteRows = csv.rows.filter((r) => r['规则编号'] === 'column-freshness-site')
    expect(siteRows.map((r) => r['栏目/要素'])).toEqual(['动态要闻类、通知公告类栏目不更新', '应更新但长期未更新的栏目', '空白栏目'])
    expect(siteRows[0]['发现情况']).toMatch(/^6 个（单项否决线 5 个）：部门动态/)
    expect(csv.rows.some((r) => r['页面地址'] === startUrl && r['规则编号'] !== 'column-freshness-site')).toBe(true)

    const exportJson = async () => {
      const [dl] = await Promise.all([report.waitForEvent('download'), report.getByTestId('export-json').click()])
      return { name: dl.suggestedFilename(), data: JSON.parse(await readFile((await dl.path())!, 'utf8')) }
    }
    const first = await exportJson()
    expect(first.name).toMatch(/\.json$/)
    expect(first.data).toMatchObject({ format: 'disclosure-auditor-session', version: 1, host: new URL(startUrl).host })
    expect(first.data.pages.map((p: { url: string }) => p.url)).toContain(startUrl)
    expect(first.data.scan.site.columns).toHaveLength(Object.keys(EXPECTED).length)

    // A broken file: a clear error, and the report still shows everything it showed.
    const pagesBefore = await report.getByTestId('page-row').count()
    await report.getByTestId('import-json').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...first.data, pages: [{ url: 1 }] })),
    })
    await expect.poll(() => report.getByTestId('import-status').getAttribute('data-ok')).toBe('false')
    expect(await report.getByTestId('import-status').textContent()).toContain('pages.0')
    expect(await report.getByTestId('page-row').count()).toBe(pagesBefore)
    expect(await report.getByTestId('column-row').count()).toBe(Object.keys(EXPECTED).length)

    // Forget the site's session and scan, then import the exported file: the report comes back whole.
    const host = new URL(startUrl).host
    await start.close() // the start page would re-enter the session on its next audit
    await (await h.sw()).evaluate(async (host) => {
      const all = await chrome.storage.local.get(null)
      await chrome.storage.local.remove(Object.keys(all).filter((k) => k.startsWith(`session:${host}`) || k === `scanReport:${host}` || k === `scanProgress:${host}`))
    }, host)
    await report.reload()
    await expect.poll(() => report.getByTestId('page-row').count()).toBe(0)
    await expect(report.getByTestId('column-row').count()).resolves.toBe(0)

    await report.getByTestId('import-json').setInputFiles({
      name: 'session.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(first.data)),
    })
    await expect.poll(() => report.getByTestId('import-status').getAttribute('data-ok')).toBe('true')
    await expect.poll(() => report.getByTestId('column-row').count()).toBe(Object.keys(EXPECTED).length)
    const second = await exportJson()
    expect({ ...second.data, exportedAt: '' }).toEqual({ ...first.data, exportedAt: '' })
  })
})
