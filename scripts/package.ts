// npm run package: a fresh production build, zipped for the Chrome Web Store as disclosure-auditor-<version>.zip.
// The zip holds what the browser loads and nothing else: no source maps, no TypeScript, no tests or sample pages.
// Entries are sorted and dated alike, so the same build gives the same bytes.
//   tsx scripts/package.ts [--out DIR]   (default: the repository root)
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import JSZip from 'jszip'
import { build } from 'vite'

const ROOT = resolve(import.meta.dirname, '..')
// Zip timestamps are local DOS times; one fixed date keeps the archive reproducible.
const ENTRY_DATE = new Date(Date.UTC(2024, 0, 1))

/** Never shipped, even if a build starts emitting them. */
const DROPPED = /\.map$/i
/** Must never reach a build; if one does, the build configuration is wrong and packaging stops. */
const REFUSED: { test: RegExp; why: string }[] = [
  { test: /\.(ts|tsx|mts|cts)$/i, why: 'TypeScript source' },
  { test: /(^|\/)(tests?|demo|fixtures|corpus|e2e)\//i, why: 'tests or sample pages' },
  { test: /\.(test|spec)\.[cm]?js$/i, why: 'a test' },
]

function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) out.push(...filesUnder(full))
    else out.push(full)
  }
  return out
}

function versions(): { pkg: string; manifest: string } {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
  const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { version: string }
  return { pkg: pkg.version, manifest: manifest.version }
}

export async function packageExtension(outDir: string): Promise<{ file: string; bytes: number; entries: string[]; dropped: string[] }> {
  const v = versions()
  if (v.pkg !== v.manifest) {
    throw new Error(`package.json version ${v.pkg} differs from manifest.json version ${v.manifest}; make them the same before packaging`)
  }
  const buildDir = mkdtempSync(join(tmpdir(), 'da-package-'))
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: buildDir, emptyOutDir: true, sourcemap: false, minify: true },
    })
    const zip = new JSZip()
    const entries: string[] = []
    const dropped: string[] = []
    for (const full of filesUnder(buildDir).sort()) {
      const path = relative(buildDir, full).split(sep).join('/')
      if (DROPPED.test(path)) {
        dropped.push(path)
        continue
      }
      const refused = REFUSED.find((r) => r.test.test(path))
      if (refused) throw new Error(`the build contains ${refused.why}: ${path}`)
      zip.file(path, readFileSync(full), { date: ENTRY_DATE, createFolders: false })
      entries.push(path)
    }
    if (!entries.includes('manifest.json')) throw new Error('the build has no manifest.json at its root')
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' })
    const file = join(outDir, `disclosure-auditor-${v.pkg}.zip`)
    writeFileSync(file, bytes)
    return { file, bytes: bytes.byteLength, entries, dropped }
  } finally {
    rmSync(buildDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } })
  try {
    const r = await packageExtension(resolve(values.out ?? ROOT))
    console.log(`wrote ${relative(process.cwd(), r.file) || r.file}: ${r.bytes} bytes, ${r.entries.length} files${r.dropped.length ? ` (left out: ${r.dropped.join(', ')})` : ''}`)
  } catch (e) {
    console.error(`package: ${(e as Error).message}`)
    process.exitCode = 1
  }
}
