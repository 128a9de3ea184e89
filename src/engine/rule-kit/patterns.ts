// Patterns in packs are regular-expression sources written by users. They are checked at load exactly as they will
// run (same flags), and refused when they could backtrack without bound; at run time they only ever see bounded
// text segments, so even an accepted pattern costs at most (segment length)^k per segment, never more.
import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp'

/** Every pack pattern runs with these flags: `u` for full Unicode (CJK ranges, \p{…}). */
export const PATTERN_FLAGS = 'u'

/** The longest stretch of page text one pattern sees at once. */
export const MAX_SEGMENT = 2000
/** Adjacent segments overlap by this much, so a value that straddles a cut (a label and its value) is still seen. */
const OVERLAP = 200
const MAX_SOURCE = 1000
const MAX_BOUND = 1000

const parser = new RegExpParser({ ecmaVersion: 2025 })

/**
 * Why a pattern cannot be used, or null. Refused: syntax errors under the `u` flag, back-references, and the shapes
 * behind catastrophic backtracking — an unbounded quantifier (`+`, `*`, `{n,}`) inside another repeated group, and a
 * choice (`a|b`) inside an unbounded repeat.
 * Quantifier bounds above 1000 are refused too, since a bounded repeat of a repeat is still a nested loop.
 */
export function patternIssue(source: string, flags = PATTERN_FLAGS): { zh: string; en: string } | null {
  if (source.length > MAX_SOURCE) return { zh: `正则表达式过长（超过 ${MAX_SOURCE} 字符）`, en: `pattern longer than ${MAX_SOURCE} characters` }
  try {
    new RegExp(source, flags)
  } catch (e) {
    return { zh: `不是有效的正则表达式（${(e as Error).message}）`, en: `not a valid regular expression (${(e as Error).message})` }
  }
  let ast
  try {
    ast = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u') })
  } catch (e) {
    return { zh: `不是有效的正则表达式（${(e as Error).message}）`, en: `not a valid regular expression (${(e as Error).message})` }
  }
  let issue: { zh: string; en: string } | null = null
  const repeated: boolean[] = []
  const unbounded: boolean[] = []
  const alternation = (alternatives: readonly unknown[]): void => {
    // (x|x)* backtracks exponentially when branches overlap; whether they do is hard to know, so a repeated
    // choice must have a bound.
    if (alternatives.length > 1 && unbounded.includes(true)) {
      issue ??= {
        zh: '无上限重复的分组中不能有"|"分支（可能导致灾难性回溯），请为重复设定上限',
        en: 'a choice (|) inside an unbounded repeat can backtrack catastrophically; bound the repeat',
      }
    }
  }
  visitRegExpAST(ast, {
    onGroupEnter(node) {
      alternation(node.alternatives)
    },
    onCapturingGroupEnter(node) {
      alternation(node.alternatives)
    },
    onBackreferenceEnter() {
      issue ??= { zh: '不允许使用反向引用（\\1 等）', en: 'back-references are not allowed' }
    },
    onQuantifierEnter(node) {
      if (node.max !== Infinity && node.max > MAX_BOUND) {
        issue ??= { zh: `重复次数上限不能超过 ${MAX_BOUND}`, en: `repeat bounds above ${MAX_BOUND} are not allowed` }
      }
      if (node.max === Infinity && repeated.includes(true)) {
        issue ??= {
          zh: `嵌套的无上限重复（${node.raw}）可能导致灾难性回溯，请为内层或外层重复设定上限`,
          en: `nested unbounded repetition (${node.raw}) can backtrack catastrophically; bound the inner or outer repeat`,
        }
      }
      repeated.push(node.max > 1)
      unbounded.push(node.max === Infinity)
    },
    onQuantifierLeave() {
      repeated.pop()
      unbounded.pop()
    },
  })
  return issue
}

/**
 * Page text cut into pieces a pattern may see: at sentence ends where there are some, else in windows of
 * MAX_SEGMENT characters that overlap, so every match shorter than the overlap is found in some piece.
 */
export function segments(text: string, max = MAX_SEGMENT): string[] {
  if (text.length <= max) return [text]
  const out: string[] = []
  const step = max - OVERLAP
  for (let start = 0; start < text.length; start += step) {
    out.push(text.slice(start, start + max))
    if (start + max >= text.length) break
  }
  return out
}

export interface BoundedMatch {
  match: RegExpExecArray
  /** Offset of the match in the whole text. */
  index: number
}

/** The first match of `re` in `text`, searched segment by segment. */
export function execBounded(re: RegExp, text: string): BoundedMatch | null {
  if (text.length <= MAX_SEGMENT) {
    const m = re.exec(text)
    return m ? { match: m, index: m.index } : null
  }
  const step = MAX_SEGMENT - OVERLAP
  let start = 0
  for (const piece of segments(text)) {
    const m = re.exec(piece)
    if (m) return { match: m, index: start + m.index }
    start += step
  }
  return null
}

export function testBounded(re: RegExp, text: string): boolean {
  return execBounded(re, text) !== null
}

// Evaluators compile their patterns on every audit, which cost more than matching them on small pages. A regex
// without g/y keeps no state between exec calls, so one compiled object can serve every audit.
const compiled = new Map<string, RegExp | null>()
const MAX_COMPILED = 5000

/**
 * Compiles pack patterns. Packs are validated before they run, so a pattern that fails here came from a pack that
 * skipped validation (a test, an old stored pack): it is left out rather than thrown, and the validator names it.
 */
export function compilePatterns(sources: readonly string[], flags = PATTERN_FLAGS): RegExp[] {
  const out: RegExp[] = []
  for (const s of sources) {
    const re = compileOnce(s, flags)
    if (re) out.push(re)
  }
  return out
}

function compileOnce(source: string, flags: string): RegExp | null {
  const key = `${flags}/${source}`
  let re = compiled.get(key)
  if (re === undefined) {
    if (compiled.size >= MAX_COMPILED) compiled.clear()
    re = patternIssue(source, flags) ? null : new RegExp(source, flags)
    compiled.set(key, re)
  }
  return re
}
