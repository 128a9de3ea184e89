// The audit cycle's two input files: --ignore (the auditor's dismissals) and --baseline (an earlier JSON report of
// this tool). Both come from a user and are validated in full before anything is audited, so a bad file stops the run
// with a clear message (exit 2) instead of producing a report that silently ignored it.
import { readFile } from 'node:fs/promises'
import * as v from 'valibot'
import type { DiffPage } from '../engine/cycle/diff.ts'
import { DismissalsSchema, type Dismissal } from '../engine/cycle/dismissals.ts'
import { forbiddenKeyPath } from '../engine/safe-keys.ts'

export class CycleFileError extends Error {
  constructor(option: string, file: string, zh: string, en: string, detail?: string) {
    super(`${option} ${file}: ${zh} / ${en}${detail ? `（${detail}）` : ''}`)
    this.name = 'CycleFileError'
  }
}

// A report of a few thousand pages is some tens of MB; anything far beyond that is not a report of this tool.
const MAX_FILE_BYTES = 256 * 1024 * 1024

async function readJson(option: string, file: string): Promise<unknown> {
  let text: string
  try {
    const bytes = await readFile(file)
    if (bytes.byteLength > MAX_FILE_BYTES) throw new CycleFileError(option, file, '文件过大', 'file too large')
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch (e) {
    if (e instanceof CycleFileError) throw e
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new CycleFileError(option, file, '文件不存在', 'no such file')
    if (e instanceof TypeError) throw new CycleFileError(option, file, '不是 UTF-8 文本', 'not UTF-8 text')
    throw new CycleFileError(option, file, '无法读取', 'cannot read', (e as Error).message)
  }
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new CycleFileError(option, file, 'JSON 语法错误', 'invalid JSON', (e as Error).message)
  }
  const bad = forbiddenKeyPath(data)
  if (bad) throw new CycleFileError(option, file, `不允许的键 ${bad}`, `forbidden key ${bad}`)
  return data
}

/** `$[3].reason: 忽略理由不能为空` — the first problem, where it is, in the words of the schema. */
function firstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0]
  const path = (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('')
  return `$${path}: ${issue.message}`
}

export async function loadIgnoreFile(file: string): Promise<Dismissal[]> {
  const data = await readJson('--ignore', file)
  const parsed = v.safeParse(DismissalsSchema, data)
  if (!parsed.success) {
    throw new CycleFileError('--ignore', file, '格式不符', 'expected [{"id": "…", "reason": "…"}]', firstIssue(parsed.issues))
  }
  return parsed.output
}

const BaselineFinding = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  status: v.picklist(['fail', 'review', 'pass', 'n/a']),
  dismissed: v.optional(v.looseObject({ reason: v.string(), at: v.string() })),
})

const BaselineReport = v.looseObject({
  tool: v.looseObject({ name: v.literal('disclosure-audit') }),
  pages: v.array(
    v.looseObject({
      source: v.optional(v.string()),
      url: v.nullable(v.string()),
      findings: v.array(BaselineFinding),
    }),
  ),
})

/**
 * The pages of an earlier JSON report as the diff compares them. A page is known by its address, or by its source
 * (the file name) when it was audited from a file without --url: the same key `pageKey` gives the current run.
 */
export async function loadBaseline(file: string): Promise<DiffPage[]> {
  const data = await readJson('--baseline', file)
  const parsed = v.safeParse(BaselineReport, data)
  if (!parsed.success) {
    throw new CycleFileError('--baseline', file, '不是本工具的 JSON 报告', 'not a JSON report of this tool', firstIssue(parsed.issues))
  }
  return parsed.output.pages.map((p) => ({
    url: pageKey(p.url, p.source ?? ''),
    findings: p.findings.map((f) => ({ id: f.id, status: f.status, ...(f.dismissed && { dismissed: { reason: f.dismissed.reason, at: f.dismissed.at } }) })),
  }))
}

export function pageKey(url: string | null, source: string): string {
  return url ?? source
}
