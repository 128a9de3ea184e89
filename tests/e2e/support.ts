// 端到端测试的断言辅助：只读用户能看到的东西（页面标记、弹窗、下载的文件），外加扩展存储里的报告作为对照。
import { expect } from 'vitest'
import Papa from 'papaparse'
import type { Download, Page } from 'playwright-core'
import { readFile } from 'node:fs/promises'
import { readOverlay, reportsIn, type Harness, type StoredReport } from './harness.ts'

export const CSV_HEADER = [
  '审计日期',
  '页面标题',
  '页面地址',
  '规则编号',
  '规则名称',
  '结果',
  '严重程度',
  '栏目/要素',
  '问题描述',
  '发现情况',
  '要求',
  '依据',
  '元素定位',
  '编号',
  '处理状态',
  '忽略理由',
]

/**
 * expect.poll with a timeout fit for a loaded 2-core CI machine (vitest's default is 1 s). A poll only waits for
 * the state; the assertion itself is the matcher after it.
 */
export function poll<T>(fn: () => T | Promise<T>, opts: { timeout?: number; interval?: number; message?: string } = {}) {
  return expect.poll(fn, { timeout: 15_000, interval: 100, ...opts })
}

/** Polls until `probe` gives a value; usable in hooks, where expect.poll is not allowed. Waiting only, never an assertion. */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const v = await probe()
      if (v) return v
    } catch (err) {
      last = err
    }
    if (Date.now() > deadline) throw new Error(`等待超时：${what}${last ? `（最后的错误：${String(last)}）` : ''}`)
    await new Promise((r) => setTimeout(r, 150))
  }
}

/** Waits for the stored report of `url` (any key layout) that satisfies `accept`, and returns the latest one. */
export async function waitForReport(h: Harness, url: string, accept: (r: StoredReport) => boolean = () => true): Promise<StoredReport> {
  return until(`扩展存储里出现 ${url} 的审计报告`, async () => reportsIn(await h.storage(), url).reverse().find(accept))
}

export const shown = (r: StoredReport) => r.findings.filter((f) => f.status === 'fail' || f.status === 'review')

/** Veto rules whose fails are columns counted site-wide against 19号's limits: alone they are a fail, not a veto. */
export const SITE_COUNTED_RULES = new Set(['column-freshness', 'blank-column'])

/**
 * The verdict the contract promises for one page whose session stays below the site-wide limits:
 * 命中单项否决 only for a veto item that stands on one page, 不合格项 N / 需复核 N / 通过 otherwise, as message keys.
 */
export function verdictKey(r: StoredReport): [string, string[]] {
  const fails = r.findings.filter((f) => f.status === 'fail')
  const reviews = r.findings.filter((f) => f.status === 'review')
  if (fails.some((f) => f.severity === 'veto' && !SITE_COUNTED_RULES.has(f.ruleId))) return ['verdictVeto', []]
  if (fails.length) return ['verdictFail', [String(fails.length)]]
  if (reviews.length) return ['verdictReview', [String(reviews.length)]]
  return ['verdictPass', []]
}

/** The verdict line in the browser's UI language (zh_CN strings are checked against the contract separately). */
export async function expectedVerdict(h: Harness, r: StoredReport): Promise<string> {
  const [key, subs] = verdictKey(r)
  return h.message(key, subs)
}

/** Waits until the page's overlay shows exactly the report's fail/review findings (markers plus missing-item rows). */
export async function expectOverlayMatches(page: Page, report: StoredReport) {
  const want = shown(report)
    .map((f) => `${f.ruleId}:${f.id}`)
    .sort()
  await poll(
      async () => {
        const o = await readOverlay(page)
        return [...o.markers, ...o.missing, ...o.unlocated].map((m) => `${m.ruleId}:${m.id}`).sort()
      },
      { timeout: 20_000, message: '页面标记与缺失项应恰好对应报告里的不合格/需复核项' },
    ).toEqual(want)
}

export async function popupFindingIds(popup: Page): Promise<{ id: string; ruleId: string }[]> {
  return popup.getByTestId('finding').evaluateAll((rows) =>
    rows.map((r) => ({ id: (r as HTMLElement).dataset.findingId ?? '', ruleId: (r as HTMLElement).dataset.ruleId ?? '' })),
  )
}

export interface ParsedCsv {
  bytes: Buffer
  name: string
  header: string[]
  rows: Record<string, string>[]
}

export async function readCsvDownload(download: Download): Promise<ParsedCsv> {
  const path = await download.path()
  const bytes = await readFile(path!)
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true })
  expect(parsed.errors, 'CSV 应能被 papaparse 无错解析').toEqual([])
  const [header, ...body] = parsed.data
  const rows = body.map((cells) => Object.fromEntries(header.map((k, i) => [k, cells[i] ?? ''])))
  return { bytes, name: download.suggestedFilename(), header, rows }
}

export async function clickDownload(popup: Page, testId: string): Promise<ParsedCsv> {
  const [download] = await Promise.all([popup.waitForEvent('download', { timeout: 15_000 }), popup.getByTestId(testId).click()])
  return readCsvDownload(download)
}

/** Rect of an element as the viewport sees it, and whether any of it is on screen. */
export async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)
    if (!el) return false
    const r = el.getBoundingClientRect()
    return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth && r.height > 0
  }, selector)
}

/** Marker geometry: where the marker for `findingId` sits against the element its finding points at. */
export async function markerAndTarget(page: Page, findingId: string, css: string) {
  return page.evaluate(
    ({ id, css }) => {
      const root = document.getElementById('disclosure-auditor-root')?.shadowRoot
      const marker = root?.querySelector<HTMLElement>(`.da-marker[data-finding-id="${CSS.escape(id)}"]`)
      const target = document.querySelector(css)
      const box = (el: Element | null | undefined) => {
        if (!el) return null
        const r = el.getBoundingClientRect()
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height }
      }
      return {
        marker: box(marker),
        target: box(target),
        targetText: (target?.textContent ?? '').replace(/\s+/g, ''),
        flashing: !!marker?.classList.contains('da-flash'),
      }
    },
    { id: findingId, css },
  )
}

/** The marker touches its target (drawn on, beside, or just above/below it), within `slack` pixels. */
export function near(a: { top: number; bottom: number; left: number; right: number }, b: typeof a, slack = 32): boolean {
  return a.bottom >= b.top - slack && a.top <= b.bottom + slack && a.right >= b.left - slack && a.left <= b.right + slack
}
