// personal-data: what a careful auditor would flag as a published 身份证号, mobile or bank card number, what they would
// leave alone, and that the tool itself never repeats a full number.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { audit } from '../../src/engine/audit.ts'
import { decodeHtml } from '../../src/engine/charset.ts'
import { reportsToCsv } from '../../src/engine/csv.ts'
import { scanRoot, visibleText } from '../../src/engine/extract/structure.ts'
import { parseHtml } from '../../src/engine/parse.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import { idBirthPlausible, idChecksum, luhnValid, maskNumber } from '../../src/engine/rule-kit/personal-numbers.ts'
import { detectPersonalNumbers } from '../../src/engine/rules/personal-data/detect.ts'
import { params as paramsSchema, type Params } from '../../src/engine/rules/personal-data/params.ts'
import type { Finding, RulePack } from '../../src/engine/types.ts'
import { CORPUS_DIR, HAS_CORPUS, REPO_ROOT } from '../support/corpus.ts'

const AS_OF = '2026-11-27'
const FIXTURES = join(REPO_ROOT, 'tests/fixtures/kinds/personal-data')

function packParams(): Params {
  const rule = nationalPack().rules.find((r) => r.kind === 'personal-data')!
  return v.parse(paramsSchema, rule.params)
}

function packWith(change: (p: Params) => void): RulePack {
  const pack = nationalPack()
  const rule = pack.rules.find((r) => r.kind === 'personal-data')!
  change(rule.params as unknown as Params)
  return pack
}

const detect = (text: string) => detectPersonalNumbers(text, packParams(), AS_OF)

