import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { enabledRules, mergePacks, nationalPack, PackError, RULE_SCOPES, SEVERITIES, SITE_KINDS, validatePack } from '../../src/engine/pack.ts'
import { kinds, kindOf } from '../../src/engine/rules/registry.ts'
import { packJsonSchemaText } from '../../scripts/pack-schema.ts'
import type { RulePack } from '../../src/engine/types.ts'

const root = new URL('../../rules/', import.meta.url)
const nationalRaw = (): Record<string, any> => JSON.parse(readFileSync(new URL('national.json', root), 'utf8'))
const schema = JSON.parse(readFileSync(new URL('schema.json', root), 'utf8'))

function errorOf(data: unknown, name = 'my.json'): PackError {
  try {
    validatePack(data, name)
  } catch (e) {
    if (e instanceof PackError) return e
    throw e
  }
  throw new Error('pack was accepted')
}

describe('national pack', () => {
  it('validates and carries the canonical header', () => {
    const pack = nationalPack()
    expect(pack.id).toBe('national')
    expect(pack.version).toMatch(/^\d{4}\.\d+\.\d+$/)
    expect(pack.rules.length).toBeGreaterThanOrEqual(5)
    for (const rule of pack.rules) {
      if (rule.scope === 'site') expect(SITE_KINDS).toContain(rule.kind)
      else expect(kindOf(rule.kind)?.scope).toBe('page')
    }
  })

  it('carries the site-level rules as data, with their limits and sources', () => {
    const byId = new Map(nationalPack().rules.map((r) => [r.id, r]))
    expect(byId.get('column-freshness-site')).toMatchObject({
      scope: 'site',
      severity: 'veto',
      source: '国办秘函〔2019〕19号 单项否决·栏目不更新',
      params: { staleNewsNotice: 5, staleAll: 10, blank: 5 },
    })
    expect(byId.get('link-check')).toMatchObject({
      scope: 'site',
      severity: 'warning',
      source: '国办秘函〔2019〕19号 扣分指标·可用性（不可用链接）',
      params: { fail: ['broken', 'soft404'], review: ['unverifiable'] },
    })
  })

  it('returns a copy each time, so a caller cannot alter the shared pack', () => {
    const a = nationalPack()
    a.rules[0].severity = 'info'
    expect(nationalPack().rules[0].severity).not.toBe('info')
  })

  it('keeps the page-format rules at their documented severities', () => {
    const sev = Object.fromEntries(nationalPack().rules.map((r) => [r.id, r.severity]))
    expect(sev).toMatchObject({
      'article-metadata': 'error',
      'doc-number-format': 'warning',
      'publication-lag': 'error',
      'date-consistency': 'warning',
      'footer-identifiers': 'error',
    })
  })
})

