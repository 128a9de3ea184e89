import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: "页面正文和表格中不应出现完整的居民身份证号（校验位有效）、手机号或银行卡号（Luhn 校验有效）；遮盖后身份证号、银行卡号至多显示前6位和后4位，手机号至多显示前3位和后4位。统一社会信用代码、索引号、备案号、办公及热线电话不在此列。",
    en: "The page's text and tables must not show a full 18-digit ID number (valid check digit), mobile number or bank card number (valid Luhn sum); a mask keeps at most the first 6 and last 4 digits of IDs and cards, the first 3 and last 4 of mobiles. Credit codes, index numbers, filing numbers and office or hotline numbers are not personal data.",
  },
  fix: {
    zh: "对公示名单、处罚决定、招录结果等页面中的个人号码去标识化，如 138****1234、330203********1234；附件中的名单同样处理后再发布。",
    en: "Mask personal numbers in published lists, penalty decisions and recruitment results, e.g. 138****1234, 330203********1234; do the same in attached lists before publishing.",
  },
}
