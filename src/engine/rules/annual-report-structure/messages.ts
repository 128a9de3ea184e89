import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: "年度报告应按其所属年度适用的格式编写：2021 年起为国办公开办函〔2021〕30号格式的六个部分，2019—2020 年为试行格式；2018 年及以前的旧格式仅作参考。",
    en: "An annual report follows the format of the year it covers: the six parts of the 2021 format from 2021, the trial format for 2019–2020; older formats are informational.",
  },
  fix: {
    zh: "按适用格式补齐缺少的部分，使用规定的标题。",
    en: "Add the missing parts under the prescribed headings.",
  },
}
