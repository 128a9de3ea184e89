// What the scan must never do, tried against a hostile site served here: act as the auditor (logout, delete, edit
// links), leave the site (an off-site redirect, a link to another port), judge a page it could not read whole (an
// endless column), or let a page write to the auditor's terminal (control characters in a column name).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeFetch, runScanCommand } from '../../src/cli/scan-command.ts'
import { createScan, memoryStorage, runScan, scanReport, timerSleep, type ScanReport } from '../../src/scan/index.ts'

const ASOF = '2026-11-27'
const ESC = '\u001b'
const BEL = '\u0007'

interface Host {
  server: Server
  origin: string
  requests: string[]
  /** Bytes the endless column sent before the scan hung up. */
  endlessBytes: number
}

function listen(handler: (path: string, res: import('node:http').ServerResponse, host: Host) => void): Promise<Host> {
  return new Promise((resolve) => {
    const host = { requests: [] as string[], endlessBytes: 0 } as Host
    host.server = createServer((req, res) => {
      host.requests.push(`${req.method} ${req.url}`)
      handler(req.url ?? '/', res, host)
    })
    host.server.listen(0, '127.0.0.1', () => {
      host.origin = `http://127.0.0.1:${(host.server.address() as AddressInfo).port}`
      resolve(host)
    })
  })
}

