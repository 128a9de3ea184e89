// 端到端测试与演示共用的启动器：真实 Chromium + 构建好的扩展（dist/），gov.cn 主机名映射到本机。
// Shared by the e2e tests and `npm run demo`; it must not import vitest.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Finding } from '../../src/engine/types.ts'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const DIST = join(repoRoot, 'dist')
export const CORPUS_DIR = resolve(repoRoot, '../shared/corpus/real')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface LaunchOptions {
  /** Reuse a profile (to relaunch on the same storage); a fresh mkdtemp profile otherwise. */
  profileDir?: string
  headless?: boolean
  /** UI language for Chromium (LANGUAGE); zh_CN by default, as the product is Chinese first. */
  language?: string
  /** Keep the profile on close (the caller relaunches on it and removes it later). */
  keepProfile?: boolean
}

export interface Harness {
  context: BrowserContext
  extId: string
  profileDir: string
  /** The extension's live service worker; a stopped worker is woken by an extension page. */
  sw(): Promise<Worker>
  tabIdOf(page: Page): Promise<number>
  /** Opens the popup as a tab, pointed at `page`'s tab through `?tabId=` (the popup's "active tab" would be itself). */
  openPopup(page: Page | number): Promise<Page>
  /** Everything in chrome.storage.local, read inside the extension. */
  storage(): Promise<Record<string, unknown>>
  /**
   * A UI string as the extension shows it in this browser. Debian's Chromium ships only the en-US locale, so the UI
   * language (and the extension's) follows whatever locales are installed; tests compare against this, not a literal.
   */
  message(key: string, subs?: string[]): Promise<string>
  uiLanguage(): Promise<string>
  /** Stops every service worker (as Chrome does after ~30 s idle), keeping tabs and storage. */
  stopServiceWorker(): Promise<void>
  close(): Promise<void>
}

/**
 * Flags from reference/stack.md. Every other host is made unresolvable: saved corpus pages point at real CDNs and
 * analytics hosts, and a hermetic run must neither wait on them nor reach the internet.
 */
export function chromiumArgs(): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    `--disable-extensions-except=${DIST}`,
    `--load-extension=${DIST}`,
    '--host-resolver-rules=MAP *.gov.cn 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  ]
}

/** Chromium names an unpacked extension after its absolute path: sha256, first 32 hex digits spelled a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32)
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('')
}

/** Headed only when a person can see it: a display is set and this is not CI. */
export function wantHeadless(): boolean {
  return !process.env.DISPLAY || !!process.env.CI
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<Harness> {
  if (!existsSync(join(DIST, 'manifest.json'))) {
    throw new Error(`没有找到构建产物 ${DIST}/manifest.json — 先运行 npm run build`)
  }
  const profileDir = opts.profileDir ?? (await mkdtemp(join(tmpdir(), 'da-e2e-')))
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: opts.headless ?? wantHeadless(),
      args: chromiumArgs(),
      viewport: { width: 1280, height: 720 },
      acceptDownloads: true,
      locale: 'zh-CN',
      // Under a C/POSIX locale (e.g. `env -i` in CI) Chromium cannot encode non-ASCII file names and saves the
      // Chinese CSV name as "download"; any UTF-8 locale fixes that. On Linux the UI language (chrome.i18n, hence the
      // extension's) comes from LANGUAGE, not --lang; Chinese needs Debian's chromium-l10n, else it stays en-US.
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', LANGUAGE: opts.language ?? 'zh_CN' },
    })
  } catch (err) {
    if (!opts.profileDir && !opts.keepProfile) await rm(profileDir, { recursive: true, force: true })
    throw err
  }

  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://')
  // The worker may start before Playwright attaches, or late on a loaded machine; the id can also be derived from
  // dist's path (Chromium's rule for unpacked extensions), which the manifest check below then confirms.
  const first =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 20_000 }).catch(() => null))
  const extId = first ? new URL(first.url()).host : unpackedExtensionId(DIST)
  if (!first) {
    const check = await context.newPage()
    const ok = await check
      .goto(`chrome-extension://${extId}/manifest.json`)
      .then((r) => !!r?.ok())
      .catch(() => false)
    await check.close()
    if (!ok) {
      await context.close().catch(() => undefined)
      throw new Error(`扩展没有加载（${DIST}）：dist/ 是否在启动时被重新构建？`)
    }
  }

  async function sw(): Promise<Worker> {
    const live = context.serviceWorkers().filter((w) => new URL(w.url()).host === extId)
    for (const w of live.reverse()) {
      if (await w.evaluate(() => true).catch(() => false)) return w
    }
    // A stopped worker starts again on the next extension event; a message from an extension page is one.
    const next = context.waitForEvent('serviceworker', { predicate: (w) => new URL(w.url()).host === extId, timeout: 15_000 })
    await (await probe()).evaluate(() => chrome.runtime.sendMessage({ type: 'getSession', host: '' }).catch(() => undefined))
    return next
  }

  /**
   * An extension page kept open for reading storage and tabs. Extension pages need no live service worker, so
   * reading state never wakes or disturbs the worker under test. The manifest is a page with no behaviour of its own.
   */
  let probePage: Page | null = null
  async function probe(): Promise<Page> {
    if (probePage && !probePage.isClosed()) return probePage
    probePage = await context.newPage()
    await probePage.goto(`chrome-extension://${extId}/manifest.json`)
    return probePage
  }

  async function tabIdOf(page: Page): Promise<number> {
    const url = page.url().replace(/#.*$/, '')
    const p = await probe()
    // Without the "tabs" permission tab urls are hidden, so the tab is found as the active one after bringing it forward.
    await page.bringToFront()
    const active = await p.evaluate(async () => (await chrome.tabs.query({ active: true })).map((t) => t.id!))
    if (active.length === 1) return active[0]
    const byUrl = await p.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url)
    if (byUrl != null) return byUrl
    throw new Error(`找不到页面对应的标签页：${url}`)
  }

  const harness: Harness = {
    context,
    extId,
    profileDir,
    sw,
    tabIdOf,
    async openPopup(target) {
      const tabId = typeof target === 'number' ? target : await tabIdOf(target)
      const popup = await context.newPage()
      await popup.goto(`chrome-extension://${extId}/src/popup/index.html?tabId=${tabId}`)
      return popup
    },
    async storage() {
      return (await (await probe()).evaluate(() => chrome.storage.local.get(null))) as Record<string, unknown>
    },
    async message(key, subs) {
      return (await probe()).evaluate(([k, sub]) => chrome.i18n.getMessage(k, sub), [key, subs ?? []] as const)
    },
    async uiLanguage() {
      return (await probe()).evaluate(() => chrome.i18n.getUILanguage())
    },
    async stopServiceWorker() {
      const page = context.pages()[0] ?? (await context.newPage())
      const cdp = await context.newCDPSession(page)
      type Version = { scriptURL: string; runningStatus: string }
      const ours = (v: Version) => v.scriptURL.startsWith(`chrome-extension://${extId}/`)
      try {
        // Without watching it stop, a test of "state survives a stopped worker" could pass against a running one.
        const stopped = new Promise<void>((ok) =>
          cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: Version[] }) => {
            if (e.versions.some((v) => ours(v) && v.runningStatus === 'stopped')) ok()
          }),
        )
        await cdp.send('ServiceWorker.enable')
        await cdp.send('ServiceWorker.stopAllWorkers')
        const ok = await Promise.race([stopped.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 15_000))])
        if (!ok) throw new Error('服务工作线程没有停止')
      } finally {
        await cdp.detach().catch(() => undefined)
      }
    },
    async close() {
      // close() can hang on a wedged renderer; the profile must still go away.
      await Promise.race([context.close().catch(() => undefined), new Promise((r) => setTimeout(r, 15_000))])
      if (!opts.keepProfile && !opts.profileDir) await rm(profileDir, { recursive: true, force: true }).catch(() => undefined)
    },
  }
  return harness
}

