import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: "法定主动公开内容应覆盖《条例》第二十条所列 15 类信息；不适用于本机关的类别可说明。",
    en: "Statutory proactive disclosure covers the 15 categories of Art. 20; a category that does not apply may be explained.",
  },
  fix: {
    zh: "为缺少的类别设立子栏目，或在页面说明不适用的原因。",
    en: "Add a sub-column for each missing category, or explain on the page why it does not apply.",
  },
}
