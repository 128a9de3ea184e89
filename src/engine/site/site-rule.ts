// The site-level veto of 国办秘函〔2019〕19号 "栏目不更新": counted across all columns of the site, so it can only be
// judged after a site scan, never from one page.
import { isDismissed } from '../cycle/dismissals.ts'
import { makeContext } from '../finding.ts'
import { scopedRules } from '../pack.ts'
import type { Finding, IsoDate, Lang, Localized, RuleDef, RulePack, Status } from '../types.ts'
import { describeLimit, type FreshnessSettings } from '../rule-kit/freshness.ts'
import { freshnessOf, nationalFreshness, nationalSiteRule, nationalSiteRules } from './default-rules.ts'
import type { SiteColumn, SiteCounts } from './types.ts'

export const SITE_RULE_ID = 'column-freshness-site'

export interface SiteLimits {
  /** 动态/要闻 stale (2 weeks) + 通知公告/政策文件 stale (6 months): veto at ≥ this many. */
  staleNewsNotice: number
  /** 应更新但长期未更新的栏目 (every class with a time limit): veto at ≥ this many. */
  staleAll: number
  /** 空白栏目: veto at ≥ this many. */
  blank: number
}


export function siteCounts(columns: readonly SiteColumn[]): SiteCounts {
  const stale = (cls: SiteColumn['class']): number => columns.filter((c) => c.status === 'stale' && c.class === cls).length
  return {
    staleNews: stale('news'),
    staleNotice: stale('notice'),
    staleLongTerm: stale('long-term'),
    blank: columns.filter((c) => c.status === 'blank').length,
  }
}

/** Columns the scan could not judge: they might push a count over its limit. */
function undetermined(c: SiteColumn): boolean {
  return c.status !== 'ok' && c.status !== 'stale' && c.status !== 'blank'
}

export const COLUMN_STATUS_ZH: Record<SiteColumn['status'], string> = {
  ok: '正常',
  stale: '未更新',
  blank: '空白',
  unreachable: '无法访问',
  'not-html': '非网页（图片/PDF等）',
  offsite: '跳转至站外',
  'too-large': '页面过大，未完整读取',
  login: '需登录',
  soft404: '页面不存在',
  error: '解析出错',
}

function describe(c: SiteColumn): string {
  if (c.status === 'blank') return `${c.name}（无内容）`
  if (c.status === 'stale') {
    return c.latestDate ? `${c.name}（最新 ${c.latestDate}，距今 ${c.daysSince} 天）` : `${c.name}（条目无日期）`
  }
  return `${c.name}（${COLUMN_STATUS_ZH[c.status]}）`
}

function listText(cols: readonly SiteColumn[]): string {
  return cols.map(describe).join('；')
}

export interface SiteFindingOptions {
  /** Where the scan started: the findings belong to the site, and their ids are keyed on this address. */
  url: string | null
  asOf: IsoDate
  lang?: Lang
  limits?: Partial<SiteLimits>
  freshness?: FreshnessSettings
  /** A pack's own definition of the rule (severity, source, params); the built-in one otherwise. */
  rule?: RuleDef
}

interface Check {
  key: 'staleNewsNotice' | 'staleAll' | 'blank'
  section: Localized
  members: SiteColumn[]
  unknown: SiteColumn[]
  limit: number
  expected: Localized
}

/**
 * One finding per veto limit, each listing the columns behind its count: fail when the limit is reached, review
 * when columns the scan could not read could still reach it, pass otherwise.
 */
