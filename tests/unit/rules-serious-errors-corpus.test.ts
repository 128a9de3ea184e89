// serious-errors on the real pages: none of them misspells a name or set phrase of the word list (MANIFEST.md notes
// none), so any fail or review here is a false positive.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { audit } from '../../src/engine/audit.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import { CORPUS_DIR, HAS_CORPUS } from '../support/corpus.ts'

const files = HAS_CORPUS ? readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.html')) : []

describe.skipIf(!HAS_CORPUS)('serious-errors on the real corpus', () => {
  it.each(files)('%s: no false positive', (file) => {
    const html = readFileSync(join(CORPUS_DIR, file), 'utf8')
    const report = audit(html, { url: `https://corpus.example/${file}`, packs: [nationalPack()], asOf: '2026-11-27' })
    const own = report.findings.filter((f) => f.ruleId === 'serious-errors')
    expect(own).toHaveLength(1)
    expect(own.map((f) => [f.ruleId, f.status, f.message.zh]).filter(([, s]) => s !== 'pass')).toEqual([])
  })
})
