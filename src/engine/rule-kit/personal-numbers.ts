// Checks behind the personal-data rule: GB 11643—1999 居民身份证号 check digit and birth date, the Luhn sum of bank
// cards, and the one masking helper. Every number a finding, a CSV row or an export shows goes through maskNumber, so
// a full number never leaves the page it was found on.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** The 18th character of an ID whose first 17 are `first17` (GB 11643—1999 ISO 7064 MOD 11-2). */
export function idCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]
  return ID_CHECK[sum % 11]
}

/** 17 digits then a digit or X whose check character is right. */
export function idChecksum(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false
  return idCheckCharacter(id.slice(0, 17)) === id[17].toUpperCase()
}

/** The birth date at positions 7–14 is a real calendar date between `minYear` and the as-of date. */
export function idBirthPlausible(id: string, minYear: number, asOf: string): boolean {
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  if (y < minYear || m < 1 || m > 12 || d < 1) return false
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` <= asOf
}

/** The Luhn (mod 10) sum that bank card numbers carry in their last digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  let double = false
  for (let i = digits.length - 1; i >= 0; i--) {
    let n = digits.charCodeAt(i) - 48
    if (double) {
      n *= 2
      if (n > 9) n -= 9
    }
    sum += n
    double = !double
  }
  return sum % 10 === 0
}

export const MASK = '*'

/**
 * The number with only its first `head` and last `tail` characters visible (138****1234). A number too short to keep
 * both is masked whole rather than shown.
 */
export function maskNumber(value: string, head: number, tail: number): string {
  const chars = [...value]
  if (head + tail >= chars.length) return MASK.repeat(chars.length)
  return chars.slice(0, head).join('') + MASK.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('')
}
