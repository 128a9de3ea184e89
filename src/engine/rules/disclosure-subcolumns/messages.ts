import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: "政府信息公开专栏应设政府信息公开指南、政府信息公开制度、法定主动公开内容、政府信息公开年报四个固定栏目。",
    en: "The disclosure column has four fixed sub-columns: the guide, the rules, statutory proactive disclosure and the annual reports.",
  },
  fix: {
    zh: "按统一规范增设缺少的固定栏目。",
    en: "Add the missing fixed sub-columns as the unified design requires.",
  },
}
