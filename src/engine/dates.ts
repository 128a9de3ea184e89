// Chinese date parsing and working-day arithmetic. Pure: runs in the service worker, the CLI and tests.
import chineseDays from 'chinese-days'
import type { IsoDate, ParsedDate } from './types.ts'

export interface DateOptions {
  /** Audit date; needed to infer the year of `[MM-dd]` list dates and to bound plausible years. */
  asOf?: IsoDate
}

const MIN_YEAR = 1949
const DAY_MS = 86_400_000

// Full-width forms map 1:1 onto ASCII, so match offsets in the normalised text stay valid in the original.
function toHalfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0d\uff0f\uff0e\uff1a\uff3b\uff3d\u2010-\u2013]/g, (ch) => {
    const code = ch.charCodeAt(0)
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48)
    switch (ch) {
      case '\uff0d':
        return '-'
      case '\uff0f':
        return '/'
      case '\uff0e':
        return '.'
      case '\uff1a':
        return ':'
      case '\uff3b':
        return '['
      case '\uff3d':
        return ']'
      default:
        return '-' // hyphen/dash variants some CMS templates print between date parts
    }
  })
}

const pad = (n: number): string => String(n).padStart(2, '0')

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

function toIso(y: number, m: number, d: number): IsoDate {
  return `${y}-${pad(m)}-${pad(d)}`
}

function isoParts(iso: IsoDate): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number)
  return [y, m, d]
}

function isoToUtc(iso: IsoDate): number {
  const [y, m, d] = isoParts(iso)
  return Date.UTC(y, m - 1, d)
}

function utcToIso(ms: number): IsoDate {
  const date = new Date(ms)
  return toIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
}

// 〇 ○ O o 0 零 all stand for zero in hand-typed 落款 dates (二OO八年, 二O一一年).
const CN_DIGIT: Record<string, number> = {
  '〇': 0, '○': 0, 'O': 0, 'o': 0, 'Ｏ': 0, '零': 0, '0': 0,
  '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

function cnYear(text: string): number | null {
  let out = 0
  for (const ch of text) {
    const v = ch >= '0' && ch <= '9' ? Number(ch) : CN_DIGIT[ch]
    if (v === undefined) return null
    out = out * 10 + v
  }
  return out
}

/** 十二 → 12, 三十一 → 31, 5 → 5, 〇五 → 5. */
function cnSmall(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text)
  const ten = text.indexOf('十')
  if (ten < 0) {
    let out = 0
    for (const ch of text) {
      const v = CN_DIGIT[ch]
      if (v === undefined) return null
      out = out * 10 + v
    }
    return out
  }
  const tens = ten === 0 ? 1 : CN_DIGIT[text.slice(0, ten)]
  const rest = text.slice(ten + 1)
  const ones = rest === '' ? 0 : CN_DIGIT[rest]
  if (tens === undefined || ones === undefined) return null
  return tens * 10 + ones
}

const TIME = String.raw`(?:\s*|T)([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?!\d)`
// Numeric dates with a 4-digit year. The look-behind keeps 索引号 (…A/2023-0043406), URL paths (/2016/11/22/)
// and dotted version strings out; the look-ahead stops at a further separator+digit (1.2018.12.31.5, 2019-04-18-01).
const NUMERIC = String.raw`(?<![0-9A-Za-z_/\\.\-])((?:19|20)\d{2})(?:([-/.])(\d{1,2})\2(\d{1,2})(?![0-9])(?![-/.]\d)|\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})(?:\s*日|(?![0-9])))(?:${TIME})?`
const CN_YEAR_CHARS = '0-9〇○OoＯ零一二三四五六七八九'
const CN_SMALL = '[一二三四五六七八九十〇○零]{1,3}|\\d{1,2}'
// Written-out dates (二〇一八年十二月三十一日, 二O一一年5月16日); a pure-digit year goes through NUMERIC instead.
const CHINESE = `(?<![0-9])([${CN_YEAR_CHARS}]{4})\\s*年\\s*(${CN_SMALL})\\s*月\\s*(${CN_SMALL})\\s*日`
// Year-less list dates: [12-31] / [1-5] in brackets, or bare padded 12-31. Neighbouring digits, colons and
// separators are refused so times (9:00-11:30), phone numbers and full dates never yield a month-day.
const YEARLESS = String.raw`(?:[\[【(（](\d{1,2})-(\d{1,2})[\]】)）]|(?<![0-9:.\-/])(\d{2})-(\d{2})(?![0-9:.\-/]))`

const ANY = new RegExp(`${NUMERIC}|${CHINESE}|${YEARLESS}`, 'gu')

function maxYear(asOf: IsoDate | undefined): number {
  const base = asOf ? isoParts(asOf)[0] : Number(todayInShanghai().slice(0, 4))
  return base + 1
}

/** The latest (month, day) on or before asOf; walks back past non-leap years for 02-29. */
function inferYear(m: number, d: number, asOf: IsoDate): number | null {
  const [ay] = isoParts(asOf)
  for (let y = ay; y >= ay - 8; y--) {
    if (isValidYmd(y, m, d) && toIso(y, m, d) <= asOf) return y
  }
  return null
}

