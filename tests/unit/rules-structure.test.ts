// Unit tests of the site-structure and freshness evaluators over hand-built page models: each test states the
// situation an auditor would check and the verdict the rule must reach.
import { describe, expect, it } from 'vitest'
import { pageModel } from '../support/models.ts'
import { runKind } from '../support/rules.ts'
import type { PageKindId } from '../../src/engine/rules/registry.ts'
import type { Column, Entry, Finding, FreshnessClass, Heading, Lang, Locator, NavLink, PageModel, Severity } from '../../src/engine/types.ts'

const loc = (css: string, text = ''): Locator => ({ css, text })

const page = (over: Partial<PageModel> = {}): PageModel => pageModel({ kind: 'other', ...over })

let n = 0
function entry(title: string, iso: string | null, yearInferred = false): Entry {
  n++
  return { title, href: `/a/${n}.html`, date: iso ? { iso, raw: iso, ...(yearInferred ? { yearInferred: true } : {}) } : null, locator: loc(`li:nth-of-type(${n})`, title) }
}

function column(name: string, entries: Entry[], cls: FreshnessClass = 'other', emptyMarker = false): Column {
  return { name, href: null, locator: loc(`div.col-${name}`, name), entries, emptyMarker, freshnessClass: cls, via: 'ul' }
}

const nav = (...names: string[]): NavLink[] => names.map((name, i) => ({ name, href: `/n${i}/`, locator: loc(`nav > a:nth-of-type(${i + 1})`, name) }))
const heading = (text: string, i: number, level = 7): Heading => ({ text, level, locator: loc(`p:nth-of-type(${i})`, text) })

const annualReportStructure = 'annual-report-structure'
const annualReportTimeliness = 'annual-report-timeliness'
const blankColumn = 'blank-column'
const columnFreshness = 'column-freshness'
const disclosureSubcolumns = 'disclosure-subcolumns'
const guideElements = 'guide-elements'
const homepageFreshness = 'homepage-freshness'
const statutoryCategories = 'statutory-categories'

function run(kind: PageKindId, p: PageModel, params: Record<string, unknown> = {}, asOf = '2026-11-27', severity: Severity = 'error', lang: Lang = 'zh'): Finding[] {
  return runKind(kind, p, params, { asOf, severity, lang })
}

const bySection = (fs: Finding[], section: string): Finding => {
  const f = fs.find((x) => x.section === section)
  if (!f) throw new Error(`no finding for ${section}: ${fs.map((x) => x.section).join(', ')}`)
  return f
}

