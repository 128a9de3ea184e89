// personal-data over attachments, through the CLI: a saved page links a spreadsheet, a Word file, a PDF and an old
// .xls beside it; each linked file is read in Node and reported on the page, numbers masked in the JSON and the CSV.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../src/engine/types.ts'
import { attachmentTypeOf, readAttachmentText } from '../../src/attachments/read-text.ts'

const ROOT = join(import.meta.dirname, '../..')
const ID = '330203198506121233'
const PHONE = '13812345678'
const CARD = '6222021234567890128'
let dir = ''

/** A one-page PDF with one line of Helvetica text: the smallest file pdf.js reads as text. */
function pdfWith(line: string): Uint8Array {
  const stream = `BT /F1 12 Tf 72 720 Td (${line}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(body)
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pd-attach-'))
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('名单')
  sheet.addRow(['姓名', '身份证号', '联系电话'])
  sheet.addRow(['张某', ID, PHONE])
  writeFileSync(join(dir, '低保名单.xlsx'), Buffer.from(await book.xlsx.writeBuffer()))
  const { Document, Packer, Paragraph } = await import('docx')
  const doc = new Document({ sections: [{ children: [new Paragraph('补贴发放名单：王某，收款账号 ' + CARD), new Paragraph('李某 330203********1233')] }] })
  writeFileSync(join(dir, '补贴名单.docx'), await Packer.toBuffer(doc))
  writeFileSync(join(dir, 'clean.pdf'), pdfWith('Notice 2026-11-02, hotline 0574-87654321'))
  writeFileSync(join(dir, 'phones.pdf'), pdfWith(`Contact ${PHONE}`))
  writeFileSync(join(dir, '旧表.xls'), 'not read')
  writeFileSync(join(dir, 'broken.docx'), 'not a zip')
  writeFileSync(
    join(dir, 'page.html'),
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>2026年10月低保对象名单公示</title></head><body>
<div class="article"><h1>2026年10月低保对象名单公示</h1><p>现将名单公示如下，详见附件，公示期七天。</p>
<p><a href="低保名单.xlsx">附件1：低保名单.xlsx</a></p><p><a href="补贴名单.docx">附件2：补贴名单.docx</a></p>
<p><a href="clean.pdf">附件3：公告.pdf</a></p><p><a href="phones.pdf">附件4：联系表.pdf</a></p>
<p><a href="旧表.xls">附件5：旧表.xls</a></p><p><a href="broken.docx">附件6：损坏.docx</a></p><p><a href="missing.pdf">附件7</a></p></div></body></html>`,
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function cli(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/disclosure-audit.js', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout }))
  })
}

describe('attachment text in Node', () => {
  it('names the type by extension, query ignored', () => {
    expect(['a.XLSX?x=1', 'b.docx#p', 'c.pdf', 'd.xls', 'e.doc', 'f.html'].map(attachmentTypeOf)).toEqual(['xlsx', 'docx', 'pdf', 'xls', 'doc', null])
  })
  it('reads a PDF’s text', async () => {
    expect(await readAttachmentText(pdfWith(`Contact ${PHONE}`), 'pdf')).toContain(PHONE)
  })
})

describe('CLI: attachments of a saved page', () => {
  it('reports each attachment on the page, masked, with the old format and unreadable files as review', async () => {
    const r = await cli([join(dir, 'page.html'), '--as-of', '2026-11-27', '--format', 'json'])
    expect(r.code).toBe(1)
    const findings = (JSON.parse(r.stdout) as { pages: { findings: Finding[] }[] }).pages[0].findings.filter((f) => f.section === '个人信息（附件）')
    const by = (name: string) => findings.find((f) => f.message.zh.includes(name))!
    expect(by('低保名单.xlsx')).toMatchObject({ status: 'fail', data: { idCard: 1, mobile: 1 } })
    expect(by('补贴名单.docx')).toMatchObject({ status: 'fail', data: { bankCard: 1 } })
    expect(by('公告.pdf').status).toBe('pass')
    expect(by('联系表.pdf')).toMatchObject({ status: 'fail', data: { mobile: 1 } })
    expect(by('旧表.xls').status).toBe('review')
    expect(by('旧表.xls').message.zh).toContain('SheetJS')
    expect(by('损坏.docx').status).toBe('review')
    expect(by('附件7').status).toBe('review')
    expect(by('低保名单.xlsx').locator?.css).toMatch(/ > a$/)
    expect(by('低保名单.xlsx').evidence.zh).toContain('330203********1233')
    for (const full of [ID, PHONE, CARD]) expect(r.stdout).not.toContain(full)
  }, 60_000)

  it('the CSV carries no full number either', async () => {
    const r = await cli([join(dir, 'page.html'), '--as-of', '2026-11-27', '--format', 'csv'])
    expect(r.stdout).toContain('个人信息（附件）')
    for (const full of [ID, PHONE, CARD]) expect(r.stdout).not.toContain(full)
  }, 60_000)
})
