// 国办秘函〔2019〕19号 单项否决·严重问题: 严重表述错误 (misspelt names of the state, the Party and its organs,
// provinces and leaders; wrong set phrases). Each wrong form is one fail, located at its first block, with its count in
// data.hits (the site scan adds them up against the 19号 limit).
import type { Finding, Locator, PageModel, RuleContext } from '../../types.ts'
import { locateText } from '../../rule-kit/locate.ts'
import { maskDigitRuns } from '../../rule-kit/mask.ts'
import { findWrongForms, entriesOf } from './matcher.ts'
import type { Params, WordEntry } from './params.ts'

const CONTEXT = 12

/** The block's fingerprint is page text too; a number in it is masked (the marker then finds the block by its path). */
function maskedLocator(locator: Locator | null): Locator | null {
  return locator ? { css: locator.css, text: maskDigitRuns(locator.text) } : null
}

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  if (page.mainText.length < params.minTextLength) {
    return [
      ctx.finding({
        status: 'review',
        section: '严重表述错误',
        message: {
          zh: '页面正文几乎没有文字（可能由脚本加载或为图片），无法检查表述错误，请在浏览器中查看',
          en: 'The page has almost no text (loaded by scripts, or an image); misstatements could not be checked; look in a browser',
        },
        evidence: { zh: `正文 ${page.mainText.length} 字（少于 ${params.minTextLength} 字）`, en: `${page.mainText.length} characters of text (under ${params.minTextLength})` },
        expected: { zh: '可读取的正文', en: 'readable text' },
        locator: null,
        data: { textLength: page.mainText.length },
      }),
    ]
  }
  // The title is searched too, unless the text already repeats it (a hit would otherwise count twice).
  const text = page.mainText.includes(page.title) ? page.mainText : `${page.title} ${page.mainText}`
  const hits = findWrongForms(text, params)
  const section = '严重表述错误'
  if (hits.length === 0) {
    return [
      ctx.finding({
        status: 'pass',
        section,
        message: { zh: '未发现词表中的严重表述错误', en: 'No serious misstatement of the word list found' },
        evidence: {
          zh: `词表 ${params.listVersion}（${entriesOf(params).length} 条）未命中`,
          en: `word list ${params.listVersion} (${entriesOf(params).length} entries): no hit`,
        },
        expected: { zh: '国名、党政机关名称、地名、领导人姓名和固定表述书写正确', en: 'names of the state, organs, places and leaders and set phrases written correctly' },
        locator: null,
        data: { hits: 0, listVersion: params.listVersion },
      }),
    ]
  }
  const byWrong = new Map<string, { entry: WordEntry; starts: number[] }>()
  for (const h of hits) {
    const group = byWrong.get(h.entry.wrong) ?? { entry: h.entry, starts: [] }
    group.starts.push(h.start)
    byWrong.set(h.entry.wrong, group)
  }
  return [...byWrong.values()].map(({ entry, starts }) => {
    const at = starts[0]
    // The quote never cuts a number in two: a cut-off tail of a phone would escape the mask.
    let from = Math.max(0, at - CONTEXT)
    let to = Math.min(text.length, at + entry.wrong.length + CONTEXT)
    while (from > 0 && /[\dXx]/.test(text[from - 1]) && /[\dXx]/.test(text[from])) from--
    while (to < text.length && /[\dXx]/.test(text[to]) && /[\dXx]/.test(text[to - 1])) to++
    const around = maskDigitRuns(text.slice(from, to))
    return ctx.finding({
      status: 'fail',
      section,
      key: `wrong:${entry.wrong}`,
      message: {
        zh: `严重表述错误（${entry.category}）：“${entry.wrong}”应为“${entry.correct}”${starts.length > 1 ? `，共 ${starts.length} 处` : ''}`,
        en: `Serious misstatement (${entry.category}): “${entry.wrong}” should read “${entry.correct}”${starts.length > 1 ? `, ${starts.length} times` : ''}`,
      },
      evidence: { zh: `……${around}……`, en: `…${around}…` },
      expected: { zh: `应为：${entry.correct}`, en: `should read: ${entry.correct}` },
      locator: maskedLocator(locateText(page, entry.wrong)),
      data: { hits: starts.length, wrong: entry.wrong, correct: entry.correct, category: entry.category, listVersion: params.listVersion },
    })
  })
}
