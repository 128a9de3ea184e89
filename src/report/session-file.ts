// The session file: what "export JSON" writes and "import JSON" accepts. An imported file comes from anywhere (a
// colleague, an edited copy), so it is validated field by field before anything is stored; loose objects keep the
// fields this version does not know, so a round trip loses nothing.
import * as v from 'valibot'
import type { PageReport } from '../engine/types.ts'
import type { ScanReport } from '../scan/report.ts'

export const SESSION_FORMAT = 'disclosure-auditor-session'
export const SESSION_VERSION = 1
/** Far above a real session (a few MB); it stops a wrong file from freezing the page before validation. */
export const MAX_FILE_BYTES = 30 * 1024 * 1024

export interface SessionFile {
  format: typeof SESSION_FORMAT
  version: typeof SESSION_VERSION
  host: string
  exportedAt: string
  pages: PageReport[]
  scan: ScanReport | null
}

const Str = v.string()
const NullableStr = v.nullable(v.string())
const Num = v.number()
const NullableNum = v.nullable(v.number())

// A file written before findings became bilingual holds plain strings; both forms are read.
const Text = v.union([Str, v.object({ zh: Str, en: Str })])

const Finding = v.looseObject({
  id: Str,
  ruleId: Str,
  status: v.picklist(['fail', 'review', 'pass', 'n/a']),
  severity: v.picklist(['veto', 'error', 'warning', 'info']),
  section: Str,
  message: Text,
  evidence: Text,
  expected: Text,
  source: Str,
  locator: v.nullable(v.looseObject({ css: Str, text: Str })),
})

const PageKind = v.picklist(['portal', 'list', 'article', 'guide', 'annual-report', 'directory', 'other'])

const Page = v.looseObject({
  url: NullableStr,
  title: Str,
  kind: PageKind,
  asOf: Str,
  findings: v.array(Finding),
  notes: v.array(Str),
})

const Column = v.looseObject({
  name: Str,
  url: NullableStr,
  class: v.picklist(['news', 'notice', 'long-term', 'other']),
  entries: NullableNum,
  latestDate: NullableStr,
  daysSince: NullableNum,
  status: v.picklist(['ok', 'stale', 'blank', 'unreachable', 'not-html', 'login', 'soft404', 'offsite', 'too-large', 'error']),
})

const Link = v.looseObject({
  url: Str,
  from: Str,
  result: v.picklist(['broken', 'unverifiable', 'soft404', 'ok']),
  httpStatus: NullableNum,
})

const Scan = v.looseObject({
  startUrl: Str,
  asOf: Str,
  site: v.looseObject({
    columns: v.array(Column),
    counts: v.looseObject({ staleNews: Num, staleNotice: Num, staleLongTerm: Num, blank: Num }),
    links: v.array(Link),
  }),
  findings: v.array(Finding),
  pages: v.array(v.looseObject({ source: Str, url: NullableStr, title: Str, kind: PageKind, findings: v.array(Finding) })),
  stats: v.looseObject({
    requests: Num,
    pagesScanned: Num,
    pagesSkipped: Num,
    linksChecked: Num,
    elapsedMs: Num,
    complete: v.boolean(),
    notes: v.array(Str),
  }),
})

const File = v.object({
  format: v.literal(SESSION_FORMAT),
  version: v.literal(SESSION_VERSION),
  host: v.pipe(Str, v.minLength(1)),
  exportedAt: Str,
  pages: v.array(Page),
  scan: v.nullable(Scan),
})

export function buildSessionFile(host: string, pages: PageReport[], scan: ScanReport | null, now = new Date()): SessionFile {
  return { format: SESSION_FORMAT, version: SESSION_VERSION, host, exportedAt: now.toISOString(), pages, scan }
}

export type ParseResult = { ok: true; file: SessionFile } | { ok: false; error: string }

/** Parses and validates a session file; the error names the first bad field by its path. */
export function parseSessionFile(text: string): ParseResult {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    return { ok: false, error: `不是 JSON 文件 / not JSON (${(e as Error).message})` }
  }
  const format = (raw as { format?: unknown } | null)?.format
  if (format !== SESSION_FORMAT) {
    return { ok: false, error: `不是政务公开巡检的会话文件 / not a session file (format: ${JSON.stringify(format ?? null)})` }
  }
  const result = v.safeParse(File, raw)
  if (!result.success) {
    const issue = result.issues[0]
    const path = v.getDotPath(issue) ?? '(root)'
    return { ok: false, error: `${path}: ${issue.message}` }
  }
  return { ok: true, file: result.output as unknown as SessionFile }
}
