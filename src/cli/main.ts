// disclosure-audit: files or URLs → engine.audit → JSON / CSV / table. One unreadable input never stops the others:
// it is named on stderr, the rest is audited and printed, and the exit status says something went wrong (2).
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { InputError } from '../engine/charset.ts'
import { todayInShanghai } from '../engine/dates.ts'
import type * as PackModule from '../engine/pack.ts'
import type { RulePack } from '../engine/types.ts'
import { HELP, UsageError, parseCli } from './args.ts'
import { expandInputs, isDirectory, loadInput } from './input.ts'
import { pageSink } from './output.ts'
import { forTerminal } from './terminal.ts'

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

/**
 * The annual-report deadline depends on who publishes (01-31 for a department, 03-31 for a county-level government and
 * up). The rule guesses that from the report title; --deadline lets the auditor, who knows the site, say it outright,
 * so it replaces both the department and the government deadline. Reports under the 2007 条例 keep their own.
 */
function applyDeadline(packs: RulePack[], deadline: string): RulePack[] {
  return packs.map((pack) => ({
    ...pack,
    rules: pack.rules.map((rule) =>
      rule.kind === 'annual-report-timeliness' ? { ...rule, params: { ...rule.params, deadline, governmentDeadline: deadline } } : rule,
    ),
  }))
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
  const sink = pageSink((text) => io.stdout(text), {
    format: opts.format,
    lang: opts.lang,
    all: opts.all,
    packs,
    meta: { name: NAME, version: toolVersion(), asOf, packs },
  })
  // Each report is written out and dropped before the next page is read: a directory of thousands of pages takes the
  // memory of one.
  for await (const source of expandInputs(opts.inputs, (dir, e) => {
    inputFailed = true
    complain(`${dir}: ${e}`)
  })) {
    try {
      const page = await loadInput(source, { url: opts.url })
      for (const w of page.warnings) complain(`${source}: ${w}`)
      const report = audit(page.html, { url: page.url, packs, asOf, lang: opts.lang })
      anyFail ||= report.findings.some((f) => f.status === 'fail')
      sink.page({ source, report })
    } catch (e) {
      inputFailed = true
      if (e instanceof InputError) complain(`${source}: ${e.message}`)
      else complain(`${source}: 审计出错 / audit failed: ${(e as Error)?.message ?? String(e)}`)
    }
  }
  sink.end()

  if (inputFailed) return 2
  return anyFail ? 1 : 0
}