describe('column-freshness', () => {
  it('fails a notice column whose newest entry is older than 6 months, with days since and days over', () => {
    const p = page({ columns: [column('通知公告', [entry('关于…的通知', '2018-05-03'), entry('关于…的公告', '2018-02-01')], 'notice')] })
    const [f] = run(columnFreshness, p, {}, '2019-01-10', 'veto')
    expect(f.status).toBe('fail')
    expect(f.severity).toBe('veto')
    expect(f.section).toBe('通知公告')
    expect(f.evidence.zh).toContain('最新 2018-05-03')
    expect(f.evidence.zh).toContain('252 天') // 2018-05-03 → 2019-01-10
    expect(f.evidence.zh).toContain('超期 68 天') // 6 months before 2019-01-10 is 2018-07-10; 2018-05-03 is 68 days earlier
    expect(f.expected.zh).toContain('6 个月')
    expect(f.locator).toEqual(p.columns[0].locator)
  })

  it('applies 14 days to news columns, boundary included', () => {
    const fresh = page({ columns: [column('工作动态', [entry('a', '2026-11-13')], 'news')] })
    const stale = page({ columns: [column('工作动态', [entry('a', '2026-11-12')], 'news')] })
    expect(run(columnFreshness, fresh)[0].status).toBe('pass')
    const f = run(columnFreshness, stale)[0]
    expect(f.status).toBe('fail')
    expect(f.evidence.zh).toContain('超期 1 天')
  })

  it('gives personnel and planning columns one year', () => {
    const p = page({ columns: [column('人事任免', [entry('a', '2026-01-10')]), column('中长期发展规划', [entry('b', '2025-08-01')])] })
    const fs = run(columnFreshness, p)
    expect(bySection(fs, '人事任免').status).toBe('pass')
    expect(bySection(fs, '中长期发展规划').status).toBe('fail')
    expect(bySection(fs, '中长期发展规划').evidence.zh).toContain('超期 118 天') // 483 − 365
  })

  it('classifies by the pack keywords before the extracted class, and takes the pack thresholds', () => {
    const params = { classes: [{ class: 'notice', label: { zh: '公示类栏目', en: 'notice column' }, maxAge: { days: 30 }, keywords: ['公示'] }] }
    const p = page({ columns: [column('公示公告', [entry('a', '2026-10-01')], 'other')] })
    const f = run(columnFreshness, p, params)[0]
    expect(f.status).toBe('fail')
    expect(f.evidence.zh).toContain('超期 27 天') // 57 − 30
  })

  it('counts a column without any dated entry as not updated', () => {
    const f = run(columnFreshness, page({ columns: [column('政策文件', [entry('a', null), entry('b', null)], 'notice')] }))[0]
    expect(f.status).toBe('fail')
    expect(f.message.zh).toContain('视为不更新')
    expect(f.evidence.zh).toContain('共 2 条，均无日期')
  })

  it('lets undated entries neither rescue nor sink a column, but says they are there', () => {
    const fresh = run(columnFreshness, page({ columns: [column('通知公告', [entry('a', null), entry('b', '2026-10-01')], 'notice')] }))[0]
    expect(fresh.status).toBe('pass')
    expect(fresh.evidence.zh).toContain('另有 1 条未注明日期')
    const stale = run(columnFreshness, page({ columns: [column('通知公告', [entry('a', null), entry('b', '2025-01-01')], 'notice')] }))[0]
    expect(stale.status).toBe('fail')
  })

  it('still judges year-inferred dates and says so', () => {
    const f = run(columnFreshness, page({ columns: [column('要闻', [entry('a', '2026-11-20', true)], 'news')] }))[0]
    expect(f.status).toBe('pass')
    expect(f.evidence.zh).toContain('年份按审计日推断')
  })

  it('marks a recently updated column of no class n/a and leaves blank columns to blank-column', () => {
    const fs = run(columnFreshness, page({ columns: [column('统计信息', [entry('a', '2026-06-01')]), column('通知公告', [], 'notice', true)] }))
    expect(fs).toHaveLength(1)
    expect(fs[0].status).toBe('n/a')
    expect(fs[0].section).toBe('统计信息')
  })

  it('asks a person about a column of no class with nothing new for over a year (应更新但长期未更新?)', () => {
    const [f] = run(columnFreshness, page({ columns: [column('事业单位公开招考', [entry('a', '2025-01-01')]), column('专题专栏', [entry('b', '2025-10-01')])] })).filter((x) => x.section === '专题专栏')
    expect(f.status).toBe('review')
    expect(f.message.zh).toContain('请人工判断')
    expect(f.data).toMatchObject({ latestDate: '2025-10-01', class: 'other' })
    // 招考 is personnel vocabulary now: judged as a personnel column (1 year), not left to review.
    const [hire] = run(columnFreshness, page({ columns: [column('事业单位公开招考', [entry('a', '2025-01-01')])] }))
    expect(hire).toMatchObject({ status: 'fail', data: expect.objectContaining({ class: 'long-term' }) })
  })

  it('writes English when asked', () => {
    const [f] = run(columnFreshness, page({ columns: [column('通知公告', [entry('a', '2018-05-03')], 'notice')] }), {}, '2019-01-10', 'veto', 'en')
    expect(f.message.en).toMatch(/not been updated/)
    expect(f.evidence.en).toContain('68 days over')
  })
})

