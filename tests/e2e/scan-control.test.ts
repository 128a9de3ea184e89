// 全站扫描的控制：用户取消扫描后站点不再收到请求、可以重新开始；浏览器整个关闭再打开后扫描从断点继续，
// 没有任何网址被完整抓取两次，结果与一次不中断的扫描相同。测试站点同 tests/e2e/scan.test.ts（tests/fixtures/test-portal）。
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { rm } from 'node:fs/promises'
import { serveSite, type TestSite } from '../fixtures/test-portal/serve.ts'
import { launchExtension, type Harness } from './harness.ts'
import { poll, until, waitForReport } from './support.ts'

const HOST = 'www.shifan.gov.cn'
const ASOF = '2026-05-20'

/** Per-column verdicts of the test site as of ASOF (same site and date as tests/e2e/scan.test.ts). */
const EXPECTED: Record<string, string> = {
  工作动态: 'ok',
  部门动态: 'stale',
  乡镇动态: 'stale',
  图片新闻: 'stale',
  通知公告: 'stale',
  政策文件: 'ok',
  政策解读: 'blank',
  公示公告: 'ok',
  人事信息: 'stale',
  规划计划: 'blank',
  财政资金: 'soft404',
  重点项目: 'login',
  招标公告: 'unreachable',
  统计数据: 'not-html',
  重点领域: 'ok',
  机构职能: 'ok',
  部门文件: 'stale',
  县政府要闻: 'stale',
}

interface Logged {
  call: string
  /** A browser navigation or the favicon: the page being opened, not the scanner. */
  browser: boolean
  answered: boolean
  closed: boolean
  status: number | null
}

/**
 * A logging front for the test site: every request with whether its response was delivered, an optional delay
 * before answering (a slow site), and an optional one-shot hold of one path (kept unanswered until the connection dies).
 */
