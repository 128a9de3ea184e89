// The pure half of the site scan, on hand-built page models: what an auditor would read for each column, each link
// and the site as a whole.
import { pageModel } from '../support/models.ts'
import { freshnessCutoff } from '../../src/engine/rule-kit/freshness.ts'
import { describe, expect, it } from 'vitest'
import {
  classifyLink,
  columnLinksOf,
  columnResult,
  extractAnchors,

  isPaginationName,
  isSoft404,
  linkFindings,
  looksLikeLoginPage,
  looksLikeLoginUrl,
  networkErrorKind,
  normalizeUrl,
  siteCounts,
  siteFindings,
  siteLimits,
  siteRulesOf,
  SITE_RULE_ID,
  siteVerdict,
  type SiteColumn,
  type SiteLink,
} from '../../src/engine/site/index.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import type { Column, Entry, FreshnessClass, PageModel, RuleDef } from '../../src/engine/types.ts'

const ASOF = '2026-05-20'
const loc = { css: 'html > body', text: '' }

function entry(date: string | null, title = '条目'): Entry {
  return { title, href: '/a.html', date: date ? { iso: date, raw: date } : null, locator: loc }
}

function column(name: string, dates: (string | null)[], extra: Partial<Column> = {}): Column {
  return {
    name,
    href: null,
    locator: loc,
    entries: dates.map((d) => entry(d)),
    emptyMarker: false,
    freshnessClass: 'other',
    via: 'page',
    ...extra,
  }
}

const model = (extra: Partial<PageModel> = {}): PageModel => pageModel({ url: 'http://www.example.gov.cn/', ...extra })

function col(name: string, cls: FreshnessClass, status: SiteColumn['status'], extra: Partial<SiteColumn> = {}): SiteColumn {
  return { name, url: null, class: cls, entries: 1, latestDate: '2020-01-01', daysSince: 2331, status, ...extra }
}

describe('normalizeUrl', () => {
  it('maps spellings of one page onto one key and keeps pages apart', () => {
    expect(normalizeUrl('HTTP://WWW.Example.gov.cn:80/a/#top')).toBe('http://www.example.gov.cn/a/')
    expect(normalizeUrl('../b/index.html?utm_source=x', 'http://www.example.gov.cn/a/c/')).toBe('http://www.example.gov.cn/a/b/index.html')
    expect(normalizeUrl('list.html?page=2', 'http://x.gov.cn/a/')).not.toBe(normalizeUrl('list.html?page=3', 'http://x.gov.cn/a/'))
    expect(normalizeUrl('javascript:void(0)', 'http://x.gov.cn/')).toBeNull()
    expect(normalizeUrl('mailto:a@x.gov.cn', 'http://x.gov.cn/')).toBeNull()
    expect(normalizeUrl('#', 'http://x.gov.cn/')).toBeNull()
  })
})

describe('columnLinksOf', () => {
  const page = model({
    kind: 'portal',
    columns: [
      column('工作动态', ['2026-05-18'], { href: '/gzdt/', via: 'ul' }),
      column('友情链接', [], { href: 'http://www.gov.cn/', via: 'ul' }),
    ],
    navigation: [
      { name: '首页', href: '/', locator: loc },
      { name: '工作动态', href: '/gzdt/index.html', locator: loc },
      { name: '工作 动态', href: '/gzdt/#x', locator: loc },
      { name: '通知公告', href: '/tzgg/', locator: loc },
      { name: '人事信息', href: 'rsxx/', locator: loc },
      { name: '下一页', href: '/tzgg/?page=2', locator: loc },
      { name: '2', href: '/tzgg/?page=2', locator: loc },
      { name: '一篇文章', href: '/gzdt/202605/t20260518_1.html', locator: loc },
      { name: '统一登录', href: 'https://sso.example.gov.cn/login', locator: loc },
      { name: '外站栏目', href: 'http://other.gov.cn/tzgg/', locator: loc },
      { name: '统计年报', href: '/tjsj/2025.pdf', locator: loc },
      { name: '无链接', href: null, locator: loc },
    ],
  })
  const links = columnLinksOf(page, { pageUrl: 'http://www.example.gov.cn/xxgk/' })

  it('keeps same-site column links once, classed by name, block links first', () => {
    expect(links.map((l) => [l.name, l.url.replace('http://www.example.gov.cn', ''), l.class, l.via])).toEqual([
      ['工作动态', '/gzdt/', 'news', 'more'],
      ['工作动态', '/gzdt/index.html', 'news', 'navigation'],
      ['通知公告', '/tzgg/', 'notice', 'navigation'],
      ['人事信息', '/xxgk/rsxx/', 'long-term', 'navigation'],
      ['统计年报', '/tjsj/2025.pdf', 'other', 'navigation'],
    ])
  })

  it('never follows pagination, articles, sign-in pages or other sites', () => {
    expect(isPaginationName('下一页')).toBe(true)
    expect(isPaginationName('尾页')).toBe(true)
    expect(isPaginationName('12')).toBe(true)
    expect(isPaginationName('通知公告')).toBe(false)
    expect(links.some((l) => /page=|t20260518|sso|other\.gov/.test(l.url))).toBe(false)
  })
})

