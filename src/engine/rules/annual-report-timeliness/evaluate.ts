// 条例 第四十九条: the report on year Y is published by 1月31日 of Y+1 by a 部门, by 3月31日 when it is the report of a
// 县级以上地方人民政府 (recognised by its title, `governmentTitlePatterns`). Reports on 2018 and before fell under the
// 2007 条例 (3月31日 for all), hence `legacyDeadline`.
import { daysBetween, parseDate } from '../../dates.ts'
import type { Entry, Finding, IsoDate, Localized, Locator, PageModel, RuleContext } from '../../types.ts'
import type { Params } from './params.ts'
import { compilePatterns, testBounded } from '../../rule-kit/patterns.ts'
import { reportYearOf } from '../annual-report-structure/evaluate.ts'
import { compact, ownNames } from '../../rule-kit/places.ts'

interface Deadlines {
  current: string
  government: string
  governmentTitles: RegExp[]
  legacy: string
  legacyUntil: number
}

function deadlines(params: Params): Deadlines {
  return {
    current: params.deadline,
    government: params.governmentDeadline,
    governmentTitles: compilePatterns(params.governmentTitlePatterns),
    legacy: params.legacyDeadline,
    legacyUntil: params.legacyUntilYear,
  }
}

function isGovernmentReport(title: string, d: Deadlines): boolean {
  const t = compact(title)
  return d.governmentTitles.some((re) => testBounded(re, t))
}

export function deadlineFor(year: number, d: Deadlines, title = ''): IsoDate {
  if (year <= d.legacyUntil) return `${year + 1}-${d.legacy}`
  return `${year + 1}-${isGovernmentReport(title, d) ? d.government : d.current}`
}

function expectedFor(year: number, d: Deadlines, title = ''): Localized {
  const due = deadlineFor(year, d, title)
  const basis =
    year <= d.legacyUntil
      ? { zh: '2007 年《条例》第三十一条', en: '2007 Regulations, Art. 31' }
      : isGovernmentReport(title, d)
        ? { zh: '《条例》第四十九条，本级人民政府报告', en: 'Art. 49, government-level report' }
        : { zh: '《条例》第四十九条，部门报告；本级人民政府报告为 3月31日', en: 'Art. 49, department report; government-level reports are due 31 March' }
  return {
    zh: `${year} 年度报告应于 ${due} 前向社会公布（${basis.zh}）`,
    en: `The report on ${year} must be published by ${due} (${basis.en})`,
  }
}

/** The report page's own publication date: the date printed on it, else the metadata box, else the PubDate meta. */
function publishedOn(page: PageModel, asOf: IsoDate): { iso: IsoDate; from: Localized } | null {
  if (page.visibleDate) return { iso: page.visibleDate.iso, from: { zh: '页面发布日期', en: 'date on the page' } }
  const field = page.metadata?.fields.publishDate?.value
  const fromField = field ? parseDate(field, { asOf }) : null
  if (fromField) return { iso: fromField.iso, from: { zh: `元数据「${page.metadata!.fields.publishDate!.label}」`, en: `metadata ${page.metadata!.fields.publishDate!.label}` } }
  const meta = page.meta['PubDate'] ?? page.meta['pubdate']
  const fromMeta = meta ? parseDate(meta, { asOf }) : null
  return fromMeta ? { iso: fromMeta.iso, from: { zh: 'PubDate 标签', en: 'PubDate meta' } } : null
}

function judge(ctx: RuleContext, year: number, title: string, published: IsoDate, from: Localized, d: Deadlines, locator: Locator | null, section: string): Finding {
  const due = deadlineFor(year, d, title)
  const late = daysBetween(due, published)
  const data = { reportYear: year, published, deadline: due, daysLate: Math.max(0, late) }
  if (late > 0) {
    return ctx.finding({
      status: 'fail',
      section,
      key: `report:${year}`,
      data,
      message: { zh: `${year} 年度报告逾期公布`, en: `The report on ${year} was published late` },
      evidence: { zh: `${from.zh} ${published}，晚于截止日 ${due} 共 ${late} 天`, en: `${from.en} ${published}, ${late} days after the deadline ${due}` },
      expected: expectedFor(year, d, title),
      locator,
    })
  }
  return ctx.finding({
    status: 'pass',
    section,
    key: `report:${year}`,
    data,
    message: { zh: `${year} 年度报告按时公布`, en: `The report on ${year} was published on time` },
    evidence: { zh: `${from.zh} ${published}，截止日 ${due}`, en: `${from.en} ${published}, deadline ${due}` },
    expected: expectedFor(year, d, title),
    locator,
  })
}

