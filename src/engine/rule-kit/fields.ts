// Reading metadata-box values through a pack's own label lists, shared by the page-format rules.
import { parseDate } from '../dates.ts'
import type { Locator, MetadataKey, PageModel, ParsedDate } from '../types.ts'

export interface FoundField {
  label: string
  value: string
  locator: Locator
}

/** Labels are compared without spaces, colons and 【】: boxes print `索 引 号：`, `【发布机构】` and `发布日期:` alike. */
export function normLabel(label: string): string {
  return label.replace(/[\s\u00a0\u2000-\u200b\u3000\ufeff:：【】[\]]/g, '')
}

/**
 * First box field whose label is one of `labels` (page order, so a box listing both 发文日期 and 成文日期 yields the
 * first). The canonical `fields` are only consulted through the same label list, so a pack that drops a synonym
 * really drops it.
 */
export function findField(page: PageModel, labels: readonly string[], key?: MetadataKey): FoundField | null {
  const box = page.metadata
  if (!box) return null
  const wanted = new Set(labels.map(normLabel))
  for (const raw of box.raw) {
    if (wanted.has(normLabel(raw.label))) return { label: normLabel(raw.label), value: raw.value, locator: raw.locator }
  }
  const field = key ? box.fields[key] : undefined
  if (field && wanted.has(normLabel(field.label))) return { label: normLabel(field.label), value: field.value, locator: field.locator }
  return null
}

/**
 * A value counts as empty when nothing readable is left: blank, dashes, or an unrendered template binding such as
 * `{{data.docSource}}` (the box was meant to be filled by script and the capture happened before or without it).
 */
export function isBlankValue(value: string): boolean {
  const v = value.replace(/\{\{[^}]*\}\}/g, '').replace(/[\s\u00a0\u3000\-—–_/]/g, '')
  return v === ''
}

export function hasBox(page: PageModel): boolean {
  const box = page.metadata
  return !!box && (box.raw.length > 0 || Object.keys(box.fields).length > 0)
}

export interface DateField {
  label: string
  value: string
  locator: Locator | null
  date: ParsedDate | null
  /**
   * False for a bare date the extractor found near the title with no 发布/日期 label: on real pages that is often the
   * document's own 落款 (a statistics bulletin prints 江西省统计局 2023年3月28日 under its title), so rules only
   * draw soft conclusions from it.
   */
  labelled: boolean
}

/** A date field read from the box; `date` is null when the label is there but no date can be read from it. */
export function findDateField(page: PageModel, labels: readonly string[], key: MetadataKey): DateField | null {
  const f = findField(page, labels, key)
  if (!f || isBlankValue(f.value)) return null
  return { label: f.label, value: f.value.trim(), locator: f.locator, date: parseDate(f.value), labelled: true }
}

/** The publication date: the box's own field first, else the date printed on the page. */
export function publishDateOf(page: PageModel, labels: readonly string[]): DateField | null {
  const boxed = findDateField(page, labels, 'publishDate')
  if (boxed) return boxed
  const visible = page.visibleDate
  if (!visible) return null
  const labelled = !!visible.locator && DATE_LABEL.test(visible.locator.text.split(visible.raw)[0] ?? '')
  return { label: labelled ? '发布日期' : '页面显示日期', value: visible.raw, locator: visible.locator, date: visible, labelled }
}

const DATE_LABEL = /发布|发表|更新|时间|日期/

/** Box values can be whole paragraphs when a label is matched inside body text; evidence shows a readable head. */
export function clip(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max)}…` : value
}

export function matchesAny(text: string, keywords: readonly string[]): boolean {
  return keywords.some((k) => text.includes(k))
}