describe('homepage-freshness', () => {
  const home = (entries: Entry[], url = 'https://www.example.gov.cn/') => page({ url, kind: 'portal', columns: [column('要闻', entries, 'news'), column('通知公告', [entry('x', '2025-01-01')], 'notice')] })

  it('passes a home page with an item from the last 2 weeks, pointing at the newest item', () => {
    const p = home([entry('最新', '2026-11-20')])
    const [f] = run(homepageFreshness, p)
    expect(f.status).toBe('pass')
    expect(f.evidence.zh).toContain('2026-11-20')
    expect(f.locator).toEqual(p.columns[0].entries[0].locator)
  })

  it('fails when the newest item of the whole home page is older than 14 days', () => {
    const [f] = run(homepageFreshness, home([entry('旧', '2026-11-01')], 'https://www.example.gov.cn/index.html'))
    expect(f.status).toBe('fail')
    expect(f.evidence.zh).toContain('距审计日 26 天')
    expect(f.evidence.zh).toContain('超期 12 天')
  })

  it('fails a home page whose items carry no date at all', () => {
    const p = page({ url: 'https://www.example.gov.cn/', kind: 'portal', columns: [column('要闻', [entry('a', null), entry('b', null)])] })
    const [f] = run(homepageFreshness, p)
    expect(f.status).toBe('fail')
    expect(f.evidence.zh).toContain('均无日期')
  })

  it('asks for review when no item was seen at all', () => {
    expect(run(homepageFreshness, page({ url: 'https://www.example.gov.cn/', kind: 'portal' }))[0].status).toBe('review')
  })

  it('does not apply below the site root or to other kinds, unless ColumnType says 首页', () => {
    expect(run(homepageFreshness, home([entry('旧', '2020-01-01')], 'https://www.example.gov.cn/zwgk/'))).toEqual([])
    expect(run(homepageFreshness, { ...home([entry('旧', '2020-01-01')]), kind: 'list' })).toEqual([])
    const declared = { ...home([entry('旧', '2020-01-01')], 'https://www.example.gov.cn/site/portal.jsp'), meta: { ColumnType: '首页' } }
    expect(run(homepageFreshness, declared)[0].status).toBe('fail')
  })
})

describe('blank-column', () => {
  it('fails each blank column and states the page count and the site-level veto limit', () => {
    const p = page({ columns: [column('通知公告', [], 'notice', true), column('工作动态', [entry('a', '2026-11-01')], 'news'), column('政策解读', [])] })
    const fs = run(blankColumn, p, {}, '2026-11-27', 'veto')
    expect(fs.map((f) => [f.section, f.status])).toEqual([
      ['通知公告', 'fail'],
      ['政策解读', 'fail'],
    ])
    expect(fs[0].evidence.zh).toContain('本页空白栏目 2 个（共 3 个栏目）')
    expect(fs[0].evidence.zh).toContain('暂无信息')
    expect(fs[0].expected.zh).toContain('≥ 5')
    expect(fs[0].locator).toEqual(p.columns[0].locator)
  })

  it('can downgrade an empty list without placeholder to review, never a printed 暂无信息', () => {
    const p = page({ columns: [column('通知公告', [], 'notice', true), column('政策解读', [])] })
    const fs = run(blankColumn, p, { emptyListStatus: 'review' })
    expect(bySection(fs, '通知公告').status).toBe('fail')
    expect(bySection(fs, '政策解读').status).toBe('review')
  })

  it('passes a page whose columns all have content and says nothing on a page without columns', () => {
    const fs = run(blankColumn, page({ columns: [column('要闻', [entry('a', null)])] }))
    expect(fs).toHaveLength(1)
    expect(fs[0].status).toBe('pass')
    expect(run(blankColumn, page())).toEqual([])
  })
})

describe('disclosure-subcolumns', () => {
  it('passes the four fixed sub-columns on the 政府信息公开 home, each with its locator', () => {
    const p = page({ kind: 'portal', title: '政府信息公开_某某区人民政府', navigation: nav('政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报', '依申请公开') })
    const fs = run(disclosureSubcolumns, p)
    expect(fs.map((f) => f.status)).toEqual(['pass', 'pass', 'pass', 'pass'])
    expect(bySection(fs, '政府信息公开年报').locator).toEqual(p.navigation[3].locator)
  })

  it('reports each missing sub-column with a null locator; 办事指南 and 规章制度 do not count', () => {
    const p = page({ kind: 'directory', columnName: '信息公开', navigation: nav('办事指南', '规章制度', '主动公开内容', '年度报告') })
    const fs = run(disclosureSubcolumns, p)
    expect(bySection(fs, '政府信息公开指南')).toMatchObject({ status: 'fail', locator: null })
    expect(bySection(fs, '政府信息公开制度')).toMatchObject({ status: 'fail', locator: null })
    expect(bySection(fs, '法定主动公开内容').status).toBe('pass')
    expect(bySection(fs, '政府信息公开年报').status).toBe('pass')
  })

  it('finds sub-columns given as an undated link block, not in dated document lists', () => {
    const p = page({
      kind: 'portal',
      title: '政务公开',
      columns: [
        column('政府信息公开专栏', [entry('政府信息公开指南', null), entry('政府信息公开制度', null), entry('法定主动公开内容', null)]),
        column('最新文件', [entry('2025年度政府信息公开工作年度报告', '2026-01-20')], 'notice'),
      ],
    })
    const fs = run(disclosureSubcolumns, p)
    expect(bySection(fs, '政府信息公开指南').status).toBe('pass')
    expect(bySection(fs, '政府信息公开年报').status).toBe('fail')
  })

  it('does not apply to article pages or to lists without the 专栏 navigation', () => {
    expect(run(disclosureSubcolumns, page({ kind: 'article', breadcrumb: ['政务公开', '法定主动公开内容'] }))).toEqual([])
    expect(run(disclosureSubcolumns, page({ kind: 'list', breadcrumb: ['首页', '政务公开', '通知公告'], columnName: '通知公告', navigation: nav('通知公告', '政府信息公开指南') }))).toEqual([])
    const sideNav = page({ kind: 'list', columnName: '政府信息公开年报', navigation: nav('政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报') })
    expect(run(disclosureSubcolumns, sideNav).every((f) => f.status === 'pass')).toBe(true)
  })
})

