// disclosure-audit: files or URLs → engine.audit → JSON / CSV / table. One unreadable input never stops the others:
// it is named on stderr, the rest is audited and printed, and the exit status says something went wrong (2).
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { InputError } from '../engine/charset.ts'
import { reportsToCsv } from '../engine/csv.ts'
import { todayInShanghai } from '../engine/dates.ts'
import type * as PackModule from '../engine/pack.ts'
import { diffFindings, type DiffPage } from '../engine/cycle/diff.ts'
import { applyDismissals, isOpenFail, type Dismissal } from '../engine/cycle/dismissals.ts'
import type { RulePack } from '../engine/types.ts'
import { HELP, UsageError, parseCli } from './args.ts'
import { CycleFileError, loadBaseline, loadIgnoreFile, pageKey } from './cycle-files.ts'
import { type AuditedPage, toJson, toTable } from './format.ts'
import { bodyTypeOf, ExportWriteError, siteName, writeExport, writtenLine } from './export-file.ts'
import { loadInput } from './input.ts'
import { forTerminal, jsonForTerminal } from './terminal.ts'
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
        format: opts.format,
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
  let inputFailed = false
  const pages: AuditedPage[] = []
  for (const source of opts.inputs) {
    try {
      const page = await loadInput(source, { url: opts.url })
      for (const w of page.warnings) complain(`${source}: ${w}`)
      const audited = audit(page.html, { url: page.url, identity: page.url ? null : `file:${source}`, packs, asOf, lang: opts.lang })
      const report = { ...audited, findings: applyDismissals(audited.findings, dismissals, { now: dismissedAt }) }
      pages.push({ source, report })
    } catch (e) {
      inputFailed = true
      if (e instanceof InputError) complain(`${source}: ${e.message}`)
      else complain(`${source}: 审计出错 / audit failed: ${(e as Error)?.message ?? String(e)}`)
    }
  }

  const diff = baseline ? diffFindings(baseline, pages.map((p) => ({ url: pageKey(p.report.url, p.source), findings: p.report.findings }))) : undefined
  if (opts.format === 'json') io.stdout(jsonForTerminal(toJson(pages, { name: NAME, version: toolVersion(), asOf, packs }, diff)))
  else if (opts.format === 'csv') io.stdout(reportsToCsv(pages.map((p) => p.report), packs, { lang: opts.lang }) + '\r\n')
  else if (opts.format === 'xlsx' || opts.format === 'docx') {
    const ctx = {
      site: siteName(pages.map((p) => p.report.url), opts.inputs),
      asOf,
      auditor: opts.auditor,
      bodyType: bodyTypeOf(opts.deadline),
      deadlineWorkingDays: opts.deadlineDays,
      generatedAt: new Date().toISOString(),
    }
    try {
      const written = await writeExport(opts.format, { pages: pages.map((p) => p.report), packs }, ctx, opts.out!)
      io.stdout(forTerminal(writtenLine(opts.format, opts.out!, written)))
    } catch (e) {
      if (!(e instanceof ExportWriteError)) throw e
      complain(e.message)
      return 2
    }
  } else io.stdout(forTerminal(toTable(pages, packs, { lang: opts.lang, all: opts.all, diff })))

  if (inputFailed) return 2
  return pages.some((p) => p.report.findings.some(isOpenFail)) ? 1 : 0
}
