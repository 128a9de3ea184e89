// Shared by the rule tests: run one kind as the national pack defines it, with a few params changed the way a local
// pack would change them. No test keeps its own copy of a rule's defaults.
import { siteVetoLimits } from '../../src/engine/audit.ts'
import { makeContext } from '../../src/engine/finding.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import { kinds, type PageKindId } from '../../src/engine/rules/registry.ts'
import type { Finding, Lang, PageModel, RuleDef, Severity } from '../../src/engine/types.ts'
import * as v from 'valibot'

export function nationalRule(kind: string): RuleDef {
  const rule = nationalPack().rules.find((r) => r.kind === kind)
  if (!rule) throw new Error(`the national pack has no rule of kind ${kind}`)
  return rule
}

export interface RunOptions {
  asOf?: string
  severity?: Severity
  lang?: Lang
}

/** Runs a page kind with the national params, `overrides` replacing top-level params as a local pack would. */
export function runKind(kind: PageKindId, page: PageModel, overrides: Record<string, unknown> = {}, opts: RunOptions = {}): Finding[] {
  const base = nationalRule(kind)
  const rule: RuleDef = { ...base, severity: opts.severity ?? base.severity, params: { ...base.params, ...overrides } }
  const def = kinds[kind]
  const params = v.parse(def.params, rule.params)
  const ctx = makeContext(rule, { asOf: opts.asOf ?? '2026-11-27', lang: opts.lang ?? 'zh', url: page.url, siteLimits: siteVetoLimits([nationalPack()]) })
  return (def.evaluate as (p: PageModel, params: unknown, c: typeof ctx) => Finding[])(page, params, ctx)
}
