import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { CSV_HEADERS, csvFileName, reportsToCsv } from '../../src/engine/csv.ts'
import type { Finding, PageReport, RulePack } from '../../src/engine/types.ts'

const pack: RulePack = {
  id: 'test',
  version: '1',
  title: { zh: '测试规则包', en: 'Test pack' },
  rules: [
    { id: 'footer-identifiers', kind: 'footer-identifiers', title: { zh: '网站页脚标识', en: 'Footer identifiers' }, severity: 'error', source: 'src', params: {} },
    { id: 'column-freshness', kind: 'column-freshness', title: { zh: '栏目更新', en: 'Column freshness' }, severity: 'veto', source: 'src', params: {} },
  ],
}

type FindingOver = Omit<Partial<Finding>, 'message' | 'evidence' | 'expected'> & { message?: string; evidence?: string; expected?: string }

/** Test findings say the same text in both languages, so a cell can be compared with the finding it came from. */
function finding(over: FindingOver): Finding {
  const both = (s: string) => ({ zh: s, en: s })
  const base: Omit<Finding, 'message' | 'evidence' | 'expected'> & { message: string; evidence: string; expected: string } = {
    id: 'f0000000000000001',
    ruleId: 'footer-identifiers',
    status: 'fail',
    severity: 'error',
    section: '网站标识码',
    message: '页脚缺少网站标识码',
    evidence: '页脚未找到“网站标识码”',
    expected: '页脚应标明网站标识码',
    source: '《政府网站发展指引》',
    locator: { css: 'html > body > div.footer', text: '主办单位' },
    ...over,
  }
  return { ...base, message: both(base.message), evidence: both(base.evidence), expected: both(base.expected) }
}

const tricky: Finding[] = [
  finding({}),
  finding({
    id: 'f2',
    ruleId: 'column-freshness',
    status: 'review',
    severity: 'veto',
    section: '通知公告, 政策文件',
    message: '栏目 "通知公告" 超期未更新',
    evidence: '最新条目 2018-03-02，\r\n距审计日 270 天',
    expected: '=HYPERLINK("http://evil.example","点击")',
    source: '+国办秘函〔2019〕19号',
    locator: null,
  }),
  finding({ id: 'f3', status: 'pass', severity: 'warning', section: '-183', evidence: '@SUM(A1)', message: '\tTAB 开头', expected: '\r回车开头' }),
  finding({ id: 'f4', ruleId: 'unknown-rule', status: 'n/a', severity: 'info', evidence: '=1+1\n第二行', message: 'a "quoted", word' }),
]

const report: PageReport = {
  url: 'https://www.example.gov.cn/xxgk/tzgg/t20240305_1.html',
  title: '通知公告, "测试"_某某县人民政府',
  kind: 'article',
  asOf: '2024-06-30',
  findings: tricky,
  notes: [],
}

const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { header: false, newline: '\r\n' })

// What a user sees after the spreadsheet shows the cell: the neutralising quote is the only change.
const unprefix = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s)

