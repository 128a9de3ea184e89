// The site rules' definitions live in rules/national.json like every other rule; a scan given packs that leave a site
// kind out falls back to the national pack's, so thresholds and sources are written down once.
import { nationalPack, scopedRules } from '../pack.ts'
import type { FreshnessSettings } from '../rule-kit/freshness.ts'
import type { Params as FreshnessParams } from '../rules/column-freshness/params.ts'
import type { RuleDef, RulePack } from '../types.ts'

let national: readonly RuleDef[] | null = null

/** The national pack's site-scope rules, validated once. */
export function nationalSiteRules(): readonly RuleDef[] {
  national ??= nationalPack().rules.filter((r) => r.scope === 'site')
  return national
}

export function nationalSiteRule(kind: string): RuleDef {
  const rule = nationalSiteRules().find((r) => r.kind === kind)
  if (!rule) throw new Error(`rules/national.json has no site rule of kind ${kind}`)
  return rule
}

let nationalFresh: FreshnessSettings | null = null

/** The national pack's column-freshness settings (classes, periods, the long-unupdated limit). */
export function nationalFreshness(): FreshnessSettings {
  nationalFresh ??= nationalPack().rules.find((r) => r.kind === 'column-freshness')!.params as unknown as FreshnessParams
  return nationalFresh
}

/**
 * The freshness settings a scan judges columns by: those of the packs' column-freshness rule (later packs win, as on
 * a page), so a page and the scan can never disagree about one column; the national pack's when no pack has one.
 */
export function freshnessOf(packs: readonly RulePack[]): FreshnessSettings {
  const rule = scopedRules([...packs], 'page').find((r) => r.kind === 'column-freshness')
  return rule ? (rule.params as unknown as FreshnessParams) : nationalFreshness()
}
