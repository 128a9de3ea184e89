// Every rule kind, page and site scope alike, under one typed table. A pack can only name kinds listed here: packs
// are data, and this table is the only code they can reach. Adding a kind is one folder and one line below; the
// `satisfies` clause makes a misspelt or missing kind a compile error.
import type { PageRuleKind, RuleKind, SiteRuleKind } from '../rule-kit/kind.ts'
import { annualReportStructure } from './annual-report-structure/index.ts'
import { annualReportTables } from './annual-report-tables/index.ts'
import { annualReportTimeliness } from './annual-report-timeliness/index.ts'
import { articleMetadata } from './article-metadata/index.ts'
import { blankColumn } from './blank-column/index.ts'
import { columnFreshness } from './column-freshness/index.ts'
import { columnFreshnessSite } from './column-freshness-site/index.ts'
import { dateConsistency } from './date-consistency/index.ts'
import { disclosureSubcolumns } from './disclosure-subcolumns/index.ts'
import { docNumberFormat } from './doc-number-format/index.ts'
import { documentValidity } from './document-validity/index.ts'
import { extractionLimits } from './extraction-limits/index.ts'
import { footerIdentifiers } from './footer-identifiers/index.ts'
import { guideElements } from './guide-elements/index.ts'
import { homepageFreshness } from './homepage-freshness/index.ts'
import { interactionResponse } from './interaction-response/index.ts'
import { linkCheck } from './link-check/index.ts'
import { policyInterpretation } from './policy-interpretation/index.ts'
import { personalData } from './personal-data/index.ts'
import { publicationLag } from './publication-lag/index.ts'
import { seriousErrors } from './serious-errors/index.ts'
import { statutoryCategories } from './statutory-categories/index.ts'
import { vetoHitsSite } from './veto-hits-site/index.ts'

export type PageKindId =
  | 'article-metadata'
  | 'doc-number-format'
  | 'publication-lag'
  | 'date-consistency'
  | 'footer-identifiers'
  | 'column-freshness'
  | 'homepage-freshness'
  | 'blank-column'
  | 'disclosure-subcolumns'
  | 'statutory-categories'
  | 'guide-elements'
  | 'serious-errors'
  | 'annual-report-structure'
  | 'annual-report-timeliness'
  | 'annual-report-tables'
  | 'policy-interpretation'
  | 'document-validity'
  | 'interaction-response'
  | 'personal-data'
  | 'extraction-limits'

export type SiteKindId = 'column-freshness-site' | 'link-check' | 'veto-hits-site'
export type KindId = PageKindId | SiteKindId

export const kinds = {
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
  'serious-errors': seriousErrors,
  'annual-report-structure': annualReportStructure,
  'annual-report-timeliness': annualReportTimeliness,
  'annual-report-tables': annualReportTables,
  'policy-interpretation': policyInterpretation,
  'document-validity': documentValidity,
  'interaction-response': interactionResponse,
  'personal-data': personalData,
  'extraction-limits': extractionLimits,
  'column-freshness-site': columnFreshnessSite,
  'link-check': linkCheck,
  'veto-hits-site': vetoHitsSite,
} satisfies Record<PageKindId, PageRuleKind<any>> & Record<SiteKindId, SiteRuleKind<any>> // eslint-disable-line @typescript-eslint/no-explicit-any

export function kindOf(id: string): RuleKind | undefined {
  return Object.hasOwn(kinds, id) ? (kinds as Record<string, RuleKind>)[id] : undefined
}

export function kindIds(): KindId[] {
  return Object.keys(kinds) as KindId[]
}

export function isSiteKind(id: string): boolean {
  return kindOf(id)?.scope === 'site'
}
