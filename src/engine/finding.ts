// Finding construction shared by every evaluator: stable ids and language selection.
import type { Finding, FindingInput, Lang, Localized, Locator, RuleContext, RuleDef, SiteVetoLimits } from './types.ts'

/** TextEncoder exists in Node, service workers and pages alike, so hashing stays host-independent. */
const encoder = new TextEncoder()

/**
 * FNV-1a 64 over the UTF-8 bytes, in pure JS (no crypto API, which differs per host). The 64-bit state is kept as
 * four 16-bit limbs: BigInt arithmetic per byte made hashing a visible share of a small page's audit. The prime
 * 0x100000001b3 is 0x1b3 + 2^40, so each step is a multiply by 0x1b3 plus the state shifted up 40 bits.
 */
export function fnv1a64(text: string): string {
  // offset basis 0xcbf29ce484222325
  let h0 = 0x2325
  let h1 = 0x8422
  let h2 = 0x9ce4
  let h3 = 0xcbf2
  for (const byte of encoder.encode(text)) {
    h0 ^= byte
    const t0 = h0 * 0x1b3
    const t1 = h1 * 0x1b3 + (t0 >>> 16)
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16)
    const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16)
    h0 = t0 & 0xffff
    h1 = t1 & 0xffff
    h2 = t2 & 0xffff
    h3 = t3 & 0xffff
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('')
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

/** The text of a bilingual value in one language; a plain string (older stored reports) is the same in both. */
export function pick(value: Localized | string | null | undefined, lang: Lang): string {
  if (value == null) return ''
  return typeof value === 'string' ? value : value[lang] || value.zh
}

export function localize(value: Localized | string): Localized {
  return typeof value === 'string' ? { zh: value, en: value } : value
}

export function makeContext(
  rule: RuleDef,
  opts: { asOf: string; lang?: Lang; url?: string | null; identity?: string | null; siteLimits?: SiteVetoLimits | null },
): RuleContext {
  const lang: Lang = opts.lang ?? 'zh'
  const url = opts.url ?? null
  const idBase = url ?? opts.identity ?? null
  return {
    rule,
    asOf: opts.asOf,
    lang,
    url,
    siteLimits: opts.siteLimits ?? null,
    finding(f: FindingInput): Finding {
      const out: Finding = {
        id: findingId(rule.id, idBase, f.key !== undefined ? `${f.locator ? f.locator.css : ''}\u0000key:${f.key}` : findingKey(f.locator, f.section)),
        ruleId: rule.id,
        status: f.status,
        severity: f.severity ?? rule.severity,
        section: f.section,
        message: localize(f.message),
        evidence: localize(f.evidence),
        expected: localize(f.expected),
        source: rule.source,
        locator: f.locator,
        data: f.data ?? {},
      }
      return out
    },
  }
}
