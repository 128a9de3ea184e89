// npm run bench — how much the full audit costs compared with just parsing the page. The target is audit ≤ 1.5 × parse
// per page: the extension audits on every settled DOM change, so the engine must stay close to the parser's own cost.
// Prints a table and never fails; budgets are judged by a person reading it, not by a timed test.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Worker } from 'node:worker_threads'
import { load } from 'cheerio/slim'
import { audit } from '../src/engine/audit.ts'
import { compiled, findWrongForms } from '../src/engine/rules/serious-errors/matcher.ts'
import type { Params as WordParams } from '../src/engine/rules/serious-errors/params.ts'
import type { RulePack } from '../src/engine/types.ts'
import { decodeHtml } from '../src/engine/charset.ts'
import { nationalPack } from '../src/engine/pack.ts'
import { compilePatterns, execBounded } from '../src/engine/rule-kit/patterns.ts'
import { bundleGroups } from './bundles.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const CORPUS = process.env.BENCH_CORPUS ?? join(ROOT, '../shared/corpus/real')
const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const TARGET = 1.5
const AS_OF = '2026-11-27'

// Heap deltas mean little without a collection first; tsx gives no way to pass --expose-gc, so it is switched on here.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

interface Page {
  name: string
  html: string
  bytes: number
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

const MIN_SAMPLE_MS = 300

/**
 * Median times of `parse` and `audit` sampled alternately, so machine load (other jobs on 2 cores) hits both alike;
 * small pages get more samples, until each side has run for about MIN_SAMPLE_MS, since one run is well under a ms.
 */
function timePair(parse: () => unknown, audit: () => unknown): { parseMs: number; auditMs: number; runs: number } {
  // Warm-up: JIT and lazy module state would otherwise land in the first sample.
  const w0 = performance.now()
  parse()
  audit()
  const warm = performance.now() - w0
  // A pathological page (seconds per audit) would keep the bench busy for minutes; fewer samples still show it.
  const runs = warm > 10_000 ? 1 : warm > 2_000 ? 3 : Math.max(RUNS, Math.min(500, Math.ceil(MIN_SAMPLE_MS / Math.max(warm, 0.05))))
  const p: number[] = []
  const a: number[] = []
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now()
    parse()
    p.push(performance.now() - t0)
    t0 = performance.now()
    audit()
    a.push(performance.now() - t0)
  }
  return { parseMs: median(p), auditMs: median(a), runs }
}

