import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildPageModel } from '../../src/engine/page-model.ts'
import type { Column, PageModel } from '../../src/engine/types.ts'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const dir = resolve(repoRoot, '../shared/corpus/real')
const AS_OF = '2026-11-27'

const models = new Map<string, PageModel>()
function model(file: string, url: string | null = null): PageModel {
  const key = `${file} ${url}`
  let m = models.get(key)
  if (!m) {
    m = buildPageModel(readFileSync(resolve(dir, file), 'utf8'), { url, asOf: AS_OF })
    models.set(key, m)
  }
  return m
}

function column(m: PageModel, name: string): Column {
  const c = m.columns.find((x) => x.name === name)
  if (!c) throw new Error(`no column ${name}; found ${m.columns.map((x) => x.name).join(', ')}`)
  return c
}
const isoDates = (c: Column) => c.entries.map((e) => e.date?.iso).filter((d): d is string => !!d)
const latest = (c: Column) => [...isoDates(c)].sort().at(-1)
const oldest = (c: Column) => [...isoDates(c)].sort()[0]

describe.skipIf(!existsSync(dir))('page model over the real corpus', () => {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')) : []

  it.each(files)('%s builds without error', (file) => {
    const m = model(file)
    expect(m.kind).toMatch(/^(portal|list|article|guide|annual-report|directory|other)$/)
    expect(Array.isArray(m.columns)).toBe(true)
  })

  describe('xxgk-home-zwgk-pingtan (政务公开 landing page)', () => {
    const file = 'xxgk-home-zwgk-pingtan.html'
    const url = 'https://www.pingtan.gov.cn/zwgk/'

    it('is a portal (or directory)', () => {
      expect(['portal', 'directory']).toContain(model(file, url).kind)
    })

    it('finds the five dated blocks with their latest dates', () => {
      const m = model(file, url)
      expect(latest(column(m, '最新文件'))).toBe('2026-06-05')
      expect(oldest(column(m, '最新文件'))).toBe('2026-02-02')
      expect(latest(column(m, '公示公告'))).toBe('2026-09-10')
      expect(latest(column(m, '中长期发展规划'))).toBe('2026-01-30')
      expect(latest(column(m, '统计信息'))).toBe('2026-08-25')
    })

    it('takes the displayed date, not the later date in the first item URL', () => {
      const first = column(model(file, url), '最新文件').entries[0]
      expect(first.href).toContain('t20260622_107452')
      expect(first.date?.iso).toBe('2026-06-05')
    })

    it('finds the newest 人事任免 date even though the list is not sorted', () => {
      const c = column(model(file, url), '人事任免')
      expect(isoDates(c)).toEqual(['2025-08-05', '2025-08-05', '2025-08-05', '2025-05-07', '2025-06-27', '2025-05-12'])
      expect(latest(c)).toBe('2025-08-05')
      expect(c.freshnessClass).toBe('long-term')
    })

    it('shows the URL date and the displayed date apart in 中长期发展规划', () => {
      const c = column(model(file, url), '中长期发展规划')
      const e = c.entries.find((x) => x.href?.includes('t20231214'))
      expect(e?.date?.iso).toBe('2022-11-13')
    })

    it('classes the columns by name and resolves their links', () => {
      const m = model(file, url)
      expect(column(m, '公示公告').freshnessClass).toBe('notice')
      expect(column(m, '公示公告').href).toBe('https://www.pingtan.gov.cn/zwgk/gsgg/')
      expect(column(m, '最新文件').href).toBe('https://www.pingtan.gov.cn/zwgk/zxwj/')
    })

    it('does not turn the 政府信息公开专栏 menu, header or footer into dated columns', () => {
      const names = model(file, url).columns.map((c) => c.name)
      expect(names).not.toContain('政府信息公开专栏')
      expect(names.sort()).toEqual(['中长期发展规划', '人事任免', '公示公告', '最新文件', '统计信息'].sort())
    })
  })

  describe('list-xxgknb-pingtan (政府信息公开年报 list)', () => {
    const file = 'list-xxgknb-pingtan.html'

    it('is a list with one column of 10 dated entries; the template row is not counted', () => {
      const m = model(file, 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/')
      expect(m.kind).toBe('list')
      expect(m.columns).toHaveLength(1)
      const c = m.columns[0]
      expect(c.name).toBe('政府信息公开年报')
      expect(c.entries).toHaveLength(10)
      expect(c.entries.every((e) => e.date !== null && e.href?.startsWith('https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/'))).toBe(true)
      expect(latest(c)).toBe('2026-03-10')
      expect(oldest(c)).toBe('2017-01-18')
      expect(c.entries[0].title).toBe('平潭综合实验区2025年度政府信息公开工作年度报告')
    })
  })

  describe('articles', () => {
    const articles = [
      'detail-tjgb2022-wanzai.html',
      'detail-tjgb2015-wanzai.html',
      'detail-tjgb2022-yichun.html',
      'detail-tjgb2022-jiangxi-on-yichun.html',
      'detail-touzi-fgw-zj.html',
      'detail-gongbao-govcn.html',
      'detail-news-shanxi.html',
      'detail-news-cmse.html',
      'detail-news-kepu.html',
      'detail-xzcf-nfra-rendered.html',
    ]
    it.each(articles)('%s is an article with no columns from its nav, header or footer', (file) => {
      const m = model(file)
      expect(m.kind).toBe('article')
      expect(m.columns).toEqual([])
    })
  })

  it.each(['annual-report-2019-shanghai.html', 'annual-report-2020-shanghai-city.html'])('%s is an annual report', (file) => {
    expect(model(file).kind).toBe('annual-report')
  })

  it('the 上海 guide is a guide', () => {
    expect(model('guide-shanghai-gov.html').kind).toBe('guide')
  })
})
