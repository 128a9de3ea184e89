import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { audit, auditModel, ENGINE_VERSION } from '../../src/engine/audit.ts'
import { findingId, fnv1a64, makeContext, stripFragment } from '../../src/engine/finding.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import { buildPageModel } from '../../src/engine/page-model.ts'
import * as v from 'valibot'
import { pageRuleKind, type RuleKind } from '../../src/engine/rule-kit/kind.ts'
import { kinds } from '../../src/engine/rules/registry.ts'
import type { Evaluator, RulePack } from '../../src/engine/types.ts'

const AS_OF = '2026-11-27'
const page = (name: string): string => readFileSync(new URL(`../fixtures/rules/page/${name}`, import.meta.url), 'utf8')
const URL_ = 'https://www.example.gov.cn/zwgk/a.html'

describe('finding ids', () => {
  it('FNV-1a 64 matches the published test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325')
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c')
    expect(fnv1a64('foobar')).toBe('85944171f73967e8')
  })

  it('ignore the #fragment but not the rest of the URL', () => {
    expect(stripFragment('https://x.gov.cn/a.html#top')).toBe('https://x.gov.cn/a.html')
    expect(findingId('r', 'https://x.gov.cn/a.html#top', 'k')).toBe(findingId('r', 'https://x.gov.cn/a.html', 'k'))
    expect(findingId('r', 'https://x.gov.cn/b.html', 'k')).not.toBe(findingId('r', 'https://x.gov.cn/a.html', 'k'))
    expect(findingId('r2', 'https://x.gov.cn/a.html', 'k')).not.toBe(findingId('r', 'https://x.gov.cn/a.html', 'k'))
  })

  it('ctx.finding fills id, rule, severity (overridable), source and keeps both languages', () => {
    const rule = nationalPack().rules.find((r) => r.id === 'footer-identifiers')!
    const en = makeContext(rule, { asOf: AS_OF, lang: 'en', url: URL_ })
    const f = en.finding({ status: 'fail', section: '主办单位', message: { zh: '缺少', en: 'missing' }, evidence: 'raw', expected: { zh: '应有', en: 'needed' }, locator: null })
    expect(f).toMatchObject({ ruleId: 'footer-identifiers', severity: 'error', source: rule.source, message: { zh: '缺少', en: 'missing' }, evidence: { zh: 'raw', en: 'raw' }, expected: { zh: '应有', en: 'needed' } })
    const zh = makeContext(rule, { asOf: AS_OF, url: URL_ })
    const g = zh.finding({ status: 'fail', section: '主办单位', message: { zh: '缺少', en: 'missing' }, evidence: 'raw', expected: 'x', locator: null, severity: 'info' })
    expect(g.message.zh).toBe('缺少')
    expect(g.severity).toBe('info')
    expect(g.id).toBe(f.id) // language does not change identity
    const h = zh.finding({ status: 'fail', section: '网站标识码', message: { zh: '缺少', en: 'missing' }, evidence: '', expected: '', locator: null })
    expect(h.id).not.toBe(f.id) // two missing items on one page are two findings
  })
})

