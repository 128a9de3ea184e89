// Draws the toolbar/store icons (16/32/48/128 px PNG) from a few shapes: a red rounded tile (the colour of 政务
// portals), a white document with text lines, and a gold magnifier with a check mark — "a page under inspection".
// Plain node (zlib for PNG deflate), 4×4 supersampling per pixel; run with `npx tsx scripts/draw-icons.ts`.
import { deflateSync } from 'node:zlib'
import { writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

type Rgba = [number, number, number, number]
/** A shape is a signed distance in 128-unit space (negative inside) plus its colour. */
interface Shape {
  dist: (x: number, y: number) => number
  color: Rgba
}

const roundRect = (x0: number, y0: number, x1: number, y1: number, r: number) => (x: number, y: number): number => {
  const cx = (x0 + x1) / 2
  const cy = (y0 + y1) / 2
  const hx = (x1 - x0) / 2 - r
  const hy = (y1 - y0) / 2 - r
  const dx = Math.abs(x - cx) - hx
  const dy = Math.abs(y - cy) - hy
  const outside = Math.hypot(Math.max(dx, 0), Math.max(dy, 0))
  return outside + Math.min(Math.max(dx, dy), 0) - r
}
const ring = (cx: number, cy: number, r: number, w: number) => (x: number, y: number): number => Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2
const disc = (cx: number, cy: number, r: number) => (x: number, y: number): number => Math.hypot(x - cx, y - cy) - r
const segment = (ax: number, ay: number, bx: number, by: number, w: number) => (x: number, y: number): number => {
  const px = x - ax
  const py = y - ay
  const vx = bx - ax
  const vy = by - ay
  const h = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)))
  return Math.hypot(px - vx * h, py - vy * h) - w / 2
}
const union = (...fs: ((x: number, y: number) => number)[]) => (x: number, y: number): number => Math.min(...fs.map((f) => f(x, y)))

const RED: Rgba = [183, 28, 28, 255]
const WHITE: Rgba = [255, 255, 255, 255]
const LINE: Rgba = [176, 190, 197, 255]
const GOLD: Rgba = [255, 193, 7, 255]
const DARK: Rgba = [93, 64, 55, 255]

function shapes(size: number): Shape[] {
  // Small icons drop the text lines: at 16 px they only blur the document into grey.
  const detail = size >= 32
  const out: Shape[] = [
    { dist: roundRect(4, 4, 124, 124, 24), color: RED },
    { dist: roundRect(22, 16, 80, 104, 7), color: WHITE },
  ]
  if (detail) for (const y of [32, 46, 60]) out.push({ dist: segment(32, y, 70, y, 6), color: LINE })
  out.push(
    { dist: disc(80, 78, 24), color: WHITE },
    { dist: ring(80, 78, 24, size >= 32 ? 9 : 12), color: GOLD },
    { dist: segment(97, 95, 114, 112, size >= 32 ? 12 : 15), color: GOLD },
    { dist: union(segment(69, 79, 77, 87, 7), segment(77, 87, 92, 69, 7)), color: size >= 32 ? DARK : RED },
  )
  return out
}

function render(size: number): Buffer {
  const scale = 128 / size
  const ss = 4
  const pixels = Buffer.alloc(size * size * 4)
  const layers = shapes(size)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) * scale
          const y = (py + (sy + 0.5) / ss) * scale
          let c: Rgba = [0, 0, 0, 0]
          for (const s of layers) if (s.dist(x, y) <= 0) c = s.color
          // Premultiplied accumulation so transparent corners do not darken the tile's edge.
          const al = c[3] / 255
          r += c[0] * al
          g += c[1] * al
          b += c[2] * al
          a += al
        }
      }
      const n = ss * ss
      const i = (py * size + px) * 4
      pixels[i] = a ? Math.round(r / a) : 0
      pixels[i + 1] = a ? Math.round(g / a) : 0
      pixels[i + 2] = a ? Math.round(b / a) : 0
      pixels[i + 3] = Math.round((a / n) * 255)
    }
  }
  return png(size, pixels)
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}
function png(size: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'icons')
mkdirSync(outDir, { recursive: true })
for (const size of [16, 32, 48, 128]) {
  const file = join(outDir, `icon-${size}.png`)
  writeFileSync(file, render(size))
  console.log(file)
}
