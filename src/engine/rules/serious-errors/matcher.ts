// The word list as one Aho–Corasick automaton: wrong forms, their correct forms and their exceptions in one pass over
// the text. Built once per params object (the audit parses a rule's params once and reuses them), so a page pays
// only for the scan.
import { WordMatcher } from '../../rule-kit/aho-corasick.ts'
import type { Params, WordEntry } from './params.ts'

export interface WordHit {
  entry: WordEntry
  start: number
  end: number
}

interface Compiled {
  automaton: WordMatcher
  /** Per word of the automaton: the entries it is the wrong form of (null when it is none's). */
  wrongOf: (WordEntry[] | null)[]
  /** Per word: whether it is a correct phrase (an entry's correct form or one of its exceptions). */
  correct: boolean[]
  maxLength: number
}

const cache = new WeakMap<object, Compiled>()

export function entriesOf(params: Params): WordEntry[] {
  return [...params.words, ...params.extraWords]
}

function compile(params: Params): Compiled {
  const wrongBy = new Map<string, WordEntry[]>()
  const correctSet = new Set<string>()
  for (const entry of entriesOf(params)) {
    wrongBy.set(entry.wrong, [...(wrongBy.get(entry.wrong) ?? []), entry])
    correctSet.add(entry.correct)
    for (const phrase of entry.except ?? []) correctSet.add(phrase)
  }
  const words = [...new Set([...wrongBy.keys(), ...correctSet])]
  return {
    automaton: new WordMatcher(words),
    wrongOf: words.map((w) => wrongBy.get(w) ?? null),
    correct: words.map((w) => correctSet.has(w)),
    maxLength: Math.max(0, ...words.map((w) => w.length)),
  }
}

export function compiled(params: Params): Compiled {
  let c = cache.get(params)
  if (!c) {
    c = compile(params)
    cache.set(params, c)
  }
  return c
}

/** Whether a span ending at one of `ends` (end → smallest start there) covers [start, end), strictly longer if asked. */
function covered(ends: Map<number, number>, start: number, end: number, maxLength: number, strict: boolean): boolean {
  for (let e = end; e <= start + maxLength; e++) {
    const s = ends.get(e)
    // The smallest start at an end is the widest span there: if it does not cover, none does.
    if (s !== undefined && s <= start && (!strict || e - s > end - start)) return true
  }
  return false
}

/**
 * Every wrong form in the text, except where a correct phrase of the list covers it: the correct form that holds a
 * misspelt-looking substring is not an error.
 */
export function findWrongForms(text: string, params: Params): WordHit[] {
  const { automaton, wrongOf, correct, maxLength } = compiled(params)
  const matches = automaton.search(text)
  const correctEnds = new Map<number, number>()
  for (const m of matches) {
    if (!correct[m.word]) continue
    const s = correctEnds.get(m.end)
    if (s === undefined || m.start < s) correctEnds.set(m.end, m.start)
  }
  const hits: WordHit[] = []
  for (const m of matches) {
    const entries = wrongOf[m.word]
    if (!entries || covered(correctEnds, m.start, m.end, maxLength, false)) continue
    hits.push({ entry: entries[0], start: m.start, end: m.end })
  }
  // A longer wrong form that covers a shorter one is one error, not two.
  const hitEnds = new Map<number, number>()
  for (const h of hits) {
    const s = hitEnds.get(h.end)
    if (s === undefined || h.start < s) hitEnds.set(h.end, h.start)
  }
  return hits.filter((h) => !covered(hitEnds, h.start, h.end, maxLength, true))
}
