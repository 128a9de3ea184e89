// 年度报告格式: the parts a 政府信息公开工作年度报告 must have depend on the year it covers — the 2021 format
// (国办公开办函〔2021〕30号) from 2021, the trial format (国办公开办函〔2019〕60号) for 2019–2020, and the legacy
// structure of the 2007 条例 before that. Legacy reports varied a lot in practice, so that format is informational.
import type { Finding, Locator, PageModel, RuleContext } from '../../types.ts'
import type { Params } from './params.ts'
import { compilePatterns, execBounded, testBounded } from '../../rule-kit/patterns.ts'
import type { ReportFormat } from './params.ts'
import { formatForYear } from '../../rule-kit/report-formats.ts'

type PartDef = ReportFormat['parts'][number]

/** reportYear from the extraction, else the first "YYYY年" of the title (年度报告 titles lead with the year they cover). */
export function reportYearOf(page: PageModel): { year: number; fromTitle: boolean } | null {
  if (page.reportYear) return { year: page.reportYear, fromTitle: false }
  const m = /((?:19|20)\d{2})\s*年/.exec(page.title)
  return m ? { year: Number(m[1]), fromTitle: true } : null
}

const strip = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '')
// Numbering as printed: 一、 / 一. / （一） / (一) / 第一部分.
const NUMBERING = '(?:[一二三四五六七八九十]{1,3}[、.．，,:：]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}部分[、:：]?)'

interface PartHit {
  part: PartDef
  /** Offset in the stripped main text; used only to check the order. */
  position: number | null
  locator: Locator | null
  /** True when the words appear only in running text, not as a numbered or heading line. */
  mentionOnly: boolean
}

function locate(page: PageModel, text: string, part: PartDef): PartHit | null {
  const cores = part.patterns.length ? part.patterns : [part.name.replace(/^[一二三四五六七八九十]+、/, '')]
  const numbered = compilePatterns(cores.map((c) => `${NUMBERING}(?:${c})`))
  const bare = compilePatterns(cores)
  const heading = page.headings.find((h) => bare.some((re) => testBounded(re, strip(h.text))))
  for (const re of numbered) {
    const m = execBounded(re, text)
    if (m) return { part, position: m.index, locator: heading?.locator ?? null, mentionOnly: false }
  }
  if (heading) {
    const at = text.indexOf(strip(heading.text))
    return { part, position: at >= 0 ? at : null, locator: heading.locator, mentionOnly: false }
  }
  for (const re of bare) {
    const m = testBounded(re, text)
    // An introduction often names every part ("…其他需要报告的事项六部分"), so an unnumbered mention is weak.
    if (m) return { part, position: null, locator: null, mentionOnly: true }
  }
  return null
}

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  if (page.kind !== 'annual-report') return []
  const yr = reportYearOf(page)
  if (!yr) {
    return [
      ctx.finding({
        status: 'review',
        section: '报告年度',
        message: { zh: '无法确定年度报告所属年度，未能选定适用的报告格式', en: 'The year the report covers could not be read, so no report format could be chosen' },
        evidence: { zh: `标题：${page.title || '（无）'}`, en: `title: ${page.title || '(none)'}` },
        expected: { zh: '2021 年及以后按国办公开办函〔2021〕30号格式，2019–2020 年按〔2019〕60号试行格式', en: 'Reports from 2021 follow the 2021 format (30号); 2019–2020 the trial format (60号)' },
        locator: null,
      }),
    ]
  }
  const format = formatForYear(params.formats, yr.year)
  if (!format) return []
  const text = strip(page.mainText)
  const info = format.informational
  const severity = info ? ('info' as const) : undefined
  const yearNote = yr.fromTitle ? `（年度取自标题）` : ''
  const expected = {
    zh: `${yr.year} 年度报告适用${format.label}，应包括：${format.parts.map((p) => p.name).join('；')}`,
    en: `A report on ${yr.year} follows ${format.label} and must have ${format.parts.length} parts in order`,
  }
  const out: Finding[] = []
  const hits: PartHit[] = []
  for (const part of format.parts) {
    const hit = locate(page, text, part)
    if (hit && !hit.mentionOnly) {
      hits.push(hit)
      out.push(
        ctx.finding({
          status: 'pass',
          severity,
          section: part.name,
          key: `part:${part.name}`,
          message: { zh: `报告包含「${part.name}」部分`, en: `The report has the part "${part.name}"` },
          evidence: { zh: `${yr.year} 年度报告${yearNote}，找到该部分标题`, en: `report on ${yr.year}; the part's heading was found` },
          expected,
          locator: hit.locator,
        }),
      )
    } else if (hit) {
      out.push(
        ctx.finding({
          status: 'review',
          severity,
          section: part.name,
          key: `part:${part.name}`,
          message: { zh: `「${part.name}」仅在正文中提及，未见对应章节标题`, en: `"${part.name}" is only mentioned in the text; no heading for it was found` },
          evidence: { zh: `${yr.year} 年度报告${yearNote}，正文提及但无编号标题`, en: `report on ${yr.year}; mentioned without a numbered heading` },
          expected,
          locator: null,
        }),
      )
    } else {
      out.push(
        ctx.finding({
          status: info ? 'review' : 'fail',
          severity,
          section: part.name,
          key: `part:${part.name}`,
          message: info
            ? { zh: `旧格式报告未见「${part.name}」部分（仅供参考）`, en: `The legacy-format report has no part "${part.name}" (informational)` }
            : { zh: `年度报告缺少「${part.name}」部分`, en: `The annual report lacks the part "${part.name}"` },
          evidence: { zh: `${yr.year} 年度报告${yearNote}，正文（${text.length} 字）中未找到该部分`, en: `report on ${yr.year}; not found in the text (${text.length} characters)` },
          expected,
          locator: null,
        }),
      )
    }
  }
  const positioned = hits.filter((h) => h.position !== null)
  const outOfOrder = positioned.some((h, i) => i > 0 && h.position! < positioned[i - 1].position!)
  if (outOfOrder) {
    out.push(
      ctx.finding({
        status: 'review',
        severity,
        section: '章节顺序',
        message: { zh: '年度报告各部分顺序与规定格式不一致', en: 'The parts of the report are not in the prescribed order' },
        evidence: {
          zh: `实际顺序：${[...positioned].sort((a, b) => a.position! - b.position!).map((h) => h.part.name).join(' → ')}`,
          en: `order found: ${[...positioned].sort((a, b) => a.position! - b.position!).map((h) => h.part.name).join(' → ')}`,
        },
        expected,
        locator: null,
      }),
    )
  }
  return out
}
