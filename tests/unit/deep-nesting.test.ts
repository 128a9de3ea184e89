// Pages nested deeper than a browser allows (5,000 unclosed <div>s, 3,000 nested tables, 20,000 unclosed <font>s,
// 100,000 <span>s) are audited like any page: the tree is capped at 512 levels as Blink caps it, and no walk can
// overflow the stack.
import { describe, expect, it } from 'vitest'
import type { AnyNode, ParentNode } from 'domhandler'
import { audit } from '../../src/engine/audit.ts'
import { buildPageModel } from '../../src/engine/page-model.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import { MAX_TREE_DEPTH, parseHtml } from '../../src/engine/parse.ts'

function maxDepth(root: ParentNode): number {
  let deepest = 0
  const stack: { node: AnyNode; depth: number }[] = [{ node: root as unknown as AnyNode, depth: 0 }]
  while (stack.length) {
    const { node, depth } = stack.pop()!
    deepest = Math.max(deepest, depth)
    for (const child of (node as ParentNode).children ?? []) stack.push({ node: child, depth: depth + 1 })
  }
  return deepest
}

const pages: [string, string][] = [
  ['5,000 unclosed <div>', '<div>'.repeat(5000)],
  ['3,000 nested tables', '<table><tr><td>'.repeat(3000)],
  ['20,000 unclosed <font>', '<font color=red>'.repeat(20000)],
  ['100,000 nested <span>', '<span>'.repeat(100000)],
]

describe('deep nesting', () => {
  it.each(pages)('%s: audited, with the text after the nesting still read', (_name, opening) => {
    const html = `<html><head><title>通知公告</title></head><body>${opening}<p>关于开展安全检查的通知 2026-11-20</p></body></html>`
    const { $ } = parseHtml(html)
    expect(maxDepth($.root().get(0) as unknown as ParentNode)).toBeLessThanOrEqual(MAX_TREE_DEPTH + 1)
    expect($('body').text()).toContain('关于开展安全检查的通知 2026-11-20')
    const report = audit(html, { url: 'https://www.example.gov.cn/tzgg/', packs: [nationalPack()], asOf: '2026-11-27' })
    const rules = new Set(report.findings.map((f) => f.ruleId))
    for (const rule of nationalPack().rules.filter((r) => r.scope !== 'site')) expect(rules.has(rule.id)).toBe(true)
    expect(report.findings.some((f) => f.message.zh.includes('规则执行出错'))).toBe(false)
    expect(report.notes.join('\n')).toContain(`deeper than ${MAX_TREE_DEPTH} levels`)
  })

  it('a page within the limit is not changed', () => {
    const html = '<html><body><div><ul><li><a href="/a.html">通知</a><span>2026-11-20</span></li></ul></div></body></html>'
    expect(parseHtml(html).flattened).toBe(0)
    expect(parseHtml(html).$('li span').text()).toBe('2026-11-20')
  })
})

describe('unclosed headings', () => {
  it('an unclosed <h1> that swallows the page is not taken as a heading, so rules do not match page-long "names"', () => {
    const html = `<html><head><title>通知</title></head><body>${'<h1>'.repeat(50)}${'政府信息公开 '.repeat(20000)}</body></html>`
    const model = buildPageModel(html, { url: 'https://www.example.gov.cn/a.html', asOf: '2026-11-27' })
    expect(model.headings.every((h) => h.text.length <= 300)).toBe(true)
    expect(model.mainText.length).toBeGreaterThan(100_000)
  })
})
