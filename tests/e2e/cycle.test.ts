// 审计周期：在弹窗里带理由忽略一个问题（理由必填），忽略在浏览器重启后仍在、写进本页 CSV 的 处理状态/忽略理由；
// 新建会话把上一会话存入历史；网页整改一处后再审计，报告页的对比把它列为"已整改"。弹窗与报告页 axe-core 无严重问题。
// Needs `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_HOST, renderFile, serveSite, type SiteServer } from '../../demo/server.ts'
import type { Finding } from '../../src/engine/types.ts'
import { launchExtension, readOverlay, repoRoot, type Harness, type StoredReport } from './harness.ts'
import { axeViolations } from './axe.ts'
import { clickDownload, poll, until, verdictKey, waitForReport } from './support.ts'

const ARTICLE = '/xxgk/zcwj/t_0007.html'
const PORTAL = '/xxgk/index.html'
/** The article's document number breaks the format (brackets, a leading zero); the "fix" is the office correcting it. */
const BAD_DOC_NUMBER = /高新管\[(\d{4})\]07号/

let server: SiteServer
let h: Harness
let profileDir: string
let fixed = false
let host: string
let articleUrl: string
let portalUrl: string
let before: StoredReport
let portalReport: StoredReport
let dismissedFinding: Finding
let fixedFinding: Finding
const REASON = '成文日期为补录日期，实际按时公开（见办公室说明）'

const isProblem = (f: Pick<Finding, 'status'>) => f.status === 'fail' || f.status === 'review'
const openProblems = (r: StoredReport, dismissed: Set<string>) => r.findings.filter((f) => isProblem(f) && !dismissed.has(f.id))

beforeAll(async () => {
  server = await serveSite(join(repoRoot, 'demo/site'), {
    override: async (_req, path) => {
      if (!fixed || path !== ARTICLE) return undefined
      const { bytes } = await renderFile(join(repoRoot, 'demo/site', ARTICLE))
      return { body: bytes.toString('utf8').replace(BAD_DOC_NUMBER, '高新管〔$1〕7号'), contentType: 'text/html; charset=utf-8' }
    },
  })
  profileDir = await mkdtemp(join(tmpdir(), 'da-e2e-cycle-'))
  h = await launchExtension({ profileDir })
  articleUrl = server.origin(DEMO_HOST) + ARTICLE
  portalUrl = server.origin(DEMO_HOST) + PORTAL
  host = new URL(articleUrl).host
})

afterAll(async () => {
  await h?.close()
  await server?.close()
  if (profileDir) await rm(profileDir, { recursive: true, force: true })
})

async function openPopupOn(url: string): Promise<{ page: Page; popup: Page }> {
  const page = await h.context.newPage()
  await page.goto(url)
  await waitForReport(h, url)
  const popup = await h.openPopup(page)
  await until('弹窗给出结论', async () => (await popup.getByTestId('verdict').count()) === 1)
  return { page, popup }
}

const item = (popup: Page, id: string) => popup.locator('.finding-item', { has: popup.locator(`[data-testid="finding"][data-finding-id="${id}"]`) })
const row = (popup: Page, id: string) => popup.locator(`[data-testid="finding"][data-finding-id="${id}"]`)
/** Ids the page points at: its markers and the rows of its missing-items panel. */
async function markedOnPage(page: Page): Promise<string[]> {
  const o = await readOverlay(page)
  return [...o.markers, ...o.missing, ...o.unlocated].map((m) => m.id)
}

