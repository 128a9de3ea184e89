// The publication date printed on an article page: a labelled 发布日期/发布时间, else a bare date under the title.
import type { AnyNode, Element } from 'domhandler'
import type { CheerioAPI } from 'cheerio/slim'
import { parseDate } from '../../dates.ts'
import { locatorOf } from '../../locator.ts'
import type { ExtractContext, MetadataField } from '../../types.ts'
import { ancestors, contains, findMainContainer, isChrome, isElement, scanRoot, tagOf, visibleText } from '../structure.ts'
import type { VisibleDate } from '../metadata.ts'
import { type Segment, elementOfRange, forEachSegment } from './segments.ts'

// 发布日期： / 发布时间： / 日期: / 时间： — but not 成文日期, 生成日期, 办公时间, 页面生成时间 (a CJK char before 日期/时间).
const DATE_LABEL_RE = /(?<![\u4e00-\u9fa5])(?:发布|发稿|发表|公开|上传|刊发)?(?:日期|时间) *[:：] */g
const BARE_DATE_RE =
  /^ *(?:19|20)\d{2} *(?:[-/.] *\d{1,2} *[-/.] *\d{1,2}|年 *\d{1,2} *月 *\d{1,2} *日?)(?: +\d{1,2}:\d{2}(?::\d{2})?)? *$/
/** A date printed near the top of the body still belongs to the article head (年报: 发布日期 under the title). */
const MAIN_HEAD_CHARS = 300

const ROW_TAGS = new Set(['li', 'dd', 'dt', 'dl', 'tr', 'tbody', 'table', 'ul', 'ol'])

function inLinkList(el: Element): boolean {
  // Dated entries of a list (关联稿件, 相关新闻, a column's rows) sit beside a link in the same row.
  for (const up of [el, ...ancestors(el)].slice(0, 4)) {
    const tag = tagOf(up)
    if (tag === 'a') return true
    if (ROW_TAGS.has(tag) && hasLinkText(up)) return true
  }
  return false
}

function hasLinkText(el: Element): boolean {
  const stack: AnyNode[] = [...el.children]
  while (stack.length) {
    const n = stack.pop() as AnyNode
    if (!isElement(n)) continue
    if (tagOf(n) === 'a' && visibleText(n)) return true
    stack.push(...n.children)
  }
  return false
}

export function findVisibleDate(
  $: CheerioAPI,
  ctx: ExtractContext,
  exclude: (Element | null)[],
  boxField: MetadataField | undefined,
): VisibleDate {
  const body = scanRoot($)
  const main = findMainContainer($)
  const opts = { asOf: ctx.asOf }
  const skip = (el: Element): boolean => exclude.includes(el) || (isChrome(el) && !(main && contains(el, main)))
  let mainChars = 0
  const re = new RegExp(DATE_LABEL_RE.source, 'g')
  let found: VisibleDate = null
  const dateIn = (seg: Segment): VisibleDate => {
    const inMain = !!main && contains(main, seg.el)
    if (inMain) {
      if (mainChars > MAIN_HEAD_CHARS) return null
      mainChars += seg.text.trim().length
    }
    // Every label match holds 日期 or 时间; a long list's rows hold neither, and the lookbehind pattern costs.
    const labelled = seg.text.includes('期') || seg.text.includes('间')
    re.lastIndex = 0
    let m: RegExpExecArray | null
    while (labelled && (m = re.exec(seg.text))) {
      // Inside the body only a 发布日期-style line of its own counts; 时间：… in a sentence is an event date.
      if (inMain && (seg.text.slice(0, m.index).trim() !== '' || !/^(发布|发稿|发表|公开|刊发)/.test(m[0]))) continue
      const rest = seg.text.slice(m.index + m[0].length, m.index + m[0].length + 40)
      const date = parseDate(rest, opts)
      if (!date || rest.indexOf(date.raw) > 1) continue
      const at = m.index + m[0].length + rest.indexOf(date.raw)
      return { ...date, locator: locatorOf($, elementOfRange(seg, m.index, at + date.raw.length)) }
    }
    // A bare date inside the body is the document's own 落款 / report date, not when the page published it.
    if (!inMain && BARE_DATE_RE.test(seg.text) && !inLinkList(seg.el)) {
      const date = parseDate(seg.text, opts)
      if (date) return { ...date, locator: locatorOf($, seg.el) }
    }
    return null
  }
  forEachSegment(body, skip, (seg) => {
    found = dateIn(seg)
    return found !== null
  })
  if (found) return found
  if (boxField?.value) {
    const date = parseDate(boxField.value, opts)
    if (date) return { ...date, locator: boxField.locator }
  }
  return null
}
