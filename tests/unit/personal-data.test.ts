// personal-data: what an inspector's 通报 flags (full ID, mobile and bank-card numbers) is found, what they never flag
// is left alone, and no surface — message, evidence, data, locator, CSV — ever carries a full number.
import { describe, expect, it } from 'vitest'
import { audit } from '../../src/engine/audit.ts'
import { reportsToCsv } from '../../src/engine/csv.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import { maskDigitRuns, maskNumber } from '../../src/engine/rule-kit/mask.ts'
import { findNumbers, idCheckDigitValid, luhnValid } from '../../src/engine/rules/personal-data/numbers.ts'
import type { Params } from '../../src/engine/rules/personal-data/params.ts'

const AS_OF = '2026-11-27'
const params = nationalPack().rules.find((r) => r.kind === 'personal-data')!.params as unknown as Params
// Valid by GB 11643 (check digit) and Luhn, made up for the tests.
const ID = '330203198506121233'
const ID_X = '11010519491231002X'
const CARD = '6222021234567890128'
const PHONE = '13812345678'

function page(body: string, title = '2026年10月低保对象名单公示'): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="header">首页 服务热线：0574-12345</div>
<div class="article"><h1>${title}</h1><p>现将有关名单公示如下，公示期为七天，如有异议请在公示期内反映。</p>${body}</div>
<div class="footer">主办单位：宁波市某区人民政府办公室 网站标识码：3302000001 浙ICP备13012345号-1 浙公网安备 33020302000123号</div>
</body></html>`
}

function personal(html: string) {
  const report = audit(html, { url: 'https://www.example.gov.cn/a.html', packs: [nationalPack()], asOf: AS_OF })
  return { report, finding: report.findings.find((f) => f.ruleId === 'personal-data')! }
}

const counted = (text: string) => findNumbers(text, params, AS_OF).filter((h) => !h.excluded)

describe('the checks behind the numbers', () => {
  it('GB 11643 check digit, X included', () => {
    expect(idCheckDigitValid(ID)).toBe(true)
    expect(idCheckDigitValid(ID_X)).toBe(true)
    expect(idCheckDigitValid(ID_X.toLowerCase())).toBe(true)
    expect(idCheckDigitValid('330203198506121230')).toBe(false)
  })
  it('Luhn', () => {
    expect(luhnValid(CARD)).toBe(true)
    expect(luhnValid('6222021234567890127')).toBe(false)
  })
  it('an 18-digit number with a valid check digit but no real birth date is not an ID', () => {
    // 19851312: month 13. Check digit computed for it, so only the date rules it out.
    expect(counted('330203198513121235 与 330203198513121230')).toEqual([])
  })
  it('a birth date after the as-of date is not plausible', () => {
    expect(counted('330203202712011239').filter((h) => h.type === 'idCard')).toEqual([])
  })
})

describe('never flagged', () => {
  it.each([
    ['masked phone', '联系人手机：138****1234'],
    ['masked ID (first 2, last 3)', '身份证号：35*************123'],
    ['masked ID with x as mask', '身份证号：330203xxxxxxxx1233'],
    ['masked bank card', '银行卡号：622202*********0128'],
    ['统一社会信用代码 (letters)', '统一社会信用代码：91330200MA2H123456'],
    ['统一社会信用代码 (all digits, valid-looking)', `统一社会信用代码：${ID}`],
    ['18 digits with an invalid check digit (an order number)', '订单 330203198506121230 已受理'],
    ['a serial number with an invalid check digit', '流水 110105194912310021'],
    ['the office number', '办公电话：0574-87654321'],
    ['the hotline', '服务热线 12345，政务热线 0574-12345'],
    ['a mobile the body gives as its hotline', '咨询电话：13905741234'],
    ['索引号', `索引号：${ID}`],
    ['网站标识码', '网站标识码：3302000001'],
    ['ICP 备案号', '浙ICP备13012345678号-1'],
    ['公安备案号', '浙公网安备 33020302000123号'],
    ['a number inside a URL', `https://www.example.gov.cn/art/${PHONE}.html`],
    ['an amount in a table', '合计 15000000000 元'],
    ['four-digit figures side by side', '6222 0212 3456 7890 128'],
  ])('%s', (_name, text) => {
    expect(counted(text).filter((h) => !h.masked || !h.masked.withinLimit)).toEqual([])
  })

  it('a page of masked lists, codes and the body’s own numbers passes', () => {
    const { finding } = personal(
      page(`<table><tr><td>张某</td><td>330203********1233</td><td>138****5678</td></tr></table>
<p>统一社会信用代码：91330200MA2H123456，索引号：113302010024937341/2026-01234，办公电话：0574-87654321，热线 12345。</p>`),
    )
    expect(finding.status).toBe('pass')
    expect(finding.data?.wellMasked).toBe(2)
  })
})

