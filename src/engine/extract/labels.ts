// Label normalisation and the default synonym table of the metadata box. The table is data so a rule pack can
// pass its own (a province may print 信息名称 where the national scheme says 名称).
import type { MetadataKey } from '../types.ts'

export type MetadataSynonyms = Readonly<Record<MetadataKey, readonly string[]>>

/**
 * Printed labels per canonical key (目录系统实施指引 core metadata + the variants CMS templates use).
 * 办文部门 / 责任部门 are deliberately absent: they name the drafting office, not the 发布机构, so they stay in
 * `raw` for a pack to decide.
 */
export const DEFAULT_METADATA_SYNONYMS: MetadataSynonyms = {
  indexNo: ['索引号', '信息索引号', '索取号'],
  publisher: ['发布机构', '发文机关', '发文机构', '发布单位', '发文单位'],
  docNumber: ['发文字号', '文号', '发布文号', '发文文号'],
  writtenDate: ['成文日期', '发文日期', '生成日期', '产生日期', '形成日期'],
  publishDate: ['发布日期', '发布时间', '公开日期'],
  topic: ['主题分类', '分类', '信息分类'],
  validity: ['有效性', '时效性', '效力状态'],
  title: ['名称', '标题', '信息名称', '文件名称', '公文名称'],
  summary: ['内容概述', '内容摘要', '摘要'],
  keywords: ['主题词', '关键词', '关键字'],
}

// NBSP, en/em spaces, ideographic space, zero-width characters: all show up inside printed labels.
const ANY_SPACE = /[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g

/** `索 引 号：` / `【发布机构】` / `发文日期:` → `索引号` / `发布机构` / `发文日期`. */
export function normalizeLabel(text: string): string {
  return text
    .replace(ANY_SPACE, '')
    .replace(/^[【\[]|[】\]]$/g, '')
    .replace(/[:：]+$/, '')
}

/** Same-length whitespace replacement, so regex offsets into the result still point into the original. */
export function spacesToAscii(text: string): string {
  return text.replace(/[\u00a0\u2000-\u200b\u3000\ufeff\t\r\n\f\v]/g, ' ')
}

export type LabelIndex = ReadonlyMap<string, MetadataKey>

export function buildLabelIndex(synonyms: MetadataSynonyms = DEFAULT_METADATA_SYNONYMS): LabelIndex {
  const index = new Map<string, MetadataKey>()
  for (const [key, labels] of Object.entries(synonyms) as [MetadataKey, readonly string[]][]) {
    for (const label of labels) index.set(normalizeLabel(label), key)
  }
  return index
}

const DEFAULT_INDEX = buildLabelIndex()

/** Canonical key of a printed label, or null when the label is not in the table. */
export function canonicalKey(label: string, index: LabelIndex = DEFAULT_INDEX): MetadataKey | null {
  return index.get(normalizeLabel(label)) ?? null
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Regex source matching any known label, allowing spaces between its characters (`索 引 号`, `文　　号`).
 * Longer labels come first so 主题分类 is not read as 分类.
 */
export function knownLabelPattern(index: LabelIndex = DEFAULT_INDEX): string {
  const labels = [...index.keys()].sort((a, b) => b.length - a.length)
  return labels.map((label) => [...label].map(escapeRegex).join(' *')).join('|')
}
