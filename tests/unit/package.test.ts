// `npm run package` as a store reviewer meets its output: the zip is unpacked (jszip) and its manifest checked against
// the files it names and the permissions the README explains. Runs the real script: a fresh production build.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string> }

interface Manifest {
  manifest_version: number
  name: string
  version: string
  default_locale?: string
  icons?: Record<string, string>
  action?: { default_popup?: string; default_icon?: Record<string, string> }
  background?: { service_worker?: string }
  content_scripts?: { js?: string[]; css?: string[] }[]
  options_ui?: { page?: string }
  options_page?: string
  permissions?: string[]
  host_permissions?: string[]
  optional_host_permissions?: string[]
}

/** The README's "Permissions and why" table: API permissions in backticks, host patterns on the `host` row. */
function readmePermissions(): { permissions: string[]; hosts: string[]; optionalHosts: boolean } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const start = readme.indexOf('| permission | why |')
  expect(start).toBeGreaterThan(-1)
  const rows = readme.slice(start).split('\n').slice(2).filter((l, i, all) => l.startsWith('|') && all.slice(0, i).every((p) => p.startsWith('|')))
  const permissions: string[] = []
  const hosts: string[] = []
  let optionalHosts = false
  for (const row of rows) {
    const cell = row.split('|')[1].trim()
    const named = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1])
    if (/^optional host/.test(cell)) optionalHosts = true
    else if (/^host\b/.test(cell)) hosts.push(...named)
    else permissions.push(...named)
  }
  return { permissions: permissions.sort(), hosts: hosts.sort(), optionalHosts }
}

let out: string
let run: { code: number | null; stdout: string; stderr: string }
let zip: JSZip
let zipBytes: number
const ZIP_NAME = `disclosure-auditor-${PKG.version}.zip`

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'da-zip-'))
  run = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/package.ts', '--out', out], { cwd: ROOT })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
  const bytes = readFileSync(join(out, ZIP_NAME))
  zipBytes = bytes.byteLength
  zip = await JSZip.loadAsync(bytes)
})
afterAll(() => rmSync(out, { recursive: true, force: true }))

const files = () => Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name)
const manifest = async () => JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest

describe('npm run package', () => {
  it('is the script npm runs, and writes only disclosure-auditor-<version>.zip', () => {
    expect(PKG.scripts.package).toMatch(/tsx scripts\/package\.ts/)
    expect(run.code).toBe(0)
    expect(readdirSync(out)).toEqual([ZIP_NAME])
    expect(run.stdout).toContain(`${zipBytes} bytes`)
  })

  it('has an MV3 manifest at the root, with the package version and a name the default locale resolves', async () => {
    const m = await manifest()
    expect(m.manifest_version).toBe(3)
    expect(m.version).toBe(PKG.version)
    const msg = /^__MSG_(\w+)__$/.exec(m.name)
    if (msg) {
      expect(m.default_locale).toBeTruthy()
      for (const locale of [m.default_locale!, 'en']) {
        const messages = JSON.parse(await zip.file(`_locales/${locale}/messages.json`)!.async('string')) as Record<string, { message: string }>
        expect(messages[msg[1]]?.message?.trim()).toBeTruthy()
      }
    } else {
      expect(m.name.trim()).toBeTruthy()
    }
  })

  it('holds every icon the manifest names, as PNGs of the stated size', async () => {
    const m = await manifest()
    const icons = { ...m.icons, ...m.action?.default_icon }
    expect(Object.keys(m.icons ?? {}).sort()).toEqual(['128', '16', '32', '48'])
    for (const [size, path] of Object.entries(icons)) {
      const png = await zip.file(path)?.async('uint8array')
      expect(png, path).toBeDefined()
      expect([...png!.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG')
      const view = new DataView(png!.buffer, png!.byteOffset)
      expect([view.getUint32(16), view.getUint32(20)]).toEqual([Number(size), Number(size)])
    }
  })

  it('holds every script and page the manifest names', async () => {
    const m = await manifest()
    const named = [
      m.background?.service_worker,
      m.action?.default_popup,
      m.options_ui?.page,
      m.options_page,
      ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
    ].filter((p): p is string => Boolean(p))
    expect(named.length).toBeGreaterThanOrEqual(3)
    for (const path of named) expect(files(), path).toContain(path)
  })

  it('asks for exactly the permissions the README explains', async () => {
    const m = await manifest()
    const readme = readmePermissions()
    expect([...(m.permissions ?? [])].sort()).toEqual(readme.permissions)
    expect([...(m.host_permissions ?? [])].sort()).toEqual(readme.hosts)
    expect((m.optional_host_permissions ?? []).length > 0).toBe(readme.optionalHosts)
  })

  it('ships no source maps, no TypeScript, no tests and no sample pages', async () => {
    const names = files()
    expect(names.filter((n) => n.endsWith('.map'))).toEqual([])
    expect(names.filter((n) => /\.(ts|tsx|mts|cts)$/.test(n))).toEqual([])
    expect(names.filter((n) => /(^|\/)(tests?|demo|fixtures|corpus|e2e)\//.test(n) || /\.(test|spec)\./.test(n))).toEqual([])
    for (const name of names.filter((n) => n.endsWith('.js') || n.endsWith('.css'))) {
      expect(await zip.file(name)!.async('string'), name).not.toMatch(/sourceMappingURL=/)
    }
    // Only what a browser loads: pages, scripts, styles, icons, strings and the manifest.
    expect(names.filter((n) => !/\.(js|css|html|png|json)$/.test(n))).toEqual([])
  })
})
