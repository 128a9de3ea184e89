// annual-report-tables: what an auditor checks in a 年报's tables, on the kind's fixtures, on variations of them that
// break the layout, on pages of 10,000 rows, and on the two real Shanghai reports.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { audit } from '../../src/engine/audit.ts'
import { buildPageModel } from '../../src/engine/page-model.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import { readFigure } from '../../src/engine/rules/annual-report-tables/figures.ts'
import { readTable, TABLE_CAPS } from '../../src/engine/extract/tables.ts'
import { load } from 'cheerio/slim'
import type { Element } from 'domhandler'
import type { Finding } from '../../src/engine/types.ts'
import { CORPUS_DIR, REPO_ROOT } from '../support/corpus.ts'

const AS_OF = '2026-11-27'
const FIXTURES = join(REPO_ROOT, 'tests/fixtures/kinds/annual-report-tables')
const PASS_PAGE = readFileSync(join(FIXTURES, 'pass-2021.html'), 'utf8')
const UNITS = ['万元', '元', '件', '个', '项']
const NONE = ['-', '—', '/', '无']

function tableFindings(html: string): Finding[] {
  return audit(html, { url: 'https://www.example.gov.cn/xxgk/nb/2023.html', packs: [nationalPack()], asOf: AS_OF }).findings.filter(
    (f) => f.ruleId === 'annual-report-tables',
  )
}
const byKey = (fs: Finding[], section: string) => fs.find((f) => f.section === section)
const columnVerdicts = (fs: Finding[]) =>
  Object.fromEntries(fs.filter((f) => /^表三 .+列$/.test(f.section) && f.data?.column).map((f) => [f.data!.column as string, f.status]))

describe('figures as reports write them', () => {
  it.each([
    ['12', 12],
    ['１２３', 123],
    ['12件', 12],
    ['251000元', 251000],
    ['12.5万元', 12.5],
    ['-183', -183],
    ['+5174', 5174],
    ['－1', -1],
    ['−7', -7],
    ['1,234', 1234],
    ['1 234', 1234],
    ['3（件）', 3],
  ])('%s reads as %d', (raw, value) => {
    expect(readFigure(raw, UNITS, NONE)).toEqual({ kind: 'number', value, raw })
  })

  it.each(['', ' ', '\u00a0', '\u3000', '-', '—', '/', '无'])('"%s" is an empty cell (read as 0 by the checks)', (raw) => {
    expect(readFigure(raw, UNITS, NONE).kind).toBe('none')
  })

  it.each(['见附件', '12（含3件转办）', '约20', '5%', '1,23'])('"%s" is not a figure', (raw) => {
    expect(readFigure(raw, UNITS, NONE).kind).toBe('text')
  })
})

describe('tables laid out as a browser lays them out', () => {
  const first = (html: string) => {
    const $ = load(html)
    return readTable($, $('table').get(0) as Element)
  }
  const at = (t: ReturnType<typeof first>, text: string) => t.cells.find((c) => c.text === text)

  it('places rowspan and colspan cells and flags a cell placed over a slot taken from above', () => {
    const t = first('<table><tr><td rowspan="2">a</td><td colspan="2">b</td></tr><tr><td>c</td><td colspan="2">d</td></tr><tr><td rowspan="0">e</td><td>f</td></tr><tr><td>g</td></tr></table>')
    expect(at(t, 'c')).toMatchObject({ row: 1, col: 1 })
    expect(at(t, 'd')).toMatchObject({ row: 1, col: 2, colSpan: 2 })
    // rowspan="0" runs to the last row.
    expect(at(t, 'e')).toMatchObject({ row: 2, col: 0, rowSpan: 2 })
    expect(at(t, 'g')).toMatchObject({ row: 3, col: 1 })
    const overlap = first('<table><tr><td>a</td><td rowspan="2">b</td></tr><tr><td colspan="2">c</td></tr></table>')
    expect(at(overlap, 'c')).toMatchObject({ col: 0, colSpan: 2, overlaps: true })
  })

  it('reads the table\u2019s own rows, not those of a table nested in a cell', () => {
    const t = first('<table><tbody><tr><td><table><tr><td>inner</td></tr><tr><td>inner2</td></tr></table></td></tr></tbody></table>')
    expect(t.rows).toBe(1)
  })

  it('caps columns and spans, and says so', () => {
    const t = first(`<table><tr><td colspan="100000">x</td><td>y</td></tr><tr>${'<td>1</td>'.repeat(500)}</tr></table>`)
    expect(t.cols).toBe(TABLE_CAPS.cols)
    expect(t.colsCut).toBe(true)
    expect(t.cells.length).toBeLessThanOrEqual(1 + TABLE_CAPS.cols)
  })
})

