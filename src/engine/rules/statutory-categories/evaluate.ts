// 条例 第二十条: the 法定主动公开内容 page should offer a place for each of the 15 statutory categories. Not every
// category applies to every body (a 管委会 issues no 规章), so a gap is a warning unless the pack raises it.
import type { Finding, PageModel, RuleContext } from '../../types.ts'
import type { Params } from './params.ts'
import { compilePatterns, testBounded } from '../../rule-kit/patterns.ts'
import { compact, ownNames, placesOf, type NamedPlace } from '../../rule-kit/places.ts'

interface Category {
  name: string
  strong: RegExp[]
  weak: RegExp[]
}

function categories(params: Params): Category[] {
  return params.categories.map((d) => ({ name: d.name, strong: compilePatterns(d.patterns), weak: compilePatterns(d.weak) }))
}

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  if ((params.excludeKinds as string[]).includes(page.kind)) return []
  const pagePatterns = compilePatterns(params.pagePatterns)
  // The page itself must be the 法定主动公开内容 column; an article filed under it is not.
  if (!ownNames(page).some((n) => pagePatterns.some((re) => testBounded(re, n)))) return []
  const own = new Set(ownNames(page))
  const crumbs = new Set(page.breadcrumb.map(compact))
  // The page's own title and breadcrumb name the parent, not a sub-column. (其他主动公开信息 is a sub-column, so the
  // page patterns themselves are not used to filter.)
  const places = placesOf(page).filter((p) => !own.has(p.name) && !crumbs.has(p.name))
  const cats = categories(params)
  const minMatched = params.minMatchedForVerdict
  const results = cats.map((cat) => {
    const strong = places.find((p) => cat.strong.some((re) => testBounded(re, p.name)))
    const weak = strong ? undefined : places.find((p) => cat.weak.some((re) => testBounded(re, p.name)))
    return { cat, strong, weak }
  })
  const matched = results.filter((r) => r.strong || r.weak).length
  // Too few recognisable sub-columns means the structure was not seen (script-built tree, frames), not that the
  // categories are missing.
  const structureSeen = matched >= minMatched
  const expected = {
    zh: '法定主动公开内容应覆盖《条例》第二十条所列 15 类信息（不适用于本机关的类别可说明；县级以上人民政府缺项应作为错误处理）',
    en: 'Statutory proactive disclosure should cover the 15 categories of Art. 20 (categories that do not apply may be explained; for governments at county level and above a gap is an error)',
  }
  return results.map(({ cat, strong, weak }): Finding => {
    if (strong) return found(cat.name, strong, 'pass')
    if (weak) return found(cat.name, weak, 'review')
    return ctx.finding({
      status: structureSeen ? 'fail' : 'review',
      section: cat.name,
      key: `category:${cat.name}`,
      message: structureSeen
        ? { zh: `未设「${cat.name}」类信息栏目`, en: `No place for the category "${cat.name}"` }
        : { zh: `未能确认「${cat.name}」类信息栏目，需人工核实`, en: `Could not confirm a place for "${cat.name}"; check by hand` },
      evidence: {
        zh: `本页 ${places.length} 个子栏目/链接中未找到；本页共识别到 ${matched}/${cats.length} 类`,
        en: `not among the page's ${places.length} sub-columns/links; ${matched}/${cats.length} categories recognised on the page`,
      },
      expected,
      locator: null,
    })
  })

  function found(name: string, place: NamedPlace, status: 'pass' | 'review'): Finding {
    return ctx.finding({
      status,
      section: name,
      key: `category:${name}`,
      message:
        status === 'pass'
          ? { zh: `已设「${name}」类信息栏目`, en: `The category "${name}" has a place` }
          : { zh: `「${place.name}」可能对应「${name}」，需人工确认`, en: `"${place.name}" may hold "${name}"; confirm by hand` },
      evidence: { zh: `找到「${place.name}」`, en: `found "${place.name}"` },
      expected,
      locator: place.locator,
    })
  }
}
