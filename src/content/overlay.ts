// Markers drawn over the audited page. Everything lives in one host element with an open shadow root, so the page's
// CSS cannot reach the markers, ours cannot reach the page, and removing the host removes every trace.
// Page text only ever enters the DOM through textContent.
import { normalizeUrl } from '../engine/site/urls.ts'
import type { Finding, PageReport } from '../engine/types.ts'
import { columnBadgeText, GROUP_MESSAGE, SITE_VERDICT_MESSAGE, type ScanInline } from '../shared/scan.ts'
import { ROOT_ID } from '../shared/storage.ts'
import { resolveLocator } from './locate.ts'
import { say } from '../shared/text.ts'
import { STATUS_RANK } from '../engine/status.ts'

const FLASH_MS = 1500
const LABEL_MAX = 80
/** Anchors looked at for scan badges: a portal with a mega-menu has a few thousand; past that, no badges. */
const MAX_ANCHORS = 5000

const STYLES = `
.da-layer{position:absolute;top:0;left:0;width:0;height:0;font:12px/16px system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#222;text-align:left;direction:ltr}
.da-group{position:absolute;display:flex;flex-wrap:wrap;gap:2px;max-width:480px;pointer-events:none}
.da-group.da-above{transform:translateY(-100%)}
.da-marker{pointer-events:none;position:relative;display:inline-block;max-width:420px;padding:1px 6px;border-radius:3px;color:#fff;cursor:default;box-shadow:0 1px 2px rgba(0,0,0,.35);outline:none}
.da-marker .da-label{display:block;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.da-marker.da-fail{background:#c62828}
.da-marker.da-review{background:#e65100}
.da-marker.da-sev-veto{box-shadow:0 0 0 2px #000,0 1px 2px rgba(0,0,0,.35)}
.da-marker:focus-visible{box-shadow:0 0 0 2px #1565c0}
.da-tip{display:none;position:absolute;top:100%;left:0;z-index:1;margin-top:2px;width:max-content;max-width:360px;padding:6px 8px;border-radius:4px;background:#263238;color:#fff;white-space:pre-line;box-shadow:0 2px 6px rgba(0,0,0,.4)}
.da-marker.da-hover .da-tip,.da-marker:focus .da-tip{display:block}
.da-marker.da-hover{z-index:2}
.da-outline{position:absolute;pointer-events:none;box-sizing:border-box;border:2px solid #c62828;border-radius:2px}
.da-outline.da-review{border-color:#e65100;border-style:dashed}
.da-hidden-target .da-label::before{content:"\\25cc  "}
.da-flash{animation:da-flash .5s ease-in-out 3}
@keyframes da-flash{50%{box-shadow:0 0 0 5px #fdd835;transform:scale(1.08)}}
.da-missing-panel{position:fixed;right:12px;bottom:12px;width:340px;max-height:45vh;overflow:auto;pointer-events:auto;background:#fff;border:1px solid #b0bec5;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.da-missing-header{all:unset;box-sizing:border-box;display:block;width:100%;padding:6px 10px;background:#37474f;color:#fff;font-weight:600;cursor:pointer}
.da-missing-header::after{content:" \\25be";float:right}
.da-collapsed .da-missing-header::after{content:" \\25b4"}
.da-collapsed .da-missing-body{display:none}
.da-missing-body{margin:0;padding:4px 0;list-style:none}
.da-missing-item,.da-unlocated-item{padding:4px 10px;border-left:4px solid #c62828;margin:2px 0}
.da-missing-item.da-review,.da-unlocated-item.da-review{border-left-color:#e65100}
.da-missing-item b,.da-unlocated-item b{margin-right:6px}
.da-unlocated-header{padding:4px 10px;color:#546e7a;font-weight:600}
.da-missing-item.da-flash,.da-unlocated-item.da-flash{animation:da-flash-row .5s 3}
@keyframes da-flash-row{50%{background:#fff59d}}
.da-scan-badge{pointer-events:none;display:inline-block;padding:0 5px;border-radius:3px;background:#2e7d32;color:#fff;white-space:nowrap;font-size:11px;line-height:15px;box-shadow:0 1px 2px rgba(0,0,0,.3)}
.da-scan-badge.da-col-stale{background:#c62828}
.da-scan-badge.da-col-blank{background:#6a1b9a}
.da-scan-badge.da-col-unreachable,.da-scan-badge.da-col-login,.da-scan-badge.da-col-soft404,.da-scan-badge.da-col-error,.da-scan-badge.da-col-not-html{background:#546e7a}
.da-site-panel{position:fixed;left:12px;bottom:12px;width:360px;max-height:45vh;overflow:auto;pointer-events:auto;background:#fff;border:1px solid #b0bec5;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.da-site-panel.da-collapsed .da-site-body{display:none}
.da-site-body{padding:4px 10px 8px}
.da-site-verdict{margin:4px 0;padding:4px 8px;border-radius:4px;font-weight:700;color:#fff;background:#2e7d32}
.da-site-verdict.da-v-veto{background:#7f0000}
.da-site-verdict.da-v-review{background:#e65100}
.da-site-groups{margin:0;padding:0;list-style:none}
.da-site-group{margin:4px 0;padding:2px 8px;border-left:4px solid #2e7d32}
.da-site-group.da-fail{border-left-color:#c62828}
.da-site-group.da-review{border-left-color:#e65100}
.da-site-count{float:right;font-variant-numeric:tabular-nums}
.da-site-cols{color:#52606d}
`