/** A column list page the way county CMSs render a long archive: one `ul`, an `a` and a date `span` per row. */
function generatedListPage(entries: number): string {
  const rows: string[] = []
  const start = Date.UTC(2026, 10, 20)
  const topics = ['关于做好2026年度政府信息公开工作的通知', '某某县人民政府关于公布行政许可事项清单的公告', '县政府常务会议研究部署安全生产工作', '关于征求《某某县国土空间总体规划》意见的公告', '某某县2026年第三季度财政预算执行情况']
  for (let i = 0; i < entries; i++) {
    const d = new Date(start - Math.floor(i / 6) * 86_400_000).toISOString().slice(0, 10)
    const ym = d.slice(0, 7).replace('-', '')
    rows.push(`<li><a href="/xxgk/tzgg/${ym}/t${d.replace(/-/g, '')}_${100000 + i}.html" target="_blank" title="${topics[i % topics.length]}（${i}）">${topics[i % topics.length]}（${i}）</a><span>${d}</span></li>`)
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告_政府信息公开_某某县人民政府</title>
<meta name="ColumnName" content="通知公告"><meta name="SiteIDCode" content="3601000001"></head><body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/xxgk/">政府信息公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk/tzgg/">通知公告</a></div>
<div class="main"><div class="left"><h3>政府信息公开</h3><ul><li><a href="/xxgk/zn/">政府信息公开指南</a></li><li><a href="/xxgk/zd/">政府信息公开制度</a></li><li><a href="/xxgk/nb/">政府信息公开年报</a></li></ul></div>
<div class="right"><div class="title"><h2>通知公告</h2></div><ul class="list">
${rows.join('\n')}
</ul><div class="page">共 ${Math.ceil(entries / 20)} 页</div></div></div>
<div class="footer"><p>主办单位：某某县人民政府办公室 网站标识码：3601000001</p><p>赣ICP备12345678号 赣公网安备 36010202000123号</p>
<a href="https://bszs.conac.cn/sitename?method=show&id=X"><img src="/images/red.png" alt="党政机关"></a></div></body></html>`
}

/**
 * A 政府信息公开指南 whose text is one long run of letters once whitespace is removed: the shape that made the old
 * unbounded e-mail pattern quadratic (a 200 KB guide kept the CLI busy for 160 s).
 */
function adversarialGuidePage(letters: number): string {
  const words: string[] = []
  for (let i = 0; words.length * 8 < letters; i++) words.push(`word${i.toString(36)}x`)
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开指南</title></head><body>
<div class="main"><h1>政府信息公开指南</h1><p>一、主动公开 二、依申请公开</p><p>${words.join(' ')}</p></div></body></html>`
}

/** A portal of `blocks` column blocks, one dated entry each: the shape that made locators and findings explode. */
function generatedPortalPage(blocks: number): string {
  const out: string[] = []
  for (let i = 0; i < blocks; i++) {
    out.push(`<div class="box"><div class="box-title"><h3><a href="/c${i}/">通知公告${i}</a></h3></div><ul><li><a href="/c${i}/1.html">关于第${i}项工作的通知</a><span>2020-01-0${(i % 9) + 1}</span></li></ul></div>`)
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某县人民政府</title></head><body><div class="main">${out.join('')}</div></body></html>`
}

/**
 * A 年度报告 whose table 三 is followed by a 10,000-row appendix table: the table extractor keeps 400 rows a table and
 * the annual-report-tables rule must stay near the parser's cost.
 */
function generatedAnnualReport(rows: number): string {
  const cols = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']
  const line = (label: string, v: number[]) => `<tr><td colspan="2">${label}</td>${v.map((x) => `<td>${x}</td>`).join('')}</tr>`
  const t3 = `<table><tr><td colspan="2" rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr>${cols.map((c) => `<td>${c}</td>`).join('')}</tr>${line('一、本年新收政府信息公开申请数量', [5, 1, 0, 0, 0, 0, 6])}${line('二、上年结转政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1])}
${line('（一）予以公开', [4, 1, 0, 0, 0, 0, 5])}${line('（七）总计', [4, 1, 0, 0, 0, 0, 5])}${line('四、结转下年度继续办理', [2, 0, 0, 0, 0, 0, 2])}</table>`
  const appendix = Array.from({ length: rows }, (_, i) => `<tr><td>${i + 1}</td><td>某某事项第${i + 1}项</td><td>${(i * 7) % 1000}</td></tr>`).join('\n')
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某县2025年政府信息公开工作年度报告</title></head><body><div class="article">
<h1>某某县2025年政府信息公开工作年度报告</h1><p>本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。本年度共收到政府信息公开申请6件。</p>
<p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>${t3}
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p>
<p>附表：事项清单</p><table><tr><td>序号</td><td>名称</td><td>数量</td></tr>${appendix}</table></div></body></html>`
}

/** A 咨询投诉 list of `rows` messages under a header row (留言时间 / 状态 / 答复时间): what interaction-response reads. */
function generatedMessageList(rows: number): string {
  const out: string[] = []
  for (let i = 0; i < rows; i++) {
    const left = new Date(Date.UTC(2026, 10, 20) - Math.floor(i / 20) * 86_400_000).toISOString().slice(0, 10)
    const answered = i % 7 !== 0
    out.push(`<tr><td><a href="/hdjl/zxts/${i}.html">关于第${i}号留言反映的问题</a></td><td>${left}</td><td>${answered ? '已回复' : '处理中'}</td><td>${answered ? left : ''}</td></tr>`)
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>咨询投诉_某某县人民政府</title><meta name="ColumnName" content="咨询投诉"></head><body>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/hdjl/">互动交流</a> &gt; <a href="/hdjl/zxts/">咨询投诉</a></div>
<div class="main"><table class="list"><tr><th>标题</th><th>留言时间</th><th>状态</th><th>答复时间</th></tr>${out.join('\n')}</table></div></body></html>`
}

function loadPages(): Page[] {
  const pages: Page[] = []
  if (existsSync(CORPUS)) {
    for (const f of readdirSync(CORPUS).filter((n) => /\.html?$/i.test(n)).sort()) {
      const bytes = new Uint8Array(readFileSync(join(CORPUS, f)))
      pages.push({ name: f, html: decodeHtml(bytes).html, bytes: bytes.length })
    }
  } else {
    console.log(`（未找到语料 / corpus not found: ${CORPUS}）`)
  }
  const n = Number(process.env.BENCH_LIST_ENTRIES ?? 20_000)
  const list = generatedListPage(n)
  pages.push({ name: `generated-list-${n}.html`, html: list, bytes: Buffer.byteLength(list) })
  const messages = generatedMessageList(10_000)
  pages.push({ name: 'generated-messages-10000.html', html: messages, bytes: Buffer.byteLength(messages) })
  const portal = generatedPortalPage(20_000)
  pages.push({ name: 'generated-portal-20000-columns.html', html: portal, bytes: Buffer.byteLength(portal) })
  // Found by a generated hostile page: hundreds of unclosed <h1> over a 150 KB line took 4.4 s (each "heading" was the
  // whole page's text).
  const headings = `<html><head><title>${'<h1>'.repeat(600)}</title></head><body>${'<h1>'.repeat(900)}${'word '.repeat(30_000)}</body></html>`
  pages.push({ name: 'unclosed-h1-900.html', html: headings, bytes: Buffer.byteLength(headings) })
  const report = generatedAnnualReport(10_000)
  pages.push({ name: 'generated-annual-report-10000-rows.html', html: report, bytes: Buffer.byteLength(report) })
  const guide = adversarialGuidePage(200_000)
  pages.push({ name: 'adversarial-guide-200k.html', html: guide, bytes: Buffer.byteLength(guide) })
  return pages
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1)

function table(head: string[], rows: string[][], rightFrom = 1): string {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))))
  const fmt = (r: string[]) => r.map((c, i) => (i >= rightFrom ? pad(c, widths[i], true) : pad(c, widths[i], false))).join('  ')
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n')
}

// CJK characters take two terminal columns.
function width(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}

function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)))
  return right ? fill + s : s + fill
}

function benchEngine(): void {
  const packs = [nationalPack()]
  const pages = loadPages()
  console.log(`\n引擎耗时 / engine timing — medians of ≥ ${RUNS} alternating runs after 1 warm-up; target audit/parse ≤ ${TARGET}（"!" = over）\n`)
  // A pass over a few pages first, so the first row does not pay for JIT-compiling cheerio and the rules.
  for (const p of pages.slice(0, 4)) audit(p.html, { packs, asOf: AS_OF })
  const rows: string[][] = []
  for (const p of pages) {
    const { parseMs, auditMs, runs } = timePair(
      () => load(p.html),
      () => audit(p.html, { packs, asOf: AS_OF }),
    )
    gc()
    const heapBefore = process.memoryUsage().heapUsed
    const rssBefore = process.memoryUsage().rss
    const kept = audit(p.html, { packs, asOf: AS_OF })
    // Measured before any collection, so it is the garbage one audit leaves behind plus what it keeps: an upper bound.
    const heapDelta = process.memoryUsage().heapUsed - heapBefore
    const rssDelta = process.memoryUsage().rss - rssBefore
    void kept
    const ratio = auditMs / parseMs
    rows.push([
      p.name,
      p.bytes.toLocaleString('en-US'),
      parseMs.toFixed(1),
      auditMs.toFixed(1),
      `${ratio.toFixed(2)}${ratio > TARGET ? ' !' : '  '}`,
      `${rssDelta >= 0 ? '+' : ''}${mb(rssDelta)}`,
      `${heapDelta >= 0 ? '+' : ''}${mb(heapDelta)}`,
      String(kept.findings.length),
      String(runs),
    ])
    console.error(`  … ${p.name}`)
  }
  console.log(table(['page', 'bytes', 'parse ms', 'audit ms', 'audit/parse', 'RSS Δ MB', 'heap Δ MB', 'findings', 'runs'], rows))
  const over = rows.filter((r) => r[4].endsWith('!')).length
  console.log(`\n${over === 0 ? '全部达标 / all rows within target' : `${over} 行超出目标 / ${over} row(s) over target`}; RSS now ${mb(process.memoryUsage().rss)} MB`)
}

/** Every built .js under dist/, raw and gzip, so a growing extension chunk is seen before it ships. */
export function distSizes(dir = join(ROOT, 'dist')): { file: string; raw: number; gzip: number }[] {
  const out: { file: string; raw: number; gzip: number }[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (name.endsWith('.js')) {
        const buf = readFileSync(full)
        out.push({ file: relative(dir, full), raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length })
      }
    }
  }
  if (existsSync(dir)) walk(dir)
  return out.sort((a, b) => b.raw - a.raw)
}

function benchDist(): void {
  const sizes = distSizes()
  if (!sizes.length) {
    console.log('\n（dist/ 不存在，跳过扩展体积 / no dist/, skipping extension sizes — run npm run build first）')
    return
  }
  const kb = (n: number) => (n / 1024).toFixed(1)
  console.log('\n扩展构建体积 / built extension chunks\n')
  const rows = sizes.map((s) => [s.file, kb(s.raw), kb(s.gzip)])
  const total = sizes.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 })
  rows.push(['total', kb(total.raw), kb(total.gzip)])
  console.log(table(['file', 'raw kB', 'gzip kB'], rows))

  // What each part of the extension loads: exceljs and docx must stay in the report page's on-demand chunks.
  console.log('\n各部分加载的代码 / what each part loads (exceljs/docx only on demand)\n')
  const groups = bundleGroups(join(ROOT, 'dist'))
  console.log(
    table(
      ['part', 'files', 'raw kB', 'gzip kB', 'office libs'],
      groups.map((g) => {
        const allowed = g.name.startsWith('report page, on demand')
        return [g.name, String(g.files.length), kb(g.raw), kb(g.gzip), g.office.length ? `${g.office.join('+')}${allowed ? '' : ' !'}` : '—']
      }),
    ),
  )
}

/**
 * Every pattern of the national pack over 1 MB of adversarial text (one long run of letters, digits and dots with
 * no match: the shape that makes an unbounded pattern quadratic), matched the way rules match: in bounded segments.
 */
function benchPatterns(): void {
  const pack = nationalPack()
  const sources: { rule: string; source: string; flags: string }[] = []
  const walk = (v: unknown, rule: string, key: string): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, rule, key))
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, rule, k)
    else if (typeof v === 'string' && /pattern|weak/i.test(key)) sources.push({ rule, source: v, flags: /indexNo|siteIdCode|homePath/.test(key) ? 'iu' : 'u' })
  }
  for (const r of pack.rules) walk(r.params, r.id, '')
  const text = 'ab1.c-d_e%f+g'.repeat(Math.ceil(1_000_000 / 13)).slice(0, 1_000_000)
  const rows: string[][] = []
  let worst = 0
  for (const { rule, source, flags } of sources) {
    const [re] = compilePatterns([source], flags)
    if (!re) continue
    const t0 = performance.now()
    execBounded(re, text)
    const ms = performance.now() - t0
    worst = Math.max(worst, ms)
    rows.push([rule, source.length > 48 ? `${source.slice(0, 47)}…` : source, ms.toFixed(1)])
  }
  rows.sort((a, b) => Number(b[2]) - Number(a[2]))
  console.log(`\n规则包正则 × 1 MB 对抗文本（分段匹配）/ pack patterns over 1 MB adversarial text (bounded segments): ${sources.length} patterns, slowest ${worst.toFixed(1)} ms\n`)
  console.log(table(['rule', 'pattern', 'ms'], rows.slice(0, 15)))
}

/** Government prose: set phrases and names the word list's wrong forms are near misses of, a few real misspellings. */
function proseText(chars: number): string {
  const sentences = [
    '坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，持续优化营商环境。',
    '依据《中华人民共和国政府信息公开条例》，国务院办公厅和省人民政府办公厅对政务公开工作作出安排部署。',
    '会议要求，各部门要坚持实事求是，办实事求实效，推动乡村振兴和生态环境保护工作取得新成效。',
    '新疆维吾尔自治区、内蒙古自治区、广西壮族自治区和浙江省、安徽省有关部门参加会议，联系电话0574-87654321。',
  ]
  const out: string[] = []
  let n = 0
  for (let i = 0; n < chars; i++) {
    const s = i % 500 === 499 ? '转发国务院办工厅通知。' : sentences[i % sentences.length]
    out.push(s)
    n += s.length
  }
  return out.join('').slice(0, chars)
}

function withoutKinds(kinds: string[]): RulePack[] {
  const pack = nationalPack()
  pack.rules = pack.rules.map((r) => (kinds.includes(r.kind) ? { ...r, enabled: false } : r))
  return [pack]
}

/**
 * The word list (serious-errors) on a big article: its audit with and without the rule, and the matcher alone over
 * 1 MB of prose. Issue 10: a 100-entry list must not slow the audit measurably.
 */
function benchTextScans(): void {
  const paragraphs = proseText(300_000).match(/[^。]+。/g) ?? []
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于做好政务公开工作的通知</title></head><body>
<div class="article"><h1>关于做好政务公开工作的通知</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`
  const withAll = [nationalPack()]
  const rows: string[][] = []
  for (const [label, kinds] of [['serious-errors', ['serious-errors']]] as const) {
    const without = withoutKinds([...kinds])
    const { parseMs: withoutMs, auditMs: withMs } = timePair(
      () => audit(html, { packs: without, asOf: AS_OF }),
      () => audit(html, { packs: withAll, asOf: AS_OF }),
    )
    rows.push([label, withoutMs.toFixed(1), withMs.toFixed(1), (withMs / withoutMs).toFixed(2)])
  }
  console.log(`\n整页审核：有无该规则 / audit of a ${(Buffer.byteLength(html) / 1024).toFixed(0)} kB article with and without the rule\n`)
  console.log(table(['rule', 'without ms', 'with ms', 'with/without'], rows))
  const text = proseText(1_000_000)
  const words = nationalPack().rules.find((r) => r.kind === 'serious-errors')!.params as unknown as WordParams
  const t0 = performance.now()
  compiled({ ...words })
  const buildMs = performance.now() - t0
  const wordMs: number[] = []
  let hits = 0
  for (let i = 0; i < 5; i++) {
    const t = performance.now()
    hits = findWrongForms(text, words).length
    wordMs.push(performance.now() - t)
  }
  console.log(
    `\n词表匹配 × 1 MB 文本 / word list (${words.words.length} entries) over 1 MB of prose: build ${buildMs.toFixed(1)} ms, scan ${median(wordMs).toFixed(1)} ms (${hits} hits)`,
  )
}

/**
 * The worker audits a page within this much heap on top of what loading the engine takes. The extension's service
 * worker shares one renderer heap with nothing else of ours, but Chrome gives no per-worker guarantee: a budget of a
 * few dozen MB keeps the auditor a small guest on a machine with many tabs open.
 */
const MEMORY_BUDGET_MB = 64
const WORKER = join(ROOT, 'bench/memory-worker.ts')

/** One audit in a worker whose old generation is capped at `mb`; null when it runs out of memory. */
function auditInCappedWorker(html: string, mb: number): Promise<{ ms: number } | null> {
  return new Promise((resolve, reject) => {
    // tsx registers its loader per thread: the worker's entry is a small eval that registers it, then imports the .ts.
    const code = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(new URL(`file://${WORKER}`).href)}) })`
    const w = new Worker(code, { eval: true, workerData: { html, asOf: AS_OF }, resourceLimits: { maxOldGenerationSizeMb: mb, maxYoungGenerationSizeMb: 8 } })
    w.once('message', (m: { ms: number }) => {
      resolve(m)
      void w.terminate()
    })
    w.once('error', (e: Error & { code?: string }) => (e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve(null) : reject(e)))
  })
}

/** The smallest old-generation cap (MB, to 2 MB) under which the audit of `html` completes: its peak heap, measured. */
async function minimalHeapMb(html: string, hi = 1024): Promise<number | null> {
  if (!(await auditInCappedWorker(html, hi))) return null
  let lo = 2
  while (hi - lo > 2) {
    const mid = Math.round((lo + hi) / 2)
    if (await auditInCappedWorker(html, mid)) hi = mid
    else lo = mid
  }
  return hi
}

/**
 * Peak heap of one audit, as the worker meets it: the largest corpus page and the long generated list, each audited
 * in a fresh worker thread with a capped heap; the smallest cap that works, less the cap an empty page needs (the
 * engine's own code and the pack), is the page's peak. Retained is what stays alive with the report after a GC.
 */
async function benchMemory(): Promise<void> {
  const packs = [nationalPack()]
  const pages = loadPages()
  const corpus = pages.filter((p) => !p.name.startsWith('generated-') && !/^(unclosed|adversarial)-/.test(p.name))
  const largest = corpus.reduce<Page | null>((a, p) => (!a || p.html.length > a.html.length ? p : a), null)
  const chosen = [largest, pages.find((p) => p.name.startsWith('generated-list-'))!].filter((p): p is Page => !!p)
  const base = await minimalHeapMb('<html><body><p>x</p></body></html>')
  console.log(`\n审计内存 / audit memory — budget ${MEMORY_BUDGET_MB} MB of heap per page over the engine's own (${base} MB for an empty page)\n`)
  const rows: string[][] = []
  for (const p of chosen) {
    const need = await minimalHeapMb(p.html)
    gc()
    const before = process.memoryUsage().heapUsed
    const t0 = performance.now()
    const report = audit(p.html, { packs, asOf: AS_OF })
    const ms = performance.now() - t0
    gc()
    const retained = process.memoryUsage().heapUsed - before
    const peak = need === null || base === null ? null : need - base
    rows.push([
      p.name,
      p.html.length.toLocaleString('en-US'),
      ms.toFixed(0),
      peak === null ? '> 1024' : `${peak}`,
      mb(retained),
      String(MEMORY_BUDGET_MB),
      peak !== null && peak <= MEMORY_BUDGET_MB ? 'ok' : 'OVER',
      String(report.findings.length),
    ])
    console.error(`  … ${p.name}`)
  }
  console.log(table(['page', 'chars', 'audit ms', 'peak heap MB', 'retained MB', 'budget MB', 'within', 'findings'], rows))
}

// BENCH_ONLY=memory (or engine, text-scans, patterns, dist) runs one part.
const only = process.env.BENCH_ONLY
if (!only || only === 'engine') benchEngine()
if (!only || only === 'text-scans') benchTextScans()
if (!only || only === 'patterns') benchPatterns()
if (!only || only === 'memory') await benchMemory()
if (!only || only === 'dist') benchDist()
