// Bytes → HTML text. Pure (TextDecoder exists in Node, in the service worker and in Chrome pages), so the CLI and the
// extension's site scan decode pages the same way. Many county and city portals still serve GBK/GB2312, often with a
// wrong or missing header, which is why the order below follows the HTML standard's sniffing order.

/** A page that cannot be audited at all (empty, binary, too big). The message is one line, Chinese first. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

export interface DecodeOptions {
  /** The HTTP Content-Type header, when the bytes came over HTTP. */
  contentType?: string | null
  /** Refuse inputs larger than this (default 20 MB). */
  maxBytes?: number
}

export type CharsetSource = 'bom' | 'header' | 'meta' | 'default' | 'sniffed'

export interface DecodedHtml {
  html: string
  /** The WHATWG encoding name actually used, e.g. `utf-8`, `gb18030`. */
  charset: string
  /** Where the charset came from. */
  charsetSource: CharsetSource
  /** Non-fatal problems (unknown label, guessed encoding), one line each, Chinese first. */
  warnings: string[]
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024

const SNIFF_BYTES = 4096

// GB2312 and GBK pages routinely contain characters only GB18030 maps (or that CMSs emit as GBK extensions);
// GB18030 is a strict superset, so decoding with it never loses text.
const GB_ALIASES = new Set(['gb2312', 'gbk', 'x-gbk', 'gb_2312', 'gb_2312-80', 'cp936', 'ms936', 'windows-936', 'csgb2312', 'chinese', 'iso-ir-58', 'csiso58gb231280', 'gb18030'])

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false
  return true
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0))

/** Names what kind of non-HTML file the bytes are, or null when they may be text. */
function binaryKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ascii('%PDF'))) return 'PDF 文件 / a PDF file'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'PNG 图片 / a PNG image'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'JPEG 图片 / a JPEG image'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'GIF 图片 / a GIF image'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'WebP 图片 / a WebP image'
  // "BM" alone could open a text file; the BMP header's reserved bytes 6–9 are always zero.
  if (startsWith(bytes, ascii('BM')) && bytes.length >= 14 && bytes[6] === 0 && bytes[7] === 0 && bytes[8] === 0 && bytes[9] === 0) {
    return 'BMP 图片 / a BMP image'
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return 'ZIP 压缩包或 Office 文档（docx/xlsx）/ a ZIP archive or Office document (docx/xlsx)'
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return '旧版 Office 文档（doc/xls/ppt）/ a legacy Office document (doc/xls/ppt)'
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip 压缩文件 / gzip-compressed data'
  const end = Math.min(bytes.length, 1024)
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return '二进制文件 / a binary file'
  return null
}

function bomCharset(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8'
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le'
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be'
  return null
}

/** `charset=` from a Content-Type value, quoted or not. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^;\s]+))/i.exec(contentType)
  const label = (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim()
  return label || null
}

/** The charset a page declares in a `<meta>` within its first 4 KB (comments skipped), or null. */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  // latin1 keeps one char per byte, so ASCII markup survives whatever the real encoding is.
  let head = ''
  const end = Math.min(bytes.length, SNIFF_BYTES)
  for (let i = 0; i < end; i += 8192) head += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 8192)))
  head = head.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
  const metaRe = /<meta\b[^>]*>/gi
  for (let m = metaRe.exec(head); m; m = metaRe.exec(head)) {
    const tag = m[0]
    const direct = /\scharset\s*=\s*["']?\s*([^\s"'/>;]+)/i.exec(tag)
    if (direct) return direct[1]
    if (/http-equiv\s*=\s*["']?\s*content-type/i.test(tag)) {
      const content = /\scontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag)
      const label = charsetFromContentType(content?.[1] ?? content?.[2] ?? content?.[3] ?? '')
      if (label) return label.replace(/^["']|["']$/g, '')
    }
  }
  return null
}

/** A TextDecoder for a label, or null when the platform does not know it. */
function decoderFor(label: string): TextDecoder | null {
  let l = label.trim().toLowerCase()
  if (GB_ALIASES.has(l)) l = 'gb18030'
  // A page cannot really be UTF-16 if its meta was readable as ASCII; the HTML standard maps it to UTF-8.
  if (/^utf-16/.test(l)) l = 'utf-8'
  try {
    return new TextDecoder(l)
  } catch {
    return null
  }
}

function countReplacement(s: string): number {
  let n = 0
  for (let i = s.indexOf('\uFFFD'); i !== -1; i = s.indexOf('\uFFFD', i + 1)) n++
  return n
}

/** `size` null: the size is unknown (a stream cut at the limit), only that it is over. */
export function tooLargeError(size: number | null, maxBytes: number): InputError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
  if (size === null) {
    return new InputError(`文件过大（超过上限 ${mb(maxBytes)} MB）/ the input is too large (over the ${mb(maxBytes)} MB limit)`)
  }
  return new InputError(`文件过大（${mb(size)} MB，上限 ${mb(maxBytes)} MB）/ the input is too large (${mb(size)} MB, limit ${mb(maxBytes)} MB)`)
}

export function decodeHtml(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedHtml {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  if (bytes.length === 0) throw new InputError('文件为空 / the input is empty')
  if (bytes.length > maxBytes) throw tooLargeError(bytes.length, maxBytes)
  const warnings: string[] = []
  const bom = bomCharset(bytes)
  if (bom) {
    return { html: new TextDecoder(bom).decode(bytes), charset: bom, charsetSource: 'bom', warnings }
  }
  const kind = binaryKind(bytes)
  if (kind) throw new InputError(`不是网页：这是${kind.split(' / ')[0]} / not an HTML page: this is ${kind.split(' / ')[1]}`)

  const candidates: Array<[CharsetSource, string | null]> = [
    ['header', charsetFromContentType(opts.contentType)],
    ['meta', sniffMetaCharset(bytes)],
  ]
  for (const [source, label] of candidates) {
    if (!label) continue
    const dec = decoderFor(label)
    if (!dec) {
      const where = source === 'header' ? 'HTTP 头' : '<meta>'
      const whereEn = source === 'header' ? 'HTTP header' : '<meta>'
      warnings.push(`未知字符集“${label}”（${where}），已改用其他来源 / unknown charset label "${label}" (${whereEn}), fell back`)
      continue
    }
    return { html: dec.decode(bytes), charset: dec.encoding, charsetSource: source, warnings }
  }

  const utf8 = new TextDecoder('utf-8').decode(bytes)
  const bad = countReplacement(utf8)
  // A few U+FFFD can be genuine (a truncated page, one pasted byte); only switch when GB18030 reads clearly better.
  if (bad >= 4) {
    const gb = new TextDecoder('gb18030').decode(bytes)
    const gbBad = countReplacement(gb)
    if (gbBad * 10 < bad) {
      warnings.push(`未声明字符集，按 UTF-8 解码出现 ${bad} 处乱码，已按 GB18030 解码 / no charset declared; UTF-8 gave ${bad} invalid sequences, decoded as GB18030`)
      return { html: gb, charset: 'gb18030', charsetSource: 'sniffed', warnings }
    }
  }
  return { html: utf8, charset: 'utf-8', charsetSource: 'default', warnings }
}
