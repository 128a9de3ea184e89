// The extension's audit-cycle storage: dismissals per site (validated on every read, so a damaged entry costs only
// itself), archived sessions (bounded, oldest dropped with its data), and the session file carrying dismissals.
import { describe, expect, it } from 'vitest'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderFile } from '../../demo/server.ts'
import { audit } from '../../src/engine/audit.ts'
import { reportsToCsv } from '../../src/engine/csv.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import type { PageReport } from '../../src/engine/types.ts'
import {
  archiveSession,
  dropDismissal,
  importDismissals,
  readArchived,
  readDismissals,
  readHistory,
  saveDismissal,
  withDismissals,
  type StorageArea,
} from '../../src/background/cycle-store.ts'
import { checkDismissal, parseDismissals } from '../../src/shared/dismissal-list.ts'
import { MAX_HISTORY, parseHistory } from '../../src/shared/history.ts'
import { dismissalsKey, historyKey, historySessionKey } from '../../src/shared/storage.ts'
import { buildSessionFile, parseSessionFile } from '../../src/report/session-file.ts'
import { sessionDiff } from '../../src/report/session-diff.ts'
import { countByStatus, verdictOf } from '../../src/shared/verdict.ts'

/** chrome.storage.local's contract (JSON values, missing keys absent), kept in a Map. */
function memoryArea(): StorageArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>()
  return {
    data,
    async get(keys) {
      const out: Record<string, unknown> = {}
      for (const k of Array.isArray(keys) ? keys : [keys]) if (data.has(k)) out[k] = structuredClone(data.get(k))
      return out
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, JSON.parse(JSON.stringify(v)))
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k)
    },
  }
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const HOST = 'www.example.gov.cn'
const AS_OF = '2026-11-27'

/** The sample portal's article, as served on AS_OF, with its document number as given. */
async function article(docNumber: string): Promise<PageReport> {
  const { bytes } = await renderFile(join(repoRoot, 'demo/site/xxgk/zcwj/t_0007.html'), AS_OF)
  const html = bytes.toString('utf8').replace('高新管[2026]07号', docNumber)
  return audit(html, { url: `https://${HOST}/xxgk/zcwj/t_0007.html`, packs: [nationalPack()], asOf: AS_OF, lang: 'zh' })
}

const before = await article('高新管[2026]07号')
const after = await article('高新管〔2026〕7号')
const docFail = before.findings.find((f) => f.ruleId === 'doc-number-format' && f.status === 'fail')!
const otherFail = before.findings.find((f) => f.status === 'fail' && f.ruleId !== 'doc-number-format')!

