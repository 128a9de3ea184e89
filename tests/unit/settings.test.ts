import { describe, expect, it } from 'vitest'
import { audit } from '../../src/engine/audit.ts'
import { nationalPack, PackError } from '../../src/engine/pack.ts'
import { BODY_DEADLINES } from '../../src/engine/terms.ts'
import { formatBundled } from '../../src/shared/i18n.ts'
import {
  asOfFor,
  bodyTypeFor,
  DEFAULT_SETTINGS,
  packErrorText,
  packsFor,
  parsePackFile,
  parseSettings,
  readSettings,
  saveSettings,
  SETTINGS_KEY,
  type Settings,
} from '../../src/shared/settings.ts'
import zhMessages from '../../_locales/zh_CN/messages.json' with { type: 'json' }

const settings = (over: Partial<Settings> = {}): Settings => ({ ...structuredClone(DEFAULT_SETTINGS), ...over }) as Settings

function memoryArea(initial: Record<string, unknown> = {}) {
  const data = { ...initial }
  return {
    data,
    async get(key: string) {
      return key in data ? { [key]: structuredClone(data[key]) } : {}
    },
    async set(items: Record<string, unknown>) {
      Object.assign(data, structuredClone(items))
    },
  }
}

const timeliness = (packs: ReturnType<typeof packsFor>) =>
  packs.flatMap((p) => p.rules).filter((r) => r.kind === 'annual-report-timeliness').at(-1)!

describe('settings: defaults and the stored value', () => {
  it('nothing stored gives the defaults: today, automatic body type, every rule on, 10 working days, 90 days kept', () => {
    const read = parseSettings(undefined)
    expect(read.broken).toEqual([])
    expect(read.settings).toEqual(DEFAULT_SETTINGS)
    expect(read.settings).toMatchObject({ asOf: '', bodyType: 'auto', uiLang: 'auto', disabledRules: [], noticeDeadlineDays: 10, retentionDays: 90 })
  })

  it('a valid stored value is read back as saved', async () => {
    const area = memoryArea()
    const mine = settings({
      asOf: '2025-03-15',
      bodyType: 'department',
      siteBodyTypes: { 'www.example.gov.cn': 'government', 'a.gov.cn:8080': 'department' },
      uiLang: 'en',
      disabledRules: ['guide-elements'],
      auditorName: '张三',
      noticeDeadlineDays: 15,
      retentionDays: 0,
    })
    await saveSettings(mine, area)
    const read = await readSettings(area)
    expect(read.broken).toEqual([])
    expect(read.settings).toEqual(mine)
  })

  it('a broken field falls back to its default, says which, and keeps the valid fields', () => {
    const read = parseSettings({ asOf: '2025-02-30', bodyType: 'ministry', retentionDays: -1, noticeDeadlineDays: 2.5, auditorName: '李四', uiLang: 'zh' })
    expect(read.broken.sort()).toEqual(['asOf', 'bodyType', 'noticeDeadlineDays', 'retentionDays'])
    expect(read.settings.asOf).toBe('')
    expect(read.settings.bodyType).toBe('auto')
    expect(read.settings.retentionDays).toBe(90)
    expect(read.settings.noticeDeadlineDays).toBe(10)
    expect(read.settings.auditorName).toBe('李四')
    expect(read.settings.uiLang).toBe('zh')
  })

  it('a value that is not an object at all gives the defaults and names every field', () => {
    const read = parseSettings('garbage')
    expect(read.settings).toEqual(DEFAULT_SETTINGS)
    expect(read.broken).toContain('asOf')
    expect(read.broken).toContain('retentionDays')
  })

  it('a per-site host that is not a host (a storage-key collision) is refused', () => {
    expect(parseSettings({ siteBodyTypes: { 'session:x': 'government' } }).broken).toEqual(['siteBodyTypes'])
    expect(parseSettings({ siteBodyTypes: { 'www.x.gov.cn': 'auto' } }).broken).toEqual(['siteBodyTypes'])
  })

  it('saving refuses what reading would throw away', async () => {
    const area = memoryArea()
    await expect(saveSettings(settings({ asOf: '15/03/2025' }), area)).rejects.toThrow(/asOf/)
    expect(area.data[SETTINGS_KEY]).toBeUndefined()
  })

  it('a stored local pack that no longer validates is reported and left out of the audit', () => {
    const read = parseSettings({ localPack: { id: 'mine', version: '1', title: { zh: '本地', en: 'local' }, rules: [{ id: 'x' }] }, localPackName: 'mine.json' })
    expect(read.packError).toMatch(/mine\.json/)
    expect(packsFor(read.settings, null).map((p) => p.id)).toEqual(['national'])
  })
})