describe('忽略：带理由、跨重启、进 CSV', () => {
  it('理由必填：空理由时确认按钮不可用，回车提交被拒绝并说明；填写后该行标为已忽略，结论与计数不再计入', async () => {
    const { page, popup } = await openPopupOn(articleUrl)
    before = await waitForReport(h, articleUrl)
    dismissedFinding = before.findings.find((f) => f.ruleId === 'publication-lag' && f.status === 'fail')!
    fixedFinding = before.findings.find((f) => f.ruleId === 'doc-number-format' && f.status === 'fail')!
    expect(dismissedFinding, '测试前提：示例文章公开时限不合格').toBeDefined()
    expect(fixedFinding, '测试前提：示例文章发文字号格式不合格').toBeDefined()

    await poll(() => markedOnPage(page), { timeout: 20_000 }).toContain(dismissedFinding.id)
    const target = item(popup, dismissedFinding.id)
    await target.getByTestId('dismiss').click()
    const reason = target.getByTestId('dismiss-reason')
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await target.getByTestId('dismiss-confirm').isDisabled()).toBe(true)
    expect((await target.getByTestId('dismiss-hint').textContent())?.trim()).toBe(await h.message('dismissReasonRequired'))
    // Blank is empty: Enter in the field neither confirms nor closes the form, and the hint still asks for a reason.
    await reason.fill('   ')
    await reason.press('Enter')
    expect(await target.getByTestId('dismiss-confirm').isDisabled()).toBe(true)
    expect((await target.getByTestId('dismiss-hint').textContent())?.trim()).toBe(await h.message('dismissReasonRequired'))
    expect((await h.storage())[`dismissals:${host}`], '空理由不得存下').toBeUndefined()
    expect(await row(popup, dismissedFinding.id).getAttribute('data-dismissed')).toBeNull()

    await reason.fill(REASON)
    expect(await target.getByTestId('dismiss-confirm').isEnabled()).toBe(true)
    await target.getByTestId('dismiss-confirm').click()

    await poll(() => row(popup, dismissedFinding.id).getAttribute('data-dismissed')).toBe('true')
    const text = (await row(popup, dismissedFinding.id).textContent()) ?? ''
    expect(text).toContain(await h.message('dismissedLabel'))
    expect(text).toContain(REASON)
    // The verdict and counts are those of the page without the dismissed item; the item is counted apart.
    const rest = { ...before, findings: before.findings.filter((f) => f.id !== dismissedFinding.id) }
    const [key, subs] = verdictKey(rest)
    expect((await popup.getByTestId('verdict').textContent())?.trim()).toBe(await h.message(key, subs))
    const fails = rest.findings.filter((f) => f.status === 'fail').length
    expect(await popup.locator('[data-testid="counts"] [data-status="fail"] b').textContent()).toBe(String(fails))
    expect((await popup.getByTestId('dismissed-count').textContent())?.trim()).toBe(await h.message('dismissedCount', ['1']))
    expect((await h.storage())[`dismissals:${host}`]).toEqual([expect.objectContaining({ id: dismissedFinding.id, reason: REASON })])
    // The page stops pointing at it; the other problems keep their markers.
    await poll(() => markedOnPage(page), { timeout: 20_000 }).not.toContain(dismissedFinding.id)
    expect(await markedOnPage(page)).toContain(fixedFinding.id)
    // Clicking the dismissed row says why there is nothing to show on the page.
    await row(popup, dismissedFinding.id).click()
    await poll(async () => (await popup.locator('.notice[role="status"]').textContent())?.trim()).toBe(await h.message('rowDismissedNoMarker'))
    await popup.close()
    await page.close()
  })

  it('axe-core：有已忽略行和展开的理由输入框的弹窗没有严重或关键问题', async () => {
    const { page, popup } = await openPopupOn(articleUrl)
    await poll(() => row(popup, dismissedFinding.id).getAttribute('data-dismissed')).toBe('true')
    await item(popup, fixedFinding.id).getByTestId('dismiss').click()
    await item(popup, fixedFinding.id).getByTestId('dismiss-reason').waitFor()
    expect(await axeViolations(popup)).toEqual([])
    await item(popup, fixedFinding.id).getByTestId('dismiss-cancel').click()
    await popup.close()
    await page.close()
  })

  it('浏览器关闭后用同一配置重启：该行仍为已忽略并显示理由；本页 CSV 的处理状态为"已忽略"、忽略理由为所填理由', async () => {
    await h.close()
    h = await launchExtension({ profileDir })
    const { page, popup } = await openPopupOn(articleUrl)
    await poll(() => row(popup, dismissedFinding.id).getAttribute('data-dismissed')).toBe('true')
    expect(await row(popup, dismissedFinding.id).getByTestId('dismissed-reason').textContent()).toContain(REASON)
    const csv = await clickDownload(popup, 'export-page-csv')
    const byId = new Map(csv.rows.map((r) => [r['编号'], r]))
    expect(byId.get(dismissedFinding.id)).toMatchObject({ 结果: '不合格', 处理状态: '已忽略', 忽略理由: REASON })
    expect(byId.get(fixedFinding.id)).toMatchObject({ 处理状态: '未处理', 忽略理由: '' })
    await popup.close()
    await page.close()
  })
})

