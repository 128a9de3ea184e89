// Rule packs are data from users: they are validated here and never executed. valibot is used because it validates by
// walking plain schema objects; validators that compile code (ajv) die under the MV3 CSP (no eval / new Function).
import * as v from 'valibot'
import nationalJson from '../../rules/national.json' with { type: 'json' }
import { evaluators } from './rules/index.ts'
import type { RuleDef, RulePack } from './types.ts'

/** zh and en message carried through valibot's single message string. */
const SEP = '\u241f'
const msg = (zh: string, en: string): string => `${zh}${SEP}${en}`

export class PackError extends Error {
  readonly sourceName: string
  readonly ruleRef: string | null
  readonly path: string | null
  constructor(sourceName: string, ruleRef: string | null, path: string | null, zh: string, en: string) {
    const whereZh = `${ruleRef ? `规则 ${ruleRef} 的` : ''}${path ? `字段 ${path} ` : ''}`
    const whereEn = [ruleRef ? `rule ${ruleRef}` : '', path ? `field ${path}` : ''].filter(Boolean).join(', ')
    super(`规则包 ${sourceName} 无效：${whereZh}${zh} / invalid rule pack ${sourceName}: ${whereEn ? `${whereEn}: ` : ''}${en}`)
    this.name = 'PackError'
    this.sourceName = sourceName
    this.ruleRef = ruleRef
    this.path = path
  }
}

export const SEVERITIES = ['veto', 'error', 'warning', 'info'] as const
export const RULE_SCOPES = ['page', 'site'] as const
/**
 * Kinds judged from a whole site scan rather than one page. They have no page evaluator: the scan report runs them
 * (src/scan/report.ts), so they are listed here for validation instead of in the evaluator registry.
 */
export const SITE_KINDS = ['column-freshness-site', 'link-check'] as const
export const LINK_RESULTS = ['broken', 'soft404', 'unverifiable'] as const
const isKnownKind = (k: string): boolean => Object.hasOwn(evaluators, k) || (SITE_KINDS as readonly string[]).includes(k)
const knownKinds = (): string[] => [...Object.keys(evaluators), ...SITE_KINDS]
export const METADATA_KEYS = [
  'indexNo',
  'publisher',
  'docNumber',
  'writtenDate',
  'publishDate',
  'topic',
  'validity',
  'title',
  'summary',
  'keywords',
] as const
export const FOOTER_ITEMS = ['sponsor', 'siteIdCode', 'icp', 'police', 'conac'] as const

// ---- building blocks -------------------------------------------------------------------------------------------

const text = () =>
  v.pipe(
    v.string(msg('应为字符串', 'expected string')),
    v.check((s: string) => s.trim().length > 0, msg('不能为空', 'must not be empty')),
  )
const keywordList = () =>
  v.pipe(
    v.array(text(), msg('应为字符串数组', 'expected an array of strings')),
    v.minLength(1, msg('至少需要一项', 'needs at least one item')),
  )
const positive = () =>
  v.pipe(
    v.number(msg('应为数字', 'expected number')),
    v.check((n: number) => Number.isFinite(n) && n > 0, msg('应为大于 0 的数字', 'expected a number > 0')),
  )
const nonNegative = () =>
  v.pipe(
    v.number(msg('应为数字', 'expected number')),
    v.check((n: number) => Number.isFinite(n) && n >= 0, msg('应为不小于 0 的数字', 'expected a number >= 0')),
  )
const positiveInt = () =>
  v.pipe(
    positive(),
    v.check((n: number) => Number.isInteger(n), msg('应为正整数', 'expected a positive integer')),
  )
const bool = () => v.boolean(msg('应为布尔值', 'expected boolean'))
const oneOf = <T extends readonly string[]>(options: T) =>
  v.picklist(options, msg(`应为以下之一：${options.join('、')}`, `expected one of: ${options.join(', ')}`))

