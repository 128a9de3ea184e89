// Quick check of the built extension (engineer F's own): a gov.cn-looking page gets markers in the shadow root and the
// popup states the verdict; pages with nothing to audit say so. Needs `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { launchExtension, readOverlay, type Harness } from './harness.ts'
import { SITE_COUNTED_RULES } from './support.ts'

interface StoredFrame {
  frameId: number
  status: string
  report: { url: string; findings: { id: string; ruleId: string; status: string; severity: string; locator: unknown }[] } | null
}

const PORTAL = `<!doctype html><html><head><meta charset="utf-8"><title>测试县人民政府</title></head><body>
<div class="main">
  <div class="col"><h3><a href="/tzgg/">通知公告</a></h3>
    <ul><li><a href="/tzgg/1.html">关于开展春季防火工作的通知</a><span>2018-05-03</span></li>
        <li><a href="/tzgg/2.html">关于做好节日值班工作的通知</a><span>2018-04-11</span></li>
        <li><a href="/tzgg/3.html">关于征集意见的公告</a><span>2018-03-02</span></li></ul></div>
  <div class="col" style="position:absolute;right:0;top:0;width:140px"><h3><a href="/gzdt/">工作动态</a></h3>
    <ul><li><a href="/gzdt/1.html">县长调研农业生产</a><span>2018-06-01</span></li>
        <li><a href="/gzdt/2.html">召开全县安全生产会议</a><span>2018-05-20</span></li></ul></div>
  <div class="col"><h3><a href="/ghjh/">规划计划</a></h3><ul></ul><p>暂无信息</p></div>
</div>
<div class="footer">主办单位：测试县人民政府办公室</div>
</body></html>`

/** A portal with thousands of dated entries: what a real county portal plus its XHR-filled lists can reach. */
function largePortal(columns: number, perColumn: number): string {
  const names = ['通知公告', '工作动态', '政策文件', '人事信息', '规划计划', '财政预决算', '政府会议', '应急管理']
  const cols: string[] = []
  for (let c = 0; c < columns; c++) {
    const items: string[] = []
    for (let i = 0; i < perColumn; i++) {
      const month = String(1 + (i % 12)).padStart(2, '0')
      items.push(`<li><a href="/c${c}/${i}.html">第${c}栏第${i}条信息标题示例文字</a><span>2019-${month}-15</span></li>`)
    }
    cols.push(`<div class="col"><h3><a href="/c${c}/">${names[c % names.length]}${c}</a></h3><ul>${items.join('')}</ul></div>`)
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>大型门户</title></head><body>${cols.join('')}
<div class="footer">主办单位：测试市人民政府办公厅</div></body></html>`
}

let server: Server
let origin = ''
let h: Harness
/** The popup speaks the browser's UI language: Chinese needs Debian's chromium-l10n and LANGUAGE=zh_CN. */
let zh = true

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(PORTAL)
    } else if (path === '/framed.html') {
      const port = (server.address() as AddressInfo).port
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      // One gov.cn child (audited by the declared content script) and one plain host the extension has no access to.
      res.end(`<!doctype html><html><head><meta charset="utf-8"><title>框架页</title></head><body><h1>专题</h1>
<iframe src="http://www.test.gov.cn:${port}/" width="800" height="400"></iframe>
<iframe src="http://127.0.0.1:${port}/" width="300" height="200"></iframe></body></html>`)
    } else if (path === '/large.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(largePortal(40, 150))
    } else if (path === '/doc.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' })
      res.end('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
    } else {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
      res.end('<html><body>not found</body></html>')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://www.test.gov.cn:${(server.address() as AddressInfo).port}`
  // Playwright hands the browser this process's environment; Chromium on Linux takes its UI language from LANGUAGE.
  process.env.LANGUAGE ??= 'zh_CN'
  h = await launchExtension({ headless: true })
  zh = (await (await h.sw()).evaluate(() => chrome.i18n.getUILanguage())).startsWith('zh')
})

afterAll(async () => {
  await h?.close()
  await new Promise((resolve) => server?.close(resolve))
})

async function frames(page: Page): Promise<StoredFrame[]> {
  const tabId = await h.tabIdOf(page)
  const sw = await h.sw()
  const state = (await sw.evaluate(async (key) => (await chrome.storage.session.get(key))[key], `tab:${tabId}`)) as
    | { frames: Record<string, StoredFrame> }
    | undefined
  return Object.values(state?.frames ?? {})
}

async function topReport(page: Page): Promise<NonNullable<StoredFrame['report']>> {
  let report: StoredFrame['report'] = null
  await expect
    .poll(async () => {
      report = (await frames(page)).find((f) => f.frameId === 0)?.report ?? null
      return !!report
    }, { timeout: 20_000 })
    .toBe(true)
  return report!
}