interface Group {
  target: Element
  box: HTMLElement
  outline: HTMLElement | null
  /** Scan badges sit to the right of their link, not above it: nav links are stacked too tightly for "above". */
  beside?: boolean
}

type Msg = (key: string, subs?: string | string[]) => string

function setImportant(style: CSSStyleDeclaration, props: Record<string, string>): void {
  for (const [k, v] of Object.entries(props)) style.setProperty(k, v, 'important')
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.className = cls
  if (text !== undefined) node.textContent = text
  return node
}

function clip(text: string): string {
  return text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text
}


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
    for (const [target, findings] of byTarget) {
      findings.sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status])
      const box = el('div', 'da-group')
      for (const f of findings) box.appendChild(this.marker(f))
      const outline = el('div', `da-outline da-${findings[0].status}`)
      layer.appendChild(outline)
      layer.appendChild(box)
      this.groups.push({ target, box, outline })
    }
    if (missing.length || unlocated.length) layer.appendChild(this.panel(missing, unlocated))
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
    layer.appendChild(this.sitePanel(scan))
  }

  private sitePanel(scan: ScanInline): HTMLElement {
    const panel = el('div', 'da-site-panel')
    const header = this.collapsibleHeader(panel, this.msg('sitePanelHeader', scan.asOf))
    const body = el('div', 'da-site-body')
    const { verdict, groups } = scan.summary
    const verdictLine = el('p', `da-site-verdict da-v-${verdict}`, this.msg(SITE_VERDICT_MESSAGE[verdict]))
    verdictLine.dataset.verdict = verdict
    const list = el('ul', 'da-site-groups')
    for (const g of groups) {
      const li = el('li', `da-site-group da-${g.status}`)
      li.dataset.group = g.key
      li.dataset.count = String(g.count)
      li.append(
        el('b', '', this.msg(GROUP_MESSAGE[g.key])),
        el('span', 'da-site-count', this.msg('siteCount', [String(g.count), String(g.limit)])),
      )
      if (g.columns.length) li.appendChild(el('div', 'da-site-cols', g.columns.join('、')))
      list.appendChild(li)
    }
    body.append(verdictLine, list)
    panel.append(header, body)
    return panel
  }

  /** A header button that folds its panel away, so a panel never hides the page for good. */
  private collapsibleHeader(panel: HTMLElement, text: string): HTMLButtonElement {
    const header = el('button', 'da-missing-header', text)
    header.type = 'button'
    header.title = this.msg('panelToggleHint')
    header.setAttribute('aria-expanded', 'true')
    header.addEventListener('click', () => {
      const collapsed = panel.classList.toggle('da-collapsed')
      header.setAttribute('aria-expanded', String(!collapsed))
    })
    return header
  }

  private tipText(f: Finding): string {
    return [say(f.message), `${this.msg('labelExpected')}：${say(f.expected)}`, `${this.msg('labelSource')}：${f.source}`]
      .filter((line) => line.trim())
      .join('\n')
  }

  private marker(f: Finding): HTMLElement {
    const label = markerLabel(f)
    const m = el('span', `da-marker da-${f.status} da-sev-${f.severity}`)
    m.dataset.findingId = f.id
    m.dataset.ruleId = f.ruleId
    m.tabIndex = 0
    m.setAttribute('role', 'note')
    m.appendChild(el('span', 'da-label', clip(label)))
    m.appendChild(el('span', 'da-tip', `${label}\n${this.tipText(f)}`))
    return m
  }

  private panel(missing: Finding[], unlocated: Finding[]): HTMLElement {
    const panel = el('div', 'da-missing-panel')
    const header = this.collapsibleHeader(panel, this.msg('markerMissingHeader', String(missing.length)))
    const body = el('ul', 'da-missing-body')
    const row = (f: Finding, cls: string): HTMLElement => {
      const li = el('li', `${cls} da-${f.status} da-sev-${f.severity}`)
      li.dataset.findingId = f.id
      li.dataset.ruleId = f.ruleId
      li.tabIndex = 0
      li.title = this.tipText(f)
      li.append(el('b', '', f.section), document.createTextNode(say(f.message)))
      return li
    }
    for (const f of missing) body.appendChild(row(f, 'da-missing-item'))
    if (unlocated.length) {
      body.appendChild(el('li', 'da-unlocated-header', this.msg('markerUnlocatedHeader', String(unlocated.length))))
      for (const f of unlocated) body.appendChild(row(f, 'da-unlocated-item'))
    }
    panel.append(header, body)
    return panel
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

  /** All rect reads first, then all writes: one layout per pass however many markers there are. */
  reposition(): void {
    if (!this.host || !this.visible) return
    const origin = this.host.getBoundingClientRect()
    const boxes = this.groups.map((g) => {
      let shown: Element | null = g.target
      while (shown && shown.getClientRects().length === 0) shown = shown.parentElement
      return { rect: (shown ?? g.target).getBoundingClientRect(), hidden: shown !== g.target }
    })
    this.groups.forEach((g, i) => {
      const { rect, hidden } = boxes[i]
      const top = rect.top - origin.top
      const left = rect.left - origin.left
      if (g.beside) {
        // A link inside a closed drop-down menu: a badge on its visible parent would pile up with its siblings'.
        g.box.style.display = hidden ? 'none' : ''
        g.box.style.top = `${top}px`
        g.box.style.left = `${rect.right - origin.left + 4}px`
        return
      }
      g.box.style.top = `${top}px`
      g.box.style.left = `${Math.max(0, left)}px`
      // Above the element when there is room, so the badge does not cover the text it talks about.
      g.box.classList.toggle('da-above', rect.top + window.scrollY > 18)
      g.box.classList.toggle('da-hidden-target', hidden)
      for (const m of g.box.children) (m as HTMLElement).title = hidden ? this.msg('markerHiddenTarget') : ''
      if (g.outline) {
        g.outline.style.top = `${top}px`
        g.outline.style.left = `${left}px`
        g.outline.style.width = `${rect.width}px`
        g.outline.style.height = `${rect.height}px`
      }
    })
    // A badge hanging past the right edge would widen the page and give it a horizontal scrollbar: pull it back.
    const edge = document.documentElement.clientWidth - origin.left
    const widths = this.groups.map((g) => g.box.offsetWidth)
    this.groups.forEach((g, i) => {
      const left = Math.max(0, (g.beside ? boxes[i].rect.right + 4 : boxes[i].rect.left) - origin.left)
      if (left + widths[i] > edge) g.box.style.left = `${Math.max(0, edge - widths[i])}px`
    })
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

/** Evidence often starts with the section already ("通知公告 · 最新 …"); saying it twice only crowds the badge. */
export function markerLabel(f: Pick<Finding, 'section' | 'evidence'>): string {
  const section = f.section?.trim() ?? ''
  const evidence = say(f.evidence).trim()
  if (!section) return evidence
  if (!evidence || evidence.startsWith(section)) return evidence || section
  return `${section} · ${evidence}`
}
