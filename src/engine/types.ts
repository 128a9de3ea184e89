// Shared shapes of the audit engine. Pure data: no browser or Node types here, so the same
// objects travel between the service worker, the content script, the CLI and the tests.
import type { ExtractionCut } from './limits.ts'

/** Calendar date as `YYYY-MM-DD` (no time zone: Chinese government pages give local dates). */
export type IsoDate = string

export interface ParsedDate {
  /** Normalised calendar date. */
  iso: IsoDate
  /** The text it was read from, trimmed. */
  raw: string
  /** True when the page gave no year and it was inferred against the as-of date. */
  yearInferred?: boolean
  /** `HH:MM` when the page gave a time. */
  time?: string
}

/** Where an extracted item sits in the page, so a finding can be found again in the live DOM. */
export interface Locator {
  /** CSS path from the root, e.g. `html > body > div:nth-of-type(2) > ul > li:nth-of-type(3)`. */
  css: string
  /** A short text fingerprint (first ~40 chars of normalised text) to re-find the element if the path moved. */
  text: string
}

/** A block of the main content (paragraph, list item, table cell) with its own inline text, for locating hits. */
export interface TextBlock {
  text: string
  locator: Locator
}

export type PageKind = 'portal' | 'list' | 'article' | 'guide' | 'annual-report' | 'directory' | 'other'

/** news 动态/要闻 (14 days) · notice 通知公告/政策文件 (6 months) · long-term 人事/规划 (1 year) · other. */
export type FreshnessClass = 'news' | 'notice' | 'long-term' | 'other'

export interface Entry {
  title: string
  href: string | null
  date: ParsedDate | null
  locator: Locator
}

export interface Column {
  name: string
  href: string | null
  /** The element that heads the column (its title / tab), or the list itself when there is no heading. */
  locator: Locator | null
  entries: Entry[]
  /** The column prints a "暂无信息"-style placeholder (an empty list container has no entries but no marker). */
  emptyMarker: boolean
  freshnessClass: FreshnessClass
  /** 1 = first-level column when known. */
  level?: number
  /** How the list was found, for diagnostics: 'ul' | 'table' | 'dl' | 'tab' | 'datastore' | 'page'. */
  via: string
  /** Rows of the list when it held more than MAX_ENTRIES_PER_COLUMN and only the first ones became entries. */
  rowsBeyondCap?: number
}

export interface NavLink {
  name: string
  href: string | null
  locator: Locator
}

/** Canonical metadata keys; labels on pages are mapped onto these through the pack's synonym lists. */
export type MetadataKey =
  | 'indexNo' // 索引号
  | 'publisher' // 发布机构 (= 发文机关 / 发布单位 / 发文机构)
  | 'docNumber' // 发文字号 (= 文号 / 发布文号)
  | 'writtenDate' // 成文日期 (= 发文日期 / 生成日期 / 产生日期)
  | 'publishDate' // 发布日期 (= 发布时间)
  | 'topic' // 主题分类
  | 'validity' // 有效性
  | 'title' // 名称 (= 标题 / 信息名称)
  | 'summary' // 内容概述
  | 'keywords' // 主题词 / 关键词

export interface MetadataField {
  key: MetadataKey
  /** The label as printed, normalised (spaces removed), e.g. 发文日期. */
  label: string
  value: string
  locator: Locator
}

export interface RawField {
  /** The label as printed, normalised (whitespace and trailing colon removed), e.g. 发文日期. */
  label: string
  value: string
  locator: Locator
}

export interface MetadataBox {
  /** Fields found, by canonical key (default synonyms). A label present with an empty value is kept with value ''. */
  fields: Partial<Record<MetadataKey, MetadataField>>
  /** Every label/value pair of the box in page order, so a pack's own synonym list can re-map them. */
  raw: RawField[]
  /** The box (table / strip) that holds the fields. */
  locator: Locator | null
}

export interface FooterItem {
  value: string
  locator: Locator
}

export interface Footer {
  text: string
  locator: Locator | null
  sponsor: FooterItem | null // 主办单位
  siteIdCode: FooterItem | null // 网站标识码 (10 digits or bm + 8 digits)
  icp: FooterItem | null // X ICP备N号
  police: FooterItem | null // X公网安备 N号 / 公安备案号
  conac: FooterItem | null // 党政机关网站标识 (link to conac or its badge image)
  /** conac's own embed script (dcs.conac.cn, #_ideConac) with no badge in the HTML: the badge appears only once it runs. */
  conacScript?: FooterItem | null
  /** "X 版权所有" when no 主办单位 label is printed: the body is named, but not in the required form. */
  copyrightHolder?: FooterItem | null
}

