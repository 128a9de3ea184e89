// 审计会话的持久性：服务工作线程被停掉、浏览器整个重启之后，会话里的发现一条不少。
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_HOST, serveSite, type SiteServer } from '../../demo/server.ts'
import { launchExtension, repoRoot, type Harness, type StoredReport } from './harness.ts'
import { CSV_HEADER, clickDownload, expectedVerdict, popupFindingIds, shown, waitForReport, poll } from './support.ts'

let server: SiteServer
let h: Harness
let profileDir: string
let portal: Page
const reports: StoredReport[] = []
let urls: string[]

/** `url → sorted finding ids` from a session CSV, the user-visible record of the session. */
function idsByPage(rows: Record<string, string>[]) {
  const out: Record<string, string[]> = {}
  for (const r of rows) (out[r['页面地址']] ??= []).push(`${r['规则编号']}:${r['编号']}`)
  for (const k of Object.keys(out)) out[k].sort()
  return out
}

function idsOfReports() {
  const out: Record<string, string[]> = {}
  for (const r of reports) out[r.url!] = r.findings.map((f) => `${f.ruleId}:${f.id}`).sort()
  return out
}

beforeAll(async () => {
  server = await serveSite(join(repoRoot, 'demo/site'))
  profileDir = await mkdtemp(join(tmpdir(), 'da-e2e-session-'))
  h = await launchExtension({ profileDir })
  urls = ['/xxgk/index.html', '/xxgk/zcwj/t_0007.html'].map((p) => server.origin(DEMO_HOST) + p)
  for (const url of urls) {
    const page = await h.context.newPage()
    await page.goto(url)
    reports.push(await waitForReport(h, url))
    if (!portal) portal = page
  }
})

afterAll(async () => {
  await h?.close()
  await server?.close()
  if (profileDir) await rm(profileDir, { recursive: true, force: true })
})

describe('审计会话', () => {
  it('会话 CSV 含本次巡检的两个页面的全部发现', async () => {
    const popup = await h.openPopup(portal)
    const csv = await clickDownload(popup, 'export-session-csv')
    expect(csv.header).toEqual(CSV_HEADER)
    expect(idsByPage(csv.rows)).toEqual(idsOfReports())
    await popup.close()
  })

  it('服务工作线程停止后：弹窗照常显示结论与问题列表，会话不丢', async () => {
    await h.stopServiceWorker()
    const popup = await h.openPopup(portal)
    await poll(async () => (await popup.getByTestId('verdict').textContent())?.trim(), { timeout: 20_000 }).toBe(
      await expectedVerdict(h, reports[0]),
    )
    const listed = new Set((await popupFindingIds(popup)).map((r) => r.id))
    for (const f of shown(reports[0])) expect(listed.has(f.id), `${f.ruleId} ${f.section}`).toBe(true)
    const csv = await clickDownload(popup, 'export-session-csv')
    expect(idsByPage(csv.rows)).toEqual(idsOfReports())
    await popup.close()
  })

  it('浏览器关闭后用同一配置重启：会话 CSV 仍含全部发现；"新会话"之后只剩当前页', async () => {
    await h.close()
    h = await launchExtension({ profileDir })
    // Sessions belong to a site, so the popup needs a tab on that site; re-opening the portal gives the same
    // finding ids (stable ids), while the article page is never re-opened and must come from storage alone.
    const again = await h.context.newPage()
    await again.goto(urls[0])
    const popup = await h.openPopup(again)
    await poll(async () => (await popup.getByTestId('verdict').textContent())?.trim()).toBe(await expectedVerdict(h, reports[0]))
    const csv = await clickDownload(popup, 'export-session-csv')
    expect(idsByPage(csv.rows)).toEqual(idsOfReports())

    // A new session starts from the page on screen: the portal stays, the article of the old session is gone.
    await popup.getByTestId('new-session').click()
    await poll(async () => Object.keys(idsByPage((await clickDownload(popup, 'export-session-csv')).rows)), {
        message: '新会话只含当前页面',
        timeout: 15_000,
      })
      .toEqual([urls[0]])
  })

  it('会话写入失败时不悄悄丢页：弹窗说明哪些页面未能保存、导出中不含它们', async () => {
    // Simulate a full disk: the worker's writes of session pages fail; its other storage keeps working.
    const sw = await h.sw()
    await sw.evaluate(() => {
      const local = chrome.storage.local as unknown as { set: (...a: unknown[]) => unknown; __realSet?: unknown }
      local.__realSet = local.set
      local.set = function (...args: unknown[]) {
        if (Object.keys(args[0] as object).some((k) => k.startsWith('session'))) throw new Error('QUOTA_BYTES quota exceeded')
        return (local.__realSet as (...a: unknown[]) => unknown).apply(chrome.storage.local, args)
      }
    })
    const article = await h.context.newPage()
    await article.goto(urls[1])
    // The page is audited and marked as usual; only its place in the session could not be written.
    await poll(async () => article.locator('#disclosure-auditor-root').count(), { timeout: 20_000 }).toBe(1)
    let popup = await h.openPopup(article)
    await poll(
      async () => {
        await popup.close()
        popup = await h.openPopup(article)
        return (await popup.getByTestId('storage-error').textContent().catch(() => null)) ?? ''
      },
      { timeout: 30_000 },
    ).toContain(urls[1])
    const banner = popup.getByTestId('storage-error')
    const csv = await clickDownload(popup, 'export-session-csv')
    expect(Object.keys(idsByPage(csv.rows))).not.toContain(urls[1])
    expect(await banner.textContent()).toContain(await h.message('sessionUnsaved', ['1', urls[1]]))
    await popup.close()
    await sw.evaluate(() => {
      const local = chrome.storage.local as unknown as { set: unknown; __realSet?: unknown }
      local.set = local.__realSet
    })
  })
})

