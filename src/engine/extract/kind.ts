// Page kind from the extracted model. Order matters: a 年度报告 or 公开指南 is usually published as an article,
// so the specific kinds are tried before the generic article/list/portal shapes.
import type { PageKind, PageModel } from '../types.ts'
import { compact } from '../text.ts'

type KindInput = Omit<PageModel, 'kind'>

/** Part titles of the 年度报告 formats (2008 seven parts, 2019 trial and 2021 six parts share these words). */
const REPORT_PARTS = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请', '行政复议', '存在的主要问题', '其他需要报告的事项']
const MIN_REPORT_PARTS = 3
const MIN_ARTICLE_TEXT = 200
const MIN_LIST_ENTRIES = 5
const MIN_DIRECTORY_LINKS = 3


function topHeadings(model: KindInput): string[] {
  return model.headings.filter((h) => h.level <= 2).slice(0, 3).map((h) => compact(h.text))
}

function datedColumns(model: KindInput) {
  return model.columns.filter((c) => c.entries.some((e) => e.date !== null))
}

function looksLikeListPage(model: KindInput): boolean {
  const dated = datedColumns(model)
  if (dated.length !== 1) return false
  return dated[0].via === 'page' || (dated[0].entries.length >= MIN_LIST_ENTRIES && !model.metadata && !model.visibleDate)
}

function isAnnualReport(model: KindInput): boolean {
  const title = compact(model.title)
  const named = /年度报告|年报/.test(title) || topHeadings(model).some((h) => /年度报告/.test(h))
  if (!named || looksLikeListPage(model)) return false
  const text = compact(model.mainText)
  return REPORT_PARTS.filter((p) => text.includes(p)).length >= MIN_REPORT_PARTS
}

function isGuide(model: KindInput): boolean {
  const named = /公开指南/.test(compact(model.title)) || topHeadings(model).some((h) => /公开指南/.test(h))
  if (!named || looksLikeListPage(model) || datedColumns(model).length > 1) return false
  return /依申请|主动公开|申请/.test(model.mainText)
}

function isArticle(model: KindInput): boolean {
  if (model.metadata && Object.keys(model.metadata.fields).length > 0) return true
  return model.visibleDate !== null && model.mainText.length >= MIN_ARTICLE_TEXT
}

export function classifyKind(model: KindInput): PageKind {
  if (isAnnualReport(model)) return 'annual-report'
  if (isGuide(model)) return 'guide'
  const dated = datedColumns(model)
  if (looksLikeListPage(model)) return 'list'
  if (isArticle(model)) return 'article'
  if (dated.length >= 2) return 'portal'
  if (dated.length === 1) return 'list'
  if (model.navigation.length >= MIN_DIRECTORY_LINKS) return 'directory'
  // A document with neither metadata nor a printed date (公报 texts) is still an article if it has a body.
  if (model.mainText.length >= MIN_ARTICLE_TEXT && model.title) return 'article'
  return 'other'
}
