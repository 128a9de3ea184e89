// Where a piece of text sits in the page: the first content block (PageModel.textBlocks) that holds it.
import type { Locator, PageModel } from '../types.ts'

/** The block whose text contains `needle` (compared without spaces, as numbers may be split by tags); null if none. */
export function locateText(page: PageModel, needle: string, opts: { skip?: number } = {}): Locator | null {
  const want = needle.replace(/\s+/g, '')
  if (!want) return null
  let skip = opts.skip ?? 0
  for (const block of page.textBlocks ?? []) {
    if (!block.text.includes(want) && !block.text.replace(/\s+/g, '').includes(want)) continue
    if (skip-- > 0) continue
    return block.locator
  }
  return null
}