async function front(site: TestSite) {
  const log: Logged[] = []
  const ctl = { delayMs: 0, hold: null as string | null, onHeld: () => {} }
  const server: Server = createServer((req, res) => {
    const accept = String(req.headers.accept ?? '')
    const browser = req.headers['upgrade-insecure-requests'] === '1' || accept.startsWith('text/html') || req.url === '/favicon.ico'
    const entry: Logged = { call: `${req.method} ${req.url}`, browser, answered: false, closed: false, status: null }
    log.push(entry)
    res.on('finish', () => (entry.answered = true))
    res.on('close', () => (entry.closed = true))
    if (!browser && req.method === 'GET' && req.url === ctl.hold) {
      ctl.hold = null
      ctl.onHeld()
      return
    }
    const forward = () => {
      const up = request(`${site.origin}${req.url}`, { method: req.method, headers: req.headers }, (upRes) => {
        entry.status = upRes.statusCode ?? 502
        res.writeHead(entry.status, upRes.headers)
        upRes.pipe(res)
      })
      up.on('error', () => res.destroy())
      req.pipe(up)
    }
    if (ctl.delayMs && !browser) setTimeout(forward, ctl.delayMs)
    else forward()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    origin: `http://${HOST}:${port}`,
    log,
    ctl,
    /** Holds the next scanner GET of `path`; resolves when it arrives. */
    holdNext(path: string): Promise<void> {
      ctl.hold = path
      return new Promise<void>((r) => (ctl.onHeld = r))
    },
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
let profileDir = ''
let startUrl = ''

const scannerCalls = (from: number) => web.log.slice(from).filter((e) => !e.browser)

/** Waits (no assertion) until the server has had no new request for `quietMs`; returns the log length then. */
async function quietLog(quietMs: number): Promise<number> {
  let n = web.log.length
  let since = Date.now()
  return until(`服务器请求日志静止 ${quietMs} ms`, async () => {
    if (web.log.length !== n) {
      n = web.log.length
      since = Date.now()
    }
    return Date.now() - since >= quietMs ? n : null
  }, 30_000)
}

async function openStart(): Promise<Page> {
  const page = await h.context.newPage()
  await page.goto(startUrl)
  await waitForReport(h, startUrl)
  return page
}

/** Test politeness and the fixed as-of date, written from an extension page (no need to wake the worker). */
async function setOptions(extPage: Page, delayMs: number): Promise<void> {
  await extPage.evaluate(
    ([asOf, delayMs]) => chrome.storage.local.set({ scanOptions: { asOf, delayMs, concurrency: 1, timeoutMs: 5000 } }),
    [ASOF, delayMs] as const,
  )
}

type Column = { name: string; status: string; badge: string; url: string }
const readColumns = (popup: Page): Promise<Column[]> =>
  popup.getByTestId('scan-column').evaluateAll((rows) =>
    rows.map((r) => ({
      name: r.querySelector('.name')?.textContent ?? '',
      status: (r as HTMLElement).dataset.status ?? '',
      badge: r.querySelector('.badge')?.textContent ?? '',
      url: (r as HTMLElement).dataset.columnUrl ?? '',
    })),
  )
const state = (popup: Page) => popup.getByTestId('scan-progress').getAttribute('data-state')

/** Result of the uninterrupted scan (the restart after the cancel), what the resumed scan must equal. */
let baseline: Column[] = []

beforeAll(async () => {
  site = await serveSite()
  web = await front(site)
  startUrl = `${web.origin}/`
  h = await launchExtension({ keepProfile: true })
  profileDir = h.profileDir
})

afterAll(async () => {
  await h?.close()
  if (profileDir) await rm(profileDir, { recursive: true, force: true }).catch(() => undefined)
  await web?.close()
  await site?.close()
})

describe('扫描控制', () => {
  it('取消：弹窗显示已取消，站点不再收到请求（工作线程重启也不恢复）；再次开始能完整扫完', async () => {
    // A slow site: each scanner request waits 300 ms at the server, the scanner pauses 100 ms between requests.
    web.ctl.delayMs = 300
    const start = await openStart()
    const popup = await h.openPopup(start)
    await popup.getByTestId('tab-site').click() // the scan lives in the 全站 tab
    await setOptions(popup, 100)
    const from = web.log.length
    await popup.getByTestId('scan-site').click()
    await poll(() => state(popup)).toBe('running')
    await until('扫描已完成至少 3 个请求', async () => scannerCalls(from).filter((e) => e.answered).length >= 3)

    const atClick = scannerCalls(from).length
    await popup.getByTestId('scan-cancel').click()
    await poll(() => state(popup)).toBe('cancelled')
    const progress = (await h.storage())[`scanProgress:${new URL(startUrl).host}`] as { done: number; total: number }
    await poll(async () => (await popup.getByTestId('scan-progress').textContent())?.trim()).toBe(
      await h.message('scanCancelled', [String(progress.done), String(progress.total)]),
    )
    expect(progress.done).toBeLessThan(progress.total)
    await expect(popup.getByTestId('scan-cancel').count()).resolves.toBe(0)
    await expect(popup.getByTestId('scan-site').isEnabled()).resolves.toBe(true)

    // Grace period: what was in flight at the click may still finish; then the count stops growing.
    await quietLog(1500)
    const afterCancel = scannerCalls(from)
    expect(afterCancel.length - atClick, '取消之后最多还有正在进行的那一个请求').toBeLessThanOrEqual(1)
    expect(afterCancel.filter((e) => !e.answered && !e.closed), '没有悬而未决的请求').toEqual([])
    // A worker restart (the alarm or any event wakes it and it resumes "running" scans) must not bring it back.
    await h.stopServiceWorker()
    await popup.reload() // the popup's messages start the worker again

    await poll(() => state(popup)).toBe('cancelled')
    await quietLog(2000)
    expect(scannerCalls(from).map((e) => e.call), '取消后站点没有再收到任何请求').toEqual(afterCancel.map((e) => e.call))

    // Starting again runs a whole, uninterrupted scan (fast site now).
    web.ctl.delayMs = 0
    await setOptions(popup, 20)
    const again = web.log.length
    await popup.getByTestId('scan-site').click()
    await poll(() => state(popup), { timeout: 60_000 }).toBe('done')
    baseline = await readColumns(popup)
    expect(Object.fromEntries(baseline.map((c) => [c.name, c.status]))).toEqual(EXPECTED)
    expect(scannerCalls(again).length).toBeGreaterThan(0)
    await popup.close()
    await start.close()
  }, 90_000)

  it('浏览器整个关闭再打开（同一配置目录）：扫描从断点继续，没有网址被完整抓取两次，结果与不中断的扫描相同', async () => {
    expect(baseline.length, '前一个测试给出了不中断扫描的结果').toBeGreaterThan(0)
    let start = await openStart()
    let popup = await h.openPopup(start)
    await popup.getByTestId('tab-site').click() // the scan lives in the 全站 tab
    const from = web.log.length
    const held = web.holdNext('/tzgg/')
    await popup.getByTestId('scan-site').click()
    await held
    await poll(() => state(popup)).toBe('running')
    const answeredBefore = scannerCalls(from).filter((e) => e.answered).map((e) => e.call)
    expect(answeredBefore.length).toBeGreaterThanOrEqual(4)

    // Close the whole browser mid-scan (the /tzgg/ request is in flight), then start it again on the same profile.
    await h.close()
    h = await launchExtension({ profileDir, keepProfile: true })
    start = await openStart()
    popup = await h.openPopup(start)
    await popup.getByTestId('tab-site').click() // the scan lives in the 全站 tab
    await poll(() => state(popup), { timeout: 60_000, message: '重新打开浏览器后扫描应继续并完成' }).toBe('done')

    const calls = scannerCalls(from)
    const answered = calls.filter((e) => e.answered).map((e) => e.call)
    // A GET after a refused HEAD (405) is the link check's retry, not a second fetch.
    const byUrl = new Map<string, string[]>()
    for (const c of answered) {
      const [method, url] = c.split(' ')
      byUrl.set(url, [...(byUrl.get(url) ?? []), method])
    }
    const twice = [...byUrl].filter(([, m]) => !(m.length === 1 || (m.length === 2 && m[0] === 'HEAD' && m[1] === 'GET')))
    expect(twice, '没有网址被完整抓取两次').toEqual([])
    for (const c of answeredBefore) expect(calls.filter((e) => e.call === c), `${c} 关闭前已抓取，之后不应再抓`).toHaveLength(1)
    expect(calls.filter((e) => !e.answered).map((e) => e.call), '只有被关闭打断的那个请求没有收到完整响应').toEqual(['GET /tzgg/'])
    expect(answered.filter((c) => c === 'GET /tzgg/')).toHaveLength(1)

    expect(await readColumns(popup), '每个栏目的结果与不中断的扫描相同').toEqual(baseline)
    await popup.close()
    await start.close()
  }, 90_000)
})