const MM_DD = /^(\d{2})-(\d{2})$/
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
export function isMonthDay(s: string): boolean {
  const m = MM_DD.exec(s)
  if (!m) return false
  const month = Number(m[1])
  const day = Number(m[2])
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]
}
const monthDay = () =>
  v.pipe(v.string(msg('应为字符串', 'expected string')), v.check(isMonthDay, msg('应为 "MM-DD" 格式的日期', 'expected a "MM-DD" date')))

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern)
    return true
  } catch {
    return false
  }
}
const regexSource = () =>
  v.pipe(v.string(msg('应为字符串', 'expected string')), v.check(compiles, msg('不是有效的正则表达式', 'not a valid regular expression')))

const localized = () => v.strictObject({ zh: text(), en: text() }, msg('应为 {zh, en} 对象', 'expected a {zh, en} object'))

// v.record copies its input into a fresh object, so an array would pass it; the shape is tested on the input itself.
const plainObject = (zh: string, en: string) =>
  v.custom<Record<string, unknown>>((o) => typeof o === 'object' && o !== null && !Array.isArray(o), msg(zh, en))

// ---- per-kind params ------------------------------------------------------------------------------------------

const dateLabels = {
  writtenDateLabels: keywordList(),
  publishDateLabels: keywordList(),
}

/** Kinds with a known params shape are checked strictly; unknown params fields are refused like everywhere else. */
export const paramSchemas: Record<string, v.GenericSchema> = {
  'article-metadata': v.pipe(
    v.strictObject({
      disclosureKeywords: keywordList(),
      required: v.array(oneOf(METADATA_KEYS), msg('应为数组', 'expected array')),
      conditional: v.optional(v.array(oneOf(METADATA_KEYS), msg('应为数组', 'expected array'))),
      recommended: v.optional(v.array(oneOf(METADATA_KEYS), msg('应为数组', 'expected array'))),
      indexNoPatterns: v.optional(v.array(regexSource(), msg('应为数组', 'expected array'))),
      synonyms: v.record(oneOf(METADATA_KEYS), keywordList(), msg('应为对象', 'expected object')),
    }),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return
      const value = dataset.value as { required: string[]; conditional?: string[]; recommended?: string[]; synonyms: Record<string, string[]> }
      for (const key of [...value.required, ...(value.conditional ?? []), ...(value.recommended ?? [])]) {
        if (!value.synonyms[key]) {
          addIssue({
            message: msg(`缺少 ${key} 的标签列表`, `no label list for ${key}`),
            path: [
              {
                type: 'object',
                origin: 'value',
                input: value as unknown as Record<string, unknown>,
                key: 'synonyms',
                value: value.synonyms,
              },
            ],
          })
        }
      }
    }),
  ),
  'doc-number-format': v.strictObject({ labels: keywordList(), scanUnderTitle: v.optional(bool()) }),
  'publication-lag': v.strictObject({ maxWorkingDays: positiveInt(), ...dateLabels }),
  'date-consistency': v.strictObject({ pubDateMetaToleranceDays: nonNegative(), ...dateLabels }),
  'footer-identifiers': v.strictObject({
    items: v.pipe(
      v.array(oneOf(FOOTER_ITEMS), msg('应为数组', 'expected array')),
      v.minLength(1, msg('至少需要一项', 'needs at least one item')),
    ),
    siteIdCodePattern: v.optional(regexSource()),
  }),
  'column-freshness-site': v.strictObject({
    staleNewsNotice: positiveInt(),
    staleAll: positiveInt(),
    blank: positiveInt(),
    newsDays: v.optional(positiveInt()),
    noticeMonths: v.optional(positiveInt()),
    longTermMonths: v.optional(positiveInt()),
  }),
  'link-check': v.pipe(
    v.strictObject({
      fail: v.array(oneOf(LINK_RESULTS), msg('应为数组', 'expected array')),
      review: v.array(oneOf(LINK_RESULTS), msg('应为数组', 'expected array')),
    }),
    v.check(
      (p) => !p.fail.some((r) => p.review.includes(r)),
      msg('同一结果不能既算不合格又算待核查', 'a result cannot be both fail and review'),
    ),
  ),
}

