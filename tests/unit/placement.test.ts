// Badge placement: a badge goes to free space beside its element, never over the page's text or another badge.
import { describe, expect, it } from 'vitest'
import { placeBadges, TextIndex, tipSide, type Box } from '../../src/content/placement.ts'

const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, right: left + width, bottom: top + height })
const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top))

describe('placeBadges', () => {
  it('a metadata table row: the badge for the value cell covers neither the label beside it nor the rows above and below', () => {
    // 索引号 | 001-2026 ; 名称 | 关于… ; rows 24 px apart, labels at x 100–160, values at x 170–400.
    const text = [box(100, 100, 60, 18), box(170, 100, 230, 18), box(100, 124, 60, 18), box(170, 124, 230, 18), box(100, 148, 60, 18), box(170, 148, 230, 18)]
    const target = box(170, 124, 230, 18)
    const [spot] = placeBadges([target], [{ width: 80, height: 16 }], new TextIndex(text), 1000)
    for (const t of text) expect(overlap(spot, t) / ((t.right - t.left) * (t.bottom - t.top))).toBeLessThanOrEqual(0.25)
  })

  it('two badges for elements side by side never overlap each other', () => {
    const targets = [box(100, 100, 50, 18), box(152, 100, 50, 18), box(204, 100, 50, 18)]
    const spots = placeBadges(targets, targets.map(() => ({ width: 70, height: 16 })), new TextIndex([]), 800)
    for (let i = 0; i < spots.length; i++) for (let j = i + 1; j < spots.length; j++) expect(overlap(spots[i], spots[j])).toBe(0)
  })

  it('stays inside the page width (no horizontal scrollbar)', () => {
    const [spot] = placeBadges([box(700, 10, 100, 18)], [{ width: 120, height: 16 }], new TextIndex([]), 800)
    expect(spot.left).toBeGreaterThanOrEqual(0)
    expect(spot.right).toBeLessThanOrEqual(800)
  })
})

describe('tipSide', () => {
  it('opens above when below would cover the element', () => {
    const badge = box(100, 80, 60, 16)
    const target = box(100, 100, 300, 200)
    expect(tipSide(badge, { width: 200, height: 60 }, target, { width: 1000, height: 800 }).startsWith('above')).toBe(true)
  })
})
