import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: '政策解读页应链接所解读的政策文件，并与文件同步发布（按规则包设定的工作日上限，默认当日）；规范性文件等重要政策文件页应链接其解读。页面看不到文件日期或解读链接时列为待核查。',
    en: 'A 解读 page links the document it interprets and is published with it (within the pack’s working-day limit, the same day by default); a normative or major policy document links its 解读. Where the page does not show the date or the link, it is left for review.',
  },
  fix: {
    zh: '解读与文件同步起草、同步审签、同步发布；在解读页注明并链接原文，在文件页添加“相关解读”链接。',
    en: 'Draft, approve and publish the 解读 together with the document; link the original from the 解读 and the 解读 from the document page.',
  },
}
