// 个人信息：公示名单页上的完整身份证号、手机号被标出，标记落在第一个号码所在的单元格上；页面标记、弹窗和报告里
// 只出现遮盖后的号码。Needs `npm run build` first.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_HOST, serveSite, type SiteServer } from '../../demo/server.ts'
import { launchExtension, repoRoot, type Harness, type StoredReport } from './harness.ts'
import { markerAndTarget, until, waitForReport } from './support.ts'

const FIXTURE = join(repoRoot, 'tests/fixtures/kinds/personal-data/fail-low-income-list.html')
const FULL = ['330203198803151236', '350205199207084568', '11010519491231002X', '13857412345', '13967854321']

let h: Harness
let server: SiteServer
let page: Page
let report: StoredReport

beforeAll(async () => {
  const body = await readFile(FIXTURE)
  server = await serveSite(join(repoRoot, 'demo/site'), {
    override: (_req, path) => (path === '/xxgk/gsgg/dbmd.html' ? { body, contentType: 'text/html; charset=utf-8' } : undefined),
  })
  h = await launchExtension()
  page = await h.context.newPage()
  const url = `${server.origin(DEMO_HOST)}/xxgk/gsgg/dbmd.html`
  await page.goto(url)
  report = await waitForReport(h, url)
}, 60_000)
afterAll(async () => {
  await h?.close()
  await server?.close()
})

describe('低保名单公示页', () => {
  it('判为不合格，标记落在第一个身份证号所在的那一行', async () => {
    const f = report.findings.find((x) => x.ruleId === 'personal-data')
    expect(f?.status).toBe('fail')
    expect(f!.locator).not.toBeNull()
    let last: unknown = null
    const geo = await until('个人信息标记出现在目标旁', async () => {
      const g = await markerAndTarget(page, f!.id, f!.locator!.css)
      last = g
      // Placement keeps badges off the page's text, so in a full table row the badge may sit further along the row:
      // it must share the cell's line, at or after the cell.
      const sameLine = g.marker && g.target && g.marker.top < g.target.bottom && g.marker.bottom > g.target.top && g.marker.left >= g.target.left - 32
      return sameLine ? g : null
    }, 10_000).catch((e) => {
      throw new Error(`${(e as Error).message}: ${JSON.stringify(last)}`)
    })
    expect(geo.targetText).toBe('330203198803151236')
  })

  it('页面标记和弹窗里只有遮盖后的号码', async () => {
    const overlayText = await page.evaluate(() => document.getElementById('disclosure-auditor-root')?.shadowRoot?.textContent ?? '')
    const popup = await h.openPopup(page)
    await until('弹窗列出个人信息问题', async () => (await popup.getByTestId('finding').count()) > 0)
    const row = popup.locator('[data-testid="finding"][data-rule-id="personal-data"]')
    await row.first().click()
    await until('详情显示', async () => ((await popup.getByTestId('finding-detail').textContent()) ?? '').includes('*'))
    const popupText = (await popup.locator('body').textContent()) ?? ''
    for (const n of FULL) {
      expect(overlayText).not.toContain(n)
      expect(popupText).not.toContain(n)
    }
    expect(popupText).toContain('330203********1236')
    await popup.close()
  })
})
