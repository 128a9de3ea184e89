// 条例 第十二条第二款: a 政府信息公开指南 must state the 分类、编排体系、获取方式 and the 工作机构's 名称、办公地址、
// 办公时间、联系电话、传真号码、互联网联系方式. Each element is looked up in the guide's text and headings.
import type { Finding, Locator, PageModel, RuleContext } from '../../types.ts'
import type { Params } from './params.ts'
import { compilePatterns, execBounded, testBounded } from '../../rule-kit/patterns.ts'

interface Element {
  name: string
  strong: RegExp[]
  weak: RegExp[]
}

// Patterns run on the text with all whitespace removed (labels are often letter-spaced: 办 公 地 址). A "strong"
// match is a labelled value or the value itself; a "weak" one is a mention without a value (可通过传真提交), which a
// person must confirm.
function elements(params: Params): Element[] {
  return params.elements.map((d) => ({ name: d.name, strong: compilePatterns(d.patterns), weak: compilePatterns(d.weak) }))
}

const strip = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '')

interface Hit {
  snippet: string
  locator: Locator | null
}

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  if (!(params.pageKinds as string[]).includes(page.kind)) return []
  const text = strip(page.mainText)
  const headings = page.headings.map((h) => ({ text: strip(h.text), locator: h.locator }))
  const search = (patterns: RegExp[]): Hit | null => {
    for (const re of patterns) {
      const hit = execBounded(re, text)
      if (!hit) continue
      const { match: m, index } = hit
      // The text shows the value that follows the label (地址：上海市人民大道200号); a heading with the same words
      // gives a place to point at.
      const heading = headings.find((x) => testBounded(re, x.text))
      return { snippet: text.slice(Math.max(0, index - 6), index + m[0].length + 24), locator: heading?.locator ?? null }
    }
    for (const re of patterns) {
      const h = headings.find((x) => testBounded(re, x.text))
      if (h) return { snippet: h.text.slice(0, 40), locator: h.locator }
    }
    return null
  }
  const expected = {
    zh: '政府信息公开指南应包括政府信息的分类、编排体系、获取方式，政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等内容',
    en: 'The guide must give the classification, arrangement and ways of obtaining information, and the disclosure office\'s name, address, office hours, telephone, fax and internet contact',
  }
  return elements(params).map((el): Finding => {
    const strong = search(el.strong)
    const weak = strong ? null : search(el.weak)
    const hit = strong ?? weak
    if (hit) {
      return ctx.finding({
        status: strong ? 'pass' : 'review',
        section: el.name,
        key: `element:${el.name}`,
        message: strong
          ? { zh: `指南载明了「${el.name}」`, en: `The guide states "${el.name}"` }
          : { zh: `指南提到「${el.name}」但未见具体内容，需人工确认`, en: `The guide mentions "${el.name}" without a clear value; confirm by hand` },
        evidence: { zh: `…${hit.snippet}…`, en: `…${hit.snippet}…` },
        expected,
        locator: hit.locator,
      })
    }
    return ctx.finding({
      status: 'fail',
      section: el.name,
      key: `element:${el.name}`,
      message: { zh: `指南缺少「${el.name}」`, en: `The guide does not state "${el.name}"` },
      evidence: { zh: `指南正文（${text.length} 字）及标题中未找到「${el.name}」相关内容`, en: `nothing about "${el.name}" in the guide's text (${text.length} characters) or headings` },
      expected,
      locator: null,
    })
  })
}
