import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: "页面底部应列明主办单位、网站标识码、ICP 备案编号、公安机关备案编号和党政机关网站标识。",
    en: "The footer names the sponsoring body and shows the site code, ICP record, public-security record and the Party and government website badge.",
  },
  fix: {
    zh: "在网站模板的底部功能区补齐缺失的标识，备案编号链接至对应备案系统。",
    en: "Add the missing identifiers to the template's footer and link the record numbers to their registries.",
  },
}