describe('statutory-categories', () => {
  const names = ['政策文件', '机构职能', '规划计划', '统计信息', '行政许可', '行政处罚', '财政预决算', '行政事业性收费', '政府采购', '重大建设项目', '社会保障', '应急管理', '安全生产', '公务员招考', '其他信息']
  const statutory = (navNames: string[]) => page({ kind: 'list', columnName: '法定主动公开内容', breadcrumb: ['首页', '政府信息公开', '法定主动公开内容'], navigation: nav(...navNames) })

  it('passes all 15 categories when each has a sub-column', () => {
    const fs = run(statutoryCategories, statutory(names), {}, '2026-11-27', 'warning')
    expect(fs).toHaveLength(15)
    expect(fs.every((f) => f.status === 'pass')).toBe(true)
  })

  it('fails a missing category as a warning with a null locator; 人事任免 is not 公务员招考', () => {
    const navNames = names.filter((x) => x !== '公务员招考' && x !== '行政事业性收费').concat('人事任免')
    const fs = run(statutoryCategories, statutory(navNames), {}, '2026-11-27', 'warning')
    const civil = bySection(fs, '公务员招考')
    expect(civil).toMatchObject({ status: 'fail', severity: 'warning', locator: null })
    expect(bySection(fs, '行政事业性收费').status).toBe('fail')
    expect(fs.filter((f) => f.status === 'fail')).toHaveLength(2)
  })

  it('asks for review on a name that may hold the category (人事信息 for 招考)', () => {
    const fs = run(statutoryCategories, statutory(names.filter((x) => x !== '公务员招考').concat('人事信息')))
    expect(bySection(fs, '公务员招考').status).toBe('review')
  })

  it('asks for review rather than failing when almost no sub-structure was seen', () => {
    const fs = run(statutoryCategories, statutory(['政策文件']))
    expect(bySection(fs, '法规、规章和规范性文件').status).toBe('pass')
    expect(fs.filter((f) => f.status === 'fail')).toHaveLength(0)
    expect(bySection(fs, '政府集中采购').status).toBe('review')
  })

  it('does not apply to an article filed under 法定主动公开内容 or to other pages', () => {
    expect(run(statutoryCategories, page({ kind: 'article', columnName: '法定主动公开内容', navigation: nav(...names) }))).toEqual([])
    expect(run(statutoryCategories, page({ kind: 'list', columnName: '通知公告', navigation: nav(...names) }))).toEqual([])
  })
})

