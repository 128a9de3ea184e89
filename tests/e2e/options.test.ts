// 设置页：审计日改变有日期列表的结论，弹窗写明审计日；关闭的规则不再运行；无效规则包显示错误；清除某网站的数据；
// axe-core 无严重问题。Needs `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { join } from 'node:path'
import { serveSite, type SiteServer } from '../../demo/server.ts'
import { todayInShanghai } from '../../src/engine/dates.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import { launchExtension, repoRoot, type Harness } from './harness.ts'
import { axeViolations } from './axe.ts'
import { poll, until, waitForReport } from './support.ts'

const TODAY = todayInShanghai()
const DAY = 86_400_000
const daysBefore = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10)
/** Five days after the newest 通知公告 entry (dated 250 days before the server's today): the column is fresh then. */
const AS_OF = daysBefore(TODAY, 245)
const HOST = 'www.options-dated.gov.cn'

let pages: SiteServer
let h: Harness
let url: string

beforeAll(async () => {
  pages = await serveSite(join(repoRoot, 'tests/e2e/pages'), { today: TODAY })
  h = await launchExtension()
  url = `${pages.origin(HOST)}/options/dated.html`
})

afterAll(async () => {
  await h?.close()
  await pages?.close()
})

async function openOptions(): Promise<Page> {
  const options = await h.context.newPage()
  await options.goto(`chrome-extension://${h.extId}/src/options/index.html`)
  await until('设置页显示规则开关', async () => (await options.getByTestId('rule-toggle').count()) > 0)
  return options
}

async function save(options: Page): Promise<void> {
  await options.getByTestId('save-options').click()
  await poll(() => options.getByTestId('options-status').getAttribute('role')).toBe('status')
}

const freshness = (r: { findings: { ruleId: string; status: string; section: string }[] }) =>
  r.findings.filter((f) => f.ruleId === 'column-freshness' && f.section.includes('通知公告')).map((f) => f.status)