/**
 * A block of the main content whose text holds a long run of digits (or digits and mask characters): what a rule
 * points its marker at when it finds a number in mainText. Its locator's text may hold that number; a rule that
 * reports personal data passes on the CSS path only.
 */
export interface NumberSpot {
  /** The block's visible text, whitespace collapsed and capped. */
  text: string
  locator: Locator
}

export interface Heading {
  text: string
  /** 1..6 for h-tags; 7 for a paragraph that looks like a heading (一、…). */
  level: number
  locator: Locator
}

/** One cell of a table as laid out by the HTML table model (rowspan/colspan placed, 0-based slots). */
export interface TableCell {
  row: number
  col: number
  rowSpan: number
  colSpan: number
  /** Visible text, whitespace collapsed (cut at TABLE_CAPS.cellText characters). */
  text: string
  /** Placed over a slot a cell from an earlier row already covers (merged cells that do not line up). */
  overlaps?: boolean
}

/** A table of the main content, kept as cells so rules can rebuild its grid; bounded by the extractor's caps. */
export interface DataTable {
  locator: Locator
  /** Rows and columns kept. */
  rows: number
  cols: number
  cells: TableCell[]
  /** Rows left out beyond the row cap; > 0 means the table was cut. */
  rowsCut: number
  /** True when a row or a span reached past the column cap. */
  colsCut: boolean
}

/** A link in the page's content (not its header, footer or navigation): what a page says it refers to. */
export interface ContentLink {
  text: string
  href: string | null
  /** Text of the block the link sits in (its paragraph, list item or row), capped: dates and 文号 printed beside it. */
  context: string
  locator: Locator
}

/** One labelled value of a record (a table cell under its header, or a `label：value` pair inside a list item). */
export interface RecordField {
  label: string
  value: string
}

/** A row of a list whose values are labelled: a 留言 table row, or a `<li>` with 留言时间：… 状态：… spans. */
export interface ListRecord {
  title: string
  href: string | null
  fields: RecordField[]
  locator: Locator
}

/** A list of labelled records: a table with a header row, or a list whose items label their values. */
export interface RecordList {
  /** The labels as printed (header cells, or the labels the items use), whitespace and colons removed. */
  labels: string[]
  records: ListRecord[]
  locator: Locator | null
  /** How the labels were found: a table/list header row, or label：value pairs inside each item. */
  via: 'header' | 'pairs'
}

export interface PageModel {
  url: string | null
  title: string
  kind: PageKind
  breadcrumb: string[]
  /** The column this page belongs to: `<meta name="ColumnName">`, else the breadcrumb's last column, else a heading. */
  columnName: string | null
  /** `<meta name=…>` values keyed by name as written (SiteIDCode, ColumnName, PubDate, …). */
  meta: Record<string, string>
  columns: Column[]
  /** Sub-column navigation (left nav, 政府信息公开专栏 block). */
  navigation: NavLink[]
  metadata: MetadataBox | null
  /** The publication date printed on an article page (发布日期/发布时间 or a bare date under the title). */
  visibleDate: (ParsedDate & { locator: Locator | null }) | null
  footer: Footer | null
  headings: Heading[]
  /** Blocks of the main content holding long digit runs (capped; absent on models built before they existed). */
  numberSpots?: NumberSpot[]
  /** Visible text of the main content, whitespace collapsed (guide elements, report parts). */
  mainText: string
  /** mainText cut into blocks with locators (capped; see extract/content/text-blocks.ts); absent on older models. */
  textBlocks?: TextBlock[]
  /** For an annual report: the year it covers. */
  reportYear: number | null
  /** For an annual report: its tables as cell grids (absent on other pages; see extract/tables.ts for the caps). */
  reportTables?: DataTable[]
  /** Things the extraction was unsure about; rules turn uncertainty into "review". */
  notes: string[]
  /** Links in the content (original document, 解读, repealed documents); absent on models built before they existed. */
  contentLinks?: ContentLink[]
  /** Lists whose rows carry labelled values (留言 lists with 留言时间 / 状态 / 答复时间). */
  recordLists?: RecordList[]
  /** What the extraction did not read because the page passed a cap of src/engine/limits.ts (absent: nothing cut). */
  cuts?: ExtractionCut[]
  /** A sign-in page, or a page standing in for content behind a login (src/engine/extract/login.ts). */
  loginPage?: boolean
}

