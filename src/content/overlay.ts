// Markers drawn over the audited page. Everything lives in one host element with an open shadow root, so the page's
// CSS cannot reach the markers, ours cannot reach the page, and removing the host removes every trace.
// One badge per element (several findings fold into it with a count), placed in free space beside the element
// (placement.ts), with an outline around the element; the tooltip opens on the side away from it.
import type { Finding, PageReport } from '../engine/types.ts'
import type { ScanInline } from '../shared/scan.ts'
import { ROOT_ID } from '../shared/storage.ts'
import { say } from '../shared/text.ts'
import { el, setImportant, type Msg } from './dom.ts'
import { resolveLocator } from './locate.ts'
import { missingPanel, sitePanel, tipText } from './panels.ts'
import { placeBadges, TextIndex, tipSide, type Box } from './placement.ts'
import { siteBadges } from './site-badges.ts'
import { PASS_GLYPH, SEVERITY_GLYPH, STYLES } from './styles.ts'
import { pageTextBoxes } from './text-boxes.ts'
import { SEVERITY_RANK, STATUS_RANK } from '../engine/status.ts'

const FLASH_MS = 1500
/** A badge names its element briefly; the tooltip holds the whole finding. */
const BADGE_LABEL_MAX = 16

interface Group {
  target: Element
  badge: HTMLElement
  outline: HTMLElement | null
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** Elements marked on one page at most; findings past that are listed in the panel. */
const MAX_MARKER_GROUPS = 300

export class Overlay {
  host: HTMLDivElement | null = null
  private layer: HTMLDivElement | null = null
  private groups: Group[] = []
  private visible = true
  private frame = 0
  private resizeObserver: ResizeObserver | null = null
  private report: PageReport | null = null
  private scan: ScanInline | null = null
  private showPasses = false
  private readonly onScroll = (e: Event): void => {
    // Markers sit in document coordinates, so a plain page scroll moves them with the page for free; only scrolling
    // inside a container moves targets relative to the document.
    if (e.target !== document && e.target !== document.documentElement) this.schedule()
  }
  private readonly onResize = (): void => this.schedule()
  /**
   * Markers let every click through to the page, so hover is found by hit-testing the pointer against the few
   * badge boxes instead of :hover.
   */
  private hovered: HTMLElement | null = null
  private pointer: { x: number; y: number } | null = null
  private hoverFrame = 0
  private readonly onPointerMove = (e: PointerEvent): void => {
    // pointermove fires far more often than frames are drawn: keep the last position, hit-test once per frame.
    this.pointer = { x: e.clientX, y: e.clientY }
    if (this.hoverFrame || !this.groups.length) return
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0
      try {
        const hit = this.pointer ? this.badgeAt(this.pointer.x, this.pointer.y) : null
        if (hit === this.hovered) return
        this.hovered?.classList.remove('da-hover')
        if (hit) this.openTip(hit)
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
    layer.lang = document.documentElement.lang || 'zh-CN'
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

  /** Passing items get badges only on request (the popup's switch): by default the problems stand alone. */
  setShowPasses(show: boolean): void {
    this.showPasses = show
    if (this.report) this.draw()
  }

  /** The site scan's results for this page: badges beside the columns with problems and the site panel. */
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
      if (f.status !== 'fail' && f.status !== 'review' && !(this.showPasses && f.status === 'pass')) continue
      // Set aside by the auditor in the popup (with a reason): not a problem to point at.
      if (f.dismissed !== undefined) continue
      if (!f.locator) {
        if (f.status === 'pass') continue
        missing.push(f)
        continue
      }
      const target = resolveLocator(f.locator, isOwn)
      if (!target) {
        if (f.status !== 'pass') unlocated.push(f)
        continue
      }
      const list = byTarget.get(target)
      if (list) list.push(f)
      else byTarget.set(target, [f])
    }
    const entries = [...byTarget].map(([target, findings]) => {
      findings.sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
      return { target, findings }
    })
    // Worst first: they get the nearest free spots.
    entries.sort((a, b) => STATUS_RANK[a.findings[0].status] - STATUS_RANK[b.findings[0].status] || SEVERITY_RANK[a.findings[0].severity] - SEVERITY_RANK[b.findings[0].severity])
    // Past this many badges a page is a wall of markers; the rest are listed in the panel instead.
    for (const { findings } of entries.slice(MAX_MARKER_GROUPS)) unlocated.push(...findings)
    for (const { target, findings } of entries.slice(0, MAX_MARKER_GROUPS)) {
      const outline = el('div', `da-outline da-${findings[0].status}`)
      const badge = this.badge(findings)
      layer.append(outline, badge)
      this.groups.push({ target, badge, outline })
    }
    if (missing.length || unlocated.length) layer.appendChild(missingPanel(missing, unlocated, this.msg))
  }

