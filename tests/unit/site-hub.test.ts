// In the site scan, a hub page (its content is links to its sub-columns) is not a blank column, and a document
// reached through a navigation link is not a column at all.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildPageModel } from '../../src/engine/page-model.ts'
import { columnResult } from '../../src/engine/site/column-status.ts'
import { hubLinksOf, isDocumentPage } from '../../src/engine/site/hub.ts'
import { columnLinksOf } from '../../src/engine/site/links.ts'
import { REPO_ROOT } from '../support/corpus.ts'

const AS_OF = '2026-11-27'
const HUB_URL = 'https://www.sample-gxq.gov.cn/xxgk/fdzdgknr/index.html'

function page(html: string, url: string) {
  return buildPageModel(html, { url, asOf: AS_OF })
}

describe('hub pages', () => {
  const html = readFileSync(join(REPO_ROOT, 'demo/site/xxgk/fdzdgknr/index.html'), 'utf8')
  const model = page(html, HUB_URL)

  it('the sample portal\'s 法定主动公开内容 reads as blank by its lists alone …', () => {
    expect(columnResult(model, { name: '法定主动公开内容', url: HUB_URL, asOf: AS_OF }).status).toBe('blank')
  })

  it('… but its content is 11 sub-column links, which the scan follows instead of calling it blank', () => {
    const links = hubLinksOf(html, model, HUB_URL)
    expect(links.map((l) => l.name)).toEqual(['机构职能', '政策文件', '规划计划', '统计信息', '行政许可', '行政处罚', '财政预决算', '政府采购', '重大建设项目', '人事信息', '应急管理'])
    // The site's own menu bar (首页, 工作动态 …) and the breadcrumb are not sub-columns of this page.
    expect(links.some((l) => l.name === '首页' || l.name === '工作动态')).toBe(false)
    expect(links.find((l) => l.name === '人事信息')?.class).toBe('long-term')
  })

  it('a blank column whose only links are the site\'s side menu (columns the scan already knows) stays blank', () => {
    const links = hubLinksOf(html, model, HUB_URL)
    const known = new Set(links.map((l) => l.url))
    expect(hubLinksOf(html, model, HUB_URL, known)).toEqual([])
    const placeholder = '<html><body><div class="main"><h3>政策解读</h3><ul><li>暂无信息</li></ul><div class="side"><a href="/a/">甲</a><a href="/b/">乙</a><a href="/c/">丙</a></div></div></body></html>'
    expect(hubLinksOf(placeholder, page(placeholder, 'https://x.gov.cn/zcjd/'), 'https://x.gov.cn/zcjd/')).toEqual([])
  })

  it('a list page with dated entries, or a page with two stray links, is no hub', () => {
    const list = readFileSync(join(REPO_ROOT, 'demo/site/xxgk/gzdt/index.html'), 'utf8').replace(/\{\{date:(-?\d+)\}\}/g, '2026-11-20')
    const listUrl = 'https://www.sample-gxq.gov.cn/xxgk/gzdt/index.html'
    expect(hubLinksOf(list, page(list, listUrl), listUrl)).toEqual([])
    const two = '<html><body><div class="main"><a href="/a/">甲栏目</a><a href="/b/">乙栏目</a></div></body></html>'
    expect(hubLinksOf(two, page(two, 'https://x.gov.cn/c/'), 'https://x.gov.cn/c/')).toEqual([])
  })
})

describe('document pages', () => {
  it('a document page (metadata box, no list) is not a column', () => {
    const html = readFileSync(join(REPO_ROOT, 'tests/fixtures/rules/page/article-ok.html'), 'utf8')
    expect(isDocumentPage(page(html, 'https://www.example.gov.cn/zwgk/zcwj/t1.html'))).toBe(true)
    const hub = readFileSync(join(REPO_ROOT, 'demo/site/xxgk/fdzdgknr/index.html'), 'utf8')
    expect(isDocumentPage(page(hub, HUB_URL))).toBe(false)
  })

  it('a document title in a 制度 menu is not followed as a sub-column; the short column names are', () => {
    const html = `<html><head><title>政府信息公开</title></head><body>
      <div class="left-nav"><ul>
        <li><a href="/xxgk/zfxxgkzn/">政府信息公开指南</a></li>
        <li><a href="/xxgk/zfxxgkzd/">政府信息公开制度</a></li>
        <li><a href="/xxgk/zfxxgkzd/bmsc.html">示例高新区政府信息公开保密审查制度</a></li>
        <li><a href="/xxgk/fdzdgknr/">法定主动公开内容</a></li>
        <li><a href="/xxgk/zfxxgknb/">政府信息公开年报</a></li>
      </ul></div></body></html>`
    const url = 'https://www.sample-gxq.gov.cn/xxgk/index.html'
    const names = columnLinksOf(page(html, url), { pageUrl: url }).map((l) => l.name)
    expect(names).toContain('政府信息公开制度')
    expect(names).not.toContain('示例高新区政府信息公开保密审查制度')
  })
})
