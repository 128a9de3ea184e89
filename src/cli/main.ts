// disclosure-audit: files or URLs → engine.audit → JSON / CSV / table. One unreadable input never stops the others:
// it is named on stderr, the rest is audited and printed, and the exit status says something went wrong (2).
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { InputError } from '../engine/charset.ts'
import { todayInShanghai } from '../engine/dates.ts'
import type * as PackModule from '../engine/pack.ts'
import { diffFindings, type DiffPage } from '../engine/cycle/diff.ts'
import { applyDismissals, isOpenFail, type Dismissal } from '../engine/cycle/dismissals.ts'
import type { RulePack } from '../engine/types.ts'
import { HELP, UsageError, parseCli } from './args.ts'
import { CycleFileError, loadBaseline, loadIgnoreFile, pageKey } from './cycle-files.ts'
import type { AuditedPage } from './format.ts'
import { bodyTypeOf, ExportWriteError, siteName, writeExport, writtenLine } from './export-file.ts'
import { expandInputs, isDirectory, loadInput } from './input.ts'
import { pageSink } from './output.ts'
import { forTerminal } from './terminal.ts'
import { applyDeadline } from '../engine/terms.ts'

const NAME = 'disclosure-audit'

export interface Io {
  stdout(text: string): void
  stderr(text: string): void
}

const processIo: Io = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
}

function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

async function loadPack(file: string, { PackError, validatePack }: typeof PackModule): Promise<RulePack> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? '文件不存在 / no such file' : `无法读取 / cannot read: ${(e as Error).message}`
    throw new PackError(file, null, null, why.split(' / ')[0], why.split(' / ')[1])
  }
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new PackError(file, null, null, `JSON 语法错误（${(e as Error).message}）`, `invalid JSON (${(e as Error).message})`)
  }
  return validatePack(data, file)
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const complain = (msg: string) => io.stderr(forTerminal(`${NAME}: ${msg}`) + '\n')
  let opts
  try {
    opts = parseCli(argv)
  } catch (e) {
    if (e instanceof UsageError) {
      complain(e.message)
      return 2
    }
    throw e
  }
  if (opts.help) {
    io.stdout(HELP)
    return 0
  }
  if (opts.version) {
    io.stdout(`${NAME} ${toolVersion()}\n`)
    return 0
  }

  // Loaded only now, so --help and usage errors answer without parsing the engine (cheerio and all rules).
  const { audit } = await import('../engine/audit.ts')
  const packModule = await import('../engine/pack.ts')
  let packs: RulePack[] = opts.national ? [packModule.nationalPack()] : []
  try {
    for (const file of opts.rules) packs.push(await loadPack(file, packModule))
  } catch (e) {
    if (e instanceof packModule.PackError) {
      complain(e.message)
      return 2
    }
    throw e
  }
  if (opts.deadline) packs = applyDeadline(packs, opts.deadline)

  // Both files are read before anything is audited or fetched: a bad one stops the run with nothing half done.
  let dismissals: Dismissal[] = []
  let baseline: DiffPage[] | null = null
  try {
    if (opts.ignoreFile) dismissals = await loadIgnoreFile(opts.ignoreFile)
    if (opts.baselineFile) baseline = await loadBaseline(opts.baselineFile)
  } catch (e) {
    if (e instanceof CycleFileError) {
      complain(e.message)
      return 2
    }
    throw e
  }
  // One time for the whole run, so every finding dismissed by an entry without "at" carries the same moment.
  const dismissedAt = new Date().toISOString()

  const asOf = opts.asOf ?? todayInShanghai()
  if (opts.scan) {
    const { runScanCommand } = await import('./scan-command.ts')
    return runScanCommand(
      {
        url: opts.scan,
        asOf,
        format: opts.format === 'jsonl' ? 'json' : opts.format, // refused by parseCli; narrows the type
        lang: opts.lang,
        packs,
        maxPages: opts.maxPages ?? undefined,
        checkLinks: opts.checkLinks,
        delayMs: opts.delayMs ?? undefined,
        stateFile: opts.stateFile ?? undefined,
        dismissals,
        dismissedAt,
        baseline: baseline ?? undefined,
        out: opts.out ?? undefined,
        deadlineDays: opts.deadlineDays,
        auditor: opts.auditor,
        bodyType: bodyTypeOf(opts.deadline),
      },
      io,
    )
  }
  if (opts.url !== null && (await isDirectory(opts.inputs[0]))) {
    complain('--url 只能用于单个文件，不能用于目录 / --url applies to a single file, not a directory')
    return 2
  }
  let inputFailed = false
  let anyFail = false
  // An office file is built whole, so only then are the reports kept; otherwise each report is written out and dropped
  // before the next page is read (a directory of thousands of pages takes the memory of one), and a --baseline keeps
  // just each page's finding ids and statuses for the comparison.
  const toFile = opts.format === 'xlsx' || opts.format === 'docx'
  const kept: AuditedPage[] = []
  const forDiff: DiffPage[] = []
  const sink = toFile
    ? null
    : pageSink((text) => io.stdout(text), {
        format: opts.format,
        lang: opts.lang,
        all: opts.all,
        packs,
        meta: { name: NAME, version: toolVersion(), asOf, packs },
      })
  for await (const source of expandInputs(opts.inputs, (dir, e) => {
    inputFailed = true
    complain(`${dir}: ${e}`)
  })) {
    try {
      const page = await loadInput(source, { url: opts.url })
      for (const w of page.warnings) complain(`${source}: ${w}`)
      const audited = audit(page.html, { url: page.url, identity: page.url ? null : `file:${source}`, packs, asOf, lang: opts.lang })
      const report = { ...audited, findings: applyDismissals(audited.findings, dismissals, { now: dismissedAt }) }
      anyFail ||= report.findings.some(isOpenFail)
      if (baseline) forDiff.push({ url: pageKey(report.url, source), findings: report.findings.map(({ id, status, dismissed }) => ({ id, status, dismissed })) })
      if (sink) sink.page({ source, report })
      else kept.push({ source, report })
    } catch (e) {
      inputFailed = true
      if (e instanceof InputError) complain(`${source}: ${e.message}`)
      else complain(`${source}: 审计出错 / audit failed: ${(e as Error)?.message ?? String(e)}`)
    }
  }

  if (sink) {
    sink.end(baseline ? diffFindings(baseline, forDiff) : undefined)
  } else {
    const ctx = {
      site: siteName(kept.map((p) => p.report.url), opts.inputs),
      asOf,
      auditor: opts.auditor,
      bodyType: bodyTypeOf(opts.deadline),
      deadlineWorkingDays: opts.deadlineDays,
      generatedAt: new Date().toISOString(),
    }
    try {
      const written = await writeExport(opts.format as 'xlsx' | 'docx', { pages: kept.map((p) => p.report), packs }, ctx, opts.out!)
      io.stdout(forTerminal(writtenLine(opts.format as 'xlsx' | 'docx', opts.out!, written)))
    } catch (e) {
      if (!(e instanceof ExportWriteError)) throw e
      complain(e.message)
      return 2
    }
  }

  if (inputFailed) return 2
  return anyFail ? 1 : 0
}
