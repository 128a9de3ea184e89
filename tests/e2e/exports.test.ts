// 报告页导出：点“导出 XLSX”下载的工作簿用 exceljs 读回（汇总、问题清单，表头冻结并可筛选，每个问题一行）；
// 点“导出整改通知”下载的 .docx 用 mammoth 读回（每个责任单位一份通知，写明审计人员和按节假日计算的整改期限）。
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import type { Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_HOST, serveSite, type SiteServer } from '../../demo/server.ts'
import { addWorkingDays } from '../../src/engine/dates.ts'
import { bundleGroups } from '../../bench/bundles.ts'
import { DIST, launchExtension, repoRoot, type Harness, type StoredReport } from './harness.ts'
import { shown, until, waitForReport } from './support.ts'

let server: SiteServer
let h: Harness
let report: Page
let host: string
let pages: (StoredReport & { asOf: string; publisher?: string; column?: string })[]

const PATHS = ['/xxgk/index.html', '/xxgk/zcwj/t_0007.html']
const AUDITOR = '测试审计员'

beforeAll(async () => {
  server = await serveSite(join(repoRoot, 'demo/site'))
  h = await launchExtension()
  pages = []
  for (const path of PATHS) {
    const url = `${server.origin(DEMO_HOST)}${path}`
    const page = await h.context.newPage()
    await page.goto(url)
    pages.push((await waitForReport(h, url)) as (typeof pages)[number])
    host = new URL(url).host
  }
  report = await h.context.newPage()
  await report.goto(`chrome-extension://${h.extId}/src/report/index.html?host=${encodeURIComponent(host)}&auditor=${encodeURIComponent(AUDITOR)}`)
  await until('报告页列出发现', async () => (await report.getByTestId('report-finding').count()) > 0, 20_000)
})

afterAll(async () => {
  await h?.close()
  await server?.close()
})

async function download(testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = (await Promise.all([report.waitForEvent('download', { timeout: 30_000 }), report.getByTestId(testId).click()])) as [Download, unknown]
  return { name: dl.suggestedFilename(), bytes: await readFile((await dl.path())!) }
}

describe('导出 XLSX', () => {
  it('下载的工作簿有汇总与问题清单，表头冻结可筛选，每个不合格/需复核项一行并写明发现、要求、依据', async () => {
    const { name, bytes } = await download('export-xlsx')
    expect(name).toMatch(new RegExp(`^政务公开巡检_.+\\.xlsx$`))
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    // No site scan in this session, so no 栏目 sheet.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题清单'])
    const ws = wb.getWorksheet('问题清单')!
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ws.autoFilter).toBeTruthy()
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String)
    const col = (n: string) => header.indexOf(n) + 1
    const problems = pages.flatMap((p) => shown(p).map((f) => ({ p, f })))
    expect(ws.rowCount - 1).toBe(problems.length)
    const byId = new Map<string, ExcelJS.Row>()
    ws.eachRow((row, n) => n > 1 && byId.set(String(row.getCell(col('编号')).value), row))
    for (const { p, f } of problems) {
      const row = byId.get(f.id)!
      expect(row, `${f.ruleId} ${f.section}`).toBeDefined()
      expect(row.getCell(col('页面地址')).value).toBe(p.url)
      expect(row.getCell(col('发现情况')).value).toBe(f.evidence.zh)
      expect(row.getCell(col('要求')).value).toBe(f.expected.zh)
      expect(row.getCell(col('依据')).value).toBe(f.source)
      expect(row.getCell(col('处理状态')).value).toBe('未处理')
    }
    const summary = wb.getWorksheet('汇总')!
    const facts = new Map<string, unknown>()
    summary.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value))
    expect(facts.get('站点')).toBe(host)
    expect(facts.get('审计人员')).toBe(AUDITOR)
    expect(facts.get('审计日期')).toBe(pages[0].asOf)
    expect(facts.get('审计页面数')).toBe(PATHS.length)
  })
})

describe('导出整改通知', () => {
  it('每个责任单位一份通知（发布机构，否则栏目，否则站点），列出其问题，整改期限为审计日期后 10 个工作日', async () => {
    const { name, bytes } = await download('export-notice')
    expect(name).toMatch(/^整改通知_.+\.docx$/)
    const text = (await mammoth.extractRawText({ buffer: bytes })).value
    const paragraphs = text.split(/\n+/).map((s) => s.trim()).filter(Boolean)
    const bodies = [...new Set(pages.filter((p) => shown(p).length > 0).map((p) => p.publisher || p.column || host))]
    expect(bodies.length).toBeGreaterThan(0)
    expect(paragraphs.filter((p) => p === '政府网站信息公开整改通知')).toHaveLength(bodies.length)
    for (const b of bodies) expect(paragraphs).toContain(`${b}：`)
    const fail = pages.flatMap((p) => p.findings).find((f) => f.status === 'fail')!
    expect(paragraphs).toContain(fail.evidence.zh)
    const [y, m, d] = addWorkingDays(pages[0].asOf, 10).split('-').map(Number)
    expect(text).toContain(`请于${y}年${m}月${d}日前完成整改（审计日期后 10 个工作日`)
    expect(paragraphs).toContain(`审计人员：${AUDITOR}`)
    expect(paragraphs).toContain('复查结果')
  })
})

describe('选项里的整改期限与审计人员', () => {
  it('选项保存了整改期限天数和审计人员姓名时，整改通知按它们写', async () => {
    await report.evaluate(() => chrome.storage.local.set({ settings: { noticeDeadlineDays: 3, auditorName: '选项里的审计员' } }))
    try {
      const { bytes } = await download('export-notice')
      const text = (await mammoth.extractRawText({ buffer: bytes })).value
      const [y, m, d] = addWorkingDays(pages[0].asOf, 3).split('-').map(Number)
      expect(text).toContain(`请于${y}年${m}月${d}日前完成整改（审计日期后 3 个工作日`)
      expect(text).toContain('审计人员：选项里的审计员')
    } finally {
      await report.evaluate(() => chrome.storage.local.remove('settings'))
    }
  })
})

describe('构建产物', () => {
  it('exceljs 与 docx 只在报告页按需加载的分块里，不进内容脚本、后台服务、报告页首屏', () => {
    const groups = bundleGroups(DIST)
    const named = (n: string) => groups.find((g) => g.name === n)!
    for (const n of ['content script', 'service worker', 'report page (first load)']) {
      expect(named(n).files.length, n).toBeGreaterThan(0)
      expect(named(n).office, n).toEqual([])
    }
    const lazy = groups.filter((g) => g.name.startsWith('report page, on demand'))
    expect(new Set(lazy.flatMap((g) => g.office))).toEqual(new Set(['exceljs', 'docx']))
  })
})