/**
 * Kinds without a registered schema still get the project's naming conventions checked, so a typo in a threshold
 * is caught even before someone writes that kind's schema: `thresholds` hold numbers > 0, `…Days/…Months/…Count`
 * are numbers > 0, `…keywords/…Labels/…Names/…Patterns` are lists of non-empty strings, `…deadline` is "MM-DD".
 */
function conventionIssues(value: unknown, path: string): { path: string; zh: string; en: string } | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const here = `${path}.${key}`
    const lower = key.toLowerCase()
    if (lower === 'thresholds') {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) return { path: here, zh: '应为对象', en: 'expected object' }
      for (const [k, n] of Object.entries(item as Record<string, unknown>)) {
        if (typeof n !== 'number') return { path: `${here}.${k}`, zh: '应为数字', en: 'expected number' }
        if (!(Number.isFinite(n) && n > 0)) return { path: `${here}.${k}`, zh: '应为大于 0 的数字', en: 'expected a number > 0' }
      }
      continue
    }
    if (/(days|months|count|limit)$/.test(lower) || /^(min|max)[A-Z]/.test(key)) {
      if (typeof item !== 'number') return { path: here, zh: '应为数字', en: 'expected number' }
      if (!(Number.isFinite(item) && item > 0)) return { path: here, zh: '应为大于 0 的数字', en: 'expected a number > 0' }
      continue
    }
    if (/(keywords|labels|names|patterns|synonyms)$/.test(lower) && Array.isArray(item)) {
      const bad = item.findIndex((s) => typeof s !== 'string' || s.trim() === '')
      if (bad !== -1) return { path: `${here}.${bad}`, zh: '应为非空字符串', en: 'expected a non-empty string' }
      continue
    }
    if (/(keywords|labels)$/.test(lower)) return { path: here, zh: '应为字符串数组', en: 'expected an array of strings' }
    if (/deadline$/.test(lower)) {
      if (typeof item !== 'string' || !isMonthDay(item)) return { path: here, zh: '应为 "MM-DD" 格式的日期', en: 'expected a "MM-DD" date' }
      continue
    }
    const nested = conventionIssues(item, here)
    if (nested) return nested
  }
  return null
}

// ---- pack and rule shells -------------------------------------------------------------------------------------

const packShell = v.strictObject({
  $schema: v.optional(v.string(msg('应为字符串', 'expected string'))),
  id: v.pipe(text(), v.regex(/^[a-z0-9][a-z0-9._-]*$/i, msg('只能含字母、数字、点、横线和下划线', 'only letters, digits, . - _'))),
  version: text(),
  title: localized(),
  rules: v.array(v.unknown(), msg('应为数组', 'expected array')),
})

const ruleShell = v.strictObject({
  id: v.pipe(text(), v.regex(/^[a-z0-9][a-z0-9-]*$/, msg('只能含小写字母、数字和横线', 'only lowercase letters, digits and -'))),
  kind: v.pipe(
    v.string(msg('应为字符串', 'expected string')),
    v.check(
      isKnownKind,
      () => msg(`未知的规则类型（可用：${knownKinds().join('、')}）`, `unknown rule kind (known: ${knownKinds().join(', ')})`),
    ),
  ),
  title: localized(),
  severity: oneOf(SEVERITIES),
  source: text(),
  enabled: v.optional(bool()),
  scope: v.optional(oneOf(RULE_SCOPES)),
  params: plainObject('应为对象', 'expected object'),
})

function describe(issue: v.BaseIssue<unknown>): { zh: string; en: string } {
  if (issue.message.includes(SEP)) {
    const [zh, en] = issue.message.split(SEP)
    return { zh, en }
  }
  // valibot's own wording for the two strict-object cases that carry no custom message.
  if (issue.expected === 'never') return { zh: '是不允许的字段', en: 'unknown field' }
  if (issue.input === undefined) return { zh: '缺失（必填）', en: 'missing (required)' }
  return { zh: `无效（${issue.message}）`, en: issue.message }
}

