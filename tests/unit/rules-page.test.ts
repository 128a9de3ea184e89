import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { makeContext } from '../../src/engine/finding.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import { buildPageModel } from '../../src/engine/page-model.ts'
import { evaluate as dateConsistency } from '../../src/engine/rules/date-consistency/evaluate.ts'
import { checkDocNumber } from '../../src/engine/rules/doc-number-format/evaluate.ts'
import type { PageKindId } from '../../src/engine/rules/registry.ts'
import { kinds } from '../../src/engine/rules/registry.ts'
import * as v from 'valibot'
import type { Finding, PageModel, RuleDef } from '../../src/engine/types.ts'

const AS_OF = '2026-11-27'
const dir = new URL('../fixtures/rules/page/', import.meta.url)
const html = (name: string): string => readFileSync(new URL(name, dir), 'utf8')
const ruleOf = (id: string): RuleDef => {
  const rule = nationalPack().rules.find((r) => r.id === id)
  if (!rule) throw new Error(`no rule ${id}`)
  return rule
}

function run(ruleId: string, page: PageModel | string, asOf = AS_OF, tweak?: (r: RuleDef) => void): Finding[] {
  const rule = ruleOf(ruleId)
  tweak?.(rule)
  const model = typeof page === 'string' ? buildPageModel(html(page), { url: `https://www.example.gov.cn/${page}`, asOf }) : page
  const ctx = makeContext(rule, { asOf, lang: 'zh', url: model.url })
  const kind = kinds[rule.kind as PageKindId]
  return (kind.evaluate as (p: PageModel, params: unknown, c: typeof ctx) => Finding[])(model, v.parse(kind.params, rule.params), ctx)
}
const bySection = (findings: Finding[], section: string): Finding | undefined => findings.find((f) => f.section === section)
const statuses = (findings: Finding[]): Record<string, string> => Object.fromEntries(findings.map((f) => [f.section, f.status]))

describe('article-metadata', () => {
  it('passes a disclosure page whose box lists every core field', () => {
    const out = run('article-metadata', 'article-ok.html')
    expect(statuses(out)).toMatchObject({ 索引号: 'pass', 发布机构: 'pass', 成文日期: 'pass', 发布日期: 'pass', 名称: 'pass', 发文字号: 'pass' })
    expect(out.every((f) => f.severity === 'error')).toBe(true)
  })

  it('fails each missing required field, pointing at the box, and reviews an odd 索引号', () => {
    const out = run('article-metadata', 'article-missing-fields.html')
    const publisher = bySection(out, '发布机构')
    expect(publisher?.status).toBe('fail')
    expect(publisher?.locator?.css).toMatch(/table/)
    expect(bySection(out, '成文日期')?.status).toBe('fail')
    // 索引号 has no national format in force: unusual codes are looked at, never failed.
    expect(bySection(out, '索引号')?.status).toBe('review')
    expect(bySection(out, '索引号')?.evidence.zh).toContain('A1B2/abc')
    expect(bySection(out, '发布日期')?.status).toBe('pass')
  })

  it('treats a label with an empty (script-filled) value as review, not as missing', () => {
    const out = run('article-metadata', 'article-empty-values.html')
    expect(bySection(out, '索引号')?.status).toBe('review')
    expect(bySection(out, '索引号')?.message.zh).toContain('值为空')
    expect(bySection(out, '发布机构')?.status).toBe('review') // value is an unrendered {{binding}}
    expect(bySection(out, '成文日期')?.status).toBe('review') // found through the 发文日期 synonym
    expect(out.some((f) => f.status === 'fail')).toBe(false)
  })

  it('maps 发文日期 to 成文日期 and accepts the Jiangxi-style index number', () => {
    const out = run('article-metadata', 'article-late.html')
    expect(bySection(out, '索引号')?.status).toBe('pass')
    expect(bySection(out, '发文字号')?.evidence.zh).toContain('示发改价〔2019〕7号')
  })

  it('checks a box-less page under 信息公开 but not a news page outside it', () => {
    const disclosure = run('article-metadata', 'doc-number-under-title.html')
    expect(bySection(disclosure, '索引号')?.status).toBe('fail')
    expect(bySection(disclosure, '索引号')?.locator).toBeNull()
    const news = run('article-metadata', 'news-footer-missing.html')
    expect(news).toHaveLength(1)
    expect(news[0].status).toBe('n/a')
  })

  it('does not fail an absent 发文字号 (条件必选)', () => {
    const out = run('article-metadata', 'article-dates-inconsistent.html')
    expect(bySection(out, '发文字号')?.status).toBe('n/a')
  })

  it('follows the pack: a synonym removed from the pack no longer counts', () => {
    const out = run('article-metadata', 'article-late.html', AS_OF, (r) => {
      ;(r.params.synonyms as Record<string, string[]>).writtenDate = ['生成日期']
    })
    expect(bySection(out, '成文日期')?.status).toBe('fail')
  })
})