describe('smoke', () => {
  let page: Page

  it('draws a marker per located fail/review finding inside the shadow root, none in the page DOM', async () => {
    page = await h.context.newPage()
    await page.goto(`${origin}/`)
    const report = await topReport(page)
    const shown = report.findings.filter((f) => f.status === 'fail' || f.status === 'review')
    expect(shown.length, 'the 2018 dates must fail freshness against today').toBeGreaterThan(0)
    await expect.poll(async () => {
      const o = await readOverlay(page)
      return [...o.markers, ...o.missing].map((m) => m.id).sort()
    }).toEqual(shown.map((f) => f.id).sort())
    const overlay = await readOverlay(page)
    expect(overlay.markers.every((m) => m.ruleId.length > 0)).toBe(true)
    expect(overlay.markers.some((m) => m.ruleId === 'column-freshness' && m.text.includes('通知公告'))).toBe(true)
    expect(await page.evaluate(() => document.querySelectorAll('.da-marker').length)).toBe(0)
  })

  it('the popup shows the verdict and a row per finding; toggling hides the markers', async () => {
    const report = await topReport(page)
    const fails = report.findings.filter((f) => f.status === 'fail')
    const veto = fails.some((f) => f.severity === 'veto' && !SITE_COUNTED_RULES.has(f.ruleId))
    const want = zh ? (veto ? '命中单项否决' : `不合格项 ${fails.length}`) : veto ? 'Veto item hit' : `Failing items: ${fails.length}`
    const popup = await h.openPopup(page)
    await expect.poll(async () => (await popup.getByTestId('verdict').textContent())?.trim()).toBe(want)
    // Problems first; passes and n/a fold into one line until "show all".
    expect(await popup.getByTestId('finding').count()).toBe(report.findings.filter((f) => f.status === 'fail' || f.status === 'review').length)
    await popup.getByTestId('show-all').click()
    expect(await popup.getByTestId('finding').count()).toBe(report.findings.length)

    const rootShown = () => page.evaluate(() => getComputedStyle(document.getElementById('disclosure-auditor-root')!).display)
    await popup.getByTestId('toggle-markers').click()
    await expect.poll(rootShown).toBe('none')
    await expect.poll(async () => (await popup.getByTestId('toggle-markers').textContent())?.trim()).toBe(zh ? '显示页面标记' : 'Show markers')
    await popup.getByTestId('toggle-markers').click()
    await expect.poll(rootShown).toBe('block')
    await popup.close()
  })

  it('markers do not change the page size; removing the root element leaves nothing of the extension', async () => {
    const size = () => page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])
    // 工作动态 hugs the right edge: its badge must not hang past it and widen the page.
    expect((await readOverlay(page)).markers.some((m) => m.text.includes('工作动态'))).toBe(true)
    const withMarkers = await size()
    await page.evaluate(() => document.getElementById('disclosure-auditor-root')!.remove())
    expect(await size()).toEqual(withMarkers)
    const leftovers = await page.evaluate(() => ({
      root: !!document.getElementById('disclosure-auditor-root'),
      htmlChildren: [...document.documentElement.children].map((c) => c.tagName),
      styled: [...document.querySelectorAll('[style]')].length,
    }))
    expect(leftovers).toEqual({ root: false, htmlChildren: ['HEAD', 'BODY'], styled: 1 })
    await page.close()
  })

  it('a page with frames: the gov.cn child frame is audited and merged, the other one makes it a partial audit', async () => {
    const single = await h.context.newPage()
    await single.goto(`${origin}/`)
    const portal = await topReport(single)
    await single.close()
    const framed = await h.context.newPage()
    await framed.goto(`${origin}/framed.html`)
    const popup = await h.openPopup(framed)
    await expect.poll(async () => (await popup.getByTestId('partial').textContent()) ?? '', { timeout: 20_000 }).toMatch(/\b1\b/)
    await popup.getByTestId('show-all').click()
    await expect
      .poll(async () => (await popup.getByTestId('finding').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.findingId))).sort())
      .toEqual(expect.arrayContaining(portal.findings.map((f) => f.id)))
    await popup.close()
    await framed.close()
  })

  it('a PDF tab and a blank tab get a plain reason instead of a verdict', async () => {
    const pdf = await h.context.newPage()
    await pdf.goto(`${origin}/doc.pdf`).catch(() => undefined)
    const blank = await h.context.newPage()
    await blank.goto('about:blank')
    for (const tab of [pdf, blank]) {
      const popup = await h.openPopup(tab)
      await expect.poll(async () => (await popup.getByTestId('reason').textContent()) ?? '').toMatch(zh ? /无法审计|没有可审计/ : /cannot be audited|nothing to audit/)
      expect(await popup.getByTestId('verdict').count()).toBe(0)
      await popup.close()
    }
    await pdf.close()
    await blank.close()
  })

  it('a large portal (6000 entries) is audited and marked within a few seconds of loading', async () => {
    const big = await h.context.newPage()
    const t0 = Date.now()
    await big.goto(`${origin}/large.html`, { waitUntil: 'load' })
    const loaded = Date.now()
    await expect.poll(async () => (await readOverlay(big)).markers.length, { timeout: 30_000, interval: 50 }).toBeGreaterThan(0)
    const marked = Date.now()
    const frame = (await frames(big)).find((f) => f.frameId === 0) as StoredFrame & { auditMs?: number }
    const size = await big.evaluate(() => document.documentElement.outerHTML.length)
    console.log(`[smoke] large page ${size} chars: load ${loaded - t0} ms, load→markers ${marked - loaded} ms (settle 400 ms incl.), engine ${frame.auditMs} ms, markers ${(await readOverlay(big)).markers.length}`)
    expect(marked - loaded).toBeLessThan(15_000)
    await big.close()
  })
})