describe('guide-elements', () => {
  const full =
    '一、政府信息的分类与编排体系 本机关政府信息按主题分类，编排体系包括索引号、信息名称。二、获取方式 公开渠道：门户网站。' +
    '三、政府信息公开工作机构 名称：某某区人民政府办公室 办公地址：某某路1号 办公时间：9:00-17:00 联系电话：0571-12345678 传真号码：0571-87654321 电子邮箱：xxgk@example.gov.cn'

  it('passes every element of Art. 12 ¶2 when the guide states it', () => {
    const fs = run(guideElements, page({ kind: 'guide', mainText: full }))
    expect(fs.map((f) => f.section)).toEqual(['分类', '编排体系', '获取方式', '机构名称', '办公地址', '办公时间', '联系电话', '传真号码', '互联网联系方式'])
    expect(fs.every((f) => f.status === 'pass')).toBe(true)
    expect(bySection(fs, '办公地址').evidence.zh).toContain('某某路1号')
  })

  it('fails each missing element with a null locator', () => {
    const text = full.replace(/传真号码：[\d-]+/, '').replace(/电子邮箱：\S+/, '')
    const fs = run(guideElements, page({ kind: 'guide', mainText: text }))
    expect(bySection(fs, '传真号码')).toMatchObject({ status: 'fail', locator: null })
    expect(bySection(fs, '互联网联系方式').status).toBe('fail')
    expect(fs.filter((f) => f.status === 'fail')).toHaveLength(2)
  })

  it('asks for review when an element is only mentioned, without a value', () => {
    const text = full.replace(/传真号码：[\d-]+/, '也可通过传真提交申请')
    expect(bySection(run(guideElements, page({ kind: 'guide', mainText: text })), '传真号码').status).toBe('review')
  })

  it('reads letter-spaced labels and points at a matching heading', () => {
    const p = page({ kind: 'guide', mainText: `${full} 办 公 时 间 ：周一至周五`, headings: [heading('三、政府信息公开工作机构', 3)] })
    expect(bySection(run(guideElements, p), '机构名称').locator).toEqual(p.headings[0].locator)
  })

  it('does not apply to other kinds', () => {
    expect(run(guideElements, page({ kind: 'article', mainText: '' }))).toEqual([])
  })
})

describe('annual-report-structure', () => {
  const six = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']
  const report = (year: number | null, parts: string[], intro = '') =>
    page({ kind: 'annual-report', title: year ? `${year}年某某局政府信息公开工作年度报告` : '某某局年度报告', reportYear: year, mainText: [intro, ...parts.map((p) => `${p} 正文内容。`)].join(' '), headings: parts.map((p, i) => heading(p, i + 2)) })

  it('passes a 2023 report with the six parts of the 2021 format', () => {
    const fs = run(annualReportStructure, report(2023, six))
    expect(fs).toHaveLength(6)
    expect(fs.every((f) => f.status === 'pass' && f.severity === 'error')).toBe(true)
    expect(fs[0].expected.zh).toContain('〔2021〕30号')
  })

  it('fails each missing part with a null locator, even when the introduction names it', () => {
    const fs = run(annualReportStructure, report(2023, six.filter((p) => !p.startsWith('五')), '本报告由总体情况…存在的主要问题及改进情况、其他需要报告的事项六部分组成'))
    const five = bySection(fs, '五、存在的主要问题及改进情况')
    expect(five.status).toBe('review') // named in the introduction only: a person decides
    const fs2 = run(annualReportStructure, report(2023, six.filter((p) => !p.startsWith('五'))))
    expect(bySection(fs2, '五、存在的主要问题及改进情况')).toMatchObject({ status: 'fail', locator: null })
  })

  it('accepts the 2019 trial-format wording for a 2019 report', () => {
    const parts = [six[0], six[1], six[2], '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况', '五、政府信息公开工作存在的主要问题及改进情况', six[5]]
    const fs = run(annualReportStructure, report(2019, parts))
    expect(fs.every((f) => f.status === 'pass')).toBe(true)
    expect(fs[0].expected.zh).toContain('〔2019〕60号')
  })

  it('asks for review when the parts are out of order', () => {
    const fs = run(annualReportStructure, report(2022, [six[1], six[0], ...six.slice(2)]))
    expect(bySection(fs, '章节顺序').status).toBe('review')
    expect(fs.filter((f) => f.status === 'fail')).toHaveLength(0)
  })

  it('treats a pre-2019 report as informational: never fail', () => {
    const fs = run(annualReportStructure, report(2015, ['一、概述', '二、主动公开政府信息的情况']))
    expect(fs.every((f) => f.severity === 'info')).toBe(true)
    expect(fs.some((f) => f.status === 'fail')).toBe(false)
    expect(bySection(fs, '一、概述').status).toBe('pass')
    expect(bySection(fs, '四、政府信息公开的收费及减免情况').status).toBe('review')
  })

  it('asks for review when the year is unknown and reads it from the title otherwise', () => {
    expect(run(annualReportStructure, report(null, six)).map((f) => f.status)).toEqual(['review'])
    const fromTitle = { ...report(2023, six), reportYear: null }
    expect(run(annualReportStructure, fromTitle)[0].evidence.zh).toContain('年度取自标题')
  })
})