describe('audit', () => {
  it('reports the page and its findings, stable across re-audits', () => {
    const a = audit(page('article-late.html'), { url: URL_, packs: [nationalPack()], asOf: AS_OF })
    const b = audit(page('article-late.html'), { url: `${URL_}#frag`, packs: [nationalPack()], asOf: AS_OF })
    expect(a.url).toBe(URL_)
    expect(a.kind).toBe('article')
    expect(a.asOf).toBe(AS_OF)
    expect(b.url).toBe(`${URL_}#frag`)
    expect(a.findings.map((f) => f.id)).toEqual(b.findings.map((f) => f.id))
    expect(new Set(a.findings.map((f) => f.id)).size).toBe(a.findings.length)
    expect(a.findings.find((f) => f.ruleId === 'publication-lag')?.status).toBe('fail')
    expect(typeof ENGINE_VERSION).toBe('string')
  })

  it('sorts by status, then severity', () => {
    const r = audit(page('article-missing-fields.html'), { url: URL_, packs: [nationalPack()], asOf: AS_OF })
    const status = { fail: 0, review: 1, pass: 2, 'n/a': 3 }
    const sev = { veto: 0, error: 1, warning: 2, info: 3 }
    const keys = r.findings.map((f) => status[f.status] * 10 + sev[f.severity])
    expect(keys).toEqual([...keys].sort((x, y) => x - y))
    expect(r.findings[0].status).toBe('fail')
  })

  it('runs only enabled rules, once each', () => {
    const pack = nationalPack()
    for (const rule of pack.rules) rule.enabled = rule.id === 'footer-identifiers'
    const r = audit(page('article-ok.html'), { url: URL_, packs: [pack], asOf: AS_OF })
    expect(new Set(r.findings.map((f) => f.ruleId))).toEqual(new Set(['footer-identifiers']))
    expect(r.findings).toHaveLength(5)
  })

  it('auditModel gives the same result as audit for the same page', () => {
    const html = page('article-ok.html')
    const model = buildPageModel(html, { url: URL_, asOf: AS_OF })
    const viaModel = auditModel(model, { url: URL_, packs: [nationalPack()], asOf: AS_OF })
    const viaHtml = audit(html, { url: URL_, packs: [nationalPack()], asOf: AS_OF })
    expect(viaModel.findings).toEqual(viaHtml.findings)
  })

  describe('with a misbehaving evaluator', () => {
    const registry = kinds as Record<string, RuleKind>
    const original = { ...registry }
    afterEach(() => {
      for (const key of Object.keys(registry)) if (!(key in original)) delete registry[key]
    })
    const register = (id: string, evaluate: Evaluator): void => {
      registry[id] = pageRuleKind({ params: v.object({}), help: { checks: { zh: '测试', en: 'test' }, fix: { zh: '测试', en: 'test' } }, evaluate })
    }
    const pack = (kind: string): RulePack => ({
      id: 't',
      version: '1',
      title: { zh: '测试', en: 'test' },
      rules: [
        { id: 'boom', kind, title: { zh: '爆', en: 'boom' }, severity: 'error', source: 'test', params: {} },
        { ...nationalPack().rules.find((r) => r.id === 'footer-identifiers')! },
      ],
    })

    it('turns a throwing rule into one review finding and keeps the others', () => {
      const boom: Evaluator = () => {
        throw new Error('selector exploded')
      }
      register('test-boom', boom)
      const r = audit(page('article-ok.html'), { url: URL_, packs: [pack('test-boom')], asOf: AS_OF })
      const crashed = r.findings.filter((f) => f.ruleId === 'boom')
      expect(crashed).toHaveLength(1)
      expect(crashed[0].status).toBe('review')
      expect(crashed[0].message.zh).toContain('规则执行出错')
      expect(crashed[0].message.zh).toContain('selector exploded')
      expect(r.findings.filter((f) => f.ruleId === 'footer-identifiers')).toHaveLength(5)
    })

    it('an unknown kind in an unvalidated pack is a review finding, not a crash', () => {
      const r = audit(page('article-ok.html'), { url: URL_, packs: [pack('no-such-kind')], asOf: AS_OF })
      expect(r.findings.find((f) => f.ruleId === 'boom')?.status).toBe('review')
    })

    it('disambiguates colliding ids deterministically', () => {
      const twice: Evaluator = (_p, _params, ctx) =>
        [1, 2, 3].map(() => ctx.finding({ status: 'fail', section: 'same', message: { zh: '甲', en: 'a' }, evidence: '', expected: '', locator: null }))
      register('test-twice', twice)
      const run = () => audit(page('article-ok.html'), { url: URL_, packs: [pack('test-twice')], asOf: AS_OF })
      const ids = run().findings.filter((f) => f.ruleId === 'boom').map((f) => f.id)
      expect(new Set(ids).size).toBe(3)
      expect(run().findings.filter((f) => f.ruleId === 'boom').map((f) => f.id)).toEqual(ids)
    })
  })
})

