// Typed accessors over a rule's params. Packs are validated elsewhere, but a pack written by hand (or an older
// version of one) must never crash an evaluator: every accessor falls back to the evaluator's default.
import type { Localized } from '../types.ts'

export type Params = Record<string, unknown>

export function num(params: Params, key: string, fallback: number): number {
  const v = params[key]
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback
}

export function str(params: Params, key: string, fallback: string): string {
  const v = params[key]
  return typeof v === 'string' && v.trim() !== '' ? v : fallback
}

export function bool(params: Params, key: string, fallback: boolean): boolean {
  const v = params[key]
  return typeof v === 'boolean' ? v : fallback
}

export function strList(params: Params, key: string, fallback: readonly string[]): string[] {
  const v = params[key]
  if (!Array.isArray(v)) return [...fallback]
  const list = v.filter((x): x is string => typeof x === 'string' && x.trim() !== '')
  return list.length ? list : [...fallback]
}

/** One of a closed set of strings (e.g. a status); anything else gives the fallback. */
export function oneOf<T extends string>(params: Params, key: string, allowed: readonly T[], fallback: T): T {
  const v = params[key]
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A `{zh, en}` label; a bare string is used for both languages. */
export function localized(v: unknown, fallback: Localized): Localized {
  if (typeof v === 'string' && v.trim()) return { zh: v, en: v }
  if (isRecord(v) && typeof v.zh === 'string') return { zh: v.zh, en: typeof v.en === 'string' ? v.en : v.zh }
  return fallback
}

/** Array of objects under `key`, each mapped by `read` (which returns null to drop a malformed item). */
export function objList<T>(params: Params, key: string, read: (item: Record<string, unknown>) => T | null, fallback: readonly T[]): T[] {
  const v = params[key]
  if (!Array.isArray(v)) return [...fallback]
  const out: T[] = []
  for (const item of v) {
    if (!isRecord(item)) continue
    const parsed = read(item)
    if (parsed !== null) out.push(parsed)
  }
  return out.length ? out : [...fallback]
}

/** String list inside an object item (same filtering as strList). */
export function itemStrList(item: Record<string, unknown>, key: string): string[] {
  const v = item[key]
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []
}

/**
 * Patterns in packs are regular-expression sources. An invalid one is skipped rather than thrown: a typo in one
 * synonym must not silence the whole rule.
 */
export function compilePatterns(sources: readonly string[], flags = 'u'): RegExp[] {
  const out: RegExp[] = []
  for (const s of sources) {
    const re = compileOnce(s, flags)
    if (re) out.push(re)
  }
  return out
}

// Evaluators compile their patterns on every audit, which cost more than matching them on small pages. A regex
// without g/y keeps no state between exec calls, so one compiled object can serve every audit.
const compiled = new Map<string, RegExp | null>()
const MAX_COMPILED = 5000

function compileOnce(source: string, flags: string): RegExp | null {
  if (/[gy]/.test(flags)) return tryCompile(source, flags)
  const key = `${flags}/${source}`
  let re = compiled.get(key)
  if (re === undefined) {
    // Packs are few and fixed; the bound only guards a host that generates patterns without end.
    if (compiled.size >= MAX_COMPILED) compiled.clear()
    re = tryCompile(source, flags)
    compiled.set(key, re)
  }
  return re
}

function tryCompile(source: string, flags: string): RegExp | null {
  try {
    return new RegExp(source, flags)
  } catch {
    return null // skipped on purpose, see above
  }
}

/** `MM-DD` (e.g. an annual deadline); null when malformed. */
export function monthDay(params: Params, key: string, fallback: string): string {
  const v = params[key]
  if (typeof v === 'string' && /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v)) return v
  return fallback
}
