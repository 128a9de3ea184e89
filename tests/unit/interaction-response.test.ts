// How interaction-response reads 留言 lists the way CMSs print them: a table under a header row, <div> rows under a
// header <div>, <li> rows under a header <li>, and label：value spans (bold labels too); dates with or without a year;
// a 10,000-row list. The verdicts are the ones an inspector reaches by reading the list against the as-of date.
import { describe, expect, it } from 'vitest'
import { audit } from '../../src/engine/audit.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import { addMonths } from '../../src/engine/rules/interaction-response/evaluate.ts'
import type { Finding } from '../../src/engine/types.ts'

const ASOF = '2026-11-27'
const page = (body: string, column = '咨询投诉'): string =>
  `<html><head><title>${column}</title><meta name="ColumnName" content="${column}"></head><body>` +
  `<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/hd/">互动交流</a> &gt; <a href="/hd/zx/">${column}</a></div><div class="main">${body}</div></body></html>`

function run(html: string): Record<string, Finding> {
  const report = audit(html, { url: 'https://www.example.gov.cn/hd/zx/', packs: [nationalPack()], asOf: ASOF })
  const own = report.findings.filter((f) => f.ruleId === 'interaction-response')
  const byKey = (data: string): Finding | undefined => own.find((f) => f.data && data in f.data)
  return { unanswered: byKey('hits')!, recent: byKey('latestReply')!, dates: byKey('replyWorkingDaysMax')! }
}

describe('list shapes', () => {
  it('<div> rows under a header <div>, dates written 2026年05月02日', () => {
    const rows = [
      ['甲', '2026年05月02日', '处理中', ''],
      ['乙', '2026年11月02日', '已回复', '2026年11月05日'],
      ['丙', '2026年10月09日', '已回复', '2026年10月16日'],
    ]
    const html = page(
      `<div class="list"><div class="row head"><span>标题</span><span>留言时间</span><span>状态</span><span>答复时间</span></div>` +
        rows.map(([t, d, s, r]) => `<div class="row"><span><a href="/x/${t}.html">关于${t}路段的问题</a></span><span>${d}</span><span>${s}</span><span>${r}</span></div>`).join('') +
        '</div>',
    )
    const f = run(html)
    expect(f.unanswered).toMatchObject({ status: 'fail', severity: 'veto', data: { hits: 1, messages: 3, unanswered: 1 } })
    expect(f.unanswered.evidence.zh).toContain('关于甲路段的问题（留言 2026-05-02，处理中）')
    expect(f.recent).toMatchObject({ status: 'pass', data: { latestReply: '2026-11-05' } })
    // 11-02 (Mon) → 11-05 (Thu): 3 working days; 10-09 (Fri) → 10-16 (Fri): 6, as Saturday 10-10 is a 国庆 make-up
    // working day (调休) in the official calendar.
    expect(f.dates).toMatchObject({ status: 'pass', data: { replyWorkingDays: [3, 6], replyWorkingDaysMax: 6, replyWorkingDaysMedian: 5 } })
  })

  it('<li> rows under a header <li>, year-less dates (05-02) read against the as-of date, no reply column', () => {
    const html = page(
      `<ul class="lb"><li class="th"><span>信件标题</span><span>来信日期</span><span>办理状态</span></li>` +
        [['甲', '05-02', '待处理'], ['乙', '11-02', '已办结']].map(([t, d, s]) => `<li><span><a href="/x/${t}.html">关于${t}的来信</a></span><span>${d}</span><span>${s}</span></li>`).join('') +
        '</ul>',
      '市长信箱',
    )
    const f = run(html)
    expect(f.unanswered).toMatchObject({ status: 'fail', data: { hits: 1 } })
    // No 答复时间 anywhere: whether replies were published lately, and when, is for a person to check.
    expect(f.recent.status).toBe('review')
    expect(f.dates.status).toBe('review')
  })

  it('label：value pairs with bold labels inside each <li>', () => {
    const html = page(
      '<ul>' +
        [['甲', '2026-05-02', '未答复'], ['乙', '2026-11-02', '已答复']].map(([t, d, s]) => `<li><a href="/x/${t}.html">关于${t}的咨询</a><b>留言时间</b>：${d} <b>状态</b>：${s}</li>`).join('') +
        '</ul>',
    )
    expect(run(html).unanswered).toMatchObject({ status: 'fail', data: { hits: 1, messages: 2 } })
  })

  it('an unanswered message older than the 12-month window is reported but is not the veto', () => {
    const html = page(
      '<table><tr><th>标题</th><th>留言时间</th><th>状态</th><th>答复时间</th></tr>' +
        '<tr><td><a href="/x/1.html">2025年的留言</a></td><td>2025-06-01</td><td>未回复</td><td></td></tr>' +
        '<tr><td><a href="/x/2.html">近期留言</a></td><td>2026-11-01</td><td>已回复</td><td>2026-11-03</td></tr></table>',
    )
    const f = run(html)
    expect(f.unanswered).toMatchObject({ status: 'pass', data: { hits: 0, outsidePeriod: 1 } })
    expect(f.unanswered.evidence.zh).toContain('另有 1 条早于 2025-11-27（检查期外）')
  })

  it('a 10,000-row list gives a verdict, says how many rows it read, and counts every overdue one it read', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `<tr><td><a href="/x/${i}.html">留言${i}</a></td><td>2026-0${1 + (i % 9)}-1${i % 10}</td><td>${i % 7 ? '已回复' : '处理中'}</td><td>${i % 7 ? '2026-10-01' : ''}</td></tr>`)
    const f = run(page(`<table><tr><th>标题</th><th>留言时间</th><th>状态</th><th>答复时间</th></tr>${rows.join('')}</table>`))
    const read = f.unanswered.data!.messages as number
    expect(read).toBeGreaterThan(1000)
    expect(f.unanswered.evidence.zh).toContain(`共读出 ${read} 条留言`)
    // Of the rows read, every 7th is 处理中; those dated before 08-27 are overdue.
    const expected = Array.from({ length: read }, (_, i) => i).filter((i) => i % 7 === 0 && `2026-0${1 + (i % 9)}-1${i % 10}` < '2026-08-27').length
    expect(f.unanswered).toMatchObject({ status: 'fail', data: { hits: expected } })
  })
})

