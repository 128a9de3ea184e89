// Output formats of the CLI. JSON is the machine contract of DESIGN.md; the table is for a person at a terminal, so it
// leads with what needs action (fail, review) and keeps passes out of the way unless asked for.
import type { FindingDiff } from '../engine/cycle/diff.ts'
import { isDismissed } from '../engine/cycle/dismissals.ts'
import { HANDLING_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../engine/csv.ts'
import { pick } from '../engine/finding.ts'
import { PAGE_KIND_LABELS } from '../engine/vocabulary.ts'
import type { Finding, IsoDate, Lang, PageReport, RulePack, Status } from '../engine/types.ts'
import { countByStatus, countDismissed } from '../shared/verdict.ts'

export interface AuditedPage {
  source: string
  report: PageReport
}

export interface JsonMeta {
  name: string
  version: string
  asOf: IsoDate
  packs: RulePack[]
}

/** One page as the JSON output gives it (also one line of --format jsonl). */
export function jsonPage({ source, report }: AuditedPage): Record<string, unknown> {
  return {
    source,
    url: report.url,
    title: report.title,
    kind: report.kind,
    ...(report.publisher && { publisher: report.publisher }),
    ...(report.column && { column: report.column }),
    ...(report.loginPage ? { loginPage: true } : {}),
    findings: report.findings,
  }
}

export function jsonHead(meta: JsonMeta): Record<string, unknown> {
  return { tool: { name: meta.name, version: meta.version }, asOf: meta.asOf, rulePacks: meta.packs.map((p) => ({ id: p.id, version: p.version })) }
}

export function toJson(pages: AuditedPage[], meta: JsonMeta, diff?: FindingDiff): string {
  return JSON.stringify({ ...jsonHead(meta), pages: pages.map(jsonPage), ...(diff && { diff }) }, null, 2) + '\n'
}

const MARK: Record<Status, string> = { fail: '✗', review: '?', pass: '✓', 'n/a': '–' }

const T = {
  zh: {
    source: '来源', kind: '类型', url: '网址', evidence: '发现', expected: '要求', where: '位置', none: '没有需要处理的问题', sep: '：',
    reason: '理由', baseline: '与基线对比', new: '新增', resolved: '已整改', persisting: '仍存在', login: '登录页',
  },
  en: {
    source: 'source', kind: 'kind', url: 'url', evidence: 'found', expected: 'required', where: 'at', none: 'nothing to act on', sep: ': ',
    reason: 'reason', baseline: 'Compared with the baseline', new: 'new', resolved: 'resolved', persisting: 'persisting', login: 'login page',
  },
}

/** `不合格 1 · 需复核 0 · 合格 5 · 不适用 2`, then `· 已忽略 N` when the auditor set some aside (they are not in the others). */
export function countsLine(findings: Finding[], lang: Lang): string {
  const c = countByStatus(findings)
  const L = STATUS_LABELS[lang]
  const dismissed = countDismissed(findings)
  const parts = (['fail', 'review', 'pass', 'n/a'] as const).map((s) => `${L[s]} ${c[s]}`)
  if (dismissed) parts.push(`${HANDLING_LABELS[lang].dismissed} ${dismissed}`)
  return parts.join(' · ')
}

/** `新增 2 · 已整改 1 · 仍存在 5`: the run against the --baseline report. */
export function diffLine(diff: FindingDiff, lang: Lang): string {
  const t = T[lang]
  return `${t.baseline}${t.sep}${t.new} ${diff.new.length} · ${t.resolved} ${diff.resolved.length} · ${t.persisting} ${diff.persisting.length}`
}

export function ruleTitles(packs: RulePack[], lang: Lang): Map<string, string> {
  const titles = new Map<string, string>()
  for (const pack of packs) for (const rule of pack.rules) titles.set(rule.id, rule.title[lang] || rule.title.zh)
  return titles
}

/** One page's block of the table output, without a trailing newline. */
export function tablePage({ source, report }: AuditedPage, titles: Map<string, string>, opts: { lang: Lang; all: boolean }): string {
  const { lang, all } = opts
  const t = T[lang]
  const lines: string[] = []
  lines.push(`■ ${oneLine(report.title) || '（无标题 / untitled）'}${report.loginPage ? ` [${t.login}]` : ''}`)
  lines.push(`  ${t.source}${t.sep}${oneLine(source)} · ${t.kind}${t.sep}${PAGE_KIND_LABELS[lang][report.kind] ?? report.kind}${report.url ? ` · ${t.url}${t.sep}${report.url}` : ''}`)
  const dismissed = report.findings.filter(isDismissed)
  const shown = report.findings.filter((f) => !isDismissed(f) && (all || f.status === 'fail' || f.status === 'review'))
  // Group by rule in the engine's order (fail before review, by severity), so the worst rule comes first.
  const groups = new Map<string, Finding[]>()
  for (const f of shown) groups.set(f.ruleId, [...(groups.get(f.ruleId) ?? []), f])
  if (groups.size === 0) lines.push(`  ${t.none}`)
  for (const [ruleId, list] of groups) {
    lines.push(`  ${titles.get(ruleId) ?? ruleId} (${ruleId})`)
    for (const f of list) {
      const badge = `${MARK[f.status]} ${STATUS_LABELS[lang][f.status]}·${SEVERITY_LABELS[lang][f.severity]}`
      lines.push(`    ${badge}  ${f.section ? `[${f.section}] ` : ''}${oneLine(pick(f.message, lang))}`)
      if (pick(f.evidence, lang)) lines.push(`        ${t.evidence}${t.sep}${oneLine(pick(f.evidence, lang))}`)
      if (f.status !== 'pass' && pick(f.expected, lang)) lines.push(`        ${t.expected}${t.sep}${oneLine(pick(f.expected, lang))}`)
    }
  }
  // Set apart, after what needs action: still listed, so a dismissal is never invisible.
  if (dismissed.length) {
    lines.push(`  ${HANDLING_LABELS[lang].dismissed} ${dismissed.length}`)
    for (const f of dismissed) {
      const what = `${STATUS_LABELS[lang][f.status]}·${titles.get(f.ruleId) ?? f.ruleId}`
      lines.push(`    ⊘ ${what}  ${f.section ? `[${f.section}] ` : ''}${oneLine(pick(f.message, lang))}`)
      lines.push(`        ${t.reason}${t.sep}${oneLine(f.dismissed!.reason)}`)
    }
  }
  lines.push(`  ${countsLine(report.findings, lang)}`)
  return lines.join('\n')
}

export function toTable(pages: AuditedPage[], packs: RulePack[], opts: { lang: Lang; all: boolean; diff?: FindingDiff }): string {
  const titles = ruleTitles(packs, opts.lang)
  const blocks = pages.map((p) => tablePage(p, titles, opts))
  if (opts.diff) blocks.push(diffLine(opts.diff, opts.lang))
  return blocks.length ? blocks.join('\n\n') + '\n' : ''
}

/** Page text can carry newlines and control characters; a terminal line must stay one line and inert. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim()
}