describe('settings: the audit terms they give', () => {
  it('as-of: empty is today in Asia/Shanghai, a date is that date', () => {
    // 2025-06-30 17:00 UTC is already 07-01 in Beijing
    expect(asOfFor(settings(), new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01')
    expect(asOfFor(settings({ asOf: '2024-12-31' }), new Date('2025-06-30T17:00:00Z'))).toBe('2024-12-31')
  })

  it('body type sets the annual-report deadline; a per-site choice overrides the global one; auto keeps the pack', () => {
    const national = timeliness([nationalPack()])
    const s = settings({ bodyType: 'government', siteBodyTypes: { 'bm.example.gov.cn': 'department' } })
    expect(bodyTypeFor(s, 'www.example.gov.cn')).toBe('government')
    expect(bodyTypeFor(s, 'bm.example.gov.cn')).toBe('department')
    expect(timeliness(packsFor(s, 'www.example.gov.cn')).params).toMatchObject({ deadline: BODY_DEADLINES.government, governmentDeadline: '03-31' })
    expect(timeliness(packsFor(s, 'bm.example.gov.cn')).params).toMatchObject({ deadline: '01-31', governmentDeadline: '01-31' })
    expect(timeliness(packsFor(settings(), 'x.gov.cn')).params).toEqual(national.params)
  })

  it('a switched-off rule is disabled in the packs, the others stay as the pack has them', () => {
    const packs = packsFor(settings({ disabledRules: ['guide-elements'] }), null)
    const rules = packs.flatMap((p) => p.rules)
    expect(rules.find((r) => r.id === 'guide-elements')?.enabled).toBe(false)
    expect(rules.filter((r) => r.id !== 'guide-elements').every((r) => r.enabled !== false)).toBe(true)
  })

  it('a switched-off rule is not run: every other rule still answers on the page, that one not at all', () => {
    const html = '<html><head><title>通知公告</title></head><body><h1>通知公告</h1></body></html>'
    const on = audit(html, { url: 'https://www.x.gov.cn/', packs: packsFor(settings(), null), asOf: '2025-01-02' })
    const off = audit(html, { url: 'https://www.x.gov.cn/', packs: packsFor(settings({ disabledRules: ['footer-identifiers'] }), null), asOf: '2025-01-02' })
    const ruleIds = (r: typeof on) => new Set(r.findings.map((f) => f.ruleId))
    expect(ruleIds(on).has('footer-identifiers')).toBe(true)
    expect(ruleIds(off).has('footer-identifiers')).toBe(false)
    expect([...ruleIds(off)].sort()).toEqual([...ruleIds(on)].filter((id) => id !== 'footer-identifiers').sort())
  })

  it('an imported local pack joins the national one, validated by the engine loader', () => {
    const file = JSON.stringify({
      id: 'local',
      version: '1',
      title: { zh: '本地', en: 'local' },
      rules: [{ id: 'annual-report-timeliness', kind: 'annual-report-timeliness', title: { zh: '年报', en: 'AR' }, severity: 'warning', source: '本地', params: { deadline: '02-28' } }],
    })
    const { raw, pack } = parsePackFile(file, 'local.json')
    expect(pack.rules[0].params.governmentDeadline).toBe('03-31') // filled in from the national pack
    const packs = packsFor(settings({ localPack: raw, localPackName: 'local.json' }), null)
    expect(packs.map((p) => p.id)).toEqual(['national', 'local'])
    expect(timeliness(packs).params.deadline).toBe('02-28')
  })

  it('an invalid pack file throws a PackError whose message can be shown in one language', () => {
    let error: unknown
    try {
      parsePackFile('{"id": "x", "version": "1", "title": {"zh": "x", "en": "x"}, "rules": [{"id": "r", "kind": "no-such-kind"}]}', 'bad.json')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PackError)
    expect(packErrorText(error, 'zh')).toMatch(/^规则包 bad\.json 无效：规则 r 的/)
    expect(packErrorText(error, 'zh')).not.toMatch(/invalid/)
    expect(packErrorText(error, 'en')).toMatch(/^invalid rule pack bad\.json: rule r/)
    expect(() => parsePackFile('{not json', 'broken.json')).toThrow(/JSON 语法错误/)
  })
})

describe('bundled messages (a UI language chosen in the options)', () => {
  it('formats placeholders as chrome.i18n does', () => {
    expect(formatBundled(zhMessages, 'asOfLabel', '2025-01-02')).toBe('审计日期 2025-01-02')
    expect(formatBundled(zhMessages, 'termsInEffect', ['2025-01-02', '今天', '政府部门'])).toBe('审计日 2025-01-02（今天）· 主体类型：政府部门')
    expect(formatBundled({ k: { message: 'a $$ b $1' } }, 'k', 'x')).toBe('a $ b x')
    expect(formatBundled(zhMessages, 'no-such-key')).toBe('')
  })
})
