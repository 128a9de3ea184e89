// Output formats of the CLI. JSON is the machine contract of DESIGN.md; the table is for a person at a terminal, so it
// leads with what needs action (fail, review) and keeps passes out of the way unless asked for.
import { SEVERITY_LABELS, STATUS_LABELS } from '../engine/csv.ts'
import { pick } from '../engine/finding.ts'
import { PAGE_KIND_LABELS } from '../engine/vocabulary.ts'
import type { Finding, IsoDate, Lang, PageReport, RulePack, Status } from '../engine/types.ts'

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
    ...(report.loginPage ? { loginPage: true } : {}),
    findings: report.findings,
  }
}

export function jsonHead(meta: JsonMeta): Record<string, unknown> {
  return { tool: { name: meta.name, version: meta.version }, asOf: meta.asOf, rulePacks: meta.packs.map((p) => ({ id: p.id, version: p.version })) }
}

export function toJson(pages: AuditedPage[], meta: JsonMeta): string {
  return JSON.stringify({ ...jsonHead(meta), pages: pages.map(jsonPage) }, null, 2) + '\n'
}

const MARK: Record<Status, string> = { fail: '✗', review: '?', pass: '✓', 'n/a': '–' }

const T = {
  zh: { source: '来源', kind: '类型', url: '网址', evidence: '发现', expected: '要求', where: '位置', none: '没有需要处理的问题', sep: '：', login: '登录页' },
  en: { source: 'source', kind: 'kind', url: 'url', evidence: 'found', expected: 'required', where: 'at', none: 'nothing to act on', sep: ': ', login: 'login page' },
}

export function countByStatus(findings: Finding[]): Record<Status, number> {
  const c: Record<Status, number> = { fail: 0, review: 0, pass: 0, 'n/a': 0 }
  for (const f of findings) c[f.status]++
  return c
}

export function countsLine(findings: Finding[], lang: Lang): string {
  const c = countByStatus(findings)
  const L = STATUS_LABELS[lang]
  return (['fail', 'review', 'pass', 'n/a'] as const).map((s) => `${L[s]} ${c[s]}`).join(' · ')
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
  const shown = report.findings.filter((f) => all || f.status === 'fail' || f.status === 'review')
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
  lines.push(`  ${countsLine(report.findings, lang)}`)
  return lines.join('\n')
}

export function toTable(pages: AuditedPage[], packs: RulePack[], opts: { lang: Lang; all: boolean }): string {
  const titles = ruleTitles(packs, opts.lang)
  return pages.length ? pages.map((p) => tablePage(p, titles, opts)).join('\n\n') + '\n' : ''
}

/** Page text can carry newlines and control characters; a terminal line must stay one line and inert. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim()
}
