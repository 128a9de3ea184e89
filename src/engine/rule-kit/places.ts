// The places a page offers (sub-columns, headings, link lists) and the page's own names, as compact strings: the
// structure rules look sub-columns and categories up in them.
import type { Locator, PageModel } from '../types.ts'
import { compact } from '../text.ts'
export { compact }

export interface NamedPlace {
  name: string
  locator: Locator | null
  via: 'navigation' | 'column' | 'heading' | 'link-list'
}


/**
 * Names of the places a page offers: sub-column navigation, column headings, headings, and link lists without
 * dates (a 专栏 block of sub-column links is extracted as a column whose entries carry no dates). Entries of dated
 * lists are documents, not places, and are left out.
 */
export function placesOf(page: PageModel): NamedPlace[] {
  const out: NamedPlace[] = []
  for (const n of page.navigation) out.push({ name: compact(n.name), locator: n.locator, via: 'navigation' })
  for (const c of page.columns) {
    if (c.name) out.push({ name: compact(c.name), locator: c.locator, via: 'column' })
    if (c.entries.length > 0 && c.entries.every((e) => !e.date)) {
      for (const e of c.entries) out.push({ name: compact(e.title), locator: e.locator, via: 'link-list' })
    }
  }
  for (const h of page.headings) out.push({ name: compact(h.text), locator: h.locator, via: 'heading' })
  return out.filter((p) => p.name.length > 0)
}

/** The page's own name: ColumnName meta, the page's column, the last breadcrumb step, the title before its site suffix. */
export function ownNames(page: PageModel): string[] {
  const names = [page.meta['ColumnName'], page.columnName, page.breadcrumb[page.breadcrumb.length - 1], page.title.split(/[_|｜—–-]/)[0]]
  return names.filter((n): n is string => !!n && !!n.trim()).map(compact)
}