describe('table 三 on the 2021 format', () => {
  it('reads units, full-width digits, a number split over a space, a tag-wrapped figure and &nbsp; cells, and every sum holds', () => {
    const fs = tableFindings(PASS_PAGE)
    expect(columnVerdicts(fs)).toEqual({ 自然人: 'pass', 商业企业: 'pass', 科研机构: 'pass', 社会公益组织: 'pass', 法律服务机构: 'pass', 其他: 'pass', 总计: 'pass' })
    // 70件 / １０ / <span>1</span> / &nbsp; / 1 / 2 / "8 4"
    const total = byKey(fs, '表三 总计列')!
    expect(total.data).toMatchObject({ received: 84, carriedIn: 3, resultTotal: 86, carriedOut: 1 })
    expect(fs.filter((f) => f.status !== 'pass')).toEqual([])
  })

  it('names the column and the figures of a broken sum, in both languages', () => {
    const html = PASS_PAGE.replace(/(二、上年结转政府信息公开申请数量<\/td><td>3<\/td>)<td><\/td>/, '$1<td>2</td>')
    const fs = tableFindings(html)
    const f = fs.find((x) => x.section === '表三 商业企业列')!
    expect(f.status).toBe('fail')
    expect(f.message.zh).toContain('10 + 上年结转 2 = 12')
    expect(f.message.en).toContain('column "商业企业" does not add up')
    expect(f.data).toMatchObject({ table: '三', column: '商业企业', received: 10, carriedIn: 2, resultTotal: 10, carriedOut: 0, difference: 2 })
    // The 总计 column of that row no longer equals its parts either: a row finding, not a column one.
    expect(fs.find((x) => x.section === '表三 二、上年结转政府信息公开申请数量')?.status).toBe('fail')
  })

  it('a header cell whose rowspan runs into the figures is review for that column, never a sum', () => {
    const html = PASS_PAGE.replace('<td rowspan="2">总计</td>', '<td rowspan="3">总计</td>')
    const fs = tableFindings(html)
    const v = columnVerdicts(fs)
    expect(v['总计']).toBe('review')
    expect(fs.filter((f) => f.status === 'fail')).toEqual([])
  })

  it('a figure cell spanning two rows is review for its column; the rows it pushes out of line are not summed', () => {
    const html = PASS_PAGE.replace(/(二、上年结转政府信息公开申请数量<\/td><td>3<\/td>)<td>/, '$1<td rowspan="2">')
    const fs = tableFindings(html)
    expect(columnVerdicts(fs)['商业企业']).toBe('review')
    expect(fs.filter((f) => f.status === 'fail')).toEqual([])
    expect(fs.find((f) => f.section === '表三 总计列' && f.status === 'review' && /无法核对/.test(f.message.zh))).toBeTruthy()
  })

  it.each([
    ['a cell missing in the middle of a row', '<td>40</td><td>6</td><td></td><td>1</td><td>2</td><td>49</td></tr>'],
    ['a row running past the header', '<td>40</td><td>6</td><td></td><td></td><td>1</td><td>2</td><td>49</td><td>0</td></tr>'],
  ])('%s: its figures are out of line, so the row is review and nothing is summed with them', (_name, cells) => {
    const html = PASS_PAGE.replace('<td>40</td><td>6</td><td></td><td></td><td>1</td><td>2</td><td>49</td></tr>', cells)
    const fs = tableFindings(html)
    expect(fs.filter((f) => f.status === 'fail')).toEqual([])
    expect(fs.find((f) => f.section === '表三 总计列' && f.status === 'review')?.data?.unreadableRows).toEqual(['（一）予以公开'])
    expect(fs.find((f) => f.section === '表三 （七）总计')).toMatchObject({ status: 'review' })
  })

  it('a blank 办理结果总计 beside figures is review (a total not filled in), not a false fail', () => {
    const html = PASS_PAGE.replace(/(（七）总计<\/td>)<td>72<\/td>/, '$1<td>&nbsp;</td>')
    const f = tableFindings(html).find((x) => x.section === '表三 自然人列')!
    expect(f.status).toBe('review')
    expect(f.message.zh).toContain('总计未填写')
  })

  it('a column missing from the header is said', () => {
    const html = PASS_PAGE.replace('<td>科研机构</td>', '<td>科研院所</td>')
    const fs = tableFindings(html)
    expect(fs.find((f) => f.section === '表三' && f.status === 'review')?.message.zh).toContain('科研机构')
  })
})

