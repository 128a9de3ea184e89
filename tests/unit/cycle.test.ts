// The audit cycle's pure core: dismissals (validated, marking only problems), verdicts that leave them out, and the
// diff of two audits by finding id.
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { diffFindings, type DiffPage } from '../../src/engine/cycle/diff.ts'
import { applyDismissals, DismissalsSchema, isDismissed } from '../../src/engine/cycle/dismissals.ts'
import type { Finding, Severity, Status } from '../../src/engine/types.ts'
import { countBySeverity, countByStatus, countDismissed, emptyKnown, addPageColumns, pageVerdict, verdictOf } from '../../src/shared/verdict.ts'

const t = { zh: '', en: '' }
const finding = (id: string, status: Status, severity: Severity = 'error'): Finding => ({
  id, ruleId: 'r', status, severity, section: id, message: t, evidence: t, expected: t, source: '', locator: null,
})

describe('DismissalsSchema', () => {
  const parse = (data: unknown) => v.safeParse(DismissalsSchema, data)

  it('accepts ids with reasons and trims the reason', () => {
    const r = parse([{ id: 'a1', reason: '  栏目已撤销  ' }, { id: 'b2', reason: '误报', at: '2026-11-28T10:00:00.000Z' }])
    expect(r.success).toBe(true)
    expect(r.output).toEqual([{ id: 'a1', reason: '栏目已撤销' }, { id: 'b2', reason: '误报', at: '2026-11-28T10:00:00.000Z' }])
  })

  it.each([
    ['not an array', { id: 'a', reason: 'x' }],
    ['a blank reason', [{ id: 'a', reason: '   ' }]],
    ['no reason', [{ id: 'a' }]],
    ['an empty id', [{ id: '', reason: 'x' }]],
    ['an id over 200 characters', [{ id: 'x'.repeat(201), reason: 'x' }]],
    ['a reason over 500 characters', [{ id: 'a', reason: '理'.repeat(501) }]],
    ['a number for an id', [{ id: 7, reason: 'x' }]],
    ['a date that is not a datetime', [{ id: 'a', reason: 'x', at: 'yesterday' }]],
    ['over 10,000 items', Array.from({ length: 10_001 }, (_, i) => ({ id: `f${i}`, reason: 'x' }))],
  ])('rejects %s', (_why, data) => {
    expect(parse(data).success).toBe(false)
  })

  it('takes exactly 10,000 items and a 500-character reason', () => {
    expect(parse(Array.from({ length: 10_000 }, (_, i) => ({ id: `f${i}`, reason: '理'.repeat(500) }))).success).toBe(true)
  })
})

describe('applyDismissals', () => {
  const at = '2026-11-28T08:00:00.000Z'
  const findings = [finding('f', 'fail'), finding('r', 'review'), finding('p', 'pass'), finding('n', 'n/a'), finding('o', 'fail')]
  const all = ['f', 'r', 'p', 'n'].map((id) => ({ id, reason: `理由 ${id}`, at }))

  it('marks listed fails and reviews with the reason and time, never a pass or n/a', () => {
    const out = applyDismissals(findings, all)
    expect(out.map((f) => [f.id, f.dismissed?.reason ?? null])).toEqual([
      ['f', '理由 f'], ['r', '理由 r'], ['p', null], ['n', null], ['o', null],
    ])
    expect(out[0].dismissed).toEqual({ reason: '理由 f', at })
    expect(out.map(isDismissed)).toEqual([true, true, false, false, false])
  })

  it('leaves the input alone and keeps the status', () => {
    const out = applyDismissals(findings, all)
    expect(findings.some((f) => f.dismissed)).toBe(false)
    expect(out.map((f) => f.status)).toEqual(findings.map((f) => f.status))
  })

  it('stamps a dismissal without a time with the time of applying', () => {
    const [f] = applyDismissals([finding('f', 'fail')], [{ id: 'f', reason: 'x' }], { now: '2026-01-02T03:04:05.000Z' })
    expect(f.dismissed?.at).toBe('2026-01-02T03:04:05.000Z')
    const [g] = applyDismissals([finding('f', 'fail')], [{ id: 'f', reason: 'x' }])
    expect(Number.isNaN(Date.parse(g.dismissed!.at))).toBe(false)
  })

  it('re-applying a shorter list restores what was taken off it', () => {
    const once = applyDismissals(findings, all)
    const again = applyDismissals(once, all.filter((d) => d.id !== 'f'))
    expect(again.filter(isDismissed).map((f) => f.id)).toEqual(['r'])
  })

  it('a pass that somehow carries a mark is not dismissed', () => {
    expect(isDismissed({ ...finding('p', 'pass'), dismissed: { reason: 'x', at } })).toBe(false)
  })
})

