// The text of an office attachment, in Node only (CLI and site scan): each parser is loaded by dynamic import() when
// an attachment of its type is met, so none of them reaches the extension's content script or worker bundle.
// .xls and .doc (old binary formats) are not read: the one registry package for them (SheetJS xlsx 0.18.5) has
// unpatched advisories, so it is not a dependency.

export type AttachmentType = 'xlsx' | 'docx' | 'pdf' | 'xls' | 'doc'
export const READABLE: readonly AttachmentType[] = ['xlsx', 'docx', 'pdf']
const TYPES: readonly AttachmentType[] = ['xlsx', 'docx', 'pdf', 'xls', 'doc']

/** The attachment type an address names by its extension (query and fragment ignored), or null. */
export function attachmentTypeOf(href: string): AttachmentType | null {
  const path = href.split(/[?#]/)[0].toLowerCase()
  const ext = path.slice(path.lastIndexOf('.') + 1)
  return (TYPES as readonly string[]).includes(ext) ? (ext as AttachmentType) : null
}

/** Cells joined by spaces and rows by new lines, so numbers in adjacent cells never run together. */
async function xlsxText(bytes: Uint8Array): Promise<string> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  const lines: string[] = []
  book.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      const cells: string[] = []
      row.eachCell((cell) => cells.push(cell.text ?? ''))
      lines.push(cells.join(' '))
    })
  })
  return lines.join('\n')
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth')
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
  return value
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise
  try {
    const pages: string[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''))
    }
    return pages.join('\n')
  } finally {
    await doc.destroy()
  }
}

/** The attachment's text; throws on a file its parser cannot read (the caller reports it as a review). */
export async function readAttachmentText(bytes: Uint8Array, type: 'xlsx' | 'docx' | 'pdf'): Promise<string> {
  if (type === 'xlsx') return xlsxText(bytes)
  if (type === 'docx') return docxText(bytes)
  return pdfText(bytes)
}
