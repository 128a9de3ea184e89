// 国办秘函〔2019〕19号 互动回应: in the year before the check, a valid message of a 政务咨询 channel left unanswered for
// more than 3 months is a veto item; no reply published in the 2 months before the check is a deduction; a channel
// shows when each message was left and answered. Read from the page's labelled lists (a list page) or its labelled
// dates (a detail page), against the audit's as-of date.
import { parseDate, workingDaysBetween } from '../../dates.ts'
import { clip, findField } from '../../rule-kit/fields.ts'
import { placeText } from '../../rule-kit/policy-docs.ts'
import { compact } from '../../text.ts'
import type { Finding, IsoDate, Localized, Locator, PageModel, RecordList, RuleContext } from '../../types.ts'
import type { Params } from './params.ts'

const SECTION = '互动回应'
const LISTED = 5
const MAX_DATA_DAYS = 200

interface Message {
  title: string
  left: IsoDate | null
  replied: IsoDate | null
  status: string | null
  /** true answered, false waiting, null cannot tell. */
  answered: boolean | null
  locator: Locator | null
}

/** `iso` moved by whole months, the day clamped to the month's length (05-31 minus 3 months is 02-28/29). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number)
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

const norm = (s: string): string => compact(s).replace(/[:：【】[\]]/g, '')
const hasLabel = (labels: readonly string[], label: string): boolean => labels.some((l) => norm(l) === norm(label))

function judgeAnswered(status: string | null, replied: IsoDate | null, replyShown: boolean, p: Params): boolean | null {
  const s = status ? compact(status) : ''
  if (s && p.unansweredValues.some((v) => s.includes(compact(v)))) return false
  if (replied) return true
  if (s && p.answeredValues.some((v) => s.includes(compact(v)))) return true
  // A reply-date column left empty says no reply was given.
  return replyShown ? false : null
}

interface Read {
  messages: Message[]
  via: 'list' | 'detail'
  messageDateShown: boolean
  replyDateShown: boolean
  statusShown: boolean
}

function fromLists(lists: readonly RecordList[], p: Params, asOf: IsoDate): Read | null {
  const dated = (l: RecordList): number =>
    l.records.filter((r) => r.fields.some((f) => hasLabel(p.messageDateLabels, f.label) || hasLabel(p.replyDateLabels, f.label))).length
  // A header row names the columns of a list; label：value pairs make a list only when several rows carry a date, since
  // the paragraphs of one message's page (留言时间… 留言内容… 答复内容…) read as pairs too.
  const useful = lists.filter((l) => (l.via === 'header' ? l.labels.some((x) => hasLabel(p.messageDateLabels, x) || hasLabel(p.replyDateLabels, x)) : dated(l) >= 2))
  if (!useful.length) return null
  const messages: Message[] = []
  let messageDateShown = false
  let replyDateShown = false
  let statusShown = false
  for (const list of useful) {
    const replyColumn = list.labels.some((x) => hasLabel(p.replyDateLabels, x))
    messageDateShown ||= list.labels.some((x) => hasLabel(p.messageDateLabels, x))
    replyDateShown ||= replyColumn
    statusShown ||= list.labels.some((x) => hasLabel(p.statusLabels, x))
    for (const r of list.records) {
      const value = (labels: readonly string[]): string | null => r.fields.find((f) => hasLabel(labels, f.label))?.value ?? null
      const leftText = value(p.messageDateLabels)
      const replyText = value(p.replyDateLabels)
      const status = value(p.statusLabels)
      const left = leftText ? parseDate(leftText, { asOf })?.iso ?? null : null
      const replied = replyText ? parseDate(replyText, { asOf })?.iso ?? null : null
      if (!left && !replied && !status) continue
      messages.push({ title: r.title || r.fields[0]?.value || '', left, replied, status, answered: judgeAnswered(status, replied, replyColumn, p), locator: r.locator })
    }
  }
  return messages.length ? { messages, via: 'list', messageDateShown, replyDateShown, statusShown } : null
}

/** A labelled date in the text: the label, a colon or not, then a date within the next few characters. */
function labelledIn(text: string, labels: readonly string[], asOf: IsoDate): { label: string; iso: IsoDate | null } | null {
  for (const label of labels) {
    const i = text.indexOf(label)
    if (i < 0) continue
    const d = parseDate(text.slice(i + label.length, i + label.length + 30), { asOf })
    return { label, iso: d?.iso ?? null }
  }
  return null
}

