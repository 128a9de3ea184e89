// The metadata box (索引号 table / strip) of a document page and the publication date printed for the article.
import type { AnyNode, Element, ParentNode } from 'domhandler'
import type { CheerioAPI } from 'cheerio/slim'
import { parseDate } from '../dates.ts'
import { collapseSpace, locatorOf } from '../locator.ts'
import type { ExtractContext, Locator, MetadataBox, MetadataField, MetadataKey, ParsedDate, RawField } from '../types.ts'
import { findFooterRoot } from './footer.ts'
import {
  DEFAULT_METADATA_SYNONYMS,
  buildLabelIndex,
  knownLabelPattern,
  normalizeLabel,
  spacesToAscii,
  type LabelIndex,
  type MetadataSynonyms,
} from './labels.ts'
import {
  BLOCK_TAGS,
  INVISIBLE_TAGS,
  ancestors,
  commonAncestor,
  contains,
  findMainContainer,
  isChrome,
  isElement,
  scanRoot,
  tagOf,
  visibleText,
  visibleTextExceeds,
} from './structure.ts'

export type VisibleDate = (ParsedDate & { locator: Locator | null }) | null

export interface MetadataResult {
  metadata: MetadataBox | null
  visibleDate: VisibleDate
}

export interface MetadataOptions {
  /** A pack's own synonym table; defaults to DEFAULT_METADATA_SYNONYMS. */
  synonyms?: MetadataSynonyms
}

// ---------------------------------------------------------------------------------------------------------
// Segments: the text of a subtree cut at block boundaries, remembering which element each character came from.

interface Piece {
  start: number
  end: number
  el: Element
  node: AnyNode
}

class Segment {
  private owner: Element | null = null
  /** What a parser found in this segment; segments of a block are shared by every level of a climb. */
  memo: SegmentLabels | null = null
  private sig: string | null = null

  constructor(
    readonly text: string,
    readonly pieces: Piece[],
  ) {}

  /**
   * The smallest element holding the whole segment. Worked out on first use: the date search walks every
   * segment of a long page but looks at the element of only a few.
   */
  get el(): Element {
    if (!this.owner) {
      const first = this.pieces[0].el
      // Usually one text node, or several under one element: that element is the answer.
      this.owner = this.pieces.every((p) => p.el === first) ? first : (commonAncestor(this.pieces.map((p) => p.el)) ?? first)
    }
    return this.owner
  }

  get signature(): string {
    if (this.sig === null) this.sig = signature(this.el)
    return this.sig
  }
}

// A climb parses nested blocks; a block's segments are the same whether it is the root or a child of the root
// (a block flushes before and after itself), so the segments of each parsed block are kept and reused.
const blockSegments = new WeakMap<Element, Segment[]>()

function segmentsOf(root: Element): Segment[] {
  const block = BLOCK_TAGS.has(tagOf(root))
  let segments = block ? blockSegments.get(root) : undefined
  if (segments) return segments
  const out: Segment[] = []
  forEachSegment(
    root,
    undefined,
    (segment) => {
      out.push(segment)
      return false
    },
    blockSegments,
  )
  if (block) blockSegments.set(root, out)
  return out
}

/**
 * Hands each segment to `visit` in document order and stops once `visit` returns true: the visible date is
 * usually in the article head, and cutting the rest of a long page into segments was most of its cost.
 */
function forEachSegment(
  root: ParentNode,
  skip: ((el: Element) => boolean) | undefined,
  visit: (segment: Segment) => boolean,
  known?: WeakMap<Element, Segment[]>,
): void {
  let text = ''
  let pieces: Piece[] = []
  let stopped = false
  const flush = (): void => {
    if (text.trim() && !stopped) stopped = visit(new Segment(text, pieces))
    text = ''
    pieces = []
  }
  const walk = (node: AnyNode): void => {
    if (stopped) return
    if (node.type === 'text') {
      const data = spacesToAscii((node as unknown as { data: string }).data)
      // Text directly under the document (between top-level elements) belongs to no element.
      if (!data || !isElement(node.parent)) return
      const parent = node.parent
      pieces.push({ start: text.length, end: text.length + data.length, el: parent, node })
      text += data
      return
    }
    if (node.type === 'root') {
      for (const child of (node as ParentNode).children) walk(child)
      return
    }
    if (!isElement(node)) return
    const tag = tagOf(node)
    if (INVISIBLE_TAGS.has(tag) || (skip && node !== root && skip(node))) return
    const block = BLOCK_TAGS.has(tag)
    if (block) flush()
    const done = block && known && node !== root ? known.get(node) : undefined
    if (done) {
      for (const segment of done) if (!stopped) stopped = visit(segment)
      return
    }
    for (const child of node.children) walk(child)
    if (block) flush()
  }
  walk(root)
  flush()
}

