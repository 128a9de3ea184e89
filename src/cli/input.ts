// Turns one command-line input (a saved file or an http(s) address) into decoded HTML. Every failure becomes an
// InputError with a one-line zh + en reason, so main can name the input and carry on with the others.
import type { Dirent } from 'node:fs'
import { open, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_MAX_BYTES, InputError, decodeHtml, tooLargeError } from '../engine/charset.ts'
import { readCapped } from '../shared/read-capped.ts'

export interface LoadedPage {
  /** The input as given on the command line. */
  source: string
  /** The page's address: --url for a file, the final address after redirects for a fetched page. */
  url: string | null
  html: string
  charset: string
  warnings: string[]
}

export interface LoadOptions {
  url?: string | null
  timeoutMs?: number
  maxBytes?: number
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i

/** Things that were meant as web addresses, even when mistyped (`http//x`, `https:/x`, `ftp://x`). */
function looksLikeUrl(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /^https?(:|\/\/|:\/)/i.test(s)
}

export function isHttpUrl(s: string): boolean {
  return /^https?:\/\//i.test(s) && URL.canParse(s)
}

/** Reads at most `maxBytes` (a file can grow between stat and read): past that the input is refused as too large. */
async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  const fh = await open(path, 'r')
  try {
    const chunks: Buffer[] = []
    let total = 0
    const buf = Buffer.alloc(1 << 16)
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null)
      if (bytesRead === 0) break
      total += bytesRead
      if (total > maxBytes) throw tooLargeError(null, maxBytes)
      chunks.push(Buffer.from(buf.subarray(0, bytesRead)))
    }
    return new Uint8Array(Buffer.concat(chunks))
  } finally {
    await fh.close()
  }
}

export async function loadInput(source: string, opts: LoadOptions = {}): Promise<LoadedPage> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  if (isHttpUrl(source)) return fetchPage(source, opts.timeoutMs ?? 20_000, maxBytes)
  let bytes: Uint8Array
  try {
    const st = await stat(source)
    if (st.isDirectory()) throw new InputError('这是目录，不是文件 / this is a directory, not a file')
    // A device or a pipe reports size 0 and may never end (/dev/zero): only regular files are pages.
    if (!st.isFile()) throw new InputError('不是普通文件（设备、管道或套接字）/ not a regular file (device, pipe or socket)')
    // Checked before reading, so a huge file is refused without loading it into memory.
    if (st.size > maxBytes) throw tooLargeError(st.size, maxBytes)
    bytes = await readFileCapped(source, maxBytes)
  } catch (e) {
    if (e instanceof InputError) throw e
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' && looksLikeUrl(source)) {
      throw new InputError('不是有效的 http(s) 网址，也不是已有文件 / not a valid http(s) address, and no such file')
    }
    if (code === 'ENOENT') throw new InputError('文件不存在 / no such file')
    if (code === 'EACCES' || code === 'EPERM') throw new InputError('无权读取该文件 / permission denied')
    throw new InputError(`无法读取文件 / cannot read the file: ${(e as Error).message}`)
  }
  const d = decodeHtml(bytes, { maxBytes })
  return { source, url: opts.url ?? null, html: d.html, charset: d.charset, warnings: d.warnings }
}

async function fetchPage(address: string, timeoutMs: number, maxBytes: number): Promise<LoadedPage> {
  let res: Response
  try {
    res = await fetch(address, {
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        // Header values must be ASCII (fetch rejects anything else).
        'user-agent': 'Mozilla/5.0 (compatible; disclosure-audit)',
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
      },
    })
  } catch (e) {
    throw networkError(e, timeoutMs)
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {})
    throw new InputError(`服务器返回 HTTP ${res.status} / the server answered HTTP ${res.status} ${res.statusText}`.trim())
  }
  const contentType = res.headers.get('content-type')
  if (contentType && !HTML_TYPES.test(contentType.trim())) {
    await res.body?.cancel().catch(() => {})
    throw new InputError(`不是网页（Content-Type: ${contentType}）/ not an HTML page (Content-Type: ${contentType})`)
  }
  const declared = Number(res.headers.get('content-length') ?? NaN)
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => {})
    throw tooLargeError(declared, maxBytes)
  }
  let bytes: Uint8Array
  try {
    const body = await readCapped(res, maxBytes)
    if (body.truncated) throw tooLargeError(null, maxBytes)
    bytes = body.bytes
  } catch (e) {
    if (e instanceof InputError) throw e
    throw networkError(e, timeoutMs)
  }
  const d = decodeHtml(bytes, { contentType, maxBytes })
  return { source: address, url: res.url || address, html: d.html, charset: d.charset, warnings: d.warnings }
}

function networkError(e: unknown, timeoutMs: number): InputError {
  const err = e as Error & { cause?: { code?: string; message?: string } }
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return new InputError(`请求超时（${Math.round(timeoutMs / 1000)} 秒）/ request timed out after ${Math.round(timeoutMs / 1000)} s`)
  }
  const detail = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e)
  return new InputError(`无法访问该网址 / could not fetch the address: ${detail}`)
}

const PAGE_FILE = /\.s?html?$/i

/**
 * The inputs with every directory replaced by the .html/.htm/.shtml files under it (subdirectories too), in name
 * order; files and URLs pass as given. Lazy, so a directory of many thousands of pages is listed one folder at a time.
 * A directory that cannot be read is reported through `onError` and skipped.
 */
export async function* expandInputs(inputs: string[], onError: (dir: string, message: string) => void): AsyncGenerator<string> {
  for (const source of inputs) {
    if (isHttpUrl(source)) {
      yield source
      continue
    }
    if (!(await isDirectory(source))) {
      yield source
      continue
    }
    let found = 0
    for await (const file of walkDirectory(source, onError)) {
      found++
      yield file
    }
    if (found === 0) onError(source, '目录中没有 .html/.htm 文件 / no .html/.htm files in this directory')
  }
}

/** Whether `source` names a local directory (false for a URL, a file, or nothing there: loadInput says why). */
export async function isDirectory(source: string): Promise<boolean> {
  if (isHttpUrl(source)) return false
  try {
    return (await stat(source)).isDirectory()
  } catch {
    return false
  }
}

async function* walkDirectory(dir: string, onError: (dir: string, message: string) => void): AsyncGenerator<string> {
  let entries: Dirent[]
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (e) {
    onError(dir, `无法读取目录 / cannot read the directory: ${(e as Error).message}`)
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* walkDirectory(path, onError)
    else if (entry.isFile() && PAGE_FILE.test(entry.name)) yield path
  }
}
