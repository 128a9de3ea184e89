import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: "发文字号应为“机关代字〔年份〕序号号”：年份用六角括号〔〕，序号不编虚位（不加前导 0）、不加“第”。",
    en: "A document number reads 机关代字〔year〕N号: the year in 〔〕, no leading zeros, no 第.",
  },
  fix: {
    zh: "将方括号、圆括号等改为六角括号〔〕，删除序号前的 0 和“第”字。",
    en: "Replace [] or () with 〔〕 and drop leading zeros and 第 from the serial number.",
  },
}
