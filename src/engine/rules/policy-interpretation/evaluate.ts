// 解读 published with its document (国办发〔2016〕80号: 解读方案、解读材料与政策性文件同步组织、同步审签、同步部署;
// local rules say 同步起草、同步审签、同步发布, some allowing a few working days), and the two linked both ways.
// One page shows only its own side: the 解读's date is on it, the document's date only when the 解读 prints it.
import { daysBetween, findDates, isCalendarCovered, parseDate, workingDaysBetween } from '../../dates.ts'
import { compilePatterns, execBounded } from '../../rule-kit/patterns.ts'
import { clip, publishDateOf } from '../../rule-kit/fields.ts'
import { bookTitles, isDocumentPage, linkNaming, placeText, policyScope } from '../../rule-kit/policy-docs.ts'
import { compact } from '../../text.ts'
import type { ContentLink, Finding, IsoDate, Localized, PageModel, RuleContext } from '../../types.ts'
import type { Params } from './params.ts'

const SECTION = '政策解读'

/** Text outside 《》: "关于印发《政策解读工作制度》的通知" names a 解读 rule, it is not a 解读. */
function outsideBookTitles(text: string): string {
  return compact(text).replace(/《[^《》]*》/g, '')
}

export function isInterpretation(page: PageModel, p: Params): boolean {
  if (!isDocumentPage(page)) return false
  const title = outsideBookTitles(page.title)
  if (p.interpretationTitleKeywords.some((k) => title.includes(compact(k)))) return true
  const place = placeText(page)
  return p.columnLinkTexts.some((k) => place.endsWith(compact(k)))
}

function isInterpretationLink(l: ContentLink, p: Params): boolean {
  const t = compact(l.text)
  return p.interpretationTitleKeywords.some((k) => t.includes(compact(k))) && !p.columnLinkTexts.some((c) => t === compact(c))
}

/** The document a 解读 names: 《…》 in its title, else in the first lines of its text. */
function namedDocuments(page: PageModel): string[] {
  const fromTitle = bookTitles(page.title)
  return fromTitle.length ? fromTitle : bookTitles(page.mainText.slice(0, 600))
}

/** The name a policy document page goes by: 《…》 in its title, or the X of "关于印发X的通知". */
function ownDocumentNames(page: PageModel): string[] {
  const names = bookTitles(page.title)
  const m = /印发(.{4,60}?)的(?:通知|决定)/.exec(compact(page.title))
  if (m) names.push(m[1].replace(/[《》]/g, ''))
  const t = compact(page.title).replace(/[_|｜].*$/, '')
  if (!names.length && t.length >= 4) names.push(t)
  return names
}

interface DocDate {
  iso: IsoDate
  how: Localized
  /** A publication date (labelled, or beside the 原文 link), or only the date the text says it was issued (印发). */
  published: boolean
}

/** The document's date as the 解读 page states it: a labelled date, the date beside the 原文 link, or a sentence. */
function documentDate(page: PageModel, p: Params, link: ContentLink | null): DocDate | null {
  const text = page.mainText
  for (const label of p.documentDateLabels) {
    const i = text.indexOf(label)
    if (i < 0) continue
    const d = parseDate(text.slice(i + label.length, i + label.length + 30))
    if (d) return { iso: d.iso, how: { zh: `页面注明“${label}”${d.raw}`, en: `the page states ${label} ${d.raw}` }, published: true }
  }
  if (link) {
    const beside = link.context.replace(link.text, ' ')
    const d = findDates(beside)[0]
    if (d) return { iso: d.iso, how: { zh: `原文链接旁注明日期 ${d.raw}`, en: `the date ${d.raw} beside the link to the original` }, published: true }
  }
  for (const re of compilePatterns(p.documentDatePatterns)) {
    const hit = execBounded(re, text)
    const d = hit ? parseDate(hit.match[1] ?? hit.match[0]) : null
    if (d && hit) return { iso: d.iso, how: { zh: `正文称“${clip(hit.match[0], 60)}”`, en: `the text says “${clip(hit.match[0], 60)}”` }, published: false }
  }
  return null
}