function firstIssue(schema: v.GenericSchema, data: unknown): { path: string | null; zh: string; en: string } | null {
  const result = v.safeParse(schema, data, { abortEarly: true })
  if (result.success) return null
  const issue = result.issues[0]
  return { path: v.getDotPath(issue), ...describe(issue) }
}

function ruleRef(raw: unknown, index: number): string {
  const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined
  return typeof id === 'string' && id.trim() ? id : `#${index + 1}`
}

export function validatePack(data: unknown, sourceName: string): RulePack {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new PackError(sourceName, null, null, '顶层应为对象', 'top level must be an object')
  }
  const shellIssue = firstIssue(packShell, data)
  if (shellIssue) throw new PackError(sourceName, null, shellIssue.path, shellIssue.zh, shellIssue.en)
  const pack = data as RulePack
  const seen = new Set<string>()
  pack.rules.forEach((raw, index) => {
    const ref = ruleRef(raw, index)
    const issue = firstIssue(ruleShell, raw)
    if (issue) throw new PackError(sourceName, ref, issue.path, issue.zh, issue.en)
    const rule = raw as RuleDef
    if (seen.has(rule.id)) throw new PackError(sourceName, ref, 'id', '重复的规则编号', 'duplicate rule id')
    seen.add(rule.id)
    // A site kind run per page would answer n/a everywhere; a page kind in the site pass would never run at all.
    const siteKind = (SITE_KINDS as readonly string[]).includes(rule.kind)
    if (siteKind !== (rule.scope === 'site')) {
      throw new PackError(
        sourceName,
        ref,
        'scope',
        siteKind ? `类型 ${rule.kind} 是全站规则，scope 应为 "site"` : `类型 ${rule.kind} 是单页规则，scope 不能为 "site"`,
        siteKind ? `kind ${rule.kind} is a site rule; scope must be "site"` : `kind ${rule.kind} is a page rule; scope cannot be "site"`,
      )
    }
    const schema = paramSchemas[rule.kind]
    const paramIssue = schema
      ? firstIssue(schema, rule.params)
      : conventionIssues(rule.params, 'params')
    if (paramIssue) {
      const path = schema ? (paramIssue.path ? `params.${paramIssue.path}` : 'params') : paramIssue.path
      throw new PackError(sourceName, ref, path, paramIssue.zh, paramIssue.en)
    }
  })
  return pack
}

let national: RulePack | null = null

/** The bundled national pack, validated once; callers get their own copy so they can't alter the shared one. */
export function nationalPack(): RulePack {
  national ??= validatePack(nationalJson, 'rules/national.json')
  return structuredClone(national)
}

/**
 * Later packs win: a rule whose id already appeared in an earlier pack replaces it there (a user pack can retune
 * or switch off a national rule by repeating its id), so no rule runs twice.
 */
export function mergePacks(packs: RulePack[]): RulePack[] {
  const owner = new Map<string, number>()
  packs.forEach((pack, index) => {
    for (const rule of pack.rules) owner.set(rule.id, index)
  })
  return packs.map((pack, index) => ({
    ...pack,
    rules: pack.rules.filter((rule) => owner.get(rule.id) === index),
  }))
}

/** Rules of one scope in effect after merging; enabled or not, so a pack can switch a built-in default off. */
export function scopedRules(packs: RulePack[], scope: 'page' | 'site'): RuleDef[] {
  return mergePacks(packs).flatMap((pack) => pack.rules.filter((rule) => (rule.scope ?? 'page') === scope))
}

export function enabledRules(packs: RulePack[]): { pack: RulePack; rule: RuleDef }[] {
  const out: { pack: RulePack; rule: RuleDef }[] = []
  for (const pack of mergePacks(packs)) {
    for (const rule of pack.rules) if (rule.enabled !== false) out.push({ pack, rule })
  }
  return out
}
