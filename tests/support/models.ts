// Hand-built page models for the rule and scan tests: one place that knows every PageModel field.
import type { Column, Entry, FreshnessClass, Locator, PageModel } from '../../src/engine/types.ts'

export const loc = (css = 'html > body', text = ''): Locator => ({ css, text })

let serial = 0
export function dated(iso: string | null, title = '条目'): Entry {
  serial++
  return { title, href: `/a/${serial}.html`, date: iso ? { iso, raw: iso } : null, locator: loc(`li:nth-of-type(${serial})`, title) }
}

export function columnOf(name: string, dates: (string | null)[], freshnessClass: FreshnessClass = 'other', extra: Partial<Column> = {}): Column {
  return { name, href: null, locator: loc(`div.col-${name}`, name), entries: dates.map((d) => dated(d)), emptyMarker: false, freshnessClass, via: 'page', ...extra }
}

export function pageModel(extra: Partial<PageModel> = {}): PageModel {
  return {
    url: 'https://www.example.gov.cn/zwgk/index.html',
    title: '',
    kind: 'list',
    breadcrumb: [],
    columnName: null,
    meta: {},
    columns: [],
    navigation: [],
    metadata: null,
    visibleDate: null,
    footer: null,
    headings: [],
    mainText: '',
    reportYear: null,
    notes: [],
    ...extra,
  }
}
