// Caps on what one page's extraction reads (src/engine/limits.ts): a list longer than the entry cap, a main text
// longer than the text cap, attribute values longer than the attribute cap. A page that reaches one is judged on the
// part read, and exactly one `review` finding of `extraction-limits` says what was cut; a page within the caps gets
// a `pass` from the same rule and loses nothing.
import { describe, expect, it } from 'vitest'
import { audit } from '../../src/engine/audit.ts'
import { buildPageModel } from '../../src/engine/page-model.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import { MAX_ATTRIBUTE_CHARS, MAX_ENTRIES_PER_COLUMN, MAX_MAIN_TEXT_CHARS } from '../../src/engine/limits.ts'
import type { PageReport } from '../../src/engine/types.ts'

const ASOF = '2026-11-27'
const packs = [nationalPack()]

function listPage(n: number, name = '通知公告'): string {
  const rows: string[] = []
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0')
    rows.push(`<li><a href="/tzgg/t202611${day}_${i}.html">关于做好第${i}项工作的通知</a><span>2026-11-${day}</span></li>`)
  }
  return `<html><head><title>${name}</title><meta name="ColumnName" content="${name}"></head><body>
<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; ${name}</div>
<div class="list"><ul>${rows.join('')}</ul></div></body></html>`
}

const limitFindings = (r: PageReport) => r.findings.filter((f) => f.ruleId === 'extraction-limits')

describe('entries per column', () => {
  it(`a list of ${MAX_ENTRIES_PER_COLUMN + 500} rows keeps the first ${MAX_ENTRIES_PER_COLUMN} entries and says so in one review finding`, () => {
    const html = listPage(MAX_ENTRIES_PER_COLUMN + 500)
    const model = buildPageModel(html, { url: 'https://www.example.gov.cn/tzgg/', asOf: ASOF })
    const column = model.columns.find((c) => c.name === '通知公告')!
    expect(column.entries).toHaveLength(MAX_ENTRIES_PER_COLUMN)
    expect(column.entries.at(-1)!.title).toBe(`关于做好第${MAX_ENTRIES_PER_COLUMN - 1}项工作的通知`)
    expect(model.cuts).toEqual([{ what: 'entries', column: '通知公告', limit: MAX_ENTRIES_PER_COLUMN, rows: MAX_ENTRIES_PER_COLUMN + 500 }])

    const found = limitFindings(audit(html, { url: 'https://www.example.gov.cn/tzgg/', packs, asOf: ASOF }))
    expect(found).toHaveLength(1)
    expect(found[0].status).toBe('review')
    expect(found[0].evidence.zh).toBe(`栏目“通知公告”（共 ${MAX_ENTRIES_PER_COLUMN + 500} 行）条目超过 ${MAX_ENTRIES_PER_COLUMN} 条，仅检查前 ${MAX_ENTRIES_PER_COLUMN} 条`)
    expect(found[0].source).toContain('读取上限')
    expect(found[0].data).toMatchObject({ cut: true, columnsCut: ['通知公告'], columnRows: [MAX_ENTRIES_PER_COLUMN + 500] })
  })

  it(`a list of exactly ${MAX_ENTRIES_PER_COLUMN} entries is read whole: the rule passes`, () => {
    const html = listPage(MAX_ENTRIES_PER_COLUMN)
    const model = buildPageModel(html, { url: 'https://www.example.gov.cn/tzgg/', asOf: ASOF })
    expect(model.columns.find((c) => c.name === '通知公告')!.entries).toHaveLength(MAX_ENTRIES_PER_COLUMN)
    expect(model.cuts).toEqual([])
    const found = limitFindings(audit(html, { url: 'https://www.example.gov.cn/tzgg/', packs, asOf: ASOF }))
    expect(found.map((f) => f.status)).toEqual(['pass'])
    expect(found[0].message.zh).toBe('页面已完整读取，未超出读取上限')
  })
})

