// 示例高新区门户上的端到端测试：构建好的扩展在真实 Chromium 里巡检 www.sample-gxq.gov.cn（映射到本机）。
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO_HOST, serveSite, shanghaiToday, type SiteServer } from '../../demo/server.ts'
import { DIST, launchExtension, readOverlay, repoRoot, type Harness, type StoredReport } from './harness.ts'
import {
  CSV_HEADER,
  clickDownload,
  expectOverlayMatches,
  expectedVerdict,
  inViewport,
  markerAndTarget,
  near,
  popupFindingIds,
  shown,
  poll,
  waitForReport,
} from './support.ts'

let server: SiteServer
let h: Harness
let portal: Page
let portalUrl: string
let portalReport: StoredReport

beforeAll(async () => {
  server = await serveSite(join(repoRoot, 'demo/site'))
  h = await launchExtension()
  portalUrl = `${server.origin(DEMO_HOST)}/xxgk/index.html`
  portal = await h.context.newPage()
  await portal.goto(portalUrl)
  portalReport = await waitForReport(h, portalUrl)
})

afterAll(async () => {
  await h?.close()
  await server?.close()
})

const byRule = (r: StoredReport, ruleId: string) => r.findings.filter((f) => f.ruleId === ruleId)

describe('信息公开首页的页面标记', () => {
  it('页面上的标记与缺失项恰好是报告中的不合格/需复核项', async () => {
    await expectOverlayMatches(portal, portalReport)
  })

  it('通知公告（最新条目约 8 个月前）标出栏目不更新，标记落在通知公告栏目上', async () => {
    const stale = byRule(portalReport, 'column-freshness').find((f) => f.status === 'fail' && f.section.includes('通知公告'))
    expect(stale, '通知公告应判为栏目不更新').toBeDefined()
    expect(stale!.locator, '栏目不更新应指向页面上的栏目').not.toBeNull()
    const geo = await markerAndTarget(portal, stale!.id, stale!.locator!.css)
    expect(geo.targetText).toContain('通知公告')
    expect(geo.marker, '通知公告应有页面标记').not.toBeNull()
    expect(near(geo.marker!, geo.target!), `标记 ${JSON.stringify(geo.marker)} 应贴近通知公告 ${JSON.stringify(geo.target)}`).toBe(true)
    const text = (await readOverlay(portal)).markers.find((m) => m.id === stale!.id)!.text
    expect(text).toContain('通知公告')
  })

  it('新鲜的工作动态、政策文件、人事信息不被标为栏目不更新', async () => {
    for (const name of ['工作动态', '政策文件', '人事信息']) {
      const bad = byRule(portalReport, 'column-freshness').filter((f) => f.section.includes(name) && f.status === 'fail')
      expect(bad, `${name} 是新鲜的`).toEqual([])
    }
  })

  it('规划计划显示"暂无信息"，标出空白栏目', async () => {
    const blank = byRule(portalReport, 'blank-column').find((f) => f.status !== 'pass' && f.section.includes('规划计划'))
    expect(blank, '规划计划应判为空白栏目').toBeDefined()
    const overlay = await readOverlay(portal)
    const marker = [...overlay.markers, ...overlay.missing].find((m) => m.id === blank!.id)
    expect(marker?.ruleId).toBe('blank-column')
    if (blank!.locator) {
      const geo = await markerAndTarget(portal, blank!.id, blank!.locator.css)
      expect(geo.targetText).toMatch(/规划计划|暂无信息/)
      expect(near(geo.marker!, geo.target!)).toBe(true)
    }
  })

  it('缺失项面板列出缺少的政府信息公开年报子栏目，标题计数与条目数一致', async () => {
    await poll(async () => (await readOverlay(portal)).missing.some((m) => m.ruleId === 'disclosure-subcolumns')).toBe(true)
    const overlay = await readOverlay(portal)
    const sub = overlay.missing.filter((m) => m.ruleId === 'disclosure-subcolumns')
    expect(sub.map((m) => m.text).join(' ')).toMatch(/年报|年度报告/)
    // 指南/制度/法定主动公开内容 are on the page, so they must not be reported missing.
    expect(sub.map((m) => m.text).join(' ')).not.toMatch(/公开指南.*缺|缺.*公开指南/)
    const header = await h.message('markerMissingHeader', [String(overlay.missing.length)])
    expect(overlay.panelText).toContain(header)
  })

  it('页脚五项标识齐全，不出现页脚标识问题', async () => {
    expect(byRule(portalReport, 'footer-identifiers').filter((f) => f.status === 'fail')).toEqual([])
  })

  it('标记在开放的 shadow root 里：页面自己的 DOM 查询看不到它们', async () => {
    const leaked = await portal.evaluate(() => document.querySelectorAll('.da-marker, .da-missing-item').length)
    expect(leaked).toBe(0)
    expect(await portal.evaluate(() => document.getElementById('disclosure-auditor-root')?.parentElement === document.documentElement)).toBe(true)
  })
})

