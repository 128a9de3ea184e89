import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { load } from 'cheerio/slim'
import { describe, expect, it } from 'vitest'
import { extractMetadata } from '../../src/engine/extract/metadata.ts'
import { DEFAULT_METADATA_SYNONYMS, canonicalKey, normalizeLabel } from '../../src/engine/extract/labels.ts'
import type { ExtractContext } from '../../src/engine/types.ts'

const fixtures = resolve(import.meta.dirname, '../fixtures/extract')
const ctx = (): ExtractContext => ({ url: null, asOf: '2025-06-30', notes: [] })
const page = (name: string) => load(readFileSync(resolve(fixtures, name), 'utf8'))

describe('label normalisation', () => {
  it('removes spaces of every kind, brackets and trailing colons', () => {
    expect(normalizeLabel('索 引 号：')).toBe('索引号')
    expect(normalizeLabel('标\u2003\u2003题:')).toBe('标题')
    expect(normalizeLabel('文\u3000\u3000号')).toBe('文号')
    expect(normalizeLabel('【发布机构】')).toBe('发布机构')
  })

  it('maps synonyms onto canonical keys and leaves 办文部门 unmapped', () => {
    expect(canonicalKey('发文机关')).toBe('publisher')
    expect(canonicalKey('发布文号')).toBe('docNumber')
    expect(canonicalKey('生成日期')).toBe('writtenDate')
    expect(canonicalKey('发文日期')).toBe('writtenDate')
    expect(canonicalKey('发布时间')).toBe('publishDate')
    expect(canonicalKey('信息名称')).toBe('title')
    expect(canonicalKey('办文部门')).toBeNull()
    expect(canonicalKey('责任部门')).toBeNull()
  })
})

describe('extractMetadata: table box', () => {
  const c = ctx()
  const { metadata, visibleDate } = extractMetadata(page('metadata-table.html'), c)

  it('reads every field of a label-cell / value-cell table with &nbsp;/&emsp; inside labels', () => {
    expect(metadata).not.toBeNull()
    const f = metadata!.fields
    expect(f.indexNo?.value).toBe('000014349/2017-00110')
    expect(f.indexNo?.label).toBe('索引号')
    expect(f.publisher?.value).toBe('国务院办公厅')
    expect(f.publisher?.label).toBe('发文机关')
    expect(f.docNumber?.value).toBe('国办发〔2017〕47号')
    expect(f.writtenDate?.value).toBe('2017年05月15日')
    expect(f.title?.value).toBe('国务院办公厅关于印发政府网站发展指引的通知')
    expect(f.topic?.value).toBe('综合政务\\电子政务')
  })

  it('keeps a label whose value cell is empty, with value ""', () => {
    expect(metadata!.fields.validity).toMatchObject({ label: '有效性', value: '' })
    expect(c.notes.join()).toContain('有效性')
  })

  it('keeps unmapped labels (ASCII colon) in raw, in page order', () => {
    const labels = metadata!.raw.map((r) => r.label)
    expect(labels).toEqual(['索引号', '主题分类', '发文机关', '成文日期', '标题', '发文字号', '发布日期', '有效性', '办文部门'])
    expect(metadata!.raw.find((r) => r.label === '办文部门')?.value).toBe('市政府办公室')
  })

  it('locates the box and each field', () => {
    expect(metadata!.locator?.css).toMatch(/table/)
    expect(metadata!.fields.indexNo?.locator.text).toContain('000014349/2017-00110')
  })

  it('takes the box 发布日期 when the head prints none, never a 时间 from the body or the header date', () => {
    expect(visibleDate?.iso).toBe('2017-06-08')
  })
})

