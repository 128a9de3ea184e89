import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { load } from 'cheerio/slim'
import { describe, expect, it } from 'vitest'
import { extractColumns } from '../../src/engine/extract/columns.ts'
import { locatorOf } from '../../src/engine/locator.ts'
import { classifyFreshness, isEmptyMarker } from '../../src/engine/vocabulary.ts'
import type { Column } from '../../src/engine/types.ts'
import { type ExtractionCut, MAX_ENTRIES_PER_COLUMN } from '../../src/engine/limits.ts'

const PAGES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/pages')

function columnsOf(file: string, opts: { url?: string; asOf?: string; columnName?: string | null; encoding?: string } = {}) {
  const bytes = readFileSync(resolve(PAGES, file))
  const html = new TextDecoder(opts.encoding ?? 'utf-8').decode(bytes)
  const $ = load(html)
  const ctx = { url: opts.url ?? 'http://www.example.gov.cn/zwgk/', asOf: opts.asOf ?? '2026-05-20', notes: [] as string[] }
  const columns = extractColumns($, ctx, { columnName: opts.columnName ?? null, breadcrumb: [] })
  return { columns, notes: ctx.notes, $ }
}

const byName = (cols: Column[], name: string): Column => {
  const c = cols.find((x) => x.name === name)
  if (!c) throw new Error(`no column ${name} in ${cols.map((x) => x.name).join(', ')}`)
  return c
}
const dates = (c: Column) => c.entries.map((e) => e.date?.iso ?? null)

describe('portal with blocks, tabs and blank columns', () => {
  const { columns, $ } = columnsOf('portal.html')

  it('finds every content block and nothing from header, footer or 友情链接', () => {
    expect(columns.map((c) => c.name).sort()).toEqual(['人事信息', '工作动态', '政策文件', '规划计划', '通知公告'].sort())
  })

  it('reads a heading block with its dated entries, full titles and resolved links', () => {
    const news = byName(columns, '工作动态')
    expect(news.freshnessClass).toBe('news')
    expect(news.href).toBe('http://www.example.gov.cn/xwzx/gzdt/')
    expect(dates(news)).toEqual(['2026-05-18', '2026-05-12', '2026-04-28'])
    // The link text is cut with "…"; the title attribute holds the whole title.
    expect(news.entries[0].title).toBe('县长主持召开县政府第十二次常务会议研究部署防汛工作')
    expect(news.entries[0].href).toBe('http://www.example.gov.cn/xwzx/gzdt/202605/t20260518_1001.html')
  })

  it('skips the hidden {{…}} template row', () => {
    expect(byName(columns, '工作动态').entries.some((e) => e.title.includes('{{'))).toBe(false)
  })

  it('gives each tab its own panel, matched by order, with the tab as locator', () => {
    const notice = byName(columns, '通知公告')
    const policy = byName(columns, '政策文件')
    expect(notice.via).toBe('tab')
    expect(dates(notice)).toEqual(['2025-11-03', '2025-10-20'])
    expect(dates(policy)).toEqual(['2026-03-01', '2026-01-15', '2025-12-30'])
    expect(policy.href).toBe('http://www.example.gov.cn/zwgk/zcwj/')
    expect(policy.freshnessClass).toBe('notice')
    expect($(policy.locator!.css).text()).toBe('政策文件')
  })

  it('finds the 暂无信息 block and the empty list as blank columns, and tells a printed placeholder from an empty list', () => {
    const personnel = byName(columns, '人事信息')
    expect(personnel.emptyMarker).toBe(true)
    expect(personnel.entries).toEqual([])
    expect(personnel.freshnessClass).toBe('long-term')
    const plans = byName(columns, '规划计划')
    // An empty list may be filled by script after load; only a printed placeholder is a marker.
    expect(plans.emptyMarker).toBe(false)
    expect(plans.entries).toHaveLength(0)
  })

  it('entry locators resolve back to the entry row, with the same fingerprint locatorOf gives', () => {
    for (const c of columns) {
      for (const e of c.entries) {
        const el = $(e.locator.css)
        expect(el.length).toBe(1)
        expect(el.text()).toContain(e.date!.raw)
        expect(locatorOf($, el.get(0)!)).toEqual(e.locator)
      }
    }
  })
})