const html = (body: string, title = '政府信息公开'): string =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`

const list = (name: string, dates: string[]): string =>
  html(`<div class="crumb">当前位置：<a href="/">首页</a> &gt; ${name}</div><div class="main"><h2>${name}</h2><ul>${dates
    .map((d, i) => `<li><a href="/${i}.html">关于第 ${i} 项工作的通知</a><span>${d}</span></li>`)
    .join('')}</ul></div>`, `${name}_示范县`)

let site: Host
let elsewhere: Host
let report: ScanReport

beforeAll(async () => {
  elsewhere = await listen((_path, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(list('站外栏目', ['2026-11-20']))
  })
  site = await listen((path, res, host) => {
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(
        html(`<div class="left-nav"><ul>
          <li><a href="/tzgg/">通知公告</a></li>
          <li><a href="/jump/">政策文件</a></li>
          <li><a href="/endless/">工作动态</a></li>
          <li><a href="/evil/">政务${ESC}[2J${BEL}动态</a></li>
          <li><a href="${elsewhere.origin}/other-port/">人事信息</a></li>
        </ul></div>
        <div class="tools"><a href="/user/logout.do">退出</a> <a href="/admin/article/delete?id=42">删除本文</a>
          <a href="/cms/edit.php?id=7">编辑</a> <a href="/index.jsp?action=remove&amp;id=3">移除</a>
          <a href="${elsewhere.origin}/x.html">站外链接</a> <a href="/ok.html">正常链接</a></div>`),
      )
    } else if (path === '/tzgg/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(list('通知公告', ['2026-11-20', '2026-10-01']))
    } else if (path === '/jump/') {
      res.writeHead(302, { location: `${elsewhere.origin}/landing/` })
      res.end()
    } else if (path === '/endless/') {
      // A column page that never ends: the scan must stop reading at its cap and say the page was not read whole.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.write('<!DOCTYPE html><html><body><div class="main"><h2>工作动态</h2><ul>')
      const row = '<li><a href="/a.html">新闻</a><span>2020-01-01</span></li>'.repeat(2000)
      const pump = (): void => {
        if (res.destroyed || host.endlessBytes > 80 * 1024 * 1024) return void res.end()
        host.endlessBytes += Buffer.byteLength(row)
        if (res.write(row)) setImmediate(pump)
        else res.once('drain', pump)
      }
      res.on('close', () => undefined)
      pump()
    } else if (path === '/evil/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(list(`政务${ESC}[2J${BEL}动态`, ['2026-11-25']))
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(html('<p>正常页面</p>'))
    }
  })
  const state = createScan(`${site.origin}/`, null, { asOf: ASOF, delayMs: 1, concurrency: 2, timeoutMs: 20_000 })
  await runScan(state, { fetch: nodeFetch(), sleep: timerSleep, now: () => Date.now(), storage: memoryStorage() })
  report = scanReport(state)
}, 120_000)

afterAll(async () => {
  await new Promise((r) => site.server.close(r))
  await new Promise((r) => elsewhere.server.close(r))
})

const column = (name: string) => report.site.columns.find((c) => c.name === name)

describe('a scan of a hostile site', () => {
  it('never requests a link that looks like an action: logout, delete, edit, ?action=', () => {
    const asked = site.requests.join('\n')
    for (const path of ['/user/logout.do', '/admin/article/delete', '/cms/edit.php', 'action=remove']) expect(asked).not.toContain(path)
    expect(site.requests).toContain('HEAD /ok.html')
    expect(report.stats.notes.join('\n')).toMatch(/4 个链接疑似操作/)
  })

  it('never leaves the site: no request to another port, and a column that redirects away is reported, not followed', () => {
    expect(elsewhere.requests).toEqual([])
    expect(column('政策文件')).toMatchObject({ status: 'offsite' })
    expect(column('政策文件')?.detail).toContain('跳转至站外')
    expect(column('人事信息')).toBeUndefined()
  })

  it('does not judge a page it could not read whole: the endless column is "too large", not stale, and no veto counts it', () => {
    expect(column('工作动态')).toMatchObject({ status: 'too-large', latestDate: null })
    expect(site.endlessBytes).toBeLessThan(20 * 1024 * 1024)
    const stale = report.findings.find((f) => f.section === '动态要闻类、通知公告类栏目不更新')!
    expect(stale.data?.columns).not.toContain('工作动态')
    expect(stale.data?.undeterminedColumns).toContain('工作动态')
  })
})

describe('the CLI never lets a page write to the terminal', () => {
  it('prints control characters from page text as visible escapes in the table and the progress lines', async () => {
    let out = ''
    let err = ''
    const code = await runScanCommand(
      { url: `${site.origin}/`, asOf: ASOF, format: 'table', delayMs: 1, checkLinks: false, maxPages: 10 },
      { stdout: (s) => void (out += s), stderr: (s) => void (err += s) },
    )
    expect(code).not.toBe(2)
    expect(out).toContain('政务\\x1B[2J\\x07动态')
    expect(out + err).not.toContain(ESC)
    expect(out + err).not.toContain(BEL)
  })
})

describe('politeness', () => {
  it('honours 429 with Retry-After: waits, retries, and the column still gets its verdict', async () => {
    let busy = true
    const host = await listen((path, res) => {
      if (path === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        res.end(html('<div class="main"><div class="box"><h3><a href="/tzgg/">通知公告</a></h3><ul><li><a href="/1.html">关于开展检查的通知</a><span>2026-11-20</span></li></ul></div></div>'))
      } else if (busy) {
        busy = false
        res.writeHead(429, { 'retry-after': '1' })
        res.end()
      } else {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        res.end(list('通知公告', ['2026-11-20']))
      }
    })
    try {
      const state = createScan(`${host.origin}/`, null, { asOf: ASOF, delayMs: 0, checkLinks: false })
      // A delay of 0 is raised to the floor: a scan never hammers a server.
      expect(state.options.delayMs).toBeGreaterThanOrEqual(100)
      const started = Date.now()
      await runScan(state, { fetch: nodeFetch(), sleep: timerSleep, now: () => Date.now(), storage: memoryStorage() })
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
      expect(host.requests.filter((r) => r === 'GET /tzgg/')).toHaveLength(2)
      expect(scanReport(state).site.columns.find((c) => c.name === '通知公告')).toMatchObject({ status: 'ok', latestDate: '2026-11-20' })
    } finally {
      await new Promise((r) => host.server.close(r))
    }
  })
})