describe('main text', () => {
  it(`a guide of more than ${MAX_MAIN_TEXT_CHARS} characters is read up to the cap, with one review finding`, () => {
    const body = '本机关政府信息公开工作按照条例规定开展。'.repeat(Math.ceil((MAX_MAIN_TEXT_CHARS + 20_000) / 19))
    const html = `<html><head><title>政府信息公开指南</title></head><body><div class="article"><h1>政府信息公开指南</h1><p>${body}</p></div></body></html>`
    const model = buildPageModel(html, { url: 'https://www.example.gov.cn/zwgk/zn/', asOf: ASOF })
    expect(model.mainText.length).toBe(MAX_MAIN_TEXT_CHARS)
    const cut = model.cuts!.find((c) => c.what === 'text')!
    expect(cut.what === 'text' && cut.chars).toBeGreaterThan(MAX_MAIN_TEXT_CHARS)
    const found = limitFindings(audit(html, { url: 'https://www.example.gov.cn/zwgk/zn/', packs, asOf: ASOF }))
    expect(found).toHaveLength(1)
    expect(found[0].status).toBe('review')
    expect(found[0].evidence.zh).toMatch(new RegExp(`^页面文本超过 ${MAX_MAIN_TEXT_CHARS} 字（共 \\d+ 字），超出部分未检查$`))
  })
})

describe('attributes', () => {
  it('an href longer than the cap is cut and reported; the entry keeps the head of its link', () => {
    const long = `/tzgg/a.html?q=${'x'.repeat(MAX_ATTRIBUTE_CHARS)}`
    const html = `<html><head><title>通知公告</title></head><body><h2>通知公告</h2><ul>
<li><a href="${long}">关于甲的通知</a><span>2026-11-20</span></li><li><a href="/tzgg/b.html">关于乙的通知</a><span>2026-11-19</span></li></ul></body></html>`
    const model = buildPageModel(html, { url: 'https://www.example.gov.cn/tzgg/', asOf: ASOF })
    expect(model.cuts).toEqual([{ what: 'attributes', limit: MAX_ATTRIBUTE_CHARS, count: 1, names: ['href'] }])
    const entry = model.columns.flatMap((c) => c.entries).find((e) => e.title === '关于甲的通知')!
    expect(entry.href!.length).toBeLessThanOrEqual(MAX_ATTRIBUTE_CHARS + 'https://www.example.gov.cn'.length)
    const found = limitFindings(audit(html, { url: 'https://www.example.gov.cn/tzgg/', packs, asOf: ASOF }))
    expect(found.map((f) => [f.status, f.evidence.zh])).toEqual([['review', `1 个属性值（href）超过 ${MAX_ATTRIBUTE_CHARS} 字符，超出部分未检查`]])
  })

  it('a large inline image is cut without a finding: the audit reads nothing from it', () => {
    const img = `<img src="data:image/png;base64,${'A'.repeat(200_000)}" style="${'color:red;'.repeat(1000)}">`
    const html = `<html><head><title>通知公告</title></head><body>${img}<p>正文</p></body></html>`
    const model = buildPageModel(html, { url: 'https://www.example.gov.cn/a.html', asOf: ASOF })
    expect(model.cuts).toEqual([])
    expect(model.notes.join('\n')).toContain(`2 attribute values (styles, inline images) longer than ${MAX_ATTRIBUTE_CHARS} characters cut`)
    expect(limitFindings(audit(html, { url: 'https://www.example.gov.cn/a.html', packs, asOf: ASOF })).map((f) => f.status)).toEqual(['pass'])
  })
})

describe('several cuts on one page', () => {
  it('give one finding that names each of them', () => {
    const list = listPage(MAX_ENTRIES_PER_COLUMN + 1).replace('</body>', `<p title="${'长'.repeat(MAX_ATTRIBUTE_CHARS + 1)}">${'字'.repeat(MAX_MAIN_TEXT_CHARS + 1)}</p></body>`)
    const report = audit(list, { url: 'https://www.example.gov.cn/tzgg/', packs, asOf: ASOF })
    const found = limitFindings(report)
    expect(found).toHaveLength(1)
    expect(found[0].status).toBe('review')
    const parts = found[0].evidence.zh.split('；')
    expect(parts).toHaveLength(3)
    expect(parts[0]).toContain('条目超过')
    expect(parts[1]).toContain('页面文本超过')
    expect(parts[2]).toContain('属性值（title）')
  })
})
