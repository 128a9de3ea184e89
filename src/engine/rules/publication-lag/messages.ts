import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: "信息应自形成或变更之日起 20 个工作日内公开（按国务院公布的节假日安排计算工作日，含调休）。",
    en: "Information is published within 20 working days of being formed or changed (official holiday calendar, make-up working days included).",
  },
  fix: {
    zh: "及时发布新形成的信息；如确有延期，在页面注明原因与依据。",
    en: "Publish new documents promptly; where a delay is lawful, state why on the page.",
  },
}