describe('reportsToCsv', () => {
  const csv = reportsToCsv([report], [pack])

  it('starts with a UTF-8 BOM and uses CRLF between records', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const outside = csv.replace(/"(?:[^"]|"")*"/g, '')
    expect(outside).toContain('\r\n')
    expect(outside.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('has the Chinese header and one row per finding', () => {
    const { data, errors } = parse(csv)
    expect(errors).toEqual([])
    expect(data[0]).toEqual([...CSV_HEADERS.zh])
    expect(data[0]).toEqual(['审计日期', '页面标题', '页面地址', '规则编号', '规则名称', '结果', '严重程度', '栏目/要素', '问题描述', '发现情况', '要求', '依据', '元素定位', '编号', '处理状态', '忽略理由'])
    expect(data).toHaveLength(1 + tricky.length)
  })

  it('gives back every field unchanged apart from the formula-neutralising quote', () => {
    const rows = parse(csv).data.slice(1)
    rows.forEach((row, i) => {
      const f = tricky[i]
      expect(row.map(unprefix)).toEqual([
        '2024-06-30',
        report.title,
        report.url,
        f.ruleId,
        row[4],
        row[5],
        row[6],
        f.section,
        f.message.zh,
        f.evidence.zh,
        f.expected.zh,
        f.source,
        f.locator?.css ?? '',
        f.id,
        row[14],
        row[15],
      ])
    })
  })

  it('prefixes every formula-like cell with a quote, multi-line ones included, and nothing else', () => {
    const rows = parse(csv).data.slice(1)
    const cells = rows.flat()
    for (const c of cells) {
      if (/^[=+\-@\t\r]/.test(c)) throw new Error(`formula-like cell left as is: ${JSON.stringify(c)}`)
    }
    expect(rows[1][10]).toBe(`'=HYPERLINK("http://evil.example","点击")`)
    expect(rows[1][11]).toBe(`'+国办秘函〔2019〕19号`)
    expect(rows[2][7]).toBe(`'-183`)
    expect(rows[2][9]).toBe(`'@SUM(A1)`)
    expect(rows[2][8]).toBe(`'\tTAB 开头`)
    expect(rows[2][10]).toBe(`'\r回车开头`)
    expect(rows[3][9]).toBe(`'=1+1\n第二行`)
    expect(rows[0][1]).toBe(report.title)
  })

  it('names the rule from the pack, shows status and severity in Chinese, and leaves the locator empty when null', () => {
    const rows = parse(csv).data.slice(1)
    expect(rows.map((r) => [r[4], r[5], r[6]])).toEqual([
      ['网站页脚标识', '不合格', '错误'],
      ['栏目更新', '需复核', '单项否决'],
      ['网站页脚标识', '合格', '警告'],
      ['unknown-rule', '不适用', '提示'],
    ])
    expect(rows[1][12]).toBe('')
    expect(rows[0][12]).toBe('html > body > div.footer')
  })

  it('switches header, rule names and labels to English with lang en', () => {
    const { data } = parse(reportsToCsv([report], [pack], { lang: 'en' }))
    expect(data[0]).toEqual([...CSV_HEADERS.en])
    expect(data[0][0]).toBe('Audit date')
    expect(data.slice(1).map((r) => [r[4], r[5], r[6]])).toEqual([
      ['Footer identifiers', 'Fail', 'Error'],
      ['Column freshness', 'Needs review', 'Veto'],
      ['Footer identifiers', 'Pass', 'Warning'],
      ['unknown-rule', 'N/A', 'Info'],
    ])
  })

  it('writes rows for several pages in order, and only the header when there are no findings', () => {
    const other: PageReport = { ...report, url: null, title: '第二页', findings: [finding({ id: 'x' })] }
    const rows = parse(reportsToCsv([report, other], [pack])).data
    expect(rows).toHaveLength(1 + tricky.length + 1)
    expect(rows.at(-1)?.slice(0, 3)).toEqual(['2024-06-30', '第二页', ''])
    const empty = reportsToCsv([{ ...report, findings: [] }], [pack])
    expect(parse(empty).data).toEqual([[...CSV_HEADERS.zh]])
  })
})

describe('reportsToCsv: dismissals', () => {
  const at = '2026-11-28T08:00:00.000Z'
  const findings: Finding[] = [
    finding({ id: 'd1', dismissed: { reason: '该栏目已于2024年撤销，页面保留为历史存档', at } }),
    finding({ id: 'd2', status: 'review', dismissed: { reason: '=HYPERLINK("http://evil.example")', at } }),
    finding({ id: 'o1' }),
    finding({ id: 'o2', status: 'review' }),
    finding({ id: 'p1', status: 'pass', dismissed: { reason: '不应出现', at } }),
    finding({ id: 'n1', status: 'n/a' }),
  ]
  const rows = (lang: 'zh' | 'en') => parse(reportsToCsv([{ ...report, findings }], [pack], { lang })).data.slice(1)

  it('says 已忽略 with the reason for dismissed problems, 未处理 for open ones, nothing for passes and n/a', () => {
    expect(rows('zh').map((r) => [r[13], r[14], r[15]])).toEqual([
      ['d1', '已忽略', '该栏目已于2024年撤销，页面保留为历史存档'],
      ['d2', '已忽略', `'=HYPERLINK("http://evil.example")`],
      ['o1', '未处理', ''],
      ['o2', '未处理', ''],
      ['p1', '', ''],
      ['n1', '', ''],
    ])
  })

  it('keeps the result column as the engine found it', () => {
    expect(rows('zh').map((r) => r[5])).toEqual(['不合格', '需复核', '不合格', '需复核', '合格', '不适用'])
  })

  it('words the handling in English with lang en', () => {
    expect(rows('en').map((r) => r[14])).toEqual(['Dismissed', 'Dismissed', 'Open', 'Open', '', ''])
  })
})

describe('csvFileName', () => {
  it('stamps the file with Beijing time, whatever the machine zone', () => {
    // 2024-12-31 17:05 UTC is already 2025-01-01 01:05 in Beijing.
    expect(csvFileName('www.example.gov.cn', new Date(Date.UTC(2024, 11, 31, 17, 5)))).toBe('政务公开巡检_www.example.gov.cn_20250101-0105.csv')
    expect(csvFileName('example.gov.cn', new Date('2024-03-05T09:30:00+08:00'))).toBe('政务公开巡检_example.gov.cn_20240305-0930.csv')
  })

  it('keeps the name legal on Windows when the host has a port or is empty', () => {
    const name = csvFileName('127.0.0.1:8080', new Date('2024-03-05T09:30:00+08:00'))
    expect(name).toBe('政务公开巡检_127.0.0.1_8080_20240305-0930.csv')
    expect(csvFileName('', new Date('2024-03-05T09:30:00+08:00'))).toBe('政务公开巡检_page_20240305-0930.csv')
  })
})
