import { CORPUS_DIR } from '../support/corpus.ts'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { audit } from '../../src/engine/audit.ts'
import { nationalPack } from '../../src/engine/pack.ts'
import type { Finding } from '../../src/engine/types.ts'

const dir = CORPUS_DIR
const AS_OF = '2026-11-27'
const PAGE_RULES = new Set(['article-metadata', 'doc-number-format', 'publication-lag', 'date-consistency', 'footer-identifiers'])

const cache = new Map<string, Finding[]>()
function findings(file: string): Finding[] {
  let out = cache.get(file)
  if (!out) {
    const report = audit(readFileSync(join(dir, file), 'utf8'), { url: `https://corpus.example/${file}`, packs: [nationalPack()], asOf: AS_OF })
    out = report.findings.filter((f) => PAGE_RULES.has(f.ruleId))
    cache.set(file, out)
  }
  return out
}
const one = (file: string, ruleId: string, section: string): Finding | undefined =>
  findings(file).find((f) => f.ruleId === ruleId && f.section === section)

describe.skipIf(!existsSync(dir))('page-format rules on the real corpus', () => {
  it('cmse: only the ICP record is in the footer', () => {
    const f = 'detail-news-cmse.html'
    expect(one(f, 'footer-identifiers', '网站标识码')?.status).toBe('fail')
    expect(one(f, 'footer-identifiers', '公安机关备案编号')?.status).toBe('fail')
    expect(one(f, 'footer-identifiers', '党政机关网站标识')?.status).toBe('fail')
    expect(one(f, 'footer-identifiers', 'ICP备案编号')?.status).toBe('pass')
    expect(one(f, 'footer-identifiers', 'ICP备案编号')?.evidence.zh).toContain('京ICP备20027467号')
  })

  it.each(['xxgk-home-zwgk-pingtan.html', 'list-xxgknb-pingtan.html'])('%s: 公安备案号 wording and the IPv6-proxied conac link count', (f) => {
    expect(one(f, 'footer-identifiers', '公安机关备案编号')?.status).toBe('pass')
    expect(one(f, 'footer-identifiers', '党政机关网站标识')?.status).toBe('pass')
    expect(one(f, 'footer-identifiers', '网站标识码')?.evidence.zh).toContain('3590000001')
  })

  it('kepu: bm code passes, no 公网安备', () => {
    const f = 'detail-news-kepu.html'
    expect(one(f, 'footer-identifiers', '公安机关备案编号')?.status).toBe('fail')
    expect(one(f, 'footer-identifiers', '网站标识码')?.status).toBe('pass')
    expect(one(f, 'footer-identifiers', '网站标识码')?.evidence.zh).toContain('bm06000004')
  })

  it('fgw.zj: empty SiteIDCode meta beside a footer code is a review note, not a fail', () => {
    const meta = one('detail-touzi-fgw-zj.html', 'footer-identifiers', '网站标识码（SiteIDCode 元标签）')
    expect(meta?.status).toBe('review')
    expect(one('detail-touzi-fgw-zj.html', 'footer-identifiers', '网站标识码')?.status).toBe('pass')
  })

  it('wanzai 2015: PubDate five years after the visible date is a neutral review, never a fail', () => {
    const dc = findings('detail-tjgb2015-wanzai.html').filter((f) => f.ruleId === 'date-consistency')
    expect(dc.some((f) => f.status === 'fail')).toBe(false)
    const meta = dc.find((f) => f.section === 'PubDate')
    expect(meta?.status).toBe('review')
    expect(meta?.evidence.zh).toContain('2017-05-15')
    expect(meta?.evidence.zh).toContain('2022-04-24')
    expect(meta?.message.zh).not.toMatch(/伪造|造假|弄虚作假/)
  })

  it('gongbao: the 页面生成时间 meta is never used as a publication date', () => {
    const all = findings('detail-gongbao-govcn.html')
    expect(all.length).toBeGreaterThan(0)
    for (const f of all) {
      if (f.ruleId === 'footer-identifiers') continue
      expect(`${f.message.zh} ${f.evidence.zh}`).not.toContain('2023-10-23')
    }
  })

  it('yichun: 发文日期 serves as 成文日期, 发布机构 is found, no 文号 is not a failure', () => {
    const f = 'detail-tjgb2022-yichun.html'
    expect(one(f, 'article-metadata', '成文日期')?.status).toBe('pass')
    expect(one(f, 'article-metadata', '成文日期')?.evidence.zh).toContain('发文日期')
    expect(one(f, 'article-metadata', '发布机构')?.status).toBe('pass')
    expect(one(f, 'article-metadata', '索引号')?.status).toBe('pass')
    expect(one(f, 'article-metadata', '发文字号')?.status).not.toBe('fail')
    expect(findings(f).some((x) => x.ruleId === 'doc-number-format' && x.status === 'fail')).toBe(false)
  })

  it('nfra (rendered Angular page): labels with empty values are review, not missing', () => {
    const f = 'detail-xzcf-nfra-rendered.html'
    expect(one(f, 'article-metadata', '索引号')?.status).toBe('review')
    expect(findings(f).some((x) => x.ruleId === 'article-metadata' && x.status === 'fail')).toBe(false)
  })

  it('news pages outside 信息公开 are not asked for 索引号', () => {
    for (const f of ['detail-news-shanxi.html', 'detail-news-kepu.html', 'detail-news-cmse.html']) {
      const am = findings(f).filter((x) => x.ruleId === 'article-metadata')
      expect(am.map((x) => x.status)).toEqual(['n/a'])
    }
  })

  it('wrapped extracts without site chrome get one footer n/a, not five fails', () => {
    for (const f of ['annual-report-2019-shanghai.html', 'annual-report-2020-shanghai-city.html', 'guide-shanghai-gov.html']) {
      const footer = findings(f).filter((x) => x.ruleId === 'footer-identifiers')
      expect(footer.map((x) => x.status)).toEqual(['n/a'])
    }
  })

  it('no page-format rule reports at veto severity on any corpus page', () => {
    for (const f of ['detail-tjgb2015-wanzai.html', 'detail-tjgb2022-wanzai.html', 'detail-tjgb2022-jiangxi-on-yichun.html']) {
      expect(findings(f).some((x) => x.severity === 'veto')).toBe(false)
    }
  })
})
