// 弹窗里的个人信息与严重表述错误：两条规则各有一行，详情栏给出掩码后的号码、正确写法与整改说明；弹窗中不出现完整号码；
// axe-core 无严重/重大问题。Needs `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { serveSite, type SiteServer } from '../../demo/server.ts'
import { launchExtension, repoRoot, type Harness } from './harness.ts'
import { axeViolations } from './axe.ts'
import { poll, until, waitForReport } from './support.ts'
import { KIND_HELP } from '../../src/engine/rules/help.ts'

let pages: SiteServer
let h: Harness

beforeAll(async () => {
  pages = await serveSite(join(repoRoot, 'tests/e2e/pages'))
  h = await launchExtension()
})

afterAll(async () => {
  await h?.close()
  await pages?.close()
})

describe('个人信息与严重表述错误在弹窗中', () => {
  it('两条规则各有一行；详情栏显示掩码号码与正确写法；弹窗不含完整号码', async () => {
    const url = `${pages.origin('www.personal.gov.cn')}/personal/list.html`
    const page = await h.context.newPage()
    await page.goto(url)
    const report = await waitForReport(h, url)
    const personal = report.findings.find((f) => f.ruleId === 'personal-data')!
    const serious = report.findings.find((f) => f.ruleId === 'serious-errors')!
    expect([personal.status, serious.status]).toEqual(['fail', 'fail'])
    const popup = await h.openPopup(page)
    await until('弹窗给出结论', async () => (await popup.getByTestId('verdict').count()) === 1)
    const detail = popup.getByTestId('finding-detail')

    await popup.locator(`[data-testid="finding"][data-finding-id="${personal.id}"]`).focus()
    await poll(async () => detail.locator('dl').getAttribute('data-finding-id')).toBe(personal.id)
    let text = (await detail.innerText()).replace(/\s+/g, ' ')
    expect(text).toContain('330203********1233')
    expect(text).toContain('138****5678')
    expect(text).toContain(KIND_HELP['personal-data'].fix.zh)

    await popup.locator(`[data-testid="finding"][data-finding-id="${serious.id}"]`).focus()
    await poll(async () => detail.locator('dl').getAttribute('data-finding-id')).toBe(serious.id)
    text = (await detail.innerText()).replace(/\s+/g, ' ')
    expect(text).toContain('应为：国务院办公厅')
    expect(text).toContain(KIND_HELP['serious-errors'].fix.zh)

    await popup.getByTestId('show-all').click()
    const whole = await popup.evaluate(() => document.body.innerText)
    expect(whole).not.toContain('330203198506121233')
    expect(whole).not.toContain('13812345678')
    expect(await axeViolations(popup)).toEqual([])
    await popup.close()
    await page.close()
  })
})
