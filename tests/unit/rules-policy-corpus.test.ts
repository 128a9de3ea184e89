// policy-interpretation, document-validity and interaction-response on the real pages (../shared/corpus/real). The
// corpus holds no 解读 page, no 规范性文件 page and no 留言 page, so what a careful auditor expects is silence: each
// rule says it does not apply. The nfra page carries a 留言选登 teaser (titles and 留言时间 only) in its side panel,
// which must not turn a 行政处罚 page into a message list.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { audit } from '../../src/engine/audit.ts'
import { buildPageModel } from '../../src/engine/page-model.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import { CORPUS_DIR, HAS_CORPUS } from '../support/corpus.ts'

const AS_OF = '2026-11-27'
const KINDS = ['policy-interpretation', 'document-validity', 'interaction-response']
const files = HAS_CORPUS ? readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.html')) : []

describe.skipIf(!HAS_CORPUS)('解读, 有效性 and 互动回应 rules on the real corpus', () => {
  it.each(files)('%s: none of the three applies', (file) => {
    const report = audit(readFileSync(join(CORPUS_DIR, file), 'utf8'), { url: `https://corpus.example/${file}`, packs: [nationalPack()], asOf: AS_OF })
    const own = report.findings.filter((f) => KINDS.includes(f.ruleId))
    expect(own.map((f) => [f.ruleId, f.status]).sort()).toEqual(KINDS.map((k) => [k, 'n/a']).sort())
  })

  it('the nfra 留言选登 teaser is read as a labelled list (4 messages with 留言时间), and still not judged', () => {
    const file = 'detail-xzcf-nfra-rendered.html'
    const model = buildPageModel(readFileSync(join(CORPUS_DIR, file), 'utf8'), { url: 'https://www.nfra.gov.cn/x.html', asOf: AS_OF })
    const teaser = model.recordLists?.find((l) => l.labels.includes('留言时间'))
    expect(teaser?.records.map((r) => r.fields.find((f) => f.label === '留言时间')?.value)).toHaveLength(4)
    expect(teaser?.records[0].fields).toEqual([{ label: '留言时间', value: '2025-04-27' }])
  })
})