describe('界面文案', () => {
  it('中文文案与约定一致（结论、缺失项面板标题）', () => {
    const zh = JSON.parse(readFileSync(join(DIST, '_locales/zh_CN/messages.json'), 'utf8')) as Record<string, { message: string }>
    const fill = (key: string, n?: number) => zh[key].message.replace(/\$[A-Z_]+\$/g, String(n))
    expect(fill('verdictVeto')).toBe('命中单项否决')
    expect(fill('verdictFail', 3)).toBe('不合格项 3')
    expect(fill('verdictReview', 2)).toBe('需复核 2')
    expect(fill('verdictPass')).toBe('通过')
    expect(fill('markerMissingHeader', 1)).toBe('页面缺失项 1')
  })
})

describe('弹窗', () => {
  let popup: Page
  beforeAll(async () => {
    popup = await h.openPopup(portal)
  })
  afterAll(async () => {
    await popup?.close()
  })

  it('结论与计数和审计结果一致', async () => {
    await poll(async () => (await popup.getByTestId('verdict').textContent())?.trim()).toBe(await expectedVerdict(h, portalReport))
    const fails = portalReport.findings.filter((f) => f.status === 'fail').length
    const reviews = portalReport.findings.filter((f) => f.status === 'review').length
    const counts = (await popup.getByTestId('counts').textContent()) ?? ''
    const numbers = (counts.match(/\d+/g) ?? []).map(Number)
    expect(numbers, `计数"${counts}"应含不合格数 ${fails}`).toContain(fails)
    if (reviews) expect(numbers, `计数"${counts}"应含需复核数 ${reviews}`).toContain(reviews)
  })

  it('问题列表列出每个不合格/需复核项', async () => {
    await poll(async () => (await popupFindingIds(popup)).length).toBeGreaterThan(0)
    const rows = await popupFindingIds(popup)
    const listed = new Map(rows.map((r) => [r.id, r.ruleId]))
    for (const f of shown(portalReport)) expect(listed.get(f.id), `弹窗应列出 ${f.ruleId} ${f.section}`).toBe(f.ruleId)
  })

  it('点击问题：页面滚动到该元素并闪烁标记；键盘 Enter 同样可用', async () => {
    const blank = byRule(portalReport, 'blank-column').find((f) => f.status !== 'pass' && f.locator)
    expect(blank, '规划计划的空白栏目问题带定位').toBeDefined()
    const css = blank!.locator!.css

    await portal.evaluate(() => window.scrollTo(0, 0))
    expect(await inViewport(portal, css), '测试前提：规划计划在首屏之外').toBe(false)
    await popup.locator(`[data-testid="finding"][data-finding-id="${blank!.id}"]`).click()
    await poll(() => inViewport(portal, css), { message: '点击后页面应滚动到规划计划' }).toBe(true)
    await poll(async () => (await markerAndTarget(portal, blank!.id, css)).flashing, { interval: 50 }).toBe(true)

    await portal.evaluate(() => window.scrollTo(0, 0))
    expect(await inViewport(portal, css)).toBe(false)
    const row = popup.locator(`[data-testid="finding"][data-finding-id="${blank!.id}"]`)
    await row.focus()
    await popup.keyboard.press('Enter')
    await poll(() => inViewport(portal, css), { message: '按 Enter 后页面应滚动到规划计划' }).toBe(true)
  })

  it('隐藏标记后页面上看不到任何标记，再点一次恢复', async () => {
    const visible = async () =>
      portal.evaluate(() => {
        const root = document.getElementById('disclosure-auditor-root')?.shadowRoot
        const items = [...(root?.querySelectorAll<HTMLElement>('.da-marker, .da-missing-item') ?? [])]
        return items.filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden').length
      })
    expect(await visible()).toBeGreaterThan(0)
    await popup.getByTestId('toggle-markers').click()
    await poll(visible, { message: '隐藏后不应有可见标记' }).toBe(0)
    await popup.getByTestId('toggle-markers').click()
    await poll(visible).toBe(shown(portalReport).length)
  })

  it('导出本页 CSV：文件名、BOM、CRLF、表头，逐行对应报告的问题', async () => {
    const before = shanghaiToday().replaceAll('-', '')
    const csv = await clickDownload(popup, 'export-page-csv')
    // The page's host carries the test server's port, which a file name spells with "_" instead of ":".
    // Either side of midnight in China, the stamp is the day the click happened.
    const days = [before, shanghaiToday().replaceAll('-', '')]
    const stamp = new RegExp(`^政务公开巡检_www\\.sample-gxq\\.gov\\.cn(?:_${server.port})?_(\\d{8})-\\d{4}\\.csv$`)
    expect(csv.name).toMatch(stamp)
    expect(days).toContain(csv.name.match(stamp)![1])
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = csv.bytes.toString('utf8')
    // Outside quoted cells every line break is CRLF.
    const unquoted = text.replace(/"(?:[^"]|"")*"/g, '')
    expect(unquoted).toContain('\r\n')
    expect(unquoted.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(csv.header).toEqual(CSV_HEADER)
    const fromCsv = new Map(csv.rows.map((r) => [r['编号'], r['规则编号']]))
    const fromReport = new Map(portalReport.findings.map((f) => [f.id, f.ruleId]))
    expect(fromCsv).toEqual(fromReport)
    for (const r of csv.rows) expect(r['页面地址']).toBe(portalUrl)
  })
})