describe('extractAnchors', () => {
  it('lists each link once, marks attachments, and reads jcms datastore records but not its data proxy', () => {
    const html = `<base href="http://x.gov.cn/zw/"><a href="a.html">A</a><a href="a.html#p">A again</a>
      <a href="/f/1.PDF">附件</a><a href="mailto:x@x.gov.cn">信箱</a>
      <script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/jpage/dataproxy.jsp?page=1"></a>]]></nextgroup>
      <recordset><record><![CDATA[<li><a href="/art/2026/5/1/art_1_2.html?a=1&amp;b=2">记录</a></li>]]></record></recordset></datastore></script>`
    const anchors = extractAnchors(html, 'http://x.gov.cn/index.html')
    expect(anchors.map((a) => [a.url, a.attachment])).toEqual([
      ['http://x.gov.cn/zw/a.html', false],
      ['http://x.gov.cn/f/1.PDF', true],
      ['http://x.gov.cn/art/2026/5/1/art_1_2.html?a=1&b=2', false],
    ])
    expect(extractAnchors(html, 'http://x.gov.cn/', 1)).toHaveLength(1)
  })
})

describe('columnResult', () => {
  const at = (name: string, dates: (string | null)[], cls?: FreshnessClass) =>
    columnResult(model({ columns: [column(name, dates)] }), { name, url: 'http://x.gov.cn/c/', asOf: ASOF, class: cls })

  it('a news column is fresh on day 14 and stale on day 15', () => {
    expect(at('工作动态', ['2026-05-06', '2026-04-01'])).toMatchObject({
      class: 'news',
      entries: 2,
      latestDate: '2026-05-06',
      daysSince: 14,
      status: 'ok',
    })
    const stale = at('工作动态', ['2026-05-05'])
    expect(stale).toMatchObject({ status: 'stale', daysSince: 15 })
    expect(stale.detail).toContain('超过 2 周')
  })

  it('a notice column is judged by calendar months, a personnel column by one year', () => {
    expect(freshnessCutoff('2026-08-31', { months: 6 })).toBe('2026-02-28')
    expect(at('通知公告', ['2025-11-20']).status).toBe('ok')
    expect(at('通知公告', ['2025-11-19']).status).toBe('stale')
    expect(at('人事任免', ['2025-05-20']).status).toBe('ok')
    expect(at('人事任免', ['2025-05-19']).status).toBe('stale')
  })

  it('undated entries count as not updated; an empty list is blank; other columns have no time limit', () => {
    expect(at('政策文件', [null, null])).toMatchObject({ status: 'stale', latestDate: null, entries: 2 })
    expect(at('政策文件', [])).toMatchObject({ status: 'blank', entries: 0 })
    expect(at('机构概况', ['2026-01-01'])).toMatchObject({ status: 'ok', class: 'other' })
    // Nothing new for over a year in a column of no class: counted only as "not determined" toward 19号.
    expect(at('机构概况', ['2010-01-01'])).toMatchObject({ status: 'stale', unconfirmed: true, class: 'other', daysSince: 5983 })
  })

  it('picks the column by its name over a longer sidebar list', () => {
    const page = model({
      columns: [column('热点信息', ['2026-05-19', '2026-05-18', '2026-05-17'], { via: 'ul' }), column('通知公告', ['2024-01-01'], { via: 'ul' })],
    })
    expect(columnResult(page, { name: '通知公告', url: null, asOf: ASOF })).toMatchObject({ entries: 1, status: 'stale' })
  })

  it('a one-page column without a list is judged by its publication date', () => {
    const page = model({ kind: 'article', mainText: '本机关的主要职责是……'.repeat(5), visibleDate: { iso: '2026-05-01', raw: '2026-05-01', locator: null } })
    expect(columnResult(page, { name: '部门动态', url: null, asOf: ASOF })).toMatchObject({ entries: 1, latestDate: '2026-05-01', status: 'stale' })
  })
})

