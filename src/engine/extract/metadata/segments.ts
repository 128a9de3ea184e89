// Segments: the text of a subtree cut at block boundaries, remembering which element each character came from.
import type { AnyNode, Element, ParentNode } from 'domhandler'
import { spacesToAscii } from '../labels.ts'
import { BLOCK_TAGS, INVISIBLE_TAGS, commonAncestor, isElement, tagOf } from '../structure.ts'
import { type SegmentLabels, signature } from './pairs.ts'

interface Piece {
  start: number
  end: number
  el: Element
  node: AnyNode
}

export class Segment {
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

export function segmentsOf(root: Element): Segment[] {
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
export function forEachSegment(
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

export function elementOfRange(segment: Segment, start: number, end: number): Element {
  const hit = segment.pieces.filter((p) => p.end > start && p.start < Math.max(end, start + 1)).map((p) => p.el)
  return commonAncestor(hit) ?? segment.el
}
