// The page's own text, as boxes in document coordinates: what badges must leave readable.
import type { Box } from './placement.ts'

/** Text nodes looked at; a page with more (a 6000-entry list) keeps the first ones, which hold its columns. */
const MAX_NODES = 20000

export function pageTextBoxes(isOwn: (node: Node) => boolean, scrollX: number, scrollY: number): Box[] {
  const out: Box[] = []
  const body = document.body
  if (!body) return out
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      if (!n.nodeValue || !n.nodeValue.trim()) return NodeFilter.FILTER_REJECT
      const parent = n.parentElement
      if (!parent || isOwn(parent) || parent.closest('script,style,noscript,template')) return NodeFilter.FILTER_REJECT
      return NodeFilter.FILTER_ACCEPT
    },
  })
  const range = document.createRange()
  let count = 0
  for (let n = walker.nextNode(); n && count < MAX_NODES; n = walker.nextNode(), count++) {
    range.selectNodeContents(n)
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1) continue
      out.push({ left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY })
    }
  }
  return out
}
