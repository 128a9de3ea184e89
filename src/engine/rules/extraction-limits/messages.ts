import type { KindHelp } from '../../rule-kit/kind.ts'
import type { Localized } from '../../types.ts'
import type { ExtractionCut } from '../../limits.ts'

export const help: KindHelp = {
  checks: {
    zh: '页面是否在本工具的读取上限内被完整读取。超出上限的条目、正文或属性未经检查，相关结论只基于已读取的部分，须人工复核超出部分。',
    en: 'Whether the page was read in full within the tool’s reading limits. Entries, text or attributes beyond a limit were not checked; conclusions rest on the part that was read, so a person checks the rest.',
  },
  fix: {
    zh: '人工查看超出部分；过长的列表宜分页展示，正文宜拆分为多个页面。',
    en: 'Check the rest by hand; long lists are better paginated and very long texts split into pages.',
  },
}

/** Columns named in one sentence: a few by name, then how many more. */
const SHOWN_COLUMNS = 3

export function describeCuts(cuts: readonly ExtractionCut[]): Localized[] {
  const out: Localized[] = []
  const columns = cuts.filter((c): c is Extract<ExtractionCut, { what: 'entries' }> => c.what === 'entries')
  if (columns.length) {
    const limit = columns[0].limit
    const names = columns.slice(0, SHOWN_COLUMNS)
    const more = columns.length - names.length
    out.push({
      zh: `${names.map((c) => `栏目“${c.column}”（共 ${c.rows} 行）`).join('、')}${more ? `等 ${columns.length} 个栏目` : ''}条目超过 ${limit} 条，仅检查前 ${limit} 条`,
      en: `${names.map((c) => `column “${c.column}” (${c.rows} rows)`).join(', ')}${more ? ` and ${more} more columns` : ''}: over ${limit} entries, only the first ${limit} checked`,
    })
  }
  // Fixed order (entries, text, attributes) whatever order the extractors met them in.
  for (const c of [...cuts.filter((c) => c.what === 'text'), ...cuts.filter((c) => c.what === 'attributes')]) {
    if (c.what === 'text') {
      out.push({
        zh: `页面文本超过 ${c.limit} 字（共 ${c.chars} 字），超出部分未检查`,
        en: `page text over ${c.limit} characters (${c.chars}); the rest was not checked`,
      })
    } else if (c.what === 'attributes') {
      out.push({
        zh: `${c.count} 个属性值（${c.names.join('、')}）超过 ${c.limit} 字符，超出部分未检查`,
        en: `${c.count} attribute values (${c.names.join(', ')}) over ${c.limit} characters; the rest was not checked`,
      })
    }
  }
  return out
}
