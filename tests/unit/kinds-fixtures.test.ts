// Every rule kind is tested on its own pages, laid out like axe-core's integration rules: one folder per kind under
// tests/fixtures/kinds/<kind>/ with a cases.json naming each page and the verdict an auditor expects of the kind on it
// (its worst status there). The meta-test fails when a page kind lacks a passing, a failing or a review case.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { audit } from '../../src/engine/audit.ts'
import { decodeHtml } from '../../src/engine/charset.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import { kinds } from '../../src/engine/rules/registry.ts'
import type { RulePack, Status } from '../../src/engine/types.ts'
import { REPO_ROOT } from '../support/corpus.ts'

interface Case {
  file: string
  expect: Status
  url?: string
  params?: Record<string, unknown>
}

const ROOT = join(REPO_ROOT, 'tests/fixtures/kinds')
const RANK: Record<Status, number> = { fail: 0, review: 1, pass: 2, 'n/a': 3 }
const pageKinds = Object.entries(kinds).filter(([, k]) => k.scope === 'page').map(([id]) => id)

function casesOf(kind: string): Case[] {
  const file = join(ROOT, kind, 'cases.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Case[]) : []
}

function packFor(kind: string, params: Record<string, unknown> | undefined): RulePack[] {
  const national = nationalPack()
  if (!params) return [national]
  const rule = national.rules.find((r) => r.kind === kind)!
  rule.params = { ...rule.params, ...params }
  return [national]
}

/** Kinds that report the tool's own limits, not the site: they can ask for review but never fail a page. */
const NEVER_FAIL = new Set(['extraction-limits'])

describe('every page kind has a pass, a fail and a review case', () => {
  it.each(pageKinds)('%s', (kind) => {
    const expected = new Set(casesOf(kind).map((c) => c.expect))
    expect([...expected].sort()).toEqual(expect.arrayContaining(NEVER_FAIL.has(kind) ? ['pass', 'review'] : ['fail', 'pass', 'review']))
  })
})

describe.each(pageKinds)('%s on its fixtures', (kind) => {
  const cases = casesOf(kind)
  it.each(cases.map((c) => [c.file, c] as const))('%s', (_name, c) => {
    const bytes = readFileSync(join(ROOT, kind, c.file))
    const { html } = decodeHtml(bytes)
    // A GBK fixture decoded as anything else would show as mojibake; guard against a test that passes on garbage.
    expect(html).not.toContain('\uFFFD')
    const url = c.url ?? `https://www.example.gov.cn/fixtures/${kind}/${c.file.split('/').pop()}`
    const report = audit(html, { url, packs: packFor(kind, c.params), asOf: '2026-11-27' })
    const own = report.findings.filter((f) => f.ruleId === kind)
    expect(own.length).toBeGreaterThan(0)
    const worst = own.reduce((a, f) => (RANK[f.status] < RANK[a] ? f.status : a), 'n/a' as Status)
    expect({ kind, file: c.file, worst }).toEqual({ kind, file: c.file, worst: c.expect })
    // Whatever the verdict, a finding says what was found and what was required, in both languages.
    for (const f of own) {
      expect(f.evidence.zh && f.evidence.en && f.expected.zh && f.expected.en).toBeTruthy()
      expect(f.source).toBe(nationalPack().rules.find((r) => r.kind === kind)!.source)
    }
  })
})

describe('every kind has its help where the popup and report read it', () => {
  it.each(Object.keys(kinds))('%s', async (kind) => {
    const { KIND_HELP } = await import('../../src/engine/rules/help.ts')
    const help = kinds[kind as keyof typeof kinds].help
    expect(KIND_HELP[kind]).toBe(help)
    expect(help.checks.zh && help.checks.en && help.fix.zh && help.fix.en).toBeTruthy()
  })
})
