// The page verdict under 19号: a stale column alone is a fail that states the site-wide count; veto only at the limit.
import { describe, expect, it } from 'vitest'
import type { Finding } from '../../src/engine/types.ts'
import { addPageColumns, addScanColumns, emptyKnown, pageVerdict } from '../../src/shared/verdict.ts'

const limits = { staleNewsNotice: 5, staleAll: 10, blank: 5 }
const kinds: Record<string, string> = { 'column-freshness': 'column-freshness', 'homepage-freshness': 'homepage-freshness' }
const kindOf = (id: string) => kinds[id]
const classOf = (name: string) => (name.includes('通知') ? 'notice' : name.includes('动态') ? 'news' : 'unknown')
const t = { zh: '', en: '' }
const stale = (section: string): Finding => ({
  id: section, ruleId: 'column-freshness', status: 'fail', severity: 'veto', section, message: t, evidence: t, expected: t, source: '', locator: null,
})

describe('pageVerdict', () => {
  it('one stale 通知公告 column: fail, 1 of 5 known site-wide', () => {
    const known = emptyKnown()
    const findings = [stale('通知公告')]
    addPageColumns(known, findings, kindOf, classOf)
    const v = pageVerdict(findings, known, limits, kindOf, classOf)
    expect(v.kind).toBe('fail')
    expect(v.nearest).toEqual({ key: 'staleNewsNotice', known: 1, limit: 5 })
  })

  it('the site scan brings the known count to the limit: veto', () => {
    const known = emptyKnown()
    const findings = [stale('通知公告')]
    addPageColumns(known, findings, kindOf, classOf)
    addScanColumns(known, ['部门动态', '乡镇动态', '图片动态', '通知公告', '工作动态'].map((name) => ({ name, class: name.includes('通知') ? 'notice' : 'news', status: 'stale' })))
    expect(pageVerdict(findings, known, limits, kindOf, classOf).kind).toBe('veto')
  })

  it('a column counts once however many pages and the scan report it', () => {
    const known = emptyKnown()
    addPageColumns(known, [stale('通知公告')], kindOf, classOf)
    addPageColumns(known, [stale('通知公告')], kindOf, classOf)
    addScanColumns(known, [{ name: '通知公告', class: 'notice', status: 'stale' }])
    expect(pageVerdict([stale('通知公告')], known, limits, kindOf, classOf).counts[0].known).toBe(1)
  })

  it('a veto item that stands on one page (home page not updated) is a veto by itself', () => {
    const f: Finding = { ...stale('首页'), ruleId: 'homepage-freshness' }
    expect(pageVerdict([f], emptyKnown(), limits, kindOf, classOf).kind).toBe('veto')
  })
})
