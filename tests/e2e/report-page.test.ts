// 审计报告页：摘要（站点、审计日期、范围、19号单项否决项对照否决线）、逐条发现带要求与依据、筛选与搜索、
// 打印版式（每个不合格项连同要求、依据都印出来，不印按钮），axe-core 无严重/关键问题。
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO_HOST, serveSite, type SiteServer } from '../../demo/server.ts'
import { launchExtension, repoRoot, type Harness, type StoredReport } from './harness.ts'
import { poll, shown, until, waitForReport } from './support.ts'
import { axeViolations } from './axe.ts'

let server: SiteServer
let h: Harness
let report: Page
let host: string
let pages: StoredReport[]
let zh: boolean

const PATHS = ['/xxgk/index.html', '/xxgk/zcwj/t_0007.html']
const pack = JSON.parse(readFileSync(join(repoRoot, 'rules/national.json'), 'utf8')) as { rules: { id: string; params?: Record<string, number> }[] }
const limits = pack.rules.find((r) => r.id === 'column-freshness-site')!.params!
const hitCounts = (pack.rules.find((r) => r.id === 'veto-hits-site')!.params as unknown as { counts: { key: string; limit: number; title: { zh: string; en: string } }[] }).counts
const hitLimit = (key: string): number => hitCounts.find((c) => c.key === key)!.limit
const hitTitle = (key: string): { zh: string; en: string } => hitCounts.find((c) => c.key === key)!.title

const text = (v: unknown): string => (typeof v === 'string' ? v : ((v as Record<string, string>)[zh ? 'zh' : 'en'] ?? ''))

beforeAll(async () => {
  server = await serveSite(join(repoRoot, 'demo/site'))
  h = await launchExtension()
  zh = (await h.uiLanguage()).startsWith('zh')
  pages = []
  for (const path of PATHS) {
    const url = `${server.origin(DEMO_HOST)}${path}`
    const page = await h.context.newPage()
    await page.goto(url)
    pages.push(await waitForReport(h, url))
    host = new URL(url).host
  }
  report = await h.context.newPage()
  await report.goto(`chrome-extension://${h.extId}/src/report/index.html?host=${encodeURIComponent(host)}`)
  await until('报告页列出发现', async () => (await report.getByTestId('report-finding').count()) > 0, 20_000)
})

afterAll(async () => {
  await h?.close()
  await server?.close()
})

