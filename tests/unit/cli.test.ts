// End-to-end tests of the CLI as a user runs it: `node bin/disclosure-audit.js …` (what `npx disclosure-audit` runs).
// The child is spawned asynchronously because some tests serve pages from this process over node:http.
import { CORPUS_DIR } from '../support/corpus.ts'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { type AddressInfo, createServer as createNetServer } from 'node:net'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { todayInShanghai } from '../../src/engine/dates.ts'
import type { Finding } from '../../src/engine/types.ts'
import { killRunning, type Run, runCli } from '../support/cli.ts'

const ROOT = join(import.meta.dirname, '../..')
const FIX = join(ROOT, 'tests/fixtures/cli')
const fx = (name: string) => join('tests/fixtures/cli', name)
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
const URL_GIVEN = 'https://www.example.gov.cn/xxgk/tzgg/202403/t20240305_1.html'

afterEach(killRunning)
const run = runCli

interface JsonOut {
  tool: { name: string; version: string }
  asOf: string
  rulePacks: { id: string; version: string }[]
  pages: { source: string; url: string | null; title: string; kind: string; findings: Finding[] }[]
}

const json = (r: Run) => JSON.parse(r.stdout) as JsonOut
const hasFail = (out: JsonOut) => out.pages.some((p) => p.findings.some((f) => f.status === 'fail'))
const stderrLines = (r: Run) => r.stderr.split('\n').filter(Boolean)

describe('CLI: help, version and usage errors', () => {
  it('--help lists every option in Chinese and English and exits 0', async () => {
    const r = await run(['--help'])
    expect(r.code).toBe(0)
    for (const opt of ['--as-of', '--format', '--rules', '--url', '--lang', '--deadline', '--all', '--no-national', '--version']) {
      expect(r.stdout).toContain(opt)
    }
    expect(r.stdout).toMatch(/用法.*Usage/)
  })

  it('--version prints the package version', async () => {
    const r = await run(['--version'])
    expect(r).toMatchObject({ code: 0, stdout: `disclosure-audit ${PKG.version}\n` })
  })

  it.each([
    [[], /no file or URL/],
    [['--format', 'xml', fx('utf8-article.html')], /--format/],
    [['--as-of', '2024-02-30', fx('utf8-article.html')], /--as-of/],
    [['--lang', 'fr', fx('utf8-article.html')], /--lang/],
    [['--deadline', '13-01', fx('utf8-article.html')], /--deadline/],
    [['--url', URL_GIVEN, fx('utf8-article.html'), fx('gbk-article.html')], /single input/],
    [['--url', 'www.example.gov.cn/x', fx('utf8-article.html')], /--url/],
    [['--frobnicate', fx('utf8-article.html')], /frobnicate/],
    [['--no-national', fx('utf8-article.html')], /--no-national/],
  ])('%j → exit 2 with one line on stderr', async (args, re) => {
    const r = await run(args as string[])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(stderrLines(r)).toHaveLength(1)
    expect(r.stderr).toMatch(/^disclosure-audit: /)
    expect(r.stderr).toMatch(re)
  })
})

