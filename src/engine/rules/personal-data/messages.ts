import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: '正文和表格中不应出现完整的身份证号（校验位有效）、手机号和银行卡号（Luhn 校验有效）；掩码保留的位数不超过规则包的规定。统一社会信用代码、索引号、备案号和机关的办公、热线电话不计。',
    en: 'No full ID number (valid check digit), mobile number or bank-card number (valid Luhn) in the text and tables; masks keep no more digits than the pack allows. Credit codes, index numbers, filing numbers and the body’s office and hotline numbers do not count.',
  },
  fix: {
    zh: '按去标识化要求处理后重新发布：身份证号、银行卡号至多保留前 6 位和后 4 位，手机号至多保留前 3 位和后 4 位（如 138****1234）；附件一并处理。',
    en: 'Republish de-identified: IDs and bank cards keep at most the first 6 and last 4 digits, phones the first 3 and last 4 (e.g. 138****1234); attachments too.',
  },
}
