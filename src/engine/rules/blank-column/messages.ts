import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: "栏目不应“有栏目无内容”。显示“暂无信息”或列表为空的栏目是空白栏目；全站累计数量达到否决线才构成单项否决。",
    en: "A column must not be empty: one that shows 暂无信息 or lists nothing is blank. The veto needs the site-wide count.",
  },
  fix: {
    zh: "为空白栏目补充内容，或将其撤销、合并。",
    en: "Fill the column, or remove or merge it.",
  },
}
