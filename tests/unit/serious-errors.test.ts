// serious-errors: each misspelt name or set phrase of the pack's list is one fail with the correct form, located in
// the page and counted in data.hits; correct text that happens to hold a wrong form is left alone; a local pack
// extends the list without repeating it.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { WordMatcher } from '../../src/engine/rule-kit/aho-corasick.ts'
import { audit } from '../../src/engine/audit.ts'
import { nationalPack, validatePack } from '../../src/engine/pack.ts'
import { compiled, findWrongForms } from '../../src/engine/rules/serious-errors/matcher.ts'
import type { Params } from '../../src/engine/rules/serious-errors/params.ts'
import type { RulePack } from '../../src/engine/types.ts'

const national = (): Params => nationalPack().rules.find((r) => r.kind === 'serious-errors')!.params as unknown as Params

function page(body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于做好政务公开工作的通知</title></head><body>
<div class="article"><h1>关于做好政务公开工作的通知</h1>${body}</div></body></html>`
}

function serious(html: string, packs: RulePack[] = [nationalPack()]) {
  return audit(html, { url: 'https://www.example.gov.cn/a.html', packs, asOf: '2026-11-27' }).findings.filter((f) => f.ruleId === 'serious-errors')
}

describe('the national word list', () => {
  const p = national()
  it('holds 60–100 entries, each wrong form unique and never its own correct form', () => {
    const wrong = p.words.map((w) => w.wrong)
    expect(wrong.length).toBeGreaterThanOrEqual(60)
    expect(wrong.length).toBeLessThanOrEqual(100)
    expect(new Set(wrong).size).toBe(wrong.length)
    for (const w of p.words) expect(w.correct).not.toBe(w.wrong)
  })
  it('no correct form of the list is flagged by another entry', () => {
    const corrects = [...new Set(p.words.map((w) => w.correct))].join('。')
    expect(findWrongForms(corrects, p)).toEqual([])
  })
  it('the automaton is built once per params object', () => {
    expect(compiled(p)).toBe(compiled(p))
  })
})

describe('on a page', () => {
  it('each wrong form is a fail with the correct form, its count and a locator', () => {
    const found = serious(page(`<p>转发《国务院办工厅关于优化营商环境的通知》。</p><p>《中华人民共合国政府信息公开条例》；再次转发国务院办工厅文件。</p>`))
    expect(found.map((f) => [f.status, f.data?.wrong, f.data?.correct, f.data?.hits])).toEqual([
      ['fail', '国务院办工厅', '国务院办公厅', 2],
      ['fail', '中华人民共合国', '中华人民共和国', 1],
    ])
    expect(found[0].expected.zh).toBe('应为：国务院办公厅')
    expect(found[0].severity).toBe('veto')
    expect(found[0].locator?.css).toMatch(/p:nth-of-type\(1\)$/)
    expect(found[1].locator?.css).toMatch(/p:nth-of-type\(2\)$/)
    expect(found[0].id).not.toBe(found[1].id)
  })

  it('the correct phrase that holds a wrong form is not an error (办实事求实效 holds 实事求实)', () => {
    expect(serious(page('<p>坚持为民办实事求实效，推动各项工作落地见效。</p>')).map((f) => f.status)).toEqual(['pass'])
    expect(serious(page('<p>坚持实事求实，推动各项工作落地见效。</p>')).map((f) => f.data?.wrong)).toEqual(['实事求实'])
  })

  it('a wrong form inside the correct form of another entry is not an error', () => {
    // A local entry whose wrong form is part of a national correct form: 中华人民共和国 must not count as 人民共和.
    const local = validatePack(
      { id: 'local', version: '1', title: { zh: '本地', en: 'local' }, rules: [{ id: 'serious-errors', kind: 'serious-errors', title: { zh: '严重表述错误', en: 'Serious misstatements' }, severity: 'veto', source: '本地', params: { extraWords: [{ wrong: '人民共和', correct: '人民共和国', category: '国名' }] } }] },
      'local.json',
    )
    expect(serious(page('<p>依据《中华人民共和国政府信息公开条例》的规定，做好工作。</p>'), [nationalPack(), local]).map((f) => f.status)).toEqual(['pass'])
  })

  it('a local pack extends the list and keeps the national entries', () => {
    const local = validatePack(
      { id: 'local', version: '1', title: { zh: '本地', en: 'local' }, rules: [{ id: 'serious-errors', kind: 'serious-errors', title: { zh: '严重表述错误', en: 'Serious misstatements' }, severity: 'veto', source: '国办秘函〔2019〕19号', params: { extraWords: [{ wrong: '宁波市人民正府', correct: '宁波市人民政府', category: '党政机关' }] } }] },
      'local.json',
    )
    const found = serious(page('<p>宁波市人民正府办公厅转发国务院办工厅通知，请认真贯彻落实。</p>'), [nationalPack(), local])
    expect(found.map((f) => f.data?.correct).sort()).toEqual(['国务院办公厅', '宁波市人民政府'])
  })

  it('a longer wrong form is one error, not two', () => {
    const p = national()
    const withShort: Params = { ...p, extraWords: [{ wrong: '国务院办工', correct: '国务院办公', category: '党政机关' }] }
    expect(findWrongForms('国务院办工厅', withShort).map((h) => h.entry.wrong)).toEqual(['国务院办工厅'])
  })

  it('the quoted context never cuts a number it would then show unmasked', () => {
    // 12 characters before the hit end inside the phone number.
    const [f] = serious(page('<p>联系人手机13812345678，请转发国务院办工厅通知。</p>'))
    expect(f.evidence.zh).toContain('138****5678，请转发国务院办工厅')
    expect(f.evidence.zh).not.toMatch(/\d{5,}/)
  })

  it('the quoted context masks numbers beside the hit', () => {
    const [f] = serious(page('<p>联系人手机13812345678，国务院办工厅转发。</p>'))
    expect(f.evidence.zh).not.toContain('13812345678')
    expect(f.evidence.zh).toContain('138****5678')
  })

  it('a wrong form equal to its correct form is refused when the pack loads', () => {
    expect(() =>
      validatePack(
        { id: 'local', version: '1', title: { zh: '本地', en: 'local' }, rules: [{ id: 'serious-errors', kind: 'serious-errors', title: { zh: '严重表述错误', en: 'x' }, severity: 'veto', source: 'x', params: { words: [{ wrong: '国务院', correct: '国务院', category: '党政机关' }] } }] },
        'local.json',
      ),
    ).toThrow(/params\.words/)
  })
})

describe('the word matcher', () => {
  it('finds every occurrence a naive search finds, overlaps included', () => {
    const alphabet = fc.constantFrom('国', '务', '院', '办', '公', '厅', 'a', '𠀀')
    fc.assert(
      fc.property(fc.array(fc.string({ unit: alphabet, minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), fc.string({ unit: alphabet, maxLength: 60 }), (words, text) => {
        const naive: string[] = []
        words.forEach((w, i) => {
          for (let at = text.indexOf(w); at !== -1; at = text.indexOf(w, at + 1)) naive.push(`${i}@${at}`)
        })
        const found = new WordMatcher(words).search(text).map((m) => `${m.word}@${m.start}`)
        expect(found.sort()).toEqual(naive.sort())
      }),
      { numRuns: 300 },
    )
  })
})
