// Findings → CSV that Excel/WPS open correctly (BOM, CRLF) and that cannot run as a formula when a page's own text
// lands in a cell — page titles and evidence are attacker-controlled as far as the auditor is concerned.
import Papa from 'papaparse'
import { isDismissable, isDismissed } from './cycle/dismissals.ts'
import { pick } from './finding.ts'
import type { Lang, PageReport, RulePack, Severity, Status } from './types.ts'

export const CSV_HEADERS: Record<Lang, readonly string[]> = {
  zh: ['审计日期', '页面标题', '页面地址', '规则编号', '规则名称', '结果', '严重程度', '栏目/要素', '问题描述', '发现情况', '要求', '依据', '元素定位', '编号', '处理状态', '忽略理由'],
  en: ['Audit date', 'Page title', 'Page URL', 'Rule ID', 'Rule name', 'Result', 'Severity', 'Section', 'Issue', 'Evidence', 'Requirement', 'Source', 'Locator', 'Finding ID', 'Handling', 'Dismissal reason'],
}

export const STATUS_LABELS: Record<Lang, Record<Status, string>> = {
  zh: { fail: '不合格', review: '需复核', pass: '合格', 'n/a': '不适用' },
  en: { fail: 'Fail', review: 'Needs review', pass: 'Pass', 'n/a': 'N/A' },
}

/** Handling of a problem; a pass or n/a has nothing to handle, so its cell stays empty and 未处理 filters the to-do list. */
export const HANDLING_LABELS: Record<Lang, { open: string; dismissed: string }> = {
  zh: { open: '未处理', dismissed: '已忽略' },
  en: { open: 'Open', dismissed: 'Dismissed' },
}

export const SEVERITY_LABELS: Record<Lang, Record<Severity, string>> = {
  zh: { veto: '单项否决', error: '错误', warning: '警告', info: '提示' },
  en: { veto: 'Veto', error: 'Error', warning: 'Warning', info: 'Info' },
}

// papaparse's `escapeFormulae: true` uses /^[=+\-@\t\r].*$/, whose `.` stops at a newline, so a multi-line cell
// starting with "=" would slip through; anchoring only the first character catches every case.
const FORMULA_START = /^[=+\-@\t\r]/

/** A text cell made inert the way the CSV's cells are (a leading apostrophe), for writers other than papaparse. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

export function reportsToCsv(reports: PageReport[], packs: RulePack[], opts: { lang?: Lang } = {}): string {
  const lang: Lang = opts.lang ?? 'zh'
  // Later packs win, so a local pack that redefines a national rule also renames it.
  const titles = new Map<string, string>()
  for (const pack of packs) for (const rule of pack.rules) titles.set(rule.id, rule.title[lang] || rule.title.zh)
  const rows: string[][] = []
  for (const r of reports) {
    for (const f of r.findings) {
      rows.push([
        r.asOf,
        r.title,
        r.url ?? '',
        f.ruleId,
        titles.get(f.ruleId) ?? f.ruleId,
        STATUS_LABELS[lang][f.status] ?? f.status,
        SEVERITY_LABELS[lang][f.severity] ?? f.severity,
        f.section,
        pick(f.message, lang),
        pick(f.evidence, lang),
        pick(f.expected, lang),
        f.source,
        f.locator?.css ?? '',
        f.id,
        isDismissed(f) ? HANDLING_LABELS[lang].dismissed : isDismissable(f) ? HANDLING_LABELS[lang].open : '',
        isDismissed(f) ? f.dismissed!.reason : '',
      ])
    }
  }
  const body = Papa.unparse(
    { fields: [...CSV_HEADERS[lang]], data: rows },
    { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START, header: true },
  )
  // With no data rows papaparse still ends the header with a newline; keep every file ending the same way.
  return '\uFEFF' + body.replace(/\r\n$/, '')
}

/** `政务公开巡检_<host>_<YYYYMMDD-HHmm>.csv`, in Beijing time whatever the machine's zone. */
export function csvFileName(host: string, when: Date): string {
  // China has had no daylight saving since 1991, so a fixed +8 h offset is exact.
  const t = new Date(when.getTime() + 8 * 3600 * 1000)
  const p = (n: number) => String(n).padStart(2, '0')
  const stamp = `${t.getUTCFullYear()}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}-${p(t.getUTCHours())}${p(t.getUTCMinutes())}`
  // Characters Windows forbids in file names (a port's ":" included).
  const safeHost = host.trim().replace(/[\\/:*?"<>|\s]+/g, '_') || 'page'
  return `政务公开巡检_${safeHost}_${stamp}.csv`
}
