// What the session knows about the site's columns, for the verdict: the pages audited so far plus the last scan.
// The limits and the column classes come from the packs (rules/national.json), never from numbers in code.
import type { Finding, PageReport, RuleDef, RulePack } from '../engine/types.ts'
import type { ScanReport } from '../scan/report.ts'
import { SITE_RULE_ID, siteLimits } from '../engine/site/site-rule.ts'
import {
  addPageColumns,
  addScanColumns,
  emptyKnown,
  pageVerdict,
  type PageVerdict,
} from '../shared/verdict.ts'

interface ClassDef {
  class: string
  keywords: string[]
}

function allRules(packs: readonly RulePack[]): RuleDef[] {
  return packs.flatMap((p) => p.rules)
}

/** Column class by the pack's keywords (the page rule's own classes); 'unknown' when none matches. */
function classifier(packs: readonly RulePack[]): (name: string, f: Finding) => string {
  const rule = allRules(packs).find((r) => r.kind === 'column-freshness')
  const classes = (Array.isArray(rule?.params.classes) ? rule.params.classes : []) as ClassDef[]
  return (name, f) => {
    const fromData = f.data?.class
    if (typeof fromData === 'string') return fromData
    return classes.find((c) => Array.isArray(c.keywords) && c.keywords.some((k) => k && name.includes(k)))?.class ?? 'unknown'
  }
}

export function verdictFor(
  findings: readonly Finding[],
  packs: readonly RulePack[],
  sessionReports: readonly PageReport[],
  scan: ScanReport | null,
): PageVerdict {
  const rules = allRules(packs)
  const kinds = new Map(rules.map((r) => [r.id, r.kind]))
  const kindOf = (id: string): string | undefined => kinds.get(id)
  const classOf = classifier(packs)
  const siteRule = rules.find((r) => r.kind === SITE_RULE_ID && r.enabled !== false)
  const limits = siteRule ? siteLimits(siteRule) : siteLimits()
  const known = emptyKnown()
  for (const r of sessionReports) addPageColumns(known, r.findings, kindOf, classOf)
  addPageColumns(known, findings, kindOf, classOf)
  if (scan) addScanColumns(known, scan.site.columns)
  return pageVerdict(findings, known, limits, kindOf, classOf)
}
