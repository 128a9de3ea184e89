import { describe, expect, it } from 'vitest'
import { AutoAuditLimit } from '../../src/content/auto-audit-limit.ts'

describe('automatic re-audits back off', () => {
  it('a page that changes forever is re-audited at most 5 times a minute, then only when the user asks', () => {
    const limit = new AutoAuditLimit(5, 60_000)
    const allowed = [0, 5_000, 10_000, 15_000].map((t) => limit.record(t))
    expect(allowed).toEqual([true, true, true, true])
    expect(limit.record(20_000)).toBe(false)
    expect(limit.paused).toBe(true)
    // Time alone does not lift the pause: a ticker would start the cycle again.
    expect(limit.record(500_000)).toBe(false)
    limit.reset()
    expect(limit.paused).toBe(false)
    expect(limit.record(500_000)).toBe(true)
  })

  it('a page that settles after a few XHR updates is never paused', () => {
    const limit = new AutoAuditLimit(5, 60_000)
    for (const t of [0, 70_000, 140_000, 210_000, 280_000, 350_000]) expect(limit.record(t)).toBe(true)
    expect(limit.paused).toBe(false)
  })
})