describe('list layouts', () => {
  it('reads a 大汉 jcms datastore list from its CDATA records', () => {
    const { columns } = columnsOf('jcms-datastore.html', { url: 'http://fgw.example.gov.cn/col/col1599544/index.html' })
    expect(columns).toHaveLength(1)
    const [c] = columns
    expect(c.name).toBe('政务动态')
    expect(c.via).toBe('datastore')
    expect(dates(c)).toEqual(['2026-05-19', '2026-05-08', '2026-04-30'])
    expect(c.entries[0].href).toBe('http://fgw.example.gov.cn/art/2026/5/19/art_1599544_58963214.html')
  })

  it('reads a table list and takes the 发布日期 column, not 成文日期', () => {
    const { columns } = columnsOf('table-list.html', { columnName: '通知公告' })
    expect(columns).toHaveLength(1)
    const [c] = columns
    expect(c.name).toBe('通知公告')
    expect(c.via).toBe('page')
    expect(dates(c)).toEqual(['2026-04-21', '2026-03-10', '2025-12-29'])
    expect(c.entries[2].title).toBe('关于2026年元旦放假安排的通知')
  })

  it('reads a dl with its dt title, ignoring the undated 便民服务 dl', () => {
    const { columns } = columnsOf('dl-list.html')
    expect(columns.map((c) => c.name)).toEqual(['乡镇动态'])
    expect(dates(columns[0])).toEqual(['2026-05-16', '2026-05-09', '2026-04-27'])
    expect(columns[0].href).toBe('http://www.example.gov.cn/xzdt/')
  })

  it('infers the year of [MM-dd] dates across the new year', () => {
    const { columns } = columnsOf('yearless-list.html', { asOf: '2026-01-05', columnName: '图片新闻' })
    expect(columns).toHaveLength(1)
    expect(dates(columns[0])).toEqual(['2026-01-03', '2025-12-30', '2025-12-18', '2025-11-02'])
    expect(columns[0].entries.every((e) => e.date?.yearInferred)).toBe(true)
    expect(columns[0].freshnessClass).toBe('news')
  })

  it('takes no dates from URLs: an undated row stays undated', () => {
    const html = `<html><body><div class="box"><h3>通知公告</h3><ul>
      <li><a href="/tzgg/202605/t20260518_1.html">关于开展防汛演练的通知</a><span>2026-05-18</span></li>
      <li><a href="/tzgg/202605/t20260510_2.html">关于调整办公时间的通知</a></li></ul></div></body></html>`
    const cols = extractColumns(load(html), { url: null, asOf: '2026-05-20', notes: [] }, { columnName: null, breadcrumb: [] })
    expect(dates(byName(cols, '通知公告'))).toEqual(['2026-05-18', null])
  })

  it('yields no column for a page of navigation, link lists and pagination only', () => {
    const { columns } = columnsOf('nav-only.html')
    expect(columns).toEqual([])
  })

  it('reads a GBK-encoded list page once decoded', () => {
    const bytes = readFileSync(resolve(PAGES, 'gbk-list.html'))
    // The fixture really is GBK: its UTF-8 reading is mojibake.
    expect(new TextDecoder('utf-8').decode(bytes)).not.toContain('政策解读')
    const { columns } = columnsOf('gbk-list.html', { encoding: 'gbk', columnName: '政策解读' })
    expect(columns).toHaveLength(1)
    expect(columns[0].name).toBe('政策解读')
    expect(dates(columns[0])).toEqual(['2026-04-18', '2026-03-07', '2025-12-15'])
    expect(columns[0].entries[1].title).toBe('一图读懂《示范市优化营商环境若干措施》')
  })
})

describe('vocabulary', () => {
  it.each([
    ['工作动态', 'news'],
    ['政务要闻', 'news'],
    ['图片新闻', 'news'],
    ['通知公告', 'notice'],
    ['政策文件', 'notice'],
    ['公示公告', 'notice'],
    ['人事任免', 'long-term'],
    ['中长期发展规划', 'long-term'],
    ['规划计划', 'long-term'],
    ['人事任免通知', 'long-term'],
    ['机构职能', 'other'],
  ] as const)('%s → %s', (name, cls) => {
    expect(classifyFreshness(name)).toBe(cls)
  })

  it('recognises placeholders but not titles that merely contain the words', () => {
    expect(isEmptyMarker(' 暂无信息！ ')).toBe(true)
    expect(isEmptyMarker('正在建设中...')).toBe(true)
    expect(isEmptyMarker('关于暂无信息公开申请的说明')).toBe(false)
  })
})

describe('speed', () => {
  it(`handles a 20,000-row list in one pass, reading its first ${MAX_ENTRIES_PER_COLUMN} entries and saying it was cut`, () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `<li><a href="/t${i}.htm">第${i}号通知</a><span>2026-05-${String((i % 28) + 1).padStart(2, '0')}</span></li>`)
    const $ = load(`<html><body><div class="lb"><h2>通知公告</h2><ul>${rows.join('')}</ul></div></body></html>`)
    const ctx = { url: null, asOf: '2026-05-30', notes: [] as string[], cuts: [] as ExtractionCut[] }
    const cols = extractColumns($, ctx, { columnName: null, breadcrumb: [] })
    expect(cols[0].entries).toHaveLength(MAX_ENTRIES_PER_COLUMN)
    expect(cols[0].rowsBeyondCap).toBe(20000)
    expect(ctx.cuts).toEqual([{ what: 'entries', column: '通知公告', limit: MAX_ENTRIES_PER_COLUMN, rows: 20000 }])
    expect(cols[0].entries[MAX_ENTRIES_PER_COLUMN - 1].locator.css).toMatch(new RegExp(`li:nth-of-type\\(${MAX_ENTRIES_PER_COLUMN}\\)$`))
    expect(cols[0].entries[4321].locator).toEqual({
      css: 'html > body > div > ul > li:nth-of-type(4322)',
      text: '第4321号通知2026-05-10',
    })
  })
})
