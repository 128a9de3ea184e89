// 国办公开办函〔2019〕61号 统一规范: the 政府信息公开 column has four fixed first-level sub-columns (指南、制度、
// 法定主动公开内容、年报). Extras (依申请公开, 部门目录 …) are allowed, so only absence is reported.
import type { Finding, PageKind, PageModel, RuleContext } from '../../types.ts'
import type { Params } from './params.ts'
import { compact, ownNames, placesOf, type NamedPlace } from '../../rule-kit/places.ts'
import { compilePatterns, testBounded } from '../../rule-kit/patterns.ts'

interface SubColumn {
  name: string
  patterns: RegExp[]
}

function subColumns(params: Params): SubColumn[] {
  return params.subcolumns.map((d) => ({ name: d.name, patterns: compilePatterns(d.patterns) }))
}

function applies(page: PageModel, params: Params, found: number): boolean {
  if ((params.excludeKinds as string[]).includes(page.kind)) return false
  const section = compilePatterns(params.sectionPatterns)
  const home = compilePatterns(params.sectionHomePatterns)
  // The page IS the 专栏 home.
  if (ownNames(page).some((n) => home.some((re) => testBounded(re, n)))) return true
  const overviewKinds = params.pageKinds as PageKind[]
  if (overviewKinds.includes(page.kind)) {
    // The breadcrumb names the section every page inside it belongs to; only the page's own names and blocks say
    // that this page is the section's overview.
    const names = [...ownNames(page), ...page.columns.map((c) => compact(c.name)), ...page.headings.map((h) => compact(h.text))]
    if (names.some((n) => section.some((re) => testBounded(re, n)))) return true
  }
  // A list page inside the 专栏 whose side navigation repeats the sub-columns: judge that navigation as a whole.
  // One match alone is just a link and says nothing about the 专栏.
  return page.kind === 'list' && found >= 2
}

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  const places = placesOf(page)
  const subs = subColumns(params)
  const hits = subs.map((s) => ({ sub: s, place: places.find((p) => s.patterns.some((re) => testBounded(re, p.name))) ?? null }))
  if (!applies(page, params, hits.filter((h) => h.place).length)) return []
  const expected = {
    zh: '政府信息公开专栏应设政府信息公开指南、政府信息公开制度、法定主动公开内容、政府信息公开年报 4 个一级栏目',
    en: 'The disclosure column must have the four first-level sub-columns: guide, rules, statutory proactive disclosure, annual reports',
  }
  const found = hits.filter((h) => h.place).length
  // The 专栏 home shows next to nothing to navigate by: its sub-column tree is drawn by script (or sits in a frame),
  // so "missing" would accuse the site of what this HTML cannot show.
  const structureSeen = found > 0 || places.length >= params.minPlacesForVerdict
  return hits.map(({ sub, place }): Finding => {
    if (!structureSeen) {
      return ctx.finding({
        status: 'review',
        section: sub.name,
        key: `subcolumn:${sub.name}`,
        message: {
          zh: `未能识别专栏的子栏目导航（可能由脚本生成），无法确认是否设有「${sub.name}」，请在浏览器中核对`,
          en: `The column's sub-column navigation could not be read (possibly drawn by script); check "${sub.name}" in the browser`,
        },
        evidence: { zh: `本页仅识别到 ${places.length} 个导航项、栏目或标题`, en: `only ${places.length} navigation items, columns or headings found on the page` },
        expected,
        locator: null,
        data: { places: places.length, found },
      })
    }
    if (place) {
      return ctx.finding({
        status: 'pass',
        section: sub.name,
        key: `subcolumn:${sub.name}`,
        message: { zh: `已设「${sub.name}」栏目`, en: `Sub-column "${sub.name}" is present` },
        evidence: { zh: `找到「${place.name}」（${VIA_ZH[place.via]}）`, en: `found "${place.name}" (${place.via})` },
        expected,
        locator: place.locator,
      })
    }
    return ctx.finding({
      status: 'fail',
      section: sub.name,
      key: `subcolumn:${sub.name}`,
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
