import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: "信息公开文件页应列明索引号、发布机构、成文日期、名称等核心元数据；接受常见的标签写法（如“发文机关”“文号”“发文日期”）。",
    en: "A disclosure document page shows its core metadata: index number, publishing body, date of writing, title (common label variants are accepted).",
  },
  fix: {
    zh: "在文件页元数据框中补齐缺失的字段并填写内容；索引号按目录系统的编码规则生成。",
    en: "Add the missing fields to the document's metadata box and fill them in; generate index numbers by the catalogue's coding rules.",
  },
}