function elementOfRange(segment: Segment, start: number, end: number): Element {
  const hit = segment.pieces.filter((p) => p.end > start && p.start < Math.max(end, start + 1)).map((p) => p.el)
  return commonAncestor(hit) ?? segment.el
}

// ---------------------------------------------------------------------------------------------------------
// Label/value pairs

interface Pair {
  label: string
  key: MetadataKey | null
  value: string
  el: Element
}

interface LabelMatch {
  start: number
  end: number
  label: string
}

interface ParsedBlock {
  segments: Segment[]
  labels: LabelMatch[][]
  /** Distinct metadata keys named by the labels, 发布日期 aside. */
  keys: number
  /** Some label names 索引号. */
  hasIndexNo: boolean
  /** Built on first use. */
  pairs: Pair[] | null
}

interface SegmentLabels {
  parser: PairParser
  /** The segment is one known label on its own. */
  alone: boolean
  /** Labels found without knowing the block's label-cell styling; null when that styling decides. */
  found: LabelMatch[] | null
}

// A label starts a segment or follows a space / separator; 当事人名称 must not yield 名称.
const LEFT_EDGE = String.raw`(?<=^|[\s|｜,，;；、】\])）])`

class PairParser {
  private readonly withColon: RegExp
  private readonly alone: RegExp

  constructor(private readonly index: LabelIndex) {
    const known = knownLabelPattern(index)
    // Known labels first so `索 引 号` (with spaces) wins; any other short CJK run before a colon is a label too
    // (公开方式, 责任部门, 办文部门) and is kept in raw.
    this.withColon = new RegExp(`${LEFT_EDGE}[【\\[]?(${known}|[\\u4e00-\\u9fa5]{2,8})[】\\]]? *[:：]`, 'g')
    this.alone = new RegExp(`^ *[【\\[]?(${known})[】\\]]? *$`)
  }

  keyOf(label: string): MetadataKey | null {
    return this.index.get(label) ?? null
  }

  private labelsOf(segment: Segment): SegmentLabels {
    let memo = segment.memo
    if (!memo || memo.parser !== this) {
      const alone = this.alone.exec(segment.text)
      if (alone) {
        memo = { parser: this, alone: true, found: [{ start: 0, end: segment.text.length, label: normalizeLabel(alone[1]) }] }
      } else {
        const bare = /^[\u4e00-\u9fa5]{2,8}$/.test(segment.text.trim())
        memo = { parser: this, alone: false, found: bare ? null : this.colonLabelsIn(segment) }
      }
      segment.memo = memo
    }
    return memo
  }

  private labelsIn(segment: Segment, labelSignatures: Set<string>): LabelMatch[] {
    const memo = this.labelsOf(segment)
    if (memo.found) return memo.found
    // A colon-less cell styled like a known label cell is a label the table does not know (公开方式 | 主动公开).
    if (labelSignatures.has(segment.signature)) {
      return [{ start: 0, end: segment.text.length, label: segment.text.trim() }]
    }
    return this.colonLabelsIn(segment)
  }

