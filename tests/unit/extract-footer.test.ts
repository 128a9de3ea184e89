import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { load } from 'cheerio/slim'
import { describe, expect, it } from 'vitest'
import { extractFooter } from '../../src/engine/extract/footer.ts'
import type { ExtractContext } from '../../src/engine/types.ts'

const fixtures = resolve(import.meta.dirname, '../fixtures/extract')
const ctx = (): ExtractContext => ({ url: null, asOf: '2025-06-30', notes: [] })
const page = (name: string) => load(readFileSync(resolve(fixtures, name), 'utf8'))

describe('extractFooter', () => {
  it('reads a <footer> with 主办：, a colon-less bm code, 京公网安备 without a space and a conac IPv6-gateway link', () => {
    const footer = extractFooter(page('footer-tag.html'), ctx())
    expect(footer?.locator?.css).toBe('html > body > footer')
    // 主办单位 in the article body must not be taken for the site sponsor.
    expect(footer?.sponsor?.value).toBe('某县人民政府')
    expect(footer?.siteIdCode?.value).toBe('bm01000001')
    expect(footer?.icp?.value).toBe('京ICP备20027467号-1')
    expect(footer?.police?.value).toBe('京公网安备 11010202000001号')
    expect(footer?.conac?.value).toContain('ipv6best.cn')
    expect(footer?.conac?.locator.css).toBe('html > body > footer > div:nth-of-type(2) > a')
  })

  it('reads 政府网站标识码, 公安备案号 and 备案序号 labels and a dzjg badge image in a class-named footer', () => {
    const footer = extractFooter(page('footer-labelled.html'), ctx())
    expect(footer?.siteIdCode?.value).toBe('3590000001')
    expect(footer?.siteIdCode?.locator.text).toBe('政府网站标识码：3590000001')
    expect(footer?.police?.value).toBe('35012899001-19002')
    expect(footer?.icp?.value).toBe('闽ICP备09032658号')
    expect(footer?.sponsor?.value).toBe('某实验区管理委员会办公室')
    expect(footer?.conac?.value).toBe('/images/dzjg_badge.png')
    expect(footer?.text).toContain('版权所有')
  })

  it('finds an unnamed footer block by its 版权/备案 lines and reports the missing items as null', () => {
    const footer = extractFooter(page('footer-unnamed.html'), ctx())
    expect(footer).not.toBeNull()
    expect(footer?.icp?.value).toBe('京ICP备20027467号-1')
    expect(footer?.sponsor?.value).toBe('某工程办公室')
    expect(footer?.siteIdCode).toBeNull()
    expect(footer?.police).toBeNull()
    expect(footer?.conac).toBeNull()
  })

  it('returns null for a page without any footer', () => {
    expect(extractFooter(page('footer-none.html'), ctx())).toBeNull()
  })

  it('accepts only 10-digit or bm+8-digit site codes', () => {
    const bad = load('<body><div class="footer">版权所有：某网 网站标识码：12345 备案 京ICP备1234567号</div></body>')
    expect(extractFooter(bad, ctx())?.siteIdCode).toBeNull()
    const good = load('<body><div class="footer">版权所有：某网 网站标识码：3609220011</div></body>')
    expect(extractFooter(good, ctx())?.siteIdCode?.value).toBe('3609220011')
  })

  it('notes an empty conac placeholder filled by script', () => {
    const c = ctx()
    const $ = load('<body><div class="footer">版权所有：某网 <span id="_ideConac"></span></div></body>')
    expect(extractFooter($, c)?.conac).toBeNull()
    expect(c.notes.join()).toContain('_ideConac')
  })
})