describe('doc-number-format', () => {
  it('passes 〔〕 with a plain serial', () => {
    const [f] = run('doc-number-format', 'article-ok.html')
    expect(f.status).toBe('pass')
    expect(f.evidence.zh).toContain('示府办发〔2019〕19号')
  })

  it('fails [] brackets and a zero-padded serial, suggesting the fix', () => {
    const [f] = run('doc-number-format', 'article-missing-fields.html')
    expect(f.status).toBe('fail')
    expect(f.severity).toBe('warning')
    expect(f.evidence.zh).toContain('示府发[2019]019号')
    expect(f.expected.zh).toContain('示府发〔2019〕19号')
    expect(f.message.zh).toContain('六角括号')
    expect(f.message.zh).toContain('前导 0')
  })

  it('reads a number printed under the title when there is no box', () => {
    const [f] = run('doc-number-format', 'doc-number-under-title.html')
    expect(f.status).toBe('fail')
    expect(f.evidence.zh).toContain('示府发（2020）第05号')
    expect(f.message.zh).toContain('第')
    expect(f.expected.zh).toContain('示府发〔2020〕5号')
  })

  it('is n/a without any document number', () => {
    const [f] = run('doc-number-format', 'news-footer-missing.html')
    expect(f.status).toBe('n/a')
  })

  it.each([
    ['国办发〔2019〕19号', 0],
    ['国办发【2019】19号', 1],
    ['国办发(2019)19号', 1],
    ['国办发［2019］19号', 1],
    ['国办发〔2019〕19', 1],
    ['国办发〔2019〕第019号', 2],
  ])('checkDocNumber(%s) reports %i problem(s)', (value, n) => {
    expect(checkDocNumber(value)?.problems).toHaveLength(n)
  })

  it('leaves orders (令) and "无" alone', () => {
    expect(checkDocNumber('国务院令第711号')).toBeNull()
    expect(checkDocNumber('无')).toBeNull()
  })
})

describe('publication-lag', () => {
  it('counts working days on the official calendar (National Day week, 调休 Sundays)', () => {
    const [f] = run('publication-lag', 'article-late.html')
    expect(f.status).toBe('fail')
    // 2019-09-20 → 2019-10-30: 25 official working days; a Monday–Friday count would say 28.
    expect(f.evidence.zh).toContain('25 个工作日')
    expect(f.evidence.zh).toContain('2019-09-20')
    expect(f.evidence.zh).toContain('2019-10-30')
  })

  it('passes at exactly 20 working days and fails at 21', () => {
    const page = (published: string) => html('article-late.html').replace('<td>2019-10-30</td>', `<td>${published}</td>`)
    const model = (published: string) => buildPageModel(page(published), { url: 'https://www.example.gov.cn/x', asOf: AS_OF })
    expect(run('publication-lag', model('2019-10-23'))[0].status).toBe('pass')
    expect(run('publication-lag', model('2019-10-24'))[0].status).toBe('fail')
  })

  it('passes a prompt publication', () => {
    const [f] = run('publication-lag', 'article-ok.html')
    expect(f.status).toBe('pass')
    expect(f.evidence.zh).toContain('12 个工作日')
  })

  it('is n/a when the date of writing is absent', () => {
    const [f] = run('publication-lag', 'article-missing-fields.html')
    expect(f.status).toBe('n/a')
  })

  it('asks for review in a year the holiday calendar does not cover', () => {
    const page = html('article-late.html').replaceAll('2019-09-20', '2003-09-20').replace('<td>2019-10-30</td>', '<td>2003-10-30</td>')
    const [f] = run('publication-lag', buildPageModel(page, { url: null, asOf: AS_OF }))
    expect(f.status).toBe('review')
  })
})