describe('CLI: auditing saved pages', () => {
  it('prints the JSON contract for a GBK page with --url, decoded correctly', async () => {
    const r = await run(['--format', 'json', '--as-of', '2024-06-30', '--url', URL_GIVEN, fx('gbk-article.html')])
    expect(r.stderr).toBe('')
    const out = json(r)
    expect(out.tool).toEqual({ name: 'disclosure-audit', version: PKG.version })
    expect(out.asOf).toBe('2024-06-30')
    expect(out.rulePacks.map((p) => p.id)).toEqual(['national'])
    expect(out.rulePacks[0].version).toMatch(/\S/)
    expect(out.pages).toHaveLength(1)
    const page = out.pages[0]
    // publisher and column are there when the page states them (README: the JSON contract); this page states both.
    expect(Object.keys(page).sort()).toEqual(['column', 'findings', 'kind', 'publisher', 'source', 'title', 'url'])
    expect((page as unknown as { publisher: string }).publisher).toMatch(/\S/)
    expect(page.source).toBe(fx('gbk-article.html'))
    expect(page.url).toBe(URL_GIVEN)
    expect(page.title).toContain('某某县政府信息公开工作要点')
    expect(page.findings.length).toBeGreaterThan(0)
    for (const f of page.findings) {
      expect(Object.keys(f).sort()).toEqual(['data', 'evidence', 'expected', 'id', 'locator', 'message', 'ruleId', 'section', 'severity', 'source', 'status'])
      expect(JSON.stringify(f)).not.toContain('\uFFFD')
    }
    expect(r.code).toBe(hasFail(out) ? 1 : 0)
  })

  it('gives the same findings for the same page saved as GBK and as UTF-8', async () => {
    const args = ['--format', 'json', '--as-of', '2024-06-30', '--url', URL_GIVEN]
    const [gbk, utf8] = await Promise.all([run([...args, fx('gbk-article.html')]), run([...args, fx('utf8-article.html')])])
    expect(json(gbk).pages[0].findings).toEqual(json(utf8).pages[0].findings)
    expect(json(gbk).pages[0].title).toBe(json(utf8).pages[0].title)
  })

  it('exits 1 exactly when some finding fails, and 0 otherwise', async () => {
    const inputs = [fx('utf8-article.html'), fx('broken-markup.html')]
    for (const input of inputs) {
      const r = await run(['--format', 'json', '--as-of', '2024-06-30', input])
      expect(r.code, input).toBe(hasFail(json(r)) ? 1 : 0)
    }
  })

  it('audits broken markup instead of rejecting it', async () => {
    const r = await run(['--format', 'json', '--as-of', '2024-06-30', fx('broken-markup.html')])
    expect(r.code).not.toBe(2)
    expect(json(r).pages[0].title).toMatch(/某某市/)
    expect(json(r).pages[0].findings.length).toBeGreaterThan(0)
  })

  it('warns about an unknown charset label on stderr but still audits the page', async () => {
    const r = await run(['--format', 'json', '--as-of', '2024-06-30', fx('unknown-charset.html')])
    expect(r.code).not.toBe(2)
    expect(r.stderr).toMatch(/^disclosure-audit: tests\/fixtures\/cli\/unknown-charset\.html: .*x-klingon-8/)
    expect(json(r).pages[0].title).toContain('某某县政府信息公开工作要点')
  })

  it('defaults --as-of to today in Beijing', async () => {
    const r = await run(['--format', 'json', fx('utf8-article.html')])
    expect(json(r).asOf).toBe(todayInShanghai())
  })

  it('writes CSV with a BOM, the Chinese header and one row per finding (English with --lang en)', async () => {
    const args = ['--as-of', '2024-06-30', '--url', URL_GIVEN, fx('gbk-article.html')]
    const [csv, js, en] = await Promise.all([run(['--format', 'csv', ...args]), run(['--format', 'json', ...args]), run(['--format', 'csv', '--lang', 'en', ...args])])
    expect(csv.code).toBe(js.code)
    expect(csv.stdout.startsWith('\uFEFF审计日期,页面标题,页面地址,规则编号,规则名称,结果')).toBe(true)
    const rows = Papa.parse<string[]>(csv.stdout.slice(1), { skipEmptyLines: true }).data
    const findings = json(js).pages[0].findings
    expect(rows.length - 1).toBe(findings.length)
    expect(rows.slice(1).map((r) => r[13])).toEqual(findings.map((f) => f.id))
    expect(rows.slice(1).every((r) => r[2] === URL_GIVEN && r[0] === '2024-06-30')).toBe(true)
    expect(en.stdout.startsWith('\uFEFFAudit date,Page title,Page URL')).toBe(true)
  })

  it('prints a table grouped by rule with counts, hiding passes unless --all', async () => {
    const args = ['--as-of', '2024-06-30', fx('utf8-article.html')]
    const [table, all, js] = await Promise.all([run(args), run(['--all', ...args]), run(['--format', 'json', ...args])])
    const findings = json(js).pages[0].findings
    const n = (s: string) => findings.filter((f) => f.status === s).length
    expect(table.stdout).toContain(json(js).pages[0].title)
    expect(table.stdout).toContain(`不合格 ${n('fail')} · 需复核 ${n('review')} · 合格 ${n('pass')} · 不适用 ${n('n/a')}`)
    const marks = (s: string) => s.split('\n').filter((l) => /^\s+[✗?✓–] /.test(l))
    expect(marks(table.stdout)).toHaveLength(n('fail') + n('review'))
    expect(marks(all.stdout)).toHaveLength(findings.length)
    expect(table.code).toBe(js.code)
  })
})