describe('政策文件页', () => {
  let article: Page
  let report: StoredReport
  let url: string
  beforeAll(async () => {
    url = `${server.origin(DEMO_HOST)}/xxgk/zcwj/t_0007.html`
    article = await h.context.newPage()
    await article.goto(url)
    report = await waitForReport(h, url)
  })

  it('发文字号"高新管[YYYY]07号"被标为格式错误，标记在发文字号单元格上', async () => {
    const bad = byRule(report, 'doc-number-format').find((f) => f.status !== 'pass')
    expect(bad, '方括号和虚位 0 的发文字号应被发现').toBeDefined()
    expect(bad!.locator).not.toBeNull()
    const geo = await markerAndTarget(article, bad!.id, bad!.locator!.css)
    expect(geo.targetText).toContain('高新管[')
    expect(geo.marker, '发文字号应有页面标记').not.toBeNull()
    expect(near(geo.marker!, geo.target!)).toBe(true)
  })

  it('成文约 35 个工作日后才发布，标出发布时限问题', async () => {
    const late = byRule(report, 'publication-lag').find((f) => f.status === 'fail')
    expect(late, '超过 20 个工作日发布应判不合格').toBeDefined()
    const overlay = await readOverlay(article)
    expect([...overlay.markers, ...overlay.missing].some((m) => m.id === late!.id)).toBe(true)
  })

  it('规范的另一篇文件不出现发文字号和发布时限问题', async () => {
    const goodUrl = `${server.origin(DEMO_HOST)}/xxgk/zcwj/t_0008.html`
    const good = await h.context.newPage()
    await good.goto(goodUrl)
    const r = await waitForReport(h, goodUrl)
    expect(byRule(r, 'doc-number-format').filter((f) => f.status === 'fail')).toEqual([])
    expect(byRule(r, 'publication-lag').filter((f) => f.status === 'fail')).toEqual([])
    await expectOverlayMatches(good, r)
    await good.close()
  })
})

describe('GBK 编码的通知公告列表页', () => {
  it('按 GBK 正确解码：标记里的栏目名不是乱码，栏目不更新被发现', async () => {
    const url = `${server.origin(DEMO_HOST)}/xxgk/tzgg/index.html`
    const page = await h.context.newPage()
    await page.goto(url)
    const r = await waitForReport(h, url)
    expect(r.title).toContain('通知公告')
    const stale = byRule(r, 'column-freshness').find((f) => f.status === 'fail')
    expect(stale, 'GBK 列表页的通知公告同样过期').toBeDefined()
    await expectOverlayMatches(page, r)
    const marker = (await readOverlay(page)).markers.find((m) => m.id === stale!.id)
    expect(marker?.text).toContain('通知公告')
    await page.close()
  })
})
