// Candidate lists: ul/ol, tables, dl and repeated div rows, found in one walk over block-level nodes.
import type { AnyNode, Element } from 'domhandler'
import { byTag } from '../dom.ts'
import { type ListCandidate, NON_CONTENT, ROW_BLOCK_TAGS, elementChildren, isTag } from './shapes.ts'
import { titleLinks } from './rows.ts'


function tableRows(table: Element): Element[] {
  const rows: Element[] = []
  for (const c of table.children) {
    if (!isTag(c)) continue
    if (c.name === 'tr') rows.push(c)
    else if (c.name === 'tbody' || c.name === 'thead' || c.name === 'tfoot') {
      for (const r of c.children) if (isTag(r) && r.name === 'tr') rows.push(r)
    }
  }
  return rows
}

// Inline elements never hold a list; not descending into them keeps the scan to block-level nodes.
const LEAF_TAGS = new Set(['a', 'img', 'br', 'i', 'em', 'b', 'strong', 'font', 'input', 'button', 'label', 'small', 'sup', 'sub', 'hr'])

export function collectCandidates(root: AnyNode, out: ListCandidate[]): void {
  if (isTag(root)) visitCandidate(root, out)
  else for (const c of (root as unknown as { children: AnyNode[] }).children ?? []) if (isTag(c)) visitCandidate(c, out)
}

function visitCandidate(el: Element, out: ListCandidate[]): void {
  if (NON_CONTENT.has(el.name) || LEAF_TAGS.has(el.name)) return
  if (el.name === 'ul' || el.name === 'ol') {
    out.push({ container: el, rows: elementChildren(el).filter((k) => k.name === 'li'), via: 'ul' })
  } else if (el.name === 'table') {
    out.push({ container: el, rows: tableRows(el), via: 'table' })
  } else if (el.name === 'dl') {
    const dds = elementChildren(el).filter((k) => k.name === 'dd' || k.name === 'dt')
    if (dds.filter((k) => titleLinks(k, 0).length > 0).length >= 2) out.push({ container: el, rows: dds, via: 'dl' })
  }
  // Repeated blocks (<div class="item">, <dl> per row): same tag twice or more under one parent.
  let blockKids = 0
  for (const k of el.children) if (isTag(k) && ROW_BLOCK_TAGS.has(k.name)) blockKids++
  if (blockKids >= 2) {
    const byTag = new Map<string, Element[]>()
    for (const k of el.children) {
      if (!isTag(k) || !ROW_BLOCK_TAGS.has(k.name)) continue
      const list = byTag.get(k.name)
      if (list) list.push(k)
      else byTag.set(k.name, [k])
    }
    for (const [tag, group] of byTag) {
      if (group.length >= 2) out.push({ container: el, rows: group, via: tag === 'dl' ? 'dl' : 'div', blocks: true })
    }
  }
  for (const k of el.children) if (isTag(k)) visitCandidate(k, out)
}
