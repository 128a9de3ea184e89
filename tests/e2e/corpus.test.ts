// 真实政府网页语料：每页按原主机名（映射到本机）提供，扩展在真实 Chromium 里巡检。语料目录不存在时整组跳过。
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serveSite, type SiteServer } from '../../demo/server.ts'
import { CORPUS_DIR, launchExtension, readOverlay, repoRoot, type Harness, type StoredReport } from './harness.ts'
import { expectOverlayMatches, expectedVerdict, until, waitForReport, poll } from './support.ts'

/** Each saved page at (a path like) its original address, so host-specific behaviour and relative links stay realistic. */
const CASES: { file: string; host: string; path: string }[] = [
  { file: 'xxgk-home-zwgk-pingtan.html', host: 'www.pingtan.gov.cn', path: '/zwgk/index.html' },
  { file: 'list-xxgknb-pingtan.html', host: 'www.pingtan.gov.cn', path: '/zwgk/zfxxgk/zfxxgknb/index.html' },
  { file: 'detail-tjgb2022-wanzai.html', host: 'www.wanzai.gov.cn', path: '/wzxrmzf/tjsja/202305/7215380191c5400397df5d7d0b5fd06b.shtml' },
  { file: 'detail-tjgb2015-wanzai.html', host: 'www.wanzai.gov.cn', path: '/wzxrmzf/tjgb/201705/9c059bf058ef4db8b3c8f920e22186fe.shtml' },
  { file: 'detail-tjgb2022-yichun.html', host: 'www.yichun.gov.cn', path: '/ycsrmzf/tjgb/202305/36796cdc82d04268913f2884cf2fe579.shtml' },
  { file: 'detail-tjgb2022-jiangxi-on-yichun.html', host: 'www.yichun.gov.cn', path: '/ycsrmzf/tjgb/202304/3f093ec317ba4609b241d0c79175c7cd.shtml' },
  { file: 'detail-touzi-fgw-zj.html', host: 'fgw.zj.gov.cn', path: '/art/2016/11/22/art_1621004_30332664.html' },
  { file: 'detail-gongbao-govcn.html', host: 'www.gov.cn', path: '/gongbao/content/2007/content_xxx.htm' },
  { file: 'detail-news-shanxi.html', host: 'www.shanxi.gov.cn', path: '/yw/sxyw/201909/t20190918_693227.shtml' },
  { file: 'detail-news-cmse.html', host: 'www.cmse.gov.cn', path: '/news/201206/t20120624_1.html' },
  { file: 'detail-news-kepu.html', host: 'www.kepu.gov.cn', path: '/politics/2023-12/01/content_1755244.html' },
  { file: 'detail-xzcf-nfra-rendered.html', host: 'www.nfra.gov.cn', path: '/cn/view/pages/ItemDetail.html' },
  { file: 'annual-report-2019-shanghai.html', host: 'www.shanghai.gov.cn', path: '/nw2319/20200131/report2019.html' },
  { file: 'annual-report-2020-shanghai-city.html', host: 'www.shanghai.gov.cn', path: '/nw12344/20210330/report2020.html' },
  { file: 'guide-shanghai-gov.html', host: 'www.shanghai.gov.cn', path: '/nw12344/zfxxgkzn.html' },
]

const present = existsSync(CORPUS_DIR)

