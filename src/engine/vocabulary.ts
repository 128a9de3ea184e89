// Default keyword tables shared by extraction and rules. Exported as data so a rule pack can override them
// through its params without touching code.
import nationalJson from '../../rules/national.json' with { type: 'json' }
import type { FreshnessClass, Lang, PageKind } from './types.ts'
import { compact } from './text.ts'
import { classByName, type FreshnessClassDef } from './rule-kit/freshness.ts'


/**
 * Column-name keywords per freshness class, in priority order (规划动态 is a news column, 人事任免通知 a personnel
 * one). They are the national pack's column-freshness classes, read here so extraction can give every column a
 * class hint without a second copy of the list; rules and the scan classify again with the pack in effect.
 */
const NATIONAL_CLASSES: readonly FreshnessClassDef[] = (
  nationalJson.rules.find((r) => r.kind === 'column-freshness')!.params as unknown as { classes: FreshnessClassDef[] }
).classes

/**
 * Placeholders a CMS prints in an empty list: the column exists but has no content (空白栏目).
 * Compared after whitespace is removed.
 */
export const EMPTY_MARKERS: readonly string[] = [
  '暂无信息',
  '暂无数据',
  '暂无内容',
  '暂无记录',
  '暂无相关信息',
  '暂无相关内容',
  '暂无文章',
  '暂无',
  '没有信息',
  '没有数据',
  '没有记录',
  '没有相关信息',
  '无记录',
  '无信息',
  '无相关信息',
  '无数据',
  '正在建设中',
  '栏目建设中',
  '建设中',
  '敬请期待',
  '信息更新中',
  'Nodata',
  'Norecords',
]

/** Link-list headings that are navigation, never a dated column. */
export const NAVIGATION_NAMES: readonly string[] = [
  '友情链接',
  '网站地图',
  '相关链接',
  '相关',
  '关联',
  '推荐阅读',
  '分享',
  '链接',
  '走进',
  '快速通道',
  '便民服务',
  '热门服务',
  '联系我们',
  '网站导航',
  '导航',
]

/** Link texts that lead to the column's full list. */
export const MORE_LINK_TEXTS: readonly string[] = ['更多', 'more', 'More', 'MORE', '更多>>', '>>更多', '更多+']


/** Freshness class of a column from its name, by the national pack's keywords. */
export function classifyFreshness(name: string): FreshnessClass {
  return classByName(name, NATIONAL_CLASSES)?.class ?? 'other'
}

/** True when the text (whole, after removing whitespace and punctuation) is a "no content" placeholder. */
export function isEmptyMarker(text: string, markers: readonly string[] = EMPTY_MARKERS): boolean {
  const t = compact(text).replace(/[。！!.…~～\-—_*【】\[\]()（）]/g, '')
  if (!t || t.length > 20) return false
  return markers.some((m) => t === m || (t.startsWith(m) && t.length <= m.length + 6))
}

/** How each page kind is named to a reader. */
export const PAGE_KIND_LABELS: Record<Lang, Record<PageKind, string>> = {
  zh: {
    portal: '门户/专栏首页',
    list: '栏目列表页',
    article: '文章/文件页',
    guide: '公开指南',
    'annual-report': '年度报告',
    directory: '公开目录',
    other: '其他',
  },
  en: {
    portal: 'portal',
    list: 'column list',
    article: 'article',
    guide: 'disclosure guide',
    'annual-report': 'annual report',
    directory: 'directory',
    other: 'other',
  },
}