describe('CLI: rule packs', () => {
  it('--deadline decides whether a 2023 report published on 2024-02-15 was on time', async () => {
    const timeliness = async (deadline: string) => {
      const r = await run(['--format', 'json', '--as-of', '2024-06-30', '--deadline', deadline, fx('annual-report-2023-dept.html')])
      const page = json(r).pages[0]
      expect(page.kind).toBe('annual-report')
      return page.findings.filter((f) => f.ruleId === 'annual-report-timeliness')
    }
    const [jan, mar] = await Promise.all([timeliness('01-31'), timeliness('03-31')])
    expect(jan.map((f) => f.status)).toEqual(['fail'])
    expect(jan[0].expected.zh).toContain('2024-01-31')
    expect(mar.map((f) => f.status)).toEqual(['pass'])
    expect(mar[0].expected.zh).toContain('2024-03-31')
  })

  it('adds a --rules pack after the national one; its rule titles reach the CSV', async () => {
    const args = ['--as-of', '2024-06-30', '--rules', fx('local-pack.json'), fx('utf8-article.html')]
    const [js, csv] = await Promise.all([run(['--format', 'json', ...args]), run(['--format', 'csv', ...args])])
    expect(json(js).rulePacks).toEqual([expect.objectContaining({ id: 'national' }), { id: 'local-test', version: '2026.1' }])
    const rows = Papa.parse<string[]>(csv.stdout.slice(1), { skipEmptyLines: true }).data.slice(1)
    const footer = rows.filter((r) => r[3] === 'footer-identifiers')
    expect(footer.length).toBeGreaterThan(0)
    expect(footer.every((r) => r[4] === '页脚标识（地方要求）')).toBe(true)
  })

  it('--no-national leaves only the given packs', async () => {
    const r = await run(['--format', 'json', '--as-of', '2024-06-30', '--no-national', '--rules', fx('local-pack.json'), fx('utf8-article.html')])
    const out = json(r)
    expect(out.rulePacks).toEqual([{ id: 'local-test', version: '2026.1' }])
    expect(new Set(out.pages[0].findings.map((f) => f.ruleId))).toEqual(new Set(['footer-identifiers']))
  })

  it.each([
    ['broken-pack.json', /broken-pack\.json.*no-such-rule/],
    ['invalid-json-pack.json', /invalid-json-pack\.json.*JSON/],
    ['missing-pack.json', /missing-pack\.json.*no such file/],
  ])('a bad pack (%s) stops the run with exit 2 and names the file', async (file, re) => {
    const r = await run(['--rules', fx(file), fx('utf8-article.html')])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(stderrLines(r)).toHaveLength(1)
    expect(r.stderr).toMatch(re)
  })
})

describe('CLI: inputs that cannot be read', () => {
  let tmp: string
  let closedPort: number
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'disclosure-cli-'))
    // A port that was free a moment ago and is now closed: connecting to it is refused.
    const probe = createNetServer()
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r))
    closedPort = (probe.address() as AddressInfo).port
    await new Promise((r) => probe.close(r))
  })
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it('names each bad input on stderr, still audits the good one, and exits 2', async () => {
    const bad = [fx('minimal.pdf'), fx('tiny.png'), fx('empty.html'), fx('no-such-page.html'), 'http//x', `http://127.0.0.1:${closedPort}/`]
    const r = await run(['--format', 'json', '--as-of', '2024-06-30', fx('utf8-article.html'), ...bad])
    expect(r.code).toBe(2)
    const out = json(r)
    expect(out.pages.map((p) => p.source)).toEqual([fx('utf8-article.html')])
    const lines = stderrLines(r)
    expect(lines).toHaveLength(bad.length)
    bad.forEach((source, i) => expect(lines[i].startsWith(`disclosure-audit: ${source}: `)).toBe(true))
    expect(lines[0]).toMatch(/PDF/)
    expect(lines[1]).toMatch(/PNG/)
    expect(lines[2]).toMatch(/empty/)
    expect(lines[3]).toMatch(/no such file/)
    expect(lines[4]).toMatch(/not a valid http\(s\) address/)
    expect(lines[5]).toMatch(/could not fetch.*ECONNREFUSED/)
  })

  it('a directory with no pages in it is named on stderr, exit 2', async () => {
    const empty = mkdtempSync(join(tmp, 'empty-'))
    writeFileSync(join(empty, 'notes.txt'), 'not a page')
    const r = await run(['--as-of', '2024-06-30', empty])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('no .html/.htm files in this directory')
  })

  const bigPage = (bytes: number) => {
    const head = readFileSync(join(FIX, 'utf8-article.html'), 'utf8').replace('</body>', '<ul>')
    const row = '<li><a href="/xxgk/tzgg/t20240101_1.html">关于做好2024年度政府信息公开工作的通知</a><span>2024-01-01</span></li>\n'
    return head + row.repeat(Math.ceil(bytes / Buffer.byteLength(row))) + '</ul></body></html>'
  }

  it('refuses a page over the 20 MB cap and still audits the other input', async () => {
    const big = join(tmp, 'too-big.html')
    writeFileSync(big, bigPage(21 * 1024 * 1024))
    const r = await run(['--format', 'json', '--as-of', '2024-06-30', big, fx('utf8-article.html')])
    expect(r.code).toBe(2)
    expect(json(r).pages.map((p) => p.source)).toEqual([fx('utf8-article.html')])
    expect(stderrLines(r)).toHaveLength(1)
    expect(r.stderr).toMatch(new RegExp(`^disclosure-audit: ${big}: .*too large \\(21\\.0 MB, limit 20\\.0 MB\\)`))
  })

  it('audits a 10 MB page', async () => {
    const ten = join(tmp, 'ten-mb.html')
    writeFileSync(ten, bigPage(10 * 1024 * 1024))
    const r = await run(['--format', 'json', '--as-of', '2024-06-30', ten])
    expect(r.stderr).toBe('')
    expect(r.code).not.toBe(2)
    expect(json(r).pages.map((p) => p.source)).toEqual([ten])
  })
})