describe.skipIf(!present)('真实语料页面', () => {
  let server: SiteServer
  let h: Harness
  const url = (c: (typeof CASES)[number]) => `http://${c.host}:${server.port}${c.path}`
  const opened = new Map<string, { page: Page; report: StoredReport; loadToMarkersMs: number | null }>()

  beforeAll(async () => {
    const byAddress = new Map(CASES.map((c) => [`${c.host}${c.path}`, c.file]))
    server = await serveSite(CORPUS_DIR, {
      override: async (req, path) => {
        const file = byAddress.get(`${(req.headers.host ?? '').replace(/:\d+$/, '')}${path}`)
        if (!file) return { status: 404, body: 'not found', contentType: 'text/plain; charset=utf-8' }
        return { body: await readFile(join(CORPUS_DIR, file)), contentType: 'text/html; charset=utf-8' }
      },
    })
    h = await launchExtension()
  })

  afterAll(async () => {
    const timings = [...opened].map(([file, o]) => `${file}: ${o.loadToMarkersMs ?? '—'} ms`)
    if (timings.length) console.log(`[e2e 计时] 页面 load 事件 → 首个标记出现\n  ${timings.join('\n  ')}`)
    await h?.close()
    await server?.close()
  })

  /** Opens a corpus page; records how long markers took to show after the page's load event. */
  async function open(file: string) {
    const c = CASES.find((x) => x.file === file)!
    const page = await h.context.newPage()
    await page.goto(url(c), { waitUntil: 'load' })
    const loadedAt = Date.now()
    const report = await waitForReport(h, url(c))
    let loadToMarkersMs: number | null = null
    if (report.findings.some((f) => f.status === 'fail' || f.status === 'review')) {
      await until(`${file} 的页面标记`, async () => {
        const o = await readOverlay(page)
        return o.markers.length + o.missing.length + o.unlocated.length > 0
      })
      loadToMarkersMs = Date.now() - loadedAt
    }
    opened.set(file, { page, report, loadToMarkersMs })
  }

  beforeAll(async () => {
    // The largest page goes first and alone, so its settle-to-markers time is not inflated by other tabs.
    await open('detail-news-cmse.html')
    const rest = CASES.map((c) => c.file).filter((f) => f !== 'detail-news-cmse.html')
    for (let i = 0; i < rest.length; i += 5) await Promise.all(rest.slice(i, i + 5).map(open))
  })

  const get = (file: string) => opened.get(file)!

  describe.each(CASES)('$file', ({ file }) => {
    it('标记与缺失项对应报告，弹窗结论与报告一致', async () => {
      const { page, report } = get(file)
      expect(report.findings.length, '每个页面都应有审计结论').toBeGreaterThan(0)
      await expectOverlayMatches(page, report)
      const popup = await h.openPopup(page)
      await poll(async () => (await popup.getByTestId('verdict').textContent())?.trim()).toBe(await expectedVerdict(h, report))
      await popup.close()
    })
  })

  it('平潭政务公开首页：四个子栏目齐全，不报缺少年报；人事任免一年多未更新', async () => {
    const { page, report } = get('xxgk-home-zwgk-pingtan.html')
    const sub = report.findings.filter((f) => f.ruleId === 'disclosure-subcolumns' && f.status === 'fail')
    expect(sub.map((f) => `${f.section} ${f.evidence.zh}`).join(' ')).not.toMatch(/年报|年度报告/)
    const stale = report.findings.find((f) => f.ruleId === 'column-freshness' && f.status === 'fail' && f.section.includes('人事'))
    expect(stale, '人事任免最新条目 2025-08-05，超过一年').toBeDefined()
    const o = await readOverlay(page)
    expect([...o.markers, ...o.missing].find((m) => m.id === stale!.id)?.ruleId).toBe('column-freshness')
  })

  it('载人航天网页脚只有 ICP 备案：缺网站标识码、公安备案、党政机关标识', async () => {
    const { page, report } = get('detail-news-cmse.html')
    const footer = report.findings.filter((f) => f.ruleId === 'footer-identifiers' && f.status !== 'pass')
    const said = footer.map((f) => `${f.section} ${f.message.zh} ${f.evidence.zh}`).join(' ')
    expect(said).toMatch(/网站标识码/)
    expect(said).toMatch(/公安|公网安备/)
    expect(said).toMatch(/党政机关|conac/i)
    const o = await readOverlay(page)
    expect([...o.markers, ...o.missing].filter((m) => m.ruleId === 'footer-identifiers').length).toBe(footer.length)
  })

  it('国家金融监督管理总局渲染页：索引号等元数据标签在但值为空，元数据问题被标出', async () => {
    const { report } = get('detail-xzcf-nfra-rendered.html')
    const meta = report.findings.filter((f) => f.ruleId === 'article-metadata' && f.status !== 'pass')
    expect(meta.length).toBeGreaterThan(0)
  })
})
