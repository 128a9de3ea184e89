// The rows of a list: their title links, their dates (own cell, table date column or inline) and the rows of a table.
import type { Element } from 'domhandler'
import { findDates } from '../../dates.ts'
import { collapseSpace } from '../../locator.ts'
import type { ParsedDate } from '../../types.ts'
import { NESTED_LIST, NON_CONTENT, elementChildren, isMoreText, isTag, linkText, textOf } from './shapes.ts'

interface TitleLink {
  a: Element
  /** Visible link text, whitespace collapsed. */
  text: string
}

/** Links of a row that could be the entry's title link (not 更多, not icons); stops after `limit` + 1. */
export function titleLinks(row: Element, limit = Infinity): TitleLink[] {
  const out: TitleLink[] = []
  collectTitleLinks(row, limit, out)
  return out
}

function collectTitleLinks(n: Element, limit: number, out: TitleLink[]): void {
  for (const c of n.children) {
    if (out.length > limit) return
    if (!isTag(c)) continue
    if (c.name === 'a') {
      const text = linkText(c)
      const label = text || collapseSpace(c.attribs.title ?? '')
      if (label && !isMoreText(label)) out.push({ a: c, text })
    } else if (!NON_CONTENT.has(c.name)) collectTitleLinks(c, limit, out)
  }
}

export function containsNestedList(row: Element): boolean {
  for (const c of row.children) {
    if (!isTag(c)) continue
    if (NESTED_LIST.has(c.name) || containsNestedList(c)) return true
  }
  return false
}

export function entryTitle(a: Element, text: string): string {
  const title = collapseSpace(a.attribs.title ?? '')
  // CMS lists cut long titles ("…关于印发《平潭…") and keep the full one in the title attribute.
  if (title && title.length >= text.length && !/^点击|查看详情/.test(title)) return title
  return text || title
}

export function pickDate(row: Element, link: Element, extra: string, asOf: string, tableDateCol: number): ParsedDate | null {
  if (tableDateCol >= 0 && row.name === 'tr') {
    const cells = elementChildren(row).filter((c) => c.name === 'td' || c.name === 'th')
    const cell = cells[tableDateCol]
    if (cell) {
      const d = findDates(textOf(cell), { asOf })
      if (d.length) return d[d.length - 1]
    }
  }
  const dates = findDates(extra, { asOf })
  if (dates.length) return dates[dates.length - 1]
  // Some templates put the date inside the link (<a>标题<span>2026-01-05</span></a>): accept a date-only child.
  for (const c of link.children) {
    if (!isTag(c)) continue
    const t = collapseSpace(textOf(c))
    const d = findDates(t, { asOf })
    if (d.length === 1 && t.length <= d[0].raw.length + 4) return d[0]
  }
  return null
}

/** Index of the 发布日期-like header cell of a table, or -1. */
export function tableDateColumn(rows: Element[]): number {
  for (const row of rows.slice(0, 3)) {
    const cells = elementChildren(row).filter((c) => c.name === 'td' || c.name === 'th')
    const labels = cells.map((c) => collapseSpace(textOf(c)).replace(/\s/g, ''))
    const i = labels.findIndex((l) => /^(发布|公开|更新)(日期|时间)$/.test(l))
    if (i >= 0) return i
  }
  return -1
}
