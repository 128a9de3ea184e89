// The word list as one Aho–Corasick automaton: wrong forms, their correct forms and their exceptions in one pass over
// the text. Built once per params object (the audit parses a rule's params once and reuses them), so a page pays
// only for the scan.
import AhoCorasick from 'modern-ahocorasick'
import type { Params, WordEntry } from './params.ts'

export interface WordHit {
  entry: WordEntry
  start: number
  end: number
}

interface Compiled {
  automaton: AhoCorasick
  /** Pattern → the entries it is the wrong form of. */
  wrongOf: Map<string, WordEntry[]>
  /** Patterns that are a correct phrase (an entry's correct form or one of its exceptions). */
  correct: Set<string>
}

const cache = new WeakMap<object, Compiled>()

export function entriesOf(params: Params): WordEntry[] {
  return [...params.words, ...params.extraWords]
}

function compile(params: Params): Compiled {
  const wrongOf = new Map<string, WordEntry[]>()
  const correct = new Set<string>()
  for (const entry of entriesOf(params)) {
    wrongOf.set(entry.wrong, [...(wrongOf.get(entry.wrong) ?? []), entry])
    correct.add(entry.correct)
    for (const phrase of entry.except ?? []) correct.add(phrase)
  }
  const patterns = [...new Set([...wrongOf.keys(), ...correct])]
  return { automaton: new AhoCorasick(patterns), wrongOf, correct }
}

export function compiled(params: Params): Compiled {
  let c = cache.get(params)
  if (!c) {
    c = compile(params)
    cache.set(params, c)
  }
  return c
}

/**
 * Every wrong form in the text, except where a correct phrase of the list covers it: the correct form that holds a
 * misspelt-looking substring is not an error.
 */
export function findWrongForms(text: string, params: Params): WordHit[] {
  const { automaton, wrongOf, correct } = compiled(params)
  const matches = automaton.search(text)
  const covers = matches.filter((m) => correct.has(m.pattern))
  const hits: WordHit[] = []
  for (const m of matches) {
    const entries = wrongOf.get(m.pattern)
    if (!entries) continue
    // Correct phrases that cover this hit (a correct form equal to a wrong one is refused by the schema).
    if (covers.some((c) => c.start <= m.start && c.end >= m.end && c.pattern !== m.pattern)) continue
    hits.push({ entry: entries[0], start: m.start, end: m.end })
  }
  // A longer wrong form that covers a shorter one is one error, not two.
  return hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start))
}
