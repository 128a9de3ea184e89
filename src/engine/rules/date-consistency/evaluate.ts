// Dates that cannot all be true: future dates, 成文 after 发布, and the page's PubDate meta against the visible date.
// 19号 treats 伪造发稿日期 as a veto, so this rule only ever reports an inconsistency and never escalates to veto.
import { daysBetween, parseDate } from '../../dates.ts'
import type { Finding, Locator, PageModel, RuleContext, Severity } from '../../types.ts'
import type { Params } from './params.ts'
import { findDateField, publishDateOf } from '../../rule-kit/fields.ts'


/** Only the publication-date metas of 政府网站网页设计规范; `others: 页面生成时间 …` is a render stamp, not a date of record. */
function metaPubDate(meta: Record<string, string>): { name: string; value: string } | null {
  for (const [name, value] of Object.entries(meta)) {
    if (name.toLowerCase() === 'pubdate' && value.trim()) return { name, value: value.trim() }
  }
  return null
}

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  const tolerance = params.pubDateMetaToleranceDays
  const severity: Severity | undefined = ctx.rule.severity === 'veto' ? 'warning' : undefined
  const written = findDateField(page, params.writtenDateLabels, 'writtenDate')
  const published = publishDateOf(page, params.publishDateLabels)
  const out: Finding[] = []
  const checked: string[] = []
  const add = (status: Finding['status'], section: string, zh: string, en: string, evidence: { zh: string; en: string }, expected: { zh: string; en: string }, locator: Locator | null) =>
    out.push(ctx.finding({ status, section, message: { zh, en }, evidence, expected, locator, severity }))

  const dated = [
    ...(published?.date ? [{ label: published.label, iso: published.date.iso, locator: published.locator, firm: published.labelled }] : []),
    ...(page.visibleDate ? [{ label: '页面显示日期', iso: page.visibleDate.iso, locator: page.visibleDate.locator, firm: false }] : []),
    ...(written?.date ? [{ label: written.label, iso: written.date.iso, locator: written.locator, firm: true }] : []),
  ]
  const seen = new Set<string>()
  for (const d of dated) {
    // The visible date is often the box's 发布日期 read twice; one future date is one finding.
    if (seen.has(d.iso)) continue
    seen.add(d.iso)
    checked.push(`${d.label} ${d.iso}`)
    if (d.iso > ctx.asOf) {
      // An unlabelled date near the title may announce an event rather than date the page.
      add(
        d.firm ? 'fail' : 'review',
        d.label,
        d.firm ? `${d.label}晚于审计日，日期不可能已发生` : `页面所示日期 ${d.iso} 晚于审计日，请核对是否为发布日期`,
        d.firm ? `${d.label} is after the audit date` : `The date shown, ${d.iso}, is after the audit date; check whether it is the publication date`,
        { zh: `${d.label} ${d.iso}，审计日 ${ctx.asOf}`, en: `${d.label} ${d.iso}, audit date ${ctx.asOf}` },
        { zh: '页面日期不应晚于当天', en: 'no date on the page lies in the future' },
        d.locator,
      )
    }
  }

  if (written?.date && published?.date) {
    checked.push(`${written.label}≤${published.label}`)
    if (written.date.iso > published.date.iso) {
      add(
        published.labelled ? 'fail' : 'review',
        `${written.label}/${published.label}`,
        published.labelled ? `${written.label}晚于${published.label}` : `${written.label}晚于页面所示日期（该日期未标注为发布日期，可能是原文落款），请核对`,
        published.labelled ? `${written.label} is later than ${published.label}` : `${written.label} is later than the unlabelled date shown (possibly the original's signature date); please check`,
        { zh: `${written.label} ${written.date.iso}，${published.label} ${published.date.iso}`, en: `${written.label} ${written.date.iso}, ${published.label} ${published.date.iso}` },
        { zh: '文件应先成文后发布', en: 'a document is written before it is published' },
        written.locator,
      )
    }
  }

  const meta = metaPubDate(page.meta)
  const metaDate = meta ? parseDate(meta.value) : null
  // The box's 发布日期 is the date of record when there is one; a bare date in the text may be the 落款.
  const shownDate = published?.date ?? null
  const shownLocator = published?.locator ?? null
  if (meta && metaDate && shownDate) {
    checked.push(`PubDate ${metaDate.iso}`)
    const gap = Math.abs(daysBetween(shownDate.iso, metaDate.iso))
    if (gap > tolerance) {
      add(
        'review',
        'PubDate',
        `页面显示日期与 PubDate 元标签相差 ${gap} 天，可能存在不一致（如网站迁移、重新发布），请核对`,
        `The date shown and the PubDate meta differ by ${gap} days; a possible inconsistency (site migration, republication), please check`,
        { zh: `页面显示 ${shownDate.iso}，<meta name="${meta.name}"> ${meta.value}`, en: `page shows ${shownDate.iso}, <meta name="${meta.name}"> ${meta.value}` },
        { zh: `两者相差不超过 ${tolerance} 天`, en: `within ${tolerance} days of each other` },
        shownLocator,
      )
    }
  }

  if (checked.length === 0) {
    return [
      ctx.finding({
        status: 'n/a',
        section: '日期',
        message: { zh: '页面未给出可核对的日期', en: 'The page gives no date to check' },
        evidence: { zh: '未见页面日期、成文日期或发布日期', en: 'no visible, written or publication date' },
        expected: { zh: '页面日期彼此一致且不晚于当天', en: 'dates agree and none is in the future' },
        locator: null,
        severity,
      }),
    ]
  }
  if (out.length === 0) {
    out.push(
      ctx.finding({
        status: 'pass',
        section: '日期',
        message: { zh: '页面日期一致', en: 'The dates on the page agree' },
        evidence: { zh: `已核对：${checked.join('；')}`, en: `checked: ${checked.join('; ')}` },
        expected: { zh: '页面日期彼此一致且不晚于当天', en: 'dates agree and none is in the future' },
        locator: shownLocator,
        severity,
      }),
    )
  }
  return out
}
