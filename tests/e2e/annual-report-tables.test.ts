// 年度报告统计表：上海市 2020 年报的表三在五个申请人列不平衡。扩展在真实 Chromium 里巡检该页，问题应作为标记落在表格上，
// 并出现在弹窗与本页 CSV 中。语料目录不存在时跳过。
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serveSite, type SiteServer } from '../../demo/server.ts'
import { CORPUS_DIR, launchExtension, readOverlay, type Harness, type StoredReport } from './harness.ts'
import { clickDownload, poll, popupFindingIds, waitForReport } from './support.ts'

const FILE = 'annual-report-2020-shanghai-city.html'
const HOST = 'www.shanghai.gov.cn'
const PATH = '/nw12344/20210330/report2020.html'

describe.skipIf(!existsSync(join(CORPUS_DIR, FILE)))('年报统计表勾稽关系（上海市 2020 年报）', () => {
  let server: SiteServer
  let h: Harness
  let page: Page
  let report: StoredReport
  let url: string

  beforeAll(async () => {
    server = await serveSite(CORPUS_DIR, {
      override: async (req, path) =>
        (req.headers.host ?? '').startsWith(HOST) && path === PATH
          ? { body: await readFile(join(CORPUS_DIR, FILE)), contentType: 'text/html; charset=utf-8' }
          : { status: 404, body: 'not found', contentType: 'text/plain; charset=utf-8' },
    })
    h = await launchExtension()
    url = `http://${HOST}:${server.port}${PATH}`
    page = await h.context.newPage()
    await page.goto(url, { waitUntil: 'load' })
    report = await waitForReport(h, url)
  })

  afterAll(async () => {
    await h?.close()
    await server?.close()
  })

  const tableFails = () => report.findings.filter((f) => f.ruleId === 'annual-report-tables' && f.status === 'fail')

  it('五个申请人列与第一行总计不平衡，标记落在表三上', async () => {
    const fails = tableFails()
    expect(fails.map((f) => f.section).sort()).toEqual(
      ['表三 自然人列', '表三 商业企业列', '表三 科研机构列', '表三 社会公益组织列', '表三 法律服务机构列', '表三 一、本年新收政府信息公开申请数量'].sort(),
    )
    await poll(async () => {
      const o = await readOverlay(page)
      return fails.filter((f) => o.markers.some((m) => m.id === f.id)).length
    }, { timeout: 20_000, message: '每个不平衡项都应有页面标记' }).toBe(fails.length)
    const o = await readOverlay(page)
    const marker = o.markers.find((m) => m.id === fails.find((f) => f.section === '表三 自然人列')!.id)!
    expect(marker.text).toContain('自然人')
    expect(marker.text).toContain('28281')
  })

  it('弹窗列出这些问题，本页 CSV 逐行带出', async () => {
    const popup = await h.openPopup(page)
    // The popup renders after it has read the language setting: wait for its rows before reading them.
    const tableIds = async () => (await popupFindingIds(popup)).filter((r) => r.ruleId === 'annual-report-tables').map((r) => r.id)
    await expect.poll(async () => (await tableIds()).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(tableFails().length)
    const ids = await tableIds()
    for (const f of tableFails()) expect(ids).toContain(f.id)
    // A row shows the section; the message is in the detail pane.
    const row = popup.locator(`[data-testid="finding"][data-finding-id="${tableFails().find((f) => f.section === '表三 商业企业列')!.id}"]`)
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('表三 商业企业列')
    const csv = await clickDownload(popup, 'export-page-csv')
    const rows = csv.rows.filter((r) => r['规则编号'] === 'annual-report-tables')
    for (const f of tableFails()) expect(rows.map((r) => r['编号'])).toContain(f.id)
    await popup.close()
  })
})
