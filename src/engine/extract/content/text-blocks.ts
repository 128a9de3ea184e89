// The main content's text cut at block boundaries (paragraphs, list items, table cells), each with its locator: rules
// that search words or numbers in the text (personal-data, serious-errors) point their markers at the block holding a
// hit. Same scope as PageModel.mainText, so a hit found in mainText is found in one of these blocks.
import type { AnyNode, Element } from 'domhandler'
import type { CheerioAPI } from 'cheerio/slim'
import { collapseSpace, locatorOf } from '../../locator.ts'
import type { ExtractContext, TextBlock } from '../../types.ts'
import { BLOCK_TAGS, INVISIBLE_TAGS, findMainContainer, isChrome, isElement, scanRoot, tagOf } from '../structure/text.ts'
import { findBreadcrumb } from '../structure/breadcrumb.ts'

/** A page of 10,000 table rows has far more cells than markers need (counting uses mainText, not these); each block
 * costs a locator, and 2,000 of them are about 40 ms on a 20,000-row list. A hit past the cap is reported unlocated. */
export const MAX_TEXT_BLOCKS = 2000
const MAX_BLOCK_TEXT = 2000

export function extractTextBlocks($: CheerioAPI, ctx: ExtractContext): TextBlock[] {
  const main = findMainContainer($)
  const crumb = main ? null : findBreadcrumb($).el
  const skip = (el: Element): boolean => !main && (isChrome(el) || el === crumb || tagOf(el) === 'head')
  const blocks: TextBlock[] = []
  let cut = false
  // Each block owns the text of its inline descendants; a nested block starts its own entry.
  const visit = (el: Element): void => {
    if (blocks.length >= MAX_TEXT_BLOCKS) {
      cut = true
      return
    }
    const own: string[] = []
    const inline = (node: AnyNode): void => {
      if (node.type === 'text') {
        own.push((node as unknown as { data: string }).data)
        return
      }
      if (!isElement(node)) return
      const tag = tagOf(node)
      if (INVISIBLE_TAGS.has(tag) || skip(node)) return
      if (BLOCK_TAGS.has(tag)) {
        own.push(' ')
        visit(node)
        return
      }
      for (const child of node.children) inline(child)
    }
    const start = blocks.length
    for (const child of el.children) inline(child)
    const text = collapseSpace(own.join(''))
    // Emitted before the nested blocks it holds would be nicer for reading order, but the locator is what matters.
    if (text) blocks.splice(start, 0, { text: text.slice(0, MAX_BLOCK_TEXT), locator: locatorOf($, el) })
  }
  const root = main ?? scanRoot($)
  if (isElement(root)) visit(root)
  else for (const child of root.children) if (isElement(child) && !INVISIBLE_TAGS.has(tagOf(child)) && !skip(child)) visit(child)
  if (cut) ctx.notes.push(`text blocks: kept the first ${MAX_TEXT_BLOCKS} blocks of the content for locating hits`)
  return blocks
}
