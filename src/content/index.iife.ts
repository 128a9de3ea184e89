// Content script (built as one self-contained IIFE: no loader, no web-accessible chunk, and the same file can be
// injected on demand with chrome.scripting). It serializes its frame once the page settles, lets the service worker
// run the engine, and draws the returned findings. It must never break the page, so every entry point swallows errors.
import type { AuditReply, ContentToWorker, WorkerToContent } from '../shared/messages.ts'
import { MAX_HTML_CHARS, ROOT_ID } from '../shared/storage.ts'
import { Overlay } from './overlay.ts'
import { AutoAuditLimit } from './auto-audit-limit.ts'

/** First audit: wait for this much DOM quiet after document_idle, but never longer than SETTLE_MAX_MS in total. */
const SETTLE_QUIET_MS = 400
const SETTLE_MAX_MS = 3000
/** Later audits: CMS pages fill lists by XHR; carousels mutate forever, hence the cap. */
const DEBOUNCE_MS = 800
const MAX_WAIT_MS = 5000

interface Agent {
  trigger(): void
}

declare global {
  // The isolated world's global, invisible to the page: marks that this frame already runs the agent.
  var __disclosureAuditorAgent: Agent | undefined
}

function msg(key: string, subs?: string | string[]): string {
  try {
    return chrome.i18n.getMessage(key, subs) || key
  } catch {
    return key
  }
}

function isHtmlDocument(): boolean {
  const type = document.contentType
  return type === 'text/html' || type === 'application/xhtml+xml'
}

function countChildFrames(): number {
  let n = 0
  for (const frame of document.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe[src], frame[src]')) {
    if (/^https?:/i.test(frame.src)) n++
  }
  return n
}

function start(): void {
  const running = globalThis.__disclosureAuditorAgent
  if (running) {
    // Injected again by the popup's "audit this page": the agent already here just audits now.
    running.trigger()
    return
  }

  const overlay = new Overlay(msg)
  let alive = true
  let lastHtml = ''
  let inFlight = false
  let again = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let burstStart = 0
  let settled = false
  const docStart = Math.round(performance.timeOrigin)
  const autoLimit = new AutoAuditLimit()

  // The engine must see the page as the page is: our host element is cut out of the copy, so CSS paths match.
  const serialize = (): string => {
    const html = document.documentElement.outerHTML
    const host = overlay.host
    if (!host || !host.isConnected) return html
    const own = host.outerHTML
    const at = html.lastIndexOf(own)
    return at === -1 ? html : html.slice(0, at) + html.slice(at + own.length)
  }

  const send = async (message: ContentToWorker): Promise<AuditReply | undefined> =>
    (await chrome.runtime.sendMessage(message)) as AuditReply | undefined

  const shutdown = (): void => {
    alive = false
    observer.disconnect()
    clearTimeout(timer)
    overlay.destroy()
    globalThis.__disclosureAuditorAgent = undefined
  }

  const runAudit = async (force: boolean): Promise<void> => {
    if (!alive) return
    if (inFlight) {
      again = true
      return
    }
    inFlight = true
    try {
      if (!chrome.runtime?.id) return shutdown() // the extension was reloaded or removed under us
      if (!isHtmlDocument()) {
        if (!lastHtml) await send({ type: 'skip', url: location.href, reason: 'not-html', childFrames: 0, docStart })
        lastHtml = document.contentType
        return
      }
      const html = serialize()
      if (!force && html === lastHtml) return
      lastHtml = html
      if (!force && settled) autoLimit.record(Date.now())
      if (html.length > MAX_HTML_CHARS) {
        overlay.destroy()
        const childFrames = countChildFrames()
        await send({ type: 'skip', url: location.href, reason: 'too-large', childFrames, docStart, size: html.length })
        return
      }
      const reply = await send({ type: 'audit', html, url: location.href, childFrames: countChildFrames(), docStart })
      if (alive && reply?.report) overlay.render(reply.report, reply.markersVisible)
      if (alive && reply?.scan && window === window.top) overlay.setScan(reply.scan)
    } catch (error) {
      if (!chrome.runtime?.id || /context invalidated/i.test(String(error))) shutdown()
    } finally {
      inFlight = false
      if (again && alive) {
        again = false
        schedule(0, 0)
      }
    }
  }

  function schedule(quiet: number, maxWait: number, force = false): void {
    const now = Date.now()
    if (!burstStart) burstStart = now
    clearTimeout(timer)
    const wait = Math.max(0, Math.min(quiet, burstStart + maxWait - now))
    timer = setTimeout(() => {
      burstStart = 0
      settled = true
      void runAudit(force)
    }, wait)
  }

  const observer = new MutationObserver((records) => {
    try {
      for (const r of records) {
        if (overlay.isOwn(r.target)) continue
        if (r.type === 'childList' && r.target === document.documentElement) {
          const nodes = [...r.addedNodes, ...r.removedNodes]
          if (nodes.length && nodes.every((n) => n === overlay.host)) continue
        }
        if (autoLimit.paused) return
        if (settled) schedule(DEBOUNCE_MS, MAX_WAIT_MS)
        else schedule(SETTLE_QUIET_MS, SETTLE_MAX_MS)
        return
      }
    } catch {
      // never surface in the page's console as an uncaught error
    }
  })
  // Attribute changes are left out on purpose: sliders and marquees restyle nodes many times a second and never
  // change what the engine reads.
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true })

  chrome.runtime.onMessage.addListener((raw: unknown, _sender, sendResponse) => {
    try {
      const m = raw as WorkerToContent
      switch (m?.type) {
        case 'ping':
          sendResponse({ alive: true })
          return
        case 'reaudit':
          autoLimit.reset()
          void runAudit(true)
          sendResponse({ ok: true })
          return
        case 'setMarkersVisible':
          overlay.setVisible(!!m.visible)
          sendResponse({ ok: true })
          return
        case 'scrollTo':
          sendResponse({ ok: true, found: overlay.scrollTo(m.findingId) })
          return
        case 'serialize':
          sendResponse({ html: isHtmlDocument() ? serialize() : null })
          return
        case 'setShowPasses':
          overlay.setShowPasses(!!m.show)
          sendResponse({ ok: true })
          return
        case 'scanResults':
          overlay.setScan(m.scan)
          sendResponse({ ok: true })
          return
      }
    } catch {
      sendResponse({ ok: false })
    }
    return undefined
  })

  globalThis.__disclosureAuditorAgent = {
    trigger: () => {
      autoLimit.reset()
      clearTimeout(timer)
      burstStart = 0
      settled = true
      void runAudit(true)
    },
  }

  // A leftover host from a previous incarnation of this script (extension reloaded) is not ours to keep.
  document.getElementById(ROOT_ID)?.remove()
  schedule(SETTLE_QUIET_MS, SETTLE_MAX_MS)
}

try {
  start()
} catch {
  // The page must never see an error from us.
}
