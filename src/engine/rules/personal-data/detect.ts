// Finds personal numbers in a text: whole numbers (never a slice of a longer run or of a letter code), validated by
// their own check digits, and masks that leave more visible than the pack allows. Pure, so the site scan can run it
// over attachment text too.
import { compilePatterns } from '../../rule-kit/patterns.ts'
import { idBirthPlausible, idChecksum, luhnValid, maskNumber } from '../../rule-kit/personal-numbers.ts'
import type { Params } from './params.ts'

export type NumberKind = 'idCard' | 'mobile' | 'bankCard'
export const NUMBER_KINDS: readonly NumberKind[] = ['idCard', 'mobile', 'bankCard']

export interface NumberHit {
  kind: NumberKind
  /** What a finding may show: the number through maskNumber. */
  masked: string
  /** Offset of the number in the text searched. */
  index: number
  /**
   * The number as printed, only so the caller can find the element holding it. It must never reach a finding, a
   * report or a log.
   */
  printed: string
  /** For a mask that shows too much: how many characters the page leaves visible. */
  visible?: number
}

export interface Detection {
  unmasked: NumberHit[]
  underMasked: NumberHit[]
}

// Numbers shorter than a mobile or longer than a card with separators are never personal numbers of these kinds.
const MIN_LENGTH = 10
const MAX_LENGTH = 25

const FULL_WIDTH = /[０-９Ａ-Ｚａ-ｚ－＊]/g
/** Full-width digits and letters (one UTF-16 unit each) as ASCII, so offsets stay those of the page text. */
function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

const tokenizers = new Map<string, RegExp>()
/** Runs of letters, digits and mask characters, hyphen-joined: the units a number is judged as. */
function tokenizer(maskCharacters: string): RegExp {
  let re = tokenizers.get(maskCharacters)
  if (!re) {
    const masks = [...toHalfWidth(maskCharacters)].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')
    const unit = `[0-9A-Za-z${masks}]+`
    re = new RegExp(`${unit}(?:-${unit})*`, 'gu')
    tokenizers.set(maskCharacters, re)
  }
  return re
}

type LabelKind = NumberKind | 'exclude'

/**
 * What may stand between a label and its number: a colon, brackets, 号码. Anything more and the label belongs to
 * something else — in a table's text the header row's labels run straight into the first data row.
 */
const LABEL_GAP = /^[:：()（）[\]【】〔〕号码为是]{0,6}$/

/** The label printed right before `index` (within `labelWindow` characters, spaces ignored), or null. */
function nearestLabel(text: string, index: number, params: Params): LabelKind | null {
  const before = text.slice(Math.max(0, index - params.labelWindow), index).replace(/\s+/g, '')
  let best: { end: number; length: number; kind: LabelKind } | null = null
  const consider = (labels: readonly string[], kind: LabelKind): void => {
    for (const label of labels) {
      const at = before.lastIndexOf(label)
      if (at < 0 || !LABEL_GAP.test(before.slice(at + label.length))) continue
      const end = at + label.length
      if (!best || end > best.end || (end === best.end && label.length > best.length)) best = { end, length: label.length, kind }
    }
  }
  for (const kind of NUMBER_KINDS) consider(params[kind].labels, kind)
  consider(params.excludeLabels, 'exclude')
  return (best as { kind: LabelKind } | null)?.kind ?? null
}

type Whole = Record<NumberKind, RegExp[]>

/** The pack's patterns, anchored: they judge a whole number, never a slice of one. */
function wholePatterns(params: Params): Whole {
  const anchored = (kind: NumberKind): RegExp[] => compilePatterns(params[kind].patterns.map((p) => `^(?:${p})$`))
  return { idCard: anchored('idCard'), mobile: anchored('mobile'), bankCard: anchored('bankCard') }
}

/** A decimal part or a unit right after the number (spaces skipped) makes it an amount or a count. */
function isQuantity(text: string, end: number, params: Params): boolean {
  const after = text.slice(end, end + 12).replace(/^\s+/, '')
  if (/^[.．]\d/.test(after)) return true
  return params.quantityUnits.some((unit) => after.startsWith(unit))
}

