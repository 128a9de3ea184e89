// 条例 第十二条第三款 and the 目录系统实施指引 core metadata: a disclosed document page shows its catalogue fields.
import { PAGE_KIND_LABELS } from '../../vocabulary.ts'
import type { Finding, Localized, MetadataKey, PageModel, RuleContext } from '../../types.ts'
import { clip, findField, hasBox, isBlankValue, matchesAny, publishDateOf } from '../../rule-kit/fields.ts'
import { compilePatterns, testBounded } from '../../rule-kit/patterns.ts'
import type { Params } from './params.ts'

const FIELD_NAMES: Record<MetadataKey, Localized> = {
  indexNo: { zh: '索引号', en: 'index number' },
  publisher: { zh: '发布机构', en: 'publishing body' },
  docNumber: { zh: '发文字号', en: 'document number' },
  writtenDate: { zh: '成文日期', en: 'date of writing' },
  publishDate: { zh: '发布日期', en: 'publication date' },
  topic: { zh: '主题分类', en: 'topic' },
  validity: { zh: '有效性', en: 'validity' },
  title: { zh: '名称', en: 'title' },
  summary: { zh: '内容概述', en: 'summary' },
  keywords: { zh: '主题词', en: 'keywords' },
}


/** Why the page counts as a 信息公开 document page, or null when it does not. */
function disclosureReason(page: PageModel, keywords: string[]): string | null {
  if (hasBox(page)) return 'box'
  if (page.kind !== 'article') return null
  const trail = [...page.breadcrumb, page.columnName ?? '', page.meta.ColumnName ?? ''].join(' ')
  return matchesAny(trail, keywords) ? 'breadcrumb' : null
}

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  const keywords = params.disclosureKeywords
  const reason = disclosureReason(page, keywords)
  if (!reason) {
    return [
      ctx.finding({
        status: 'n/a',
        section: '元数据',
        message: {
          zh: '非信息公开文件页（无元数据框，栏目路径未涉及信息公开），不检查核心元数据',
          en: 'Not a disclosure document page (no metadata box, path outside 信息公开); core metadata not checked',
        },
        evidence: { zh: `页面类型 ${PAGE_KIND_LABELS.zh[page.kind]}；路径：${page.breadcrumb.join(' > ') || '无'}`, en: `page kind ${PAGE_KIND_LABELS.en[page.kind]}; path: ${page.breadcrumb.join(' > ') || 'none'}` },
        expected: { zh: '仅信息公开文件页须列核心元数据', en: 'only disclosure document pages must show core metadata' },
        locator: null,
      }),
    ]
  }

  const boxLocator = page.metadata?.locator ?? null
  const out: Finding[] = []
  const required: MetadataKey[] = params.required
  const conditional: MetadataKey[] = params.conditional
  // 条例 第十二条 names 索引、名称、内容概述、生成日期 for the catalogue; 发布日期 is not among them, but without it the
  // 20-working-day limit (第二十六条) cannot be checked, so its absence is for a person to weigh, not a failure.
  const recommended: MetadataKey[] = params.recommended
  const indexPatterns = compilePatterns(params.indexNoPatterns, 'iu')
  const where = reason === 'box' ? { zh: '页面有元数据框', en: 'the page has a metadata box' } : { zh: '栏目路径属于信息公开', en: 'the page sits under 信息公开' }

  const optional = [...recommended, ...conditional].filter((k, i, all) => !required.includes(k) && all.indexOf(k) === i)
  for (const key of [...required, ...optional]) {
    const name = FIELD_NAMES[key]
    const labels = params.synonyms[key] ?? [FIELD_NAMES[key].zh]
    const isRequired = required.includes(key)
    const field = findField(page, labels, key)
    const expected = isRequired
      ? { zh: `信息公开文件页应列明“${name.zh}”（可用标签：${labels.join('、')}）`, en: `a disclosure document page shows its ${name.en} (labels: ${labels.join(', ')})` }
      : { zh: `文件有${name.zh}时应列明`, en: `shown when the document has one (${name.en})` }

    if (field && !isBlankValue(field.value)) {
      out.push(passOrFormat(key, field.label, field.value.trim(), field.locator))
      continue
    }
    if (field) {
      out.push(
        ctx.finding({
          // The page promises the field and shows nothing: a script may fill it, or the value was never entered.
          // Either way the evidence cannot be seen here, so a person looks; it is never a silent n/a.
          status: 'review',
          section: name.zh,
          key: `field:${key}`,
          message: isRequired
            ? { zh: `“${field.label}”标签存在但值为空，可能由脚本填充，请在浏览器中核对`, en: `The “${field.label}” label is there but its value is empty; it may be filled by script, check in a browser` }
            : {
                zh: `“${field.label}”标签存在但值为空：文件可能无${name.zh}，也可能由脚本填充，请核对`,
                en: `The “${field.label}” label is there but empty: the document may have no ${name.en}, or a script fills it; check`,
              },
          evidence: { zh: `${field.label}：（空）`, en: `${field.label}: (empty)` },
          expected,
          locator: field.locator,
          data: { field: key, label: field.label, value: '' },
        }),
      )
      continue
    }
    // 名称 is satisfied by the page's own title, 发布日期 by the date printed under it: both are shown to the reader.
    if (key === 'title' && page.title.trim()) {
      out.push(pass(name.zh, { zh: `页面标题：${page.title.trim()}`, en: `page title: ${page.title.trim()}` }, null))
      continue
    }
    const shown = key === 'publishDate' ? publishDateOf(page, labels) : null
    if (shown?.date && shown.labelled) {
      out.push(pass(name.zh, { zh: `页面显示：${clip(shown.locator?.text || shown.value)}`, en: `shown on the page: ${clip(shown.locator?.text || shown.value)}` }, shown.locator))
      continue
    }
    if (shown?.date) {
      out.push(
        ctx.finding({
          status: 'review',
          section: name.zh,
          key: `field:${key}`,
          message: {
            zh: `元数据中无发布日期，页面仅有未标注的日期 ${shown.date.iso}，可能是落款日期，请核对`,
            en: `No publication date in the metadata; the page only shows an unlabelled date ${shown.date.iso}, possibly the signature date`,
          },
          evidence: { zh: `页面显示日期：${shown.value}`, en: `date on the page: ${shown.value}` },
          expected,
          locator: shown.locator,
        }),
      )
      continue
    }
    if (recommended.includes(key) && !isRequired) {
      out.push(
        ctx.finding({
          status: 'review',
          section: name.zh,
          key: `field:${key}`,
          message: {
            zh: `未见“${name.zh}”，无法核对 20 个工作日公开时限（《条例》第二十六条），建议列明`,
            en: `No ${name.en} shown, so the 20-working-day limit (Art. 26) cannot be checked; showing it is recommended`,
          },
          evidence: { zh: `${where.zh}，但未见标签：${labels.join('、')}`, en: `${where.en}, but none of these labels: ${labels.join(', ')}` },
          expected: { zh: `建议列明“${name.zh}”（可用标签：${labels.join('、')}）`, en: `showing the ${name.en} is recommended (labels: ${labels.join(', ')})` },
          locator: boxLocator,
        }),
      )
      continue
    }
    if (!isRequired) {
      out.push(
        ctx.finding({
          status: 'n/a',
          section: name.zh,
          key: `field:${key}`,
          message: { zh: `未见${name.zh}；条件必选，文件无${name.zh}时可不列`, en: `No ${name.en} found; required only when the document has one` },
          evidence: { zh: `未见标签：${labels.join('、')}`, en: `none of the labels: ${labels.join(', ')}` },
          expected,
          locator: null,
        }),
      )
      continue
    }
    out.push(
      ctx.finding({
        status: 'fail',
        section: name.zh,
        key: `field:${key}`,
        message: { zh: `信息公开文件页缺少“${name.zh}”`, en: `The disclosure document page lacks its ${name.en}` },
        evidence: {
          zh: `${where.zh}，但未见标签：${labels.join('、')}`,
          en: `${where.en}, but none of these labels: ${labels.join(', ')}`,
        },
        expected,
        locator: boxLocator,
      }),
    )
  }
  return out

  function pass(section: string, evidence: Localized, locator: Finding['locator']): Finding {
    return ctx.finding({
      status: 'pass',
      section,
      message: { zh: `已列明“${section}”`, en: `${section} is shown` },
      evidence,
      expected: { zh: `信息公开文件页应列明“${section}”`, en: `a disclosure document page shows ${section}` },
      locator,
    })
  }

  function passOrFormat(key: MetadataKey, label: string, value: string, locator: Finding['locator']): Finding {
    const section = FIELD_NAMES[key].zh
    const evidence = { zh: `${label}：${clip(value)}`, en: `${label}: ${clip(value)}` }
    if (key === 'indexNo' && indexPatterns.length > 0) {
      const compact = value.replace(/\s+/g, '')
      if (!indexPatterns.some((re) => testBounded(re, compact))) {
        // No single national format is in force, so an unusual code is worth a look but is never a failure.
        return ctx.finding({
          status: 'review',
          section,
          message: { zh: '索引号格式少见，请核对是否唯一、稳定', en: 'Unusual index number format; check that it is unique and stable' },
          evidence,
          expected: {
            zh: '常见格式：组织机构代码/年份-流水号（如 000014349/2017-00110），或统一社会信用代码前段',
            en: 'usual form: org code/year-serial (e.g. 000014349/2017-00110), or a credit-code prefix',
          },
          locator,
        })
      }
    }
    return pass(section, evidence, locator)
  }
}