describe('date-consistency', () => {
  it('fails 成文日期 after 发布日期 and words the PubDate gap neutrally as review', () => {
    const out = run('date-consistency', 'article-dates-inconsistent.html')
    const order = out.find((f) => f.section.includes('成文日期'))
    expect(order?.status).toBe('fail')
    const meta = bySection(out, 'PubDate')
    expect(meta?.status).toBe('review')
    expect(meta?.message.zh).toContain('可能存在不一致')
    expect(meta?.message.zh).not.toMatch(/伪造|造假|弄虚作假/)
    // "页面生成时间 2026-11-20" is a render stamp; it must not show up as a date of the page.
    expect(out.some((f) => f.evidence.zh.includes('2026-11-20'))).toBe(false)
  })

  it('fails a publication date after the audit date', () => {
    const out = run('date-consistency', 'article-ok.html', '2019-04-10')
    const future = bySection(out, '发布日期')
    expect(future?.status).toBe('fail')
    expect(future?.evidence.zh).toContain('2019-04-18')
  })

  it('passes consistent dates', () => {
    const out = run('date-consistency', 'article-late.html')
    expect(out.map((f) => f.status)).toEqual(['pass'])
  })

  it('never reports at veto severity, even if a pack asks for it', () => {
    const out = run('date-consistency', 'article-dates-inconsistent.html', AS_OF, (r) => {
      r.severity = 'veto'
    })
    expect(out.length).toBeGreaterThan(0)
    expect(out.some((f) => f.severity === 'veto')).toBe(false)
  })

  it('does not read a page-generation meta as a publication date', () => {
    const model = buildPageModel(html('wrapped-no-footer.html'), { url: null, asOf: AS_OF })
    model.meta = { others: '页面生成时间 2030-01-01 11:23:36' }
    const rule = ruleOf('date-consistency')
    const out = dateConsistency(model, v.parse(kinds['date-consistency'].params, rule.params), makeContext(rule, { asOf: AS_OF }))
    expect(out.map((f) => f.status)).toEqual(['n/a'])
  })
})

describe('footer-identifiers', () => {
  it('passes a complete footer, each item with its locator', () => {
    const out = run('footer-identifiers', 'article-ok.html')
    expect(statuses(out)).toEqual({ 主办单位: 'pass', 网站标识码: 'pass', ICP备案编号: 'pass', 公安机关备案编号: 'pass', 党政机关网站标识: 'pass' })
    expect(out.every((f) => f.locator !== null)).toBe(true)
  })

  it('fails each missing item with a null locator', () => {
    const out = run('footer-identifiers', 'news-footer-missing.html')
    for (const section of ['网站标识码', '公安机关备案编号', '党政机关网站标识']) {
      expect(bySection(out, section)?.status).toBe('fail')
      expect(bySection(out, section)?.locator).toBeNull()
    }
    expect(bySection(out, 'ICP备案编号')?.status).toBe('pass')
  })

  it('accepts 公安备案号 wording and an IPv6-proxied conac link; reviews a SiteIDCode mismatch', () => {
    const out = run('footer-identifiers', 'footer-variants.html')
    expect(bySection(out, '公安机关备案编号')?.status).toBe('pass')
    expect(bySection(out, '党政机关网站标识')?.status).toBe('pass')
    const meta = bySection(out, '网站标识码（SiteIDCode 元标签）')
    expect(meta?.status).toBe('review')
    expect(meta?.evidence.zh).toContain('3609000003')
  })

  it('fails a malformed site code', () => {
    const model = buildPageModel(html('article-ok.html'), { url: null, asOf: AS_OF })
    if (!model.footer?.siteIdCode) throw new Error('fixture footer lost its site code')
    model.footer.siteIdCode = { ...model.footer.siteIdCode, value: '网站标识码：36090000' }
    const f = bySection(run('footer-identifiers', model), '网站标识码')
    expect(f?.status).toBe('fail')
    expect(f?.message.zh).toContain('格式')
  })

  it('is one n/a for a wrapped page without site chrome', () => {
    const out = run('footer-identifiers', 'wrapped-no-footer.html')
    expect(out).toHaveLength(1)
    expect(out[0].status).toBe('n/a')
  })
})

describe('footer-identifiers: present, but not in a form the HTML can confirm', () => {
  const out = () => run('footer-identifiers', 'footer-script-badge-copyright.html')

  it('asks a person to check a 党政机关 badge that only conac’s script draws, instead of calling it missing', () => {
    const conac = bySection(out(), '党政机关网站标识')
    expect(conac?.status).toBe('review')
    expect(conac?.evidence.zh).toContain('dcs.conac.cn')
    expect(conac?.locator).not.toBeNull()
  })

  it('asks a person to check a footer that names the body only as copyright holder', () => {
    const sponsor = bySection(out(), '主办单位')
    expect(sponsor?.status).toBe('review')
    expect(sponsor?.message.zh).toContain('示例区发展和改革局')
    expect(sponsor?.message.zh).not.toContain('中国·')
  })

  it('still fails a footer with no badge and no conac script', () => {
    expect(statuses(run('footer-identifiers', 'news-footer-missing.html'))).toMatchObject({ 党政机关网站标识: 'fail' })
  })
})

describe('article-metadata: 发布日期 is recommended, not a 第十二条 catalogue field', () => {
  it('reviews a box without 发布日期 instead of failing it, and says why it matters', () => {
    const out = run('article-metadata', 'article-no-publish-date.html')
    const publish = bySection(out, '发布日期')
    expect(publish?.status).toBe('review')
    expect(publish?.message.zh).toContain('二十六条')
    expect(statuses(out)).toMatchObject({ 索引号: 'pass', 发布机构: 'pass', 成文日期: 'pass' })
  })
})