describe('page signals', () => {
  it('soft 404: a tiny 200 page saying 页面不存在, not a long page that mentions 404', () => {
    expect(isSoft404('<title>提示</title><body><p>抱歉，您访问的页面不存在！</p></body>')).toBe(true)
    expect(isSoft404('<title>404</title><body>Not Found</body>')).toBe(true)
    expect(isSoft404('<body><p>抱歉，您访问的页面不存在！</p></body>', 404)).toBe(false)
    const article = `<title>关于网站整改的通知</title><p>${'清理页面不存在等问题，'.repeat(60)}</p>`
    expect(isSoft404(article)).toBe(false)
  })

  it('login: a redirect to an SSO address or a password form', () => {
    expect(looksLikeLoginUrl('http://x.gov.cn/login/index.html?service=%2Fa')).toBe(true)
    expect(looksLikeLoginUrl('https://sso.x.gov.cn/')).toBe(true)
    expect(looksLikeLoginUrl('http://x.gov.cn/zwgk/catalog/')).toBe(false)
    expect(looksLikeLoginPage('<form><h1>用户登录</h1><input type="password" name="p"></form>')).toBe(true)
    expect(looksLikeLoginPage('<p>登录后可查看</p>')).toBe(false)
  })

  it('links: broken only when the site is at fault, unverifiable when it may be us', () => {
    expect(classifyLink({ httpStatus: 404 })).toBe('broken')
    expect(classifyLink({ httpStatus: 410 })).toBe('broken')
    expect(classifyLink({ httpStatus: 503 })).toBe('broken')
    expect(classifyLink({ httpStatus: null, error: 'dns' })).toBe('broken')
    expect(classifyLink({ httpStatus: 403 })).toBe('unverifiable')
    expect(classifyLink({ httpStatus: null, error: 'timeout' })).toBe('unverifiable')
    expect(classifyLink({ httpStatus: null, error: 'refused' })).toBe('unverifiable')
    expect(classifyLink({ httpStatus: 200, soft404: true })).toBe('soft404')
    expect(classifyLink({ httpStatus: 200 })).toBe('ok')
    expect(networkErrorKind(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }))).toBe('dns')
    expect(networkErrorKind(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))).toBe('refused')
    expect(networkErrorKind(new TypeError('Failed to fetch'))).toBe('network')
  })
})

