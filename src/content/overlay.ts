// Markers drawn over the audited page. Everything lives in one host element with an open shadow root, so the page's
// CSS cannot reach the markers, ours cannot reach the page, and removing the host removes every trace.
// Page text only ever enters the DOM through textContent.
import { normalizeUrl } from '../engine/site/urls.ts'
import type { Finding, PageReport } from '../engine/types.ts'
import { columnBadgeText, type ScanInline } from '../shared/scan.ts'
import { ROOT_ID } from '../shared/storage.ts'
import { resolveLocator } from './locate.ts'
import { STATUS_RANK } from '../engine/status.ts'
import { el, setImportant, type Msg } from './overlay/dom.ts'
import { marker } from './overlay/markers.ts'
import { missingPanel, sitePanel } from './overlay/panels.ts'
import { placeGroups, type Group } from './overlay/placement.ts'
import { STYLES } from './overlay/styles.ts'

export { markerLabel } from './overlay/markers.ts'

const FLASH_MS = 1500
/** Elements marked on one page at most; findings past that are listed in the panel. */
const MAX_MARKER_GROUPS = 300
/** Anchors looked at for scan badges: a portal with a mega-menu has a few thousand; past that, no badges. */
const MAX_ANCHORS = 5000





export class Overlay {
  host: HTMLDivElement | null = null
  private layer: HTMLDivElement | null = null
  private groups: Group[] = []
  private visible = true
  private frame = 0
  private resizeObserver: ResizeObserver | null = null
  private report: PageReport | null = null
  private scan: ScanInline | null = null
  private readonly onScroll = (e: Event): void => {
    // Markers sit in document coordinates, so a plain page scroll moves them with the page for free; only scrolling
    // inside a container moves targets relative to the document.
    if (e.target !== document && e.target !== document.documentElement) this.schedule()
  }
  private readonly onResize = (): void => this.schedule()
  /**
   * Markers let every click through to the page (a badge drawn above an element would otherwise cover the button
   * above it), so hover is found by hit-testing the pointer against the few marker boxes instead of :hover.
   */
  private hovered: Element | null = null
  private pointer: { x: number; y: number } | null = null
  private hoverFrame = 0
  private readonly onPointerMove = (e: PointerEvent): void => {
    // pointermove fires far more often than frames are drawn: keep the last position, hit-test once per frame.
    this.pointer = { x: e.clientX, y: e.clientY }
    if (this.hoverFrame || !this.groups.length) return
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0
      try {
        const hit = this.pointer ? this.markerAt(this.pointer.x, this.pointer.y) : null
        if (hit === this.hovered) return
        this.hovered?.classList.remove('da-hover')
        hit?.classList.add('da-hover')
        this.hovered = hit
      } catch {
        // never let our hover logic surface in the page
      }
    })
  }

  constructor(private readonly msg: Msg) {}

  isOwn(node: Node): boolean {
    return !!this.host && (node === this.host || this.host.contains(node))
  }

  setVisible(visible: boolean): void {
    this.visible = visible
    if (this.host) setImportant(this.host.style, { display: visible ? 'block' : 'none' })
    if (visible) this.schedule()
  }

  private ensureRoot(): HTMLDivElement {
    if (this.host && this.host.isConnected && this.layer) return this.layer
    const stale = document.getElementById(ROOT_ID)
    if (stale && stale !== this.host) stale.remove()
    const host = document.createElement('div')
    host.id = ROOT_ID
    // Inline !important beats any page rule aimed at divs, so the host never takes space or catches clicks.
    host.style.setProperty('all', 'initial', 'important')
    setImportant(host.style, {
      position: 'absolute',
      top: '0',
      left: '0',
      width: '0',
      height: '0',
      margin: '0',
      padding: '0',
      border: '0',
      overflow: 'visible',
      'z-index': '2147483647',
      'pointer-events': 'none',
      display: this.visible ? 'block' : 'none',
    })
    const shadow = host.attachShadow({ mode: 'open' })
    const style = document.createElement('style')
    style.textContent = STYLES
    const layer = el('div', 'da-layer')
    shadow.append(style, layer)
    document.documentElement.appendChild(host)
    this.host = host
    this.layer = layer
    this.listen()
    return layer
  }

  private listen(): void {
    if (this.resizeObserver) return
    window.addEventListener('scroll', this.onScroll, { capture: true, passive: true })
    window.addEventListener('resize', this.onResize, { passive: true })
    window.addEventListener('pointermove', this.onPointerMove, { capture: true, passive: true })
    // Late images and fonts move elements without any DOM mutation; body size changes are the cheap signal for that.
    this.resizeObserver = new ResizeObserver(() => this.schedule())
    if (document.body) this.resizeObserver.observe(document.body)
  }

  destroy(): void {
    window.removeEventListener('scroll', this.onScroll, { capture: true })
    window.removeEventListener('resize', this.onResize)
    window.removeEventListener('pointermove', this.onPointerMove, { capture: true })
    this.hovered = null
    if (this.hoverFrame) cancelAnimationFrame(this.hoverFrame)
    this.hoverFrame = 0
    this.resizeObserver?.disconnect()
    this.resizeObserver = null
    if (this.frame) cancelAnimationFrame(this.frame)
    this.host?.remove()
    this.host = null
    this.layer = null
    this.groups = []
  }

  render(report: PageReport, visible: boolean): void {
    this.report = report
    this.visible = visible
    this.draw()
  }

  /** The site scan's results for this page: badges beside the column links and the site panel. */
  setScan(scan: ScanInline): void {
    this.scan = scan
    this.draw()
  }

  private draw(): void {
    const layer = this.ensureRoot()
    this.setVisible(this.visible)
    layer.replaceChildren()
    this.groups = []
    if (this.report) this.drawFindings(layer, this.report)
    if (this.scan) this.drawScan(layer, this.scan)
    this.reposition()
  }

  private drawFindings(layer: HTMLDivElement, report: PageReport): void {
    const byTarget = new Map<Element, Finding[]>()
    const missing: Finding[] = []
    const unlocated: Finding[] = []
    const isOwn = (node: Element): boolean => this.isOwn(node)
    for (const f of report.findings) {
      // Only what needs a person is drawn: green badges on every passing column would bury the problems.
      if (f.status !== 'fail' && f.status !== 'review') continue
      if (!f.locator) {
        missing.push(f)
        continue
      }
      const target = resolveLocator(f.locator, isOwn)
      if (!target) {
        unlocated.push(f)
        continue
      }
      const list = byTarget.get(target)
      if (list) list.push(f)
      else byTarget.set(target, [f])
    }
    // Past this many badges a page is a wall of markers; the rest are listed in the panel instead.
    let drawn = 0
    for (const [target, findings] of byTarget) {
      if (drawn++ >= MAX_MARKER_GROUPS) {
        unlocated.push(...findings)
        continue
      }
      findings.sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status])
      const box = el('div', 'da-group')
      for (const f of findings) box.appendChild(marker(f, this.msg))
      const outline = el('div', `da-outline da-${findings[0].status}`)
      layer.appendChild(outline)
      layer.appendChild(box)
      this.groups.push({ target, box, outline })
    }
    if (missing.length || unlocated.length) layer.appendChild(missingPanel(missing, unlocated, this.msg))
  }

  private drawScan(layer: HTMLDivElement, scan: ScanInline): void {
    const byUrl = new Map(scan.columns.filter((c) => c.url).map((c) => [c.url as string, c]))
    const anchors = document.getElementsByTagName('a')
    const limit = Math.min(anchors.length, MAX_ANCHORS)
    for (let i = 0; i < limit; i++) {
      const a = anchors[i]
      if (this.isOwn(a)) continue
      const url = normalizeUrl(a.getAttribute('href'), document.baseURI)
      const column = url ? byUrl.get(url) : undefined
      if (!column) continue
      const box = el('div', 'da-group da-beside')
      const badge = el('span', `da-scan-badge da-col-${column.status}`, columnBadgeText(column, this.msg))
      badge.dataset.columnUrl = url as string
      badge.title = [column.name, column.detail ?? ''].filter(Boolean).join('\n')
      box.appendChild(badge)
      layer.appendChild(box)
      this.groups.push({ target: a, box, outline: null, beside: true })
    }
    layer.appendChild(sitePanel(scan, this.msg))
  }











  private markerAt(x: number, y: number): Element | null {
    if (!this.visible || !this.layer) return null
    for (const m of this.layer.querySelectorAll('.da-marker, .da-scan-badge')) {
      const r = m.getBoundingClientRect()
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return m
    }
    return null
  }

  schedule(): void {
    if (this.frame || !this.visible || !this.groups.length) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      try {
        this.reposition()
      } catch {
        // a page that tears its DOM apart mid-frame must not see our errors
      }
    })
  }

  reposition(): void {
    if (!this.host || !this.visible) return
    placeGroups(this.host, this.groups, this.msg('markerHiddenTarget'))
  }


  /** Scrolls the finding's element into view and flashes its marker; false when this frame has no such marker. */
  scrollTo(findingId: string): boolean {
    const layer = this.layer
    if (!layer) return false
    const marker = layer.querySelector<HTMLElement>(`[data-finding-id="${cssEscape(findingId)}"]`)
    if (!marker) return false
    const group = this.groups.find((g) => g.box.contains(marker))
    if (group) {
      group.target.scrollIntoView({ block: 'center' })
      this.reposition()
    } else {
      const panel = marker.closest('.da-missing-panel')
      panel?.classList.remove('da-collapsed')
      marker.scrollIntoView({ block: 'nearest' })
    }
    const flashed = [marker, ...(group?.outline ? [group.outline] : [])]
    for (const node of flashed) {
      node.classList.remove('da-flash')
      void node.offsetWidth // restart the animation when the same row is clicked twice
      node.classList.add('da-flash')
    }
    setTimeout(() => flashed.forEach((node) => node.classList.remove('da-flash')), FLASH_MS)
    if (marker.tabIndex >= 0) marker.focus({ preventScroll: true })
    return true
  }
}

function cssEscape(value: string): string {
  return CSS.escape(value)
}

