// Rule packs are data from users: they are validated here and never executed. valibot is used because it validates by
// walking plain schema objects; validators that compile code (ajv) die under the MV3 CSP (no eval / new Function).
import * as v from 'valibot'
import nationalJson from '../../rules/national.json' with { type: 'json' }
import { isSiteKind, kindIds, kindOf } from './rules/registry.ts'
import { forbiddenKeyPath } from './safe-keys.ts'
import { bool, list, localized, msg, oneOf, SEP, text } from './rule-kit/schema.ts'
import type { RuleDef, RulePack } from './types.ts'

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
export { METADATA_KEYS } from './rules/article-metadata/params.ts'
export { FOOTER_ITEMS } from './rules/footer-identifiers/params.ts'
export { LINK_RESULTS } from './rules/link-check/params.ts'
/** Kinds judged from a whole site scan rather than one page (src/scan/report.ts runs them). */
export const SITE_KINDS = kindIds().filter(isSiteKind)
const knownKinds = (): string[] => kindIds()

// v.record copies its input into a fresh object, so an array would pass it; the shape is tested on the input itself.
const plainObject = (zh: string, en: string) =>
  v.custom<Record<string, unknown>>((o) => typeof o === 'object' && o !== null && !Array.isArray(o), msg(zh, en))

// ---- pack and rule shells -------------------------------------------------------------------------------------

const packShell = v.strictObject({
  $schema: v.optional(v.string(msg('应为字符串', 'expected string'))),
  id: v.pipe(text(), v.regex(/^[a-z0-9][a-z0-9._-]*$/i, msg('只能含字母、数字、点、横线和下划线', 'only letters, digits, . - _'))),
  version: text(),
  title: localized(),
  rules: list(v.unknown()),
})

const ruleShell = v.strictObject({
  id: v.pipe(text(), v.regex(/^[a-z0-9][a-z0-9-]*$/, msg('只能含小写字母、数字和横线', 'only lowercase letters, digits and -'))),
  kind: v.pipe(
    v.string(msg('应为字符串', 'expected string')),
    v.check(
      (k: string) => kindOf(k) !== undefined,
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

/**
 * Validates a pack. A rule of a kind the national pack defines takes that rule's params as its defaults (the entry
 * with the same id, else the first of the same kind), so a local pack states only what it changes — e.g.
 * `"params": {"deadline": "03-31"}` — and the code keeps no second copy of any default.
 */
export function validatePack(data: unknown, sourceName: string, opts: { defaults?: RulePack | null } = {}): RulePack {
  const defaults = opts.defaults === undefined ? nationalPack() : opts.defaults
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new PackError(sourceName, null, null, '顶层应为对象', 'top level must be an object')
  }
  const forbidden = forbiddenKeyPath(data)
  if (forbidden) throw new PackError(sourceName, null, forbidden, '不允许的键名（__proto__、constructor、prototype）', 'forbidden key (__proto__, constructor, prototype)')
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
    const siteKind = isSiteKind(rule.kind)
    if (siteKind !== (rule.scope === 'site')) {
      throw new PackError(
        sourceName,
        ref,
        'scope',
        siteKind ? `类型 ${rule.kind} 是全站规则，scope 应为 "site"` : `类型 ${rule.kind} 是单页规则，scope 不能为 "site"`,
        siteKind ? `kind ${rule.kind} is a site rule; scope must be "site"` : `kind ${rule.kind} is a page rule; scope cannot be "site"`,
      )
    }
    const base = defaults?.rules.find((r) => r.id === rule.id && r.kind === rule.kind) ?? defaults?.rules.find((r) => r.kind === rule.kind)
    if (base) rule.params = { ...structuredClone(base.params), ...rule.params }
    const paramIssue = firstIssue(kindOf(rule.kind)!.params, rule.params)
    if (paramIssue) {
      const path = paramIssue.path ? `params.${paramIssue.path}` : 'params'
      throw new PackError(sourceName, ref, path, paramIssue.zh, paramIssue.en)
    }
  })
  return pack
}

let national: RulePack | null = null

/** The bundled national pack, validated once; callers get their own copy so they can't alter the shared one. */
export function nationalPack(): RulePack {
  national ??= validatePack(structuredClone(nationalJson), 'rules/national.json', { defaults: null })
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
