import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: "上一年度的政府信息公开工作年度报告应于 1 月 31 日前（县级以上地方人民政府为 3 月 31 日前）公布。",
    en: "The report on the previous year is published by 31 January (by 31 March for local governments at county level and above).",
  },
  fix: {
    zh: "按期公布年度报告；在选项中设置本机关适用的截止日期。",
    en: "Publish the report on time; set the deadline that applies to the body in the options.",
  },
}
