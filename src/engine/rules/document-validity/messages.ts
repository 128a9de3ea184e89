import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: '规范性文件页（按栏目、发文字号和标题判断）应标注有效性（有效、失效、废止、已修订等）；宣布废止或修改文件的页面应链接被废止、修改的文件。依据为《政府网站发展指引》的工作要求而非条例条款，缺失时列为待核查。',
    en: 'A normative document page (by column, document number and title) shows its validity (in force, expired, repealed, amended …); a page repealing or amending documents links them. The basis is practice under the 《政府网站发展指引》, not a numbered article, so a missing mark is left for review.',
  },
  fix: {
    zh: '在文件页的元数据中增加“有效性”字段并随废止、修改及时更新，在原文件页醒目标注；废止、修改决定中链接相关原文件。',
    en: 'Add a 有效性 field to the document’s metadata and update it when the document is repealed or amended, marking the original page; link the affected documents from the repeal or amendment decision.',
  },
}