describe('会话历史与整改对比', () => {
  let report: Page
  let after: StoredReport
  let exported: { dismissals: unknown[]; pages: { findings: Finding[] }[] }

  it('新建会话把上一会话存入历史并说明保留上限；整改一处后再审计，报告页对比：已整改 1（即整改的那一项）、新增 0', async () => {
    // The old session: the article and the portal's 信息公开 page.
    const portal = await h.context.newPage()
    await portal.goto(portalUrl)
    portalReport = await waitForReport(h, portalUrl)
    const { page: article, popup } = await openPopupOn(articleUrl)
    await popup.getByTestId('new-session').click()
    await poll(async () => (await popup.locator('.notice[role="status"]').textContent())?.trim()).toBe(await h.message('sessionArchived', ['20']))
    await popup.close()

    // The office fixes the document number; both pages are audited again in the new session.
    fixed = true
    await article.reload()
    after = await waitForReport(h, articleUrl, (r) => !r.findings.some((f) => f.id === fixedFinding.id && f.status === 'fail'))
    await portal.reload()
    // The new session holds both pages again before the report is read (the popup says how many it has).
    const check = await h.openPopup(portal)
    await poll(async () => (await check.getByTestId('session').textContent())?.trim(), { timeout: 20_000 }).toBe(
      await h.message('sessionInfo', [host, '2']),
    )
    await check.close()

    report = await h.context.newPage()
    await report.goto(`chrome-extension://${h.extId}/src/report/index.html?host=${encodeURIComponent(host)}`)
    const history = report.getByTestId('session-history')
    await until('报告页列出历史会话', async () => (await history.getByTestId('history-row').count()) === 1, 20_000)
    const dismissed = new Set([dismissedFinding.id])
    const oldRow = history.getByTestId('history-row')
    expect(await oldRow.getAttribute('data-pages')).toBe('2')
    expect(Number(await oldRow.getAttribute('data-problems'))).toBe(openProblems(before, dismissed).length + openProblems(portalReport, dismissed).length)
    expect(await oldRow.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)

    // The newest earlier session is compared by default.
    await until('对比结果出现', async () => (await report.getByTestId('session-diff').count()) === 1, 20_000)
    const count = async (kind: string) => Number(await report.getByTestId(`diff-${kind}`).textContent())
    expect(await count('resolved')).toBe(1)
    expect(await count('new')).toBe(0)
    const persisting = openProblems(after, dismissed).length + openProblems(portalReport, dismissed).length
    expect(await count('persisting')).toBe(persisting)
    const resolved = report.getByTestId('diff-list-resolved').getByTestId('diff-item')
    expect(await resolved.getAttribute('data-finding-id')).toBe(fixedFinding.id)
    const line = (await resolved.textContent()) ?? ''
    expect(line).toContain(before.title)
    const zh = (await h.uiLanguage()).startsWith('zh')
    const message = fixedFinding.message as unknown as { zh: string; en: string }
    expect(line).toContain(zh ? message.zh : message.en)
    // The dismissed item is set aside, not fixed: in neither list.
    expect(await report.locator(`[data-testid="diff-item"][data-finding-id="${dismissedFinding.id}"]`).count()).toBe(0)
  })

  it('axe-core：带对比结果的报告页没有严重或关键问题', async () => {
    expect(await axeViolations(report)).toEqual([])
  })

  it('导出的会话 JSON 带着忽略（编号、理由）', async () => {
    const [dl] = await Promise.all([report.waitForEvent('download'), report.getByTestId('export-json').click()])
    exported = JSON.parse(await readFile((await dl.path())!, 'utf8'))
    expect(exported.dismissals).toEqual([{ id: dismissedFinding.id, reason: REASON, at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) }])
    const marked = exported.pages.flatMap((p: { findings: Finding[] }) => p.findings).find((f: Finding) => f.id === dismissedFinding.id)
    expect(marked?.dismissed?.reason).toBe(REASON)
  })

  it('恢复被忽略的项后，它在两次会话里都是问题：对比里"仍存在"多 1 项', async () => {
    const persisting = Number(await report.getByTestId('diff-persisting').textContent())
    const { page, popup } = await openPopupOn(articleUrl)
    await poll(() => row(popup, dismissedFinding.id).getAttribute('data-dismissed')).toBe('true')
    await item(popup, dismissedFinding.id).getByTestId('dismiss-restore').click()
    await poll(() => row(popup, dismissedFinding.id).getAttribute('data-dismissed')).toBeNull()
    expect(await popup.getByTestId('dismissed-count').count()).toBe(0)
    await poll(() => markedOnPage(page), { timeout: 20_000 }).toContain(dismissedFinding.id)
    await popup.close()
    await page.close()
    await report.reload()
    await until('对比结果出现', async () => (await report.getByTestId('session-diff').count()) === 1, 20_000)
    await poll(() => report.getByTestId('diff-persisting').textContent()).toBe(String(persisting + 1))
    expect(await report.locator(`[data-testid="diff-list-persisting"] [data-finding-id="${dismissedFinding.id}"]`).count()).toBe(1)
  })

  it('导入会话 JSON：理由为空的忽略被拒绝并指明字段、什么都不改；合格的文件把忽略带回来', async () => {
    const bad = { ...exported, dismissals: [{ id: dismissedFinding.id, reason: ' ' }] }
    await report.getByTestId('import-json').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) })
    await poll(() => report.getByTestId('import-status').getAttribute('data-ok')).toBe('false')
    expect(await report.getByTestId('import-status').textContent()).toContain('dismissals.0.reason')
    expect((await h.storage())[`dismissals:${host}`]).toEqual([])

    await report.getByTestId('import-json').setInputFiles({ name: 'session.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) })
    await poll(() => report.getByTestId('import-status').getAttribute('data-ok')).toBe('true')
    const { page, popup } = await openPopupOn(articleUrl)
    await poll(() => row(popup, dismissedFinding.id).getAttribute('data-dismissed')).toBe('true')
    expect(await row(popup, dismissedFinding.id).getByTestId('dismissed-reason').textContent()).toContain(REASON)
    await popup.close()
    await page.close()
  })
})
