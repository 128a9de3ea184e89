// 《政府网站发展指引》（国办发〔2017〕47号）四（一）文件资料: a document that is amended, repealed or expires is marked
// on its original page. Practice, not a numbered article: what is missing is left for review. Only a mark the page
// itself contradicts (有效 under a title marked 已废止, or past the 有效期 its own text states) is a fail.
import { parseDate } from '../../dates.ts'
import { clip, findField, isBlankValue } from '../../rule-kit/fields.ts'
import { compilePatterns, execBounded } from '../../rule-kit/patterns.ts'
import { bookTitles, isDocumentPage, linkNaming, policyScope } from '../../rule-kit/policy-docs.ts'
import { compact } from '../../text.ts'
import type { Finding, Localized, PageModel, RuleContext } from '../../types.ts'
import type { Params } from './params.ts'

const SECTION = '文件有效性'
const HEAD = 300

const EXPECTED: Localized = {
  zh: '规范性文件页标注有效性（有效、失效、废止、已修订等），修改、废止、失效后在原文件页明确标注',
  en: 'a normative document page shows its validity (in force, expired, repealed, amended), marked on the original page when it changes',
}

/** Why an "in force" mark is wrong: the page marks the document repealed, or its stated validity has run out. */
function contradictionOf(page: PageModel, p: Params, asOf: string, repeals: boolean): Localized | null {
  // Only the title: a repeal decision's own text says which other documents 已废止, and is itself in force.
  const ended = repeals ? undefined : p.endedMarkers.find((k) => compact(page.title).includes(compact(k)))
  if (ended) return { zh: `标题标注“${ended}”`, en: `the title marks it “${ended}”` }
  for (const re of compilePatterns(p.expiryPatterns)) {
    const hit = execBounded(re, page.mainText)
    const end = hit ? parseDate(hit.match[1] ?? hit.match[0]) : null
    if (hit && end && end.iso < asOf) {
      return { zh: `正文载明“${clip(hit.match[0], 40)}”，审计日 ${asOf} 已过期`, en: `the text says “${clip(hit.match[0], 40)}”, past at ${asOf}` }
    }
  }
  return null
}

function validityFinding(page: PageModel, p: Params, ctx: RuleContext, why: Localized, repeals: boolean): Finding {
  const field = findField(page, p.validityLabels, 'validity')
  // Longest first, so 部分失效 is not read as 失效.
  const values = [...p.validityValues].sort((a, b) => b.length - a.length)
  const known = (value: string): string | undefined => values.find((k) => compact(value).includes(compact(k)))
  const head = `${compact(page.title)} ${compact(page.mainText.slice(0, HEAD))}`
  const marker = p.statusMarkers.find((k) => head.includes(compact(k)))
  if (field && !isBlankValue(field.value)) {
    const value = clip(field.value.trim(), 40)
    const state = known(field.value)
    const inForce = !!state && p.inForceValues.some((k) => compact(state) === compact(k))
    const contradiction = inForce ? contradictionOf(page, p, ctx.asOf, repeals) : null
    if (contradiction) {
      return ctx.finding({
        status: 'fail',
        section: SECTION,
        key: 'validity',
        message: { zh: `有效性标注为“${value}”，但${contradiction.zh}，标注未随之更新`, en: `Marked “${value}”, but ${contradiction.en}; the mark was not updated` },
        evidence: { zh: `${why.zh}；${field.label}：${value}；${contradiction.zh}`, en: `${why.en}; ${field.label}: ${value}; ${contradiction.en}` },
        expected: EXPECTED,
        locator: field.locator,
        data: { label: field.label, value, state: state ?? null, asOf: ctx.asOf },
      })
    }
    return ctx.finding({
      status: state ? 'pass' : 'review',
      section: SECTION,
      key: 'validity',
      message: state
        ? { zh: `规范性文件标注了有效性：${state}`, en: `The normative document shows its validity: ${state}` }
        : { zh: `“${field.label}”的内容不是可识别的有效性状态，请核对`, en: `“${field.label}” does not hold a recognised validity state; check by hand` },
      evidence: { zh: `${why.zh}；${field.label}：${value}`, en: `${why.en}; ${field.label}: ${value}` },
      expected: EXPECTED,
      locator: field.locator,
      data: { label: field.label, value, state: state ?? null },
    })
  }
  if (marker) {
    return ctx.finding({
      status: 'pass',
      section: SECTION,
      key: 'validity',
      message: { zh: `页面标注了文件状态“${marker}”`, en: `The page marks the document “${marker}”` },
      evidence: { zh: `${why.zh}；标题或正文开头含“${marker}”`, en: `${why.en}; “${marker}” in the title or the head of the text` },
      expected: EXPECTED,
      locator: null,
      data: { marker },
    })
  }
  return ctx.finding({
    status: 'review',
    section: SECTION,
    key: 'validity',
    message: field
      ? { zh: `规范性文件页有“${field.label}”栏目但内容为空，请核对`, en: `The page has a “${field.label}” field, but it is empty; check by hand` }
      : { zh: '规范性文件页未标注有效性，请核对', en: 'The normative document page does not show its validity; check by hand' },
    evidence: field
      ? { zh: `${why.zh}；${field.label}：（空）`, en: `${why.en}; ${field.label}: (empty)` }
      : { zh: `${why.zh}；未见“${p.validityLabels[0]}”等字段或“${p.statusMarkers[0]}”等标注`, en: `${why.en}; no validity field or marker found` },
    expected: EXPECTED,
    locator: field?.locator ?? null,
  })
}

