// Lists whose rows label their values: a 留言 table (标题 | 留言时间 | 状态 | 答复时间) or a list whose items print
// `留言时间：… 状态：…`. The extractor only keeps labels and values as printed; which labels matter is the pack's
// business (interaction-response reads 留言时间 / 答复时间 / 状态 through its own label lists).
import type { CheerioAPI } from 'cheerio/slim'
import type { Element } from 'domhandler'
import { findDates } from '../../dates.ts'
import { collapseSpace, locatorOf } from '../../locator.ts'
import type { ExtractContext, ListRecord, RecordField, RecordList } from '../../types.ts'
import { allElements } from '../dom.ts'
import { rowLocators } from '../columns/entries.ts'
import { NON_CONTENT, elementChildren, isHiddenTemplate, linkText, resolveHref, rowText, textOf } from '../columns/shapes.ts'
import { isChrome } from '../structure/text.ts'

/** Bounds: a 10,000-row 留言 list is read in one pass, and no page makes the model grow without end. */
export const MAX_RECORDS = 5000
const MAX_VALUE = 200
const MAX_LABEL = 12
const MAX_LISTS = 50
const SAMPLE = 10
const ROW_TAGS = new Set(['li', 'div', 'dl', 'p', 'tr'])
const PAIR = /^\s*([^\s：:\d][^：:]{0,11}?)\s*[：:]\s*(.*)$/

function clean(text: string): string {
  const t = collapseSpace(text)
  return t.length > MAX_VALUE ? t.slice(0, MAX_VALUE) : t
}

export function normRecordLabel(label: string): string {
  return label.replace(/[\s\u00a0\u3000:：【】[\]]/g, '')
}

function cellsOf(row: Element): Element[] {
  if (row.name === 'tr') return elementChildren(row).filter((c) => c.name === 'td' || c.name === 'th')
  return elementChildren(row)
}

/** A header row: at least two short, date-free, link-free labels. */
function headerLabels(row: Element): string[] | null {
  const cells = cellsOf(row)
  if (cells.length < 2) return null
  const labels: string[] = []
  for (const c of cells) {
    if (c.name === 'a' || hasLink(c)) return null
    const t = normRecordLabel(collapseSpace(textOf(c)))
    if (t.length > MAX_LABEL || findDates(t).length) return null
    labels.push(t)
  }
  return labels.filter(Boolean).length >= 2 ? labels : null
}

function hasLink(el: Element): boolean {
  for (const c of el.children) if (c.type === 'tag' && ((c as Element).name === 'a' || hasLink(c as Element))) return true
  return false
}

function titleOf(row: Element, base: string | null): { title: string; href: string | null } {
  let best: Element | null = null
  let bestText = ''
  const walk = (el: Element): void => {
    for (const c of el.children) {
      if (c.type !== 'tag') continue
      const e = c as Element
      if (e.name === 'a') {
        const t = collapseSpace(e.attribs.title ?? '') || linkText(e)
        if (t.length > bestText.length) {
          best = e
          bestText = t
        }
      } else walk(e)
    }
  }
  walk(row)
  const a = best as Element | null
  return { title: bestText, href: a ? resolveHref(a.attribs.href, base) : null }
}

function rowsOf(container: Element): Element[] {
  if (container.name === 'table') {
    const rows: Element[] = []
    for (const c of elementChildren(container)) {
      if (c.name === 'tr') rows.push(c)
      else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') rows.push(...elementChildren(c).filter((r) => r.name === 'tr'))
    }
    return rows
  }
  return elementChildren(container).filter((r) => ROW_TAGS.has(r.name) && !isHiddenTemplate(r))
}

/** Element children share one tag and class: the repeated rows of a list. */
function isRepeated(container: Element): boolean {
  if (container.name === 'ul' || container.name === 'ol' || container.name === 'table') return true
  if (container.children.length < 3) return false
  const kids = elementChildren(container)
  if (kids.length < 3 || !ROW_TAGS.has(kids[0].name)) return false
  const tag = kids[0].name
  const cls = kids[kids.length - 1].attribs.class ?? ''
  return kids.slice(1).every((k) => k.name === tag && (k.attribs.class ?? '') === cls)
}

function fromHeader(rows: Element[], start: number, labels: string[], base: string | null): { rows: Element[]; records: Omit<ListRecord, 'locator'>[] } {
  const kept: Element[] = []
  const records: Omit<ListRecord, 'locator'>[] = []
  for (let i = start; i < rows.length; i++) {
    const cells = cellsOf(rows[i])
    if (cells.length < 2) continue
    const fields: RecordField[] = []
    cells.forEach((c, j) => {
      if (j < labels.length && labels[j]) fields.push({ label: labels[j], value: clean(textOf(c)) })
    })
    const { title, href } = titleOf(rows[i], base)
    kept.push(rows[i])
    records.push({ title, href, fields })
  }
  return { rows: kept, records }
}