describe('extractMetadata: other layouts', () => {
  it('splits several label：value pairs in one paragraph (full-width and ASCII colons, &emsp;)', () => {
    const { metadata, visibleDate } = extractMetadata(page('metadata-inline.html'), ctx())
    const f = metadata!.fields
    expect(f.indexNo?.value).toBe('11330000002482162Q/2020-123456')
    expect(f.publisher?.value).toBe('某省人民政府办公厅')
    expect(f.docNumber?.value).toBe('某政办发〔2020〕12号')
    expect(f.writtenDate?.value).toBe('2020-03-01')
    expect(f.validity?.value).toBe('有效')
    expect(f.keywords?.value).toBe('农业 生产')
    // 发布时间 in the article head, outside the box.
    expect(visibleDate).toMatchObject({ iso: '2020-03-05', time: '10:21' })
  })

  it('reads colon-less th/td tables, including labels it does not know, and multi-paragraph values', () => {
    const { metadata } = extractMetadata(page('metadata-colonless.html'), ctx())
    expect(metadata!.raw.map((r) => [r.label, r.value])).toEqual([
      ['索引号', '113401000000000001/2023-00042'],
      ['公开方式', '主动公开'],
      ['发布机构', '某区财政局'],
      ['生成日期', '2023-02-10'],
      ['名称', '某区2023年部门预算公开'],
      ['内容概述', '部门预算说明。 预算表格。'],
    ])
    expect(metadata!.fields.writtenDate?.value).toBe('2023-02-10')
  })

  it('keeps labels of a script-filled box with empty values and does not borrow the next block as a value', () => {
    const c = ctx()
    const { metadata, visibleDate } = extractMetadata(page('metadata-empty-values.html'), c)
    expect(metadata!.raw.map((r) => r.label)).toEqual(['索引号', '主题分类', '办文部门', '发文日期', '公文名称', '文号'])
    expect(metadata!.fields.indexNo?.value).toBe('')
    expect(metadata!.fields.writtenDate?.value).toBe('')
    expect(metadata!.fields.docNumber?.value).toBe('')
    expect(metadata!.fields.title?.value).toBe('某局行政处罚信息公开表（某罚决字〔2024〕52号）')
    expect(c.notes.some((n) => n.includes('索引号'))).toBe(true)
    expect(visibleDate?.iso).toBe('2025-06-03')
  })

  it('returns null when the page has no box', () => {
    const { metadata } = extractMetadata(page('news-bare-date.html'), ctx())
    expect(metadata).toBeNull()
  })

  it('re-maps labels through a pack synonym table', () => {
    const synonyms = { ...DEFAULT_METADATA_SYNONYMS, publisher: [...DEFAULT_METADATA_SYNONYMS.publisher, '办文部门'] }
    const { metadata } = extractMetadata(page('metadata-empty-values.html'), ctx(), { synonyms })
    expect(metadata!.fields.publisher?.label).toBe('办文部门')
  })
})

describe('extractMetadata: visible date', () => {
  it('reads a bare date line under the title, not the header date, the body 落款 or a related-list date', () => {
    const { visibleDate } = extractMetadata(page('news-bare-date.html'), ctx())
    expect(visibleDate).toMatchObject({ iso: '2023-12-01', time: '14:43' })
    expect(visibleDate?.locator?.text).toBe('2023-12-01 14:43')
  })

  it('ignores <meta name="others"> page-generation times and PubDate metas', () => {
    const $ = load(
      '<html><head><meta name="others" content="页面生成时间 2023-10-23 11:23:36"><meta name="PubDate" content="2022-04-24 10:00"></head>' +
        '<body><div class="article"><p>正文没有日期。正文没有日期。正文没有日期。正文没有日期。</p></div></body></html>',
    )
    expect(extractMetadata($, ctx()).visibleDate).toBeNull()
  })

  it('does not read 成文日期 / 办公时间 as the publication date', () => {
    const $ = load('<body><p>成文日期：2020-01-02</p><p>办公时间：2020-01-03</p><p>日期：2020-01-04</p></body>')
    expect(extractMetadata($, ctx()).visibleDate?.iso).toBe('2020-01-04')
  })
})
