// 条例 第二十条: the 法定主动公开内容 page should offer a place for each of the 15 statutory categories. Not every
// category applies to every body (a 管委会 issues no 规章), so a gap is a warning unless the pack raises it.
import type { Evaluator, Finding } from '../types.ts'
import { compilePatterns, itemStrList, num, objList, strList, type Params } from './params.ts'
import { compact, ownNames, placesOf, type NamedPlace } from './disclosure-subcolumns.ts'

interface Category {
  name: string
  strong: RegExp[]
  weak: RegExp[]
}

// `weak` names often hold the category but may not (权责清单 is not 许可结果; 人事信息 may or may not carry 招考);
// they lead to "review", never to "pass". 人事任免 is deliberately absent from item 14: appointments are not 招考.
export const DEFAULT_CATEGORIES: readonly { name: string; patterns: string[]; weak: string[] }[] = [
  { name: '法规、规章和规范性文件', patterns: ['规范性文件', '政策文件', '行政法规', '规章', '政府文件', '法规文件', '政策法规'], weak: ['文件'] },
  { name: '机关职能与机构信息', patterns: ['机关职能', '机构职能', '机构设置', '机构概况', '组织机构', '政府机构', '领导信息', '领导之窗', '负责人信息'], weak: ['机构'] },
  { name: '规划计划', patterns: ['规划计划', '发展规划', '专项规划', '区域规划', '规划信息', '规划'], weak: ['计划'] },
  { name: '统计信息', patterns: ['统计信息', '统计数据', '统计公报', '统计'], weak: ['数据发布'] },
  { name: '行政许可与对外管理服务', patterns: ['行政许可', '行政审批', '许可', '审批'], weak: ['权责清单', '办事服务', '政务服务'] },
  { name: '行政处罚与行政强制', patterns: ['行政处罚', '行政强制', '行政执法', '执法'], weak: ['双随机'] },
  { name: '财政预算决算', patterns: ['财政预决算', '财政预算', '财政决算', '预决算', '预算', '决算'], weak: ['财政资金', '财政'] },
  { name: '行政事业性收费', patterns: ['行政事业性收费', '收费项目', '收费目录'], weak: ['收费'] },
  { name: '政府集中采购', patterns: ['政府采购', '集中采购', '采购'], weak: [] },
  { name: '重大建设项目', patterns: ['重大建设项目', '重大项目', '重点项目', '建设项目'], weak: ['项目'] },
  { name: '扶贫、教育、医疗、社会保障、促进就业', patterns: ['扶贫', '脱贫', '乡村振兴', '教育', '医疗', '社会保障', '社保', '就业', '社会救助'], weak: ['民生'] },
  { name: '突发公共事件应急', patterns: ['应急管理', '突发公共事件', '应急预案', '预警信息', '应急'], weak: [] },
  { name: '环保、卫生、安全生产、食药、质量监督检查', patterns: ['环境保护', '生态环境', '环保', '公共卫生', '安全生产', '食品药品', '产品质量', '监督检查'], weak: ['监管'] },
  { name: '公务员招考', patterns: ['公务员招考', '公务员招录', '公务员考录', '招考', '招录', '考录'], weak: ['人事信息', '招聘'] },
  { name: '其他法定主动公开信息', patterns: ['其他'], weak: [] },
]

function categories(params: Params): Category[] {
  const defs = objList(
    params,
    'categories',
    (item) => (typeof item.name === 'string' ? { name: item.name, patterns: itemStrList(item, 'patterns'), weak: itemStrList(item, 'weak') } : null),
    DEFAULT_CATEGORIES,
  )
  return defs.map((d) => ({ name: d.name, strong: compilePatterns(d.patterns.length ? d.patterns : [d.name]), weak: compilePatterns(d.weak) }))
}

export const statutoryCategories: Evaluator = (page, params, ctx) => {
  if (strList(params, 'excludeKinds', ['article', 'guide', 'annual-report']).includes(page.kind)) return []
  const pagePatterns = compilePatterns(strList(params, 'pagePatterns', ['法定主动公开', '主动公开']))
  // The page itself must be the 法定主动公开内容 column; an article filed under it is not.
  if (!ownNames(page).some((n) => pagePatterns.some((re) => re.test(n)))) return []
  const own = new Set(ownNames(page))
  const crumbs = new Set(page.breadcrumb.map(compact))
  // The page's own title and breadcrumb name the parent, not a sub-column. (其他主动公开信息 is a sub-column, so the
  // page patterns themselves are not used to filter.)
  const places = placesOf(page).filter((p) => !own.has(p.name) && !crumbs.has(p.name))
  const cats = categories(params)
  const minMatched = num(params, 'minMatchedForVerdict', 3)
  const results = cats.map((cat) => {
    const strong = places.find((p) => cat.strong.some((re) => re.test(p.name)))
    const weak = strong ? undefined : places.find((p) => cat.weak.some((re) => re.test(p.name)))
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
