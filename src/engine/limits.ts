// How much of one page the extraction reads. These bound the engine's memory and time on any input (a 14 MB list of
// 200,000 rows, a page of megabyte attributes), so they are engine constants, not pack params: the page model is built
// once, before and independently of any pack (the scan's column verdicts use it too), and an imported pack is
// untrusted data that must not be able to lift the bounds that protect the host. They sit far above what real
// portals carry (a list page shows 15–50 entries; the largest pages of the corpus stay well under every cap), and a
// page that reaches one is never judged silently on the part that was read: the cuts travel in the page model and
// the `extraction-limits` rule turns them into one `review` finding.

/** Entries read per column; the rest of a longer list is not checked. */
export const MAX_ENTRIES_PER_COLUMN = 5_000
/** Characters of the main text (what the guide, annual-report and document-number rules read). */
export const MAX_MAIN_TEXT_CHARS = 200_000
/** Characters of one attribute value; longer values are cut when the page is parsed. */
export const MAX_ATTRIBUTE_CHARS = 4_096
/**
 * Attributes the rules take evidence from (entry links and titles, meta tags, badge images). A cut elsewhere (an
 * inline style, a data: image) changes nothing the audit reads, so it is noted but not reported as a cut.
 */
export const EVIDENCE_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'title', 'alt', 'content', 'name', 'id', 'class'])

/** What the extraction left out of one page. */
export type ExtractionCut =
  | { what: 'entries'; column: string; limit: number; rows: number }
  | { what: 'text'; limit: number; chars: number }
  | { what: 'attributes'; limit: number; count: number; names: string[] }
