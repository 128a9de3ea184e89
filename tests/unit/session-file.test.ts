// An imported session file comes from anywhere: its host becomes part of storage keys and its pages are shown as this
// site's, so both are checked before anything is stored.
import { describe, expect, it } from 'vitest'
import { audit } from '../../src/engine/audit.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import { buildSessionFile, isHost, parseSessionFile } from '../../src/report/session-file.ts'

const page = audit('<html><head><title>通知公告</title></head><body><ul><li><a href="/a.html">通知</a><span>2026-11-20</span></li></ul></body></html>', {
  url: 'https://www.example.gov.cn/tzgg/',
  packs: [nationalPack()],
  asOf: '2026-11-27',
})
const file = (over: Record<string, unknown> = {}) => JSON.stringify({ ...buildSessionFile('www.example.gov.cn', [page], null), ...over })

describe('session file import', () => {
  it('reads back what export wrote', () => {
    const parsed = parseSessionFile(file())
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(parsed.file.pages[0].findings).toEqual(page.findings)
  })

  it.each(['www.example.gov.cn', 'www.example.gov.cn:8080', '127.0.0.1:5173'])('accepts the host %s', (host) => {
    expect(isHost(host)).toBe(true)
  })

  it.each(['session:x/../', 'a b', '__proto__', 'x.gov.cn#top', 'x.gov.cn:99999', '', 'www.example.gov.cn/path'])('refuses the host %j', (host) => {
    expect(isHost(host)).toBe(false)
    const parsed = parseSessionFile(file({ host, pages: [] }))
    expect(parsed.ok).toBe(false)
  })

  it('refuses pages of another site or with a non-http address, naming the page', () => {
    const other = parseSessionFile(file({ pages: [{ ...page, url: 'https://evil.example.com/' }] }))
    expect(other).toMatchObject({ ok: false, error: expect.stringContaining('pages.0.url') })
    const js = parseSessionFile(file({ pages: [{ ...page, url: 'javascript:alert(1)' }] }))
    expect(js.ok).toBe(false)
  })

  it('refuses __proto__ and constructor keys anywhere in the file', () => {
    const text = file().replace('"pages":', '"__proto__": {"polluted": true}, "pages":')
    expect(parseSessionFile(text)).toMatchObject({ ok: false, error: expect.stringContaining('__proto__') })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