describe('validatePack errors name the file, the rule and the field', () => {
  it('accepts an explicit page scope and refuses a bad scope value, naming the field', () => {
    const data = nationalRaw()
    data.rules.find((r: any) => r.id === 'publication-lag').scope = 'page'
    expect(validatePack(data, 'ok.json').rules.find((r) => r.id === 'publication-lag')?.scope).toBe('page')

    const bad = nationalRaw()
    bad.rules.find((r: any) => r.id === 'link-check').scope = 'website'
    const e = errorOf(bad)
    expect(e.path).toBe('scope')
    expect(e.message).toContain('link-check')
    expect(e.message).toContain('字段 scope')
    expect(e.message).toContain('expected one of: page, site')
  })

  it('a site kind without scope "site", or a page kind with it, is refused', () => {
    const missing = nationalRaw()
    delete missing.rules.find((r: any) => r.id === 'column-freshness-site').scope
    expect(errorOf(missing)).toMatchObject({ ruleRef: 'column-freshness-site', path: 'scope' })
    const wrong = nationalRaw()
    wrong.rules.find((r: any) => r.id === 'publication-lag').scope = 'site'
    expect(errorOf(wrong)).toMatchObject({ ruleRef: 'publication-lag', path: 'scope' })
  })

  it('site rule params are checked: a result cannot be both fail and review, limits are positive integers', () => {
    const both = nationalRaw()
    both.rules.find((r: any) => r.id === 'link-check').params.review = ['unverifiable', 'broken']
    expect(errorOf(both).message).toContain('既算不合格又算待核查')
    const typo = nationalRaw()
    typo.rules.find((r: any) => r.id === 'link-check').params.fail = ['brokn']
    expect(errorOf(typo).path).toBe('params.fail.0')
    const limit = nationalRaw()
    limit.rules.find((r: any) => r.id === 'column-freshness-site').params.blank = 0
    expect(errorOf(limit).path).toBe('params.blank')
  })

  it('wrong type deep in params', () => {
    const data = nationalRaw()
    data.rules.find((r: any) => r.id === 'publication-lag').params.maxWorkingDays = '20'
    const e = errorOf(data)
    expect(e.message).toContain('my.json')
    expect(e.message).toContain('publication-lag')
    expect(e.message).toContain('params.maxWorkingDays')
    expect(e.message).toContain('应为数字')
    expect(e.message).toContain('expected number')
  })

  it('a threshold that is not > 0', () => {
    const data = nationalRaw()
    data.rules.find((r: any) => r.id === 'publication-lag').params.maxWorkingDays = 0
    expect(errorOf(data).path).toBe('params.maxWorkingDays')
  })

  it('unknown extra field on a rule and on params', () => {
    const data = nationalRaw()
    data.rules[0].colour = 'red'
    expect(errorOf(data).message).toMatch(/colour.*unknown field/)
    const data2 = nationalRaw()
    data2.rules.find((r: any) => r.id === 'footer-identifiers').params.extra = true
    expect(errorOf(data2).path).toBe('params.extra')
  })

  it('unknown kind, bad severity, empty source, missing title language', () => {
    const cases: [(r: any) => void, string][] = [
      [(r) => (r.kind = 'run-my-script'), 'kind'],
      [(r) => (r.severity = 'fatal'), 'severity'],
      [(r) => (r.source = '  '), 'source'],
      [(r) => delete r.title.en, 'title.en'],
      [(r) => (r.params = []), 'params'],
    ]
    for (const [mutate, path] of cases) {
      const data = nationalRaw()
      mutate(data.rules[1])
      const e = errorOf(data)
      expect(e.path).toBe(path)
      expect(e.ruleRef).toBe(data.rules[1].id)
    }
  })

  it('uses the index when the rule has no id', () => {
    const data = nationalRaw()
    delete data.rules[2].id
    const e = errorOf(data)
    expect(e.ruleRef).toBe('#3')
    expect(e.path).toBe('id')
  })

  it('duplicate rule ids', () => {
    const data = nationalRaw()
    data.rules.push(structuredClone(data.rules[0]))
    expect(errorOf(data).message).toContain('duplicate rule id')
  })

  it('keyword lists hold non-empty strings; regexes must compile', () => {
    const data = nationalRaw()
    data.rules.find((r: any) => r.id === 'doc-number-format').params.labels = ['文号', '']
    expect(errorOf(data).path).toBe('params.labels.1')
    const data2 = nationalRaw()
    data2.rules.find((r: any) => r.id === 'footer-identifiers').params.siteIdCodePattern = '(['
    expect(errorOf(data2).message).toContain('正则')
  })

  it('patterns are checked as they run (u flag), and one that could backtrack without bound is refused', () => {
    const spaced = nationalRaw()
    spaced.rules.find((r: any) => r.id === 'guide-elements').params.elements[5].patterns = ['\\d{1,2 }[:：]\\d{2}']
    const e1 = errorOf(spaced)
    expect(e1.path).toBe('params.elements.5.patterns.0')
    expect(e1.message).toContain('guide-elements')
    const nested = nationalRaw()
    nested.rules.find((r: any) => r.id === 'guide-elements').params.elements[8].patterns = ['[a-z]+@(?:[a-z]+\\.)+cn']
    expect(errorOf(nested).message).toMatch(/灾难性回溯|backtrack/)
    const choice = nationalRaw()
    choice.rules.find((r: any) => r.id === 'statutory-categories').params.categories[0].weak = ['(?:文|文件)*号']
    expect(errorOf(choice).message).toMatch(/灾难性回溯|backtrack/)
    const backref = nationalRaw()
    backref.rules.find((r: any) => r.id === 'homepage-freshness').params.homePathPatterns = ['^/(a)\\1$']
    expect(errorOf(backref).message).toContain('反向引用')
  })

  it('a pack cannot reach prototypes or grow lists without end', () => {
    const proto = JSON.parse(JSON.stringify(nationalRaw()).replace('"useExtractedClass"', '"__proto__": {"polluted": true}, "useExtractedClass"'))
    expect(errorOf(proto).message).toContain('__proto__')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const long = nationalRaw()
    long.rules.find((r: any) => r.id === 'doc-number-format').params.labels = Array.from({ length: 501 }, (_, i) => `文号${i}`)
    expect(errorOf(long).path).toBe('params.labels')
  })

  it('a local rule states only what it changes; the rest comes from the national rule of its kind, never from code', () => {
    const local = {
      id: 'local',
      version: '1',
      title: { zh: '地方', en: 'local' },
      rules: [{ id: 'annual-report-timeliness', kind: 'annual-report-timeliness', title: { zh: '年报', en: 'report' }, severity: 'error', source: 's', params: { deadline: '03-31' } }],
    }
    const rule = validatePack(local, 'local.json').rules[0]
    expect(rule.params.deadline).toBe('03-31')
    expect(rule.params.governmentDeadline).toBe(nationalPack().rules.find((r) => r.id === 'annual-report-timeliness')!.params.governmentDeadline)
    // With no national rule to lean on, every setting must be given.
    const bare = { ...local, rules: [{ ...local.rules[0], params: { deadline: '03-31' } }] }
    expect(() => validatePack(bare, 'bare.json', { defaults: null })).toThrow(/params\.governmentDeadline/)
  })

  it('top-level problems name the field', () => {
    expect(errorOf({ ...nationalRaw(), version: 3 }).path).toBe('version')
    expect(errorOf([], 'list.json').message).toContain('list.json')
  })
})

