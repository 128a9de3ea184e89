// 大会话不丢页：审计足够多的大页面，使会话数据超过 10 MB（storage.local 无 unlimitedStorage 时的上限），导出的
// JSON 仍含每一个页面；写入失败的页面在报告页上有横幅说明，导出文件也写明缺了哪些页面。登录页在弹窗和报告页上
// 标为“登录页”。
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations } from './axe.ts'
import { launchExtension, type Harness } from './harness.ts'
import { poll, until } from './support.ts'

const HOST = 'www.bigsession.gov.cn'
/** A second site, so the small checks below do not load the 10 MB session into the report page. */
const SMALL_HOST = 'www.smallsession.gov.cn'
/** Pages to audit: each stores a report of about 390 KB (200 stale and 200 blank columns, capped per rule). */
const PAGES = 28
const TEN_MB = 10 * 1024 * 1024

/**
 * A portal of many column blocks inside a deep CMS layout, each stale (2019) or blank (暂无信息), with long column
 * names: about the most a report of one page can hold once findings are capped per rule.
 */
function bigPortal(k: number, blocks = 210): string {
  const out: string[] = []
  for (let i = 0; i < blocks; i++) {
    const d = `2019-0${1 + (i % 9)}-1${i % 10}`
    out.push(`<div class="box"><div class="box-title"><h3><a href="/p${k}/c${i}/">市直部门重点领域信息公开通知公告专栏${i}</a></h3></div><ul><li><a href="/p${k}/c${i}/1.html">关于做好第${k}批第${i}项专项工作的通知</a><span>${d}</span></li><li><a href="/p${k}/c${i}/2.html">关于印发第${i}项工作方案的通知</a><span>${d}</span></li></ul></div>`)
    out.push(`<div class="box"><div class="box-title"><h3><a href="/p${k}/k${i}/">市直部门重点领域信息公开工作动态专栏${i}</a></h3></div><ul><li>暂无信息</li></ul></div>`)
  }
  const layout = Array.from({ length: 12 }, (_, j) => `<div class="layout-wrapper-level-${j}">`).join('')
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>第${k}号门户 - 大会话测试县人民政府</title></head><body>${layout}<div class="main">${out.join('')}</div>${'</div>'.repeat(12)}
<div class="footer">主办单位：大会话测试县人民政府办公室 网站标识码：3601000001 赣ICP备12345678号</div></body></html>`
}

const LOGIN = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>用户登录 - 大会话测试县人民政府</title></head><body>
<div class="login"><h2>用户登录</h2><form action="/user/login.do" method="post"><label>用户名 <input name="u"></label>
<label>密码 <input type="password" name="p"></label><button type="submit">登录</button></form></div></body></html>`

let server: Server
let origin = ''
let small = ''
let h: Harness
let tab: Page
const urls: string[] = []

/** Opens `url` in the test tab and waits until the service worker has put it in its site's session. */
async function auditAndStore(url: string): Promise<void> {
  await tab.goto(url)
  const sw = await h.sw()
  const key = `session:${new URL(url).host}`
  await until(`${url} 存入会话`, async () =>
    sw.evaluate(async ([k, u]) => (((await chrome.storage.local.get(k))[k] as { urls?: string[] } | undefined)?.urls ?? []).includes(u), [key, url] as const),
  30_000)
}

async function sessionBytes(): Promise<number> {
  const sw = await h.sw()
  return sw.evaluate(async (prefix) => {
    const all = await chrome.storage.local.get(null)
    return Object.entries(all).reduce((n, [k, v]) => (k.startsWith(prefix) ? n + k.length + JSON.stringify(v).length : n), 0)
  }, `session:${new URL(origin).host}`)
}

async function openReport(site = origin): Promise<Page> {
  const report = await h.context.newPage()
  await report.goto(`chrome-extension://${h.extId}/src/report/index.html?host=${encodeURIComponent(new URL(site).host)}`)
  await until('报告页列出页面', async () => (await report.getByTestId('page-row').count()) > 0, 30_000)
  return report
}

async function exportJson(report: Page): Promise<{ pages: { url: string; loginPage?: boolean }[]; unsaved?: string[] }> {
  const [dl] = await Promise.all([report.waitForEvent('download'), report.getByTestId('export-json').click()])
  return JSON.parse(await readFile((await dl.path())!, 'utf8'))
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    const m = /^\/p\/(\d+)\.html$/.exec(path)
    res.writeHead(m || path === '/user/login.html' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
    res.end(m ? bigPortal(Number(m[1])) : path === '/user/login.html' ? LOGIN : '404 页面不存在')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  origin = `http://${HOST}:${(server.address() as AddressInfo).port}`
  small = `http://${SMALL_HOST}:${(server.address() as AddressInfo).port}`
  h = await launchExtension()
  tab = await h.context.newPage()
}, 60_000)

afterAll(async () => {
  await h?.close()
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
})

describe('超过 10 MB 的审计会话', () => {
  it(`审计 ${PAGES} 个大页面：会话数据超过 10 MB，导出的 JSON 含每一个页面，没有“未保存”横幅`, async () => {
    for (let i = 0; i < PAGES; i++) {
      const url = `${origin}/p/${i}.html`
      urls.push(url)
      await auditAndStore(url)
    }
    expect(await sessionBytes(), '测试前提：会话数据超过 10 MB').toBeGreaterThan(TEN_MB)

    const report = await openReport()
    expect(await report.getByTestId('page-row').count()).toBe(PAGES)
    expect(await report.getByTestId('storage-error').count()).toBe(0)
    const file = await exportJson(report)
    expect(file.pages.map((p) => p.url).sort()).toEqual([...urls].sort())
    expect(file.unsaved).toBeUndefined()
    await report.close()
  }, 180_000)

  it('存储写入失败的页面：报告页横幅写明几页、哪几页未保存，导出文件列出这些页面', async () => {
    await auditAndStore(`${small}/p/1.html`)
    const lost = `${small}/p/lost.html`
    // What the service worker records when a session write fails (store.ts recordUnsaved).
    await (await h.sw()).evaluate(async ([key, u]) => chrome.storage.session.set({ [key]: [u] }), [`unsaved:${new URL(small).host}`, lost] as const)
    const report = await openReport(small)
    const banner = report.getByTestId('storage-error')
    await poll(() => banner.isVisible()).toBe(true)
    expect((await banner.textContent())?.trim()).toBe(await h.message('sessionUnsaved', ['1', lost]))
    expect(await banner.getAttribute('role')).toBe('alert')
    expect(await axeViolations(report, 'header')).toEqual([])
    const file = await exportJson(report)
    expect(file.unsaved).toEqual([lost])
    expect(file.pages.map((p) => p.url)).toEqual([`${small}/p/1.html`])
    await report.close()
  }, 60_000)

  it('登录页：弹窗标题旁与报告页的页面行都标“登录页”，其他页面不标', async () => {
    const url = `${small}/user/login.html`
    await auditAndStore(url)
    const badge = await h.message('loginPageBadge')
    if ((await h.uiLanguage()).startsWith('zh')) expect(badge).toBe('登录页')
    const popup = await h.openPopup(tab)
    await poll(() => popup.getByTestId('login-page').textContent(), { timeout: 20_000 }).toBe(badge)
    await popup.close()

    const report = await openReport(small)
    const row = report.locator(`[data-testid="page-row"][data-url="${url}"]`)
    expect(await row.getByTestId('login-page').textContent()).toBe(badge)
    expect(await report.getByTestId('login-page').count()).toBe(1)
    expect(await axeViolations(report, '[data-testid="pages"]')).toEqual([])
    const file = await exportJson(report)
    expect(file.pages.filter((p) => p.loginPage).map((p) => p.url)).toEqual([url])
    await report.close()
  }, 60_000)
})
