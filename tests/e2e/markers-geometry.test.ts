// 页面标记不遮挡页面：在示例门户与三个真实页面（门户、列表、带元数据表的文章）上，没有徽标盖住任何一段页面文字的四分之一以上，
// 徽标之间互不重叠；axe-core 检查标记根节点（含对比度）。语料目录不存在时真实页面部分跳过。Needs `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DEMO_HOST, serveSite, type SiteServer } from '../../demo/server.ts'
import { axeViolations } from './axe.ts'
import { CORPUS_DIR, launchExtension, repoRoot, type Harness, type StoredReport } from './harness.ts'
import { until, waitForReport } from './support.ts'

interface Geometry {
  badges: number
  /** Badge label → the page text it covers most, with the covered share, when over a quarter. */
  covering: { badge: string; text: string; share: number }[]
  overlapping: [string, string][]
}

/** Runs in the page: every visible badge against every text box of the page, and against each other. */
const MEASURE = `(() => {
  const root = document.getElementById('disclosure-auditor-root')
  const shadow = root && root.shadowRoot
  const badges = shadow ? [...shadow.querySelectorAll('.da-badge, .da-scan-badge')]
    .map((b) => ({ label: (b.querySelector('.da-label') || b).textContent.trim(), r: b.getBoundingClientRect() }))
    .filter((b) => b.r.width > 0 && b.r.height > 0) : []
  const sx = window.scrollX, sy = window.scrollY
  const doc = (r) => ({ left: r.left + sx, top: r.top + sy, right: r.right + sx, bottom: r.bottom + sy })
  const bs = badges.map((b) => ({ label: b.label, box: doc(b.r) }))
  const texts = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  const range = document.createRange()
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.nodeValue.trim() || !n.parentElement || n.parentElement.closest('script,style,noscript')) continue
    if (root && root.contains(n)) continue
    range.selectNodeContents(n)
    for (const r of range.getClientRects()) if (r.width >= 1 && r.height >= 1) texts.push({ text: n.nodeValue.trim().slice(0, 30), box: doc(r) })
  }
  const overlap = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top))
  const area = (b) => Math.max(1, (b.right - b.left) * (b.bottom - b.top))
  const covering = []
  for (const b of bs) for (const t of texts) {
    const share = overlap(b.box, t.box) / area(t.box)
    if (share > 0.25) covering.push({ badge: b.label, text: t.text, share: Math.round(share * 100) / 100 })
  }
  const overlapping = []
  for (let i = 0; i < bs.length; i++) for (let j = i + 1; j < bs.length; j++) if (overlap(bs[i].box, bs[j].box) > 0) overlapping.push([bs[i].label, bs[j].label])
  return { badges: bs.length, covering, overlapping }
})()`

const located = (r: StoredReport) => r.findings.filter((f) => (f.status === 'fail' || f.status === 'review') && f.locator).length

async function settle(page: Page, report: StoredReport): Promise<Geometry> {
  // Markers are placed once the page has settled; wait until the badges for located problems are drawn.
  if (located(report) > 0) await until('页面标记出现', async () => ((await page.evaluate(MEASURE)) as Geometry).badges > 0)
  await page.waitForTimeout(300)
  return (await page.evaluate(MEASURE)) as Geometry
}

let h: Harness
beforeAll(async () => {
  h = await launchExtension()
})
afterAll(async () => {
  await h?.close()
})

describe('示例门户', () => {
  let server: SiteServer
  beforeAll(async () => {
    server = await serveSite(join(repoRoot, 'demo/site'))
  })
  afterAll(async () => {
    await server?.close()
  })

  for (const path of ['/xxgk/index.html', '/index.html', '/xxgk/tzgg/index.html', '/xxgk/tzgg/t_0311.html']) {
    it(`${path}：徽标不盖住页面文字、互不重叠；标记根节点没有严重的无障碍问题`, async () => {
      const url = `${server.origin(DEMO_HOST)}${path}`
      const page = await h.context.newPage()
      await page.goto(url)
      const report = await waitForReport(h, url)
      const geo = await settle(page, report)
      expect(geo.badges > 0, '页面上有问题的元素就画了徽标').toBe(located(report) > 0)
      expect(geo.covering).toEqual([])
      expect(geo.overlapping).toEqual([])
      expect(await axeViolations(page, '#disclosure-auditor-root')).toEqual([])
      await page.close()
    })
  }
})

const CORPUS: { file: string; host: string; path: string; what: string }[] = [
  { file: 'xxgk-home-zwgk-pingtan.html', host: 'www.pingtan.gov.cn', path: '/zwgk/index.html', what: '信息公开门户' },
  { file: 'list-xxgknb-pingtan.html', host: 'www.pingtan.gov.cn', path: '/zwgk/zfxxgk/zfxxgknb/index.html', what: '栏目列表' },
  { file: 'detail-tjgb2022-wanzai.html', host: 'www.wanzai.gov.cn', path: '/wzxrmzf/tjsja/202305/7215380191c5400397df5d7d0b5fd06b.shtml', what: '带元数据表的文章' },
]

describe.skipIf(!existsSync(CORPUS_DIR))('真实页面', () => {
  let server: SiteServer
  beforeAll(async () => {
    const byAddress = new Map(CORPUS.map((c) => [`${c.host}${c.path}`, c.file]))
    server = await serveSite(CORPUS_DIR, {
      override: async (req, path) => {
        const file = byAddress.get(`${(req.headers.host ?? '').replace(/:\d+$/, '')}${path}`)
        if (!file) return { status: 404, body: 'not found', contentType: 'text/plain; charset=utf-8' }
        return { body: await readFile(join(CORPUS_DIR, file)), contentType: 'text/html; charset=utf-8' }
      },
    })
  })
  afterAll(async () => {
    await server?.close()
  })

  for (const c of CORPUS) {
    it(`${c.what}（${c.file}）：徽标不盖住页面文字、互不重叠`, async () => {
      const url = `http://${c.host}:${server.port}${c.path}`
      const page = await h.context.newPage()
      await page.goto(url)
      const report = await waitForReport(h, url)
      const geo = await settle(page, report)
      expect(geo.badges > 0, '页面上有问题的元素就画了徽标').toBe(located(report) > 0)
      expect(geo.covering).toEqual([])
      expect(geo.overlapping).toEqual([])
      expect(await axeViolations(page, '#disclosure-auditor-root')).toEqual([])
      await page.close()
    })
  }
})
