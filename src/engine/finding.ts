// Finding construction shared by every evaluator: stable ids and language selection.
import type { Finding, FindingInput, Lang, Localized, Locator, RuleContext, RuleDef } from './types.ts'

const FNV64_OFFSET = 0xcbf29ce484222325n
const FNV64_PRIME = 0x100000001b3n
const MASK64 = 0xffffffffffffffffn

/** TextEncoder exists in Node, service workers and pages alike, so hashing stays host-independent. */
const encoder = new TextEncoder()

/** FNV-1a 64 over the UTF-8 bytes; BigInt keeps it pure JS (no crypto API, which differs per host). */
export function fnv1a64(text: string): string {
  let hash = FNV64_OFFSET
  for (const byte of encoder.encode(text)) {
    hash ^= BigInt(byte)
    hash = (hash * FNV64_PRIME) & MASK64
  }
  return hash.toString(16).padStart(16, '0')
}

/** The fragment never changes which document was audited, so `#top` and `#` must not change the id. */
export function stripFragment(url: string | null | undefined): string {
  if (!url) return ''
  const hash = url.indexOf('#')
  return hash === -1 ? url : url.slice(0, hash)
}

/**
 * The per-page part of a finding's identity. The section is always included: several findings of one rule may share
 * one element (every missing metadata field points at the same box), and they must still get different ids.
 */
export function findingKey(locator: Locator | null, section: string): string {
  return `${locator ? locator.css : ''}\u0000${section}`
}

export function findingId(ruleId: string, url: string | null | undefined, key: string): string {
  return fnv1a64(`${ruleId}\u0000${stripFragment(url)}\u0000${key}`)
}

export function pick(value: Localized | string, lang: Lang): string {
  return typeof value === 'string' ? value : value[lang] || value.zh
}

export function makeContext(rule: RuleDef, opts: { asOf: string; lang?: Lang; url?: string | null }): RuleContext {
  const lang: Lang = opts.lang ?? 'zh'
  const url = opts.url ?? null
  return {
    rule,
    asOf: opts.asOf,
    lang,
    url,
    finding(f: FindingInput): Finding {
      return {
        id: findingId(rule.id, url, findingKey(f.locator, f.section)),
        ruleId: rule.id,
        status: f.status,
        severity: f.severity ?? rule.severity,
        section: f.section,
        message: pick(f.message, lang),
        evidence: pick(f.evidence, lang),
        expected: pick(f.expected, lang),
        source: rule.source,
        locator: f.locator,
      }
    },
  }
}
