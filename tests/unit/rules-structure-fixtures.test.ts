// The site-structure and freshness rules through the real engine: HTML → page model → national pack → findings.
// Own fixtures (one passing and one failing page per rule) always run; the real government pages only when the
// shared corpus is present.
import { CORPUS_DIR } from '../support/corpus.ts'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { audit } from '../../src/engine/audit.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import type { Finding, RulePack } from '../../src/engine/types.ts'

const FIXTURES = join(import.meta.dirname, '../fixtures/rules/structure')
const CORPUS = CORPUS_DIR
const AS_OF = '2026-11-27'

function run(dir: string, file: string, url: string, opts: { asOf?: string; packs?: RulePack[] } = {}): Finding[] {
  const html = readFileSync(join(dir, file), 'utf8')
  return audit(html, { url, packs: opts.packs ?? [nationalPack()], asOf: opts.asOf ?? AS_OF }).findings
}

const of = (fs: Finding[], ruleId: string): Finding[] => fs.filter((f) => f.ruleId === ruleId)
/** A rule that does not concern a page answers with one n/a and nothing else. */
const verdicts = (fs: Finding[]): string[] => fs.map((f) => `${f.ruleId}:${f.status}`)
const statuses = (fs: Finding[]): Record<string, string> => Object.fromEntries(fs.map((f) => [f.section, f.status]))

function withParams(ruleId: string, params: Record<string, unknown>): RulePack {
  const pack = nationalPack()
  const rule = pack.rules.find((r) => r.id === ruleId)
  if (!rule) throw new Error(`national pack has no ${ruleId}`)
  rule.params = { ...rule.params, ...params }
  return pack
}