describe('verdicts and counts leave dismissed findings out', () => {
  const at = '2026-11-28T08:00:00.000Z'
  const dismissed = (f: Finding): Finding => ({ ...f, dismissed: { reason: '误报', at } })

  it('a page whose only fail is dismissed passes; the dismissal is counted apart', () => {
    const findings = [dismissed(finding('f', 'fail', 'veto')), finding('p', 'pass')]
    expect(verdictOf(findings)).toEqual({ kind: 'pass', count: 0 })
    expect(countByStatus(findings)).toEqual({ fail: 0, review: 0, pass: 1, 'n/a': 0 })
    expect(countBySeverity(findings)).toEqual({ veto: 0, error: 0, warning: 0, info: 0 })
    expect(countDismissed(findings)).toBe(1)
  })

  it('a dismissed veto leaves the remaining fail a plain fail; a dismissed fail leaves the review', () => {
    expect(verdictOf([dismissed(finding('v', 'fail', 'veto')), finding('e', 'fail')])).toEqual({ kind: 'fail', count: 1 })
    expect(verdictOf([dismissed(finding('e', 'fail')), finding('r', 'review')])).toEqual({ kind: 'review', count: 1 })
  })

  it('a pass carrying a stray mark is still counted as a pass and not as dismissed', () => {
    const findings = [dismissed(finding('p', 'pass'))]
    expect(countByStatus(findings).pass).toBe(1)
    expect(countDismissed(findings)).toBe(0)
  })

  it('a dismissed stale column does not count against the site-wide limit', () => {
    const stale: Finding = { ...finding('通知公告', 'fail', 'veto'), ruleId: 'column-freshness' }
    const known = emptyKnown()
    const kindOf = () => 'column-freshness'
    const classOf = () => 'notice'
    addPageColumns(known, [dismissed(stale)], kindOf, classOf)
    expect(known.stale.size).toBe(0)
    const v = pageVerdict([dismissed(stale)], known, { staleNewsNotice: 1, staleAll: 1, blank: 1 }, kindOf, classOf)
    expect(v.kind).toBe('pass')
    expect(v.vetoFails).toBe(0)
  })
})

describe('diffFindings', () => {
  const page = (url: string, ...findings: Finding[]): DiffPage => ({ url, findings })
  const at = '2026-11-28T08:00:00.000Z'
  const dismissed = (f: Finding): Finding => ({ ...f, dismissed: { reason: '误报', at } })

  it('sorts problems into new, resolved and persisting', () => {
    const before = [page('https://a/', finding('fixed', 'fail'), finding('still', 'review'), finding('gone', 'fail'), finding('ok', 'pass'))]
    const now = [page('https://a/', finding('fixed', 'pass'), finding('still', 'fail'), finding('ok', 'fail'), finding('fresh', 'review'))]
    expect(diffFindings(before, now)).toEqual({ new: ['fresh', 'ok'], resolved: ['fixed', 'gone'], persisting: ['still'] })
  })

  it('a page not audited now resolves nothing, though its problems are missing', () => {
    const before = [page('https://a/', finding('a1', 'fail')), page('https://b/', finding('b1', 'fail'))]
    const now = [page('https://a/')]
    expect(diffFindings(before, now)).toEqual({ new: [], resolved: ['a1'], persisting: [] })
  })

  it('a finding that passes now is resolved wherever it is found', () => {
    const before = [page('https://b/', finding('b1', 'fail'))]
    const now = [page('https://a/', finding('b1', 'pass'))]
    expect(diffFindings(before, now).resolved).toEqual(['b1'])
  })

  it('passes, n/a and dismissed findings are never counted as problems', () => {
    const before = [page('https://a/', finding('p', 'pass'), finding('n', 'n/a'), dismissed(finding('d', 'fail')))]
    const now = [page('https://a/', finding('p', 'pass'), finding('n', 'n/a'), dismissed(finding('d', 'fail')))]
    expect(diffFindings(before, now)).toEqual({ new: [], resolved: [], persisting: [] })
  })

  it('a problem dismissed now is set aside, neither resolved nor persisting', () => {
    const before = [page('https://a/', finding('d', 'fail'))]
    const now = [page('https://a/', dismissed(finding('d', 'fail')))]
    expect(diffFindings(before, now)).toEqual({ new: [], resolved: [], persisting: [] })
  })

  it('a baseline dismissal taken back is a new problem', () => {
    const before = [page('https://a/', dismissed(finding('d', 'fail')))]
    const now = [page('https://a/', finding('d', 'fail'))]
    expect(diffFindings(before, now).new).toEqual(['d'])
  })

  it('an id on several pages is listed once, and lists are sorted', () => {
    const before = [page('https://a/', finding('z', 'fail'), finding('m', 'fail')), page('https://b/', finding('z', 'fail'))]
    const now = [page('https://a/', finding('z', 'fail'), finding('m', 'fail'), finding('c', 'fail')), page('https://b/', finding('z', 'review'), finding('c', 'fail'))]
    expect(diffFindings(before, now)).toEqual({ new: ['c'], resolved: [], persisting: ['m', 'z'] })
  })

  it('an empty baseline makes every problem new', () => {
    expect(diffFindings([], [page('https://a/', finding('x', 'fail'), finding('y', 'pass'))])).toEqual({ new: ['x'], resolved: [], persisting: [] })
  })
})
