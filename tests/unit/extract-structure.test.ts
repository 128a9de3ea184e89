import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { load } from 'cheerio/slim'
import { describe, expect, it } from 'vitest'
import { extractStructure, stripSiteSuffix } from '../../src/engine/extract/structure.ts'
import { extractMetadata } from '../../src/engine/extract/metadata.ts'
import { extractFooter } from '../../src/engine/extract/footer.ts'
import type { ExtractContext } from '../../src/engine/types.ts'

const fixtures = resolve(import.meta.dirname, '../fixtures/extract')
const ctx = (): ExtractContext => ({ url: null, asOf: '2025-06-30', notes: [] })
const page = (name: string) => load(readFileSync(resolve(fixtures, name), 'utf8'))

describe('extractStructure: GBK annual report', () => {
  const bytes = readFileSync(resolve(fixtures, 'report-gbk.html'))
  const html = new TextDecoder('gbk').decode(bytes)
  const $ = load(html)
  const s = extractStructure($, ctx())

  it('is really GBK on disk', () => {
    expect(new TextDecoder('utf-8').decode(bytes)).not.toContain('政府信息公开')
    expect(html).toContain('政府信息公开工作年度报告')
  })

  it('reads metas, the title without the site suffix and the » breadcrumb', () => {
    expect(s.meta.SiteIDCode).toBe('3609000099')
    expect(s.title).toBe('某某区2021年政府信息公开工作年度报告')
    expect(s.breadcrumb).toEqual(['首页', '政务公开', '政府信息公开', '政府信息公开年报'])
    expect(s.columnName).toBe('政府信息公开年报')
    expect(s.reportYear).toBe(2021)
  })

  it('finds the six parts however the heading paragraph starts, but not table row labels', () => {
    const texts = s.headings.map((h) => h.text)
    for (const part of [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]) {
      expect(texts).toContain(part)
    }
    expect(texts).toContain('（一）主动公开')
    expect(texts).not.toContain('一、本年新收政府信息公开申请数量')
    expect(texts).not.toContain('（七）总计')
    expect(s.headings.find((h) => h.text.startsWith('四、'))?.level).toBe(3)
    expect(s.headings.find((h) => h.text.startsWith('二、'))?.level).toBe(7)
  })

  it('lists the 信息公开 sub-column navigation, joining names split by <br>', () => {
    const names = s.navigation.map((n) => n.name)
    expect(names).toEqual(['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报', '依申请公开'])
    expect(s.navigation[0].href).toBe('/zwgk/xxgk/zn/')
    expect(s.navigation[4].href).toBeNull()
  })

  it('takes the main text from the article, without header or footer', () => {
    expect(s.mainText).toContain('统计期限自2021年1月1日')
    expect(s.mainText).not.toContain('星期五')
    expect(s.mainText).not.toContain('赣ICP备')
  })

  it('reads the labelled 发布日期 under the title, not the header date', () => {
    expect(extractMetadata($, ctx()).visibleDate?.iso).toBe('2022-01-27')
    expect(extractFooter($, ctx())?.siteIdCode?.value).toBe('3609000099')
  })
})

describe('extractStructure: breadcrumbs', () => {
  const $ = page('breadcrumb-variants.html')
  const crumbOf = (id: string) => extractStructure(load(`<body>${$.html(`#${id}`)}</body>`), ctx()).breadcrumb

  it('skips a hidden location block and reads a table crumb with &gt; separators', () => {
    expect(extractStructure($, ctx()).breadcrumb).toEqual(['首页', '发展改革工作', '投资运行'])
  })

  it('splits plain-text crumbs on / and ›', () => {
    expect(crumbOf('crumb-b')).toEqual(['首页', '政务公开', '规划计划'])
    expect(crumbOf('crumb-c')).toEqual(['首页', '政务公开', '人事信息'])
  })

  it('reads a span crumb ending with a separator and takes the column from its last item', () => {
    const s = extractStructure(page('news-bare-date.html'), ctx())
    expect(s.breadcrumb).toEqual(['中国某某网', '时政新闻'])
    expect(s.columnName).toBe('时政新闻')
    expect(s.title).toBe('科学家解读新发现')
    expect(s.reportYear).toBeNull()
  })

  it('prefers <meta name="ColumnName"> and ArticleTitle', () => {
    const s = extractStructure(page('metadata-table.html'), ctx())
    expect(s.columnName).toBe('政策文件')
    expect(s.title).toBe('国务院办公厅关于印发政府网站发展指引的通知')
    expect(s.meta.PubDate).toBe('2017-06-08 15:20')
  })
})

describe('stripSiteSuffix', () => {
  it('drops the site name on either side and keeps hyphens inside the title', () => {
    expect(stripSiteSuffix('宜春市2022年国民经济和社会发展统计公报 | 中国宜春')).toBe('宜春市2022年国民经济和社会发展统计公报')
    expect(stripSiteSuffix('万载县人民政府 | 万载县2015年国民经济和社会发展统计公报')).toBe('万载县2015年国民经济和社会发展统计公报')
    expect(stripSiteSuffix('决议__2007年第23号国务院公报_中国政府网')).toBe('2007年第23号国务院公报')
    expect(stripSiteSuffix('习近平主持召开座谈会-中国科普网')).toBe('习近平主持召开座谈会')
    expect(stripSiteSuffix('1-10月德清县固定资产投资结构趋稳趋优')).toBe('1-10月德清县固定资产投资结构趋稳趋优')
  })
})

describe('extractStructure: report year from the statistics period', () => {
  it('reads 统计期限从2019年1月1日 when the title has no year', () => {
    const $ = load('<body><div class="article"><p>本年度报告中所列数据统计期限从2019年1月1日到12月31日止。本报告电子版可下载。</p></div></body>')
    expect(extractStructure($, ctx()).reportYear).toBe(2019)
  })
})
