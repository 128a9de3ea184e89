import type { KindHelp } from '../../rule-kit/kind.ts'

export const help: KindHelp = {
  checks: {
    zh: '按规则包中的词表查找严重表述错误：国名、党和国家机关名称、省级行政区名称、领导人姓名的错写，以及错误的固定表述。每处错误均为单项否决项。',
    en: 'Looks up the pack’s word list of serious misstatements: misspelt names of the state, Party and state organs, provinces and leaders, and wrong set phrases. Each one is a veto item.',
  },
  fix: {
    zh: '按“应为”列出的正确写法更正页面，并排查同一栏目的其他页面。',
    en: 'Correct the page to the form given under “should read”, and check the column’s other pages.',
  },
}
