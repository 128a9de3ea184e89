// Where a badge goes: in free space beside its target, never on the page's own text and never on another badge.
// Pure geometry (document coordinates), so the rules can be read and tested without a page.

export interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

export interface Size {
  width: number
  height: number
}

const GAP = 3
/** A badge may touch at most this share of any one text box (the e2e test's bar is a quarter). */
const TEXT_SHARE = 0.2
const BUCKET = 64

/** Text boxes bucketed by rows of the page, so each candidate only looks at its own few rows. */
export class TextIndex {
  private readonly rows = new Map<number, Box[]>()

  constructor(boxes: readonly Box[]) {
    for (const b of boxes) {
      for (let r = Math.floor(b.top / BUCKET); r <= Math.floor(b.bottom / BUCKET); r++) {
        const row = this.rows.get(r)
        if (row) row.push(b)
        else this.rows.set(r, [b])
      }
    }
  }

  near(box: Box): Box[] {
    const out = new Set<Box>()
    for (let r = Math.floor(box.top / BUCKET); r <= Math.floor(box.bottom / BUCKET); r++) for (const b of this.rows.get(r) ?? []) out.add(b)
    return [...out]
  }
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left)
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
  return w > 0 && h > 0 ? w * h : 0
}

function area(b: Box): number {
  return Math.max(1, (b.right - b.left) * (b.bottom - b.top))
}

function at(left: number, top: number, size: Size): Box {
  return { left, top, right: left + size.width, bottom: top + size.height }
}

/** Candidate spots, nearest first: the gutter left of the target, right of it, above, below, then further along its row. */
function candidates(t: Box, s: Size, pageWidth: number): Box[] {
  const out = [
    at(t.left - s.width - GAP, t.top, s),
    at(t.right + GAP, t.top, s),
    at(t.left, t.top - s.height - GAP, s),
    at(t.left, t.bottom + GAP, s),
    at(t.right - s.width, t.top - s.height - GAP, s),
    at(t.right - s.width, t.bottom + GAP, s),
  ]
  for (let dx = 40; t.right + GAP + dx + s.width <= pageWidth; dx += 40) out.push(at(t.right + GAP + dx, t.top, s))
  for (let dx = 40; t.left - s.width - GAP - dx >= 0; dx += 40) out.push(at(t.left - s.width - GAP - dx, t.top, s))
  for (const dy of [1, 2]) {
    out.push(at(t.left, t.top - dy * (s.height + GAP) - s.height - GAP, s), at(t.left, t.bottom + GAP + dy * (s.height + GAP), s))
  }
  // Last resort: inside the target's top-right corner (an outline already says which element it is).
  out.push(at(t.right - s.width - GAP, t.top + GAP, s))
  return out
}

/** How bad a spot is: covering text or a badge dwarfs distance, which only breaks ties. */
function cost(c: Box, order: number, text: TextIndex, placed: readonly Box[], pageWidth: number, target: Box): number {
  let score = order * 0.5
  if (c.left < 0 || c.top < 0 || c.right > pageWidth) score += 1e6
  for (const p of placed) if (overlapArea(c, p) > 0) score += 1e5
  for (const b of text.near(c)) {
    const share = overlapArea(c, b) / area(b)
    if (share > TEXT_SHARE) score += 1e4
    else score += share * 100
  }
  // Covering the target's own text is covered by the text boxes; covering its empty area is fine.
  void target
  return score
}

/**
 * One spot per badge, in the order given (worst findings first get the nearest free spots). Returns document
 * coordinates of each badge's top-left corner.
 */
export function placeBadges(targets: readonly Box[], sizes: readonly Size[], text: TextIndex, pageWidth: number): Box[] {
  const placed: Box[] = []
  return targets.map((t, i) => {
    let best: Box | null = null
    let bestCost = Infinity
    candidates(t, sizes[i], pageWidth).forEach((c, order) => {
      const k = cost(c, order, text, placed, pageWidth, t)
      if (k < bestCost) {
        bestCost = k
        best = c
      }
    })
    const chosen = best ?? at(t.left, t.top, sizes[i])
    placed.push(chosen)
    return chosen
  })
}

/** Where a tooltip opens: the first side of its badge from which it does not cover the target. */
export function tipSide(badge: Box, tip: Size, target: Box, viewport: Size): 'below' | 'above' | 'below-end' | 'above-end' {
  const options: ['below' | 'above' | 'below-end' | 'above-end', Box][] = [
    ['below', at(badge.left, badge.bottom + 2, tip)],
    ['below-end', at(badge.right - tip.width, badge.bottom + 2, tip)],
    ['above', at(badge.left, badge.top - 2 - tip.height, tip)],
    ['above-end', at(badge.right - tip.width, badge.top - 2 - tip.height, tip)],
  ]
  const fits = (b: Box): boolean => b.left >= 0 && b.right <= viewport.width && b.top >= 0 && b.bottom <= viewport.height
  return (
    options.find(([, b]) => overlapArea(b, target) === 0 && fits(b))?.[0] ??
    options.find(([, b]) => overlapArea(b, target) === 0)?.[0] ??
    'below'
  )
}
