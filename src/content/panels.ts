// The fixed panels (missing items, site scan): foldable and movable, and each site remembers how its panels were left.
import type { Finding } from '../engine/types.ts'
import { GROUP_MESSAGE, SITE_VERDICT_MESSAGE, type ScanInline } from '../shared/scan.ts'
import { say } from '../shared/text.ts'
import { el, type Msg } from './dom.ts'

interface PanelState {
  collapsed?: boolean
  left?: number
  top?: number
}

const stateKey = (name: string): string => `panel:${location.host}:${name}`

async function loadState(name: string): Promise<PanelState> {
  try {
    const key = stateKey(name)
    return ((await chrome.storage.local.get(key))[key] as PanelState | undefined) ?? {}
  } catch {
    return {}
  }
}

function saveState(name: string, state: PanelState): void {
  try {
    void chrome.storage.local.set({ [stateKey(name)]: state }).catch(() => undefined)
  } catch {
    // the extension was reloaded under the page: the panel still works, it just forgets
  }
}

function applyState(panel: HTMLElement, header: HTMLElement, state: PanelState): void {
  panel.classList.toggle('da-collapsed', !!state.collapsed)
  header.setAttribute('aria-expanded', String(!state.collapsed))
  if (state.left !== undefined && state.top !== undefined) {
    const left = Math.min(Math.max(0, state.left), Math.max(0, window.innerWidth - 120))
    const top = Math.min(Math.max(0, state.top), Math.max(0, window.innerHeight - 40))
    Object.assign(panel.style, { left: `${left}px`, top: `${top}px`, right: 'auto', bottom: 'auto' })
  }
}

/** A panel frame: a bar with a fold button and a grip to drag it (arrow keys move it too). */
export function panelFrame(name: string, cls: string, title: string, msg: Msg): { panel: HTMLElement; header: HTMLButtonElement } {
  const panel = el('div', `da-panel ${cls}`)
  panel.setAttribute('role', 'region')
  panel.setAttribute('aria-label', title)
  const bar = el('div', 'da-panel-bar')
  const header = el('button', 'da-missing-header', title)
  header.type = 'button'
  header.title = msg('panelToggleHint')
  header.setAttribute('aria-expanded', 'true')
  const grip = el('button', 'da-grip', '\u2725')
  grip.type = 'button'
  grip.title = msg('panelMoveHint')
  grip.setAttribute('aria-label', msg('panelMoveHint'))
  bar.append(header, grip)
  panel.appendChild(bar)

  let state: PanelState = {}
  void loadState(name).then((s) => {
    state = s
    applyState(panel, header, state)
  })
  header.addEventListener('click', () => {
    state = { ...state, collapsed: !panel.classList.contains('da-collapsed') }
    applyState(panel, header, state)
    saveState(name, state)
  })
  const moveTo = (left: number, top: number): void => {
    state = { ...state, left, top }
    applyState(panel, header, state)
  }
  grip.addEventListener('pointerdown', (e) => {
    const r = panel.getBoundingClientRect()
    const dx = e.clientX - r.left
    const dy = e.clientY - r.top
    grip.setPointerCapture(e.pointerId)
    const move = (ev: PointerEvent): void => moveTo(ev.clientX - dx, ev.clientY - dy)
    const up = (): void => {
      grip.removeEventListener('pointermove', move)
      grip.removeEventListener('pointerup', up)
      saveState(name, state)
    }
    grip.addEventListener('pointermove', move)
    grip.addEventListener('pointerup', up)
  })
  grip.addEventListener('keydown', (e) => {
    const step = { ArrowLeft: [-20, 0], ArrowRight: [20, 0], ArrowUp: [0, -20], ArrowDown: [0, 20] }[e.key]
    if (!step) return
    e.preventDefault()
    const r = panel.getBoundingClientRect()
    moveTo(r.left + step[0], r.top + step[1])
    saveState(name, state)
  })
  return { panel, header }
}

export function tipText(f: Finding, msg: Msg): string {
  return [say(f.message), `${msg('labelExpected')}：${say(f.expected)}`, `${msg('labelSource')}：${f.source}`]
    .filter((line) => line.trim())
    .join('\n')
}

export function missingPanel(missing: Finding[], unlocated: Finding[], msg: Msg): HTMLElement {
  const { panel } = panelFrame('missing', 'da-missing-panel', msg('markerMissingHeader', String(missing.length)), msg)
  const body = el('ul', 'da-missing-body')
  const row = (f: Finding, cls: string): HTMLElement => {
    const li = el('li', `${cls} da-${f.status} da-sev-${f.severity}`)
    li.dataset.findingId = f.id
    li.dataset.ruleId = f.ruleId
    li.tabIndex = 0
    li.title = tipText(f, msg)
    li.append(el('b', '', f.section), document.createTextNode(say(f.message)))
    return li
  }
  for (const f of missing) body.appendChild(row(f, 'da-missing-item'))
  if (unlocated.length) {
    body.appendChild(el('li', 'da-unlocated-header', msg('markerUnlocatedHeader', String(unlocated.length))))
    for (const f of unlocated) body.appendChild(row(f, 'da-unlocated-item'))
  }
  panel.appendChild(body)
  return panel
}

export function sitePanel(scan: ScanInline, msg: Msg): HTMLElement {
  const { panel } = panelFrame('site', 'da-site-panel', msg('sitePanelHeader', scan.asOf), msg)
  const body = el('div', 'da-site-body')
  const { verdict, groups } = scan.summary
  const verdictLine = el('p', `da-site-verdict da-v-${verdict}`, msg(SITE_VERDICT_MESSAGE[verdict]))
  verdictLine.dataset.verdict = verdict
  const list = el('ul', 'da-site-groups')
  for (const g of groups) {
    const li = el('li', `da-site-group da-${g.status}`)
    li.dataset.group = g.key
    li.dataset.count = String(g.count)
    li.append(el('b', '', msg(GROUP_MESSAGE[g.key])), el('span', 'da-site-count', msg('siteCount', [String(g.count), String(g.limit)])))
    if (g.columns.length) li.appendChild(el('div', 'da-site-cols', g.columns.join('、')))
    list.appendChild(li)
  }
  body.append(verdictLine, list)
  panel.appendChild(body)
  return panel
}
