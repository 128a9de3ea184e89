// The office files from the terminal: `--format xlsx` and `--format docx` with `--out FILE`, run as a user runs the
// tool, read back with real readers (exceljs for the workbook; mammoth and the document XML for the notices).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../src/engine/types.ts'
import { serveSite, type TestSite } from '../fixtures/test-portal/serve.ts'
import { killRunning, type Run, runCli } from '../support/cli.ts'

const ROOT = join(import.meta.dirname, '../..')
const ARTICLE = readFileSync(join(ROOT, 'tests/fixtures/cli/utf8-article.html'), 'utf8')
// The Friday before 国庆 2024: ten working days run over the 10-01..10-07 holiday and the two make-up Saturdays
// (09-29 and 10-12), to 10-16. A Monday-to-Friday count would say 10-11.
const ASOF = '2024-09-27'
const FORMULA = '=HYPERLINK("http://evil.example/","点此查看")'

afterEach(killRunning)
const run = runCli

let dir: string
const at = (name: string) => join(dir, name)
const write = (name: string, content: string | unknown) => {
  writeFileSync(at(name), typeof content === 'string' ? content : JSON.stringify(content))
  return at(name)
}

// Three pages, three responsible bodies: the 办公室 named by its page, the 财政局 named by its page (whose title is a
// formula), and a page that names no 发布机构, answered for by its column (通知公告, from the breadcrumb).
const PAGES = [
  { path: '/xxgk/tzgg/a.html', html: ARTICLE },
  {
    path: '/xxgk/tzgg/b.html',
    html: ARTICLE.replace(/某某县人民政府办公室<\/td>/, '县财政局</td>').replace(/<title>[^<]*<\/title>/, `<title>${FORMULA.replace(/"/g, '&quot;')}</title>`),
  },
  { path: '/xxgk/tzgg/c.html', html: ARTICLE.replace(/<td>发布机构：<\/td><td>[^<]*<\/td>/, '<td></td><td></td>') },
]
const BODIES = ['某某县人民政府办公室', '县财政局', '通知公告']

interface JsonOut {
  pages: { url: string | null; title: string; findings: Finding[] }[]
}
let audited: JsonOut
let server: Server
let origin: string
const urls: string[] = []

// The pages are fetched over HTTP, so each has its own address (several saved files cannot each take --url).
async function runOn(format: 'xlsx' | 'docx' | 'json', out: string | null, ...extra: string[]): Promise<Run> {
  return run(['--as-of', ASOF, '--format', format, ...(out ? ['--out', out] : []), ...extra, ...urls])
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'da-export-'))
  server = createServer((req, res) => {
    const page = PAGES.find((p) => p.path === req.url)
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
    res.end(page?.html ?? 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  for (const p of PAGES) urls.push(origin + p.path)
  const r = await runOn('json', null)
  audited = JSON.parse(r.stdout) as JsonOut
})
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  await new Promise((resolve) => server.close(resolve))
})

async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return wb
}

/** The header row and the body rows of a sheet, as arrays of values (exceljs rows are 1-based). */
function sheetRows(ws: ExcelJS.Worksheet): { header: string[]; rows: ExcelJS.Row[] } {
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String)
  const rows: ExcelJS.Row[] = []
  ws.eachRow((row, n) => n > 1 && rows.push(row))
  return { header, rows }
}

const cellOf = (header: string[], row: ExcelJS.Row, name: string) => row.getCell(header.indexOf(name) + 1)

