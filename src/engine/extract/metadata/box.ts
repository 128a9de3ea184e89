// The metadata box: the element around the 索引号 (or other core labels) whose pairs best cover the catalogue fields.
import type { AnyNode, Element, ParentNode } from 'domhandler'
import type { CheerioAPI } from 'cheerio/slim'
import { locatorOf } from '../../locator.ts'
import type { MetadataBox, MetadataField, MetadataKey, RawField } from '../../types.ts'
import { spacesToAscii, type LabelIndex } from '../labels.ts'
import { INVISIBLE_TAGS, contains, isElement, scanRoot, tagOf, visibleTextExceeds } from '../structure.ts'
import { PairParser, type ParsedBlock } from './pairs.ts'

const INDEX_BOX_LABEL: TextPattern = { re: /索 *引 *号/, firstChars: ['索'] }
const BOX_FALLBACK_KEYS: readonly MetadataKey[] = ['publisher', 'docNumber', 'writtenDate']
const MAX_BOX_TEXT = 3000
const MAX_CLIMB = 10
const MAX_ANCHORS = 30

/**
 * Elements whose own text matches `re`. `firstChars` holds a character every match contains (a label's first
 * character); most text nodes have none of them, which a string search finds much faster than the regex.
 */
interface TextPattern {
  re: RegExp
  firstChars: readonly string[]
}

/**
 * One walk for several patterns: the result for each is what a walk of its own would give (document order, at
 * most `limit`). Pages without a 索引号 box need the fallback anchors too, and the walk is over the whole page.
 */
function textNodesMatching(root: ParentNode, patterns: readonly TextPattern[], limit: number): Element[][] {
  const out: Element[][] = patterns.map(() => [])
  const full = (): boolean => out.every((found) => found.length >= limit)
  const walk = (node: AnyNode): void => {
    if (full()) return
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data
      patterns.forEach(({ re, firstChars }, i) => {
        if (out[i].length >= limit || !firstChars.some((c) => data.includes(c))) return
        if (re.test(spacesToAscii(data)) && isElement(node.parent)) out[i].push(node.parent)
      })
      return
    }
    if (node.type === 'root') {
      for (const child of (node as ParentNode).children) walk(child)
      return
    }
    if (!isElement(node) || INVISIBLE_TAGS.has(tagOf(node))) return
    for (const child of node.children) walk(child)
  }
  walk(root)
  return out
}

interface BoxCandidate {
  el: Element
  block: ParsedBlock
  keys: number
}

/** Climbs from a label to the block that holds the most known metadata labels without swallowing the article. */
function bestBoxAround(anchor: Element, parser: PairParser): BoxCandidate | null {
  let best: BoxCandidate | null = null
  let el: AnyNode | null = anchor
  for (let level = 0; level < MAX_CLIMB && isElement(el); level++, el = el.parent) {
    const tag = tagOf(el)
    if (tag === 'body' || tag === 'html') break
    if (visibleTextExceeds(el, MAX_BOX_TEXT)) break
    const block = parser.parse(el)
    if (!best || block.keys > best.keys) best = { el, block, keys: block.keys }
  }
  return best
}

const fallbackCache = new WeakMap<LabelIndex, { re: RegExp; firstChars: string[] }>()

/** The pattern of the labels that anchor a box without 索引号, built once per label table. */
function fallbackLabels(index: LabelIndex): { re: RegExp; firstChars: string[] } {
  let cached = fallbackCache.get(index)
  if (!cached) {
    const labels = [...index.entries()].filter(([, key]) => BOX_FALLBACK_KEYS.includes(key)).map(([label]) => label)
    const re = new RegExp(`(?:${labels.map((l) => [...l].join(' *')).join('|')}) *[:：]?`)
    cached = { re, firstChars: [...new Set(labels.map((l) => [...l][0]))] }
    fallbackCache.set(index, cached)
  }
  return cached
}

export function findBox($: CheerioAPI, parser: PairParser, index: LabelIndex): BoxCandidate | null {
  const body = scanRoot($)
  let best: BoxCandidate | null = null
  const [indexAnchors, fallbackAnchors] = textNodesMatching(body, [INDEX_BOX_LABEL, fallbackLabels(index)], MAX_ANCHORS)
  for (const anchor of indexAnchors) {
    const box = bestBoxAround(anchor, parser)
    if (!box || !box.block.hasIndexNo || box.keys < 2) continue
    if (!best || box.keys > best.keys) best = box
  }
  if (best) return best
  // Boxes without 索引号 (发文机关 / 发文字号 / 成文日期 tables of policy documents).
  for (const anchor of fallbackAnchors) {
    const box = bestBoxAround(anchor, parser)
    if (!box || box.keys < 3) continue
    if (!best || box.keys > best.keys) best = box
  }
  return best
}

export function toBox($: CheerioAPI, box: BoxCandidate, parser: PairParser): MetadataBox {
  const raw: RawField[] = []
  const fields: Partial<Record<MetadataKey, MetadataField>> = {}
  for (const pair of parser.pairsOf(box.block)) {
    const locator = locatorOf($, pair.el)
    raw.push({ label: pair.label, value: pair.value, locator })
    if (!pair.key) continue
    const existing = fields[pair.key]
    // Templates repeat a field (a hidden copy for another document type); a filled copy beats an empty one.
    if (!existing || (existing.value === '' && pair.value !== '')) {
      fields[pair.key] = { key: pair.key, label: pair.label, value: pair.value, locator }
    }
  }
  return { fields, raw, locator: locatorOf($, box.el) }
}