  private colonLabelsIn(segment: Segment): LabelMatch[] {
    const out: LabelMatch[] = []
    // Every withColon match ends in a colon; most segments of a page hold none, and the big alternation costs.
    if (!segment.text.includes('：') && !segment.text.includes(':')) return out
    // Shared across segments: nothing in the loop runs withColon again before it is done.
    const re = this.withColon
    re.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = re.exec(segment.text))) out.push({ start: m.index, end: m.index + m[0].length, label: normalizeLabel(m[1]) })
    return out
  }

  // Anchors of one box share their ancestors, so the climb from each anchor parses the same blocks again. The
  // page is not mutated while the model is built and elements belong to one page, so a block's parse is kept.
  private readonly parsed = new WeakMap<Element, ParsedBlock>()

  /**
   * The labels of a block and the metadata keys they name. The climb compares levels by their keys only, and
   * every label makes exactly one pair with the key of its label, so pairs are built only for the chosen box.
   */
  parse(root: Element): ParsedBlock {
    let block = this.parsed.get(root)
    if (!block) {
      block = this.parseLabels(root)
      this.parsed.set(root, block)
    }
    return block
  }

  pairsOf(block: ParsedBlock): Pair[] {
    if (!block.pairs) block.pairs = this.buildPairs(block.segments, block.labels)
    return block.pairs
  }

  private parseLabels(root: Element): ParsedBlock {
    const segments = segmentsOf(root)
    const aloneSigs = new Set<string>()
    const valueSigs = new Set<string>()
    segments.forEach((s, i) => {
      if (!this.labelsOf(s).alone) return
      aloneSigs.add(s.signature)
      if (segments[i + 1]) valueSigs.add(segments[i + 1].signature)
    })
    // Only a styling that never holds a value marks label cells (th / td.label, not a plain td used for both).
    for (const sig of valueSigs) aloneSigs.delete(sig)
    const labels = segments.map((s) => this.labelsIn(s, aloneSigs))
    // 发布日期 is printed in the article head next to most boxes; letting it count would grow the box over the head.
    const keys = new Set<MetadataKey>()
    let hasIndexNo = false
    for (const found of labels) {
      for (const label of found) {
        const key = this.keyOf(label.label)
        if (key === 'indexNo') hasIndexNo = true
        if (key !== null && key !== 'publishDate') keys.add(key)
      }
    }
    return { segments, labels, keys: keys.size, hasIndexNo, pairs: null }
  }

  private buildPairs(segments: Segment[], labels: LabelMatch[][]): Pair[] {
    const pairs: Pair[] = []
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]
      const found = labels[i]
      found.forEach((label, j) => {
        const next = found[j + 1]
        let value = seg.text.slice(label.end, next ? next.start : undefined)
        const parts: Element[] = [elementOfRange(seg, label.start, next ? next.start : seg.text.length)]
        // Label alone at the end of its cell: the value is in the following cells, up to the next label —
        // unless the template left an empty value slot right after the label (script-filled pages).
        if (!next && !value.trim() && !emptySlotFollows(seg, label.end)) {
          const more: string[] = []
          for (let k = i + 1; k < segments.length; k++) {
            const ahead = labels[k]
            const head = ahead.length ? segments[k].text.slice(0, ahead[0].start) : segments[k].text
            if (head.trim()) {
              more.push(head)
              parts.push(elementOfRange(segments[k], 0, head.length))
            }
            if (ahead.length) break
          }
          value = more.join(' ')
        }
        pairs.push({
          label: label.label,
          key: this.keyOf(label.label),
          value: collapseSpace(value),
          el: commonAncestor(parts) ?? seg.el,
        })
      })
    }
    return pairs
  }
}

function isBlank(node: AnyNode): boolean {
  return node.type === 'comment' || (node.type === 'text' && !(node as unknown as { data: string }).data.trim())
}

/** The element after the label text (or after its cell) exists and shows nothing: `<span class=value></span>`. */
function emptySlotFollows(seg: Segment, labelEnd: number): boolean {
  const piece = [...seg.pieces].reverse().find((p) => p.start < labelEnd)
  if (!piece) return false
  let node: AnyNode | null = piece.node
  for (let level = 0; level < 3 && node; level++) {
    let sibling: AnyNode | null = node.next
    while (sibling && isBlank(sibling)) sibling = sibling.next
    if (sibling) {
      if (!isElement(sibling)) return false
      return !visibleText(sibling) && !hasImage(sibling)
    }
    node = node.parent
    if (isElement(node) && BLOCK_TAGS.has(tagOf(node)) && node !== seg.el && !contains(node, seg.el)) break
  }
  return false
}

function hasImage(el: Element): boolean {
  if (tagOf(el) === 'img') return true
  return el.children.some((c) => isElement(c) && hasImage(c))
}

function signature(el: Element): string {
  return `${tagOf(el)}.${el.attribs?.class ?? ''}`
}


// ---------------------------------------------------------------------------------------------------------
// The box

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

