// 弹窗：结论按 19号 的全站否决线判断；问题优先、合格与不适用折叠；详情栏以文字给出发现、要求与依据；中文界面没有英文；
// axe-core 无严重/重大问题（含对比度）。Needs `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveSite, type SiteServer } from '../../demo/server.ts'
import { launchExtension, repoRoot, type Harness } from './harness.ts'
import { axeViolations } from './axe.ts'
import { poll, shown, until, waitForReport } from './support.ts'
import { KIND_HELP } from '../../src/engine/rules/help.ts'

const pack = JSON.parse(readFileSync(join(repoRoot, 'rules/national.json'), 'utf8')) as {
  rules: { id: string; kind: string; params: Record<string, number> }[]
}
/** The 19号 limit as the pack states it: the test follows the pack, the product must too. */
const staleNewsNoticeLimit = pack.rules.find((r) => r.kind === 'column-freshness-site')!.params.staleNewsNotice

let pages: SiteServer
let h: Harness

beforeAll(async () => {
  pages = await serveSite(join(repoRoot, 'tests/e2e/pages'))
  h = await launchExtension()
})

afterAll(async () => {
  await h?.close()
  await pages?.close()
})

async function open(host: string, path: string): Promise<{ page: Page; popup: Page; url: string }> {
  const url = `${pages.origin(host)}${path}`
  const page = await h.context.newPage()
  await page.goto(url)
  await waitForReport(h, url)
  const popup = await h.openPopup(page)
  await until('弹窗给出结论', async () => (await popup.getByTestId('verdict').count()) === 1)
  return { page, popup, url }
}

describe('弹窗结论与全站否决线', () => {
  it('一个通知公告栏目超期：不合格，不说"命中单项否决"，并写明全站已知数与否决线', async () => {
    const { page, popup } = await open('www.verdict-below.gov.cn', '/verdict/below.html')
    await poll(() => popup.getByTestId('verdict').getAttribute('data-verdict')).toBe('fail')
    expect((await popup.getByTestId('verdict').textContent())?.trim()).not.toBe('命中单项否决')
    expect((await popup.getByTestId('verdict-limits').textContent())?.trim()).toContain(`单项否决类问题 1 项（全站已知 1/${staleNewsNoticeLimit}）`)
    await popup?.close()
    await page?.close()
  })

  it('达到否决线（动态要闻类、通知公告类超期栏目数 ≥ 规则包的限值）：命中单项否决', async () => {
    const { page, popup, url } = await open('www.verdict-at.gov.cn', '/verdict/at.html')
    const report = await waitForReport(h, url)
    const stale = report.findings.filter((f) => f.ruleId === 'column-freshness' && f.status === 'fail').length
    expect(stale, '测试前提：本页超期栏目数达到否决线').toBeGreaterThanOrEqual(staleNewsNoticeLimit)
    await poll(() => popup.getByTestId('verdict').getAttribute('data-verdict')).toBe('veto')
    expect((await popup.getByTestId('verdict').textContent())?.trim()).toBe('命中单项否决')
    expect((await popup.getByTestId('verdict-limits').textContent())?.trim()).toContain(`${stale}/${staleNewsNoticeLimit}`)
    await popup?.close()
    await page?.close()
  })
})

