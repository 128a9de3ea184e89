import { describe, expect, it } from 'vitest'
import { describeKeys, keyBelongsTo, planRetention } from '../../src/shared/site-data.ts'
import { sessionMetaKey, sessionPageKey, type SessionMeta } from '../../src/shared/storage.ts'

const DAY = 86_400_000
const NOW = Date.parse('2025-06-30T00:00:00Z')
const ago = (days: number) => new Date(NOW - days * DAY).toISOString()

function meta(host: string, startedDaysAgo: number, pages: Record<string, number | undefined>): SessionMeta {
  const seenAt: Record<string, string> = {}
  for (const [url, days] of Object.entries(pages)) if (days !== undefined) seenAt[url] = ago(days)
  return { host, startedAt: ago(startedDaysAgo), urls: Object.keys(pages), seenAt }
}

describe('retention: what expires', () => {
  it('removes pages last audited before the limit and keeps the rest of the session', () => {
    const host = 'www.a.gov.cn'
    const m = meta(host, 200, { 'https://www.a.gov.cn/old': 120, 'https://www.a.gov.cn/new': 3 })
    const plan = planRetention({ [sessionMetaKey(host)]: m }, NOW, 90)
    expect(plan.pages).toBe(1)
    expect(plan.remove).toEqual([sessionPageKey(host, 'https://www.a.gov.cn/old')])
    expect(plan.rewrite[sessionMetaKey(host)].urls).toEqual(['https://www.a.gov.cn/new'])
    expect(Object.keys(plan.rewrite[sessionMetaKey(host)].seenAt ?? {})).toEqual(['https://www.a.gov.cn/new'])
  })

  it('removes a whole session when all its pages expired, and counts a page without a time from the session start', () => {
    const host = 'www.b.gov.cn'
    const m = meta(host, 100, { 'https://www.b.gov.cn/x': undefined, 'https://www.b.gov.cn/y': 95 })
    const plan = planRetention({ [sessionMetaKey(host)]: m }, NOW, 90)
    expect(plan.remove.sort()).toEqual(
      [sessionMetaKey(host), sessionPageKey(host, 'https://www.b.gov.cn/x'), sessionPageKey(host, 'https://www.b.gov.cn/y')].sort(),
    )
    expect(plan.rewrite).toEqual({})
  })

  it('keeps everything younger than the limit, and everything when the limit is 0 (until cleared)', () => {
    const m = meta('c.gov.cn', 500, { 'https://c.gov.cn/': 500 })
    expect(planRetention({ [sessionMetaKey('c.gov.cn')]: meta('c.gov.cn', 10, { 'https://c.gov.cn/': 10 }) }, NOW, 90).remove).toEqual([])
    expect(planRetention({ [sessionMetaKey('c.gov.cn')]: m }, NOW, 0)).toEqual({ remove: [], rewrite: {}, pages: 0 })
  })

  it('expires a finished site scan by its last update, never a running one', () => {
    const done = { host: 'd.gov.cn', state: 'done', updatedAt: NOW - 100 * DAY }
    const running = { host: 'e.gov.cn', state: 'running', updatedAt: NOW - 100 * DAY }
    const fresh = { host: 'f.gov.cn', state: 'done', updatedAt: NOW - 1 * DAY }
    const plan = planRetention({ 'scanProgress:d.gov.cn': done, 'scanProgress:e.gov.cn': running, 'scanProgress:f.gov.cn': fresh }, NOW, 90)
    expect(plan.remove.sort()).toEqual(['scanProgress:d.gov.cn', 'scanReport:d.gov.cn'])
  })

  it('ignores values that are not session metas', () => {
    expect(planRetention({ 'session:x.gov.cn': { nonsense: true }, 'session-last-host': 'x.gov.cn' }, NOW, 1).remove).toEqual([])
  })
})

describe('clearing a site: which keys are its own', () => {
  const keys = [
    'session:a.gov.cn',
    'session:a.gov.cn:page:https://a.gov.cn/1',
    'session:a.gov.cn:8080',
    'session:a.gov.cn:8080:page:http://a.gov.cn:8080/1',
    'session:aa.gov.cn',
    'scanProgress:a.gov.cn',
    'scanReport:a.gov.cn',
    'panel:a.gov.cn:missing',
    'dismissals:a.gov.cn',
    'session-last-host',
    'settings',
    'scanRunningHosts',
  ]

  it('takes the host and its sub-keys, never another port or a longer host', () => {
    expect(keys.filter((k) => keyBelongsTo(k, 'a.gov.cn'))).toEqual([
      'session:a.gov.cn',
      'session:a.gov.cn:page:https://a.gov.cn/1',
      'scanProgress:a.gov.cn',
      'scanReport:a.gov.cn',
      'panel:a.gov.cn:missing',
      'dismissals:a.gov.cn',
    ])
    expect(keys.filter((k) => keyBelongsTo(k, 'a.gov.cn:8080'))).toEqual(['session:a.gov.cn:8080', 'session:a.gov.cn:8080:page:http://a.gov.cn:8080/1'])
  })

  it('says what the removed keys held', () => {
    const mine = keys.filter((k) => keyBelongsTo(k, 'a.gov.cn'))
    expect(describeKeys('a.gov.cn', [...mine, 'scan:0123abcd'])).toEqual({ host: 'a.gov.cn', sessions: 1, pages: 1, scans: 2, other: 2 })
  })
})
