// 空白栏目 (国办秘函〔2019〕19号 单项否决·栏目不更新 第3项): a column that exists but has no content. The veto limit
// (the site rule's, ≥ 5 blank columns) counts across the whole site, so a page reports its own blank columns and their
// count.
import type { Column, Finding, PageModel, RuleContext } from '../../types.ts'
import type { Params } from './params.ts'

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  if (page.columns.length === 0) return []
  const limit = ctx.siteLimits?.blank ?? null
  // A list with no items and no placeholder is often filled by script after load (saved pages, CLI); a pack for
  // raw HTML can ask for "review" instead of "fail" there. A printed 暂无信息 is always a blank column.
  const emptyListStatus = params.emptyListStatus
  const blank = page.columns.filter((c) => c.emptyMarker || c.entries.length === 0)
  const expected = {
    zh: `栏目应有内容（"有栏目无内容"即空白栏目）${limit ? `；全站空白栏目 ≥ ${limit} 个即单项否决` : ''}`,
    en: `A column must have content${limit ? `; ${limit} or more blank columns across the site is a veto` : ''}`,
  }
  const count = { zh: `本页空白栏目 ${blank.length} 个（共 ${page.columns.length} 个栏目）`, en: `${blank.length} blank of ${page.columns.length} columns on this page` }
  if (blank.length === 0) {
    return [
      ctx.finding({
        status: 'pass',
        section: '本页栏目',
        data: { blankColumns: 0, columns: page.columns.length, vetoLimit: limit },
        message: { zh: '本页栏目均有内容', en: 'Every column on this page has content' },
        evidence: count,
        expected,
        locator: null,
      }),
    ]
  }
  return blank.map((c: Column): Finding => {
    const name = c.name || '（未命名栏目）'
    const what = c.emptyMarker
      ? { zh: `「${name}」显示"暂无信息"类占位`, en: `"${name}" shows a "no information" placeholder` }
      : { zh: `「${name}」没有任何条目`, en: `"${name}" lists no entries` }
    return ctx.finding({
      status: c.emptyMarker ? 'fail' : emptyListStatus,
      section: name,
      key: `column:${name}`,
      data: { column: name, placeholder: c.emptyMarker, blankColumns: blank.length, columns: page.columns.length, vetoLimit: limit },
      message: { zh: `「${name}」为空白栏目`, en: `"${name}" is a blank column` },
      evidence: { zh: `${what.zh}；${count.zh}`, en: `${what.en}; ${count.en}` },
      expected,
      locator: c.locator,
    })
  })
}
