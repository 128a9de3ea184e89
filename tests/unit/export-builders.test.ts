// The export builders on their own, with the inputs a hostile or unusual page gives: text the file formats cannot
// hold, every formula start, pages that name no body, a year the holiday calendar does not cover, nothing to report.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { audit } from '../../src/engine/audit.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import type { Finding, PageReport } from '../../src/engine/types.ts'
import type { ExportContext } from '../../src/export/context.ts'
import { buildNotices, noticeBodies, noticeDeadline } from '../../src/export/notice.ts'
import { buildXlsx } from '../../src/export/xlsx.ts'

const packs = [nationalPack()]
const ctx: ExportContext = { site: 'www.example.gov.cn', asOf: '2024-09-27', auditor: '审计员', deadlineWorkingDays: 10, generatedAt: '2024-09-27T02:00:00Z' }

function finding(id: string, status: Finding['status'], evidence: string, extra: Partial<Finding> = {}): Finding {
  return {
    id,
    ruleId: 'article-metadata',
    status,
    severity: 'error',
    section: '发布机构',
    message: { zh: `问题 ${id}`, en: `problem ${id}` },
    evidence: { zh: evidence, en: evidence },
    expected: { zh: '应标注发布机构', en: 'name the publisher' },
    source: '国办公开办函〔2021〕30号',
    locator: null,
    ...extra,
  }
}

function page(url: string, findings: Finding[], extra: Partial<PageReport> = {}): PageReport {
  return { url, title: `页面 ${url}`, kind: 'article', asOf: ctx.asOf, findings, notes: [], ...extra }
}

async function problemSheet(bytes: Uint8Array): Promise<{ header: string[]; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  const ws = wb.getWorksheet('问题清单')!
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String)
  const rows: unknown[][] = []
  ws.eachRow((r, n) => n > 1 && rows.push((r.values as unknown[]).slice(1)))
  return { header, rows }
}

describe('buildXlsx', () => {
  it('every formula start is neutralised; control characters from a page do not break the file', async () => {
    const starts = ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx']
    const pages = [page('https://www.example.gov.cn/a.html', starts.map((e, i) => finding(`f${i}`, 'fail', e)))]
    pages.push(page('https://www.example.gov.cn/b.html', [finding('ctl', 'review', '标题\u0001含\u000b控制\ud800字符')]))
    const { header, rows } = await problemSheet(await buildXlsx({ pages, packs }, ctx))
    const evidence = rows.map((r) => r[header.indexOf('发现情况')])
    // XML reads a raw CR as LF (Excel does the same); what matters is the apostrophe in front.
    for (const start of starts) expect(evidence).toContain(`'${start.replace('\r', '\n')}`)
    expect(evidence).toContain('标题\ufffd含\ufffd控制\ufffd字符')
  })

  it('a workbook with nothing to report still opens, with an empty problem list', async () => {
    const { rows } = await problemSheet(await buildXlsx({ pages: [], packs }, ctx))
    expect(rows).toEqual([])
  })
})

describe('noticeBodies', () => {
  it('发布机构 first, then the column, then the site; the site scan page belongs to the site; dismissed and passes left out', () => {
    const data = {
      packs,
      pages: [
        page('https://www.example.gov.cn/a.html', [finding('a', 'fail', 'x')], { publisher: '县教育局', column: '通知公告' }),
        page('https://www.example.gov.cn/b.html', [finding('b', 'fail', 'x')], { column: '通知公告' }),
        page('https://www.example.gov.cn/c.html', [finding('c', 'review', 'x')]),
        page('https://www.example.gov.cn/d.html', [finding('d', 'fail', 'x', { dismissed: { reason: '已核实', at: '2024-09-27T00:00:00Z' } }), finding('e', 'pass', 'x')], {
          publisher: '县财政局',
        }),
      ],
      sitePage: page('https://www.example.gov.cn/', [finding('s', 'fail', 'x')], { publisher: '不应采用' }),
    }
    const bodies = noticeBodies(data, ctx)
    expect(bodies.map((b) => [b.body, b.problems.map((r) => r.finding.id), b.toVerify.map((r) => r.finding.id)])).toEqual([
      ['县教育局', ['a'], []],
      ['通知公告', ['b'], []],
      ['www.example.gov.cn', ['s'], ['c']],
    ])
  })
})

describe('noticeDeadline', () => {
  it('counts working days over 国庆 and its make-up Saturday', () => {
    expect(noticeDeadline('2024-09-27', 10)).toEqual({ date: '2024-10-16', estimated: false })
  })

  it('says when the calendar does not cover the year (a Monday–Friday estimate)', () => {
    expect(noticeDeadline('2099-12-18', 10).estimated).toBe(true)
  })
})

describe('buildNotices', () => {
  it('a real page: the notice goes to the 发布机构 the page prints', async () => {
    const html = readFileSync(join(import.meta.dirname, '../fixtures/cli/utf8-article.html'), 'utf8').replace(/某某县人民政府办公室<\/td>/, '=县卫健委</td>')
    const report = audit(html, { url: 'https://www.example.gov.cn/x.html', packs, asOf: ctx.asOf })
    expect(report.publisher).toBe('=县卫健委')
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await buildNotices({ pages: [report], packs }, ctx)) })).value
    // A Word document has no formulas: the addressee is printed as the page names it.
    expect(text).toContain('=县卫健委：')
  })

  it('with nothing open, one page says no problem was found (no empty notices)', async () => {
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await buildNotices({ pages: [], packs }, ctx)) })).value
    expect(text).toContain('未发现需要整改的问题')
    expect(text).not.toContain('整改期限')
  })
})
