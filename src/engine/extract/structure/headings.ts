// Headings, including paragraphs numbered like headings (一、 / （一）) that 年报 and 指南 use for their parts.
import type { Element } from 'domhandler'
import type { CheerioAPI } from 'cheerio/slim'
import { locatorOf } from '../../locator.ts'
import { byTag, closestMatch, queryAll } from '../dom.ts'
import type { Heading } from '../../types.ts'
import { INVISIBLE_TAGS, isElement, tagOf, visibleText, visibleTextExceeds } from './text.ts'

// 一、总体情况 · （一）主动公开 · (二)公开渠道 · 十一、… — the numbering 年报 and 指南 use for their parts.
const NUMBERED_HEADING_RE = /^(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）])\s*\S/
const MAX_PARAGRAPH_HEADING = 60
/**
 * Longer than any title: an <h1> that "contains" 150 KB is an unclosed tag swallowing the page (generated pages with
 * hundreds of them took seconds), and its text is the body's, not a heading's.
 */
const MAX_HEADING = 300

// What a numbered paragraph heading can start with (NUMBERED_HEADING_RE's first character).
const NUMBERED_HEADING_START = new Set([...'一二三四五六七八九十（('])
const NOT_SPACE = /[^\s\u00a0\u3000\u200b\ufeff]/

/** The first character visibleText(el) would give, found without building the text; '' when there is none. */
function firstVisibleChar(el: Element): string {
  for (const child of el.children) {
    if (child.type === 'text') {
      const m = NOT_SPACE.exec((child as unknown as { data: string }).data)
      if (m) return m[0]
    } else if (isElement(child) && !INVISIBLE_TAGS.has(tagOf(child))) {
      const c = firstVisibleChar(child)
      if (c) return c
    }
  }
  return ''
}

export function findHeadings($: CheerioAPI): Heading[] {
  const headings: Heading[] = []
  for (const el of queryAll($, byTag('h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'))) {
    if (!isElement(el)) continue
    const tag = tagOf(el)
    // Most paragraphs are body text: a first character no numbering starts with rules them out cheaply.
    if (tag === 'p' && !NUMBERED_HEADING_START.has(firstVisibleChar(el))) continue
    if (visibleTextExceeds(el, MAX_HEADING)) continue
    const text = visibleText(el)
    if (!text) continue
    if (tag === 'p') {
      if (text.length > MAX_PARAGRAPH_HEADING || !NUMBERED_HEADING_RE.test(text)) continue
      // Table cells of the 年报 statistics reuse 一、/（一） row labels; they are not report parts.
      if (closestMatch(el, byTag('td', 'th'))) continue
      headings.push({ text, level: 7, locator: locatorOf($, el) })
    } else {
      headings.push({ text, level: Number(tag.slice(1)), locator: locatorOf($, el) })
    }
  }
  return headings
}
