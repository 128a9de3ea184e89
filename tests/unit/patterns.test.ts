// Pack patterns are data from users: checked as they run, refused when they could backtrack without bound, and run
// only over bounded segments of page text.
import { describe, expect, it } from 'vitest'
import { execBounded, MAX_SEGMENT, patternIssue, segments, testBounded } from '../../src/engine/rule-kit/patterns.ts'

describe('patternIssue', () => {
  it.each([
    ['[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){1,8}', null],
    ['^(?:(?:19|20)\\d{2}年度?)?[\\u4e00-\\u9fa5]{1,10}?(?:省|(?<!实验|开发)区)$', null],
    ['(?:办公|通信|通讯|联系|受理)?地址[:：]', null],
  ])('accepts %s', (source, issue) => {
    expect(patternIssue(source)).toBe(issue)
  })

  it.each([
    ['\\d{1,2 }[:：]', /有效的正则|valid regular/],
    ['(a+)+$', /回溯/],
    ['[a-z]+@(?:[a-z]+\\.)+cn', /回溯/],
    ['(x|x)*y', /回溯/],
    ['(a)\\1', /反向引用/],
    ['a{1,5000}', /1000/],
  ])('refuses %s', (source, why) => {
    const issue = patternIssue(source)
    expect(issue?.zh ?? '').toMatch(why)
    expect(issue?.en).toBeTruthy()
  })
})

describe('bounded matching', () => {
  it('cuts long text into overlapping segments of at most MAX_SEGMENT characters', () => {
    const text = 'x'.repeat(MAX_SEGMENT * 3 + 17)
    const parts = segments(text)
    expect(parts.every((p) => p.length <= MAX_SEGMENT)).toBe(true)
    expect(parts.map((p) => p.length).reduce((a, b) => a + b)).toBeGreaterThan(text.length)
  })

  it('finds a labelled value that straddles a segment boundary, at its offset in the whole text', () => {
    const at = MAX_SEGMENT - 5
    const text = `${'正文'.repeat(at / 2)}电话：0791-88888888${'。'.repeat(5000)}`
    const hit = execBounded(/电话[:：]0\d{2,3}-\d{7,8}/u, text)
    expect(hit?.index).toBe(text.indexOf('电话：'))
    expect(hit?.match[0]).toBe('电话：0791-88888888')
    expect(testBounded(/传真/u, text)).toBe(false)
  })
})
