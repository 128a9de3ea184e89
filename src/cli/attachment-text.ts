// The text of an attachment, for the scan's personal-data check. The office-file libraries load here by dynamic
// import, in Node only: the extension never reads attachments. .xls/.doc are not read at all — the npm registry's
// SheetJS (xlsx 0.18.5) has unpatched advisories — and the scan says so in a review.
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import type { AttachmentFormat, AttachmentReader } from '../scan/types.ts'

/** Text beyond this is not read: the numbers of a list of thousands of rows are all seen well before it. */
const MAX_TEXT = 4_000_000
const MAX_PDF_PAGES = 200

async function xlsxText(bytes: Uint8Array): Promise<string> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  const lines: string[] = []
  let size = 0
  book.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      if (size > MAX_TEXT) return
      const cells: string[] = []
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.push(cell.text ?? '')
      })
      // Cells apart by a tab, rows by a newline: a number never runs into its neighbour.
      const line = cells.join('\t')
      size += line.length
      lines.push(line)
    })
  })
  return lines.join('\n')
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth')
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
  return value.slice(0, MAX_TEXT)
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // The package's character maps: Chinese PDFs often encode text through CID fonts that need them to yield Unicode.
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(root, 'cmaps') + sep,
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + sep,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Errors only: font warnings concern drawing, not the text layer.
    verbosity: 0,
  }).promise
  try {
    const pages: string[] = []
    let size = 0
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PDF_PAGES) && size < MAX_TEXT; n++) {
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      // Text runs apart by a space: two numbers side by side in a table never read as one.
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('')
      size += text.length
      pages.push(text)
      page.cleanup()
    }
    return pages.join('\n')
  } finally {
    await doc.destroy()
  }
}

export const readAttachmentText: AttachmentReader = (bytes: Uint8Array, format: AttachmentFormat): Promise<string> => {
  if (format === 'xlsx') return xlsxText(bytes)
  if (format === 'docx') return docxText(bytes)
  return pdfText(bytes)
}
