// The one way a personal number leaves the engine: masked. Findings, their data, the CSV and the markers all carry
// what this returns, never the number as printed (条例 第十五条; 个人信息保护法 第二十五条).

export const MASK_CHAR = '*'

/** At least this many characters are starred, whatever head and tail ask for (a short or odd value). */
const MIN_HIDDEN = 4

/** Keeps the first `head` and last `tail` characters (the pack's mask for the number's type) and stars the rest. */
export function maskNumber(value: string, head: number, tail: number): string {
  const chars = [...value]
  const n = chars.length
  let keepHead = Math.max(0, Math.floor(head))
  let keepTail = Math.max(0, Math.floor(tail))
  while (keepHead + keepTail > Math.max(0, n - MIN_HIDDEN) && (keepHead > 0 || keepTail > 0)) {
    if (keepHead >= keepTail && keepHead > 0) keepHead--
    else keepTail--
  }
  return chars.map((c, i) => (i < keepHead || i >= n - keepTail ? c : MASK_CHAR)).join('')
}

/** Long digit runs (11+ digits, an ID's X included) in free text, masked: a quote of the page shown beside another
 * finding must not carry a phone or an ID that happens to stand next to it. */
export function maskDigitRuns(text: string): string {
  return text.replace(/\d{10,}[\dXx]/g, (run) => maskNumber(run, 3, 4))
}
