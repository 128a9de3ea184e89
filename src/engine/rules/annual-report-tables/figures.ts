// A figure as written in a statistics cell. Reports write the same number many ways: full-width digits, a unit inside
// the cell (件, 万元), a sign (本年增/减), digits split by spaces or tags, thousands commas. An empty cell or a dash
// means "none" and is read as 0 (the template asks for a number in every cell, and reports leave zero cells blank);
// anything else that is not a number is unreadable, never guessed.
export type Figure =
  | { kind: 'number'; value: number; raw: string }
  | { kind: 'none'; raw: string }
  | { kind: 'text'; raw: string }

const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g
const MINUS = /[\u2212\u2012\u2013\ufe63]/g
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/
const NUMBER = /^([+-])?(\d+(?:\.\d+)?)$/

export function readFigure(raw: string, units: readonly string[], noneMarks: readonly string[]): Figure {
  // NFKC turns full-width digits, signs, commas and brackets into ASCII.
  let s = raw.normalize('NFKC').replace(SPACES, '').replace(MINUS, '-')
  if (s === '' || noneMarks.some((m) => m.normalize('NFKC') === s)) return { kind: 'none', raw }
  s = stripUnit(s, units)
  if (THOUSANDS.test(s)) s = s.replace(/,/g, '')
  const m = NUMBER.exec(s)
  if (!m) return { kind: 'text', raw }
  const value = Number(m[2]) * (m[1] === '-' ? -1 : 1)
  return Number.isFinite(value) ? { kind: 'number', value, raw } : { kind: 'text', raw }
}

function stripUnit(s: string, units: readonly string[]): string {
  const sorted = [...units].map((u) => u.normalize('NFKC')).sort((a, b) => b.length - a.length)
  for (const u of sorted) {
    if (s.endsWith(`(${u})`)) return s.slice(0, -u.length - 2)
    if (s.endsWith(u)) return s.slice(0, -u.length)
  }
  return s
}

/** A count as tables 三 and 四 hold them: a whole number, 0 or more. */
export function isCount(f: Figure): boolean {
  return f.kind === 'none' || (f.kind === 'number' && Number.isInteger(f.value) && f.value >= 0)
}

export const valueOf = (f: Figure): number => (f.kind === 'number' ? f.value : 0)
