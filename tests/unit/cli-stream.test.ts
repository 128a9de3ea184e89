// Many inputs: a directory of pages (and URLs after it) is audited page by page and each result is written as soon
// as the page is done, so the CLI never holds every report. The output must still be complete and well formed in
// each format: JSON (the same document the one-shot output gives), JSON Lines, CSV (one header) and the table.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { toJson } from '../../src/cli/format.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import type { PageReport } from '../../src/engine/types.ts'

const PAGES = 240
let dir: string
let files: string[]

function listPage(i: number): string {
  const rows: string[] = []
  for (let r = 0; r < 20; r++) {
    const d = `2024-0${1 + (r % 6)}-${String(10 + (i % 18)).padStart(2, '0')}`
    rows.push(`<li><a href="/xxgk/tzgg/t${i}_${r}.html">第${i}页第${r}条：关于做好政府信息公开工作的通知</a><span>${d}</span></li>`)
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告（第${i}页）</title><meta name="ColumnName" content="通知公告"></head><body>
<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; 通知公告</div><ul class="list">${rows.join('')}</ul>
<div class="footer">主办单位：某某县人民政府办公室 网站标识码：3601000001 赣ICP备12345678号</div></body></html>`
}

async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string; writes: number }> {
  let stdout = ''
  let stderr = ''
  let writes = 0
  const code = await main(args, {
    stdout: (s) => {
      writes++
      stdout += s
    },
    stderr: (s) => (stderr += s),
  })
  return { code, stdout, stderr, writes }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'disclosure-stream-'))
  files = []
  // Two levels, names that sort differently as text and as numbers, and files that are not pages.
  for (let i = 0; i < PAGES; i++) {
    const sub = join(dir, i % 2 ? 'b' : 'a', `part-${i % 3}`)
    mkdirSync(sub, { recursive: true })
    const file = join(sub, `page-${i}.html`)
    writeFileSync(file, listPage(i))
    files.push(file)
  }
  writeFileSync(join(dir, 'a', 'readme.txt'), 'not a page')
  writeFileSync(join(dir, 'a', 'style.css'), 'body{}')
  files.sort()
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface JsonPage {
  source: string
  url: string | null
  title: string
  kind: string
  asOf?: string
  findings: { status: string }[]
}

describe(`a directory of ${PAGES} pages`, () => {
  it('--format jsonl: one line per page, each a whole page result, every page once, in name order', async () => {
    const r = await runCli(['--as-of', '2024-06-30', '--format', 'jsonl', dir])
    expect(r.stderr).toBe('')
    const lines = r.stdout.split('\n')
    expect(lines.pop()).toBe('')
    expect(lines).toHaveLength(PAGES)
    const pages = lines.map((l) => JSON.parse(l) as JsonPage)
    expect(pages.map((p) => p.source)).toEqual([...files].sort((a, b) => (relative(dir, a) < relative(dir, b) ? -1 : 1)))
    expect(new Set(pages.map((p) => p.title)).size).toBe(PAGES)
    for (const p of pages) {
      expect(p.asOf).toBe('2024-06-30')
      expect(p.findings.length).toBeGreaterThan(5)
    }
    // Written page by page, not in one piece at the end.
    expect(r.writes).toBe(PAGES)
    expect(r.code).toBe(pages.some((p) => p.findings.some((f) => f.status === 'fail')) ? 1 : 0)
  }, 120_000)

  it('--format json: streamed, yet byte for byte the document the one-shot output gives, with every page', async () => {
    const r = await runCli(['--as-of', '2024-06-30', '--format', 'json', dir])
    const doc = JSON.parse(r.stdout) as { asOf: string; pages: JsonPage[] }
    expect(doc.pages).toHaveLength(PAGES)
    expect(new Set(doc.pages.map((p) => p.source))).toEqual(new Set(files))
    const reports = doc.pages.map((p) => ({ source: p.source, report: { ...p, asOf: doc.asOf, notes: [] } as unknown as PageReport }))
    const packs = [nationalPack()]
    expect(r.stdout).toBe(toJson(reports, { name: 'disclosure-audit', version: (JSON.parse(r.stdout) as { tool: { version: string } }).tool.version, asOf: '2024-06-30', packs }))
    expect(r.writes).toBe(PAGES + 2)
  }, 120_000)

  it('--format csv: one BOM and one header, then every finding of every page', async () => {
    const [csv, jsonl] = [await runCli(['--as-of', '2024-06-30', '--format', 'csv', dir]), await runCli(['--as-of', '2024-06-30', '--format', 'jsonl', dir])]
    expect(csv.stdout.startsWith('\uFEFF审计日期,')).toBe(true)
    expect(csv.stdout.indexOf('\uFEFF', 1)).toBe(-1)
    expect(csv.stdout.endsWith('\r\n')).toBe(true)
    const parsed = Papa.parse<string[]>(csv.stdout.slice(1).replace(/\r\n$/, ''), { newline: '\r\n' })
    expect(parsed.errors).toEqual([])
    const findings = jsonl.stdout.trim().split('\n').reduce((n, l) => n + (JSON.parse(l) as JsonPage).findings.length, 0)
    expect(parsed.data.length - 1).toBe(findings)
    expect(parsed.data.filter((row) => row[0] === '审计日期')).toHaveLength(1)
    expect(new Set(parsed.data.slice(1).map((row) => row[1])).size).toBe(PAGES)
  }, 120_000)

  it('table: one block per page', async () => {
    const r = await runCli(['--as-of', '2024-06-30', dir])
    const blocks = r.stdout.split('\n\n')
    expect(blocks).toHaveLength(PAGES)
    for (const [i, b] of blocks.entries()) expect(b, `block ${i}`).toMatch(/^■ 通知公告（第\d+页）/)
  }, 120_000)
})

describe('streaming', () => {
  let server: Server
  let origin: string
  let outputWhenAsked: string | null = null
  let seen = ''

  beforeAll(async () => {
    server = createServer((req, res) => {
      // The URL comes after the directory: by the time it is fetched, the directory's pages must be out already.
      outputWhenAsked = seen
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(listPage(9999))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('writes each page before the next input is read', async () => {
    const small = mkdtempSync(join(tmpdir(), 'disclosure-stream-small-'))
    try {
      for (let i = 0; i < 3; i++) writeFileSync(join(small, `p${i}.html`), listPage(i))
      const code = await main(['--as-of', '2024-06-30', '--format', 'jsonl', small, `${origin}/last.html`], {
        stdout: (s) => (seen += s),
        stderr: () => {},
      })
      expect(outputWhenAsked!.trim().split('\n')).toHaveLength(3)
      expect(seen.trim().split('\n').map((l) => (JSON.parse(l) as JsonPage).title)).toEqual(['通知公告（第0页）', '通知公告（第1页）', '通知公告（第2页）', '通知公告（第9999页）'])
      expect([0, 1]).toContain(code)
    } finally {
      rmSync(small, { recursive: true, force: true })
    }
  })
})