describe('the 2-month reply gap', () => {
  it('replies marked 已回复 with the 答复时间 cell left blank may be recent: review, not a deduction', () => {
    const html = page(
      '<table><tr><th>标题</th><th>留言时间</th><th>状态</th><th>答复时间</th></tr>' +
        '<tr><td><a href="/x/1.html">关于路灯的留言</a></td><td>2026-11-01</td><td>已回复</td><td></td></tr>' +
        '<tr><td><a href="/x/2.html">关于公交的留言</a></td><td>2026-06-01</td><td>已回复</td><td>2026-06-20</td></tr></table>',
    )
    expect(run(html).recent).toMatchObject({ status: 'review', data: { latestReply: '2026-06-20', undatedReplies: 1 } })
  })

  it('every reply dated and the latest older than 2 months: the deduction', () => {
    const html = page(
      '<table><tr><th>标题</th><th>留言时间</th><th>状态</th><th>答复时间</th></tr>' +
        '<tr><td><a href="/x/2.html">关于公交的留言</a></td><td>2026-06-01</td><td>已回复</td><td>2026-06-20</td></tr>' +
        '<tr><td><a href="/x/3.html">关于公园的留言</a></td><td>2026-07-01</td><td>已办结</td><td>2026-07-10</td></tr></table>',
    )
    expect(run(html).recent).toMatchObject({ status: 'fail', severity: 'error', data: { latestReply: '2026-07-10', gapLine: '2026-09-27' } })
  })
})

describe('detail pages', () => {
  const detail = (lines: string): string =>
    page(`<h1>关于小区供暖的问题</h1><div class="content">${lines}<p>留言内容：入冬以来小区供暖温度不达标，老人身体状态不好，请尽快协调解决。</p></div>`, '市长信箱')

  it('a message still 办理中 six months on is the veto, from its own page', () => {
    const f = run(detail('<p>留言时间：2026-05-11</p><p>办理状态：办理中</p>'))
    expect(f.unanswered).toMatchObject({ status: 'fail', severity: 'veto', data: { hits: 1 } })
    // One page cannot say whether the channel published replies lately.
    expect(f.recent).toBeUndefined()
  })

  it('状态 inside the message text is not a status: with no reply shown, whether it was answered is for a person', () => {
    const f = run(detail('<p>留言时间：2026-05-11</p>'))
    expect(f.unanswered.status).toBe('review')
    expect(f.unanswered.message.zh).toContain('无法判断留言是否已答复')
  })
})

describe('scope', () => {
  it('a 网上信访 channel is left out, as 19号 leaves it out', () => {
    const html = page('<table><tr><th>标题</th><th>留言时间</th><th>状态</th></tr><tr><td><a href="/x/1.html">信访事项</a></td><td>2026-01-02</td><td>处理中</td></tr></table>', '网上信访')
    const report = audit(html, { url: 'https://www.example.gov.cn/hd/xf/', packs: [nationalPack()], asOf: ASOF })
    expect(report.findings.filter((f) => f.ruleId === 'interaction-response').map((f) => f.status)).toEqual(['n/a'])
  })
})

describe('months', () => {
  it('moves by calendar months and clamps the day', () => {
    expect(addMonths('2026-11-27', -3)).toBe('2026-08-27')
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28')
    expect(addMonths('2024-05-31', -3)).toBe('2024-02-29')
    expect(addMonths('2026-01-15', -12)).toBe('2025-01-15')
  })
})
