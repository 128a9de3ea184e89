// Kind → evaluator. A rule pack can only name kinds listed here: packs are data, and this table is the only code
// they can reach.
import type { Evaluator } from '../types.ts'
import { articleMetadata } from './article-metadata.ts'
import { dateConsistency } from './date-consistency.ts'
import { docNumberFormat } from './doc-number-format.ts'
import { footerIdentifiers } from './footer-identifiers.ts'
import { publicationLag } from './publication-lag.ts'
import { columnFreshness } from './column-freshness.ts'
import { homepageFreshness } from './homepage-freshness.ts'
import { blankColumn } from './blank-column.ts'
import { disclosureSubcolumns } from './disclosure-subcolumns.ts'
import { statutoryCategories } from './statutory-categories.ts'
import { guideElements } from './guide-elements.ts'
import { annualReportStructure } from './annual-report-structure.ts'
import { annualReportTimeliness } from './annual-report-timeliness.ts'

export const evaluators: Record<string, Evaluator> = {
  'article-metadata': articleMetadata,
  'doc-number-format': docNumberFormat,
  'publication-lag': publicationLag,
  'date-consistency': dateConsistency,
  'footer-identifiers': footerIdentifiers,
  'column-freshness': columnFreshness,
  'homepage-freshness': homepageFreshness,
  'blank-column': blankColumn,
  'disclosure-subcolumns': disclosureSubcolumns,
  'statutory-categories': statutoryCategories,
  'guide-elements': guideElements,
  'annual-report-structure': annualReportStructure,
  'annual-report-timeliness': annualReportTimeliness,
}

export function knownKinds(): string[] {
  return Object.keys(evaluators)
}
