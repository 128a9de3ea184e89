// 弹窗里的严重表述错误：规则有一行，详情栏给出错误写法的上下文、正确写法与整改说明；引用的上下文中号码已掩码；
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

describe('严重表述错误在弹窗中', () => {
  it('有一行；详情栏显示正确写法与整改说明；引用的上下文不含完整号码', async () => {
    const url = `${pages.origin('www.serious.gov.cn')}/serious/list.html`
    const page = await h.context.newPage()
    await page.goto(url)
    const report = await waitForReport(h, url)
    const serious = report.findings.find((f) => f.ruleId === 'serious-errors')!
    expect([serious.status, serious.severity, serious.data?.hits]).toEqual(['fail', 'veto', 1])
    const popup = await h.openPopup(page)
    await until('弹窗给出结论', async () => (await popup.getByTestId('verdict').count()) === 1)
    const detail = popup.getByTestId('finding-detail')
    await popup.locator(`[data-testid="finding"][data-finding-id="${serious.id}"]`).focus()
    await poll(async () => detail.locator('dl').getAttribute('data-finding-id')).toBe(serious.id)
    const text = (await detail.innerText()).replace(/\s+/g, ' ')
    expect(text).toContain('国务院办工厅')
    expect(text).toContain('应为：国务院办公厅')
    expect(text).toContain(KIND_HELP['serious-errors'].fix.zh)
    expect(text).toContain('138****5678')
    expect(text).not.toContain('13812345678')
    expect(await axeViolations(popup)).toEqual([])
    await popup.close()
    await page.close()
  })
})