describe('设置生效', () => {
  let page: Page

  it('审计日：默认今天时通知公告栏目超期；设为更早的日期后同一列表合格，弹窗写明该审计日', async () => {
    page = await h.context.newPage()
    await page.goto(url)
    const before = await waitForReport(h, url)
    expect(before.findings.length, '测试前提：页面已审计').toBeGreaterThan(0)
    expect(freshness(before)).toContain('fail')
    let popup = await h.openPopup(page)
    await poll(() => popup.getByTestId('verdict').getAttribute('data-verdict')).toBe('fail')
    await poll(() => popup.getByTestId('terms-in-effect').textContent()).toContain(`审计日 ${TODAY}（今天）`)
    await popup.close()

    const options = await openOptions()
    await options.getByTestId('as-of-date').fill(AS_OF)
    await save(options)
    await options.close()

    // Saving re-audits the open tab under the new as-of date, without a reload.
    const after = await until('按新审计日重新审计', async () => {
      const r = (await waitForReport(h, url)) as unknown as { asOf?: string; findings: { ruleId: string; status: string; section: string }[] }
      return r.asOf === AS_OF ? r : null
    })
    expect(freshness(after)).not.toContain('fail')
    expect(freshness(after)).toContain('pass')
    popup = await h.openPopup(page)
    await poll(() => popup.getByTestId('verdict').getAttribute('data-verdict')).not.toBe('fail')
    const terms = (await popup.getByTestId('terms-in-effect').textContent()) ?? ''
    expect(terms).toContain(`审计日 ${AS_OF}（设置中指定）`)
    expect(terms).toContain('主体类型：自动判断')
    await popup.close()

    const report = await h.context.newPage()
    await report.goto(`chrome-extension://${h.extId}/src/report/index.html?host=${encodeURIComponent(new URL(url).host)}`)
    await poll(() => report.getByTestId('terms-in-effect').textContent()).toContain(`审计日 ${AS_OF}（设置中指定）`)
    await report.close()
  })

  it('取消勾选一条规则：重新审计后该规则不再运行，弹窗里也没有它', async () => {
    const options = await openOptions()
    const toggle = options.locator('[data-testid="rule-toggle"][data-rule-id="footer-identifiers"]')
    expect(await toggle.isChecked()).toBe(true)
    // The checkbox is named by the rule's title (from the pack), as a screen reader says it.
    const title = nationalPack().rules.find((r) => r.id === 'footer-identifiers')!.title.zh
    expect(await options.getByRole('checkbox', { name: title, exact: true }).getAttribute('data-rule-id')).toBe('footer-identifiers')
    await toggle.uncheck()
    await save(options)
    await options.close()
    const report = await waitForReport(h, url, (r) => r.findings.length > 0 && !r.findings.some((f) => f.ruleId === 'footer-identifiers'))
    expect(report.findings.some((f) => f.ruleId === 'column-freshness')).toBe(true)
    const popup = await h.openPopup(page)
    await popup.getByTestId('verdict').waitFor()
    const rows = await popup.locator('[data-rule-id]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.ruleId))
    expect(rows).not.toContain('footer-identifiers')
    await popup.close()
  })

  it('按网站设定主体类型：部门的年报（2月15日发布）按 1月31日 不合格；该网站设为县级以上人民政府后按 3月31日 合格', async () => {
    const arUrl = `${pages.origin('www.options-annual.gov.cn')}/options/annual-report.html`
    const timeliness = (r: { findings: { ruleId: string; status: string }[] }) =>
      r.findings.filter((f) => f.ruleId === 'annual-report-timeliness').map((f) => f.status)
    const ar = await h.context.newPage()
    await ar.goto(arUrl)
    expect(timeliness(await waitForReport(h, arUrl))).toEqual(['fail'])

    const options = await openOptions()
    const site = new URL(arUrl).host
    await options.getByTestId('site-host').fill(site)
    await options.getByTestId('site-type').selectOption('government')
    await options.getByTestId('site-add').click()
    const entry = options.locator(`[data-testid="site-body-type"][data-host="${site}"]`)
    expect(await entry.getAttribute('data-body-type')).toBe('government')
    await save(options)

    await poll(async () => timeliness(await waitForReport(h, arUrl)), { message: '保存后该网站按 3月31日 重新审计' }).toEqual(['pass'])
    const popup = await h.openPopup(ar)
    await poll(() => popup.getByTestId('terms-in-effect').textContent()).toContain('主体类型：县级以上人民政府')
    await popup.close()
    // Other sites keep the global choice.
    const other = await h.openPopup(page)
    await poll(() => other.getByTestId('terms-in-effect').textContent()).toContain('主体类型：自动判断')
    await other.close()

    await entry.getByRole('button').click()
    await save(options)
    await poll(async () => timeliness(await waitForReport(h, arUrl))).toEqual(['fail'])
    await options.close()
    await ar.close()
  })

  it('无效的规则包文件：显示 pack-error，已用的规则包不变', async () => {
    const options = await openOptions()
    const before = await options.getByTestId('rule-toggle').count()
    const bad = JSON.stringify({ id: 'mine', version: '1', title: { zh: '本地', en: 'local' }, rules: [{ id: 'r1', kind: 'no-such-kind' }] })
    await options.getByTestId('pack-file').setInputFiles({ name: 'bad-pack.json', mimeType: 'application/json', buffer: Buffer.from(bad) })
    const error = options.getByTestId('pack-error')
    await poll(() => error.textContent()).toContain('规则包 bad-pack.json 无效')
    expect(await error.textContent()).toContain('规则 r1')
    expect(await error.getAttribute('role')).toBe('alert')
    expect(await options.getByTestId('rule-toggle').count()).toBe(before)
    expect(await options.getByTestId('pack-status').textContent()).toContain('未导入本地规则包')

    await options.getByTestId('pack-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"id": ') })
    await poll(() => error.textContent()).toContain('JSON 语法错误')
    await options.close()
  })

  it('设置页：axe-core 无严重/重大问题，中文界面', async () => {
    const options = await openOptions()
    expect(await axeViolations(options)).toEqual([])
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    for (const id of ['as-of-date', 'body-type', 'ui-lang', 'pack-file', 'auditor-name', 'retention-days', 'clear-site-data', 'save-options']) {
      expect(await options.getByTestId(id).count(), id).toBe(1)
    }
    const words = await options.evaluate(() => {
      const out: string[] = []
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) for (const w of (n.textContent ?? '').match(/[A-Za-z]{2,}/g) ?? []) out.push(w)
      return out
    })
    expect(words.filter((w) => w !== 'JSON'), '中文界面里没有英文单词').toEqual([])
    // Every field has an accessible name from its label.
    expect(await options.getByLabel('审计人员').count()).toBe(1)
    expect(await options.getByLabel('审计记录保留天数', { exact: false }).count()).toBe(1)
    await options.close()
  })

  it('界面语言选英文：弹窗与设置页改用英文（chrome.i18n 无法切换，页面用打包的英文文案）；改回"跟随浏览器"后恢复中文', async () => {
    let options = await openOptions()
    await options.getByTestId('ui-lang').selectOption('en')
    await save(options)
    await options.reload()
    await poll(() => options.locator('h1').textContent()).toBe('Disclosure Auditor · Options')
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('en')
    const popup = await h.openPopup(page)
    await poll(() => popup.getByTestId('terms-in-effect').textContent()).toContain(`As of ${AS_OF} (set in the options)`)
    await popup.close()
    await options.getByTestId('ui-lang').selectOption('auto')
    await save(options)
    await options.close()
    options = await openOptions()
    expect(await options.locator('h1').textContent()).toBe('政务公开巡检 · 设置')
    await options.close()
  })

  it('保留天数：保存后立即删除超过期限的已审计页面，期限内的页面保留', async () => {
    const options = await openOptions()
    const old = 'https://old.retention.gov.cn/a.html'
    const recent = 'https://old.retention.gov.cn/b.html'
    const host = 'old.retention.gov.cn'
    const days = (n: number) => new Date(Date.now() - n * DAY).toISOString()
    const stored = (u: string) => ({ url: u, title: 't', kind: 'other', asOf: TODAY, findings: [], notes: [] })
    await options.evaluate(
      (items) => chrome.storage.local.set(items),
      {
        [`session:${host}`]: { host, startedAt: days(40), urls: [old, recent], seenAt: { [old]: days(40), [recent]: days(2) } },
        [`session:${host}:page:${old}`]: stored(old),
        [`session:${host}:page:${recent}`]: stored(recent),
      },
    )
    await options.getByTestId('retention-days').fill('30')
    await save(options)
    await poll(async () => Object.keys(await h.storage()).filter((k) => k.startsWith(`session:${host}`)).sort()).toEqual(
      [`session:${host}`, `session:${host}:page:${recent}`].sort(),
    )
    const meta = (await h.storage())[`session:${host}`] as { urls: string[] }
    expect(meta.urls).toEqual([recent])
    await options.close()
  })

  it('清除某网站的数据：先确认，再说明清除了什么，会话从存储中消失', async () => {
    await page.close()
    // The site as the extension keys it: host and port, as the address bar shows it.
    const site = new URL(url).host
    const key = `session:${site}`
    expect(Object.keys(await h.storage())).toContain(key)
    const options = await openOptions()
    await options.getByTestId('clear-site-host').fill(site)
    await options.getByTestId('clear-site-data').click()
    const confirm = options.getByTestId('clear-site-confirm-box')
    await poll(() => confirm.textContent()).toContain(site)
    // Nothing is removed before the confirmation.
    expect(Object.keys(await h.storage())).toContain(key)
    await options.getByTestId('clear-site-confirm').click()
    const result = options.getByTestId('clear-site-result')
    await poll(() => result.textContent()).toContain(`已清除 ${site}：审计会话 1 个（页面 1 个）`)
    const left = Object.keys(await h.storage()).filter((k) => k.includes(site))
    expect(left).toEqual([])
    await options.close()
  })
})