export type Status = 'fail' | 'review' | 'pass' | 'n/a'
export type Severity = 'veto' | 'error' | 'warning' | 'info'
export type Lang = 'zh' | 'en'

/** Structured facts behind a finding's message (dates, days, limits, counts, the field or column concerned). */
export type FindingDataValue = string | number | boolean | null | readonly string[] | readonly number[]
export type FindingData = Record<string, FindingDataValue>

export interface Finding {
  /** Stable: hash(ruleId + page URL + locator + key) — same finding, same id, across re-audits and rewordings. */
  id: string
  ruleId: string
  status: Status
  severity: Severity
  section: string
  /** Bilingual until shown: each surface (CLI, CSV, popup, markers, report) picks its language with `pick`. */
  message: Localized
  evidence: Localized
  expected: Localized
  source: string
  locator: Locator | null
  /** Structured facts behind the message; the same in every language. */
  data?: FindingData
  /**
   * Set aside by the auditor (a fail or review that does not hold), with the reason and when (ISO datetime). A
   * dismissed finding stays in the report but is left out of the verdict and the counts.
   */
  dismissed?: { reason: string; at: string }
}

export interface Localized {
  zh: string
  en: string
}

/** One rule of a pack: data only. `kind` names the evaluator; `params` are that evaluator's settings. */
export interface RuleDef {
  id: string
  kind: string
  title: Localized
  severity: Severity
  source: string
  enabled?: boolean
  /** 'site' rules are judged once per site scan, from all its pages; audit() of one page leaves them out. */
  scope?: RuleScope
  params: Record<string, unknown>
}

export type RuleScope = 'page' | 'site'

export interface RulePack {
  id: string
  version: string
  title: Localized
  rules: RuleDef[]
}

export interface AuditOptions {
  url?: string | null
  packs: RulePack[]
  /** The audit date, `YYYY-MM-DD` (Asia/Shanghai). */
  asOf: IsoDate
  lang?: Lang
  /**
   * What stands for the page in finding ids when it has no address: the CLI passes a saved file's path, so two files
   * audited without --url do not share ids (and one --ignore entry cannot dismiss both).
   */
  identity?: string | null
}

export interface PageReport {
  url: string | null
  title: string
  kind: PageKind
  asOf: IsoDate
  findings: Finding[]
  /** Extraction notes (uncertainties) for diagnostics. */
  notes: string[]
  /** 发布机构 as the page's metadata box prints it, when it does: the body a 整改通知 is addressed to. */
  publisher?: string
  /** The column the page belongs to (PageModel.columnName), when known: the fallback addressee of a notice. */
  column?: string
  /** Set (true) when the page is a sign-in page or stands in for content behind a login; absent otherwise. */
  loginPage?: true
}

/** What an evaluator gets besides the page model. */
export interface RuleContext {
  rule: RuleDef
  asOf: IsoDate
  lang: Lang
  url: string | null
  /**
   * The 19号 veto limits of the site rule in effect (column-freshness-site), so a page rule states the site-level line
   * without a copy of it; null when the packs switch that rule off.
   */
  siteLimits: SiteVetoLimits | null
  /** Builds a finding with id, ruleId, severity and source filled in from the rule. */
  finding(f: FindingInput): Finding
}

export interface SiteVetoLimits {
  staleNewsNotice: number
  staleAll: number
  blank: number
}

/** What an evaluator says about one thing; the context turns it into a Finding in the audit's language. */
export interface FindingInput {
  status: Status
  section: string
  message: Localized
  evidence: Localized | string
  expected: Localized | string
  locator: Locator | null
  severity?: Severity
  /**
   * The stable part of the finding's identity on its page (a column or field key, never display text). Without it,
   * the id falls back to the locator and section.
   */
  key?: string
  data?: FindingData
}

export type Evaluator = (page: PageModel, params: Record<string, unknown>, ctx: RuleContext) => Finding[]

/** Passed to every extractor while the page model is built. */
export interface ExtractContext {
  url: string | null
  asOf: IsoDate
  /** Extractors push uncertainties here; they end up in PageModel.notes. */
  notes: string[]
  /** Extractors record here what a cap of src/engine/limits.ts left out; it ends up in PageModel.cuts. */
  cuts?: ExtractionCut[]
}
