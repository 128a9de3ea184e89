// The site rules' definitions live in rules/national.json like every other rule; a scan given packs that leave a site
// kind out falls back to the national pack's, so thresholds and sources are written down once.
import { nationalPack } from '../pack.ts'
import type { RuleDef } from '../types.ts'

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
