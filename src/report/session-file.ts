// The session file: what "export JSON" writes and "import JSON" accepts. An imported file comes from anywhere (a
// colleague, an edited copy), so it is validated field by field before anything is stored; loose objects keep the
// fields this version does not know, so a round trip loses nothing.
import * as v from 'valibot'
import { DismissalsSchema, MAX_DISMISSAL_REASON, type Dismissal } from '../engine/cycle/dismissals.ts'
import { dismissalsOf, mergeDismissals } from '../shared/dismissal-list.ts'
import { forbiddenKeyPath } from '../engine/safe-keys.ts'
import { hostOf } from '../engine/site/urls.ts'
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
  /** The auditor's dismissals of this session's findings (optional: files of earlier versions have none). */
  dismissals?: Dismissal[]
  /** Pages audited in the session whose reports could not be stored: they are not in `pages` (absent when none). */
  unsaved?: string[]
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
  dismissed: v.optional(
    v.object({
      reason: v.pipe(Str, v.trim(), v.minLength(1, '忽略理由不能为空 / reason is empty'), v.maxLength(MAX_DISMISSAL_REASON)),
      at: v.pipe(Str, v.isoTimestamp()),
    }),
  ),
})

const PageKind = v.picklist(['portal', 'list', 'article', 'guide', 'annual-report', 'directory', 'other'])

const Page = v.looseObject({
  url: NullableStr,
  title: Str,
  kind: PageKind,
  asOf: Str,
  findings: v.array(Finding),
  notes: v.array(Str),
  loginPage: v.optional(v.literal(true)),
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

/** `host` or `host:port`, as a URL's `host` gives it: it becomes part of storage keys, so nothing else may pass. */
const HOST = /^(?=.{1,253}(?::\d{1,5})?$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i

export function isHost(value: string): boolean {
  if (!HOST.test(value)) return false
  const port = /:(\d+)$/.exec(value)?.[1]
  return port === undefined || (Number(port) > 0 && Number(port) < 65536)
}

const File = v.object({
  format: v.literal(SESSION_FORMAT),
  version: v.literal(SESSION_VERSION),
  host: v.pipe(Str, v.minLength(1), v.check(isHost, '不是有效的主机名 / not a valid host[:port]')),
  exportedAt: Str,
  pages: v.array(Page),
  scan: v.nullable(Scan),
  dismissals: v.optional(DismissalsSchema),
  unsaved: v.optional(v.array(Str)),
})

/** `pages` as the session shows them: their dismissal marks become the file's list of dismissals. */
export function buildSessionFile(host: string, pages: PageReport[], scan: ScanReport | null, now = new Date(), unsaved: string[] = []): SessionFile {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    host,
    exportedAt: now.toISOString(),
    pages,
    scan,
    dismissals: dismissalsOf(pages),
    ...(unsaved.length ? { unsaved } : {}),
  }
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
  const forbidden = forbiddenKeyPath(raw)
  if (forbidden) return { ok: false, error: `${forbidden}: 不允许的键名 / forbidden key` }
  const result = v.safeParse(File, raw)
  if (!result.success) {
    const issue = result.issues[0]
    const path = v.getDotPath(issue) ?? '(root)'
    return { ok: false, error: `${path}: ${issue.message}` }
  }
  const file = result.output as unknown as SessionFile
  // Every page must be an http(s) address on the session's own host: a file cannot plant reports of other sites.
  const host = file.host.toLowerCase()
  const stray = file.pages.findIndex((p) => p.url === null || hostOf(p.url) !== host)
  if (stray !== -1) {
    return { ok: false, error: `pages.${stray}.url: 不是本站（${file.host}）的网页地址 / not an http(s) address on ${file.host}` }
  }
  // A finding the file shows as dismissed is dismissed after the import too, even when the list does not name it.
  file.dismissals = mergeDismissals(dismissalsOf(file.pages), file.dismissals ?? [])
  return { ok: true, file }
}
