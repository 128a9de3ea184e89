import { CORPUS_DIR } from '../support/corpus.ts'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { InputError, charsetFromContentType, decodeHtml, sniffMetaCharset } from '../../src/engine/charset.ts'

const FIX = join(import.meta.dirname, '../fixtures/cli')
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIX, name)))
const utf8 = (s: string) => new TextEncoder().encode(s)
const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'))

const TEXT = '关于印发《某某县政府信息公开工作要点》的通知，发布机构：某某县人民政府办公室'

function inputError(fn: () => unknown): InputError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(InputError)
    return e as InputError
  }
  throw new Error('expected an InputError')
}

describe('decodeHtml: choosing the charset', () => {
  it('reads the committed GBK fixture through its http-equiv gb2312 declaration, GBK-only characters included', () => {
    const r = decodeHtml(fixture('gbk-article.html'))
    expect(r.charset).toBe('gb18030')
    expect(r.charsetSource).toBe('meta')
    expect(r.html).toContain('<title>关于印发《某某县政府信息公开工作要点》的通知')
    expect(r.html).toContain('镕铖堃')
    expect(r.html).not.toContain('\uFFFD')
  })

  it('prefers the HTTP header over the meta declaration', () => {
    const bytes = gbk(`<html><head><meta charset="utf-8"><title>${TEXT}</title></head></html>`)
    const r = decodeHtml(bytes, { contentType: 'text/html; charset=GBK' })
    expect(r.charsetSource).toBe('header')
    expect(r.html).toContain(TEXT)
  })

  it('accepts a quoted header charset', () => {
    expect(charsetFromContentType('text/html; charset="gb2312"')).toBe('gb2312')
    expect(charsetFromContentType('text/html')).toBeNull()
    expect(decodeHtml(gbk(`<p>${TEXT}</p>`), { contentType: "text/html;charset='gbk'" }).html).toContain(TEXT)
  })

  it('lets a BOM win over a wrong header and strips it', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`<p>${TEXT}</p>`)])
    const r = decodeHtml(bytes, { contentType: 'text/html; charset=gbk' })
    expect(r).toMatchObject({ charset: 'utf-8', charsetSource: 'bom', html: `<p>${TEXT}</p>` })
  })

  it('decodes UTF-16 LE and BE pages that carry a BOM (they are full of NUL bytes, yet not binary)', () => {
    const s = `<html><title>${TEXT}</title></html>`
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(s, 'utf16le'))])
    const be = new Uint8Array(Buffer.from(s, 'utf16le')).slice()
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]]
    expect(decodeHtml(le).html).toBe(s)
    expect(decodeHtml(new Uint8Array([0xfe, 0xff, ...be]))).toMatchObject({ html: s, charset: 'utf-16be' })
  })

  it('finds <meta charset> and http-equiv in the first 4 KB but ignores a commented-out one', () => {
    expect(sniffMetaCharset(utf8('<meta charset=GB2312>'))).toBe('GB2312')
    expect(sniffMetaCharset(utf8(`<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=gbk'>`))).toBe('gbk')
    expect(sniffMetaCharset(utf8('<!-- <meta charset="big5"> --><meta charset="gbk">'))).toBe('gbk')
    expect(sniffMetaCharset(utf8(' '.repeat(5000) + '<meta charset="gbk">'))).toBeNull()
  })

  it('defaults to UTF-8 when nothing is declared', () => {
    expect(decodeHtml(utf8(`<p>${TEXT}</p>`))).toMatchObject({ charset: 'utf-8', charsetSource: 'default', warnings: [] })
  })

  it('falls back to GB18030, with a warning, when undeclared bytes are not UTF-8 but are GBK', () => {
    const r = decodeHtml(fixture('gbk-no-charset.html'))
    expect(r.charset).toBe('gb18030')
    expect(r.charsetSource).toBe('sniffed')
    expect(r.html).toContain('某某县人民政府办公室')
    expect(r.warnings.join('\n')).toMatch(/GB18030/)
  })

  it('keeps UTF-8 when only a stray invalid byte or two appear', () => {
    const bytes = new Uint8Array([...utf8(`<p>${TEXT}</p>`), 0xff, ...utf8('<p>end</p>')])
    const r = decodeHtml(bytes)
    expect(r.charset).toBe('utf-8')
    expect(r.html).toContain(TEXT)
  })

  it('warns about an unknown label and falls back instead of failing', () => {
    const r = decodeHtml(fixture('unknown-charset.html'))
    expect(r.charset).toBe('utf-8')
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0]).toContain('x-klingon-8')
    expect(r.html).toContain('某某县人民政府')
  })

  it('falls back from an unknown header label to the meta declaration', () => {
    const r = decodeHtml(fixture('gbk-article.html'), { contentType: 'text/html; charset=nonsense' })
    expect(r.charsetSource).toBe('meta')
    expect(r.html).toContain('镕铖堃')
    expect(r.warnings[0]).toContain('nonsense')
  })
})

describe('decodeHtml: inputs that are not web pages', () => {
  it.each([
    ['empty', new Uint8Array(0), /为空.*empty/],
    ['PDF', fixture('minimal.pdf'), /PDF/],
    ['PNG', fixture('tiny.png'), /PNG/],
    ['JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), /JPEG/],
    ['GIF', utf8('GIF89a\x01\x00\x01\x00'), /GIF/],
    ['WebP', new Uint8Array([...utf8('RIFF'), 0x24, 0, 0, 0, ...utf8('WEBPVP8 ')]), /WebP/],
    ['BMP', new Uint8Array([0x42, 0x4d, 0x3a, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0]), /BMP/],
    ['docx/zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0]), /ZIP/],
    ['doc/xls (OLE)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), /Office/],
    ['other binary', new Uint8Array([...utf8('<html>'), 0, 1, 2, 3]), /binary/],
  ])('%s is refused with a one-line zh + en message', (_name, bytes, re) => {
    const e = inputError(() => decodeHtml(bytes))
    expect(e.message).toMatch(re)
    expect(e.message).not.toContain('\n')
    expect(e.message).toMatch(/[\u4e00-\u9fff].* \/ [a-z]/)
  })

  it('does not take a text page that happens to start with "BM" for a bitmap', () => {
    expect(decodeHtml(utf8('BMW 4S 店 <p>hello world</p>')).html).toContain('BMW')
  })

  it('refuses input over the size cap but reads a 10 MB page under the default cap', () => {
    const row = `<li><a href="/x.html">${TEXT}</a><span>2024-01-01</span></li>\n`
    const big = utf8('<html><body><ul>\n' + row.repeat(Math.ceil((10 * 1024 * 1024) / utf8(row).length)) + '</ul></body></html>')
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024)
    expect(decodeHtml(big).html.length).toBeGreaterThan(3_000_000)
    const e = inputError(() => decodeHtml(big, { maxBytes: 1024 * 1024 }))
    expect(e.message).toMatch(/过大.*too large/)
  })
})

const REAL = CORPUS_DIR
describe.skipIf(!existsSync(REAL))('decodeHtml over the real corpus', () => {
  it('decodes every saved government page without replacement characters and keeps its <title>', () => {
    const files = readdirSync(REAL).filter((f) => f.endsWith('.html'))
    expect(files.length).toBeGreaterThan(0)
    for (const f of files) {
      const r = decodeHtml(new Uint8Array(readFileSync(join(REAL, f))))
      expect(r.charset, f).toBe('utf-8')
      expect(r.html.includes('\uFFFD'), f).toBe(false)
      expect(r.html, f).toMatch(/<title[^>]*>[^<]*[\u4e00-\u9fff]/i)
    }
  })
})