/** A PageReport-shaped object (engine types) found anywhere in the extension's storage. */
export interface StoredReport {
  url: string | null
  title: string
  findings: Finding[]
}

/**
 * Finds the stored reports of one page without depending on how the extension keys its session:
 * any object with a `url` and a `findings` array counts. The newest (last seen) wins when a page was re-audited.
 */
export function reportsIn(storage: unknown, url?: string): StoredReport[] {
  const out: StoredReport[] = []
  const seen = new Set<unknown>()
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object' || seen.has(v)) return
    seen.add(v)
    const o = v as Record<string, unknown>
    if (Array.isArray(o.findings) && 'url' in o) {
      const strip = (u: unknown) => String(u ?? '').replace(/#.*$/, '')
      if (url === undefined || strip(o.url) === strip(url)) out.push(o as unknown as StoredReport)
    }
    for (const child of Array.isArray(v) ? v : Object.values(o)) walk(child)
  }
  walk(typeof storage === 'string' ? safeJson(storage) : storage)
  return out
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s)
  } catch {
    return null
  }
}

/** What the page shows: markers and missing-item rows inside the auditor's shadow root. */
export interface OverlayItem {
  id: string
  ruleId: string
  /** Everything the item holds, tooltip included. */
  text: string
  /** What the badge shows on the page. */
  label: string
}

/**
 * Runs in the page. Kept as source text: tsx (the demo's runner) compiles named arrow functions with a `__name`
 * helper that does not exist in the page, so a function object would break there.
 */
const OVERLAY_READER = `(() => {
  const root = document.getElementById('disclosure-auditor-root')?.shadowRoot
  if (!root) return { markers: [], missing: [], unlocated: [], panelText: '' }
  const pick = (sel) => [...root.querySelectorAll(sel)].map((el) => ({
    id: el.dataset.findingId ?? '',
    ruleId: el.dataset.ruleId ?? '',
    text: (el.textContent ?? '').replace(/\\s+/g, ' ').trim(),
    label: (el.querySelector('.da-label')?.textContent ?? el.textContent ?? '').replace(/\\s+/g, ' ').trim(),
  }))
  const panel = root.querySelector('.da-missing-panel')
  return {
    markers: pick('.da-marker'),
    missing: pick('.da-missing-item'),
    unlocated: pick('.da-unlocated-item'),
    panelText: (panel?.textContent ?? '').replace(/\\s+/g, ' '),
  }
})()`

export async function readOverlay(page: Page): Promise<{
  markers: OverlayItem[]
  /** Rows for findings with no element (locator null). */
  missing: OverlayItem[]
  /** Rows for findings whose element could not be found in the live DOM (beyond the contract; F's panel shows them). */
  unlocated: OverlayItem[]
  panelText: string
}> {
  return page.evaluate(OVERLAY_READER)
}
