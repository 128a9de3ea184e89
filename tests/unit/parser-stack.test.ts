// The engine parses with htmlparser2 and a linear open-element stack of its own (src/engine/parse.ts): the tree must be
// exactly the one cheerio's own load gives, on the project's pages and on tag soup, or the speed-up would change what
// the rules see.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'cheerio/slim'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeHtml } from '../../src/engine/charset.ts'
import { boundTree, parseHtml } from '../../src/engine/parse.ts'
import { REPO_ROOT } from '../support/corpus.ts'

function same(html: string): void {
  expect(parseHtml(html).$.html()).toBe(boundTree(load(html)).$.html())
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return htmlFiles(path)
    return /\.html?$/i.test(name) ? [path] : []
  })
}

describe('the linear open-element stack', () => {
  it('gives the same tree as cheerio on every HTML fixture of the project', () => {
    const files = htmlFiles(join(REPO_ROOT, 'tests/fixtures'))
    expect(files.length).toBeGreaterThan(50)
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file))
      if (bytes.length) same(decodeHtml(bytes).html)
    }
  })

  it('gives the same tree on misnested and unclosed tags', () => {
    for (const html of [
      '<b><i>x</b>y</i>',
      '<p>a<p>b<div>c</p>d',
      '<table><tr><td>1<td>2</tr><tr><td>3</table>',
      '<ul><li>a<li>b</ul></li></ul>',
      '<font color=red><font><b>' + 'x</font>'.repeat(5),
      '</div></span>text<div>',
      '<select><option>a<option>b</select><script>if (a<b) {}</script>',
    ]) same(html)
  })

  it('gives the same tree on generated tag soup', () => {
    const tag = fc.constantFrom('div', 'span', 'p', 'b', 'i', 'font', 'table', 'tr', 'td', 'li', 'ul', 'a', 'h1', 'select', 'option', 'br')
    const piece = fc.oneof(tag.map((t) => `<${t}>`), tag.map((t) => `</${t}>`), fc.constantFrom('x', '文', ' ', '<!-- c -->'))
    fc.assert(fc.property(fc.array(piece, { maxLength: 200 }), (parts) => {
      same(parts.join(''))
    }), { numRuns: 300, seed: 20261128 })
  })
})
