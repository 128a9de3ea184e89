// 示例门户的静态服务器：演示与端到端测试共用。只监听 127.0.0.1，浏览器经 host-resolver-rules 把 *.gov.cn 映射过来。
// Static server for the sample portal, shared by `npm run demo` and the e2e tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import iconv from 'iconv-lite'

export interface Served {
  status?: number
  body: string | Buffer
  /** Full Content-Type; defaults from the path's extension. */
  contentType?: string
  headers?: Record<string, string>
}

export interface ServeOptions {
  /** 0 (default) lets the OS pick a free port, so parallel runs never collide. */
  port?: number
  /** The day `{{date:N}}` placeholders count from. Defaults to today in Asia/Shanghai, the auditor's own as-of day. */
  today?: string
  /** Milliseconds to hold a response, keyed by path, to imitate CMS list proxies that answer slowly. */
  delays?: Record<string, number>
  /** Checked before the file system: lets a test answer a path (or a whole host) with its own content. */
  override?: (req: IncomingMessage, path: string) => Served | undefined | Promise<Served | undefined>
}

export interface SiteServer {
  port: number
  /** `http://<host>:<port>` for a gov.cn host name mapped onto 127.0.0.1. */
  origin(host?: string): string
  close(): Promise<void>
}

export const DEMO_HOST = 'www.sample-gxq.gov.cn'

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.shtml': 'text/html',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
}

/** Today's date in China, where the audited sites and their deadlines live. */
export function shanghaiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

function shiftDays(iso: string, days: number): Date {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * Fills date placeholders so the portal's fresh columns stay fresh and its stale ones stay stale whatever day it is served:
 * `{{date:-3}}` 2026-11-24 · `{{datecn:-3}}` 2026年11月24日 · `{{md:-3}}` 11-24 · `{{year:-3}}` 2026 · `{{compact:-3}}` 20261124.
 */
export function renderTemplate(text: string, today: string): string {
  return text.replace(/\{\{(date|datecn|md|year|compact):(-?\d+)\}\}/g, (_m, kind: string, offset: string) => {
    const d = shiftDays(today, Number(offset))
    const y = d.getUTCFullYear()
    const m = d.getUTCMonth() + 1
    const day = d.getUTCDate()
    switch (kind) {
      case 'datecn':
        return `${y}年${pad(m)}月${pad(day)}日`
      case 'md':
        return `${pad(m)}-${pad(day)}`
      case 'year':
        return String(y)
      case 'compact':
        return `${y}${pad(m)}${pad(day)}`
      default:
        return `${y}-${pad(m)}-${pad(day)}`
    }
  })
}

/** The charset a page declares for itself; the header must agree with it or the browser shows mojibake. */
export function declaredCharset(bytes: Buffer): string {
  const head = bytes.subarray(0, 2048).toString('latin1')
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)
  return m ? m[1].toLowerCase() : 'utf-8'
}

/** Reads a site page and fills its placeholders, keeping the page's own encoding (GBK stays GBK bytes). */
export async function renderFile(file: string, today = shanghaiToday()): Promise<{ bytes: Buffer; charset: string }> {
  const raw = await readFile(file)
  const charset = declaredCharset(raw)
  if (charset === 'utf-8' || charset === 'utf8') {
    return { bytes: Buffer.from(renderTemplate(raw.toString('utf8'), today), 'utf8'), charset: 'utf-8' }
  }
  // GBK trail bytes include `{` and `}`, so placeholders are only safe to replace on decoded text.
  const text = renderTemplate(iconv.decode(raw, charset), today)
  return { bytes: iconv.encode(text, charset), charset }
}

function send(res: ServerResponse, served: Served, fallbackType: string) {
  res.writeHead(served.status ?? 200, {
    'Content-Type': served.contentType ?? fallbackType,
    'Cache-Control': 'no-store',
    ...served.headers,
  })
  res.end(served.body)
}

export async function serveSite(dir: string, opts: ServeOptions = {}): Promise<SiteServer> {
  const root = resolve(dir)
  const today = opts.today ?? shanghaiToday()

  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      const delay = opts.delays?.[path]
      if (delay) await new Promise((r) => setTimeout(r, delay))

      const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
      const own = await opts.override?.(req, path)
      if (own) return send(res, own, type)

      let file = normalize(join(root, path))
      if (file !== root && !file.startsWith(root + sep)) return send(res, { status: 403, body: 'forbidden' }, 'text/plain; charset=utf-8')
      const st = await stat(file).catch(() => null)
      if (st?.isDirectory()) file = join(file, 'index.html')
      const ext = extname(file).toLowerCase()
      const st2 = st?.isDirectory() ? await stat(file).catch(() => null) : st
      if (!st2?.isFile()) return send(res, { status: 404, body: '404 页面不存在' }, 'text/plain; charset=utf-8')

      if (ext === '.html' || ext === '.htm' || ext === '.shtml') {
        const { bytes, charset } = await renderFile(file, today)
        return send(res, { body: bytes, contentType: `text/html; charset=${charset}` }, type)
      }
      send(res, { body: await readFile(file) }, TYPES[ext] ?? 'application/octet-stream')
    } catch (err) {
      if (!res.headersSent) send(res, { status: 500, body: String(err) }, 'text/plain; charset=utf-8')
      else res.destroy()
    }
  })

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    port,
    origin: (host = DEMO_HOST) => `http://${host}:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        // Keep-alive sockets from the browser would otherwise hold close() open until they time out.
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}
