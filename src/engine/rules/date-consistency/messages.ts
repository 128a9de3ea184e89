import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: "检查页面上的日期能否同时成立：无未来日期，成文日期不晚于发布日期，页面显示的发布日期与 PubDate 网页标签一致。只提示不一致，从不据此认定造假。",
    en: "Checks that a page's dates can all be true: no future dates, written not after published, the visible date agrees with the PubDate meta. It only reports inconsistencies, never falsification.",
  },
  fix: {
    zh: "核对并更正页面上的日期或网页标签 PubDate。",
    en: "Check and correct the dates on the page or its PubDate meta.",
  },
}
