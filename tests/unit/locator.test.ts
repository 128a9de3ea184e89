import { describe, expect, it } from 'vitest'
import { load } from 'cheerio/slim'
import { cssPath, locatorOf } from '../../src/engine/locator.ts'

describe('locators', () => {
  it('gives an nth-of-type path from <html> that a browser resolves to the same element', () => {
    const $ = load('<html><body><div>a</div><div><ul><li>x</li><li>网站标识码：3590000001</li></ul></div></body></html>')
    const li = $('li').get(1)!
    expect(cssPath(li)).toBe('html > body > div:nth-of-type(2) > ul > li:nth-of-type(2)')
    expect(locatorOf($, li).text).toBe('网站标识码：3590000001')
  })

  it('puts markup found after a stray </html> under body, as a browser would', () => {
    // gov.cn templates sometimes close </html> in a header include; the footer then sits outside <html> in the parse tree.
    const $ = load('<html><body><div>header</div></body></html><div class="foot"><p>京ICP备05070218号</p></div>')
    const p = $('.foot p').get(0)!
    expect(cssPath(p)).toBe('html > body > div > p')
  })

  it('keeps the fingerprint short on a huge element', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `<li>第${i}条  通知</li>`).join('')
    const $ = load(`<ul>${rows}</ul>`)
    const fp = locatorOf($, $('ul').get(0)!).text
    expect(fp.length).toBeLessThanOrEqual(40)
    expect(fp.startsWith('第0条 通知')).toBe(true)
  })
})
