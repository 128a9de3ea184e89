// The page model's content links and labelled record lists: what the 解读, 有效性 and 互动回应 rules read.
import { describe, expect, it } from 'vitest'
import { MAX_CONTENT_LINKS } from '../../src/engine/extract/content/links.ts'
import { MAX_RECORDS } from '../../src/engine/extract/content/records.ts'
import { buildPageModel } from '../../src/engine/page-model.ts'

const ASOF = '2026-11-27'
const model = (html: string) => buildPageModel(html, { url: 'https://www.example.gov.cn/a/b.html', asOf: ASOF })

describe('content links', () => {
  it('leaves out header, nav and footer links, resolves hrefs and keeps the text beside each link', () => {
    const m = model(`<html><body><div class="header"><a href="/">首页</a></div><nav><a href="/zcjd/">政策解读</a></nav>
      <div class="article-content"><p>这是一篇关于公共数据开放管理办法的政策解读正文，介绍出台背景和主要内容。</p><p>原文链接：<a href="../zcwj/t1.html">《示例市公共数据开放管理办法》</a>（发布日期：2026-03-05）</p></div>
      <div class="footer"><a href="/wzdt/">网站地图</a></div></body></html>`)
    expect(m.contentLinks?.map((l) => [l.text, l.href])).toEqual([['《示例市公共数据开放管理办法》', 'https://www.example.gov.cn/zcwj/t1.html']])
    expect(m.contentLinks?.[0].context).toBe('原文链接：《示例市公共数据开放管理办法》（发布日期：2026-03-05）')
  })

  it('takes the article’s own links first, so a long side menu cannot push its 原文 link past the cap', () => {
    const side = Array.from({ length: MAX_CONTENT_LINKS + 50 }, (_, i) => `<li><a href="/s/${i}.html">侧栏链接${i}</a></li>`).join('')
    const m = model(`<html><body><div class="side"><ul>${side}</ul></div><div class="article-content"><p>正文正文正文正文正文正文正文正文正文正文正文正文正文正文正文。</p><p><a href="/zcwj/t1.html">政策原文</a></p></div></body></html>`)
    expect(m.contentLinks).toHaveLength(MAX_CONTENT_LINKS)
    expect(m.contentLinks?.[0].text).toBe('政策原文')
    expect(m.notes).toContain(`content links: kept the first ${MAX_CONTENT_LINKS}`)
  })
})

describe('record lists', () => {
  it('a table under a header row: labels as printed, values per column, title link per row', () => {
    const m = model(`<html><body><table><tr><th>标 题</th><th>留言时间</th><th>状态</th></tr>
      <tr><td><a href="/x/1.html">关于停车的建议</a></td><td>2026-11-20</td><td>处理中</td></tr>
      <tr><td><a href="/x/2.html">咨询公积金</a></td><td>2026-11-02</td><td>已回复</td></tr></table></body></html>`)
    const list = m.recordLists?.find((l) => l.via === 'header')
    expect(list?.labels).toEqual(['标题', '留言时间', '状态'])
    expect(list?.records.map((r) => [r.title, r.href, r.fields.map((f) => f.value)])).toEqual([
      ['关于停车的建议', 'https://www.example.gov.cn/x/1.html', ['关于停车的建议', '2026-11-20', '处理中']],
      ['咨询公积金', 'https://www.example.gov.cn/x/2.html', ['咨询公积金', '2026-11-02', '已回复']],
    ])
  })

  it('label：value items, with the value in the next span or after a bold label', () => {
    const m = model(`<html><body><ul>
      <li><a href="/x/1.html">甲</a><span>留言时间：</span><span>2026-11-20</span><span>状态：处理中</span></li>
      <li><a href="/x/2.html">乙</a><b>留言时间</b>：2026-11-02 <b>状态</b>：已回复</li></ul></body></html>`)
    const list = m.recordLists?.find((l) => l.via === 'pairs')
    expect(list?.records.map((r) => r.fields)).toEqual([
      [{ label: '留言时间', value: '2026-11-20' }, { label: '状态', value: '处理中' }],
      [{ label: '留言时间', value: '2026-11-02' }, { label: '状态', value: '已回复' }],
    ])
  })

  it('plain title-and-date lists and one-row lists are not record lists', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `<li><a href="/x/${i}.html">通知${i}</a><span>2026-11-${String(1 + (i % 28)).padStart(2, '0')}</span></li>`).join('')
    const m = model(`<html><body><ul>${rows}</ul><ul><li><a href="/y.html">单条</a><span>状态：已回复</span></li></ul></body></html>`)
    expect(m.recordLists).toEqual([])
  })

  it(`keeps at most ${MAX_RECORDS} records and says so`, () => {
    const rows = Array.from({ length: MAX_RECORDS + 100 }, (_, i) => `<tr><td><a href="/x/${i}.html">留言${i}</a></td><td>2026-11-01</td></tr>`).join('')
    const m = model(`<html><body><table><tr><th>标题</th><th>留言时间</th></tr>${rows}</table></body></html>`)
    expect(m.recordLists?.reduce((n, l) => n + l.records.length, 0)).toBe(MAX_RECORDS)
    expect(m.notes).toContain(`record lists: kept the first ${MAX_RECORDS} records`)
  })
})