describe('annual-report-timeliness', () => {
  const reportPage = (year: number, published: string | null) =>
    page({ kind: 'annual-report', title: `${year}年政府信息公开工作年度报告`, reportYear: year, visibleDate: published ? { iso: published, raw: published, locator: loc('p.date') } : null })

  it('passes a report published by 31 January and fails one published after, with the delay', () => {
    expect(run(annualReportTimeliness, reportPage(2023, '2024-01-31'))[0].status).toBe('pass')
    const [late] = run(annualReportTimeliness, reportPage(2023, '2024-02-05'))
    expect(late.status).toBe('fail')
    expect(late.evidence.zh).toContain('2024-02-05')
    expect(late.evidence.zh).toContain('截止日 2024-01-31 共 5 天')
    expect(late.locator).toEqual({ css: 'p.date', text: '' })
  })

  it('takes a configured deadline (本级政府 03-31) and the 3月31日 of the old 条例 for reports on 2018 and before', () => {
    expect(run(annualReportTimeliness, reportPage(2020, '2021-03-30'), { deadline: '03-31' })[0].status).toBe('pass')
    expect(run(annualReportTimeliness, reportPage(2020, '2021-03-30'))[0].status).toBe('fail')
    expect(run(annualReportTimeliness, reportPage(2017, '2018-03-20'))[0].status).toBe('pass')
  })

  it('recognises a government-level report by its title (due 03-31), not a department\'s or a 管委会 zone\'s', () => {
    const titled = (title: string) => ({ ...reportPage(2023, '2024-03-20'), title })
    expect(run(annualReportTimeliness, titled('2023年上海市政府信息公开工作年度报告'))[0].status).toBe('pass')
    expect(run(annualReportTimeliness, titled('杭州市西湖区2023年政府信息公开工作年度报告'))[0].status).toBe('pass')
    expect(run(annualReportTimeliness, titled('2023年上海市人民政府办公厅政府信息公开工作年度报告'))[0].status).toBe('fail')
    expect(run(annualReportTimeliness, titled('某某市财政局2023年政府信息公开工作年度报告'))[0].status).toBe('fail')
    expect(run(annualReportTimeliness, titled('平潭综合实验区2023年度政府信息公开工作年度报告'))[0].status).toBe('fail')
    // A pack that treats every report as a department's switches the title patterns off.
    expect(run(annualReportTimeliness, titled('2023年上海市政府信息公开工作年度报告'), { governmentTitlePatterns: ['$^'] })[0].status).toBe('fail')
  })

  it('falls back to the metadata 发布日期, and asks for review without any date', () => {
    const withMeta = { ...reportPage(2023, null), metadata: { fields: { publishDate: { key: 'publishDate' as const, label: '发布日期', value: '2024年2月1日', locator: loc('td') } }, raw: [], locator: null } }
    expect(run(annualReportTimeliness, withMeta)[0].status).toBe('fail')
    expect(run(annualReportTimeliness, reportPage(2023, null))[0].status).toBe('review')
  })

  const list = (entries: Entry[]) => page({ kind: 'list', columnName: '政府信息公开年报', columns: [column('政府信息公开年报', entries)] })

  it('on the 年报 list, fails when last year\'s report is absent after the deadline', () => {
    const [f] = run(annualReportTimeliness, list([entry('2024年度政府信息公开工作年度报告', '2025-01-20')]), {}, '2026-02-01')
    expect(f).toMatchObject({ status: 'fail', section: '2025 年度报告', locator: null })
    expect(f.evidence.zh).toContain('2024')
  })

  it('on the 年报 list, before the deadline the previous year\'s report is the one required', () => {
    const [f] = run(annualReportTimeliness, list([entry('2024年度政府信息公开工作年度报告', '2025-01-20')]), {}, '2026-01-31')
    expect(f).toMatchObject({ status: 'pass', section: '2024 年度报告' })
  })

  it('on the 年报 list, judges the listed date of the report against the deadline', () => {
    const l = list([entry('2025年度政府信息公开工作年度报告', '2026-03-10'), entry('2024年度政府信息公开工作年度报告', '2025-01-20')])
    expect(run(annualReportTimeliness, l)[0].status).toBe('fail')
    expect(run(annualReportTimeliness, l, { deadline: '03-31' })[0].status).toBe('pass')
  })

  it('does not apply to other pages', () => {
    expect(run(annualReportTimeliness, page({ kind: 'list', columnName: '通知公告', columns: [column('通知公告', [entry('2025年度报告', '2026-01-01')])] }))).toEqual([])
  })
})