function findBox($: CheerioAPI, parser: PairParser, index: LabelIndex): BoxCandidate | null {
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

function toBox($: CheerioAPI, box: BoxCandidate, parser: PairParser): MetadataBox {
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

// ---------------------------------------------------------------------------------------------------------
// Visible publication date

// 发布日期： / 发布时间： / 日期: / 时间： — but not 成文日期, 生成日期, 办公时间, 页面生成时间 (a CJK char before 日期/时间).
const DATE_LABEL_RE = /(?<![\u4e00-\u9fa5])(?:发布|发稿|发表|公开|上传|刊发)?(?:日期|时间) *[:：] */g
const BARE_DATE_RE =
  /^ *(?:19|20)\d{2} *(?:[-/.] *\d{1,2} *[-/.] *\d{1,2}|年 *\d{1,2} *月 *\d{1,2} *日?)(?: +\d{1,2}:\d{2}(?::\d{2})?)? *$/
/** A date printed near the top of the body still belongs to the article head (年报: 发布日期 under the title). */
const MAIN_HEAD_CHARS = 300

const ROW_TAGS = new Set(['li', 'dd', 'dt', 'dl', 'tr', 'tbody', 'table', 'ul', 'ol'])

function inLinkList(el: Element): boolean {
  // Dated entries of a list (关联稿件, 相关新闻, a column's rows) sit beside a link in the same row.
  for (const up of [el, ...ancestors(el)].slice(0, 4)) {
    const tag = tagOf(up)
    if (tag === 'a') return true
    if (ROW_TAGS.has(tag) && hasLinkText(up)) return true
  }
  return false
}

function hasLinkText(el: Element): boolean {
  const stack: AnyNode[] = [...el.children]
  while (stack.length) {
    const n = stack.pop() as AnyNode
    if (!isElement(n)) continue
    if (tagOf(n) === 'a' && visibleText(n)) return true
    stack.push(...n.children)
  }
  return false
}

function findVisibleDate(
  $: CheerioAPI,
  ctx: ExtractContext,
  exclude: (Element | null)[],
  boxField: MetadataField | undefined,
): VisibleDate {
  const body = scanRoot($)
  const main = findMainContainer($)
  const opts = { asOf: ctx.asOf }
  const skip = (el: Element): boolean => exclude.includes(el) || (isChrome(el) && !(main && contains(el, main)))
  let mainChars = 0
  const re = new RegExp(DATE_LABEL_RE.source, 'g')
  let found: VisibleDate = null
  const dateIn = (seg: Segment): VisibleDate => {
    const inMain = !!main && contains(main, seg.el)
    if (inMain) {
      if (mainChars > MAIN_HEAD_CHARS) return null
      mainChars += seg.text.trim().length
    }
    // Every label match holds 日期 or 时间; a long list's rows hold neither, and the lookbehind pattern costs.
    const labelled = seg.text.includes('期') || seg.text.includes('间')
    re.lastIndex = 0
    let m: RegExpExecArray | null
    while (labelled && (m = re.exec(seg.text))) {
      // Inside the body only a 发布日期-style line of its own counts; 时间：… in a sentence is an event date.
      if (inMain && (seg.text.slice(0, m.index).trim() !== '' || !/^(发布|发稿|发表|公开|刊发)/.test(m[0]))) continue
      const rest = seg.text.slice(m.index + m[0].length, m.index + m[0].length + 40)
      const date = parseDate(rest, opts)
      if (!date || rest.indexOf(date.raw) > 1) continue
      const at = m.index + m[0].length + rest.indexOf(date.raw)
      return { ...date, locator: locatorOf($, elementOfRange(seg, m.index, at + date.raw.length)) }
    }
    // A bare date inside the body is the document's own 落款 / report date, not when the page published it.
    if (!inMain && BARE_DATE_RE.test(seg.text) && !inLinkList(seg.el)) {
      const date = parseDate(seg.text, opts)
      if (date) return { ...date, locator: locatorOf($, seg.el) }
    }
    return null
  }
  forEachSegment(body, skip, (seg) => {
    found = dateIn(seg)
    return found !== null
  })
  if (found) return found
  if (boxField?.value) {
    const date = parseDate(boxField.value, opts)
    if (date) return { ...date, locator: boxField.locator }
  }
  return null
}

// ---------------------------------------------------------------------------------------------------------

// The label table's regexes are big alternations; they are compiled once per synonym table, not per page.
const parserCache = new WeakMap<MetadataSynonyms, { index: LabelIndex; parser: PairParser }>()

function parserFor(synonyms: MetadataSynonyms): { index: LabelIndex; parser: PairParser } {
  let cached = parserCache.get(synonyms)
  if (!cached) {
    const index = buildLabelIndex(synonyms)
    cached = { index, parser: new PairParser(index) }
    parserCache.set(synonyms, cached)
  }
  return cached
}

export function extractMetadata($: CheerioAPI, ctx: ExtractContext, options: MetadataOptions = {}): MetadataResult {
  const { index, parser } = parserFor(options.synonyms ?? DEFAULT_METADATA_SYNONYMS)
  const found = findBox($, parser, index)
  const metadata = found ? toBox($, found, parser) : null
  if (metadata) {
    const empty = metadata.raw.filter((f) => f.value === '').map((f) => f.label)
    if (empty.length) ctx.notes.push(`metadata: labels without a value (${empty.join('、')}); page may fill them by script`)
  }
  const visibleDate = findVisibleDate($, ctx, [found?.el ?? null, findFooterRoot($)], metadata?.fields.publishDate)
  return { metadata, visibleDate }
}
