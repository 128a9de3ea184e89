// 国办公开办函〔2019〕61号 统一规范: the 政府信息公开 column has four fixed first-level sub-columns (指南、制度、
// 法定主动公开内容、年报). Extras (依申请公开, 部门目录 …) are allowed, so only absence is reported.
import type { Evaluator, Finding, Locator, PageKind, PageModel } from '../types.ts'
import { compilePatterns, itemStrList, objList, strList, type Params } from './params.ts'

export interface NamedPlace {
  name: string
  locator: Locator | null
  via: 'navigation' | 'column' | 'heading' | 'link-list'
}

export const compact = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '')

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

interface SubColumn {
  name: string
  patterns: RegExp[]
}

// 指南 and 制度 alone would also match 办事指南 / 规章制度, so the defaults insist on 公开 or on the bare word.
export const DEFAULT_SUBCOLUMNS: readonly { name: string; patterns: string[] }[] = [
  { name: '政府信息公开指南', patterns: ['公开指南', '^指南$'] },
  { name: '政府信息公开制度', patterns: ['公开制度', '公开工作制度', '^制度$'] },
  { name: '法定主动公开内容', patterns: ['法定主动公开', '主动公开内容', '^主动公开$'] },
  { name: '政府信息公开年报', patterns: ['公开年报', '年度报告', '^年报$', '公开工作年报'] },
]

function subColumns(params: Params): SubColumn[] {
  const defs = objList(
    params,
    'subcolumns',
    (item) => (typeof item.name === 'string' ? { name: item.name, patterns: itemStrList(item, 'patterns') } : null),
    DEFAULT_SUBCOLUMNS,
  )
  return defs.map((d) => ({ name: d.name, patterns: compilePatterns(d.patterns.length ? d.patterns : [d.name]) }))
}

function applies(page: PageModel, params: Params, found: number): boolean {
  if (strList(params, 'excludeKinds', ['article', 'guide', 'annual-report']).includes(page.kind)) return false
  const section = compilePatterns(strList(params, 'sectionPatterns', ['信息公开', '政务公开']))
  const home = compilePatterns(strList(params, 'sectionHomePatterns', ['^(?:政府)?信息公开(?:专栏|平台)?$', '^政务公开(?:专栏)?$']))
  // The page IS the 专栏 home.
  if (ownNames(page).some((n) => home.some((re) => re.test(n)))) return true
  const overviewKinds = strList(params, 'pageKinds', ['portal', 'directory']) as PageKind[]
  if (overviewKinds.includes(page.kind)) {
    const names = [...ownNames(page), ...page.breadcrumb.map(compact), ...page.columns.map((c) => compact(c.name)), ...page.headings.map((h) => compact(h.text))]
    if (names.some((n) => section.some((re) => re.test(n)))) return true
  }
  // A list page inside the 专栏 whose side navigation repeats the sub-columns: judge that navigation as a whole.
  // One match alone is just a link and says nothing about the 专栏.
  return page.kind === 'list' && found >= 2
}

export const disclosureSubcolumns: Evaluator = (page, params, ctx) => {
  const places = placesOf(page)
  const subs = subColumns(params)
  const hits = subs.map((s) => ({ sub: s, place: places.find((p) => s.patterns.some((re) => re.test(p.name))) ?? null }))
  if (!applies(page, params, hits.filter((h) => h.place).length)) return []
  const expected = {
    zh: '政府信息公开专栏应设政府信息公开指南、政府信息公开制度、法定主动公开内容、政府信息公开年报 4 个一级栏目',
    en: 'The disclosure column must have the four first-level sub-columns: guide, rules, statutory proactive disclosure, annual reports',
  }
  return hits.map(({ sub, place }): Finding => {
    if (place) {
      return ctx.finding({
        status: 'pass',
        section: sub.name,
        message: { zh: `已设「${sub.name}」栏目`, en: `Sub-column "${sub.name}" is present` },
        evidence: { zh: `找到「${place.name}」（${VIA_ZH[place.via]}）`, en: `found "${place.name}" (${place.via})` },
        expected,
        locator: place.locator,
      })
    }
    return ctx.finding({
      status: 'fail',
      section: sub.name,
      message: { zh: `缺少「${sub.name}」栏目`, en: `Sub-column "${sub.name}" is missing` },
      evidence: {
        zh: `在本页导航、栏目和标题中（共 ${places.length} 项）未找到「${sub.name}」`,
        en: `not found among the page's ${places.length} navigation items, columns and headings`,
      },
      expected,
      locator: null,
    })
  })
}

const VIA_ZH: Record<NamedPlace['via'], string> = { navigation: '导航', column: '栏目', heading: '标题', 'link-list': '栏目链接' }
