// HTML → PageModel: runs the extractors in a fixed order over one parsed document.
import type { CheerioAPI } from 'cheerio/slim'
import { extractColumns } from './extract/columns.ts'
import { extractContentLinks } from './extract/content/links.ts'
import { extractRecordLists } from './extract/content/records.ts'
import { extractFooter } from './extract/footer.ts'
import { classifyKind } from './extract/kind.ts'
import { extractNumberSpots } from './extract/content/number-spots.ts'
import { extractMetadata } from './extract/metadata.ts'
import { extractStructure } from './extract/structure.ts'
import { extractTables } from './extract/tables.ts'
import { extractTextBlocks } from './extract/content/text-blocks.ts'
import { boundTree, MAX_TREE_DEPTH, parseHtml } from './parse.ts'
import { MAX_ATTRIBUTE_CHARS } from './limits.ts'
import { isLoginPage, passwordFormTexts } from './extract/login.ts'
import type { ExtractContext, IsoDate, PageModel } from './types.ts'

export interface BuildOptions {
  url?: string | null
  asOf: IsoDate
}

export function buildPageModel(html: string | CheerioAPI, opts: BuildOptions): PageModel {
  const parsed = typeof html === 'string' ? parseHtml(html) : boundTree(html)
  const $ = parsed.$
  const ctx: ExtractContext = { url: opts.url ?? null, asOf: opts.asOf, notes: [], cuts: [] }
  if (parsed.flattened) ctx.notes.push(`tree deeper than ${MAX_TREE_DEPTH} levels: ${parsed.flattened} nodes attached at the cap, as a browser does`)
  const { evidence, names, other } = parsed.attributes
  if (evidence) ctx.cuts!.push({ what: 'attributes', limit: MAX_ATTRIBUTE_CHARS, count: evidence, names })
  if (other) ctx.notes.push(`${other} attribute values (styles, inline images) longer than ${MAX_ATTRIBUTE_CHARS} characters cut; the audit reads none of them`)
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
    cuts: ctx.cuts!,
  }
  const loginPage = isLoginPage({
    url: ctx.url,
    title: structure.title,
    passwordForms: passwordFormTexts($),
    textLength: structure.mainText.length,
    datedEntries: columns.reduce((n, c) => n + c.entries.filter((e) => e.date).length, 0),
    mainText: structure.mainText.slice(0, 2000),
  })
  const kind = classifyKind(model)
  const login = loginPage ? { loginPage } : {}
  // Only an annual report's tables are read by a rule; other pages skip the work.
  if (kind === 'annual-report') return { ...model, kind, ...login, reportTables: extractTables($, ctx) }
  return { ...model, kind, ...login }
}