describe('column-freshness-site', () => {
  const opts = { url: 'http://x.gov.cn/', asOf: ASOF }
  const stale = (n: number, cls: FreshnessClass, prefix: string) => Array.from({ length: n }, (_, i) => col(`${prefix}${i + 1}`, cls, 'stale'))
  const byStatus = (cols: SiteColumn[]) => siteFindings(cols, opts).map((f) => [f.section, f.status])

  it('4 stale news/notice columns pass, the 5th is a veto listing all five', () => {
    const four = [...stale(2, 'news', '动态'), ...stale(2, 'notice', '通知'), col('要闻', 'news', 'ok')]
    expect(byStatus(four)[0]).toEqual(['动态要闻类、通知公告类栏目不更新', 'pass'])
    const five = [...four, col('公告5', 'notice', 'stale', { latestDate: '2025-01-01', daysSince: 504 })]
    const [f] = siteFindings(five, opts)
    expect(f).toMatchObject({ status: 'fail', severity: 'veto', ruleId: 'column-freshness-site', source: '国办秘函〔2019〕19号 单项否决·栏目不更新' })
    expect(f.evidence.zh).toContain('5 个（单项否决线 5 个）')
    for (const name of ['动态1', '动态2', '通知1', '通知2', '公告5（最新 2025-01-01，距今 504 天）']) expect(f.evidence.zh).toContain(name)
    expect(f.evidence.zh).not.toContain('要闻')
    expect(siteVerdict(siteFindings(five, opts))).toBe('veto')
  })

  it('a second-level notice column does not count toward the first limit (19号: 一级栏目) but does toward ≥ 10', () => {
    const cols = [...stale(4, 'news', '动态'), col('子栏目通知', 'notice', 'stale', { level: 2 })]
    expect(byStatus(cols).map((x) => x[1])).toEqual(['pass', 'pass', 'pass'])
    expect(siteCounts(cols)).toEqual({ staleNews: 4, staleNotice: 1, staleLongTerm: 0, blank: 0 })
  })

  it('10 stale columns of any class with a time limit are a veto; 9 are not', () => {
    const nine = [...stale(2, 'news', 'n'), ...stale(2, 'notice', 't'), ...stale(5, 'long-term', '规划'), col('其他', 'other', 'ok')]
    expect(byStatus(nine)[1][1]).toBe('pass')
    expect(byStatus([...nine, col('人事', 'long-term', 'stale')])[1][1]).toBe('fail')
  })

  it('5 blank columns are a veto; unreadable columns that could reach a limit ask for review', () => {
    const blank = (n: number) => Array.from({ length: n }, (_, i) => col(`空${i}`, 'other', 'blank', { entries: 0, latestDate: null, daysSince: null }))
    expect(byStatus(blank(5))[2]).toEqual(['空白栏目', 'fail'])
    const four = [...blank(4), col('图片栏目', 'other', 'not-html')]
    expect(byStatus(four)[2][1]).toBe('pass')
    const review = siteFindings([...blank(4), col('登录栏目', 'other', 'login')], opts)[2]
    expect(review.status).toBe('review')
    expect(review.evidence.zh).toContain('另有 1 个栏目无法判断：登录栏目（需登录）')
    expect(siteVerdict([review])).toBe('review')
  })

  it('ids are stable per section and site; a pack can retune the limits; English text with lang en', () => {
    const cols = stale(3, 'news', '动态')
    const a = siteFindings(cols, opts)
    expect(new Set(a.map((f) => f.id)).size).toBe(3)
    expect(siteFindings(cols, opts).map((f) => f.id)).toEqual(a.map((f) => f.id))
    expect(siteFindings(cols, { ...opts, url: 'http://y.gov.cn/' })[0].id).not.toBe(a[0].id)
    const rule: RuleDef = {
      id: 'column-freshness-site',
      kind: 'column-freshness-site',
      title: { zh: '栏目', en: 'c' },
      severity: 'error',
      source: '本地规则',
      params: { staleNewsNotice: 3 },
    }
    expect(siteFindings(cols, { ...opts, rule })[0]).toMatchObject({ status: 'fail', severity: 'error', source: '本地规则' })
    expect(siteFindings(cols, { ...opts, lang: 'en' })[0].message.en).toMatch(/^Stale news/)
  })

  it('no columns at all is a review, never a silent pass', () => {
    expect(siteFindings([], opts).map((f) => f.status)).toEqual(['review'])
  })
})

