// 读取上限: a page that passed one of the engine's caps (src/engine/limits.ts) was judged on the part that was read.
// One finding says what was cut, so no verdict on that page looks complete when its evidence was not.
import { MAX_ATTRIBUTE_CHARS, MAX_ENTRIES_PER_COLUMN, MAX_MAIN_TEXT_CHARS } from '../../limits.ts'
import type { Finding, PageModel, RuleContext } from '../../types.ts'
import { describeCuts } from './messages.ts'
import type { Params } from './params.ts'

const SECTION = '读取上限'

export function evaluate(page: PageModel, _params: Params, ctx: RuleContext): Finding[] {
  const cuts = page.cuts ?? []
  const limits = { entriesPerColumn: MAX_ENTRIES_PER_COLUMN, mainTextChars: MAX_MAIN_TEXT_CHARS, attributeChars: MAX_ATTRIBUTE_CHARS }
  const expected = {
    zh: `页面在读取上限内完整读取（每栏目 ${MAX_ENTRIES_PER_COLUMN} 条、正文 ${MAX_MAIN_TEXT_CHARS} 字、属性值 ${MAX_ATTRIBUTE_CHARS} 字符）；超出部分须人工核查`,
    en: `the page is read in full within the limits (${MAX_ENTRIES_PER_COLUMN} entries per column, ${MAX_MAIN_TEXT_CHARS} characters of text, ${MAX_ATTRIBUTE_CHARS} per attribute); anything beyond is checked by hand`,
  }
  if (cuts.length === 0) {
    return [
      ctx.finding({
        status: 'pass',
        section: SECTION,
        key: 'limits',
        message: { zh: '页面已完整读取，未超出读取上限', en: 'The page was read in full, within the reading limits' },
        evidence: { zh: '栏目条目、正文和属性值均未超出上限', en: 'no column, text or attribute passed a limit' },
        expected,
        locator: null,
        data: { ...limits, cut: false },
      }),
    ]
  }
  const parts = describeCuts(cuts)
  const entries = cuts.flatMap((c) => (c.what === 'entries' ? [c] : []))
  const text = cuts.find((c) => c.what === 'text')
  const attributes = cuts.find((c) => c.what === 'attributes')
  return [
    ctx.finding({
      status: 'review',
      section: SECTION,
      key: 'limits',
      message: { zh: '页面超出读取上限，部分内容未检查，结论仅基于已读取部分', en: 'The page passed a reading limit: part of it was not checked, and the results rest on the part that was read' },
      evidence: { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') },
      expected,
      locator: null,
      data: {
        ...limits,
        cut: true,
        columnsCut: entries.map((c) => c.column),
        columnRows: entries.map((c) => c.rows),
        textChars: text?.what === 'text' ? text.chars : null,
        attributesCut: attributes?.what === 'attributes' ? attributes.count : 0,
      },
    }),
  ]
}
