// Which page is a policy document (规范性文件 / 政策文件) and which is a 解读, by the pack's keywords, shared by the
// policy-interpretation and document-validity kinds so the two agree on what a 规范性文件 page is.
import type { ContentLink, Localized, Locator, PageModel } from '../types.ts'
import { compact } from '../text.ts'
import { findField, isBlankValue } from './fields.ts'
import { compilePatterns, execBounded } from './patterns.ts'

export interface PolicyScopeParams {
  /** Column / breadcrumb names that make a page a 规范性文件 by where it is published. */
  normativeColumnKeywords: readonly string[]
  /** Title words of rules and policies (办法, 规定, 实施意见 …) that, with a 发文字号, make a page a policy document. */
  policyTitleKeywords: readonly string[]
  docNumberLabels: readonly string[]
  /** A 发文字号 printed in the title or the head of the text when the page has no box. */
  docNumberPatterns: readonly string[]
}

/** Page kinds a document can be published as; lists and portals only link to documents. */
export function isDocumentPage(page: PageModel): boolean {
  return page.kind === 'article' || page.kind === 'other'
}

/** Where the page says it sits: meta ColumnName, the column and every breadcrumb step, compacted. */
export function placeText(page: PageModel): string {
  return [page.meta['ColumnName'], page.meta['ColumnType'], page.columnName, ...page.breadcrumb].filter(Boolean).map((s) => compact(s as string)).join('>')
}

export interface DocNumber {
  value: string
  locator: Locator | null
}

/** The 发文字号: the box's field first, else a number printed in the title or the first lines of the text. */
export function docNumberOf(page: PageModel, p: PolicyScopeParams): DocNumber | null {
  const field = findField(page, p.docNumberLabels, 'docNumber')
  if (field && !isBlankValue(field.value)) return { value: field.value.trim(), locator: field.locator }
  for (const re of compilePatterns(p.docNumberPatterns)) {
    const hit = execBounded(re, page.title) ?? execBounded(re, page.mainText.slice(0, 400))
    if (hit) return { value: hit.match[0], locator: null }
  }
  return null
}

export interface PolicyScope {
  normative: boolean
  /** Why it counts, for the evidence: 栏目“规范性文件” or 文号 X + 标题含“办法”. */
  why: Localized
  docNumber: DocNumber | null
}

export function policyScope(page: PageModel, p: PolicyScopeParams): PolicyScope {
  const docNumber = isDocumentPage(page) ? docNumberOf(page, p) : null
  const none = { zh: '', en: '' }
  if (!isDocumentPage(page)) return { normative: false, why: none, docNumber }
  const place = placeText(page)
  const column = p.normativeColumnKeywords.find((k) => place.includes(compact(k)))
  if (column) return { normative: true, why: { zh: `栏目“${column}”`, en: `column “${column}”` }, docNumber }
  const title = compact(page.title)
  const word = p.policyTitleKeywords.find((k) => title.includes(compact(k)))
  if (docNumber && word) {
    return { normative: true, why: { zh: `文号 ${docNumber.value}，标题含“${word}”`, en: `number ${docNumber.value}, “${word}” in the title` }, docNumber }
  }
  return { normative: false, why: none, docNumber }
}

/** Names in 《》 (document titles), compacted, from a text. */
export function bookTitles(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/《([^《》]{2,80})》/g)) out.push(compact(m[1]))
  return out
}

/** A link whose text names one of `names` (either way round, as titles are cut and decorated on pages). */
export function linkNaming(links: readonly ContentLink[], names: readonly string[]): ContentLink | null {
  if (!names.length) return null
  for (const l of links) {
    const t = compact(l.text).replace(/[《》]/g, '')
    if (t.length < 4) continue
    if (names.some((n) => n.length >= 4 && (t.includes(n) || n.includes(t)))) return l
  }
  return null
}