describe('（七）总计 against the result rows', () => {
  it('a result row that does not add into （七）总计 fails in its column, with both figures', () => {
    const html = PASS_PAGE.replace('（一）予以公开</td><td>40</td>', '（一）予以公开</td><td>41</td>').replace('<td>2</td><td>49</td></tr>', '<td>2</td><td>50</td></tr>')
    const fs = tableFindings(html)
    const f = fs.find((x) => x.data?.sumOfResultRows !== undefined && x.data?.column === '自然人')!
    expect(f).toMatchObject({ status: 'fail', data: { resultTotal: 72, sumOfResultRows: 73, difference: -1 } })
    // The column relation uses （七）总计 itself, so it still holds: the break is said once, where it is.
    expect(byKey(fs, '表三 自然人列')?.status).toBe('pass')
  })

  it('a 小计 row a report adds is left out of the sum and named', () => {
    const html = PASS_PAGE.replace('rowspan="22">三、本年度办理结果', 'rowspan="23">三、本年度办理结果')
      .replace('<td rowspan="8">（三）不予公开</td>', '<td rowspan="9">（三）不予公开</td>')
      .replace('8.属于行政查询事项</td>' + '<td></td>'.repeat(7) + '</tr>', '8.属于行政查询事项</td>' + '<td></td>'.repeat(7) + '</tr><tr><td>小计</td><td>1</td>' + '<td></td>'.repeat(5) + '<td>1</td></tr>')
    const fs = tableFindings(html)
    const f = fs.find((x) => x.section === '表三 （七）总计')!
    expect(f.status).toBe('pass')
    expect(f.evidence.zh).toContain('小计行不计入：小计')
    expect(fs.filter((x) => x.status === 'fail')).toEqual([])
  })
})

describe('table 四 and the text', () => {
  it('a wrong 总计 names the group and both figures', () => {
    const html = readFileSync(join(FIXTURES, 'fail-table4-period.html'), 'utf8')
    const fs = tableFindings(html)
    const f = fs.find((x) => x.section === '表四 行政诉讼（复议后起诉）')!
    expect(f.status).toBe('fail')
    expect(f.data).toMatchObject({ total: 4, sumOfParts: 3, difference: 1 })
    expect(fs.find((x) => x.section === '统计期限')).toMatchObject({ status: 'fail', data: { reportYear: 2023, periodFrom: 2022 } })
  })

  it('a total stated in the text with full-width digits is compared; a different one is review', () => {
    const same = tableFindings(PASS_PAGE.replace('收到政府信息公开申请84件', '收到政府信息公开申请８４件'))
    expect(same.find((f) => f.data?.item === '本年新收申请')?.status).toBe('pass')
    const differs = tableFindings(PASS_PAGE.replace('收到政府信息公开申请84件', '收到政府信息公开申请90件'))
    const f = differs.find((x) => x.data?.item === '本年新收申请')!
    expect(f.status).toBe('review')
    expect(f.data).toMatchObject({ stated: 90, inTable: 84 })
  })

  it('a report on a year before the 2019 format has no tables to check (n/a)', () => {
    const old = PASS_PAGE.replace(/2023年/g, '2017年').replace(/2023/g, '2017')
    expect(tableFindings(old).map((f) => f.status)).toEqual(['n/a'])
  })
})

