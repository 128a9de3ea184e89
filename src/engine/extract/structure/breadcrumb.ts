// The breadcrumb trail (当前位置：首页 > 政府信息公开 > …) and the column name it gives the page.
import type { AnyNode, Element } from 'domhandler'
import type { CheerioAPI } from 'cheerio/slim'
import { INVISIBLE_TAGS, attr, classAndId, isElement, scanRoot, tagOf, tightCjk, visibleText, visibleTextExceeds } from './text.ts'

const CRUMB_CLASS_RE = /crumb|position|location|dqwz|bread|weizhi|curpos|current[-_]?path|lujing|mbx/
const CRUMB_LABEL_RE = /^.*?(?:当前|所在|现在的?)?位置\s*[:：]?/
const CRUMB_SEPARATOR_RE = /\s*(?:>>|»|›|>|＞|→|\/|\\|＞)\s*/
const MAX_CRUMB_TEXT = 300

// Print / font-size / share widgets sit inside some crumb bars (gov.cn 公报 pages).
const CRUMB_WIDGET_RE = /print|share|font|size|tool|zihao|fenxiang/

/** Marked hidden in the markup: `display:none`, `hidden`, or a class/id saying so (hiddenLocation, ng-hide). */
export function isHidden(el: Element): boolean {
  if ('hidden' in (el.attribs ?? {})) return true
  if (/display\s*:\s*none/i.test(attr(el, 'style'))) return true
  return /(^|[\s_-])(hidden|ng-hide|hide)([\s_-]|$)|^hidden/.test(classAndId(el))
}

function crumbItems(container: Element): string[] {
  const items: string[] = []
  const walk = (n: AnyNode): void => {
    if (n.type === 'text') {
      for (const part of (n as unknown as { data: string }).data.split(CRUMB_SEPARATOR_RE)) items.push(part)
      return
    }
    if (!isElement(n) || INVISIBLE_TAGS.has(tagOf(n))) return
    if (n !== container && (CRUMB_WIDGET_RE.test(classAndId(n)) || isHidden(n))) return
    if (tagOf(n) === 'a') {
      items.push(visibleText(n))
      return
    }
    for (const child of n.children) walk(child)
  }
  walk(container)
  return items
    .map((item) => tightCjk(item).replace(CRUMB_LABEL_RE, '').trim())
    .filter((item) => item && !/^[\s>»›/\\|:：\-]+$/.test(item) && !/[:：]$/.test(item))
}

export function findBreadcrumb($: CheerioAPI): { items: string[]; el: Element | null } {
  const named: Element[] = []
  const labelled: Element[] = []
  const walk = (el: Element): void => {
    if (INVISIBLE_TAGS.has(tagOf(el))) return
    if (CRUMB_CLASS_RE.test(classAndId(el))) named.push(el)
    let own = ''
    for (const c of el.children) {
      if (c.type === 'text') own += (c as unknown as { data: string }).data
      else if (isElement(c)) walk(c)
    }
    // Templates without a class name still print the 当前位置 label.
    if (own.includes('位置') && /位置\s*[:：]/.test(own)) labelled.push(isElement(el.parent) && visibleText(el).length < 20 ? el.parent : el)
  }
  for (const child of scanRoot($).children) if (isElement(child)) walk(child)
  const candidates = [...named, ...labelled]
  for (const el of candidates) {
    if (isHidden(el)) continue
    if (visibleTextExceeds(el, MAX_CRUMB_TEXT)) continue
    const text = visibleText(el)
    if (!text || !/首页|主页|位置|[>»›＞]/.test(text)) continue
    const items = crumbItems(el)
    if (items.length >= 2 || (items.length === 1 && /位置/.test(text))) return { items, el }
  }
  return { items: [], el: null }
}

const NOT_A_COLUMN = new Set(['正文', '详情', '内容', '详细内容', '文章', '信息详情', '正文内容'])

export function pickColumnName(meta: Record<string, string>, breadcrumb: string[], title: string): string | null {
  if (meta.ColumnName) return meta.ColumnName
  for (let i = breadcrumb.length - 1; i >= 1; i--) {
    const item = breadcrumb[i]
    if (NOT_A_COLUMN.has(item) || item === title) continue
    return item
  }
  return null
}
