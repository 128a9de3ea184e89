import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: "网站首页 2 周内应有新信息；未注明发布时间的信息视为不更新。",
    en: "A site's home page shows new information within 2 weeks; undated items count as not updated.",
  },
  fix: {
    zh: "在首页及时发布新信息并注明发布时间。",
    en: "Publish new, dated information on the home page.",
  },
}