describe('--format xlsx', () => {
  it('writes 汇总 and 问题清单 with a frozen, filtered header; every problem is a row in the CSV columns', async () => {
    const out = at('audit.xlsx')
    const r = await runOn('xlsx', out, '--auditor', '王审计')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(out)
    const wb = await readXlsx(out)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题清单'])
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(ws.autoFilter).toBeTruthy()
    }

    const { header, rows } = sheetRows(wb.getWorksheet('问题清单')!)
    expect(header.slice(0, 16)).toEqual(['审计日期', '页面标题', '页面地址', '规则编号', '规则名称', '结果', '严重程度', '栏目/要素', '问题描述', '发现情况', '要求', '依据', '元素定位', '编号', '处理状态', '忽略理由'])
    expect(header).toContain('责任单位')
    const problems = audited.pages.flatMap((p) => p.findings.filter((f) => f.status === 'fail' || f.status === 'review').map((f) => ({ page: p, f })))
    expect(problems.length).toBeGreaterThan(3)
    expect(rows).toHaveLength(problems.length)
    const lag = problems.find(({ page, f }) => f.ruleId === 'publication-lag' && page.url?.endsWith('/a.html'))!
    const row = rows.find((x) => cellOf(header, x, '编号').value === lag.f.id)!
    expect(cellOf(header, row, '发现情况').value).toBe(lag.f.evidence.zh)
    expect(cellOf(header, row, '要求').value).toBe(lag.f.expected.zh)
    expect(cellOf(header, row, '依据').value).toBe(lag.f.source)
    expect(cellOf(header, row, '审计日期').value).toBe(ASOF) // a date as text, not an Excel date
    expect(cellOf(header, row, '处理状态').value).toBe('未处理')
    expect(cellOf(header, row, '责任单位').value).toBe('某某县人民政府办公室')
    // Wide enough to read the requirement, but not a screen wide.
    const width = wb.getWorksheet('问题清单')!.getColumn(header.indexOf('要求') + 1).width!
    expect(width).toBeGreaterThan(20)
    expect(width).toBeLessThanOrEqual(60)

    // The page whose title is a formula: the cell is text that starts with an apostrophe, never a formula.
    const evil = rows.filter((x) => String(cellOf(header, x, '页面地址').value).endsWith('/b.html'))
    expect(evil.length).toBeGreaterThan(0)
    for (const x of evil) {
      const c = cellOf(header, x, '页面标题')
      expect(c.type).toBe(ExcelJS.ValueType.String)
      expect(c.value).toBe(`'${FORMULA}`)
      expect(c.formula).toBeUndefined()
      expect(cellOf(header, x, '责任单位').value).toBe('县财政局')
    }

    const summary = Object.fromEntries(sheetRows(wb.getWorksheet('汇总')!).rows.map((x) => [String(x.getCell(1).value), x.getCell(2).value]))
    expect(summary['审计日期']).toBe(ASOF)
    expect(summary['审计人员']).toBe('王审计')
    expect(summary['审计页面数']).toBe(3) // a number, not text
    const fails = audited.pages.reduce((n, p) => n + p.findings.filter((f) => f.status === 'fail').length, 0)
    expect(summary['不合格']).toBe(fails)
  })

  it('a dismissed finding is 已忽略 with its reason (the reason neutralised too)', async () => {
    const lag = audited.pages[0].findings.find((f) => f.ruleId === 'publication-lag' && f.status === 'fail')!
    const ignore = write('ignore.json', [{ id: lag.id, reason: '+已核实：系补录信息' }])
    const out = at('dismissed.xlsx')
    const r = await runOn('xlsx', out, '--ignore', ignore)
    expect(r.stderr).toBe('')
    const { header, rows } = sheetRows((await readXlsx(out)).getWorksheet('问题清单')!)
    const row = rows.find((x) => cellOf(header, x, '编号').value === lag.id)!
    expect(cellOf(header, row, '处理状态').value).toBe('已忽略')
    expect(cellOf(header, row, '忽略理由').value).toBe("'+已核实：系补录信息")
  })

  it('without --out is a usage error that writes nothing', async () => {
    const r = await runOn('xlsx', null)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('--out')
    const d = await runOn('docx', null)
    expect(d.code).toBe(2)
    expect(d.stderr).toContain('--out')
  })

  it('a file that cannot be written is a clear error, exit 2', async () => {
    const r = await runOn('xlsx', join(dir, 'no-such-dir', 'x.xlsx'))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/no-such-dir.*无法写入 \/ cannot write \(ENOENT\)/)
  })
})

async function readDocx(file: string): Promise<{ text: string; paragraphs: string[]; xml: string }> {
  const bytes = readFileSync(file)
  const text = (await mammoth.extractRawText({ buffer: bytes })).value
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')
  return { text, paragraphs: text.split(/\n+/).map((s) => s.trim()).filter(Boolean), xml }
}

