import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: '咨询投诉、领导信箱、留言等政务咨询栏目：检查前一年内有效留言超过 3 个月未答复（未回复、处理中或无答复日期）即单项否决；近 2 个月未发布答复扣分；列表或详情页应显示留言时间和答复时间。答复用时（工作日）记入数据。',
    en: 'On consultation channels (咨询投诉, 领导信箱, 留言): a valid message from the past year unanswered for more than 3 months (未回复, 处理中 or no reply date) is a veto item; no reply published in the last 2 months is a deduction; the list or detail page shows when each message was left and answered. Reply times in working days are in the data.',
  },
  fix: {
    zh: '及时答复并公开留言办理结果，在列表和详情页显示留言时间与答复时间；对无法办理的留言说明原因。',
    en: 'Answer messages promptly and publish the replies; show the message and reply dates on the list and detail pages; explain why a message cannot be handled.',
  },
}
