// Command-line parsing. node:util parseArgs does the splitting; the checks here turn its English-only errors and
// any bad value into one usage line, so every usage problem ends in exit status 2 the same way.
import { parseArgs } from 'node:util'
import type { IsoDate, Lang } from '../engine/types.ts'
import { DEFAULT_DEADLINE_WORKING_DAYS } from '../export/context.ts'

export type Format = 'json' | 'jsonl' | 'csv' | 'table' | 'xlsx' | 'docx'

/** Formats written as a file (binary office documents), never to the terminal. */
export const FILE_FORMATS: readonly Format[] = ['xlsx', 'docx']

export interface CliOptions {
  help: boolean
  version: boolean
  asOf: IsoDate | null
  format: Format
  rules: string[]
  national: boolean
  url: string | null
  lang: Lang
  /** `MM-DD`: the annual-report deadline to apply (01-31 for departments, 03-31 for governments at county level and up). */
  deadline: string | null
  all: boolean
  inputs: string[]
  /** Site scan: the start page whose columns are fetched and audited (issue: site scan). */
  scan: string | null
  maxPages: number | null
  checkLinks: boolean
  delayMs: number | null
  /** JSON file keeping the scan state, so an interrupted scan resumes where it stopped. */
  stateFile: string | null
  /** JSON `[{"id", "reason"}]`: findings the auditor set aside; they leave the verdict and the exit status. */
  ignoreFile: string | null
  /** An earlier JSON report of this tool: the output adds what is new, resolved and persisting since then. */
  baselineFile: string | null
  /** Where an xlsx/docx export is written. */
  out: string | null
  /** The 整改期限 of the notices, in working days after the as-of date. */
  deadlineDays: number
  /** The auditor's name printed on the exports. */
  auditor: string
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]
}

function isValidMonthDay(s: string): boolean {
  // 2000 is a leap year, so 02-29 is accepted as a deadline.
  return /^\d{2}-\d{2}$/.test(s) && isValidIsoDate(`2000-${s}`)
}

