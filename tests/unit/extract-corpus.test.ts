// What a careful auditor sees on the real pages of ../shared/corpus/real (see its MANIFEST.md).
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { load } from 'cheerio/slim'
import { describe, expect, it } from 'vitest'
import { extractFooter } from '../../src/engine/extract/footer.ts'
import { extractMetadata } from '../../src/engine/extract/metadata.ts'
import { extractStructure } from '../../src/engine/extract/structure.ts'
import type { ExtractContext } from '../../src/engine/types.ts'

const repoRoot = resolve(import.meta.dirname, '../..')
const dir = resolve(repoRoot, '../shared/corpus/real')

function extract(name: string) {
  const $ = load(readFileSync(resolve(dir, name), 'utf8'))
  const ctx: ExtractContext = { url: null, asOf: '2026-12-31', notes: [] }
  return {
    structure: extractStructure($, ctx),
    ...extractMetadata($, ctx),
    footer: extractFooter($, ctx),
    notes: ctx.notes,
  }
}

const SIX_PARTS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、', '五、', '六、其他需要报告的事项']

describe.skipIf(!existsSync(dir))('extraction over the real corpus', () => {
  it('wanzai 2022: 索 引 号 and 生成日期 in the strip, no 发文字号/发布机构, PubDate meta kept apart', () => {
    const p = extract('detail-tjgb2022-wanzai.html')
    const f = p.metadata!.fields
    expect(f.indexNo?.value).toBe('014742224A/2023-0043406')
    expect(f.indexNo?.locator.text).toContain('索 引 号')
    expect(f.writtenDate).toMatchObject({ label: '生成日期', value: '2023-05-11' })
    expect(f.docNumber).toBeUndefined()
    expect(f.publisher).toBeUndefined()
    expect(p.metadata!.raw.find((r) => r.label === '责任部门')?.value).toBe('万载县统计局')
    expect(p.structure.meta.PubDate).toBe('2023-08-16 10:33:59')
    expect(p.visibleDate?.iso).not.toBe('2023-08-16')
    expect(p.structure.breadcrumb.slice(0, 5)).toEqual(['首页', '政务公开', '部门信息公开目录', '统计局', '法定主动公开内容'])
    expect(p.footer?.siteIdCode?.value).toBe('3609220011')
    expect(p.footer?.police?.value).toBe('赣公网安备 36092202000105号')
  })

  it('yichun: 发文日期 is the written date, 发布机构 read, 政府网站标识码 in the footer', () => {
    const p = extract('detail-tjgb2022-yichun.html')
    const f = p.metadata!.fields
    expect(f.indexNo?.value).toBe('014717475N/2023-0040295')
    expect(f.writtenDate).toMatchObject({ label: '发文日期', value: '2023-04-18' })
    expect(f.publisher?.value).toBe('宜春市统计局')
    expect(f.docNumber).toBeUndefined()
    expect(p.footer?.siteIdCode?.value).toBe('3609000002')
    expect(p.footer?.siteIdCode?.locator.text).toContain('政府网站标识码')
    expect(p.footer?.icp?.value).toBe('赣ICP备06000141号')
    expect(p.footer?.sponsor?.value).toBe('宜春市人民政府')
    expect(p.footer?.conac?.value).toContain('bszs.conac.cn')
  })

  it('jiangxi on yichun: the bulletin 落款 date in the body is not taken as the publication date', () => {
    const p = extract('detail-tjgb2022-jiangxi-on-yichun.html')
    expect(p.metadata!.fields.publisher?.value).toBe('宜春市统计局')
    expect(p.visibleDate?.iso).not.toBe('2023-03-28')
  })

  it('gongbao on gov.cn: colon-less bm code, no box, the page-generation time is never a date', () => {
    const p = extract('detail-gongbao-govcn.html')
    expect(p.footer?.siteIdCode?.value).toBe('bm01000001')
    expect(p.footer?.icp?.value).toBe('京ICP备05070218号')
    expect(p.footer?.police?.value).toBe('京公网安备 11010202000001号')
    expect(p.footer?.conac).not.toBeNull()
    expect(p.metadata).toBeNull()
    expect(p.visibleDate?.iso).not.toBe('2023-10-23')
    expect(p.structure.breadcrumb).toEqual(['首页', '国务院公报', '2007年第23号'])
  })

  it('cmse: only an ICP number (备案序号) in the footer; 发布日期 with an ASCII colon', () => {
    const p = extract('detail-news-cmse.html')
    expect(p.footer?.icp?.value).toBe('京ICP备20027467号-1')
    expect(p.footer?.siteIdCode).toBeNull()
    expect(p.footer?.police).toBeNull()
    expect(p.footer?.conac).toBeNull()
    expect(p.visibleDate?.iso).toBe('2012-06-24')
    expect(p.structure.meta.SiteIDCode).toBeUndefined()
  })

  it.each(['xxgk-home-zwgk-pingtan.html', 'list-xxgknb-pingtan.html'])(
    '%s: 公安备案号 label and a conac link through the IPv6 gateway',
    (name) => {
      const p = extract(name)
      expect(p.footer?.police?.value).toBe('35012899001-19002')
      expect(p.footer?.siteIdCode?.value).toBe('3590000001')
      expect(p.footer?.icp?.value).toBe('闽ICP备09032658号')
      expect(p.footer?.conac?.value).toMatch(/^https:\/\/bszs-conac-cn[^/]*ipv6best\.cn\//)
      expect(p.footer?.sponsor?.value).toBe('福建省平潭综合实验区管理委员会办公室')
      const nav = p.structure.navigation.map((n) => n.name)
      for (const sub of ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报']) {
        expect(nav).toContain(sub)
      }
    },
  )

  it('pingtan 政务公开 home: the 专栏 block is the navigation, not the site menu', () => {
    const p = extract('xxgk-home-zwgk-pingtan.html')
    expect(p.structure.navigation.map((n) => n.name)).toEqual([
      '政府信息公开指南',
      '政府信息公开制度',
      '管委会文件',
      '法定主动公开内容',
      '政府信息公开年报',
      '政府信息公开申请',
    ])
    expect(p.structure.columnName).toBe('政务公开')
  })

  it('pingtan 年报 list: no visible date and no report year for the list itself', () => {
    const p = extract('list-xxgknb-pingtan.html')
    expect(p.visibleDate).toBeNull()
    expect(p.structure.reportYear).toBeNull()
    expect(p.structure.columnName).toBe('政府信息公开年报')
  })

  it('nfra (AngularJS render): box labels present with empty values, 发布时间 read, bm footer code', () => {
    const p = extract('detail-xzcf-nfra-rendered.html')
    const raw = p.metadata!.raw
    for (const label of ['索引号', '主题分类', '办文部门', '发文日期']) {
      expect(raw.find((r) => r.label === label)?.value).toBe('')
    }
    expect(p.metadata!.fields.indexNo?.value).toBe('')
    expect(p.metadata!.fields.title?.value).toContain('浙金罚决字〔2024〕52号')
    expect(p.visibleDate?.iso).toBe('2025-06-03')
    expect(p.footer?.siteIdCode?.value).toBe('bm55000001')
    expect(p.footer?.icp?.value).toBe('京ICP备19014889号')
    expect(p.footer?.police?.value).toBe('京公网安备 11010202008000号')
    expect(p.structure.breadcrumb).toEqual(['首页', '政务信息', '行政处罚', '监管局本级'])
    expect(p.notes.some((n) => n.includes('索引号'))).toBe(true)
  })

  it('kepu: 政府网站标识码 bm code, no 公网安备, bare date line under the title', () => {
    const p = extract('detail-news-kepu.html')
    expect(p.footer?.siteIdCode?.value).toBe('bm06000004')
    expect(p.footer?.icp?.value).toBe('京ICP备05022684号-3')
    expect(p.footer?.police).toBeNull()
    expect(p.visibleDate).toMatchObject({ iso: '2023-12-01', time: '14:43' })
    expect(p.structure.title).toBe('习近平主持召开深入推进长三角一体化发展座谈会')
  })

  it('wanzai 2015: the page says 2017-05-15 while PubDate says 2022', () => {
    const p = extract('detail-tjgb2015-wanzai.html')
    expect(p.visibleDate).toMatchObject({ iso: '2017-05-15', time: '10:49' })
    expect(p.structure.meta.PubDate).toBe('2022-04-24 10:00:43')
    expect(p.metadata).toBeNull()
    expect(p.structure.title).toBe('万载县2015年国民经济和社会发展统计公报')
  })

  it('fgw.zj: empty SiteIDCode meta kept as "", the footer still shows the code', () => {
    const p = extract('detail-touzi-fgw-zj.html')
    expect(p.structure.meta.SiteIDCode).toBe('')
    expect(p.footer?.siteIdCode?.value).toBe('3300000020')
    expect(p.footer?.police?.value).toBe('浙公网安备 33010602009328号')
    expect(p.visibleDate?.iso).toBe('2016-11-22')
    expect(p.structure.breadcrumb).toEqual(['首页', '发展改革工作', '投资管理和项目推进', '投资运行'])
    expect(p.metadata).toBeNull()
  })

  it('shanxi: 时间 label read from text, not from the stale alt attribute', () => {
    const p = extract('detail-news-shanxi.html')
    expect(p.visibleDate?.iso).toBe('2019-09-18')
    expect(p.footer?.siteIdCode?.value).toBe(p.structure.meta.SiteIDCode)
    expect(p.structure.breadcrumb).toEqual(['首页', '要闻', '山西要闻'])
  })

  it.each([
    ['annual-report-2019-shanghai.html', 2019, '2020-01-31'],
    ['annual-report-2020-shanghai-city.html', 2020, '2021-03-30'],
  ])('%s: six parts, report year and 发布日期', (name, year, published) => {
    const p = extract(name)
    const texts = p.structure.headings.map((h) => h.text)
    for (const part of SIX_PARTS) expect(texts.some((t) => t.startsWith(part))).toBe(true)
    expect(p.structure.reportYear).toBe(year)
    expect(p.visibleDate?.iso).toBe(published)
    expect(p.footer).toBeNull()
    expect(p.metadata).toBeNull()
  })

  it('2020 report: the whitespace-led part 三 is a heading', () => {
    const p = extract('annual-report-2020-shanghai-city.html')
    expect(p.structure.headings.map((h) => h.text)).toContain('三、收到和处理政府信息公开申请情况')
    expect(p.structure.mainText).toContain('统计期限从2020年1月1日到12月31日止')
  })

  it('guide: the four sections and their sub-headings, no date', () => {
    const p = extract('guide-shanghai-gov.html')
    const top = p.structure.headings.filter((h) => /^[一二三四]、/.test(h.text)).map((h) => h.text)
    expect(top).toEqual(['一、主动公开', '二、依申请公开', '三、政府信息公开工作机构', '四、监督和救济'])
    expect(p.structure.headings.map((h) => h.text)).toContain('(一)公开范围')
    expect(p.visibleDate).toBeNull()
    expect(p.structure.mainText).toContain('办公时间')
  })
})
