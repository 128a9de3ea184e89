// 条例 第二十六条: information is published within 20 working days of being formed (成文/生成) or changed.
import { daysBetween, isCalendarCovered, workingDaysBetween } from '../../dates.ts'
import type { Finding, PageModel, RuleContext } from '../../types.ts'
import type { Params } from './params.ts'
import { findDateField, publishDateOf, type DateField } from '../../rule-kit/fields.ts'

const SECTION = '公开时限'

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  const max = params.maxWorkingDays
  const written = findDateField(page, params.writtenDateLabels, 'writtenDate')
  const published = publishDateOf(page, params.publishDateLabels)
  const expected = {
    zh: `自成文（形成）之日起 ${max} 个工作日内公开（起算日不计入，按国务院节假日安排计算工作日）`,
    en: `published within ${max} working days of being formed (the first day not counted; official holiday calendar)`,
  }
  const shown = (f: DateField | null) => (f ? `${f.label} ${f.date?.iso ?? f.value}` : '')

  if (!written || !published) {
    // A document that states when it was written is in scope; without a publication date the 20-day limit cannot
    // be checked, which a person must know rather than read as "does not apply".
    return [
      ctx.finding({
        status: written ? 'review' : 'n/a',
        section: SECTION,
        message: { zh: '页面未同时给出成文日期和发布日期，无法计算公开时限', en: 'The page does not give both the date of writing and the publication date' },
        evidence: {
          zh: `成文日期：${written ? shown(written) : '未见'}；发布日期：${published ? shown(published) : '未见'}`,
          en: `written: ${written ? shown(written) : 'not found'}; published: ${published ? shown(published) : 'not found'}`,
        },
        expected,
        locator: written?.locator ?? published?.locator ?? null,
      }),
    ]
  }
  const unreadable = [written, published].find((f) => !f.date)
  if (unreadable || !written.date || !published.date) {
    const f = unreadable ?? written
    return [
      ctx.finding({
        status: 'review',
        section: SECTION,
        message: { zh: `无法识别“${f.label}”中的日期，请人工核对公开时限`, en: `Cannot read the date in “${f.label}”; check the deadline by hand` },
        evidence: { zh: `${f.label}：${f.value}`, en: `${f.label}: ${f.value}` },
        expected,
        locator: f.locator,
      }),
    ]
  }
  const from = written.date.iso
  const to = published.date.iso
  const evidenceDates = { zh: `${written.label} ${from}，${published.label} ${to}`, en: `${written.label} ${from}, ${published.label} ${to}` }
  if (to < from) {
    // An impossible order is a date-consistency matter; a lag cannot be measured from it.
    return [
      ctx.finding({
        status: 'n/a',
        section: SECTION,
        message: { zh: '发布日期早于成文日期，无法计算公开时限（见日期一致性）', en: 'Published before written; the lag cannot be measured (see date consistency)' },
        evidence: evidenceDates,
        expected,
        locator: published.locator,
      }),
    ]
  }
  const count = workingDaysBetween(from, to)
  const calendarDays = daysBetween(from, to)
  const data = { writtenDate: from, publishDate: to, workingDays: count, calendarDays, maxWorkingDays: max, publishDateLabelled: published.labelled }
  const evidence = {
    zh: `${evidenceDates.zh}，间隔 ${count} 个工作日（${calendarDays} 个自然日）`,
    en: `${evidenceDates.en}: ${count} working days (${calendarDays} calendar days)`,
  }
  if (!isCalendarCovered(from) || !isCalendarCovered(to)) {
    return [
      ctx.finding({
        status: 'review',
        section: SECTION,
        key: 'lag',
        data,
        message: {
          zh: '节假日安排未覆盖该年份，工作日按周一至周五估算，请人工核对',
          en: 'The holiday calendar does not cover that year; working days are a Monday–Friday estimate, check by hand',
        },
        evidence,
        expected,
        locator: published.locator,
      }),
    ]
  }
  if (count > max && !published.labelled) {
    return [
      ctx.finding({
        status: 'review',
        section: SECTION,
        key: 'lag',
        data,
        message: {
          zh: `按页面所示日期计算间隔 ${count} 个工作日，但该日期未标注为发布日期（可能是落款），请核对`,
          en: `${count} working days by the date shown, but that date is not labelled as the publication date (possibly a signature date)`,
        },
        evidence,
        expected,
        locator: published.locator,
      }),
    ]
  }
  if (count > max) {
    return [
      ctx.finding({
        status: 'fail',
        section: SECTION,
        key: 'lag',
        data,
        message: { zh: `成文后 ${count} 个工作日才公开，超过 ${max} 个工作日`, en: `Published ${count} working days after it was written, more than ${max}` },
        evidence,
        expected,
        locator: published.locator,
      }),
    ]
  }
  return [
    ctx.finding({
      status: 'pass',
      section: SECTION,
      key: 'lag',
      data,
      message: { zh: `成文后 ${count} 个工作日内公开`, en: `Published within ${count} working days of being written` },
      evidence,
      expected,
      locator: published.locator,
    }),
  ]
}
