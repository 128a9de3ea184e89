// Personal numbers in text: 居民身份证号 (GB 11643 check digit and a real birth date), mainland mobile numbers and
// bank cards (Luhn), printed in full or masked. Pure functions of the text and the pack's params.
import type { Params } from './params.ts'

export type NumberType = 'idCard' | 'mobile' | 'bankCard'
export const NUMBER_TYPES: readonly NumberType[] = ['idCard', 'mobile', 'bankCard']

export interface NumberHit {
  type: NumberType
  /** The characters as printed, spaces removed (never shown: only maskNumber's output leaves the rule). */
  value: string
  /** Offset in the searched text. */
  index: number
  /** Masked on the page: whether the mask leaves no more visible than the pack allows. */
  masked: null | { withinLimit: boolean; head: number; tail: number }
  /** After a label that says the number is not personal, or a public phone label: not counted. */
  excluded: boolean
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** GB 11643—1999: the 18th character is the weighted sum of the first 17 mod 11, mapped through 10X98765432. */
export function idCheckDigitValid(id: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(id)) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]
  return ID_CHECK[sum % 11] === id[17].toUpperCase()
}

function birthDatePlausible(id: string, minYear: number, asOf: string): boolean {
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  if (y < minYear || m < 1 || m > 12 || d < 1) return false
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false
  return id.slice(6, 14) <= asOf.replaceAll('-', '')
}

export function isIdCard(id: string, p: Params['idCard'], asOf: string): boolean {
  return p.regionPrefixes.includes(id.slice(0, 2)) && birthDatePlausible(id, p.minBirthYear, asOf) && idCheckDigitValid(id)
}

export function luhnValid(number: string): boolean {
  let sum = 0
  for (let i = number.length - 1, even = false; i >= 0; i--, even = !even) {
    let d = number.charCodeAt(i) - 48
    if (d < 0 || d > 9) return false
    if (even) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

export function isBankCard(number: string, p: Params['bankCard']): boolean {
  return p.lengths.includes(number.length) && p.prefixes.some((prefix) => number.startsWith(prefix)) && luhnValid(number)
}

export function isMobile(number: string, p: Params['mobile']): boolean {
  // 15000000000 is an amount in a table, not a phone: subscriber digits of one or two kinds are not a real line.
  return number.length === 11 && p.prefixes.some((prefix) => number.startsWith(prefix)) && new Set(number.slice(3)).size > 2
}

// A run of digits and mask characters, not glued to letters or other digits (which would make it part of a code such
// as a 统一社会信用代码 or a URL). 'x'/'X' is a mask character except as an ID's last character, handled below.
const MASK_CHARS = '*＊×●xX'
const RUN = /(?<![0-9A-Za-z*＊×●.\-_/])[0-9*＊×●xX]{11,19}(?![0-9A-Za-z*＊×●])/g
// Numbers printed in groups: 138 1234 5678, 330203 19900101 1234.
// Grouped bank cards (6222 0212 …) are left out: four-digit figures side by side in a statistics table look the same.
const GROUPED = /(?<![0-9A-Za-z\-])(?:1\d{2}[ -]\d{4}[ -]\d{4}|\d{6} \d{8} \d{3}[\dXx])(?![0-9A-Za-z])/g

function isMaskChar(c: string): boolean {
  return MASK_CHARS.includes(c)
}

function classify(run: string, p: Params, asOf: string): { type: NumberType; masked: NumberHit['masked'] } | null {
  // An ID's check character X at the end of 17 digits is a digit, not a mask.
  const idWithX = /^\d{17}[xX]$/.test(run)
  const hasMask = !idWithX && [...run].some(isMaskChar)
  if (!hasMask) {
    if (!/^\d+[xX]?$/.test(run)) return null
    if (run.length === 18 && isIdCard(run, p.idCard, asOf)) return { type: 'idCard', masked: null }
    if (idWithX) return null
    if (isMobile(run, p.mobile)) return { type: 'mobile', masked: null }
    if (isBankCard(run, p.bankCard)) return { type: 'bankCard', masked: null }
    return null
  }
  const chars = [...run]
  if (!chars.some((c) => /\d/.test(c))) return null
  let head = 0
  while (head < chars.length && !isMaskChar(chars[head])) head++
  let tail = 0
  while (tail < chars.length - head && !isMaskChar(chars[chars.length - 1 - tail])) tail++
  // The check character of a masked ID (35**************X) is a visible character, not a mask.
  if (tail === 0 && chars.length === 18 && /[xX]/.test(chars[17]) && /\d/.test(chars[16] ?? '')) tail = 1
  const visible = chars.filter((c) => !isMaskChar(c)).length
  let type: NumberType
  if (chars.length === 11 && chars[0] === '1') type = 'mobile'
  else if (chars.length === 18) type = 'idCard'
  else if (p.bankCard.lengths.includes(chars.length) || chars.length === 16 || chars.length === 19) type = 'bankCard'
  else return null
  // A mask must start from a real prefix: 1 for a phone, a region code for an ID (a run of stars alone is nothing).
  if (head === 0 && tail === 0) return null
  const allowed = p[type].mask
  const withinLimit = head <= allowed.head && tail <= allowed.tail && visible <= allowed.head + allowed.tail
  return { type, masked: { withinLimit, head, tail } }
}

function labelled(text: string, index: number, labels: readonly string[], window: number): boolean {
  const before = text.slice(Math.max(0, index - window), index)
  return labels.some((label) => before.includes(label))
}

/**
 * The label stands right before the number (咨询电话：139…). A table's header cell does not count: in “姓名 联系电话
 * 张某 138…” the phone is the person's, so the label must touch the number, with only a colon or spaces between.
 */
function labelledRightBefore(text: string, index: number, labels: readonly string[], window: number): boolean {
  const before = text.slice(Math.max(0, index - window), index).replace(/[\s:：]+$/, '')
  return labels.some((label) => before.endsWith(label))
}

/** Every personal number in the text, full or masked, in order. */
export function findNumbers(text: string, p: Params, asOf: string): NumberHit[] {
  const hits: NumberHit[] = []
  const add = (raw: string, index: number): void => {
    const value = raw.replace(/[ -]/g, '')
    const c = classify(value, p, asOf)
    if (!c) return
    const notPersonal = labelled(text, index, p.notPersonalLabels, p.labelWindow)
    const publicLine = c.type === 'mobile' && labelledRightBefore(text, index, p.publicPhoneLabels, p.labelWindow)
    hits.push({ type: c.type, value, index, masked: c.masked, excluded: notPersonal || publicLine })
  }
  for (const m of text.matchAll(RUN)) add(m[0], m.index)
  for (const m of text.matchAll(GROUPED)) add(m[0], m.index)
  return hits.sort((a, b) => a.index - b.index)
}
