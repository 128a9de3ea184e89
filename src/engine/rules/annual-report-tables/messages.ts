import type { KindHelp } from '../../rule-kit/kind.ts'
import type { Localized } from '../../types.ts'
import type { KeyRow } from './table3.ts'

export const help: KindHelp = {
  checks: {
    zh: '核对年度报告统计表的勾稽关系（国办公开办函〔2021〕30号格式，2019—2020 年为试行格式）：表三每一申请人列“本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理”，总计列等于各类申请人之和；表四行政复议、行政诉讼（未经复议直接起诉、复议后起诉）各“总计”等于结果维持、结果纠正、其他结果、尚未审结之和；表二按格式列出各项数据；统计期限与报告年度一致；正文所述总数与表格一致。空白单元格按 0 计；表格无法对齐时提示人工复核，不作判断。',
    en: 'Checks the arithmetic of the annual report tables (2021 format of 国办公开办函〔2021〕30号; trial format for 2019–2020): in table 3, for each applicant column, new + carried over = total handled + carried forward, and the 总计 column is the sum of the others; in table 4 each 总计 is the sum of upheld, corrected, other and pending; table 2 has the rows its format prints; the statistics period is the report year; totals stated in the text equal the tables. Blank cells count as 0; a table whose cells do not line up is left for review, never summed.',
  },
  fix: {
    zh: '逐列核对并更正表内数据，使其满足表格注明的勾稽关系；总计列、总计行填写完整；正文数字与表格保持一致；按规定格式以 HTML 表格发布，避免合并单元格错位。',
    en: 'Correct the figures so each column meets the relation printed in the table; fill in the totals; make the text agree with the tables; publish the tables as HTML tables laid out as the format prints them.',
  },
}

export const ROW_NAMES: Record<KeyRow, Localized> = {
  received: { zh: '本年新收', en: 'new this year' },
  carriedIn: { zh: '上年结转', en: 'carried over' },
  resultTotal: { zh: '办理结果总计', en: 'total handled' },
  carriedOut: { zh: '结转下年度继续办理', en: 'carried forward' },
}

export const REASONS: Record<string, Localized> = {
  misaligned: { zh: '单元格与表头不能对齐（合并单元格错位或缺格）', en: 'cells do not line up with the header (merged cells out of line or missing cells)' },
  unreadable: { zh: '单元格不是可读的数字', en: 'a cell is not a readable figure' },
  'total-blank': { zh: '总计未填写，而其他单元格有数字', en: 'the total is blank while other cells hold figures' },
  structure: { zh: '未能识别表头', en: 'the header could not be read' },
}

export const RELATION_3: Localized = {
  zh: '本列数据的勾稽关系：第一项（本年新收）加第二项（上年结转）之和，等于第三项（办理结果总计）加第四项（结转下年度继续办理）之和',
  en: 'In each column, new this year + carried over = total handled + carried forward',
}