describe('coverage of a page', () => {
  it('gives no row at all for site-scope rules, which only a site scan can judge', () => {
    const pack = nationalPack()
    const siteIds = pack.rules.filter((r) => r.scope === 'site').map((r) => r.id)
    expect(siteIds.sort()).toEqual(['column-freshness-site', 'link-check', 'veto-hits-site'])
    const html = '<html><head><title>通知公告</title></head><body><ul><li><a href="/a.html">通知</a> 2020-01-02</li></ul></body></html>'
    const report = audit(html, { url: 'https://www.example.gov.cn/tzgg/', packs: [pack], asOf: '2026-11-27' })
    expect(report.findings.length).toBeGreaterThan(0)
    expect(report.findings.filter((f) => siteIds.includes(f.ruleId))).toEqual([])
  })

  it('has every enabled rule answer, with n/a where the rule does not concern the page', () => {
    const pack = nationalPack()
    const html = '<html><head><title>示例区 图片新闻</title></head><body><p>这是一段没有日期的说明文字。</p></body></html>'
    const report = audit(html, { url: 'https://www.example.gov.cn/tpxw/', packs: [pack], asOf: '2026-11-27' })
    const answered = new Set(report.findings.map((f) => f.ruleId))
    expect([...answered].sort()).toEqual(pack.rules.filter((r) => r.scope !== 'site').map((r) => r.id).sort())
    const na = report.findings.filter((f) => f.ruleId === 'annual-report-structure')
    expect(na.map((f) => f.status)).toEqual(['n/a'])
    expect(na[0].message.zh).toContain('不适用')
  })
})

describe('the site-level veto line is stated once', () => {
  const html = readFileSync(new URL('../fixtures/rules/structure/blank-column-fail.html', import.meta.url), 'utf8')
  const blankExpected = (packs: RulePack[]) =>
    audit(html, { url: 'https://www.example.gov.cn/zwgk/', packs, asOf: '2026-11-27' }).findings.find((f) => f.ruleId === 'blank-column' && f.status === 'fail')!.expected.zh

  it('page rules quote the site rule\'s limits, so a pack that retunes the site rule retunes what every page says', () => {
    expect(blankExpected([nationalPack()])).toContain('全站空白栏目 ≥ 5 个即单项否决')
    const site = nationalPack().rules.find((r) => r.kind === 'column-freshness-site')!
    const local: RulePack = { id: 'local', version: '1', title: { zh: '地方', en: 'local' }, rules: [{ ...site, params: { ...site.params, blank: 3 } }] }
    expect(blankExpected([nationalPack(), local])).toContain('全站空白栏目 ≥ 3 个即单项否决')
    // With the site rule switched off, no page claims a veto line at all.
    const off: RulePack = { ...local, rules: [{ ...site, enabled: false }] }
    expect(blankExpected([nationalPack(), off])).not.toContain('单项否决')
  })
})

describe('bounded findings', () => {
  it('one rule lists at most 200 findings per page, worst first, and says how many more there were', () => {
    const blocks: string[] = []
    for (let i = 0; i < 600; i++) {
      const date = i % 3 === 0 ? '2020-01-02' : '2026-11-20'
      blocks.push(`<div class="box"><div class="box-title"><h3><a href="/c${i}/">通知公告${i}</a></h3></div><ul><li><a href="/c${i}/1.html">关于第${i}项工作的通知</a><span>${date}</span></li></ul></div>`)
    }
    const html = `<html><head><title>门户</title></head><body><div class="main">${blocks.join('')}</div></body></html>`
    const report = audit(html, { url: 'https://www.example.gov.cn/', packs: [nationalPack()], asOf: '2026-11-27' })
    const fresh = report.findings.filter((f) => f.ruleId === 'column-freshness')
    expect(fresh).toHaveLength(200)
    // All 200 stale columns are listed before any passing one; the summary counts the rest.
    expect(fresh.filter((f) => f.status === 'fail')).toHaveLength(199)
    const summary = fresh.find((f) => f.data?.notListed)!
    expect(summary.status).toBe('review')
    expect(summary.data).toMatchObject({ total: 600, listed: 199, notListed: 401, failNotListed: 1 })
    expect(summary.message.zh).toContain('另有 401 项')
  })
})