describe('报告摘要', () => {
  it('写明站点、审计日期和范围（已审计 2 个页面，尚未全站扫描）', async () => {
    const summary = report.getByTestId('report-summary')
    expect(await summary.getByTestId('summary-site').textContent()).toBe(host)
    expect(await summary.getByTestId('summary-asof').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(await summary.getByTestId('summary-scope').textContent()).toBe(await h.message('reportScopeNoScan', ['2']))
  })

  it('单项否决项按规则包的否决线计数：1 个通知公告类不更新栏目、1 个空白栏目，都未达否决线', async () => {
    const items = await report.getByTestId('veto-item').evaluateAll((trs) =>
      Object.fromEntries(trs.map((tr) => [(tr as HTMLElement).dataset.key, { count: Number((tr as HTMLElement).dataset.count), limit: (tr as HTMLElement).dataset.limit, reached: (tr as HTMLElement).dataset.reached }])),
    )
    expect(items.staleNewsNotice).toEqual({ count: 1, limit: String(limits.staleNewsNotice), reached: 'false' })
    expect(items.staleAll).toEqual({ count: 1, limit: String(limits.staleAll), reached: 'false' })
    expect(items.blank).toEqual({ count: 1, limit: String(limits.blank), reached: 'false' })
    // Page veto hits counted over the site, against the pack's limit: the two audited pages hold no 留言 list.
    expect(items.unansweredMessages).toEqual({ count: 0, limit: String(hitLimit('unansweredMessages')), reached: 'false' })
    const row = report.locator('[data-testid="veto-item"][data-key="unansweredMessages"]')
    expect((await row.locator('td').first().textContent())?.trim()).toBe(text(hitTitle('unansweredMessages')))
    // Below every limit, the summary must not claim a veto.
    expect(await report.getByTestId('report-summary').getAttribute('data-verdict')).not.toBe('veto')
    expect(await report.getByTestId('summary-verdict').textContent()).not.toBe(await h.message('reportOverallVeto'))
  })
})

describe('发现列表', () => {
  it('每个不合格/需复核项各占一行，行内写明发现、要求和依据', async () => {
    for (const p of pages) {
      for (const f of shown(p)) {
        const row = report.locator(`[data-testid="report-finding"][data-finding-id="${f.id}"]`).first()
        expect(await row.getAttribute('data-status')).toBe(f.status)
        expect((await row.getByTestId('finding-expected').textContent())?.trim()).toBe(text(f.expected))
        expect((await row.getByTestId('finding-source').textContent())?.trim()).toBe(f.source)
        expect(await row.getByTestId('finding-found').textContent()).toContain(text(f.evidence))
      }
    }
  })

  it('报告默认只列不合格与需复核；选"全部"后合格与不适用项也列出', async () => {
    const statuses = () => report.getByTestId('report-finding').evaluateAll((rows) => [...new Set(rows.map((r) => (r as HTMLElement).dataset.status))].sort())
    const problems = pages.reduce((n, p) => n + shown(p).length, 0)
    expect(await report.getByTestId('report-finding').count()).toBe(problems)
    expect((await statuses()).every((s) => s === 'fail' || s === 'review')).toBe(true)
    await report.getByTestId('filter-status').selectOption('')
    await poll(() => report.getByTestId('report-finding').count()).toBe(pages.reduce((n, p) => n + p.findings.length, 0))
    expect(await statuses()).toContain('pass')
    await report.getByTestId('filter-status').selectOption('problems')
    await poll(() => report.getByTestId('report-finding').count()).toBe(problems)
  })

  it('搜索只留下含关键词的行；按页面分组时每个页面一组', async () => {
    const all = await report.getByTestId('report-finding').count()
    await report.getByTestId('filter-search').fill('发文字号')
    await poll(() => report.getByTestId('report-finding').count()).toBeLessThan(all)
    const rows = await report.getByTestId('report-finding').allTextContents()
    expect(rows.length).toBeGreaterThan(0)
    for (const r of rows) expect(r).toContain('发文字号')
    await report.getByTestId('filter-search').fill('')
    await poll(() => report.getByTestId('report-finding').count()).toBe(all)

    await report.getByTestId('group-by').selectOption('page')
    await poll(() => report.locator('[data-testid="by-page"] [data-testid="finding-group"]').count()).toBe(PATHS.length)
    await report.getByTestId('group-by').selectOption('rule')
  })
})

describe('打印', () => {
  it('打印版式：每个不合格项连同要求、依据都可见，按钮和筛选不印出', async () => {
    await report.emulateMedia({ media: 'print' })
    try {
      const fails = pages.flatMap((p) => p.findings.filter((f) => f.status === 'fail'))
      expect(fails.length).toBeGreaterThan(0)
      for (const f of fails) {
        const row = report.locator(`[data-testid="report-finding"][data-finding-id="${f.id}"]`).first()
        expect(await row.isVisible(), `${f.ruleId} ${f.section} 应印出`).toBe(true)
        expect(await row.getByTestId('finding-expected').isVisible()).toBe(true)
        expect(await row.getByTestId('finding-source').isVisible()).toBe(true)
      }
      expect(await report.getByTestId('print').isVisible()).toBe(false)
      expect(await report.getByTestId('filter-status').isVisible()).toBe(false)
      expect(await report.getByTestId('report-summary').isVisible()).toBe(true)
    } finally {
      await report.emulateMedia({ media: 'screen' })
    }
  })
})

describe('无障碍', () => {
  it('axe-core：报告页没有严重或关键问题（含对比度）', async () => {
    expect(await axeViolations(report)).toEqual([])
  })
})