describe('site-structure page rules on own fixtures', () => {
  const fx = (file: string, url = `https://www.sfx.gov.cn/zwgk/${file}`) => run(FIXTURES, file, url)

  it('column-freshness: fresh news, notice and personnel columns pass; a notice column last updated 2018-05-03 fails', () => {
    expect(statuses(of(fx('column-freshness-pass.html'), 'column-freshness'))).toEqual({ 工作动态: 'pass', 通知公告: 'pass', 人事任免: 'pass' })
    const fail = of(fx('column-freshness-fail.html'), 'column-freshness')
    expect(statuses(fail)).toEqual({ 工作动态: 'pass', 通知公告: 'fail' })
    const stale = fail.find((f) => f.section === '通知公告')!
    expect(stale.severity).toBe('veto')
    expect(stale.evidence.zh).toContain('最新 2018-05-03')
    expect(stale.evidence.zh).toContain('距审计日 3130 天 · 超期 2946 天') // past the 6-month cutoff 2026-05-27
    expect(stale.locator?.text).toContain('通知公告')
  })

  it('homepage-freshness: judges the site root by its newest item against 14 days', () => {
    const home = 'https://www.sfx.gov.cn/'
    expect(of(fx('homepage-freshness-pass.html', home), 'homepage-freshness').map((f) => f.status)).toEqual(['pass'])
    const [fail] = of(fx('homepage-freshness-fail.html', home), 'homepage-freshness')
    expect(fail.status).toBe('fail')
    expect(fail.evidence.zh).toContain('2026-10-25')
    expect(fail.evidence.zh).toContain('超期 19 天')
    // The same page below the root is not the home page.
    expect(verdicts(of(fx('homepage-freshness-fail.html', 'https://www.sfx.gov.cn/xxfb/'), 'homepage-freshness'))).toEqual([
      'homepage-freshness:n/a',
    ])
  })

  it('blank-column: every column with content passes; each 暂无信息 column fails with the page count', () => {
    expect(of(fx('blank-column-pass.html'), 'blank-column').map((f) => f.status)).toEqual(['pass'])
    const fail = of(fx('blank-column-fail.html'), 'blank-column')
    expect(statuses(fail)).toEqual({ 政策解读: 'fail', 规划计划: 'fail' })
    expect(fail[0].evidence.zh).toContain('本页空白栏目 2 个（共 4 个栏目）')
  })

  it('disclosure-subcolumns: four fixed sub-columns pass; 办事指南 and 规章制度 do not stand in for 指南 and 制度', () => {
    expect(Object.values(statuses(of(fx('disclosure-subcolumns-pass.html'), 'disclosure-subcolumns')))).toEqual(['pass', 'pass', 'pass', 'pass'])
    const fail = of(fx('disclosure-subcolumns-fail.html'), 'disclosure-subcolumns')
    expect(statuses(fail)).toEqual({ 政府信息公开指南: 'fail', 政府信息公开制度: 'fail', 法定主动公开内容: 'pass', 政府信息公开年报: 'fail' })
    expect(fail.filter((f) => f.status === 'fail').every((f) => f.locator === null)).toBe(true)
  })

  it('statutory-categories: 15 categories pass; without 收费 and 招考 (人事任免 only) two warnings', () => {
    const pass = of(fx('statutory-categories-pass.html'), 'statutory-categories')
    expect(pass).toHaveLength(15)
    expect(pass.every((f) => f.status === 'pass')).toBe(true)
    const failing = of(fx('statutory-categories-fail.html'), 'statutory-categories').filter((f) => f.status !== 'pass')
    expect(failing.map((f) => [f.section, f.status, f.severity])).toEqual([
      ['行政事业性收费', 'fail', 'warning'],
      ['公务员招考', 'fail', 'warning'],
    ])
  })

  it('guide-elements: a complete guide passes all nine elements; a guide without 分类/编排体系/传真/邮箱 fails those', () => {
    const pass = of(fx('guide-elements-pass.html'), 'guide-elements')
    expect(pass).toHaveLength(9)
    expect(pass.every((f) => f.status === 'pass')).toBe(true)
    const fail = of(fx('guide-elements-fail.html'), 'guide-elements').filter((f) => f.status !== 'pass')
    expect(fail.map((f) => f.section).sort()).toEqual(['互联网联系方式', '传真号码', '分类', '编排体系'].sort())
    expect(fail.every((f) => f.status === 'fail' && f.locator === null)).toBe(true)
  })

  it('annual-report-structure: the six parts of the 2021 format pass; parts 四 and 五 missing fail', () => {
    expect(of(fx('annual-report-structure-pass.html'), 'annual-report-structure').every((f) => f.status === 'pass')).toBe(true)
    const fail = of(fx('annual-report-structure-fail.html'), 'annual-report-structure').filter((f) => f.status !== 'pass')
    expect(fail.map((f) => [f.section, f.status])).toEqual([
      ['四、政府信息公开行政复议、行政诉讼情况', 'fail'],
      ['五、存在的主要问题及改进情况', 'fail'],
    ])
  })

  it('annual-report-timeliness: a 2024 department report of 2025-01-20 is on time, of 2025-02-20 is 20 days late', () => {
    expect(of(fx('annual-report-timeliness-pass.html'), 'annual-report-timeliness').map((f) => f.status)).toEqual(['pass'])
    const [late] = of(fx('annual-report-timeliness-fail.html'), 'annual-report-timeliness')
    expect(late.status).toBe('fail')
    expect(late.evidence.zh).toContain('2025-02-20，晚于截止日 2025-01-31 共 20 天')
  })
})

