// The audit cycle from the terminal: `--ignore FILE` sets findings aside with a reason (they leave the verdict and the
// exit status but stay in the output), `--baseline FILE` compares the run with an earlier JSON report. Run as a user
// runs it (`node bin/disclosure-audit.js …`), on pages saved to a temp folder and on the local test portal.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../src/engine/types.ts'
import { serveSite, type TestSite } from '../fixtures/test-portal/serve.ts'
import { killRunning, type Run, runCli } from '../support/cli.ts'

const ROOT = join(import.meta.dirname, '../..')
const ARTICLE = readFileSync(join(ROOT, 'tests/fixtures/cli/utf8-article.html'), 'utf8')
const ASOF = '2024-06-30'

afterEach(killRunning)
const run = runCli

interface JsonOut {
  pages: { source: string; url: string | null; findings: Finding[] }[]
  diff?: { new: string[]; resolved: string[]; persisting: string[] }
}
const json = (r: Run) => JSON.parse(r.stdout) as JsonOut
const problems = (out: JsonOut, status: 'fail' | 'review' = 'fail') => out.pages.flatMap((p) => p.findings.filter((f) => f.status === status))

let dir: string
const at = (name: string) => join(dir, name)
const write = (name: string, content: string | unknown) => {
  writeFileSync(at(name), typeof content === 'string' ? content : JSON.stringify(content))
  return at(name)
}
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'da-cycle-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// The fixture article was published 42 working days after it was written (成文 2024-01-02, 发布 2024-03-05): one
// publication-lag fail. Publishing it on 2024-01-10 (page and PubDate meta alike) is the fix.
const LATE = 'https://www.example.gov.cn/xxgk/tzgg/202403/t20240305_1.html'
const OTHER = 'https://www.example.gov.cn/xxgk/tzgg/202403/t20240305_2.html'
const fixed = (html: string) =>
  html.replace('<td>2024-03-05</td>', '<td>2024-01-10</td>').replace('content="2024-03-05 09:30"', 'content="2024-01-10 09:30"')

describe('help', () => {
  it('--help explains --ignore and --baseline in both languages', async () => {
    const r = await run(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/--ignore FILE\s+忽略清单.*\n.*dismissals/)
    expect(r.stdout).toMatch(/--baseline FILE\s+上次的 JSON 报告.*\n.*an earlier JSON report/)
  })
})

