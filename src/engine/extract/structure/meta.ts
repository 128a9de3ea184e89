// The page's <meta name=…> values (SiteIDCode, ColumnName, PubDate …) as written.
import type { CheerioAPI } from 'cheerio/slim'
import { collapseSpace } from '../../locator.ts'
import { hasAttr, queryAll } from '../dom.ts'
import { attr, isElement } from './text.ts'

const HAS_NAME = hasAttr('name')

export function readMeta($: CheerioAPI): Record<string, string> {
  const meta: Record<string, string> = {}
  for (const el of queryAll($, (e) => e.name === 'meta' && HAS_NAME(e))) {
    if (!isElement(el) || !('content' in el.attribs)) continue
    const name = attr(el, 'name').trim()
    if (!name) continue
    const content = collapseSpace(attr(el, 'content'))
    // Templates print some metas twice; an empty first copy must not hide a filled second one.
    if (!(name in meta) || (meta[name] === '' && content !== '')) meta[name] = content
  }
  return meta
}