function repealFinding(page: PageModel, p: Params, ctx: RuleContext, announced: string): Finding {
  const names = [...new Set(bookTitles(`${page.title} ${page.mainText.slice(0, 2000)}`))]
  const links = (page.contentLinks ?? []).filter((l) => l.href !== page.url)
  const link = linkNaming(links, names)
  const expected: Localized = { zh: '宣布废止或修改的页面链接被废止、修改的文件原文', en: 'a page that repeals or amends documents links each of them' }
  const listed = names.length ? names.slice(0, 5).map((n) => `《${n}》`).join('、') + (names.length > 5 ? ` 等 ${names.length} 件` : '') : '（未以书名号注明）'
  if (link) {
    return ctx.finding({
      status: 'pass',
      section: SECTION,
      key: 'repealed-link',
      message: { zh: '废止/修改决定链接了所涉文件', en: 'The repeal or amendment links the documents concerned' },
      evidence: { zh: `标题含“${announced}”；涉及 ${listed}；链接“${clip(link.text, 60)}”`, en: `“${announced}” in the title; concerns ${listed}; link “${clip(link.text, 60)}”` },
      expected,
      locator: link.locator,
      data: { documents: names, link: link.href ?? '' },
    })
  }
  return ctx.finding({
    status: 'review',
    section: SECTION,
    key: 'repealed-link',
    message: { zh: '宣布废止或修改文件，但未见被废止、修改文件的链接，请核对', en: 'The page repeals or amends documents but links none of them; check by hand' },
    evidence: { zh: `标题含“${announced}”；涉及 ${listed}；页面正文中未见指向这些文件的链接`, en: `“${announced}” in the title; concerns ${listed}; no link to them in the content` },
    expected,
    locator: null,
    data: { documents: names },
  })
}

export function evaluate(page: PageModel, p: Params, ctx: RuleContext): Finding[] {
  if (!isDocumentPage(page)) return []
  const out: Finding[] = []
  const scope = policyScope(page, p)
  let announced: string | null = null
  for (const re of compilePatterns(p.repealTitlePatterns)) {
    const hit = execBounded(re, compact(page.title))
    if (hit) {
      announced = hit.match[0]
      break
    }
  }
  if (scope.normative) out.push(validityFinding(page, p, ctx, scope.why, announced !== null))
  if (announced) out.push(repealFinding(page, p, ctx, announced))
  return out
}