describe('pages of 10,000 table rows', () => {
  const filler = (n: number, cells: string) => Array.from({ length: n }, (_, i) => `<tr><td colspan="3">补充行${i}</td>${cells}</tr>`).join('')

  it('table 三 of 10,000 rows: the rows past the cap are said to be cut, and nothing is summed', () => {
    const html = PASS_PAGE.replace(/(二、上年结转政府信息公开申请数量<\/td>.*?<\/tr>)/, `$1${filler(10_000, '<td>0</td>'.repeat(7))}`)
    const fs = tableFindings(html)
    const rows = fs.find((f) => f.section === '表三' && f.status === 'review')!
    expect(rows.message.zh).toContain('办理结果总计')
    expect(rows.evidence.zh).toMatch(/仅读取前 400 行（另有 \d+ 行未读）/)
    expect(fs.filter((f) => /^表三 .+列$/.test(f.section) && f.data?.column)).toEqual([])
    expect(fs.filter((f) => f.status === 'fail')).toEqual([])
  })

  it('a 10,000-row appendix table does not stop the report tables being read', () => {
    const appendix = `<table><tr><td>序号</td><td>事项名称</td></tr>${Array.from({ length: 10_000 }, (_, i) => `<tr><td>${i}</td><td>事项${i}</td></tr>`).join('')}</table>`
    const html = PASS_PAGE.replace('<p>二、主动公开政府信息情况</p>', `${appendix}<p>二、主动公开政府信息情况</p>`)
    const model = buildPageModel(html, { asOf: AS_OF })
    expect(model.reportTables![0]).toMatchObject({ rows: 400, rowsCut: 9_601 })
    expect(model.notes.some((n) => n.includes('cut to 400'))).toBe(true)
    expect(Object.values(columnVerdicts(tableFindings(html)))).toEqual(Array(7).fill('pass'))
  })
})

describe.skipIf(!existsSync(CORPUS_DIR))('the real Shanghai reports', () => {
  const real = (f: string) => tableFindings(readFileSync(join(CORPUS_DIR, f), 'utf8'))

  it('2019: table 三 holds in every column; table 四 holds; the text disagrees on two outcome figures', () => {
    const fs = real('annual-report-2019-shanghai.html')
    expect(columnVerdicts(fs)).toEqual({ 自然人: 'pass', 商业企业: 'pass', 科研机构: 'pass', 社会公益组织: 'pass', 法律服务机构: 'pass', 其他: 'pass', 总计: 'pass' })
    expect(byKey(fs, '表三 自然人列')!.data).toMatchObject({ received: 821, carriedIn: 18, resultTotal: 767, carriedOut: 72 })
    expect(fs.filter((f) => f.section.startsWith('表四')).map((f) => [f.data?.group, f.status, f.data?.total])).toEqual([
      ['行政复议', 'pass', 7],
      ['行政诉讼（未经复议直接起诉）', 'pass', 9],
      ['行政诉讼（复议后起诉）', 'pass', 0],
    ])
    // （七）总计 equals the result rows in every applicant column; the 总计 column's result cells are blank, so it is
    // review there, never a sum of blanks.
    expect(fs.find((f) => f.section === '表三 （七）总计' && f.status === 'pass')?.data?.columnsChecked).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'])
    expect(fs.find((f) => f.section === '表三 （七）总计' && f.status === 'review')?.data?.unfilledColumns).toEqual(['总计'])
    const narrative = fs.filter((f) => f.status === 'review' && f.data?.item).map((f) => [f.data!.item, f.data!.stated, f.data!.inTable])
    expect(narrative).toEqual([
      ['予以公开及部分公开', 258, 275],
      ['无法提供', 265, 337],
    ])
    expect(fs.filter((f) => f.status === 'fail')).toEqual([])
  })

  it('2020: table 三 fails in exactly 自然人, 商业企业, 科研机构, 社会公益组织 and 法律服务机构', () => {
    const fs = real('annual-report-2020-shanghai-city.html')
    const v = columnVerdicts(fs)
    expect(Object.keys(v).filter((k) => v[k] === 'fail')).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构'])
    expect([v['其他'], v['总计']]).toEqual(['pass', 'pass'])
    expect(byKey(fs, '表三 自然人列')!.data).toMatchObject({ sumReceived: 28281, sumHandled: 28214, difference: 67 })
    expect(byKey(fs, '表三 商业企业列')!.data).toMatchObject({ sumReceived: 1787, sumHandled: 1859, difference: -72 })
    // Row 一's 总计 says 29130 where its columns add up to 29126.
    expect(byKey(fs, '表三 一、本年新收政府信息公开申请数量')).toMatchObject({ status: 'fail', data: { total: 29130, sumOfColumns: 29126 } })
    expect(fs.filter((f) => f.section.startsWith('表四')).every((f) => f.status === 'pass')).toBe(true)
    expect(fs.find((f) => f.section === '表三 （七）总计')?.data?.columnsChecked).toHaveLength(7)
    // Signed figures of the trial format's table 二.
    expect(byKey(fs, '表二')!.data).toMatchObject({ 'row:行政许可': [893, -183, 12854581], 'row:行政事业性收费': [49, -1] })
  })
})
