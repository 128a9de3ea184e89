// Default keyword tables shared by extraction and rules. Exported as data so a rule pack can override them
// through its params without touching code.
import type { FreshnessClass, Lang, PageKind } from './types.ts'

/**
 * Column-name keywords per freshness class (国办秘函〔2019〕19号 栏目不更新; 15号文 for 人事/规划 one year).
 * Checked in FRESHNESS_ORDER: 规划动态 is a news column, 人事任免通知 a personnel one.
 */
export const FRESHNESS_KEYWORDS: Readonly<Record<Exclude<FreshnessClass, 'other'>, readonly string[]>> = {
  'long-term': ['人事', '任免', '任职', '干部', '规划', '计划', '中长期'],
  news: ['动态', '要闻', '新闻', '资讯', '快讯', '简讯', '头条', '热点', '工作动态', '政务动态', '图片新闻'],
  notice: ['通知', '公告', '公示', '通告', '政策', '文件', '法规', '规章', '解读', '决定', '办法', '意见', '批复'],
}

export const FRESHNESS_ORDER: readonly Exclude<FreshnessClass, 'other'>[] = ['news', 'long-term', 'notice']

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

function compact(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, '')
}

/** Freshness class of a column from its name. */
export function classifyFreshness(
  name: string,
  keywords: Readonly<Record<Exclude<FreshnessClass, 'other'>, readonly string[]>> = FRESHNESS_KEYWORDS,
): FreshnessClass {
  const text = compact(name)
  if (!text) return 'other'
  for (const cls of FRESHNESS_ORDER) {
    if ((keywords[cls] ?? []).some((k) => text.includes(k))) return cls
  }
  return 'other'
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
