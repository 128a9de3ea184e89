import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: '汇总全站已检查页面的单项否决命中：超过 3 个月未答复的有效留言、严重表述错误等，按规则包设定的否决线计数（19号：出现即否决）。同一页面的同一结果只计一次。',
    en: 'Adds up the veto hits found on the site’s audited pages (messages unanswered for more than 3 months, serious misstatements) against the pack’s limits (19号: one is a veto). The same finding on the same page counts once.',
  },
  fix: { zh: '逐一处理列出的页面：答复积压留言，更正错误表述。', en: 'Fix each listed page: answer the overdue messages and correct the misstatements.' },
}