export function parseCli(argv: string[]): CliOptions {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        'as-of': { type: 'string' },
        format: { type: 'string', short: 'f' },
        rules: { type: 'string', multiple: true },
        'no-national': { type: 'boolean' },
        url: { type: 'string' },
        lang: { type: 'string' },
        deadline: { type: 'string' },
        all: { type: 'boolean', short: 'a' },
        scan: { type: 'string' },
        'max-pages': { type: 'string' },
        'no-links': { type: 'boolean' },
        delay: { type: 'string' },
        state: { type: 'string' },
        ignore: { type: 'string' },
        baseline: { type: 'string' },
        out: { type: 'string', short: 'o' },
        'deadline-days': { type: 'string' },
        auditor: { type: 'string' },
      },
    })
  } catch (e) {
    throw new UsageError(`参数错误 / bad arguments: ${(e as Error).message}`)
  }
  const v = parsed.values
  const opts: CliOptions = {
    help: v.help ?? false,
    version: v.version ?? false,
    asOf: v['as-of'] ?? null,
    format: (v.format ?? 'table') as Format,
    rules: v.rules ?? [],
    national: !(v['no-national'] ?? false),
    url: v.url ?? null,
    lang: (v.lang ?? 'zh') as Lang,
    deadline: v.deadline ?? null,
    all: v.all ?? false,
    inputs: parsed.positionals,
    scan: v.scan ?? null,
    maxPages: v['max-pages'] === undefined ? null : Number(v['max-pages']),
    checkLinks: !(v['no-links'] ?? false),
    delayMs: v.delay === undefined ? null : Number(v.delay),
    stateFile: v.state ?? null,
    ignoreFile: v.ignore ?? null,
    baselineFile: v.baseline ?? null,
    out: v.out ?? null,
    deadlineDays: v['deadline-days'] === undefined ? DEFAULT_DEADLINE_WORKING_DAYS : Number(v['deadline-days']),
    auditor: (v.auditor ?? '').trim(),
  }
  if (opts.help || opts.version) return opts

  if (opts.asOf !== null && !isValidIsoDate(opts.asOf)) {
    throw new UsageError(`--as-of 须为有效日期 YYYY-MM-DD / --as-of must be a valid date YYYY-MM-DD: "${opts.asOf}"`)
  }
  if (!['json', 'jsonl', 'csv', 'table', 'xlsx', 'docx'].includes(opts.format)) {
    throw new UsageError(`--format 只能是 json、jsonl、csv、table、xlsx 或 docx / --format must be json, jsonl, csv, table, xlsx or docx: "${opts.format}"`)
  }
  const toFile = FILE_FORMATS.includes(opts.format)
  if (toFile && !opts.out) {
    throw new UsageError(`--format ${opts.format} 须用 --out 指定输出文件 / --format ${opts.format} writes a file: give it with --out FILE`)
  }
  if (!toFile && opts.out !== null) {
    throw new UsageError('--out 只用于 xlsx 或 docx 格式 / --out is for --format xlsx or docx only')
  }
  if (!(Number.isInteger(opts.deadlineDays) && opts.deadlineDays > 0 && opts.deadlineDays <= 365)) {
    throw new UsageError(`--deadline-days 须为 1–365 的整数 / --deadline-days must be a whole number from 1 to 365: "${v['deadline-days']}"`)
  }
  if (!['zh', 'en'].includes(opts.lang)) {
    throw new UsageError(`--lang 只能是 zh 或 en / --lang must be zh or en: "${opts.lang}"`)
  }
  if (opts.deadline !== null && !isValidMonthDay(opts.deadline)) {
    throw new UsageError(`--deadline 须为 MM-DD（如 01-31、03-31）/ --deadline must be MM-DD (e.g. 01-31, 03-31): "${opts.deadline}"`)
  }
  if (!opts.national && opts.rules.length === 0) {
    throw new UsageError('--no-national 须与 --rules 一起使用 / --no-national needs at least one --rules FILE')
  }
  if (opts.maxPages !== null && !(Number.isInteger(opts.maxPages) && opts.maxPages > 0)) {
    throw new UsageError(`--max-pages 须为正整数 / --max-pages must be a positive whole number: "${v['max-pages']}"`)
  }
  if (opts.delayMs !== null && !(Number.isInteger(opts.delayMs) && opts.delayMs >= 0)) {
    throw new UsageError(`--delay 须为非负整数（毫秒）/ --delay must be a whole number of milliseconds: "${v.delay}"`)
  }
  if (opts.baselineFile !== null && (opts.format === 'csv' || opts.format === 'jsonl' || toFile)) {
    throw new UsageError('--baseline 的对比结果只在 json 或 table 输出中给出 / --baseline needs --format json or table (CSV and JSON Lines have no place for the comparison)')
  }
  if (opts.scan !== null) {
    if (!/^https?:\/\/[^/\s]+/i.test(opts.scan) || !URL.canParse(opts.scan)) {
      throw new UsageError(`--scan 须为 http(s) 网址 / --scan must be an http(s) address: "${opts.scan}"`)
    }
    if (opts.inputs.length > 0) {
      throw new UsageError('--scan 不能与其他输入同时使用 / --scan takes no other inputs')
    }
    if (opts.format === 'jsonl') {
      throw new UsageError('--scan 的输出格式为 json、csv 或 table / --scan prints json, csv or table, not jsonl')
    }
    return opts
  }
  if (opts.inputs.length === 0) {
    throw new UsageError('缺少要审计的文件或网址 / no file or URL to audit (see --help)')
  }
  if (opts.url !== null) {
    if (opts.inputs.length !== 1) {
      throw new UsageError('--url 只能用于单个输入 / --url applies to a single input only')
    }
    if (!/^https?:\/\/[^/\s]+/i.test(opts.url) || !URL.canParse(opts.url)) {
      throw new UsageError(`--url 须为 http(s) 网址 / --url must be an http(s) address: "${opts.url}"`)
    }
  }
  return opts
}