function onReportPage(page: PageModel, ctx: RuleContext, d: Deadlines): Finding[] {
  const yr = reportYearOf(page)
  const section = '年度报告发布时间'
  if (!yr) {
    return [
      ctx.finding({
        status: 'review',
        section,
        message: { zh: '无法确定年度报告所属年度，无法判断是否按时公布', en: 'The year the report covers is unknown, so its timeliness cannot be judged' },
        evidence: { zh: `标题：${page.title || '（无）'}`, en: `title: ${page.title || '(none)'}` },
        expected: { zh: '年度报告应于次年 1月31日（本级政府 3月31日）前公布', en: 'A report must be published by 31 January (government-level reports: 31 March) of the next year' },
        locator: null,
      }),
    ]
  }
  const pub = publishedOn(page, ctx.asOf)
  if (!pub) {
    return [
      ctx.finding({
        status: 'review',
        section,
        message: { zh: `${yr.year} 年度报告未注明发布日期，无法判断是否按时公布`, en: `The report on ${yr.year} shows no publication date` },
        evidence: { zh: '页面、元数据和 PubDate 标签中均未找到发布日期', en: 'no publication date on the page, in its metadata or in the PubDate meta' },
        expected: expectedFor(yr.year, d, page.title),
        locator: null,
      }),
    ]
  }
  return [judge(ctx, yr.year, page.title, pub.iso, pub.from, d, page.visibleDate?.locator ?? page.metadata?.fields.publishDate?.locator ?? null, section)]
}

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年/

function onListPage(page: PageModel, params: Params, ctx: RuleContext, d: Deadlines): Finding[] {
  const reportTitle = compilePatterns(params.reportTitlePatterns)
  const reports: { year: number; entry: Entry }[] = []
  for (const c of page.columns) {
    for (const e of c.entries) {
      const t = compact(e.title)
      const m = YEAR_IN_TITLE.exec(t)
      if (m && reportTitle.some((re) => testBounded(re, t))) reports.push({ year: Number(m[1]), entry: e })
    }
  }
  // The newest year whose deadline has already passed on the audit date: that report must be listed.
  const asOfYear = Number(ctx.asOf.slice(0, 4))
  // The body is read off the titles it lists: a government-level list is due later than a department's.
  const sample = reports[0]?.entry.title ?? ''
  const target = ctx.asOf > deadlineFor(asOfYear - 1, d, sample) ? asOfYear - 1 : asOfYear - 2
  const section = `${target} 年度报告`
  const listed = reports.filter((r) => r.year === target)
  const entries = page.columns.reduce((n, c) => n + c.entries.length, 0)
  if (listed.length === 0) {
    const years = [...new Set(reports.map((r) => r.year))].sort((a, b) => b - a)
    // No entries at all: the list was probably filled by script; an absent report cannot be told from an unseen one.
    return [
      ctx.finding({
        status: entries === 0 ? 'review' : 'fail',
        section,
        message:
          entries === 0
            ? { zh: '年报栏目未识别到条目，需人工核实', en: 'No entries were found in the annual-report list; check by hand' }
            : { zh: `年报栏目中未见 ${target} 年度报告`, en: `The report on ${target} is not in the annual-report list` },
        evidence: {
          zh: `审计日 ${ctx.asOf} 已过截止日 ${deadlineFor(target, d, sample)}；列表中的报告年度：${years.length ? years.join('、') : '无'}`,
          en: `audit date ${ctx.asOf} is past the deadline ${deadlineFor(target, d, sample)}; years listed: ${years.length ? years.join(', ') : 'none'}`,
        },
        expected: expectedFor(target, d, sample),
        locator: null,
      }),
    ]
  }
  return listed.map(({ entry }) => {
    if (!entry.date) {
      return ctx.finding({
        status: 'review',
        section,
        message: { zh: `${target} 年度报告已列出但未注明发布日期`, en: `The report on ${target} is listed without a date` },
        evidence: { zh: `「${entry.title}」无日期`, en: `"${entry.title}" has no date` },
        expected: expectedFor(target, d, entry.title),
        locator: entry.locator,
      })
    }
    return judge(ctx, target, entry.title, entry.date.iso, { zh: `「${entry.title.slice(0, 40)}」列表日期`, en: `list date of "${entry.title.slice(0, 40)}"` }, d, entry.locator, section)
  })
}

function isReportList(page: PageModel, params: Params): boolean {
  if (!(params.listKinds as string[]).includes(page.kind)) return false
  const signal = compilePatterns(params.listPatterns)
  return ownNames(page).some((n) => signal.some((re) => testBounded(re, n)))
}

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  const d = deadlines(params)
  if (page.kind === 'annual-report') return onReportPage(page, ctx, d)
  if (isReportList(page, params)) return onListPage(page, params, ctx, d)
  return []
}
