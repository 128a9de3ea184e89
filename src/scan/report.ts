// A scan state → what an auditor reads: the columns with their verdicts, the site-level counts and veto findings,
// the checked links, and every scanned page's own audit. Pure: the popup, the report page and the CLI share it.
import { linkFindings } from '../engine/site/link-findings.ts'
import { siteCounts, siteFindings, siteRulesOf, SITE_RULE_ID } from '../engine/site/site-rule.ts'
import type { SiteColumn, SiteCounts, SiteLink } from '../engine/site/types.ts'
import { vetoHitFindings, VETO_HITS_RULE_ID } from '../engine/site/veto-hits.ts'
import type { Finding, PageKind } from '../engine/types.ts'
import { compareOrder } from './scanner.ts'
import type { ScanState } from './types.ts'

export interface ScannedPage {
  source: string
  url: string | null
  title: string
  kind: PageKind
  findings: Finding[]
  /** 发布机构 and column of the page, when it states them (see PageReport). */
  publisher?: string
  column?: string
}

export interface SiteSection {
  columns: SiteColumn[]
  counts: SiteCounts
  links: SiteLink[]
}

export interface ScanStats {
  /** HTTP requests made (the start page included unless its DOM was handed in). */
  requests: number
  pagesScanned: number
  pagesSkipped: number
  linksChecked: number
  elapsedMs: number
  complete: boolean
  notes: string[]
}

export interface ScanReport {
  startUrl: string
  asOf: string
  site: SiteSection
  /** The site-level findings (column-freshness-site veto counts, link-check, veto-hits-site), also the first entry of `pages`. */
  findings: Finding[]
  pages: ScannedPage[]
  stats: ScanStats
}

export function scanReport(state: ScanState): ScanReport {
  const pages = state.pages.filter((p) => p.state === 'done' && p.result).sort((a, b) => compareOrder(a.order, b.order))
  const columns: SiteColumn[] = []
  const names = new Set<string>()
  for (const p of pages) {
    if (p.result?.column) {
      columns.push(p.result.column)
      names.add(p.result.column.name)
    }
  }
  // A block the start page shows without a list link counts once, and only when no fetched list has its name.
  for (const p of pages) {
    for (const c of p.result?.blockColumns ?? []) {
      if (names.has(c.name)) continue
      names.add(c.name)
      columns.push(c)
    }
  }
  const { asOf, lang } = state.options
  const links = state.links.filter((l) => l.state === 'done' && l.result).map((l) => l.result as SiteLink)
  // The packs given to the scan decide the site rules (a local pack can retune or switch one off).
  const findings: Finding[] = []
  const audited = pages
    .filter((p) => p.result?.report)
    .map((p) => ({ url: p.result?.finalUrl ?? p.url, title: p.result?.report?.title ?? '', findings: p.result?.report?.findings ?? [] }))
  for (const { kind, rules } of siteRulesOf(state.options.packs)) {
    for (const rule of rules) {
      const opts = { url: state.startUrl, asOf, lang, rule }
      if (kind === SITE_RULE_ID) findings.push(...siteFindings(columns, opts))
      else if (kind === VETO_HITS_RULE_ID) findings.push(...vetoHitFindings(state.options.packs, audited, opts))
      else findings.push(...linkFindings(links, opts))
    }
  }
  const startTitle = pages.find((p) => p.depth === 0)?.result?.report?.title ?? ''
  const sitePage: ScannedPage = {
    source: 'site-scan',
    url: state.startUrl,
    title: startTitle ? `${startTitle}（全站栏目巡检）` : '全站栏目巡检',
    kind: 'other',
    findings,
  }
  // An attachment's personal-data finding belongs to the page that links it; links are in page order, so is this.
  const fromAttachments = new Map<string, Finding[]>()
  for (const l of state.links) if (l.personalData) fromAttachments.set(l.from, [...(fromAttachments.get(l.from) ?? []), l.personalData])
  const scanned: ScannedPage[] = pages
    .filter((p) => p.result?.report)
    .map((p) => ({
      source: p.url,
      url: p.result?.finalUrl ?? p.url,
      title: p.result?.report?.title ?? '',
      kind: p.result?.report?.kind ?? 'other',
      findings: [...(p.result?.report?.findings ?? []), ...(fromAttachments.get(p.url) ?? [])],
      ...(p.result?.report?.publisher && { publisher: p.result.report.publisher }),
      ...(p.result?.report?.column && { column: p.result.report.column }),
    }))
  return {
    startUrl: state.startUrl,
    asOf,
    site: { columns, counts: siteCounts(columns), links },
    findings,
    pages: [sitePage, ...scanned],
    stats: {
      requests: state.requests,
      pagesScanned: pages.length,
      pagesSkipped: state.pages.filter((p) => p.state === 'skipped').length,
      linksChecked: links.length,
      elapsedMs: state.elapsedMs,
      complete: state.phase === 'done',
      notes: [...state.notes, ...(state.phase === 'done' ? [] : ['巡检未完成（已中止或暂停），结果不完整'])],
    },
  }
}