export const HELP = `disclosure-audit — 政务公开巡检 / government information disclosure auditor

用法 / Usage:
  disclosure-audit [选项 options] <文件 file | 目录 directory | 网址 url>...

选项 / Options:
  --as-of YYYY-MM-DD    审计日期（默认：北京时间今天）/ audit date (default: today, Asia/Shanghai)
  --format json|jsonl|csv|table|xlsx|docx
                        输出格式（默认 table）；jsonl 每行一个页面；xlsx 为问题清单工作簿，docx 为整改通知，均须 --out
                        / output format (default: table); jsonl: one page per line; xlsx is the workbook, docx the
                        整改通知 (both need --out)
  --out FILE, -o FILE   xlsx/docx 的输出文件 / the file an xlsx or docx export is written to
  --deadline-days N     整改通知的整改期限：审计日期后 N 个工作日（默认 10，按节假日安排）
                        / the notices' deadline: N working days after the as-of date (default 10, holiday calendar)
  --auditor NAME        印在工作簿和整改通知上的审计人员姓名 / the auditor's name printed on the exports
  --rules FILE          追加规则包（JSON，可重复）/ extra rule pack (JSON, repeatable)
  --no-national         不使用全国规则包（须配合 --rules）/ leave out the national pack (needs --rules)
  --url URL             已保存网页的原始地址（仅单个输入）/ original address of a saved page (single input)
  --lang zh|en          输出语言（默认 zh）/ output language (default: zh)
  --deadline MM-DD      年度报告截止日：01-31（部门）或 03-31（县级以上政府）
                        / annual-report deadline: 01-31 (departments) or 03-31 (governments)
  --all, -a             table 格式也列出合格与不适用项 / table format: also list pass and n/a rows
  --ignore FILE         忽略清单（JSON：[{"id": "发现编号", "reason": "理由"}]）：这些发现标为已忽略，
                        不计入结论与退出状态 / dismissals: those findings are marked dismissed and left
                        out of the verdict and the exit status
  --baseline FILE       上次的 JSON 报告：输出新增、已整改、仍存在的问题（JSON 的 diff 字段、table 的汇总行）
                        / an earlier JSON report: adds new, resolved and persisting problems (JSON "diff",
                        a summary line in the table)

全站扫描 / Site scan:
  --scan URL            从该页出发抓取各栏目列表页并逐一审计，统计单项否决计数
                        / fetch and audit every column linked from URL; count the veto items site-wide
  --max-pages N         最多抓取页面数（默认 50）/ at most N pages (default 50)
  --no-links            不检查链接与附件 / skip the link and attachment check
  --delay MS            两次请求之间的间隔（默认 500 毫秒）/ pause between requests (default 500 ms)
  --state FILE          扫描状态文件，中断后可续扫 / scan state file, to resume an interrupted scan
  --help, -h            显示本帮助 / show this help
  --version, -v         显示版本 / show the version

文件按字节读取，字符集取自 BOM、<meta> 或默认 UTF-8（支持 GBK/GB18030）；网址用 HTTP 抓取。
目录按文件名顺序审计其中（含子目录）的 .html/.htm 文件。每个页面审计完即输出，不在内存中积攒全部结果。
Files are read as bytes (charset from BOM, <meta>, else UTF-8; GBK/GB18030 work); URLs are fetched over HTTP(S).
A directory stands for its .html/.htm files (subdirectories too) in name order. Each page is printed as soon as it
is audited, so many inputs take no more memory than one.

退出状态 / Exit status:
  0  没有不合格项（已忽略的不算）/ no failing finding (dismissed ones aside)
  1  至少一项未忽略的不合格 / at least one failing finding not dismissed
  2  用法或输入错误 / usage or input error
`
