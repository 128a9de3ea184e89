// The CLI's hard edges: inputs that never end, a state file that was tampered with, and a page that tries to write
// to the terminal through the page-audit table.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runScanCommand } from '../../src/cli/scan-command.ts'
import { createScan, revalidateScan, scanKey } from '../../src/scan/state.ts'
import { REPO_ROOT } from '../support/corpus.ts'
import { runNode } from '../support/cli.ts'

const run = (args: string[]) => runNode(['bin/disclosure-audit.js', ...args])

describe('inputs that are not regular files', () => {
  it('refuses /dev/zero at once (exit 2, one clear line) instead of reading gigabytes', async () => {
    const r = await run(['/dev/zero'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('不是普通文件')
  })
})

describe('page text in the terminal', () => {
  it('prints escape sequences from a page title as visible text, never raw', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-term-'))
    const file = join(dir, 'evil.html')
    writeFileSync(file, '<html><head><meta charset="utf-8"><title>通知\u001b]0;pwned\u0007\u001b[2J公告</title></head><body><p>x</p></body></html>')
    const r = await run(['--format', 'table', '--all', file])
    expect(r.stdout).not.toContain('\u001b')
    expect(r.stdout).not.toContain('\u0007')
    expect(r.code).not.toBe(2)
  })
})

describe('a resumed --state file is checked like fresh options', () => {
  const start = 'https://www.example.gov.cn/xxgk/'
  const fresh = () => JSON.parse(JSON.stringify(createScan(start, null, { asOf: '2026-11-27' })))

  it('resumes an untouched state', () => {
    expect(revalidateScan(fresh(), start)).not.toBeNull()
  })

  it('applies the ceilings again to options edited in the file', () => {
    const s = fresh()
    s.options.concurrency = 1000
    s.options.maxPages = 1e9
    const back = revalidateScan(s, start)!
    expect(back.options.concurrency).toBeLessThanOrEqual(4)
    expect(back.options.maxPages).toBeLessThanOrEqual(1000)
  })

  it('does not resume a state that would send the scan to another site, or carries a broken pack', () => {
    const offsite = fresh()
    offsite.pages.push({ url: 'https://evil.example.com/', name: 'x', class: 'other', depth: 1, order: [0], from: start, state: 'queued' })
    expect(revalidateScan(offsite, start)).toBeNull()
    const otherStart = fresh()
    expect(revalidateScan(otherStart, 'https://other.gov.cn/')).toBeNull()
    const badPack = fresh()
    badPack.options.packs = [{ id: 'x', version: '1', title: { zh: '甲', en: 'x' }, rules: [{ id: 'r', kind: 'no-such-kind' }] }]
    expect(revalidateScan(badPack, start)).toBeNull()
    expect(revalidateScan({ version: 1, id: 'scan:x', pages: 'nope' }, start)).toBeNull()
  })

  it('tells the auditor when a state file is refused, since the scan starts over', async () => {
    const url = 'http://127.0.0.1:9/'
    const tampered = JSON.parse(JSON.stringify(createScan(url, null, { asOf: '2026-11-27' })))
    tampered.pages.push({ url: 'https://evil.example.com/', name: 'x', class: 'other', depth: 1, order: [0], from: url, state: 'queued' })
    const file = join(mkdtempSync(join(tmpdir(), 'da-state-')), 'scan.json')
    writeFileSync(file, JSON.stringify({ [scanKey(url)]: tampered }))
    let err = ''
    await runScanCommand({ url, asOf: '2026-11-27', format: 'json', stateFile: file, progress: false, timeoutMs: 2000 }, { stdout: () => undefined, stderr: (t) => void (err += t) })
    expect(err).toContain('状态文件未通过校验')
  })
})