/** Text runs of a row split at every element boundary: a title link, a label span and its value stay apart. */
function segmentsOf(row: Element): string[] {
  const out: string[] = []
  let cur = ''
  const flush = (): void => {
    const t = collapseSpace(cur)
    if (t) out.push(t)
    cur = ''
  }
  const walk = (el: Element): void => {
    for (const c of el.children) {
      if (c.type === 'text') cur += (c as unknown as { data: string }).data
      else if (c.type === 'tag' && !NON_CONTENT.has((c as Element).name)) {
        flush()
        walk(c as Element)
        flush()
      }
    }
  }
  walk(row)
  flush()
  return out
}

function fromPairs(rows: Element[], base: string | null): { rows: Element[]; records: Omit<ListRecord, 'locator'>[] } {
  const kept: Element[] = []
  const records: Omit<ListRecord, 'locator'>[] = []
  for (let n = 0; n < rows.length; n++) {
    // A list of plain title-and-date rows (most lists) shows it in its first rows: stop before walking 20,000 of them.
    if (n === SAMPLE && kept.length * 2 < SAMPLE) return { rows: [], records: [] }
    const row = rows[n]
    const fields: RecordField[] = []
    const segs = segmentsOf(row)
    for (let i = 0; i < segs.length; i++) {
      // <b>留言时间</b>：2026-01-05: the label is the segment before the colon.
      if (i > 0 && /^[：:]/.test(segs[i]) && !PAIR.test(segs[i - 1]) && segs[i - 1].length <= MAX_LABEL) segs[i] = segs[i - 1] + segs[i]
      const m = PAIR.exec(segs[i])
      if (!m) continue
      // <span>留言时间：</span><span>2026-01-05</span>: the value is the next cell.
      const value = m[2] || (i + 1 < segs.length && !PAIR.test(segs[i + 1]) ? segs[++i] : '')
      fields.push({ label: normRecordLabel(m[1]), value: clean(value) })
    }
    if (!fields.length) continue
    const { title, href } = titleOf(row, base)
    kept.push(row)
    records.push({ title, href, fields })
  }
  // Pairs in fewer than half the rows are prose with colons, not a list of labelled records.
  return kept.length * 2 >= rows.length && kept.length > 0 ? { rows: kept, records } : { rows: [], records: [] }
}

export function extractRecordLists($: CheerioAPI, ctx: ExtractContext): RecordList[] {
  const out: RecordList[] = []
  const taken = new Set<Element>()
  let total = 0
  for (const el of allElements($)) {
    if (out.length >= MAX_LISTS || total >= MAX_RECORDS) break
    if (!isRepeated(el) || isChrome(el)) continue
    // A list inside a row already read (a <ul> in a table cell) would count its records twice.
    let inside = false
    for (let p = el.parent; p && p.type === 'tag' && !inside; p = p.parent) inside = taken.has(p as Element)
    if (inside) continue
    const rows = rowsOf(el)
    // One row is a header or a single record at most, not a list; portals hold thousands of one-entry blocks.
    if (rows.length < 2) continue
    let labels: string[] | null = null
    let start = 0
    for (let i = 0; i < Math.min(3, rows.length) && !labels; i++) {
      labels = headerLabels(rows[i])
      start = i + 1
    }
    const built = labels ? fromHeader(rows, start, labels, ctx.url) : fromPairs(rows, ctx.url)
    if (!built.records.length) continue
    const room = MAX_RECORDS - total
    const keptRows = built.rows.slice(0, room)
    const locs = rowLocators(keptRows, keptRows.map((r) => rowText(r)))
    const records: ListRecord[] = built.records.slice(0, room).map((r, i) => ({ ...r, locator: locs[i] }))
    total += records.length
    const seen = new Set<string>()
    const allLabels = labels ? labels.filter(Boolean) : records.flatMap((r) => r.fields.map((f) => f.label)).filter((l) => !seen.has(l) && !!seen.add(l))
    out.push({ labels: allLabels, records, locator: locatorOf($, el), via: labels ? 'header' : 'pairs' })
    taken.add(el)
    for (const r of keptRows) taken.add(r)
  }
  if (total >= MAX_RECORDS) ctx.notes.push(`record lists: kept the first ${MAX_RECORDS} records`)
  return out
}