describe('--ignore', () => {
  it('marks the listed fail dismissed with its reason; a run whose only fail is dismissed exits 0', async () => {
    const page = write('late.html', ARTICLE)
    const before = await run(['--as-of', ASOF, '--format', 'json', '--url', LATE, page])
    expect(before.code).toBe(1)
    const [lag] = problems(json(before))
    expect(lag.ruleId).toBe('publication-lag')

    const ignore = write('ignore.json', [{ id: lag.id, reason: '  成文日期系印发稿日期，已与办公室核实  ' }])
    const after = await run(['--as-of', ASOF, '--format', 'json', '--url', LATE, '--ignore', ignore, page])
    expect(after.code).toBe(0)
    const marked = json(after).pages[0].findings.find((f) => f.id === lag.id)!
    expect(marked.status).toBe('fail')
    expect(marked.dismissed?.reason).toBe('成文日期系印发稿日期，已与办公室核实')
    expect(new Date(marked.dismissed!.at).toISOString()).toBe(marked.dismissed!.at)
    expect(json(after).pages[0].findings.filter((f) => f.dismissed)).toHaveLength(1)
  })

  it('two saved files audited without --url have their own ids: dismissing one file\'s fail leaves the other\'s', async () => {
    const a = write('no-url-a.html', ARTICLE)
    const b = write('no-url-b.html', ARTICLE)
    const first = json(await run(['--as-of', ASOF, '--format', 'json', a, b]))
    const [lagA, lagB] = first.pages.map((p) => p.findings.find((f) => f.ruleId === 'publication-lag' && f.status === 'fail')!)
    expect(lagA.id).not.toBe(lagB.id)
    const ignore = write('ignore-one-file.json', [{ id: lagA.id, reason: '仅此一份已核实' }])
    const r = await run(['--as-of', ASOF, '--format', 'json', '--ignore', ignore, a, b])
    expect(r.code).toBe(1)
    const [pageA, pageB] = json(r).pages
    expect(pageA.findings.find((f) => f.id === lagA.id)?.dismissed?.reason).toBe('仅此一份已核实')
    expect(pageB.findings.filter((f) => f.dismissed)).toHaveLength(0)
  })

  it('the table shows a dismissed finding apart, with its reason, and counts it as 已忽略', async () => {
    const page = write('late-table.html', ARTICLE)
    const first = await run(['--as-of', ASOF, '--format', 'json', '--url', LATE, page])
    const [lag] = problems(json(first))
    const ignore = write('ignore-table.json', [{ id: lag.id, reason: '已核实' }])
    const r = await run(['--as-of', ASOF, '--url', LATE, '--ignore', ignore, page])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('没有需要处理的问题')
    expect(r.stdout).toMatch(/ 已忽略 1\n\s+⊘ 不合格·20个工作日内公开 .*\n\s+理由：已核实/)
    expect(r.stdout).toMatch(/不合格 0 · 需复核 0 · 合格 \d+ · 不适用 \d+ · 已忽略 1/)
    const en = await run(['--as-of', ASOF, '--url', LATE, '--lang', 'en', '--ignore', ignore, page])
    expect(en.stdout).toMatch(/Fail 0 · Needs review 0 · Pass \d+ · N\/A \d+ · Dismissed 1/)
  })

  it('the CSV says 已忽略 and the reason in the row of the dismissed finding, 未处理 in the other problems', async () => {
    const page = write('late-csv.html', ARTICLE)
    const [lag] = problems(json(await run(['--as-of', ASOF, '--format', 'json', '--url', LATE, page])))
    const ignore = write('ignore-csv.json', [{ id: lag.id, reason: '=已核实' }])
    const r = await run(['--as-of', ASOF, '--format', 'csv', '--url', LATE, '--ignore', ignore, page])
    expect(r.code).toBe(0)
    const rows = Papa.parse<Record<string, string>>(r.stdout.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data
    expect(rows.find((row) => row['编号'] === lag.id)).toMatchObject({ 结果: '不合格', 处理状态: '已忽略', 忽略理由: "'=已核实" })
    for (const row of rows.filter((x) => x['编号'] !== lag.id)) {
      expect(row['处理状态']).toBe(row['结果'] === '需复核' || row['结果'] === '不合格' ? '未处理' : '')
    }
  })

  it('a fail not on the list still fails the run, and a listed pass is never marked', async () => {
    const late = write('late-2.html', ARTICLE)
    const first = json(await run(['--as-of', ASOF, '--format', 'json', late]))
    const pass = first.pages[0].findings.find((f) => f.status === 'pass')!
    const ignore = write('ignore-pass.json', [{ id: pass.id, reason: '不适用本站' }, { id: 'no-such-finding', reason: '旧编号' }])
    const r = await run(['--as-of', ASOF, '--format', 'json', '--ignore', ignore, late])
    expect(r.code).toBe(1)
    expect(json(r).pages[0].findings.some((f) => f.dismissed)).toBe(false)
  })

  it.each([
    ['a missing file', null, /--ignore .*missing\.json: 文件不存在 \/ no such file/],
    ['broken JSON', '[{"id": "a", "reason": ', /JSON 语法错误 \/ invalid JSON/],
    ['an object instead of a list', '{"id": "a", "reason": "x"}', /格式不符 \/ expected \[\{"id": "…", "reason": "…"\}\]（\$: /],
    ['a blank reason', '[{"id": "a", "reason": "x"}, {"id": "b", "reason": "   "}]', /\$\[1\]\.reason: 忽略理由不能为空/],
    ['a missing id', '[{"reason": "x"}]', /\$\[0\]\.id/],
    ['a prototype key', '[{"id": "a", "reason": "x", "__proto__": {"polluted": 1}}]', /不允许的键 0\.__proto__/],
    ['more than 10,000 entries', JSON.stringify(Array.from({ length: 10_001 }, (_, i) => ({ id: `f${i}`, reason: 'x' }))), /格式不符/],
  ])('%s is a clear error, exit 2, and nothing is printed on stdout', async (_why, content, message) => {
    const file = content === null ? at('missing.json') : write(`bad-${Math.random().toString(36).slice(2)}.json`, content)
    const r = await run(['--as-of', ASOF, '--ignore', file, write('any.html', ARTICLE)])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
  })
})

describe('--baseline', () => {
  it('after one fix the fixed finding is resolved, in the JSON and in the table summary line', async () => {
    const page = write('site-page.html', ARTICLE)
    const baseline = await run(['--as-of', ASOF, '--format', 'json', '--url', LATE, page])
    const baselineFile = write('baseline.json', baseline.stdout)
    const [lag] = problems(json(baseline))
    const reviews = problems(json(baseline), 'review').map((f) => f.id)

    writeFileSync(page, fixed(ARTICLE))
    const r = await run(['--as-of', ASOF, '--format', 'json', '--url', LATE, '--baseline', baselineFile, page])
    expect(r.code).toBe(0)
    expect(json(r).diff).toEqual({ new: [], resolved: [lag.id], persisting: [...reviews].sort() })
    expect(json(r).pages[0].findings.find((f) => f.id === lag.id)?.status).toBe('pass')

    const table = await run(['--as-of', ASOF, '--url', LATE, '--baseline', baselineFile, page])
    expect(table.stdout).toContain(`与基线对比：新增 0 · 已整改 1 · 仍存在 ${reviews.length}`)
    const en = await run(['--as-of', ASOF, '--url', LATE, '--lang', 'en', '--baseline', baselineFile, page])
    expect(en.stdout).toContain(`Compared with the baseline: new 0 · resolved 1 · persisting ${reviews.length}`)
  })

  it('the fault coming back is new; the same fault still there is persisting', async () => {
    const page = write('clean.html', fixed(ARTICLE))
    const clean = write('clean-baseline.json', (await run(['--as-of', ASOF, '--format', 'json', '--url', LATE, page])).stdout)
    writeFileSync(page, ARTICLE)
    const back = await run(['--as-of', ASOF, '--format', 'json', '--url', LATE, '--baseline', clean, page])
    const [lag] = problems(json(back))
    expect(json(back).diff?.new).toEqual([lag.id])
    const lateBaseline = write('late-baseline.json', back.stdout)
    const again = await run(['--as-of', ASOF, '--format', 'json', '--url', LATE, '--baseline', lateBaseline, page])
    expect(json(again).diff?.persisting).toContain(lag.id)
    expect(json(again).diff?.new).toEqual([])
  })

  it('with many inputs, a page left out of this run resolves nothing', async () => {
    const one = write('one.html', ARTICLE)
    const two = write('two.html', ARTICLE.replace('<td>2024-01-02</td>', '<td>2023-12-01</td>'))
    const both = await run(['--as-of', ASOF, '--format', 'json', one, two])
    expect(json(both).pages).toHaveLength(2)
    const baselineFile = write('two-pages.json', both.stdout)
    const problemsOfTwo = json(both).pages[1].findings.filter((f) => f.status === 'fail').map((f) => f.id)
    expect(problemsOfTwo.length).toBeGreaterThan(0)

    writeFileSync(one, fixed(ARTICLE))
    const r = await run(['--as-of', ASOF, '--format', 'json', '--baseline', baselineFile, one])
    const diff = json(r).diff!
    expect(diff.resolved.length).toBeGreaterThan(0)
    for (const id of problemsOfTwo) if (!json(both).pages[0].findings.some((f) => f.id === id)) expect(diff.resolved).not.toContain(id)
  })

  it('dismissals and the baseline together: a problem dismissed now is neither resolved nor persisting', async () => {
    const page = write('dismiss-diff.html', ARTICLE)
    const baselineFile = write('dismiss-baseline.json', (await run(['--as-of', ASOF, '--format', 'json', '--url', LATE, page])).stdout)
    const [lag] = problems(json({ code: 0, stdout: readFileSync(baselineFile, 'utf8'), stderr: '' }))
    const ignore = write('dismiss-ignore.json', [{ id: lag.id, reason: '已核实' }])
    const r = await run(['--as-of', ASOF, '--format', 'json', '--url', LATE, '--baseline', baselineFile, '--ignore', ignore, page])
    expect(r.code).toBe(0)
    expect(json(r).diff?.resolved).not.toContain(lag.id)
    expect(json(r).diff?.persisting).not.toContain(lag.id)
  })

  it('no diff without --baseline', async () => {
    const r = await run(['--as-of', ASOF, '--format', 'json', write('plain.html', ARTICLE)])
    expect(json(r)).not.toHaveProperty('diff')
  })

  it.each([
    ['a missing file', null, /--baseline .*nothing\.json: 文件不存在/],
    ['broken JSON', '{"pages": [', /JSON 语法错误/],
    ['an --ignore list', '[{"id": "a", "reason": "x"}]', /不是本工具的 JSON 报告 \/ not a JSON report of this tool（\$/],
    ['another tool\'s JSON', '{"tool": {"name": "other"}, "pages": []}', /不是本工具的 JSON 报告.*\$\.tool\.name/],
    ['a finding without a status', '{"tool": {"name": "disclosure-audit"}, "pages": [{"url": null, "findings": [{"id": "a"}]}]}', /\$\.pages\[0\]\.findings\[0\]\.status/],
  ])('%s is a clear error, exit 2', async (_why, content, message) => {
    const file = content === null ? at('nothing.json') : write(`bad-base-${Math.random().toString(36).slice(2)}.json`, content)
    const r = await run(['--as-of', ASOF, '--baseline', file, write('any2.html', ARTICLE)])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
  })

  it('with --format csv is a usage error (the CSV has no place for the comparison)', async () => {
    const r = await run(['--as-of', ASOF, '--format', 'csv', '--baseline', write('b.json', '{}'), write('any3.html', ARTICLE)])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--baseline')
  })
})

describe('--scan with --ignore and --baseline', () => {
  const SCAN_ASOF = '2026-05-20'
  let site: TestSite
  beforeAll(async () => {
    site = await serveSite()
  })
  afterAll(async () => {
    await site.close()
  })
  const scan = (...extra: string[]) => run(['--scan', `${site.origin}/`, '--as-of', SCAN_ASOF, '--no-links', '--delay', '2', ...extra])

  it('dismissing every fail of the scan exits 0 and clears the site verdict; the table counts them apart', async () => {
    const first = await scan('--format', 'json')
    expect(first.code).toBe(1)
    const fails = problems(json(first))
    const siteFail = fails.find((f) => f.ruleId === 'column-freshness-site')
    expect(siteFail).toBeDefined()
    const ignore = write('scan-ignore.json', [...new Set(fails.map((f) => f.id))].map((id) => ({ id, reason: '栏目已撤并，待更新栏目清单' })))

    const r = await scan('--format', 'json', '--ignore', ignore)
    expect(r.code).toBe(0)
    expect(problems(json(r)).every((f) => f.dismissed?.reason === '栏目已撤并，待更新栏目清单')).toBe(true)

    const table = await scan('--ignore', ignore)
    expect(table.code).toBe(0)
    // The veto count is set aside; the blank-column count that could not be judged still asks for a check.
    expect(table.stdout).not.toContain('可能触发单项否决')
    expect(table.stdout).toContain('结论：需人工核查')
    expect(table.stdout).toMatch(/\[已忽略·不合格\] /)
    const dismissedCount = json(r).pages.reduce((n, p) => n + p.findings.filter((f) => f.dismissed).length, 0)
    expect(table.stdout).toContain(`已忽略 ${dismissedCount}（不计入结论`)
  })

  it('compares with an earlier report: a problem gone from a scanned page is resolved, one on a page not scanned now is not', async () => {
    const now = await scan('--format', 'json')
    const current = json(now)
    const start = current.pages[1]
    const gone = { id: 'fixed-since', status: 'fail', severity: 'error' }
    const notScanned = { url: `${site.origin}/closed-column/`, source: 'x', findings: [{ id: 'elsewhere', status: 'fail' }] }
    const baseline = {
      ...current,
      pages: [...current.pages.map((p) => (p === start ? { ...p, findings: [...p.findings, gone] } : p)), notScanned],
    }
    const r = await scan('--format', 'json', '--baseline', write('scan-baseline.json', baseline))
    const persisting = [...new Set([...problems(current), ...problems(current, 'review')].map((f) => f.id))].sort()
    expect(json(r).diff).toEqual({ new: [], resolved: ['fixed-since'], persisting })

    const table = await scan('--baseline', write('scan-baseline-2.json', baseline))
    expect(table.stdout).toContain(`与基线对比：新增 0 · 已整改 1 · 仍存在 ${persisting.length}`)
  })
})