describe('merging and enablement', () => {
  const user = (over: Partial<RulePack['rules'][number]>): RulePack => ({
    id: 'user',
    version: '1',
    title: { zh: '用户', en: 'user' },
    rules: [{ ...nationalPack().rules.find((r) => r.id === 'publication-lag')!, ...over }],
  })

  it('a later pack replaces a rule with the same id, so it runs once', () => {
    const merged = mergePacks([nationalPack(), user({ params: { ...nationalPack().rules.find((r) => r.id === 'publication-lag')!.params, maxWorkingDays: 15 } })])
    const lag = enabledRules(merged).filter(({ rule }) => rule.id === 'publication-lag')
    expect(lag).toHaveLength(1)
    expect(lag[0].pack.id).toBe('user')
    expect(lag[0].rule.params.maxWorkingDays).toBe(15)
  })

  it('enabled: false switches a rule off', () => {
    const ids = enabledRules([nationalPack(), user({ enabled: false })]).map(({ rule }) => rule.id)
    expect(ids).not.toContain('publication-lag')
    expect(ids).toContain('article-metadata')
  })
})

describe('rules/schema.json is generated from the kinds\' schemas', () => {
  it('the checked-in file is what `npm run schema` writes', () => {
    expect(readFileSync(new URL('schema.json', root), 'utf8')).toBe(packJsonSchemaText())
  })

  it('offers every registered kind and no other, with each kind\'s params', () => {
    const rule = schema.$defs.rule
    expect(rule.required).toEqual(['id', 'kind', 'title', 'severity', 'source', 'params'])
    expect(rule.properties.scope.enum).toEqual([...RULE_SCOPES])
    expect(rule.properties.severity.enum).toEqual([...SEVERITIES])
    expect([...rule.properties.kind.enum].sort()).toEqual(Object.keys(kinds).sort())
    expect([...SITE_KINDS].sort()).toEqual(['column-freshness-site', 'link-check', 'veto-hits-site'])
    const lag = rule.allOf.find((c: any) => c.if.properties.kind.const === 'publication-lag')
    expect(lag.then.properties.params.required).toEqual(['maxWorkingDays', 'writtenDateLabels', 'publishDateLabels'])
  })

  it('describes the national pack as written (structural check of the instance)', () => {
    const data = nationalRaw()
    for (const key of schema.required) expect(data).toHaveProperty(key)
    for (const r of data.rules) {
      for (const key of schema.$defs.rule.required) expect(r).toHaveProperty(key)
      for (const key of Object.keys(r)) expect(schema.$defs.rule.properties).toHaveProperty(key)
      expect(schema.$defs.rule.properties.kind.enum).toContain(r.kind)
    }
  })
})