describe('stored dismissals', () => {
  it('test premise: the sample article fails the document-number format and one more rule, and the fix passes it', () => {
    expect(docFail).toBeDefined()
    expect(otherFail).toBeDefined()
    expect(after.findings.find((f) => f.id === docFail.id)?.status ?? 'gone').not.toBe('fail')
  })

  it('a dismissal needs a reason: empty or blank is refused, the reason is trimmed', () => {
    expect(checkDismissal(docFail.id, '', '2026-11-27T08:00:00.000Z')).toMatchObject({ ok: false, error: expect.stringContaining('理由') })
    expect(checkDismissal(docFail.id, '   ', '2026-11-27T08:00:00.000Z').ok).toBe(false)
    expect(checkDismissal('', '理由', '2026-11-27T08:00:00.000Z').ok).toBe(false)
    expect(checkDismissal(docFail.id, ' 系统模板所致 ', '2026-11-27T08:00:00.000Z')).toEqual({
      ok: true,
      dismissal: { id: docFail.id, reason: '系统模板所致', at: '2026-11-27T08:00:00.000Z' },
    })
  })

  it('stores by site and finding id, marks the findings on read, and a restore clears the mark', async () => {
    const area = memoryArea()
    await saveDismissal(area, HOST, { id: docFail.id, reason: '上级文件原文如此', at: '2026-11-27T08:00:00.000Z' })
    expect(await readDismissals(area, 'other.gov.cn')).toEqual([])
    const [marked] = await withDismissals(area, HOST, [before])
    const f = marked.findings.find((x) => x.id === docFail.id)!
    expect(f.dismissed).toEqual({ reason: '上级文件原文如此', at: '2026-11-27T08:00:00.000Z' })
    // Left out of the verdict and counts, and the CSV says 已忽略 with the reason.
    expect(countByStatus(marked.findings).fail).toBe(countByStatus(before.findings).fail - 1)
    expect(verdictOf(marked.findings).count).toBe(verdictOf(before.findings).count - 1)
    const csv = reportsToCsv([marked], [nationalPack()], { lang: 'zh' })
    const line = csv.split('\r\n').find((l) => l.includes(docFail.id))!
    expect(line.endsWith(',已忽略,上级文件原文如此')).toBe(true)
    // The stored report is not changed: marks are applied on read only.
    expect(before.findings.find((x) => x.id === docFail.id)!.dismissed).toBeUndefined()

    await dropDismissal(area, HOST, docFail.id)
    const [restored] = await withDismissals(area, HOST, [marked])
    expect(restored.findings.find((x) => x.id === docFail.id)!.dismissed).toBeUndefined()
  })

  it('a damaged stored list costs only its bad entries; anything not a list reads as none', async () => {
    const area = memoryArea()
    await area.set({
      [dismissalsKey(HOST)]: [
        { id: docFail.id, reason: '有效' },
        { id: otherFail.id, reason: '' },
        { id: 42, reason: 'x' },
        'junk',
        { id: otherFail.id, reason: 'y', at: 'not a date' },
      ],
    })
    expect((await readDismissals(area, HOST)).map((d) => d.id)).toEqual([docFail.id])
    expect(parseDismissals({ id: 'x' })).toEqual({ list: [], dropped: 1 })
    expect(parseDismissals(undefined)).toEqual({ list: [], dropped: 0 })
    // A save on top of a damaged list keeps the valid entries and writes a clean list.
    await saveDismissal(area, HOST, { id: otherFail.id, reason: '另一个' })
    expect(area.data.get(dismissalsKey(HOST))).toEqual([
      { id: docFail.id, reason: '有效' },
      { id: otherFail.id, reason: '另一个' },
    ])
  })

  it('imported entries are validated again and merged by id', async () => {
    const area = memoryArea()
    await saveDismissal(area, HOST, { id: docFail.id, reason: '旧理由' })
    expect(await importDismissals(area, HOST, 'not a list')).toBe(0)
    expect(await importDismissals(area, HOST, [{ id: docFail.id, reason: '新理由' }, { id: otherFail.id, reason: ' ' }])).toBe(1)
    expect(await readDismissals(area, HOST)).toEqual([{ id: docFail.id, reason: '新理由' }])
  })
})

