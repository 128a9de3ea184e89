// The 19号 veto items as the report's summary states them: each site-wide count (stale and blank columns known from
// the audited pages and the site scan) against the pack's own limit, and each single-page veto rule with the pages
// that fail it, and the page veto hits (unanswered messages, serious misstatements) the pack's veto-hits-site rule
// counts over the site (engine/site/veto-hits.ts). The same counting as the popup's verdict (popup/site-known.ts), so
// the two never disagree.
import type { PageReport, RulePack } from '../engine/types.ts'
import type { ScanReport } from '../scan/report.ts'
import { VETO_GROUP_MESSAGE } from '../shared/verdict.ts'
import { verdictFor } from '../popup/site-known.ts'
import { hitCountDefs, vetoHitCounts, vetoHitsRule } from '../engine/site/veto-hits.ts'
import { isOpenFail } from '../engine/cycle/dismissals.ts'

export interface VetoItem {
  key: string
  /** A message key (site-wide groups) or a rule title (single-page items). */
  label: { message: string } | { text: string }
  count: number
  /** null: one failing page is already the veto. */
  limit: number | null
  reached: boolean
}

const COUNTED_KINDS = new Set(['column-freshness', 'blank-column'])

export function vetoItems(packs: readonly RulePack[], pages: readonly PageReport[], scan: ScanReport | null, lang: 'zh' | 'en'): VetoItem[] {
  const items: VetoItem[] = verdictFor([], packs, pages, scan).counts.map((c) => ({
    key: c.key,
    label: { message: VETO_GROUP_MESSAGE[c.key] },
    count: c.known,
    limit: c.limit,
    reached: c.known >= c.limit,
  }))
  // Page veto items counted over the site (unanswered messages, serious misstatements), each against its limit.
  const hitsRule = vetoHitsRule(packs)
  const defs = hitsRule ? hitCountDefs(hitsRule) : []
  const audited = [...pages, ...(scan?.pages ?? [])]
  for (const c of vetoHitCounts(defs, packs, audited)) {
    if (!c.enabled) continue
    items.push({ key: c.key, label: { text: c.title[lang] || c.title.zh }, count: c.count, limit: c.limit, reached: c.count >= c.limit })
  }
  const hitKinds = new Set(defs.map((d) => d.kind))
  const seen = new Set<string>()
  for (const pack of packs) {
    for (const rule of pack.rules) {
      if (rule.severity !== 'veto' || rule.scope === 'site' || rule.enabled === false || COUNTED_KINDS.has(rule.kind) || hitKinds.has(rule.kind) || seen.has(rule.id)) continue
      seen.add(rule.id)
      const failing = pages.filter((p) => p.findings.some((f) => f.ruleId === rule.id && isOpenFail(f))).length
      items.push({ key: rule.id, label: { text: rule.title[lang] || rule.title.zh }, count: failing, limit: null, reached: failing > 0 })
    }
  }
  return items
}
