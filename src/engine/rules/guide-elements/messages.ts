import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: "政府信息公开指南应载明信息分类、编排体系、获取方式，以及工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式。",
    en: "The guide states the classification, arrangement and ways of obtaining information, and the office's name, address, hours, telephone, fax and internet contact.",
  },
  fix: {
    zh: "在指南中补充缺少的要素，写明具体内容而非仅提及。",
    en: "Add each missing element to the guide, with its actual value rather than a mention.",
  },
}