function interpretationFindings(page: PageModel, p: Params, ctx: RuleContext): Finding[] {
  const links = (page.contentLinks ?? []).filter((l) => !isInterpretationLink(l, p) && l.href !== page.url)
  const names = namedDocuments(page)
  const original =
    linkNaming(links, names) ??
    links.find((l) => p.originalLinkKeywords.some((k) => compact(l.text).includes(compact(k)) || compact(l.context).startsWith(compact(k)))) ??
    null
  const named = names.length ? names.map((n) => `《${n}》`).join('、') : '（页面未以书名号注明）'
  const out: Finding[] = []
  out.push(
    original
      ? ctx.finding({
          status: 'pass',
          section: SECTION,
          key: 'original-link',
          message: { zh: '解读页链接了所解读的文件', en: 'The 解读 links the document it interprets' },
          evidence: { zh: `链接“${clip(original.text, 60)}”`, en: `link “${clip(original.text, 60)}”` },
          expected: { zh: '解读页提供所解读文件的原文链接', en: 'the 解读 links the original document' },
          locator: original.locator,
          data: { link: original.href ?? '', documents: names },
        })
      : ctx.finding({
          status: 'review',
          section: SECTION,
          key: 'original-link',
          message: { zh: '解读页未见所解读文件的原文链接，请核对', en: 'No link to the interpreted document was found on this 解读 page; check by hand' },
          evidence: { zh: `解读的文件：${named}；页面正文中未见指向该文件或“原文”的链接`, en: `interprets: ${named}; no link to it or to an “original” found in the content` },
          expected: { zh: '解读页提供所解读文件的原文链接', en: 'the 解读 links the original document' },
          locator: null,
          data: { documents: names },
        }),
  )

  const max = p.maxWorkingDays
  const expected: Localized = {
    zh: max === 0 ? '解读与文件同步发布（同日）' : `解读在文件发布后 ${max} 个工作日内发布`,
    en: max === 0 ? 'the 解读 is published the same day as the document' : `the 解读 is published within ${max} working days of the document`,
  }
  const published = publishDateOf(page, p.publishDateLabels)
  const own = published?.date?.iso ?? null
  const doc = documentDate(page, p, original)
  if (!own || !doc) {
    out.push(
      ctx.finding({
        status: 'review',
        section: SECTION,
        key: 'timing',
        message: own
          ? { zh: '页面未注明所解读文件的发布日期，无法判断是否同步发布，请对照原文核对', en: 'The page does not date the interpreted document; compare with the original by hand' }
          : { zh: '页面未注明解读的发布日期，无法判断是否同步发布', en: 'The page does not show when the 解读 was published' },
        evidence: {
          zh: `解读发布日期：${own ?? '未见'}；文件日期：${doc ? doc.iso : '本页未见'}`,
          en: `解读 published: ${own ?? 'not found'}; document date: ${doc ? doc.iso : 'not on this page'}`,
        },
        expected,
        locator: published?.locator ?? null,
      }),
    )
    return out
  }
  const late = own > doc.iso ? workingDaysBetween(doc.iso, own) : 0
  const data = { documentDate: doc.iso, documentDatePublished: doc.published, interpretationDate: own, workingDays: late, calendarDays: daysBetween(doc.iso, own), maxWorkingDays: max }
  const evidence: Localized = {
    zh: `文件日期 ${doc.iso}（${doc.how.zh}），解读发布日期 ${own}，相差 ${late} 个工作日`,
    en: `document ${doc.iso} (${doc.how.en}), 解读 published ${own}: ${late} working days later`,
  }
  const covered = isCalendarCovered(doc.iso) && isCalendarCovered(own)
  // Late by the issue date (印发) alone is not late publication: the document itself may have been published later.
  const status = late <= max ? 'pass' : !covered || !published?.labelled || !doc.published ? 'review' : 'fail'
  const doubt = !covered
    ? { zh: '节假日安排未覆盖该年份', en: 'the holiday calendar does not cover that year' }
    : !published?.labelled
      ? { zh: '解读日期未标注为发布日期', en: 'the 解读 date is not labelled as its publication date' }
      : { zh: '页面只给出文件的印发日期，不一定是其发布日期', en: 'the page gives only the date the document was issued, not necessarily when it was published' }
  out.push(
    ctx.finding({
      status,
      section: SECTION,
      key: 'timing',
      data,
      message:
        status === 'pass'
          ? { zh: `解读在文件发布后 ${late} 个工作日内发布，符合同步发布要求`, en: `Published ${late} working days after the document, within the limit` }
          : status === 'fail'
            ? { zh: `解读晚于文件 ${late} 个工作日发布，超过 ${max} 个工作日`, en: `Published ${late} working days after the document, more than ${max}` }
            : { zh: `解读晚于文件 ${late} 个工作日，但${doubt.zh}，请核对`, en: `${late} working days after the document, but ${doubt.en}; check by hand` },
      evidence,
      expected,
      locator: published?.locator ?? null,
    }),
  )
  return out
}