describe('session history', () => {
  it('an empty session is not archived; a session is kept with its counts at the time (dismissed apart)', async () => {
    const area = memoryArea()
    expect(await archiveSession(area, HOST, { startedAt: '2026-11-01T00:00:00.000Z', reports: [] })).toBeNull()
    await saveDismissal(area, HOST, { id: otherFail.id, reason: '不适用本单位' })
    const done = await archiveSession(area, HOST, { startedAt: '2026-11-01T00:00:00.000Z', reports: [before] }, new Date('2026-11-02T00:00:00Z'))
    const problems = before.findings.filter((f) => f.status === 'fail' || f.status === 'review').length
    expect(done?.entry).toMatchObject({ startedAt: '2026-11-01T00:00:00.000Z', archivedAt: '2026-11-02T00:00:00.000Z', pages: 1, problems: problems - 1, dismissed: 1 })
    const [entry] = await readHistory(area, HOST)
    const kept = await readArchived(area, HOST, entry.id)
    expect(kept?.reports[0].findings.find((f) => f.id === otherFail.id)?.dismissed?.reason).toBe('不适用本单位')
  })

  it(`keeps the newest ${MAX_HISTORY} sessions of a site and deletes the data of the ones it drops`, async () => {
    const area = memoryArea()
    const ids: string[] = []
    for (let i = 0; i < MAX_HISTORY + 2; i++) {
      const at = new Date(Date.UTC(2026, 0, 1 + i))
      const r = await archiveSession(area, HOST, { startedAt: at.toISOString(), reports: [before] }, at)
      ids.push(r!.entry.id)
      expect(r!.dropped).toBe(i < MAX_HISTORY ? 0 : 1)
    }
    const index = await readHistory(area, HOST)
    expect(index.map((e) => e.id)).toEqual(ids.slice(2).reverse())
    for (const gone of ids.slice(0, 2)) {
      expect(area.data.has(historySessionKey(HOST, gone))).toBe(false)
      expect(await readArchived(area, HOST, gone)).toBeNull()
    }
    expect(await readArchived(area, HOST, ids.at(-1)!)).not.toBeNull()
  })

  it('two sessions archived in the same millisecond both stay', async () => {
    const area = memoryArea()
    const at = new Date('2026-11-02T00:00:00Z')
    await archiveSession(area, HOST, { startedAt: at.toISOString(), reports: [before] }, at)
    await archiveSession(area, HOST, { startedAt: at.toISOString(), reports: [after] }, at)
    const index = await readHistory(area, HOST)
    expect(new Set(index.map((e) => e.id)).size).toBe(2)
  })

  it('reads only ids the index names (a message cannot reach another storage key) and ignores a damaged index', async () => {
    const area = memoryArea()
    await area.set({ [`${dismissalsKey(HOST)}`]: [{ id: 'x', reason: 'y' }] })
    expect(await readArchived(area, HOST, '../dismissals')).toBeNull()
    await area.set({ [historyKey(HOST)]: [{ id: 'a b', startedAt: 'x', archivedAt: 'y', pages: 1, problems: 0, dismissed: 0 }, { id: 'ok', startedAt: 's', archivedAt: 'a', pages: -1, problems: 0, dismissed: 0 }, 7] })
    expect(await readHistory(area, HOST)).toEqual([])
    expect(parseHistory('nope')).toEqual([])
  })
})

describe('session file and diff', () => {
  it('exports the dismissals the pages show and reads them back; an empty reason in the file is refused', async () => {
    const area = memoryArea()
    await saveDismissal(area, HOST, { id: docFail.id, reason: '引用上级文件', at: '2026-11-27T08:00:00.000Z' })
    const pages = await withDismissals(area, HOST, [before])
    const file = buildSessionFile(HOST, pages, null)
    expect(file.dismissals).toEqual([{ id: docFail.id, reason: '引用上级文件', at: '2026-11-27T08:00:00.000Z' }])
    const parsed = parseSessionFile(JSON.stringify(file))
    expect(parsed.ok && parsed.file.dismissals).toEqual(file.dismissals)

    // A file whose list is missing still carries the marks of its findings.
    const noList = parseSessionFile(JSON.stringify({ ...file, dismissals: undefined }))
    expect(noList.ok && noList.file.dismissals).toEqual(file.dismissals)

    const bad = parseSessionFile(JSON.stringify({ ...file, dismissals: [{ id: docFail.id, reason: '' }] }))
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('dismissals.0.reason') })
    const badMark = JSON.parse(JSON.stringify(file))
    badMark.pages[0].findings.find((f: { id: string }) => f.id === docFail.id).dismissed.reason = '  '
    expect(parseSessionFile(JSON.stringify(badMark)).ok).toBe(false)
  })

  it('after a fix the fixed problem is resolved, the others persist, nothing is new', () => {
    const diff = sessionDiff([before], [after])
    expect(diff.resolved.map((i) => i.id)).toEqual([docFail.id])
    expect(diff.resolved[0].finding.status).toBe('fail')
    expect(diff.new).toEqual([])
    const open = after.findings.filter((f) => f.status === 'fail' || f.status === 'review').map((f) => f.id).sort()
    expect(diff.persisting.map((i) => i.id).sort()).toEqual(open)
  })
})
