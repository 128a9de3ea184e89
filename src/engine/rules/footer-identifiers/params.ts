import type * as v from 'valibot'
import { keywordList, list, oneOf, pattern, strict } from '../../rule-kit/schema.ts'

export const FOOTER_ITEMS = ['sponsor', 'siteIdCode', 'icp', 'police', 'conac'] as const

export const params = strict({
  items: list(oneOf(FOOTER_ITEMS), 1),
  /** The 网站标识码 format, matched case-insensitively. */
  siteIdCodePattern: pattern('iu'),
  /**
   * `<meta name>`s that only a page of a site's own templates carries (SiteIDCode, SiteName …): such a page has the
   * site's footer, so when its HTML shows none the footer was drawn by script and a person must look.
   */
  siteMetaNames: keywordList(),
})
export type Params = v.InferOutput<typeof params>