describe('CLI: fetching pages over HTTP', () => {
  let server: Server
  let base: string
  const gbkNoMeta = readFileSync(join(FIX, 'gbk-no-charset.html'))
  const gbkMeta = readFileSync(join(FIX, 'gbk-article.html'))
  beforeAll(async () => {
    server = createServer((req, res) => {
      const routes: Record<string, () => void> = {
        '/gbk-header': () => res.writeHead(200, { 'content-type': 'text/html; charset=gbk' }).end(gbkNoMeta),
        '/gbk-meta': () => res.writeHead(200, { 'content-type': 'text/html' }).end(gbkMeta),
        '/gbk-bare': () => res.writeHead(200, { 'content-type': 'text/html' }).end(gbkNoMeta),
        '/moved': () => res.writeHead(302, { location: '/gbk-header' }).end(),
        '/doc.pdf': () => res.writeHead(200, { 'content-type': 'application/pdf' }).end(readFileSync(join(FIX, 'minimal.pdf'))),
      }
      const route = routes[req.url ?? '']
      if (route) route()
      else res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>')
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((r) => server.close(r)))

  it('decodes GBK from the header, from the meta, and by sniffing when neither says', async () => {
    const urls = [`${base}/gbk-header`, `${base}/gbk-meta`, `${base}/gbk-bare`]
    const r = await run(['--format', 'json', '--as-of', '2024-06-30', ...urls, fx('utf8-article.html')])
    expect(r.code).not.toBe(2)
    const out = json(r)
    expect(out.pages.map((p) => p.url)).toEqual([...urls, null])
    // The UTF-8 copy of the same page is the reference: a mis-decoded page would get another title.
    const reference = out.pages[3].title
    expect(reference).toContain('某某县政府信息公开工作要点')
    for (const p of out.pages) expect(p.title, p.source).toBe(reference)
    // Only the page that declares nothing gets the "guessed GB18030" warning.
    expect(stderrLines(r)).toHaveLength(1)
    expect(r.stderr).toContain(`${base}/gbk-bare: `)
    expect(r.stderr).toMatch(/GB18030/)
  })

  it('follows a redirect and reports the final address', async () => {
    const r = await run(['--format', 'json', '--as-of', '2024-06-30', `${base}/moved`])
    expect(json(r).pages[0]).toMatchObject({ source: `${base}/moved`, url: `${base}/gbk-header` })
  })

  it('refuses a non-HTML content type and an HTTP error status', async () => {
    const r = await run(['--format', 'json', '--as-of', '2024-06-30', `${base}/doc.pdf`, `${base}/missing`])
    expect(r.code).toBe(2)
    expect(json(r).pages).toEqual([])
    const lines = stderrLines(r)
    expect(lines[0]).toMatch(new RegExp(`^disclosure-audit: ${base}/doc\\.pdf: .*not an HTML page.*application/pdf`))
    expect(lines[1]).toMatch(new RegExp(`^disclosure-audit: ${base}/missing: .*HTTP 404`))
  })
})

const REAL = CORPUS_DIR
describe.skipIf(!existsSync(REAL))('CLI over the real corpus', () => {
  it('audits every saved government page in one run, each with its title', async () => {
    const files = readdirSync(REAL).filter((f) => f.endsWith('.html')).map((f) => join(REAL, f))
    const r = await run(['--format', 'json', '--as-of', '2026-11-27', ...files])
    expect(r.stderr).toBe('')
    const out = json(r)
    expect(out.pages.map((p) => p.source)).toEqual(files)
    for (const p of out.pages) {
      expect(p.title, p.source).toMatch(/[\u4e00-\u9fff]/)
      expect(p.findings.length, p.source).toBeGreaterThan(0)
    }
    expect(r.code).toBe(hasFail(out) ? 1 : 0)
  })
})
