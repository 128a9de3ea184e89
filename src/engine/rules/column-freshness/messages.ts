import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: "按栏目类别检查更新时限：动态要闻类 2 周、通知公告和政策文件类 6 个月、人事和规划计划类 1 年；未注明日期的条目视为不更新。全站累计数量达到否决线才构成单项否决。",
    en: "Each column is judged by its class: news within 2 weeks, notices and policy within 6 months, personnel and planning within 1 year; undated entries count as not updated. The veto needs the site-wide counts.",
  },
  fix: {
    zh: "及时更新栏目；确无内容可发布的栏目应整合或关停，并在栏目中说明。",
    en: "Update the column; a column with nothing to publish is merged or closed, with a note.",
  },
}
