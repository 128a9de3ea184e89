// Blank-column evidence: printed 暂无信息-style placeholders, outside the page chrome.
import type { AnyNode, Element } from 'domhandler'
import { isEmptyMarker } from '../../vocabulary.ts'
import { NON_CONTENT, isTag } from './shapes.ts'

const MARKER_CHARS = /[暂没无正栏建敬信Nn]/

export function emptyMarkerElements(root: AnyNode): Element[] {
  const out: Element[] = []
  const walk = (n: AnyNode): void => {
    if (isTag(n) || n.type === 'root') {
      if (isTag(n) && NON_CONTENT.has(n.name)) return
      for (const c of (n as Element).children) walk(c)
    } else if (n.type === 'text') {
      const data = (n as unknown as { data: string }).data
      if (data.length < 40 && MARKER_CHARS.test(data) && isEmptyMarker(data) && isTag(n.parent)) out.push(n.parent)
    }
  }
  walk(root)
  return out
}

export function isInsideChrome(el: Element): boolean {
  for (let p: AnyNode | null = el; p && isTag(p); p = p.parent) {
    if (p.name === 'header' || p.name === 'footer' || p.name === 'nav') return true
    const key = `${p.attribs.class ?? ''} ${p.attribs.id ?? ''}`
    if (/(^|[\s_-])(footer|foot|bottom|header|top-?nav|topbar)([\s_-]|$)/i.test(key)) return true
    if (p.attribs.role === 'navigation') return true
  }
  return false
}