describe('分级的问题列表与详情栏', () => {
  let page: Page
  let popup: Page
  let url: string
  beforeAll(async () => {
    ;({ page, popup, url } = await open('www.verdict-below.gov.cn', '/verdict/below.html'))
  })
  afterAll(async () => {
    await popup?.close()
    await page?.close()
  })

  it('先只列不合格与需复核；合格与不适用折叠成一行，"显示全部"后逐条列出', async () => {
    const report = await waitForReport(h, url)
    const statuses = () => popup.getByTestId('finding').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.status))
    expect((await statuses()).sort()).toEqual(shown(report).map((f) => f.status).sort())
    const pass = report.findings.filter((f) => f.status === 'pass').length
    const na = report.findings.filter((f) => f.status === 'n/a').length
    expect((await popup.getByTestId('folded').textContent()) ?? '').toContain(`合格 ${pass} · 不适用 ${na}`)
    await popup.getByTestId('show-all').click()
    expect(await popup.getByTestId('finding').count()).toBe(report.findings.length)
    await popup.getByTestId('show-all').click()
    expect(await popup.getByTestId('finding').count()).toBe(shown(report).length)
  })

  it('键盘聚焦一行：详情栏以文字显示其发现、要求与依据', async () => {
    const report = await waitForReport(h, url)
    const stale = report.findings.find((f) => f.ruleId === 'column-freshness' && f.status === 'fail')!
    await popup.locator(`[data-testid="finding"][data-finding-id="${stale.id}"]`).focus()
    const detail = popup.getByTestId('finding-detail')
    await poll(async () => detail.locator('dl').getAttribute('data-finding-id')).toBe(stale.id)
    const text = (await detail.innerText()).replace(/\s+/g, ' ')
    expect(text).toContain('要求')
    expect(text).toContain(stale.expected.zh)
    expect(text).toContain('依据')
    expect(text).toContain(stale.source)
    // The rule's own help: what it checks and how a site fixes a failure.
    expect(text).toContain('如何整改')
    expect(text).toContain(KIND_HELP['column-freshness'].fix.zh)
    expect(await detail.isVisible()).toBe(true)
  })

  it('对没有页面元素的一行按 Enter：如实说明无法在页面上定位', async () => {
    const report = await waitForReport(h, url)
    const loose = report.findings.find((f) => !f.locator && (f.status === 'fail' || f.status === 'review'))
    if (!loose) return expect.fail('测试页应有一个没有页面元素的问题（缺失项）')
    const row = popup.locator(`[data-testid="finding"][data-finding-id="${loose.id}"]`)
    await row.focus()
    await popup.keyboard.press('Enter')
    await poll(async () => (await popup.locator('.notice').textContent()) ?? '').toContain('没有对应的页面元素')
  })

  it('中文界面里没有英文单词（页面自身的标题、地址与代码名除外）', async () => {
    await popup.getByTestId('show-all').click()
    const words = await popup.evaluate(() => {
      const out: string[] = []
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        // The page's own title and the site's host name are the page's words, not the UI's.
        if (n.parentElement?.closest('.page, .session')) continue
        const text = (n.textContent ?? '').replace(/https?:\/\/\S+/g, '')
        for (const w of text.match(/[A-Za-z]{2,}/g) ?? []) out.push(w)
      }
      return out
    })
    // Names a Chinese auditor reads as they are: file formats, ICP 备案, the SiteIDCode meta of the 网页设计规范.
    const names = new Set(['CSV', 'PDF', 'ICP', 'SiteIDCode'])
    expect(words.filter((w) => !names.has(w))).toEqual([])
    await popup.getByTestId('show-all').click()
  })

  it('合格项默认不画徽标；打开弹窗里的开关才画（绿色、带 ✔），再关掉就消失', async () => {
    const report = await waitForReport(h, url)
    const passIds = report.findings.filter((f) => f.status === 'pass' && f.locator).map((f) => f.id)
    expect(passIds.length, '测试页有带定位的合格项').toBeGreaterThan(0)
    const passBadges = () =>
      page.evaluate(() => document.getElementById('disclosure-auditor-root')?.shadowRoot?.querySelectorAll('.da-badge.da-pass').length ?? 0)
    expect(await passBadges()).toBe(0)
    await popup.getByTestId('show-pass-markers').click()
    await poll(passBadges).toBeGreaterThan(0)
    expect(await popup.getByTestId('show-pass-markers').getAttribute('aria-pressed')).toBe('true')
    await popup.getByTestId('show-pass-markers').click()
    await poll(passBadges).toBe(0)
  })

  it('axe-core：弹窗没有严重或重大的无障碍问题（含对比度）', async () => {
    expect(await axeViolations(popup)).toEqual([])
  })
})