  private drawScan(layer: HTMLDivElement, scan: ScanInline): void {
    for (const { target, badge } of siteBadges(scan, (n) => this.isOwn(n), this.msg)) {
      layer.appendChild(badge)
      this.groups.push({ target, badge, outline: null })
    }
    layer.appendChild(sitePanel(scan, this.msg))
  }

  /** One badge for all findings on one element: glyph, short label, count; every finding in its tooltip. */
  private badge(findings: Finding[]): HTMLElement {
    const [first, ...rest] = findings
    const label = markerLabel(first)
    const badge = el('span', `da-badge da-marker da-${first.status} da-sev-${first.severity}`)
    badge.dataset.findingId = first.id
    badge.dataset.ruleId = first.ruleId
    badge.dataset.count = String(findings.length)
    badge.tabIndex = 0
    badge.setAttribute('role', 'button')
    const glyph = el('span', 'da-glyph', first.status === 'pass' ? PASS_GLYPH : (SEVERITY_GLYPH[first.severity] ?? ''))
    glyph.setAttribute('aria-hidden', 'true')
    badge.append(glyph, el('span', 'da-label', clip(first.section || label, BADGE_LABEL_MAX)))
    if (rest.length) badge.appendChild(el('span', 'da-count', `+${rest.length}`))
    const tip = el('span', 'da-tip', `${label}\n${tipText(first, this.msg)}`)
    tip.setAttribute('role', 'tooltip')
    for (const f of rest) {
      // Folded findings keep their own marker element (id, rule), readable in the tooltip.
      const m = el('span', `da-marker da-folded da-${f.status} da-sev-${f.severity}`)
      m.dataset.findingId = f.id
      m.dataset.ruleId = f.ruleId
      m.append(el('span', 'da-label', markerLabel(f)), document.createTextNode(`\n${tipText(f, this.msg)}`))
      tip.appendChild(m)
    }
    badge.appendChild(tip)
    badge.addEventListener('focus', () => this.openTip(badge))
    return badge
  }

  /** Opens the tooltip on the side of its badge where it does not cover the badge's element. */
  private openTip(badge: HTMLElement): void {
    const tip = badge.querySelector<HTMLElement>(':scope > .da-tip')
    const group = this.groups.find((g) => g.badge === badge)
    if (!tip || !group) return
    const b = badge.getBoundingClientRect()
    const t = group.target.getBoundingClientRect()
    const side = tipSide(
      { left: b.left, top: b.top, right: b.right, bottom: b.bottom },
      { width: tip.offsetWidth, height: tip.offsetHeight },
      { left: t.left, top: t.top, right: t.right, bottom: t.bottom },
      { width: window.innerWidth, height: window.innerHeight },
    )
    tip.classList.toggle('da-tip-above', side.startsWith('above'))
    tip.classList.toggle('da-tip-end', side.endsWith('end'))
  }