describe.skipIf(!existsSync(CORPUS))('site rules on the real corpus', () => {
  const real = (file: string, url: string, opts: { asOf?: string; packs?: RulePack[] } = {}) => run(CORPUS, file, url, opts)

  it('Shanghai guide: no false "missing" for 办公时间 (工作时间), 传真, 地址, 电话, e-mail; 分类 and 编排体系 are really absent', () => {
    const fs = of(real('guide-shanghai-gov.html', 'https://www.shanghai.gov.cn/zfxxgkzn/'), 'guide-elements')
    expect(statuses(fs)).toEqual({
      分类: 'fail',
      编排体系: 'fail',
      获取方式: 'pass',
      机构名称: 'pass',
      办公地址: 'pass',
      办公时间: 'pass',
      联系电话: 'pass',
      传真号码: 'pass',
      互联网联系方式: 'pass',
    })
    expect(fs.find((f) => f.section === '互联网联系方式')!.evidence.zh).toContain('xxgkyjx@shanghai.gov.cn')
    expect(fs.find((f) => f.section === '机构名称')!.evidence.zh).toContain('政务公开办')
  })

  it('Pingtan 年报 list as of 2026-11-27: the 2025 report dated 2026-03-10 is late against 01-31, on time against 03-31', () => {
    const url = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/'
    const [late] = of(real('list-xxgknb-pingtan.html', url), 'annual-report-timeliness')
    expect(late).toMatchObject({ status: 'fail', section: '2025 年度报告' })
    expect(late.evidence.zh).toContain('2026-03-10，晚于截止日 2026-01-31 共 38 天')
    const [onTime] = of(real('list-xxgknb-pingtan.html', url, { packs: [withParams('annual-report-timeliness', { deadline: '03-31' })] }), 'annual-report-timeliness')
    expect(onTime).toMatchObject({ status: 'pass', section: '2025 年度报告' })
    expect(onTime.evidence.zh).toContain('截止日 2026-03-31')
  })

  it('Pingtan 政务公开 landing page: the four sub-columns are there; 人事任免 (2025-08-05) is over a year old', () => {
    const fs = real('xxgk-home-zwgk-pingtan.html', 'https://www.pingtan.gov.cn/zwgk/')
    expect(of(fs, 'disclosure-subcolumns').map((f) => f.status)).toEqual(['pass', 'pass', 'pass', 'pass'])
    const fresh = statuses(of(fs, 'column-freshness'))
    expect(fresh['人事任免']).toBe('fail')
    expect(fresh['公示公告']).toBe('pass')
    expect(of(fs, 'column-freshness').find((f) => f.section === '人事任免')!.evidence.zh).toContain('最新 2025-08-05 · 距审计日 479 天 · 超期 114 天')
    expect(verdicts(of(fs, 'homepage-freshness'))).toEqual(['homepage-freshness:n/a']) // /zwgk/ is not the site's home page
  })

  it('Shanghai reports: all six parts found (2019 and 2020 wording); the 2019 report of 2020-01-31 is on time', () => {
    for (const file of ['annual-report-2019-shanghai.html', 'annual-report-2020-shanghai-city.html']) {
      const fs = of(real(file, `https://www.shanghai.gov.cn/${file}`), 'annual-report-structure')
      expect(fs).toHaveLength(6)
      expect(fs.every((f) => f.status === 'pass')).toBe(true)
    }
    const [y2019] = of(real('annual-report-2019-shanghai.html', 'https://www.shanghai.gov.cn/nb2019/'), 'annual-report-timeliness')
    expect(y2019).toMatchObject({ status: 'pass' })
    expect(y2019.evidence.zh).toContain('2020-01-31')
  })

  it('the city-wide 2020 Shanghai report is a government-level report, due 03-31: 2021-03-30 is on time', () => {
    const [f] = of(real('annual-report-2020-shanghai-city.html', 'https://www.shanghai.gov.cn/nb2020/'), 'annual-report-timeliness')
    expect(f.status).toBe('pass')
    expect(f.evidence.zh).toContain('截止日 2021-03-31')
  })

  it('article pages get no site-structure verdicts, even when filed under 法定主动公开内容', () => {
    const site = ['column-freshness', 'homepage-freshness', 'disclosure-subcolumns', 'statutory-categories', 'guide-elements', 'annual-report-structure', 'annual-report-timeliness']
    const fs = real('detail-tjgb2022-wanzai.html', 'https://www.wanzai.gov.cn/wzxrmzf/tjsja/202305/7215380191c5400397df5d7d0b5fd06b.shtml')
    expect(verdicts(fs.filter((f) => site.includes(f.ruleId))).sort()).toEqual(site.map((id) => `${id}:n/a`).sort())
  })
})