describe('--format docx (整改通知)', () => {
  it('one notice per responsible body, each with its problems, the deadline over 国庆 and a blank 复查 table', async () => {
    const out = at('notices.docx')
    const r = await runOn('docx', out, '--auditor', '王审计')
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('整改通知 3 份')
    const { paragraphs, xml } = await readDocx(out)
    expect(paragraphs.filter((p) => p === '政府网站信息公开整改通知')).toHaveLength(3)
    // Each notice is its own section (its own page) addressed to one body.
    expect(xml.match(/<w:sectPr/g)).toHaveLength(3)
    expect(paragraphs.filter((p) => p.endsWith('：') && BODIES.includes(p.slice(0, -1)))).toEqual(BODIES.map((b) => `${b}：`))

    // The lag finding of the 办公室's page sits in the 办公室's notice, with what was found, required and the basis.
    const office = audited.pages.find((p) => p.url?.endsWith('/a.html'))!
    const lag = office.findings.find((f) => f.ruleId === 'publication-lag' && f.status === 'fail')!
    const start = paragraphs.indexOf('某某县人民政府办公室：')
    const end = paragraphs.indexOf('县财政局：')
    const notice = paragraphs.slice(start, end)
    for (const text of [lag.evidence.zh, lag.expected.zh, lag.source, office.url!]) expect(notice).toContain(text)
    expect(notice.join('\n')).toContain('请于2024年10月16日前完成整改')
    expect(notice.join('\n')).toContain('审计日期后 10 个工作日')
    expect(notice).toContain('审计人员：王审计')
    // 复查: the header row and nothing filled in beyond 序号 and the problem.
    const recheck = notice.indexOf('复查日期')
    expect(recheck).toBeGreaterThan(0)
    expect(notice.slice(recheck - 3, recheck + 3)).toEqual(['序号', '问题', '整改情况', '复查日期', '复查结果', '复查人'])
    // Headings in 黑体, body text in 仿宋.
    expect(xml).toMatch(/w:eastAsia="黑体"[^>]*\/>(?:(?!<\/w:r>).)*<w:t[^>]*>[一二三四]、存在的问题/s)
    expect(xml).toMatch(/w:eastAsia="仿宋"[^>]*\/>(?:(?!<\/w:r>).)*<w:t[^>]*>经对/s)
  })

  it('--deadline-days moves the deadline by working days; dismissed findings leave the notices', async () => {
    const out = at('short.docx')
    await runOn('docx', out, '--deadline-days', '3')
    // 09-29 (a make-up Sunday), 09-30, then after the holiday 10-08.
    expect((await readDocx(out)).text).toContain('请于2024年10月8日前完成整改（审计日期后 3 个工作日')

    const finance = audited.pages.find((p) => p.url?.endsWith('/b.html'))!
    const ignore = write('finance-ignore.json', finance.findings.filter((f) => f.status === 'fail' || f.status === 'review').map((f) => ({ id: f.id, reason: '已另行通知' })))
    const fewer = at('fewer.docx')
    const r = await runOn('docx', fewer, '--ignore', ignore)
    expect(r.stdout).toContain('整改通知 2 份')
    const { paragraphs } = await readDocx(fewer)
    expect(paragraphs).not.toContain('县财政局：')
    expect(paragraphs.filter((p) => p === '政府网站信息公开整改通知')).toHaveLength(2)
  })

  it('--deadline-days must be a whole number of days', async () => {
    const r = await runOn('docx', at('bad.docx'), '--deadline-days', '0')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--deadline-days')
    expect(existsSync(at('bad.docx'))).toBe(false)
  })
})

describe('--scan --format xlsx', () => {
  let site: TestSite
  beforeAll(async () => {
    site = await serveSite()
  })
  afterAll(async () => {
    await site.close()
  })

  it('adds the 栏目 sheet: one row per column, entries and days as numbers, the latest date as text', async () => {
    const scanArgs = ['--scan', `${site.origin}/`, '--as-of', '2026-05-20', '--no-links', '--delay', '2']
    const json = JSON.parse((await run([...scanArgs, '--format', 'json'])).stdout) as { site: { columns: { name: string; entries: number | null; latestDate: string | null; daysSince: number | null }[] } }
    const out = at('scan.xlsx')
    const r = await run([...scanArgs, '--format', 'xlsx', '--out', out])
    expect(r.stderr).not.toMatch(/无法写入|cannot write/)
    const wb = await readXlsx(out)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题清单', '栏目'])
    const ws = wb.getWorksheet('栏目')!
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const { header, rows } = sheetRows(ws)
    expect(rows.map((x) => cellOf(header, x, '栏目名称').value)).toEqual(json.site.columns.map((c) => c.name))
    const dated = json.site.columns.findIndex((c) => c.latestDate && c.entries)
    expect(dated).toBeGreaterThanOrEqual(0)
    const c = json.site.columns[dated]
    expect(cellOf(header, rows[dated], '条目数').value).toBe(c.entries)
    expect(cellOf(header, rows[dated], '距审计日天数').value).toBe(c.daysSince)
    expect(cellOf(header, rows[dated], '最新日期').value).toBe(c.latestDate)
    // The site-level veto counts are the site's problems: in 问题清单, answered for by the site.
    const problems = sheetRows(wb.getWorksheet('问题清单')!)
    const siteRows = problems.rows.filter((x) => cellOf(problems.header, x, '规则编号').value === 'column-freshness-site')
    expect(siteRows.length).toBeGreaterThan(0)
    for (const x of siteRows) expect(cellOf(problems.header, x, '责任单位').value).toBe(new URL(site.origin).host)
  })
})
