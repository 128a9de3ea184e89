import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: '全站扫描后统计：动态要闻类与一级通知公告、政策文件类栏目不更新累计 ≥ 5 个，应更新但长期未更新栏目 ≥ 10 个，或空白栏目 ≥ 5 个，即触发单项否决。无法访问的栏目单列为待核查。',
    en: 'Counted over a site scan: ≥ 5 stale news and first-level notice/policy columns, ≥ 10 columns that should be updated but are not, or ≥ 5 blank columns is a veto. Columns the scan could not read are listed for review.',
  },
  fix: { zh: '逐一更新或整合列出的栏目，使各项数量低于否决线。', en: 'Update or merge the listed columns until every count is below its limit.' },
}