function fromDetail(page: PageModel, p: Params, asOf: IsoDate): Read | null {
  const text = page.mainText
  const boxLeft = findField(page, p.messageDateLabels)
  const boxReply = findField(page, p.replyDateLabels)
  const left = boxLeft ? { label: boxLeft.label, iso: parseDate(boxLeft.value, { asOf })?.iso ?? null } : labelledIn(text, p.messageDateLabels, asOf)
  const reply = boxReply ? { label: boxReply.label, iso: parseDate(boxReply.value, { asOf })?.iso ?? null } : labelledIn(text, p.replyDateLabels, asOf)
  const statusField = findField(page, p.statusLabels)
  let status = statusField?.value ?? null
  if (!status) {
    // Only a labelled status (办理状态：已办结): 状态 inside the message text ("身体状态不好") is not one.
    for (const label of p.statusLabels) {
      const m = new RegExp(`${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[:：]\\s*(\\S{1,8})`).exec(text)
      if (m) {
        status = m[1]
        break
      }
    }
  }
  const replyText = p.replyContentLabels.some((l) => text.includes(l))
  if (!left && !reply && !status && !replyText) return null
  let answered = judgeAnswered(status, reply?.iso ?? null, false, p)
  if (answered === null && replyText) answered = true
  const message: Message = { title: page.title, left: left?.iso ?? null, replied: reply?.iso ?? null, status, answered, locator: page.visibleDate?.locator ?? null }
  return { messages: [message], via: 'detail', messageDateShown: !!left?.iso, replyDateShown: !!reply?.iso, statusShown: !!status }
}

/** By where the page sits (column, breadcrumb, ColumnName); the title only when the page says nothing of that. */
export function channelOf(page: PageModel, p: Params): 'in' | 'excluded' | 'unknown' {
  const place = placeText(page) || compact(page.title)
  if (p.excludeKeywords.some((k) => place.includes(compact(k)))) return 'excluded'
  return p.pageKeywords.some((k) => place.includes(compact(k))) ? 'in' : 'unknown'
}

function describe(m: Message): string {
  return `${clip(m.title || '（无标题）', 30)}（留言 ${m.left ?? '日期不详'}${m.status ? `，${m.status}` : ''}）`
}

/**
 * Working days between any two of `dates`, from one walk over the calendar: a list of thousands of messages would
 * otherwise count the same months day by day once per message.
 */
function workingDayCounter(dates: readonly IsoDate[]): (from: IsoDate, to: IsoDate) => number {
  const sorted = [...new Set(dates)].sort()
  const rank = new Map<IsoDate, number>()
  let total = 0
  sorted.forEach((d, i) => {
    if (i > 0) total += workingDaysBetween(sorted[i - 1], d)
    rank.set(d, total)
  })
  return (from, to) => (rank.get(to) ?? 0) - (rank.get(from) ?? 0)
}

function median(xs: number[]): number | null {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : Math.round((s[mid - 1] + s[mid]) / 2)
}