describe('flagged', () => {
  it.each([
    ['an ID', ID, 'idCard'],
    ['an ID ending in X', ID_X, 'idCard'],
    ['a mobile', PHONE, 'mobile'],
    ['a mobile in groups', '138 1234 5678', 'mobile'],
    ['a bank card', CARD, 'bankCard'],
  ])('%s', (_name, number, type) => {
    const hits = counted(`当事人 张某 ${number} 已公示`)
    expect(hits.map((h) => [h.type, h.masked])).toEqual([[type, null]])
  })

  it('a phone under a 联系电话 column header is the person’s, not the body’s line', () => {
    const { finding } = personal(page(`<table><tr><th>姓名</th><th>联系电话</th></tr><tr><td>张某</td><td>${PHONE}</td></tr></table>`))
    expect(finding.status).toBe('fail')
    expect(finding.data?.mobile).toBe(1)
  })

  it('a number split by a tag is still one number', () => {
    const { finding } = personal(page(`<table><tr><td>张某</td><td>3302031985<span>06121233</span></td></tr></table>`))
    expect(finding.status).toBe('fail')
    expect(finding.data?.idCard).toBe(1)
  })

  it('a mask that shows more than the pack allows is a review, whatever the type', () => {
    const hits = counted('330203198506****33 1381234**78 62220212345*****128')
    expect(hits.map((h) => [h.type, h.masked?.withinLimit])).toEqual([
      ['idCard', false],
      ['mobile', false],
      ['bankCard', false],
    ])
  })

  it('one finding per page counts each type, shows masked examples and points at the first hit', () => {
    const { finding } = personal(
      page(`<table><tr><th>姓名</th><th>身份证号</th><th>电话</th></tr>
<tr><td>张某</td><td>${ID}</td><td>${PHONE}</td></tr><tr><td>李某</td><td>${ID_X}</td><td>13905749876</td></tr></table>
<p>收款账号 ${CARD}</p>`),
    )
    expect(finding.status).toBe('fail')
    expect(finding.severity).toBe('error')
    expect(finding.data).toMatchObject({ idCard: 2, mobile: 2, bankCard: 1 })
    expect(finding.message.zh).toContain('身份证号 2 个、手机号 2 个、银行卡号 1 个')
    expect(finding.evidence.zh).toContain('330203********1233')
    expect(finding.evidence.zh).toContain('138****5678')
    expect(finding.data?.examples).toHaveLength(5)
    expect(finding.locator?.css).toMatch(/td:nth-of-type\(2\)$/)
  })

  it('a hit past the capped text blocks is still counted, only unlocated', () => {
    const rows = Array.from({ length: 2100 }, (_, i) => `<tr><td>${i}</td><td>330203********1233</td></tr>`).join('')
    const { report, finding } = personal(page(`<table>${rows}<tr><td>末行</td><td>${ID}</td></tr></table>`))
    expect(finding.status).toBe('fail')
    expect(finding.data?.idCard).toBe(1)
    expect(finding.locator).toBeNull()
    expect(report.notes.some((n) => n.startsWith('text blocks:'))).toBe(true)
  })

  it('the number of examples comes from the pack', () => {
    const pack = nationalPack()
    const rule = pack.rules.find((r) => r.kind === 'personal-data')!
    rule.params = { ...rule.params, examples: 1 }
    const report = audit(page(`<p>${ID} ${PHONE}</p>`), { url: null, packs: [pack], asOf: AS_OF })
    const f = report.findings.find((x) => x.ruleId === 'personal-data')!
    expect(f.data?.examples).toHaveLength(1)
    expect(f.evidence.zh).toContain('等 2 个')
  })
})

describe('惩戒公示', () => {
  it('a full ID on a 失信被执行人 list is a review that names the exemption; a phone there still fails', () => {
    const title = '失信被执行人名单公示'
    const idOnly = personal(page(`<p>钱某 ${ID}</p>`, title)).finding
    expect(idOnly.status).toBe('review')
    expect(idOnly.message.zh).toContain('惩戒公示')
    expect(idOnly.data?.exemptBy).toBe('失信被执行人')
    const withPhone = personal(page(`<p>钱某 ${ID} ${PHONE}</p>`, title)).finding
    expect(withPhone.status).toBe('fail')
  })
  it('a 行政处罚 公示 has no exemption', () => {
    expect(personal(page(`<p>当事人张某 ${ID}</p>`, '行政处罚决定公示')).finding.status).toBe('fail')
  })
})

describe('no surface carries a full number', () => {
  it('finding, data, locator and CSV show every number masked', () => {
    const html = page(`<p>${ID}</p><table><tr><td>${ID_X}</td><td>${PHONE}</td><td>${CARD}</td></tr></table>`)
    const { report, finding } = personal(html)
    expect(finding.status).toBe('fail')
    const json = JSON.stringify(report)
    const csv = reportsToCsv([report], [nationalPack()])
    for (const full of [ID, ID_X, PHONE, CARD]) {
      expect(JSON.stringify(finding)).not.toContain(full)
      expect(csv).not.toContain(full)
    }
    // Other rules quote page text too (locator fingerprints): the personal-data finding's own locator carries none.
    expect(finding.locator?.text).toBe('')
    expect(json).toContain('330203********1233')
  })

  it('one masking helper: first and last kept, the rest starred, never most of a short value', () => {
    expect(maskNumber(ID, 6, 4)).toBe('330203********1233')
    expect(maskNumber(PHONE, 3, 4)).toBe('138****5678')
    expect(maskNumber('12345678', 6, 4)).toBe('12****78')
    expect(maskDigitRuns(`电话${PHONE}，身份证${ID}`)).toBe('电话138****5678，身份证330***********1233')
  })
})
