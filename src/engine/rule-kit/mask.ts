// A quote of the page shown beside a finding must not carry a phone or an ID that happens to stand next to it
// (条例 第十五条; 个人信息保护法 第二十五条): long digit runs are masked the way personal-data masks a phone.
import { maskNumber } from './personal-numbers.ts'

/** Long digit runs (11+ digits, an ID's X included) in free text, masked. */
export function maskDigitRuns(text: string): string {
  return text.replace(/\d{10,}[\dXx]/g, (run) => maskNumber(run, 3, 4))
}