function documentFindings(page: PageModel, p: Params, ctx: RuleContext, why: Localized): Finding[] {
  const links = page.contentLinks ?? []
  const labelled = (l: ContentLink): boolean => p.relatedLabels.some((k) => compact(l.context).replace(compact(l.text), '').includes(compact(k)))
  // 相关解读：<a>《…》出台背景及主要内容</a> is a 解读 link whose own text never says so.
  const candidates = links.filter((l) => isInterpretationLink(l, p) || (labelled(l) && !p.columnLinkTexts.some((c) => compact(l.text) === compact(c))))
  const names = ownDocumentNames(page)
  const found = linkNaming(candidates, names) ?? candidates.find(labelled) ?? null
  const expected: Localized = {
    zh: '规范性文件等重要政策文件与解读同步发布，文件页链接其解读',
    en: 'a normative or major policy document is published with its 解读 and links it',
  }
  if (found) {
    return [
      ctx.finding({
        status: 'pass',
        section: SECTION,
        key: 'interpretation-link',
        message: { zh: '文件页链接了其政策解读', en: 'The document links its 解读' },
        evidence: { zh: `${why.zh}；解读链接“${clip(found.text, 60)}”`, en: `${why.en}; 解读 link “${clip(found.text, 60)}”` },
        expected,
        locator: found.locator,
        data: { link: found.href ?? '' },
      }),
    ]
  }
  const other = candidates[0]
  return [
    ctx.finding({
      status: 'review',
      section: SECTION,
      key: 'interpretation-link',
      message: other
        ? { zh: '页面有解读链接，但未能确认是否为本文件的解读，请核对', en: 'The page links a 解读, but not clearly this document’s; check by hand' }
        : { zh: '规范性文件页未见其政策解读链接，请核对网站是否发布了解读', en: 'No link to a 解读 of this document; check whether the site publishes one' },
      evidence: other
        ? { zh: `${why.zh}；解读链接“${clip(other.text, 60)}”未提及本文件`, en: `${why.en}; the 解读 link “${clip(other.text, 60)}” does not name this document` }
        : { zh: `${why.zh}；页面正文中未见“解读”链接`, en: `${why.en}; no 解读 link in the content` },
      expected,
      locator: other?.locator ?? null,
    }),
  ]
}

export function evaluate(page: PageModel, p: Params, ctx: RuleContext): Finding[] {
  if (isInterpretation(page, p)) return interpretationFindings(page, p, ctx)
  const scope = policyScope(page, p)
  if (scope.normative) return documentFindings(page, p, ctx, scope.why)
  return []
}
