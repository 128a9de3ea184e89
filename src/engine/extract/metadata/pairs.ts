// Label/value pairs of a metadata box: labels found by the pack's synonyms (letter-spaced, with colons or cells),
// values up to the next label.
import type { AnyNode, Element } from 'domhandler'
import { collapseSpace } from '../../locator.ts'
import type { MetadataKey } from '../../types.ts'
import { knownLabelPattern, normalizeLabel, type LabelIndex } from '../labels.ts'
import { BLOCK_TAGS, ancestors, commonAncestor, contains, isElement, tagOf, visibleText } from '../structure.ts'
import { type Segment, elementOfRange, segmentsOf } from './segments.ts'

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

export interface ParsedBlock {
  segments: Segment[]
  labels: LabelMatch[][]
  /** Distinct metadata keys named by the labels, 发布日期 aside. */
  keys: number
  /** Some label names 索引号. */
  hasIndexNo: boolean
  /** Built on first use. */
  pairs: Pair[] | null
}

export interface SegmentLabels {
  parser: PairParser
  /** The segment is one known label on its own. */
  alone: boolean
  /** Labels found without knowing the block's label-cell styling; null when that styling decides. */
  found: LabelMatch[] | null
}

// A label starts a segment or follows a space / separator; 当事人名称 must not yield 名称.
const LEFT_EDGE = String.raw`(?<=^|[\s|｜,，;；、】\])）])`

export class PairParser {
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

export function signature(el: Element): string {
  return `${tagOf(el)}.${el.attribs?.class ?? ''}`
}
