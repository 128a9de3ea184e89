// HTML → PageModel: runs the extractors in a fixed order over one parsed document.
import { load, type CheerioAPI } from 'cheerio/slim'
import { extractColumns } from './extract/columns.ts'
import { extractFooter } from './extract/footer.ts'
import { classifyKind } from './extract/kind.ts'
import { extractMetadata } from './extract/metadata.ts'
import { extractStructure } from './extract/structure.ts'
import type { ExtractContext, IsoDate, PageModel } from './types.ts'

export interface BuildOptions {
  url?: string | null
  asOf: IsoDate
}

export function buildPageModel(html: string | CheerioAPI, opts: BuildOptions): PageModel {
  const $ = typeof html === 'string' ? load(html) : html
  const ctx: ExtractContext = { url: opts.url ?? null, asOf: opts.asOf, notes: [] }
  const structure = extractStructure($, ctx)
  const { metadata, visibleDate } = extractMetadata($, ctx)
  const footer = extractFooter($, ctx)
  const columns = extractColumns($, ctx, { columnName: structure.columnName, breadcrumb: structure.breadcrumb })
  const model: Omit<PageModel, 'kind'> = {
    url: ctx.url,
    title: structure.title,
    breadcrumb: structure.breadcrumb,
    columnName: structure.columnName,
    meta: structure.meta,
    columns,
    navigation: structure.navigation,
    metadata,
    visibleDate,
    footer,
    headings: structure.headings,
    mainText: structure.mainText,
    reportYear: structure.reportYear,
    notes: ctx.notes,
  }
  return { ...model, kind: classifyKind(model) }
}