export function siteFindings(columns: readonly SiteColumn[], opts: SiteFindingOptions): Finding[] {
  const rule = opts.rule ?? nationalSiteRule(SITE_RULE_ID)
  const limits: SiteLimits = { ...siteLimits(rule), ...opts.limits }
  const fresh = opts.freshness ?? nationalFreshness()
  const limitOf = (cls: string): string => {
    const def = fresh.classes.find((c) => c.class === cls)
    return def ? describeLimit(def.maxAge).zh : '—'
  }
  const limitEn = (cls: string): string => {
    const def = fresh.classes.find((c) => c.class === cls)
    return def ? describeLimit(def.maxAge).en : '—'
  }
  const members = vetoMembers(columns)
  const ctx = makeContext(rule, { asOf: opts.asOf, lang: opts.lang, url: opts.url })
  const lang = opts.lang ?? 'zh'

  if (columns.length === 0) {
    return [
      ctx.finding({
        status: 'review',
        section: lang === 'en' ? 'Site columns' : '全站栏目',
        message: { zh: '巡检未找到任何栏目，无法统计栏目更新情况，请人工核查', en: 'The scan found no columns; check by hand' },
        evidence: { zh: '未找到栏目链接', en: 'no column links found' },
        expected: { zh: '逐一核查各栏目的更新情况', en: 'check each column by hand' },
        locator: null,
      }),
    ]
  }

  const is = (...classes: SiteColumn['class'][]) => (c: SiteColumn) => classes.includes(c.class)
  const checks: Check[] = [
    {
      key: 'staleNewsNotice',
      section: { zh: '动态要闻类、通知公告类栏目不更新', en: 'Stale news and notice/policy columns' },
      // 2019 counts only first-level 通知公告/政策文件 columns; a column whose level is unknown is counted.
      members: members.staleNewsNotice,
      unknown: columns.filter((c) => undetermined(c) && is('news', 'notice')(c)),
      limit: limits.staleNewsNotice,
      expected: {
        zh: `动态、要闻类栏目 ${limitOf('news')}内、通知公告、政策文件类一级栏目 ${limitOf('notice')}内应有更新，累计不更新栏目应少于 ${limits.staleNewsNotice} 个`,
        en: `news columns updated within ${limitEn('news')} and notice/policy columns within ${limitEn('notice')}; fewer than ${limits.staleNewsNotice} stale in total`,
      },
    },
    {
      key: 'staleAll',
      section: { zh: '应更新但长期未更新的栏目', en: 'Columns that should be updated but are not' },
      members: members.staleAll,
      unknown: columns.filter((c) => (undetermined(c) && c.class !== 'other') || (c.status === 'stale' && c.unconfirmed)),
      limit: limits.staleAll,
      expected: {
        zh: `应更新但长期未更新的栏目应少于 ${limits.staleAll} 个（人事、规划计划类 ${limitOf('long-term')}内应有更新）`,
        en: `fewer than ${limits.staleAll} columns that should be updated but are not`,
      },
    },
    {
      key: 'blank',
      section: { zh: '空白栏目', en: 'Blank columns' },
      members: members.blank,
      // A PDF or an image is content: such a column is not blank, whatever else is wrong with it.
      unknown: columns.filter((c) => undetermined(c) && c.status !== 'not-html'),
      limit: limits.blank,
      expected: { zh: `空白栏目（有栏目无内容）应少于 ${limits.blank} 个`, en: `fewer than ${limits.blank} blank columns` },
    },
  ]

  return checks.map((check) => {
    const n = check.members.length
    const status: Status = n >= check.limit ? 'fail' : n + check.unknown.length >= check.limit ? 'review' : 'pass'
    const section = check.section[lang] || check.section.zh
    const head = `${n} 个（单项否决线 ${check.limit} 个）`
    const listed = n ? `：${listText(check.members)}` : ''
    const extra = check.unknown.length ? `；另有 ${check.unknown.length} 个栏目无法判断：${listText(check.unknown)}` : ''
    const evidenceEn = `${n} (veto at ${check.limit})${n ? ': ' + check.members.map((c) => c.name).join(', ') : ''}${
      check.unknown.length ? `; ${check.unknown.length} not determined: ${check.unknown.map((c) => c.name).join(', ')}` : ''
    }`
    const message: Localized =
      status === 'fail'
        ? { zh: `${check.section.zh}达到 ${n} 个，可能触发单项否决：栏目不更新`, en: `${check.section.en}: ${n}, may trigger the veto item` }
        : status === 'review'
          ? {
              zh: `${check.section.zh} ${n} 个，另有 ${check.unknown.length} 个栏目无法判断，可能达到否决线，请人工核查`,
              en: `${check.section.en}: ${n}, ${check.unknown.length} undetermined; check by hand`,
            }
          : { zh: `${check.section.zh} ${n} 个，未达单项否决线`, en: `${check.section.en}: ${n}, below the veto limit` }
    return ctx.finding({
      status,
      section,
      message,
      evidence: { zh: head + listed + extra, en: evidenceEn },
      expected: check.expected,
      locator: null,
      key: check.key,
      data: {
        count: n,
        limit: check.limit,
        undetermined: check.unknown.length,
        columns: check.members.map((c) => c.name),
        undeterminedColumns: check.unknown.map((c) => c.name),
      },
    })
  })
}

