// axe-core, injected by the test: extension pages' CSP blocks script tags, so its source runs over the debugging
// protocol (page.evaluate), and its results are reduced to the serious and critical violations.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeProblem {
  id: string
  impact: string
  nodes: string[]
}

/** Serious and critical violations (colour contrast included) inside `include`, or the whole document. */
export async function axeViolations(page: Page, include?: string): Promise<AxeProblem[]> {
  await page.evaluate(axeSource)
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe
    const res = await axe.run(sel ? { include: [[sel]] } : document, { resultTypes: ['violations'] })
    return res.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`) }))
  }, include ?? null)
}
