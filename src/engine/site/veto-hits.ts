// 19号 veto items found page by page (a message unanswered for more than 3 months, a serious misstatement) and
// counted over the site: the scan's report, the background summary and the report page share this one count.
// Kinds are named by id in the pack's veto-hits-site rule, so a kind merged later is counted as soon as a pack
// carries rules of it; nothing here knows what the kinds check.
import { makeContext } from '../finding.ts'
import type { Finding, IsoDate, Lang, Localized, RuleDef, RulePack, Severity, Status } from '../types.ts'
import { nationalSiteRule } from './default-rules.ts'

export const VETO_HITS_RULE_ID = 'veto-hits-site'

export interface HitCountDef {
  key: string
  kind: string
  severity?: Severity
  limit: number
  title: Localized
}

export interface PageFindings {
  url: string | null
  title?: string
  findings: readonly Finding[]
}

export interface HitCount extends HitCountDef {
  count: number
  /** Pages with hits, worst first: address, title and hits. */
  pages: { url: string | null; title: string; hits: number }[]
  /** Pages where a rule of the kind judged something (not n/a): 0 means the scan saw nothing the kind concerns. */
  judged: number
  /** Whether any enabled rule of the packs is of this kind. */
  enabled: boolean
}

export function hitCountDefs(rule: RuleDef = nationalSiteRule(VETO_HITS_RULE_ID)): HitCountDef[] {
  const counts = (rule.params as { counts?: unknown }).counts
  return Array.isArray(counts) ? (counts as HitCountDef[]) : []
}

/** The packs' veto-hits-site rule in effect (later packs win), the national one when none defines it. */
export function vetoHitsRule(packs: readonly RulePack[]): RuleDef | null {
  let found: RuleDef | null = null
  for (const pack of packs) for (const r of pack.rules) if (r.kind === VETO_HITS_RULE_ID) found = r
  if (!found) return nationalSiteRule(VETO_HITS_RULE_ID)
  return found.enabled === false ? null : found
}

function hitsOf(f: Finding): number {
  const hits = f.data?.hits
  return typeof hits === 'number' && Number.isFinite(hits) && hits > 0 ? Math.floor(hits) : 1
}

/**
 * Each count over the pages given: fails of the kind's rules (the severity filter applied), each adding its
 * `data.hits` (1 when it has none). A finding seen twice (the same page audited and scanned) counts once.
 */
export function vetoHitCounts(defs: readonly HitCountDef[], packs: readonly RulePack[], pages: readonly PageFindings[]): HitCount[] {
  const rulesByKind = new Map<string, Set<string>>()
  for (const pack of packs) {
    for (const r of pack.rules) {
      if (r.scope === 'site') continue
      const ids = rulesByKind.get(r.kind) ?? new Set<string>()
      if (r.enabled === false) ids.delete(r.id)
      else ids.add(r.id)
      rulesByKind.set(r.kind, ids)
    }
  }
  return defs.map((def) => {
    const ids = rulesByKind.get(def.kind) ?? new Set<string>()
    const seen = new Set<string>()
    const judgedPages = new Set<string>()
    const perPage = new Map<string, { url: string | null; title: string; hits: number }>()
    let count = 0
    for (const page of pages) {
      const pageKey = page.url ?? ''
      for (const f of page.findings) {
        if (!ids.has(f.ruleId)) continue
        if (f.status !== 'n/a') judgedPages.add(pageKey)
        if (f.status !== 'fail' || (def.severity && f.severity !== def.severity) || seen.has(f.id)) continue
        seen.add(f.id)
        const hits = hitsOf(f)
        count += hits
        const entry = perPage.get(pageKey) ?? { url: page.url, title: page.title ?? '', hits: 0 }
        entry.hits += hits
        perPage.set(pageKey, entry)
      }
    }
    const listed = [...perPage.values()].sort((a, b) => b.hits - a.hits)
    return { ...def, count, pages: listed, judged: judgedPages.size, enabled: ids.size > 0 }
  })
}

export interface VetoHitFindingOptions {
  url: string | null
  asOf: IsoDate
  lang?: Lang
  rule?: RuleDef
}

const LISTED = 10

/** One finding per count: fail at the limit, review when no page the kind concerns was seen, n/a when no rule of it is on. */
export function vetoHitFindings(packs: readonly RulePack[], pages: readonly PageFindings[], opts: VetoHitFindingOptions): Finding[] {
  const rule = opts.rule ?? nationalSiteRule(VETO_HITS_RULE_ID)
  const ctx = makeContext(rule, { asOf: opts.asOf, lang: opts.lang, url: opts.url })
  return vetoHitCounts(hitCountDefs(rule), packs, pages).map((c) => {
    const status: Status = !c.enabled ? 'n/a' : c.count >= c.limit ? 'fail' : c.judged === 0 ? 'review' : 'pass'
    const list = c.pages.slice(0, LISTED)
    const more = c.pages.length > LISTED ? `等 ${c.pages.length} 个页面` : ''
    const where = list.map((p) => `${p.title || p.url || '—'}（${p.hits}）`).join('；')
    const message: Localized =
      status === 'n/a'
        ? { zh: `规则包未启用检查“${c.title.zh}”的页面规则，未统计`, en: `No page rule of kind “${c.kind}” is enabled; ${c.title.en} not counted` }
        : status === 'fail'
          ? { zh: `${c.title.zh} ${c.count} 处，达到单项否决线 ${c.limit}`, en: `${c.title.en}: ${c.count}, at the veto limit of ${c.limit}` }
          : status === 'review'
            ? { zh: `巡检未覆盖该项适用的页面，无法统计${c.title.zh}，请人工核查`, en: `The scan saw no page this item concerns; check ${c.title.en} by hand` }
            : { zh: `${c.title.zh} ${c.count} 处，未达单项否决线 ${c.limit}`, en: `${c.title.en}: ${c.count}, below the veto limit of ${c.limit}` }
    return ctx.finding({
      status,
      section: opts.lang === 'en' ? c.title.en : c.title.zh,
      key: c.key,
      message,
      evidence: {
        zh: `已检查 ${pages.length} 个页面，其中 ${c.judged} 个适用；命中 ${c.count} 处${where ? `：${where}${more}` : ''}`,
        en: `${pages.length} pages audited, ${c.judged} in scope; ${c.count} hit(s)${list.length ? `: ${list.map((p) => `${p.url ?? '—'} (${p.hits})`).join('; ')}` : ''}`,
      },
      expected: { zh: `${c.title.zh}少于 ${c.limit} 处`, en: `fewer than ${c.limit} ${c.title.en.toLowerCase()}` },
      locator: null,
      data: { key: c.key, kind: c.kind, titleZh: c.title.zh, titleEn: c.title.en, count: c.count, limit: c.limit, judged: c.judged, pages: c.pages.map((p) => p.url ?? '') },
    })
  })
}
