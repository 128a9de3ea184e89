// 坏输入：超大页面（约 10 MB，超过 MAX_HTML_CHARS）、列表只是一张图片或一个 PDF 链接的页面、没有任何日期的页面。
// 用户看到的：页面照常可用；弹窗要么给出结论，要么说清楚为什么没有审计；扩展不崩溃。
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { launchExtension, readOverlay, reportsIn, type Harness } from './harness.ts'
import { expectedVerdict, poll, waitForReport } from './support.ts'

const HOST = 'www.badinput.gov.cn'
/** src/shared/storage.ts MAX_HTML_CHARS: a serialized DOM beyond this is skipped with the reason 'too-large'. */
const MAX_HTML_CHARS = 8 * 1024 * 1024

/** A page control with its own handler: proves the page still runs its scripts after the extension has done its work. */
const COUNTER = `<button id="counter" type="button">0</button>
<script>document.getElementById('counter').addEventListener('click', (e) => { e.target.textContent = String(Number(e.target.textContent) + 1) })</script>`

const head = (title: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="header"><h1>测试市人民政府</h1>${COUNTER}<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政府信息公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>`
const FOOT = `<div class="footer">主办单位：测试市人民政府办公室　网站标识码：1100000001　京ICP备12345678号</div>`
/** A realistic portal whose 通知公告 list has ~70 000 dated entries: about 10 MB of HTML, over MAX_HTML_CHARS. */
function hugePortal(): string {
  const items: string[] = []
  for (let i = 0; items.length < 70_000; i++) {
    const y = 2010 + (i % 15)
    const m = String(1 + (i % 12)).padStart(2, '0')
    const d = String(1 + (i % 28)).padStart(2, '0')
    items.push(
      `<li class="list-item"><a href="/zwgk/tzgg/${y}${m}/t${y}${m}${d}_${100000 + i}.html" target="_blank" title="关于开展第${i}批专项工作的通知">关于开展第${i}批专项工作的通知</a><span class="date">${y}-${m}-${d}</span></li>\n`,
    )
  }
  return `${head('通知公告 - 测试市人民政府')}
<div class="main"><div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; 通知公告</div>
<div class="col"><h2><a href="/zwgk/tzgg/">通知公告</a></h2><ul class="list">${items.join('')}</ul></div></div>
${FOOT}</body></html>`
}

/** The list of one column is a scanned image, the other's is a PDF download: nothing dated in the HTML. */
const IMAGE_LIST = `${head('政府信息公开 - 测试市人民政府')}
<div class="main">
  <div class="col"><h2><a href="/zwgk/tzgg/">通知公告</a></h2><img src="/zwgk/tzgg/list.png" alt="通知公告列表" width="600" height="400"></div>
  <div class="col"><h2><a href="/zwgk/zcwj/">政策文件</a></h2><p><a href="/zwgk/zcwj/zcwj-hb.pdf">政策文件汇编（PDF）</a></p></div>
</div>
${FOOT}</body></html>`

const NO_DATES = `${head('机构职能 - 测试市人民政府')}
<div class="main"><h2>机构职能</h2>
<p>测试市人民政府办公室是市人民政府的办事机构，负责市政府日常工作，协助市政府领导处理政务。</p>
<p>主要职责：负责市政府会议的组织工作；负责起草市政府文件；负责督促检查市政府各部门贯彻落实情况。</p>
<h3>内设机构</h3><ul><li>秘书科</li><li>综合科</li><li>督查科</li></ul>
</div>
${FOOT}</body></html>`

/** The same page with the usual 打印本页/关闭窗口 tools right above the footer, whose identifiers the audit flags. */
const TOOLS_ABOVE_FOOTER = NO_DATES.replace(
  FOOT,
  `<div class="tools"><button id="print" type="button" onclick="this.textContent='已打印'">打印本页</button></div>\n${FOOT}`,
)

// 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')

let server: Server
let origin = ''
let h: Harness
let huge = ''

beforeAll(async () => {
  huge = hugePortal()
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    const html = (body: string) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(body)
    }
    if (path === '/huge.html') return html(huge)
    if (path === '/image-list.html') return html(IMAGE_LIST)
    if (path === '/no-dates.html') return html(NO_DATES)
    if (path === '/tools.html') return html(TOOLS_ABOVE_FOOTER)
    if (path.endsWith('.png')) {
      res.writeHead(200, { 'content-type': 'image/png' })
      return res.end(PNG)
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('404 页面不存在')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  origin = `http://${HOST}:${(server.address() as AddressInfo).port}`
  h = await launchExtension()
})

afterAll(async () => {
  await h?.close()
  await new Promise((r) => server?.close(r))
})

async function clickCounterTwice(page: import('playwright-core').Page) {
  await page.click('#counter')
  await page.click('#counter')
  await poll(() => page.textContent('#counter')).toBe('2')
}

