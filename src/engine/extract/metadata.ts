// The metadata box (索引号 table / strip) of a document page and the publication date printed for the article.
import type { CheerioAPI } from 'cheerio/slim'
import type { ExtractContext, Locator, MetadataBox, ParsedDate } from '../types.ts'
import { findFooterRoot } from './footer.ts'
import { DEFAULT_METADATA_SYNONYMS, buildLabelIndex, type LabelIndex, type MetadataSynonyms } from './labels.ts'
import { PairParser } from './metadata/pairs.ts'
import { findBox, toBox } from './metadata/box.ts'
import { findVisibleDate } from './metadata/visible-date.ts'

export type VisibleDate = (ParsedDate & { locator: Locator | null }) | null

export interface MetadataResult {
  metadata: MetadataBox | null
  visibleDate: VisibleDate
}

export interface MetadataOptions {
  /** A pack's own synonym table; defaults to DEFAULT_METADATA_SYNONYMS. */
  synonyms?: MetadataSynonyms
}

// The label table's regexes are big alternations; they are compiled once per synonym table, not per page.
const parserCache = new WeakMap<MetadataSynonyms, { index: LabelIndex; parser: PairParser }>()

function parserFor(synonyms: MetadataSynonyms): { index: LabelIndex; parser: PairParser } {
  let cached = parserCache.get(synonyms)
  if (!cached) {
    const index = buildLabelIndex(synonyms)
    cached = { index, parser: new PairParser(index) }
    parserCache.set(synonyms, cached)
  }
  return cached
}

export function extractMetadata($: CheerioAPI, ctx: ExtractContext, options: MetadataOptions = {}): MetadataResult {
  const { index, parser } = parserFor(options.synonyms ?? DEFAULT_METADATA_SYNONYMS)
  const found = findBox($, parser, index)
  const metadata = found ? toBox($, found, parser) : null
  if (metadata) {
    const empty = metadata.raw.filter((f) => f.value === '').map((f) => f.label)
    if (empty.length) ctx.notes.push(`metadata: labels without a value (${empty.join('、')}); page may fill them by script`)
  }
  const visibleDate = findVisibleDate($, ctx, [found?.el ?? null, findFooterRoot($)], metadata?.fields.publishDate)
  return { metadata, visibleDate }
}
