// The shape of a rule kind. A kind is one folder, src/engine/rules/<kind>/: its params as a valibot schema (the
// pack's entry is the only source of values: no defaults in code), its evaluator, and its zh/en messages and help.
// The registry (src/engine/rules/registry.ts) lists every kind of both scopes under one typed table.
import type * as v from 'valibot'
import type { Finding, Localized, PageModel, RuleContext } from '../types.ts'

/** Shown beside a finding (popup detail pane, report): what the rule checks and how a site fixes a failure. */
export interface KindHelp {
  checks: Localized
  fix: Localized
}

/** A kind judged on one page. */
export interface PageRuleKind<S extends v.GenericSchema = v.GenericSchema> {
  scope: 'page'
  params: S
  help: KindHelp
  evaluate(page: PageModel, params: v.InferOutput<S>, ctx: RuleContext): Finding[]
}

/** Declares a page kind with its params type inferred from its schema. */
export function pageRuleKind<S extends v.GenericSchema>(def: Omit<PageRuleKind<S>, 'scope'>): PageRuleKind<S> {
  return { scope: 'page', ...def }
}

/**
 * A kind judged once per site scan from all its pages (src/scan/report.ts runs it); one page cannot answer it, so it
 * has no page evaluator, only its params and help.
 */
export interface SiteRuleKind<S extends v.GenericSchema = v.GenericSchema> {
  scope: 'site'
  params: S
  help: KindHelp
}

export function siteRuleKind<S extends v.GenericSchema>(def: Omit<SiteRuleKind<S>, 'scope'>): SiteRuleKind<S> {
  return { scope: 'site', ...def }
}

export type RuleKind = PageRuleKind<any> | SiteRuleKind<any> // eslint-disable-line @typescript-eslint/no-explicit-any
