// A local pack that only restates the national pack must judge every page exactly as the built-in one: nothing in
// code adds, overrides or fills in what the pack says.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import nationalJson from '../../rules/national.json' with { type: 'json' }
import { audit } from '../../src/engine/audit.ts'
import { decodeHtml } from '../../src/engine/charset.ts'
import { nationalPack, validatePack } from '../../src/engine/pack.ts'
import { CORPUS_DIR, HAS_CORPUS, REPO_ROOT } from '../support/corpus.ts'

const restated = () => validatePack({ ...structuredClone(nationalJson), id: 'restated' }, 'restated.json', { defaults: null })

function pages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f))
}

function sameJudgement(file: string): void {
  const { html } = decodeHtml(readFileSync(file))
  const opts = { url: `https://www.example.gov.cn/${file.split('/').pop()}`, asOf: '2026-11-27' }
  const builtIn = audit(html, { ...opts, packs: [nationalPack()] })
  const local = audit(html, { ...opts, packs: [restated()] })
  expect(local.findings).toEqual(builtIn.findings)
  expect(builtIn.findings.length).toBeGreaterThan(0)
}

describe('a pack restating the national pack judges identically', () => {
  it.each(pages(join(REPO_ROOT, 'tests/fixtures/kinds')).concat(pages(join(REPO_ROOT, 'tests/fixtures/rules'))))('%s', sameJudgement)
})

describe.skipIf(!HAS_CORPUS)('… on every corpus page', () => {
  it.each(HAS_CORPUS ? pages(CORPUS_DIR) : ['(no corpus)'])('%s', sameJudgement)
})