function matchesKind(number: string, kind: NumberKind, params: Params, whole: Whole): boolean {
  if (!params[kind].prefixes.some((p) => number.startsWith(p))) return false
  return whole[kind].some((re) => re.test(number))
}

function unmaskedKind(number: string, label: LabelKind | null, params: Params, whole: Whole, asOf: string): NumberKind | null {
  if (matchesKind(number, 'idCard', params, whole) && idChecksum(number) && idBirthPlausible(number, params.idCard.minBirthYear, asOf)) {
    return 'idCard'
  }
  if (/^\d+$/.test(number) && matchesKind(number, 'mobile', params, whole)) return 'mobile'
  const card = params.bankCard
  if (/^\d+$/.test(number) && luhnValid(number) && whole.bankCard.some((re) => re.test(number))) {
    if (card.prefixes.some((p) => number.startsWith(p))) return 'bankCard'
    if (label === 'bankCard' && card.labelledPrefixes.some((p) => number.startsWith(p))) return 'bankCard'
  }
  return null
}

/** Which kind a masked number of this length is, by the length of the whole number. */
function maskedKind(shape: string, params: Params): NumberKind | null {
  const kind: NumberKind | null =
    shape.length === 11 ? 'mobile' : shape.length === 18 || shape.length === 15 ? 'idCard' : shape.length >= 16 && shape.length <= 19 ? 'bankCard' : null
  if (!kind) return null
  // Two or more visible leading digits must fit the kind's prefixes: 2023**** is a date, not a masked ID.
  const head = /^\d*/.exec(shape)![0]
  const fits = (prefix: string): boolean => {
    const n = Math.min(prefix.length, head.length)
    return prefix.slice(0, n) === head.slice(0, n)
  }
  if (head.length >= 2 && !params[kind].prefixes.some(fits)) return null
  return kind
}

export function detectPersonalNumbers(rawText: string, params: Params, asOf: string): Detection {
  const text = toHalfWidth(rawText)
  const maskSet = new Set([...toHalfWidth(params.maskCharacters)])
  const out: Detection = { unmasked: [], underMasked: [] }
  const re = tokenizer(params.maskCharacters)
  const whole = wholePatterns(params)
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const number = m[0].replace(/-/g, '')
    if (number.length < MIN_LENGTH || number.length > MAX_LENGTH) continue
    // A check-digit X ends an ID; any other letter that is not a mask makes the run a code (统一社会信用代码, 订单号).
    const idWithX = /^\d{17}[Xx]$/.test(number)
    const chars = [...number]
    if (!idWithX && chars.some((c) => /[A-Za-z]/.test(c) && !maskSet.has(c))) continue
    const masked = !idWithX && chars.some((c) => maskSet.has(c))
    if (isQuantity(text, m.index + m[0].length, params)) continue
    const label = nearestLabel(text, m.index, params)
    if (label === 'exclude') continue
    const printed = rawText.slice(m.index, m.index + m[0].length)
    if (!masked) {
      const kind = unmaskedKind(number.toUpperCase(), label, params, whole, asOf)
      if (kind) {
        const spec = params[kind]
        out.unmasked.push({ kind, masked: maskNumber(number, spec.visibleHead, spec.visibleTail), index: m.index, printed })
      }
      continue
    }
    // A final X after a digit is an ID's check character, shown; every other mask character hides one digit.
    const last = chars.length - 1
    const shape = chars.map((c, i) => (/\d/.test(c) || (i === last && /[Xx]/.test(c) && /\d/.test(chars[i - 1] ?? '')) ? c : '*')).join('')
    const kind = maskedKind(shape, params)
    if (!kind) continue
    const spec = params[kind]
    const head = /^[^*]*/.exec(shape)![0].length
    const tail = /[^*]*$/.exec(shape)![0].length
    const visible = [...shape].filter((c) => c !== '*').length
    if (visible === 0) continue
    if (head > spec.visibleHead || tail > spec.visibleTail || visible > spec.visibleHead + spec.visibleTail) {
      out.underMasked.push({ kind, masked: maskNumber(shape, spec.visibleHead, spec.visibleTail), index: m.index, printed, visible })
    }
  }
  return out
}
