import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: '全站扫描时检查栏目页上的链接和附件能否打开：失效链接、显示“页面不存在”的软 404、无法下载的附件；无法核实的链接（需登录、被拦截、超时）列为待核查。',
    en: 'During a site scan, checks that links and attachments open: broken links, soft 404 pages and attachments that cannot be downloaded; links that cannot be verified (login, blocked, timeout) are listed for review.',
  },
  fix: { zh: '修复或撤下失效链接，补传无法下载的附件。', en: 'Fix or remove broken links and re-upload attachments that cannot be downloaded.' },
}
