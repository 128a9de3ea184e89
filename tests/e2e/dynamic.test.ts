// 会变的页面与坏页面：列表在加载后才到或被替换、页面脚本到处报错、PDF 标签页。
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { join } from 'node:path'
import { DEMO_HOST, serveSite, type SiteServer } from '../../demo/server.ts'
import { launchExtension, readOverlay, repoRoot, reportsIn, type Harness } from './harness.ts'
import { expectOverlayMatches, expectedVerdict, waitForReport, poll } from './support.ts'

const TEST_HOST = 'www.e2e-test.gov.cn'
let pages: SiteServer
let site: SiteServer
let h: Harness

beforeAll(async () => {
  // A slow data proxy, as on jcms sites, so the list really arrives after the page has settled.
  pages = await serveSite(join(repoRoot, 'tests/e2e/pages'), { delays: { '/dyn/tzgg-old.html': 1500, '/dyn/tzgg-fresh.html': 300 } })
  site = await serveSite(join(repoRoot, 'demo/site'))
  h = await launchExtension()
})

afterAll(async () => {
  await h?.close()
  await pages?.close()
  await site?.close()
})

const staleNotice = (r: { findings: { ruleId: string; status: string; section: string }[] }) =>
  r.findings.some((f) => f.ruleId === 'column-freshness' && f.status === 'fail' && f.section.includes('通知公告'))

describe('加载后变化的页面会被重新审计', () => {
  it('旧列表被新列表替换后：栏目不更新的标记消失，弹窗不再列出它', async () => {
    const url = `${pages.origin(TEST_HOST)}/dyn/index.html`
    const page = await h.context.newPage()
    await page.goto(url)
    const before = await waitForReport(h, url, staleNotice)
    const staleId = before.findings.find((f) => f.ruleId === 'column-freshness' && f.section.includes('通知公告') && f.status === 'fail')!.id
    await poll(async () => (await readOverlay(page)).markers.some((m) => m.id === staleId)).toBe(true)

    await page.click('#refresh')
    await poll(async () => (await readOverlay(page)).markers.some((m) => m.id === staleId), { timeout: 20_000, message: '新列表到达后标记应消失' })
      .toBe(false)
    const after = await waitForReport(h, url, (r) => !staleNotice(r))
    await expectOverlayMatches(page, after)

    const popup = await h.openPopup(page)
    await poll(async () => (await popup.getByTestId('verdict').textContent())?.trim()).toBe(await expectedVerdict(h, after))
    // The finding keeps its id across re-audits; the list may still show it, but no longer as a failure.
    const row = popup.locator(`[data-testid="finding"][data-finding-id="${staleId}"]`)
    if (await row.count()) {
      const text = (await row.textContent()) ?? ''
      expect(text).not.toContain(await h.message('statusFail'))
      expect(text).toContain(await h.message('statusPass'))
    }
    await popup.close()
    await page.close()
  })

  it('列表由异步请求在页面加载后才填入：审计看到迟到的条目并标出栏目不更新', async () => {
    const url = `${pages.origin(TEST_HOST)}/dyn/xhr.html`
    const page = await h.context.newPage()
    await page.goto(url)
    const r = await waitForReport(h, url, staleNotice)
    await expectOverlayMatches(page, r)
    const marker = (await readOverlay(page)).markers.find((m) => m.ruleId === 'column-freshness')
    expect(marker?.text).toContain('通知公告')
    await page.close()
  })
})

describe('坏输入', () => {
  it('页面脚本改写全局对象并反复报错：照样审计出结果，页面自身功能不受影响', async () => {
    const url = `${pages.origin(TEST_HOST)}/bad/throws.html`
    const page = await h.context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(url)
    const r = await waitForReport(h, url, staleNotice)
    await expectOverlayMatches(page, r)
    expect(errors.length, '测试前提：页面脚本确实报错了').toBeGreaterThan(0)
    await page.click('#counter')
    await page.click('#counter')
    await poll(() => page.textContent('#counter')).toBe('2')
    await page.close()
  })

  it('PDF 标签页：弹窗说明没有可审计的内容，不给出"通过"', async () => {
    const url = `${site.origin(DEMO_HOST)}/files/tjsj.pdf`
    const page = await h.context.newPage()
    // Headless Chromium may hand a PDF to its viewer or treat it as a download; either way the tab holds no HTML page.
    await page.goto(url).catch(() => undefined)
    const popup = await h.openPopup(page)
    // The popup's words for "not a web page, nothing to audit" (its UI language follows the browser's).
    const notHtml = await h.message('reasonNotHtml')
    expect(notHtml).not.toBe('')
    await poll(async () => (await popup.locator('body').textContent()) ?? '', { timeout: 15_000 }).toContain(notHtml)
    expect(await popup.getByTestId('verdict').filter({ hasText: '通过' }).count()).toBe(0)
    expect(await popup.getByTestId('finding').count()).toBe(0)
    expect(reportsIn(await h.storage(), url)).toEqual([])
    await popup.close()
    await page.close()
  })
})