  private badgeAt(x: number, y: number): HTMLElement | null {
    if (!this.visible || !this.layer) return null
    for (const g of this.groups) {
      const r = g.badge.getBoundingClientRect()
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return g.badge
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

  /** All reads first (targets, badge sizes, the page's text), then placement, then all writes. */
  reposition(): void {
    if (!this.host || !this.visible || !this.groups.length) return
    const origin = this.host.getBoundingClientRect()
    const targets = this.groups.map((g) => {
      let shown: Element | null = g.target
      while (shown && shown.getClientRects().length === 0) shown = shown.parentElement
      const r = (shown ?? g.target).getBoundingClientRect()
      const box: Box = { left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top }
      return { box, hidden: shown !== g.target }
    })
    const sizes = this.groups.map((g) => ({ width: g.badge.offsetWidth, height: g.badge.offsetHeight }))
    const text = new TextIndex(pageTextBoxes((n) => this.isOwn(n), -origin.left, -origin.top))
    // The page's own width: a badge hanging past it would widen the page and add a horizontal scrollbar.
    const pageWidth = document.documentElement.clientWidth - origin.left - window.scrollX
    const width = Math.max(pageWidth, document.documentElement.clientWidth)
    const spots = placeBadges(
      targets.map((t) => t.box),
      sizes,
      text,
      width,
    )
    this.groups.forEach((g, i) => {
      const { box, hidden } = targets[i]
      // An element inside a closed menu: its badge would pile up on its visible parent with its siblings'.
      g.badge.style.display = hidden && !g.outline ? 'none' : ''
      g.badge.style.left = `${spots[i].left}px`
      g.badge.style.top = `${spots[i].top}px`
      g.badge.classList.toggle('da-hidden-target', hidden)
      g.badge.title = hidden ? this.msg('markerHiddenTarget') : ''
      if (g.outline) {
        // Around the element, but never past the page's edges (that would add a scrollbar).
        const left = Math.max(0, box.left - 2)
        const right = Math.min(width, box.right + 2)
        g.outline.style.top = `${Math.max(0, box.top - 2)}px`
        g.outline.style.left = `${left}px`
        g.outline.style.width = `${Math.max(0, right - left)}px`
        g.outline.style.height = `${box.bottom - Math.max(0, box.top - 2) + 2}px`
      }
    })
  }

  /** Scrolls the finding's element into view and flashes its marker; false when this frame has no such marker. */
  scrollTo(findingId: string): boolean {
    const layer = this.layer
    if (!layer) return false
    const marker = layer.querySelector<HTMLElement>(`[data-finding-id="${CSS.escape(findingId)}"]`)
    if (!marker) return false
    const group = this.groups.find((g) => g.badge.contains(marker))
    if (group) {
      group.target.scrollIntoView({ block: 'center' })
      this.reposition()
    } else {
      const panel = marker.closest('.da-missing-panel')
      panel?.classList.remove('da-collapsed')
      marker.scrollIntoView({ block: 'nearest' })
    }
    const flashed = [...new Set([marker, ...(group ? [group.badge] : []), ...(group?.outline ? [group.outline] : [])])]
    for (const node of flashed) {
      node.classList.remove('da-flash')
      void node.offsetWidth // restart the animation when the same row is clicked twice
      node.classList.add('da-flash')
    }
    setTimeout(() => flashed.forEach((node) => node.classList.remove('da-flash')), FLASH_MS)
    const focusable = group ? group.badge : marker
    if (focusable.tabIndex >= 0) focusable.focus({ preventScroll: true })
    return true
  }
}

/** Evidence often starts with the section already ("通知公告 · 最新 …"); saying it twice only crowds the badge. */
export function markerLabel(f: Pick<Finding, 'section' | 'evidence'>): string {
  const section = f.section?.trim() ?? ''
  const evidence = say(f.evidence).trim()
  if (!section) return evidence
  if (!evidence || evidence.startsWith(section)) return evidence || section
  return `${section} · ${evidence}`
}
