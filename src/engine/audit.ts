// The one entry point every host calls: HTML in, findings out. Pure, so the service worker, CLI and tests agree.
import { findingId, makeContext } from './finding.ts'
import { enabledRules, scopedRules } from './pack.ts'
import { siteLimits } from './site/site-rule.ts'
import { buildPageModel } from './page-model.ts'
import { PAGE_KIND_LABELS } from './vocabulary.ts'
import * as v from 'valibot'
import { kindOf } from './rules/registry.ts'
import type { AuditOptions, Finding, PageModel, PageReport, RuleDef, RulePack, SiteVetoLimits } from './types.ts'
import { SEVERITY_RANK, STATUS_RANK } from './status.ts'

export const ENGINE_VERSION = '0.1.0'


export function compareFindings(a: Finding, b: Finding): number {
  return STATUS_RANK[a.status] - STATUS_RANK[b.status] || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name
  return String(error)
}

/** A broken rule must not hide the other rules' results: it turns into one finding a person looks at. */
function crashFinding(rule: RuleDef, ctx: ReturnType<typeof makeContext>, zh: string, en: string, detail: string): Finding {
  return ctx.finding({
    status: 'review',
    section: rule.title.zh,
    message: { zh: `${zh}：${detail}`, en: `${en}: ${detail}` },
    evidence: { zh: `规则 ${rule.id}（类型 ${rule.kind}）`, en: `rule ${rule.id} (kind ${rule.kind})` },
    expected: { zh: '规则正常执行并给出结论', en: 'the rule runs and reaches a verdict' },
    locator: null,
  })
}

/** Every enabled rule answers on every page, so the report shows what was checked, not only what went wrong. */
function notApplicable(rule: RuleDef, ctx: ReturnType<typeof makeContext>, model: PageModel): Finding {
  const kind = { zh: PAGE_KIND_LABELS.zh[model.kind], en: PAGE_KIND_LABELS.en[model.kind] }
  return ctx.finding({
    status: 'n/a',
    section: rule.title.zh,
    message: { zh: `本页不适用「${rule.title.zh}」`, en: `“${rule.title.en}” does not apply to this page` },
    evidence: { zh: `页面类型：${kind.zh}`, en: `page kind: ${kind.en}` },
    expected: { zh: '该规则只检查与其相关的页面', en: 'the rule checks only the pages it concerns' },
    locator: null,
  })
}

/**
 * One rule says at most this much about one page: a portal of 20,000 column blocks would otherwise make a report of
 * many megabytes (over the extension's session storage) and a wall of markers. The worst are kept; one finding says
 * how many more there were.
 */
export const MAX_FINDINGS_PER_RULE = 200

function capFindings(all: Finding[], rule: RuleDef, ctx: ReturnType<typeof makeContext>): Finding[] {
  const sorted = [...all].sort(compareFindings)
  const kept = sorted.slice(0, MAX_FINDINGS_PER_RULE - 1)
  const rest = all.length - kept.length
  const notListed: Record<Finding['status'], number> = { fail: 0, review: 0, pass: 0, 'n/a': 0 }
  for (const f of sorted.slice(kept.length)) notListed[f.status]++
  const byStatus = (status: Finding['status']): number => notListed[status]
  kept.push(
    ctx.finding({
      status: byStatus('fail') || byStatus('review') ? 'review' : 'pass',
      section: rule.title.zh,
      key: 'capped',
      message: {
        zh: `本页另有 ${rest} 项「${rule.title.zh}」结果未逐一列出（每条规则每页最多列 ${MAX_FINDINGS_PER_RULE} 项）`,
        en: `${rest} more results of “${rule.title.en}” on this page are not listed one by one (at most ${MAX_FINDINGS_PER_RULE} per rule and page)`,
      },
      evidence: {
        zh: `未列出：不合格 ${byStatus('fail')}、需复核 ${byStatus('review')}、合格 ${byStatus('pass')}、不适用 ${byStatus('n/a')}`,
        en: `not listed: ${byStatus('fail')} fail, ${byStatus('review')} review, ${byStatus('pass')} pass, ${byStatus('n/a')} n/a`,
      },
      expected: { zh: '逐项核查未列出的结果', en: 'check the unlisted results one by one' },
      locator: null,
      data: { total: all.length, listed: kept.length, notListed: rest, failNotListed: byStatus('fail'), reviewNotListed: byStatus('review') },
    }),
  )
  return kept
}

