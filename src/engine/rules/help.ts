// Each kind's help (what it checks, how a site fixes a failure) without its evaluator: the popup and the report page
// show it beside a finding and need no engine code for that.
import type { KindHelp } from '../rule-kit/kind.ts'
import { help as annualReportStructure } from './annual-report-structure/messages.ts'
import { help as annualReportTables } from './annual-report-tables/messages.ts'
import { help as annualReportTimeliness } from './annual-report-timeliness/messages.ts'
import { help as articleMetadata } from './article-metadata/messages.ts'
import { help as blankColumn } from './blank-column/messages.ts'
import { help as columnFreshness } from './column-freshness/messages.ts'
import { help as columnFreshnessSite } from './column-freshness-site/messages.ts'
import { help as dateConsistency } from './date-consistency/messages.ts'
import { help as disclosureSubcolumns } from './disclosure-subcolumns/messages.ts'
import { help as docNumberFormat } from './doc-number-format/messages.ts'
import { help as documentValidity } from './document-validity/messages.ts'
import { help as extractionLimits } from './extraction-limits/messages.ts'
import { help as footerIdentifiers } from './footer-identifiers/messages.ts'
import { help as guideElements } from './guide-elements/messages.ts'
import { help as homepageFreshness } from './homepage-freshness/messages.ts'
import { help as interactionResponse } from './interaction-response/messages.ts'
import { help as linkCheck } from './link-check/messages.ts'
import { help as policyInterpretation } from './policy-interpretation/messages.ts'
import { help as personalData } from './personal-data/messages.ts'
import { help as publicationLag } from './publication-lag/messages.ts'
import { help as seriousErrors } from './serious-errors/messages.ts'
import { help as statutoryCategories } from './statutory-categories/messages.ts'
import { help as vetoHitsSite } from './veto-hits-site/messages.ts'

export const KIND_HELP: Readonly<Record<string, KindHelp>> = {
  'annual-report-structure': annualReportStructure,
  'annual-report-tables': annualReportTables,
  'annual-report-timeliness': annualReportTimeliness,
  'article-metadata': articleMetadata,
  'blank-column': blankColumn,
  'column-freshness': columnFreshness,
  'column-freshness-site': columnFreshnessSite,
  'date-consistency': dateConsistency,
  'disclosure-subcolumns': disclosureSubcolumns,
  'doc-number-format': docNumberFormat,
  'document-validity': documentValidity,
  'extraction-limits': extractionLimits,
  'footer-identifiers': footerIdentifiers,
  'guide-elements': guideElements,
  'homepage-freshness': homepageFreshness,
  'interaction-response': interactionResponse,
  'link-check': linkCheck,
  'policy-interpretation': policyInterpretation,
  'personal-data': personalData,
  'publication-lag': publicationLag,
  'serious-errors': seriousErrors,
  'statutory-categories': statutoryCategories,
  'veto-hits-site': vetoHitsSite,
}