export function evaluate(page: PageModel, p: Params, ctx: RuleContext): Finding[] {
  const asOf = ctx.asOf
  const listed = fromLists(page.recordLists ?? [], p, asOf)
  const channel = channelOf(page, p)
  if (channel === 'excluded') return []
  const scoped = channel === 'in'
  // Outside a channel named as one, only a list showing both when messages were left and how they were answered is a
  // message list: a 留言选登 teaser in a sidebar (titles and 留言时间 only) does not make a page a 留言 page.
  if (!scoped && !(listed && listed.messageDateShown && (listed.replyDateShown || listed.statusShown))) return []
  if (!listed && (page.kind === 'portal' || page.kind === 'directory')) return []
  const read = listed ?? fromDetail(page, p, asOf)
  if (!read) {
    if (page.kind === 'list' || page.kind === 'article') {
      return [
        ctx.finding({
          status: 'review',
          section: SECTION,
          key: 'dates-shown',
          severity: 'warning',
          message: { zh: '咨询留言页面未能读出留言时间、答复时间或办理状态，请人工核查', en: 'No message or reply dates or statuses could be read on this consultation page; check by hand' },
          evidence: { zh: `页面类型：${page.kind === 'list' ? '列表' : '详情'}；未见“${p.messageDateLabels[0]}”“${p.replyDateLabels[0]}”“${p.statusLabels[0]}”等标注`, en: 'no message date, reply date or status labels found' },
          expected: { zh: '留言列表和详情页显示留言时间、答复时间', en: 'message lists and pages show when each message was left and answered' },
          locator: null,
        }),
      ]
    }
    return []
  }

  const out: Finding[] = []
  const { messages } = read
  const vetoLine = addMonths(asOf, -p.unansweredMonths)
  const windowStart = addMonths(asOf, -p.lookbackMonths)
  const waiting = messages.filter((m) => m.answered === false)
  const overdue = waiting.filter((m) => m.left && m.left < vetoLine && m.left >= windowStart)
  const olderThanWindow = waiting.filter((m) => m.left && m.left < windowStart)
  const undated = waiting.filter((m) => !m.left)
  const unknown = messages.filter((m) => m.answered === null)
  const overdueExpected: Localized = {
    zh: `检查前 ${p.lookbackMonths} 个月内的有效留言均在 ${p.unansweredMonths} 个月内答复（留言早于 ${vetoLine} 仍未答复即触发单项否决）`,
    en: `every valid message of the past ${p.lookbackMonths} months answered within ${p.unansweredMonths} months (one left before ${vetoLine} and still unanswered is a veto)`,
  }
  const unansweredStatus = overdue.length ? 'fail' : undated.length || (unknown.length && !read.replyDateShown && !read.statusShown) ? 'review' : 'pass'
  out.push(
    ctx.finding({
      status: unansweredStatus,
      section: SECTION,
      key: 'unanswered',
      severity: 'veto',
      message:
        unansweredStatus === 'fail'
          ? { zh: `${overdue.length} 条留言超过 ${p.unansweredMonths} 个月未答复，可能触发单项否决：互动回应差`, en: `${overdue.length} message(s) unanswered for more than ${p.unansweredMonths} months: may trigger the veto item` }
          : unansweredStatus === 'review'
            ? undated.length
              ? { zh: `${undated.length} 条未答复留言未显示留言时间，无法判断是否超过 ${p.unansweredMonths} 个月`, en: `${undated.length} unanswered message(s) show no date; cannot tell whether they are over ${p.unansweredMonths} months old` }
              : { zh: '页面未显示答复时间或办理状态，无法判断留言是否已答复', en: 'The page shows neither reply dates nor statuses; cannot tell which messages are answered' }
            : { zh: `未见超过 ${p.unansweredMonths} 个月未答复的留言`, en: `No message unanswered for more than ${p.unansweredMonths} months` },
      evidence: {
        zh: `共读出 ${messages.length} 条留言，未答复 ${waiting.length} 条，其中早于 ${vetoLine} 的 ${overdue.length} 条${overdue.length ? '：' + overdue.slice(0, LISTED).map(describe).join('；') + (overdue.length > LISTED ? ` 等` : '') : ''}${olderThanWindow.length ? `；另有 ${olderThanWindow.length} 条早于 ${windowStart}（检查期外）` : ''}`,
        en: `${messages.length} messages read, ${waiting.length} unanswered, ${overdue.length} of them left before ${vetoLine}${olderThanWindow.length ? `; ${olderThanWindow.length} more before ${windowStart} (outside the period)` : ''}`,
      },
      expected: overdueExpected,
      locator: overdue[0]?.locator ?? undated[0]?.locator ?? null,
      data: { hits: overdue.length, messages: messages.length, unanswered: waiting.length, undated: undated.length, outsidePeriod: olderThanWindow.length, vetoLine, asOf },
    }),
  )

  const pairs = messages.filter((m) => m.left && m.replied && m.replied >= m.left) as (Message & { left: string; replied: string })[]
  const between = workingDayCounter(pairs.flatMap((m) => [m.left, m.replied]))
  const replyDays = pairs.map((m) => between(m.left, m.replied))
  const dayData = { replyWorkingDaysMax: replyDays.length ? Math.max(...replyDays) : null, replyWorkingDaysMedian: median(replyDays), replyWorkingDays: replyDays.slice(0, MAX_DATA_DAYS) }

  if (read.via === 'list') {
    const gapLine = addMonths(asOf, -p.replyGapMonths)
    const replies = messages.map((m) => m.replied).filter((d): d is string => !!d)
    const latest = replies.length ? replies.reduce((a, b) => (a > b ? a : b)) : null
    const expected: Localized = { zh: `近 ${p.replyGapMonths} 个月内有答复发布（${gapLine} 之后）`, en: `a reply published in the last ${p.replyGapMonths} months (after ${gapLine})` }
    // Answered (by status) with the reply date left blank: such a reply may be recent, so only a review can be said.
    const undatedReplies = messages.filter((m) => m.answered === true && !m.replied).length
    const status = !read.replyDateShown ? 'review' : latest && latest >= gapLine ? 'pass' : undatedReplies ? 'review' : 'fail'
    out.push(
      ctx.finding({
        status,
        section: SECTION,
        key: 'recent-reply',
        severity: 'error',
        message:
          status === 'pass'
            ? { zh: `最近一次答复 ${latest}，近 ${p.replyGapMonths} 个月内有答复`, en: `Latest reply ${latest}, within the last ${p.replyGapMonths} months` }
            : status === 'fail'
              ? { zh: latest ? `最近一次答复 ${latest}，近 ${p.replyGapMonths} 个月未发布答复（扣分项）` : `列表中没有任何答复日期，近 ${p.replyGapMonths} 个月未见答复（扣分项）`, en: latest ? `Latest reply ${latest}: no reply in the last ${p.replyGapMonths} months (deduction)` : `No reply dates at all in the list (deduction)` }
              : read.replyDateShown
                ? { zh: `${undatedReplies} 条已答复留言未填答复时间，无法判断近 ${p.replyGapMonths} 个月是否有答复`, en: `${undatedReplies} answered message(s) have no reply date; cannot tell whether replies were published in the last ${p.replyGapMonths} months` }
                : { zh: '列表未显示答复时间，无法判断近期是否有答复', en: 'The list shows no reply dates; cannot tell whether replies were published recently' },
        evidence: { zh: `本页 ${messages.length} 条留言，答复日期 ${replies.length} 个，最近 ${latest ?? '无'}；审计日 ${asOf}`, en: `${messages.length} messages, ${replies.length} reply dates, latest ${latest ?? 'none'}; as of ${asOf}` },
        expected,
        locator: null,
        data: { latestReply: latest, gapLine, replies: replies.length, undatedReplies },
      }),
    )
  }

  const answered = messages.filter((m) => m.answered === true)
  const missingLeft = !read.messageDateShown || messages.some((m) => !m.left)
  const missingReply = read.via === 'list' ? !read.replyDateShown : answered.length > 0 && answered.some((m) => !m.replied)
  const shownStatus = missingLeft || missingReply ? 'review' : 'pass'
  const missing = [missingLeft ? '留言时间' : '', missingReply ? '答复时间' : ''].filter(Boolean).join('、')
  out.push(
    ctx.finding({
      status: shownStatus,
      section: SECTION,
      key: 'dates-shown',
      severity: 'warning',
      message:
        shownStatus === 'pass'
          ? { zh: '页面显示了留言时间和答复时间', en: 'The page shows message and reply dates' }
          : { zh: `页面未显示${missing}，请核对`, en: `The page does not show ${[missingLeft ? 'message dates' : '', missingReply ? 'reply dates' : ''].filter(Boolean).join(' or ')}; check by hand` },
      evidence: {
        zh: `${read.via === 'list' ? '列表' : '详情页'}：留言时间${read.messageDateShown ? '已显示' : '未见'}，答复时间${read.replyDateShown ? '已显示' : '未见'}${replyDays.length ? `；答复用时 ${dayData.replyWorkingDaysMedian} 个工作日（中位数），最长 ${dayData.replyWorkingDaysMax} 个工作日` : ''}`,
        en: `${read.via}: message dates ${read.messageDateShown ? 'shown' : 'not found'}, reply dates ${read.replyDateShown ? 'shown' : 'not found'}${replyDays.length ? `; reply time median ${dayData.replyWorkingDaysMedian}, max ${dayData.replyWorkingDaysMax} working days` : ''}`,
      },
      expected: { zh: '留言列表和详情页显示留言时间、答复时间', en: 'message lists and pages show when each message was left and answered' },
      locator: null,
      data: dayData,
    }),
  )
  return out
}