describe('坏输入', () => {
  it('约 10 MB 的门户页：页面照常可用；弹窗说明页面过大、已跳过审计，不给结论', async () => {
    const url = `${origin}/huge.html`
    const page = await h.context.newPage()
    await page.goto(url, { timeout: 60_000 })
    const size = await page.evaluate(() => ({ chars: document.documentElement.outerHTML.length, items: document.querySelectorAll('li.list-item').length }))
    expect(size.items, '测试前提：一个巨大的带日期列表').toBe(70_000)
    expect(size.chars, '测试前提：页面超过扩展的上限').toBeGreaterThan(MAX_HTML_CHARS)
    expect(Buffer.byteLength(huge, 'utf8')).toBeGreaterThan(10_000_000)

    const popup = await h.openPopup(page)
    const reason = popup.getByTestId('reason')
    await poll(() => reason.getAttribute('data-reason'), { timeout: 30_000 }).toBe('too-large')
    expect((await reason.textContent())?.trim()).toBe(await h.message('reasonTooLarge'))
    if ((await h.uiLanguage()).startsWith('zh')) expect((await reason.textContent())?.trim()).toBe('页面过大（序列化后超过 8 MB），已跳过审计。')
    expect(await popup.getByTestId('verdict').count()).toBe(0)
    expect(await popup.getByTestId('finding').count()).toBe(0)
    expect(await popup.getByTestId('export-page-csv').isDisabled()).toBe(true)
    expect(reportsIn(await h.storage(), url)).toEqual([])

    // The page is untouched and still works: no overlay of ours, its own button still answers.
    expect(await page.evaluate(() => !!document.getElementById('disclosure-auditor-root'))).toBe(false)
    await clickCounterTwice(page)
    // Re-audit from the popup gives the same plain answer, and does not hang the page.
    await popup.getByTestId('reaudit').click()
    await poll(() => reason.getAttribute('data-reason')).toBe('too-large')
    await page.click('#counter')
    await poll(() => page.textContent('#counter')).toBe('3')
    await popup.close()
    await page.close()
  }, 90_000)

  for (const [name, path] of [
    ['列表只是一张图片 / 一个 PDF 链接的页面', '/image-list.html'],
    ['没有任何日期的页面', '/no-dates.html'],
  ] as const) {
    it(`${name}：正常审计，弹窗给出与报告一致的结论，页面不受影响`, async () => {
      const url = `${origin}${path}`
      const page = await h.context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(url)
      const report = await waitForReport(h, url)
      expect(report.findings.length, '审计出了结果（规则逐条给出 通过/不合格/需复核/不适用）').toBeGreaterThan(0)

      const popup = await h.openPopup(page)
      await poll(async () => (await popup.getByTestId('verdict').textContent())?.trim()).toBe(await expectedVerdict(h, report))
      expect(await popup.getByTestId('reason').count(), '没有“无法审计/出错”的说明').toBe(0)
      await popup.getByTestId('show-all').click()
      expect(await popup.getByTestId('finding').count()).toBe(report.findings.length)
      // No date on the page is never read as a date: no column gets a "latest YYYY-MM-DD" badge.
      const overlay = await readOverlay(page)
      expect(overlay.markers.filter((m) => /\d{4}-\d{2}-\d{2}/.test(m.text))).toEqual([])

      await clickCounterTwice(page)
      expect(errors).toEqual([])
      await popup.close()
      await page.close()
    })
  }

  it('页面标记不挡住页面自己的按钮：紧挨着被标记元素（底部）的“打印本页”仍可点击', async () => {
    const url = `${origin}/tools.html`
    const page = await h.context.newPage()
    await page.goto(url)
    await waitForReport(h, url)
    await poll(async () => (await readOverlay(page)).markers.length, { timeout: 20_000 }).toBeGreaterThan(0)
    // What a click in the middle of the button lands on (the overlay's host element when a marker is drawn over it).
    const hit = () =>
      page.evaluate(() => {
        const r = document.getElementById('print')!.getBoundingClientRect()
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
        const marker = top?.id === 'disclosure-auditor-root' ? top.shadowRoot?.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('.da-marker') : null
        return top?.id === 'print' ? 'print' : `covered by ${top?.id || top?.tagName} ${(marker as HTMLElement | null)?.dataset.ruleId ?? ''}`.trim()
      })
    expect(await hit(), '点击“打印本页”应落在按钮上，而不是扩展的标记上').toBe('print')
    await page.click('#print', { timeout: 5_000 })
    await poll(() => page.textContent('#print')).toBe('已打印')

    // Letting clicks through must not cost the hover: over a marker its message, requirement and source still show.
    const box = await page.locator('.da-marker').first().boundingBox()
    expect(box).not.toBeNull()
    const tip = page.locator('.da-marker').first().locator('.da-tip')
    await page.mouse.move(0, 0)
    await poll(() => tip.isVisible()).toBe(false)
    await page.mouse.move(box!.x + 4, box!.y + box!.height / 2)
    await poll(() => tip.isVisible()).toBe(true)
    await poll(async () => (await tip.textContent()) ?? '').toMatch(/依据|Source/)
    await page.mouse.move(0, 0)
    await poll(() => tip.isVisible()).toBe(false)
    await page.close()
  })
})