function fromMatch(match: RegExpExecArray, original: string, opts: DateOptions): ParsedDate | null {
  const g = match
  const raw = original.slice(match.index, match.index + match[0].length).trim()
  const top = opts.asOf ? Number(opts.asOf.slice(0, 4)) + 1 : maxYear(undefined)
  const plausible = (y: number): boolean => y >= MIN_YEAR && y <= top
  if (g[1] !== undefined) {
    const y = Number(g[1])
    const m = Number(g[3] ?? g[5])
    const d = Number(g[4] ?? g[6])
    if (!plausible(y) || !isValidYmd(y, m, d)) return null
    const out: ParsedDate = { iso: toIso(y, m, d), raw }
    if (g[7] !== undefined) out.time = `${pad(Number(g[7]))}:${g[8]}`
    return out
  }
  if (g[10] !== undefined) {
    const y = cnYear(g[10])
    const m = cnSmall(g[11])
    const d = cnSmall(g[12])
    if (y === null || m === null || d === null || !plausible(y) || !isValidYmd(y, m, d)) return null
    return { iso: toIso(y, m, d), raw }
  }
  const ms = g[13] ?? g[15]
  const ds = g[14] ?? g[16]
  if (ms === undefined || ds === undefined || !opts.asOf) return null
  const m = Number(ms)
  const d = Number(ds)
  if (!isValidYmd(2000, m, d)) return null // 2000 is a leap year, so 02-29 passes here
  const y = inferYear(m, d, opts.asOf)
  if (y === null) return null
  return { iso: toIso(y, m, d), raw, yearInferred: true }
}

// Cheap pre-check: every format needs a digit or a Chinese numeral followed somewhere by 年; most row texts have one.
const HAS_DIGIT = /[0-9\uff10-\uff19]|年/

// List rows usually print nothing but `2026-05-18`; this shortcut skips the full scan for them.
const PLAIN_ISO = /^\s*((?:19|20)\d{2})-(\d{2})-(\d{2})\s*$/

/** Dates in `text` in order of appearance; with `firstOnly`, stops at the first. */
function scanDates(text: string, opts: DateOptions, firstOnly: boolean): ParsedDate[] {
  const out: ParsedDate[] = []
  const plain = text.length <= 40 ? PLAIN_ISO.exec(text) : null
  if (plain) {
    const y = Number(plain[1])
    const top = opts.asOf ? Number(opts.asOf.slice(0, 4)) + 1 : maxYear(undefined)
    if (y >= MIN_YEAR && y <= top && isValidYmd(y, Number(plain[2]), Number(plain[3]))) {
      out.push({ iso: `${plain[1]}-${plain[2]}-${plain[3]}`, raw: text.trim() })
    }
    return out
  }
  if (!HAS_DIGIT.test(text)) return out
  const normal = toHalfWidth(text)
  // The shared regex is safe to reuse: nothing inside the loop parses again, so lastIndex is ours.
  const re = ANY
  re.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = re.exec(normal))) {
    const parsed = fromMatch(match, text, opts)
    if (!parsed) continue
    out.push(parsed)
    if (firstOnly) break
  }
  return out
}

/** All dates in `text`, in order of appearance. Year-less dates are only read when `opts.asOf` is given. */
export function findDates(text: string, opts: DateOptions = {}): ParsedDate[] {
  return scanDates(text, opts, false)
}

/** The first date in `text`, or null. */
export function parseDate(text: string, opts: DateOptions = {}): ParsedDate | null {
  return scanDates(text, opts, true)[0] ?? null
}

/** `to − from` in calendar days. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((isoToUtc(to) - isoToUtc(from)) / DAY_MS)
}

/** Adds calendar days to an ISO date. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  return utcToIso(isoToUtc(iso) + days * DAY_MS)
}

/**
 * Working days after `from` up to and including `to` (期间开始之日不计算在内), by the official calendar with
 * 调休 make-up days. Years the calendar does not cover fall back to Monday–Friday (see isCalendarCovered).
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const start = isoToUtc(from)
  const end = isoToUtc(to)
  let count = 0
  for (let t = start + DAY_MS; t <= end; t += DAY_MS) {
    if (chineseDays.isWorkday(utcToIso(t))) count++
  }
  return count
}

/** The date `n` working days after `from` (the deadline of an "n 个工作日" period starting on `from`). */
export function addWorkingDays(from: IsoDate, n: number): IsoDate {
  let t = isoToUtc(from)
  let left = n
  while (left > 0) {
    t += DAY_MS
    if (chineseDays.isWorkday(utcToIso(t))) left--
  }
  return utcToIso(t)
}

const coverage = new Map<number, boolean>()

/** Whether the holiday calendar has that year's official arrangement (元旦 is a holiday in every covered year). */
export function isCalendarCovered(iso: IsoDate): boolean {
  const year = isoParts(iso)[0]
  let known = coverage.get(year)
  if (known === undefined) {
    known = /元旦/.test(chineseDays.getDayDetail(`${year}-01-01`).name)
    coverage.set(year, known)
  }
  return known
}

/** Today's calendar date in China. */
// Building an Intl.DateTimeFormat costs far more than formatting with one, and a date without asOf asks per match.
let shanghaiFormat: Intl.DateTimeFormat | null = null

// Dates without asOf ask for today once per match (column headings are checked per candidate). Shanghai's offset
// is a whole number of minutes, so every instant of one UTC minute falls on the same Shanghai day: one answer per
// minute is exact.
let lastMinute = NaN
let lastToday = ''

export function todayInShanghai(now: Date = new Date()): IsoDate {
  const minute = Math.floor(now.getTime() / 60_000)
  if (minute === lastMinute) return lastToday
  lastToday = formatShanghaiDay(now)
  lastMinute = minute
  return lastToday
}

function formatShanghaiDay(now: Date): IsoDate {
  shanghaiFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
  const parts = shanghaiFormat.formatToParts(now)
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}