describe('link-check findings', () => {
  const start = 'https://www.example.gov.cn/'
  const from = 'https://www.example.gov.cn/zcwj/'
  const link = (path: string, result: SiteLink['result'], httpStatus: number | null, extra: Partial<SiteLink> = {}): SiteLink => ({
    url: `https://www.example.gov.cn${path}`,
    from,
    result,
    httpStatus,
    ...extra,
  })
  const links: SiteLink[] = [
    link('/a.html', 'ok', 200),
    link('/files/plan.pdf', 'broken', 404, { attachment: true }),
    link('/gone.html', 'broken', 410),
    link('/czzj/', 'soft404', 200),
    link('/slow.xlsx', 'unverifiable', null, { error: 'timeout', attachment: true }),
    link('/nowhere/', 'broken', null, { error: 'dns' }),
  ]

  it('one finding per non-ok link, with the status, the page it was on, the clipped link as section and stable ids', () => {
    const out = linkFindings(links, { url: start, asOf: ASOF })
    expect(out.map((f) => [f.section.replace('https://www.example.gov.cn', ''), f.status, f.message.zh])).toEqual([
      ['/files/plan.pdf', 'fail', '附件无法下载'],
      ['/gone.html', 'fail', '链接失效'],
      ['/czzj/', 'fail', '链接指向的页面显示“页面不存在”（软404）'],
      ['/slow.xlsx', 'review', '链接无法核实（可能被防火墙拦截、需登录或超时），请人工打开确认'],
      ['/nowhere/', 'fail', '链接失效'],
    ])
    expect(out[0]).toMatchObject({ ruleId: 'link-check', severity: 'warning', locator: null, evidence: expect.objectContaining({ zh: `HTTP 404；所在页面：${from}` }) })
    expect(out[3].evidence.zh).toContain('请求超时')
    expect(out[4].evidence.zh).toContain('域名无法解析')
    expect(new Set(out.map((f) => f.id)).size).toBe(out.length)
    expect(linkFindings(links, { url: start, asOf: ASOF }).map((f) => f.id)).toEqual(out.map((f) => f.id))
    const long = link(`/${'x'.repeat(200)}.html`, 'broken', 404)
    expect(linkFindings([long], { url: start, asOf: ASOF })[0].section.length).toBeLessThanOrEqual(81)
  })

  it('one pass finding when every link is ok, none when no link was checked', () => {
    const ok = linkFindings([link('/a.html', 'ok', 200), link('/b.pdf', 'ok', 200)], { url: start, asOf: ASOF })
    expect(ok).toHaveLength(1)
    expect(ok[0]).toMatchObject({ status: 'pass', ruleId: 'link-check' })
    expect(ok[0].evidence.zh).toContain('共检查 2 个链接')
    expect(linkFindings([], { url: start, asOf: ASOF })).toEqual([])
  })

  it('follows the pack params, but unverifiable never fails', () => {
    const rule = { ...nationalPack().rules.find((r) => r.id === 'link-check')! }
    rule.params = { fail: ['broken', 'unverifiable'], review: ['soft404'] }
    const out = linkFindings(links, { url: start, asOf: ASOF, rule })
    const by = Object.fromEntries(out.map((f) => [f.section.replace('https://www.example.gov.cn', ''), f.status]))
    expect(by).toMatchObject({ '/czzj/': 'review', '/slow.xlsx': 'review', '/gone.html': 'fail' })
  })

  it('site rules come from the packs; built-in defaults only for a kind no pack defines; disabled stays off', () => {
    const national = nationalPack()
    expect(siteRulesOf([national]).map((g) => [g.kind, g.rules.map((r) => r.source)])).toEqual([
      ['column-freshness-site', ['国办秘函〔2019〕19号 单项否决·栏目不更新']],
      ['link-check', ['国办秘函〔2019〕19号 扣分指标·可用性（不可用链接）']],
      ['veto-hits-site', ['国办秘函〔2019〕19号 单项否决·互动回应差；单项否决·严重问题第1项（出现严重表述错误）']],
    ])
    const pageOnly = { ...national, rules: national.rules.filter((r) => r.scope !== 'site') }
    expect(siteRulesOf([pageOnly]).map((g) => g.rules.map((r) => r.id))).toEqual([['column-freshness-site'], ['link-check'], ['veto-hits-site']])
    const off = { id: 'local', version: '1', title: national.title, rules: [{ ...national.rules.find((r) => r.id === 'link-check')!, enabled: false }] }
    expect(siteRulesOf([national, off]).find((g) => g.kind === 'link-check')?.rules).toEqual([])
    const tuned = { ...off, rules: [{ ...national.rules.find((r) => r.id === 'column-freshness-site')!, params: { staleNewsNotice: 2, staleAll: 3, blank: 1 } }] }
    const rule = siteRulesOf([national, tuned])[0].rules[0]
    const cols: SiteColumn[] = [
      { name: '空', url: null, class: 'notice', entries: 0, latestDate: null, daysSince: null, status: 'blank' },
    ]
    expect(siteFindings(cols, { url: start, asOf: ASOF, rule })[2]).toMatchObject({ status: 'fail' })
  })
})

describe('site veto limits come from the rule pack', () => {
  it('reads the national pack by default and a local pack’s retuned limits, keeping 19号 values it leaves out', () => {
    expect(siteLimits()).toEqual({ staleNewsNotice: 5, staleAll: 10, blank: 5 })
    const national = nationalPack().rules.find((r) => r.id === SITE_RULE_ID)!
    const local = { ...national, params: { ...national.params, staleAll: 8 } }
    delete (local.params as Record<string, unknown>).blank
    expect(siteLimits(local)).toEqual({ staleNewsNotice: 5, staleAll: 8, blank: 5 })
  })
})