function page(body: string, title = '公示'): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="article"><h1>${title}</h1>${body}</div></body></html>`
}

function own(html: string, packs: RulePack[] = [nationalPack()]): Finding[] {
  return audit(html, { url: 'https://www.example.gov.cn/gsgg/1.html', packs, asOf: AS_OF }).findings.filter((f) => f.ruleId === 'personal-data')
}

describe('number checks', () => {
  it('GB 11643 check digit, with X', () => {
    expect(idChecksum('11010519491231002X')).toBe(true)
    expect(idChecksum('11010519491231002x')).toBe(true)
    expect(idChecksum('330203198803151236')).toBe(true)
    expect(idChecksum('330203198803151237')).toBe(false)
  })
  it('birth date: a real date, not before the pack year, not after the audit', () => {
    expect(idBirthPlausible('330203198803151236', 1900, AS_OF)).toBe(true)
    expect(idBirthPlausible('330203198802301236', 1900, AS_OF)).toBe(false)
    expect(idBirthPlausible('330203203001011236', 1900, AS_OF)).toBe(false)
    expect(idBirthPlausible('330203180001011236', 1900, AS_OF)).toBe(false)
  })
  it('Luhn', () => {
    expect(luhnValid('6222021234567890128')).toBe(true)
    expect(luhnValid('6222021234567890123')).toBe(false)
  })
  it('the masking helper keeps only head and tail, and masks a short value whole', () => {
    expect(maskNumber('13857412345', 3, 4)).toBe('138****2345')
    expect(maskNumber('330203198803151236', 6, 4)).toBe('330203********1236')
    expect(maskNumber('12345', 3, 4)).toBe('*****')
  })
})

describe('flags full numbers', () => {
  it.each([
    ['an ID number in a table row', '1 张某 330203198803151236 2', 'idCard', '330203********1236'],
    ['an ID ending in X', '王某某 11010519491231002X', 'idCard', '110105********002X'],
    ['an ID in full-width digits', '身份证：３３０２０３１９８８０３１５１２３６', 'idCard', '330203********1236'],
    ['a mobile', '联系电话：13857412345', 'mobile', '138****2345'],
    ['a hyphenated mobile', '手机 139-6785-4321', 'mobile', '139****4321'],
    ['a UnionPay card without a label', '赵某 6222021234567890128', 'bankCard', '622202*********0128'],
    ['a Visa card under a card label', '银行卡号：4367421234567896', 'bankCard', '436742******7896'],
  ])('%s', (_name, text, kind, masked) => {
    const found = detect(text)
    expect(found.unmasked.map((h) => [h.kind, h.masked])).toEqual([[kind, masked]])
  })
})

describe('never flags', () => {
  it.each([
    ['a masked mobile', '张某 138****1234'],
    ['a masked ID', '李某 35*************123'],
    ['a masked ID with × and a masked card', '王某 330203××××××××1236 621700******7893'],
    ['an ID masked with X, its check character X shown', '赵某 330203XXXXXXXX002X'],
    ['a 统一社会信用代码 with letters', '示例科技有限公司 91330200MA2AB3CD4X'],
    ['an all-digit 统一社会信用代码 under its label', '统一社会信用代码：330203198803151236'],
    ['an 18-digit serial with a wrong check digit', '受理编号 330203198803151237'],
    ['an 18-digit serial that is no birth date', '202311150000012342'],
    ['a 20-digit run holding an ID', '33020319880315123600'],
    ['an office number', '办公电话：0574-87654321'],
    ['the 12345 hotline', '政务服务便民热线 12345'],
    ['a 400 number', '客服 400-800-1234'],
    ['a mobile given as a hotline', '咨询电话：13857400000'],
    ['an 索引号', '索引号：11330200002961234X/2026-00123'],
    ['a 网站标识码', '网站标识码：3302000001'],
    ['an ICP number', '浙ICP备05012345号-1'],
    ['a 公安备案 number', '浙公网安备 33020302000123号'],
    ['a date-time run', '办结时间 20261103143000 或 20261103143005123'],
    ['a Luhn-valid number with a card BIN but no card label', '案件编号 4367421234567896'],
    ['a Luhn-valid order number not from a card BIN', '订单 2026110314300512'],
    ['an amount in yuan', '政府集中采购金额 13225290916元'],
    ['an amount with a decimal part', '合计 13225290916.50'],
    ['a count of people', '累计服务 13800000000 人次'],
  ])('%s', (_name, text) => {
    expect(detect(text)).toEqual({ unmasked: [], underMasked: [] })
  })
})

describe('masks that show too much', () => {
  it.each([
    ['an ID with 10 leading digits', '3302031988****1236', 'idCard', 14],
    ['an ID masked with X showing its birth year', '3302031988XXXX002X', 'idCard', 14],
    ['a mobile showing 7 leading digits', '1396785****', 'mobile', 7],
    ['a mobile with one masked digit', '13967*54321', 'mobile', 10],
  ])('%s', (_name, text, kind, visible) => {
    const found = detect(`周某 ${text}`)
    expect(found.unmasked).toEqual([])
    expect(found.underMasked.map((h) => [h.kind, h.visible])).toEqual([[kind, visible]])
    // What the finding shows is re-masked to the allowed shape, so it shows no more than a proper mask would.
    expect(found.underMasked[0].masked.replace(/\*/g, '').length).toBeLessThanOrEqual(kind === 'mobile' ? 7 : 10)
  })
  it('the allowed visible digits come from the pack', () => {
    const strict = packParams()
    strict.mobile.visibleHead = 0
    expect(detectPersonalNumbers('张某 138****1234', strict, AS_OF).underMasked).toHaveLength(1)
  })
})

describe('the page finding', () => {
  const fail = readFileSync(join(FIXTURES, 'fail-low-income-list.html'), 'utf8')
  const FULL = ['330203198803151236', '350205199207084568', '11010519491231002X', '13857412345', '13967854321']

  it('one fail summarising counts per kind, with masked examples', () => {
    const findings = own(fail)
    expect(findings).toHaveLength(1)
    const [f] = findings
    expect(f.status).toBe('fail')
    expect(f.severity).toBe('error')
    expect(f.message.zh).toContain('身份证号 3 个、手机号 2 个')
    expect(f.data).toMatchObject({ idCard: 3, mobile: 2, bankCard: 0, underMasked: 0 })
    // Page order, up to the pack's three.
    expect(f.data!.examples).toEqual(['330203********1236', '138****2345', '350205********4568'])
    expect(f.evidence.zh).toContain('330203********1236')
  })

  it('never carries a full number: message, evidence, data, locator, CSV', () => {
    const report = audit(fail, { url: 'https://www.example.gov.cn/gsgg/1.html', packs: [nationalPack()], asOf: AS_OF })
    const f = report.findings.find((x) => x.ruleId === 'personal-data')!
    const json = JSON.stringify(f)
    const csv = reportsToCsv([report], [nationalPack()]) + reportsToCsv([report], [nationalPack()], { lang: 'en' })
    for (const n of FULL) {
      expect(json).not.toContain(n)
      expect(csv).not.toContain(n)
    }
    expect(csv).toContain('330203********1236')
  })

  it('points at the cell of the first number, by path only, as the browser DOM has it', () => {
    const [f] = own(fail)
    // The fixture writes <table><tr> and a browser inserts the <tbody>; the path has to name it.
    expect(f.locator?.css).toMatch(/table > tbody > tr:nth-of-type\(2\) > td:nth-of-type\(3\)$/)
    expect(f.locator?.text).toBe('')
    const [g] = own(page('<table><tbody><tr><td>张某</td><td>330203198803151236</td></tr></tbody></table>'))
    expect(g.locator?.css).toMatch(/table > tbody > tr > td:nth-of-type\(2\)$/)
  })

  it('shows at most the pack’s number of examples', () => {
    const [f] = own(fail, [packWith((p) => (p.maxExamples = 1))])
    expect(f.data!.examples).toHaveLength(1)
    expect(f.evidence.zh).toBe('示例（本工具已遮盖）：330203********1236')
  })

  it('severity comes from the pack', () => {
    const pack = nationalPack()
    pack.rules.find((r) => r.kind === 'personal-data')!.severity = 'veto'
    expect(own(fail, [pack])[0].severity).toBe('veto')
  })

  it('a full number and a weak mask on one page: a fail that counts both', () => {
    const [f] = own(page('<p>张某 330203198803151236</p><p>李某 3302031988****1236</p>'))
    expect(f.status).toBe('fail')
    expect(f.message.zh).toContain('另有 1 个号码遮盖不足')
    expect(f.data).toMatchObject({ idCard: 1, underMasked: 1 })
  })

  it('a 惩戒公示 page with full numbers is a review that says why', () => {
    const [f] = own(readFileSync(join(FIXTURES, 'review-disciplinary-list.html'), 'utf8'))
    expect(f.status).toBe('review')
    expect(f.message.zh).toContain('惩戒公示')
    expect(f.data).toMatchObject({ idCard: 1, disciplinary: true })
  })

  it('a 行政处罚 page is no 惩戒公示: full numbers fail', () => {
    const [f] = own(page('<p>当事人：张某，身份证号码：330203198803151236</p>', '行政处罚决定书'))
    expect(f.status).toBe('fail')
  })

  it('a page with no visible text is a review, not a pass', () => {
    const [f] = own('<html><head><title>x</title></head><body><script>render()</script></body></html>')
    expect(f.status).toBe('review')
  })

  it('a GBK page is read like its UTF-8 twin', () => {
    const { html } = decodeHtml(readFileSync(join(FIXTURES, 'fail-low-income-list.gbk.html')))
    const [f] = own(html)
    expect(f.status).toBe('fail')
    expect(f.data).toMatchObject({ idCard: 2, mobile: 2 })
  })
})

describe.skipIf(!HAS_CORPUS)('the real corpus has no personal numbers to flag', () => {
  const files = HAS_CORPUS ? readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.html')) : []
  it.each(files)('%s', (file) => {
    const { html } = decodeHtml(readFileSync(join(CORPUS_DIR, file)))
    const findings = own(html)
    expect(findings.map((f) => [f.status, f.data?.idCard, f.data?.mobile, f.data?.bankCard, f.data?.underMasked])).toEqual([['pass', 0, 0, 0, 0]])
  })

  // The pages' main texts hold few long numbers; their whole text (footers with 网站标识码 and 公网安备 numbers, office
  // phones, 索引号, dates) holds many more, and none of them is a person's.
  it('the whole visible text of every page, footers included, gives no hit', () => {
    let runs = 0
    for (const file of files) {
      const { $ } = parseHtml(decodeHtml(readFileSync(join(CORPUS_DIR, file))).html)
      const text = visibleText(scanRoot($))
      runs += (text.match(/\d[\d-]{9,}/g) ?? []).length
      expect({ file, ...detect(text) }).toEqual({ file, unmasked: [], underMasked: [] })
    }
    expect(runs).toBeGreaterThan(50)
  })
})