/** Whether any veto limit is reached: the panel's "可能触发单项否决：栏目不更新". */
export function siteVerdict(findings: readonly Finding[]): 'veto' | 'review' | 'pass' {
  // A count the auditor dismissed (e.g. a column the office closed) no longer decides the site's verdict.
  const counted = findings.filter((f) => f.ruleId === SITE_RULE_ID && !isDismissed(f))
  if (counted.some((f) => f.status === 'fail')) return 'veto'
  if (counted.some((f) => f.status === 'review')) return 'review'
  return 'pass'
}

/** The veto limits a site rule sets; a limit its params leave out keeps the 19号 value. */
export function siteLimits(rule: RuleDef = nationalSiteRule(SITE_RULE_ID)): SiteLimits {
  // Validated packs always carry all three (the kind's schema requires them); an unvalidated one falls back to the
  // national pack's, never to numbers written in code.
  const own = rule.params as Partial<SiteLimits>
  const national = nationalSiteRule(SITE_RULE_ID).params as unknown as SiteLimits
  return {
    staleNewsNotice: own.staleNewsNotice ?? national.staleNewsNotice,
    staleAll: own.staleAll ?? national.staleAll,
    blank: own.blank ?? national.blank,
  }
}

/**
 * The columns behind each 19号 count: 2019 counts only first-level 通知公告/政策文件 columns in the first, and a
 * stale column of no class is only "not determined" (it is listed with the unknowns, not here).
 */
export function vetoMembers(columns: readonly SiteColumn[]): Record<keyof SiteLimits, SiteColumn[]> {
  const stale = columns.filter((c) => c.status === 'stale' && !c.unconfirmed)
  return {
    staleNewsNotice: stale.filter((c) => c.class === 'news' || (c.class === 'notice' && (c.level ?? 1) <= 1)),
    staleAll: stale,
    blank: columns.filter((c) => c.status === 'blank'),
  }
}

/**
 * The site rules in effect for a scan, per kind: the packs' own (later packs win by id, a disabled one stays off),
 * and the national pack's rule only for a kind no pack defines at all.
 */
export function siteRulesOf(packs: readonly RulePack[]): { kind: string; rules: RuleDef[] }[] {
  const fromPacks = scopedRules([...packs], 'site')
  return nationalSiteRules().map((fallback) => {
    const own = fromPacks.filter((r) => r.kind === fallback.kind)
    return { kind: fallback.kind, rules: (own.length ? own : [fallback]).filter((r) => r.enabled !== false) }
  })
}

/** National site rules the packs leave undefined, so exports can still title their rows. */
export function missingSiteRules(packs: readonly RulePack[]): RuleDef[] {
  const kinds = new Set(scopedRules([...packs], 'site').map((r) => r.kind))
  return nationalSiteRules().filter((r) => !kinds.has(r.kind))
}

/** The freshness settings column verdicts use: the packs' column-freshness rule, as on every page. */
export function scanFreshness(packs: readonly RulePack[]): FreshnessSettings {
  return freshnessOf(packs)
}
