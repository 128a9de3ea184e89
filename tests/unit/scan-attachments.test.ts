// The CLI's site scan reads the attachments a scanned page links (.xlsx, .docx, .pdf) for personal numbers and
// reports them on that page, masked; .xls/.doc are named as not read; an oversized file is a review, not a pass.
import { beforeAll, describe, expect, it } from 'vitest'
import { readAttachmentText } from '../../src/cli/attachment-text.ts'
import { runScanCommand } from '../../src/cli/scan-command.ts'
import type { FetchLike, FetchResponse } from '../../src/scan/types.ts'
import { ATTACHMENT_MAX_BYTES } from '../../src/scan/types.ts'
import type { Finding } from '../../src/engine/types.ts'
import { docxOf, pdfOf, xlsxOf } from '../support/office-files.ts'

const ORIGIN = 'https://www.example.gov.cn'
const ASOF = '2026-11-27'
const FULL = ['330203198803151236', '350205199207084568', '13857412345', '13967854321', '6222021234567890128']

function page(links: string[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>2026年低保对象名单公示</title></head><body><div class="article"><h1>2026年低保对象名单公示</h1><p>现将名单公示如下，详见附件。</p>${links.map((l) => `<p><a href="${l}">${l}</a></p>`).join('')}</div></body></html>`
}

/** An in-memory site: HEAD answers with headers only, GET with the body (cut at maxBytes, as Node's adapter does). */
function site(files: Record<string, { type: string; body: Uint8Array }>, log: string[]): FetchLike {
  return async (url, init) => {
    log.push(`${init.method} ${new URL(url).pathname}`)
    const file = files[new URL(url).pathname]
    if (!file) return { status: 404, headers: { 'content-type': 'text/html' }, bytes: new Uint8Array(), url }
    const limit = init.maxBytes ?? Infinity
    const body = init.method === 'HEAD' ? new Uint8Array() : file.body.subarray(0, limit)
    const resp: FetchResponse = { status: 200, headers: { 'content-type': file.type }, bytes: body, truncated: file.body.length > limit, url }
    return resp
  }
}

async function scan(fetch: FetchLike): Promise<{ code: number; out: string; pageFindings: Finding[] }> {
  let out = ''
  const code = await runScanCommand(
    { url: `${ORIGIN}/gsgg/1.html`, asOf: ASOF, format: 'json', delayMs: 1, maxDepth: 0, progress: false },
    { stdout: (s) => void (out += s), stderr: () => undefined },
    fetch,
  )
  const json = JSON.parse(out) as { pages: { url: string; findings: Finding[] }[] }
  // The first entry is the site-level page (same address); the page's own audit follows it.
  const start = json.pages.filter((p) => p.url === `${ORIGIN}/gsgg/1.html`).at(-1)!
  return { code, out, pageFindings: start.findings.filter((f) => f.ruleId === 'personal-data') }
}

describe('reading attachments in Node', () => {
  it('xlsx, docx and pdf give their text, cells and runs kept apart', async () => {
    expect(await readAttachmentText(await xlsxOf([['张三', '330203198803151236', 13857412345]]), 'xlsx')).toBe('张三\t330203198803151236\t13857412345')
    expect(await readAttachmentText(await docxOf([['张三', '330203198803151236']]), 'docx')).toContain('330203198803151236')
    expect(await readAttachmentText(pdfOf(['Zhang 330203198803151236 13857412345']), 'pdf')).toContain('330203198803151236 13857412345')
  })
})

describe('a scan that reaches attachments', () => {
  let result: Awaited<ReturnType<typeof scan>>
  const log: string[] = []
  beforeAll(async () => {
    const html = new TextEncoder().encode(page(['/files/list.xlsx', '/files/list.docx', '/files/list.pdf', '/files/old.xls', '/files/masked.xlsx', '/files/big.pdf']))
    result = await scan(
      site(
        {
          '/gsgg/1.html': { type: 'text/html; charset=utf-8', body: html },
          '/files/list.xlsx': { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await xlsxOf([['姓名', '身份证号', '电话'], ['张某', '330203198803151236', '13857412345'], ['李某', '350205199207084568', 13967854321]]) },
          '/files/list.docx': { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: await docxOf([['姓名', '社保卡号'], ['赵某', '6222021234567890128']]) },
          '/files/list.pdf': { type: 'application/pdf', body: pdfOf(['Zhang 330203198803151236']) },
          '/files/old.xls': { type: 'application/vnd.ms-excel', body: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) },
          '/files/masked.xlsx': { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await xlsxOf([['张某', '330203********1236', '138****2345']]) },
          '/files/big.pdf': { type: 'application/pdf', body: new Uint8Array(ATTACHMENT_MAX_BYTES + 1) },
        },
        log,
      ),
    )
  }, 60_000)

  const byFile = (name: string): Finding | undefined => result.pageFindings.find((f) => String(f.data?.attachment).endsWith(name))

  it('reports each attachment with personal numbers on the page that links it, with counts', () => {
    expect(byFile('list.xlsx')).toMatchObject({ status: 'fail', section: '附件个人信息', data: { idCard: 2, mobile: 2 } })
    expect(byFile('list.docx')).toMatchObject({ status: 'fail', data: { bankCard: 1 } })
    expect(byFile('list.pdf')).toMatchObject({ status: 'fail', data: { idCard: 1 } })
    expect(byFile('list.xlsx')!.message.zh).toContain('list.xlsx')
  })

  it('names the old binary formats as not read, and an oversized file as not read', () => {
    expect(byFile('old.xls')).toMatchObject({ status: 'review', data: { read: false, reason: 'old-format' } })
    expect(byFile('big.pdf')).toMatchObject({ status: 'review', data: { read: false, reason: 'too-large' } })
    // The old format is named from its address: it is not downloaded for a read that cannot happen.
    expect(log.filter((l) => l === 'GET /files/old.xls')).toEqual([])
  })

  it('a properly masked attachment brings no finding', () => {
    expect(byFile('masked.xlsx')).toBeUndefined()
  })

  it('the output never carries a full number', () => {
    for (const n of FULL) expect(result.out).not.toContain(n)
    expect(result.out).toContain('330203********1236')
    expect(result.code).toBe(1)
  })
})
