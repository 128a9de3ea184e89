// HTML → PageModel: runs the extractors in a fixed order over one parsed document.
import type { CheerioAPI } from 'cheerio/slim'
import type { ParentNode } from 'domhandler'
import { extractColumns } from './extract/columns.ts'
import { extractContentLinks } from './extract/content/links.ts'
import { extractRecordLists } from './extract/content/records.ts'
import { extractFooter } from './extract/footer.ts'
import { classifyKind } from './extract/kind.ts'
import { extractNumberSpots } from './extract/content/number-spots.ts'
import { extractMetadata } from './extract/metadata.ts'
import { extractStructure } from './extract/structure.ts'
import { extractTables } from './extract/tables.ts'
import { capTreeDepth, MAX_TREE_DEPTH, parseHtml } from './parse.ts'
import { extractTextBlocks } from './extract/content/text-blocks.ts'
import type { ExtractContext, IsoDate, PageModel } from './types.ts'

export interface BuildOptions {
  url?: string | null
  asOf: IsoDate
}

export function buildPageModel(html: string | CheerioAPI, opts: BuildOptions): PageModel {
  const parsed = typeof html === 'string' ? parseHtml(html) : { $: html, flattened: capTreeDepth(html.root().get(0) as unknown as ParentNode) }
  const $ = parsed.$
  const ctx: ExtractContext = { url: opts.url ?? null, asOf: opts.asOf, notes: [] }
  if (parsed.flattened) ctx.notes.push(`tree deeper than ${MAX_TREE_DEPTH} levels: ${parsed.flattened} nodes attached at the cap, as a browser does`)
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
    numberSpots: extractNumberSpots($),
    mainText: structure.mainText,
    textBlocks: extractTextBlocks($, ctx),
    reportYear: structure.reportYear,
    notes: ctx.notes,
    contentLinks: extractContentLinks($, ctx),
    recordLists: extractRecordLists($, ctx),
  }
  const kind = classifyKind(model)
  // Only an annual report's tables are read by a rule; other pages skip the work.
  if (kind === 'annual-report') return { ...model, kind, reportTables: extractTables($, ctx) }
  return { ...model, kind }
}