// A pack is validated when it is loaded; the audit parses each rule's params once more (cached per rule object), so a
// pack built in code or stored by an older version reaches an evaluator only in the shape its schema promises.
const parsedParams = new WeakMap<RuleDef, { ok: true; value: unknown } | { ok: false; path: string; issue: string }>()

function paramsOf(rule: RuleDef, schema: v.GenericSchema): { ok: true; value: unknown } | { ok: false; path: string; issue: string } {
  let parsed = parsedParams.get(rule)
  if (!parsed) {
    const result = v.safeParse(schema, rule.params ?? {}, { abortEarly: true })
    parsed = result.success
      ? { ok: true, value: result.output }
      : { ok: false, path: v.getDotPath(result.issues[0]) ?? '', issue: result.issues[0].message.split('\u241f')[0] }
    parsedParams.set(rule, parsed)
  }
  return parsed
}

/** The site rule's veto limits in the packs given (later packs win); null when they switch it off. */
export function siteVetoLimits(packs: RulePack[]): SiteVetoLimits | null {
  const rule = scopedRules(packs, 'site').find((r) => r.kind === 'column-freshness-site')
  return rule && rule.enabled !== false ? siteLimits(rule) : null
}

function runRule(model: PageModel, rule: RuleDef, opts: AuditOptions, url: string | null, siteLimits: SiteVetoLimits | null): Finding[] {
  const ctx = makeContext(rule, { asOf: opts.asOf, lang: opts.lang ?? 'zh', url, identity: opts.identity, siteLimits })
  const kind = kindOf(rule.kind)
  if (!kind || kind.scope !== 'page') return [crashFinding(rule, ctx, '未知的规则类型', 'Unknown rule kind', rule.kind)]
  const params = paramsOf(rule, kind.params)
  if (!params.ok) {
    return [crashFinding(rule, ctx, '规则参数无效', 'Invalid rule params', `params${params.path ? '.' + params.path : ''}: ${params.issue}`)]
  }
  try {
    const out = kind.evaluate(model, params.value, ctx)
    if (!Array.isArray(out)) throw new TypeError('evaluator returned no array')
    if (out.length === 0) return [notApplicable(rule, ctx, model)]
    return out.length > MAX_FINDINGS_PER_RULE ? capFindings(out, rule, ctx) : out
  } catch (error) {
    return [crashFinding(rule, ctx, '规则执行出错', 'Rule failed to run', errorText(error))]
  }
}

/**
 * Two findings can collide when a rule reports twice on one element and section. Renumbering in emission order keeps
 * ids unique and still reproducible: the same page and pack give the same order, hence the same ids.
 */
function dedupeIds(findings: Finding[], url: string | null): Finding[] {
  const seen = new Map<string, number>()
  return findings.map((f) => {
    const count = (seen.get(f.id) ?? 0) + 1
    seen.set(f.id, count)
    if (count === 1) return f
    let id = findingId(f.ruleId, url, `${f.id}#${count}`)
    while (seen.has(id)) id = findingId(f.ruleId, url, `${id}#`)
    seen.set(id, 1)
    return { ...f, id }
  })
}

/** Who answers for the page, for the notices: only what the page itself states, and only when it states it. */
function responsibleBody(model: PageModel): Pick<PageReport, 'publisher' | 'column'> {
  const publisher = model.metadata?.fields.publisher?.value.trim()
  const column = model.columnName?.trim()
  return { ...(publisher && { publisher }), ...(column && { column }) }
}

export function auditModel(model: PageModel, opts: AuditOptions): PageReport {
  // Ids already ignore the #fragment (findingId strips it); the report keeps the address as the caller gave it.
  const url = opts.url ?? model.url ?? null
  const findings: Finding[] = []
  const siteLimits = siteVetoLimits(opts.packs)
  for (const { rule } of enabledRules(opts.packs)) {
    // Site rules need every column of the site; one page cannot answer them, not even with n/a.
    if (rule.scope === 'site') continue
    findings.push(...runRule(model, rule, opts, url, siteLimits))
  }
  const unique = dedupeIds(findings, url ?? opts.identity ?? null)
  // Array.prototype.sort is stable, so ties keep pack and rule order.
  unique.sort(compareFindings)
  return {
    url,
    title: model.title,
    kind: model.kind,
    asOf: opts.asOf,
    findings: unique,
    notes: [...model.notes],
    ...responsibleBody(model),
    ...(model.loginPage ? { loginPage: true as const } : {}),
  }
}

export function audit(html: string, opts: AuditOptions): PageReport {
  const model = buildPageModel(html, { url: opts.url ?? null, asOf: opts.asOf })
  return auditModel(model, opts)
}
