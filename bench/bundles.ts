// Which built chunks each part of the extension loads: the content script, the service worker, the report page at
// first load, and the chunks the report page fetches only on demand (the office exports). Read from dist/ as built,
// so the numbers and the "no exceljs/docx in the worker" check are about what ships.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Text only the office libraries carry (the part names of an .xlsx and a .docx package). */
export const OFFICE_MARKERS: Record<string, string> = { exceljs: 'xl/workbook.xml', docx: 'word/document.xml' }

const STATIC_IMPORT = /(?:\bimport|\bfrom)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g

function refs(dist: string, file: string, re: RegExp): string[] {
  const text = readFileSync(join(dist, file), 'utf8')
  return [...text.matchAll(re)].map((m) => relative(dist, normalize(join(dist, dirname(file), m[1]))))
}

/** The file and every chunk it imports statically, transitively (what loads before any code runs). */
export function staticClosure(dist: string, entry: string): string[] {
  const seen = new Set<string>()
  const walk = (file: string): void => {
    if (seen.has(file) || !existsSync(join(dist, file))) return
    seen.add(file)
    for (const next of refs(dist, file, STATIC_IMPORT)) walk(next)
  }
  walk(entry)
  return [...seen]
}

/** Chunks reached only through import() from the given closure, with their own static imports not already loaded. */
export function lazyChunks(dist: string, loaded: string[]): string[] {
  const out = new Set<string>()
  for (const file of loaded) {
    for (const target of refs(dist, file, DYNAMIC_IMPORT)) for (const c of staticClosure(dist, target)) if (!loaded.includes(c)) out.add(c)
  }
  return [...out]
}

export interface BundleGroup {
  name: string
  files: string[]
  raw: number
  gzip: number
  /** Office libraries found in these files (should be none but for the lazy export chunks). */
  office: string[]
}

function group(dist: string, name: string, files: string[]): BundleGroup {
  let raw = 0
  let gzip = 0
  const office = new Set<string>()
  for (const f of files) {
    const buf = readFileSync(join(dist, f))
    raw += buf.length
    gzip += gzipSync(buf, { level: 9 }).length
    const text = buf.toString('utf8')
    for (const [lib, marker] of Object.entries(OFFICE_MARKERS)) if (text.includes(marker)) office.add(lib)
  }
  return { name, files, raw, gzip, office: [...office] }
}

/** Entry points from the built manifest and the report page's HTML. */
export function bundleGroups(dist: string): BundleGroup[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    background: { service_worker: string }
    content_scripts: { js: string[] }[]
  }
  const content = manifest.content_scripts.flatMap((c) => c.js)
  const worker = staticClosure(dist, manifest.background.service_worker)
  const html = readFileSync(join(dist, 'src/report/index.html'), 'utf8')
  const entry = /<script[^>]+src="\/?([^"]+\.js)"/.exec(html)?.[1]
  // The page's entry awaits its UI modules by import() (after reading the language setting), so they load with it.
  const report = entry ? [...new Set([entry, ...refs(dist, entry, DYNAMIC_IMPORT)].flatMap((f) => staticClosure(dist, f)))] : []
  return [
    group(dist, 'content script', content.flatMap((f) => staticClosure(dist, f))),
    group(dist, 'service worker', worker),
    group(dist, 'report page (first load)', report),
    ...lazyChunks(dist, report).map((f) => group(dist, `report page, on demand: ${f}`, [f])),
  ]
}
