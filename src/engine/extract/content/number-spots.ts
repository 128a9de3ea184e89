// The blocks of the main content that hold long runs of digits. Rules read numbers from mainText, which has no
// elements; these let a finding point its marker at the block where the first number sits.
import type { AnyNode, Element } from 'domhandler'
import type { CheerioAPI } from 'cheerio/slim'
import { locatorOf } from '../../locator.ts'
import type { NumberSpot } from '../../types.ts'
import { BLOCK_TAGS, INVISIBLE_TAGS, findMainContainer, isChrome, isElement, scanRoot, tagOf, visibleText } from '../structure.ts'

/** Ten or more digits, mask characters and hyphens in a row: the shortest personal number is 11 digits. */
const LONG_RUN = /[0-9０-９*＊×●•Xx-]{10,}/
const MAX_SPOTS = 200
const MAX_TEXT = 600

function blockOf(node: AnyNode): Element | null {
  let el = node.parent
  while (isElement(el) && !BLOCK_TAGS.has(tagOf(el))) el = el.parent
  return isElement(el) ? el : null
}

export function extractNumberSpots($: CheerioAPI): NumberSpot[] {
  const main = findMainContainer($)
  const root = main ?? scanRoot($)
  const seen = new Set<Element>()
  const spots: NumberSpot[] = []
  const walk = (node: AnyNode): void => {
    if (spots.length >= MAX_SPOTS) return
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data
      if (!LONG_RUN.test(data) || !/\d/.test(data)) return
      const block = blockOf(node)
      if (!block || seen.has(block)) return
      seen.add(block)
      spots.push({ text: visibleText(block).slice(0, MAX_TEXT), locator: locatorOf($, block) })
      return
    }
    if (!('children' in node)) return
    if (isElement(node) && (INVISIBLE_TAGS.has(tagOf(node)) || (!main && isChrome(node)))) return
    for (const child of (node as { children: AnyNode[] }).children) walk(child)
  }
  walk(root)
  return spots
}
