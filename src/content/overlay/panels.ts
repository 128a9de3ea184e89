// The overlay's fixed panels: what is missing from the page (findings with no element) and the site scan's summary.
// Both fold away, so a panel never hides the page for good.
import type { Finding } from '../../engine/types.ts'
import { GROUP_MESSAGE, SITE_VERDICT_MESSAGE, type ScanInline } from '../../shared/scan.ts'
import { say } from '../../shared/text.ts'
import { el, type Msg } from './dom.ts'
import { tipText } from './markers.ts'

/** A header button that folds its panel away, so a panel never hides the page for good. */
export function collapsibleHeader(panel: HTMLElement, text: string, msg: Msg): HTMLButtonElement {
  const header = el('button', 'da-missing-header', text)
  header.type = 'button'
  header.title = msg('panelToggleHint')
  header.setAttribute('aria-expanded', 'true')
  header.addEventListener('click', () => {
    const collapsed = panel.classList.toggle('da-collapsed')
    header.setAttribute('aria-expanded', String(!collapsed))
  })
  return header
}

export function missingPanel(missing: Finding[], unlocated: Finding[], msg: Msg): HTMLElement {
  const panel = el('div', 'da-missing-panel')
  const header = collapsibleHeader(panel, msg('markerMissingHeader', String(missing.length)), msg)
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
  panel.append(header, body)
  return panel
}

export function sitePanel(scan: ScanInline, msg: Msg): HTMLElement {
  const panel = el('div', 'da-site-panel')
  const header = collapsibleHeader(panel, msg('sitePanelHeader', scan.asOf), msg)
  const body = el('div', 'da-site-body')
  const { verdict, groups } = scan.summary
  const verdictLine = el('p', `da-site-verdict da-v-${verdict}`, msg(SITE_VERDICT_MESSAGE[verdict]))
  verdictLine.dataset.verdict = verdict
  const list = el('ul', 'da-site-groups')
  for (const g of groups) {
    const li = el('li', `da-site-group da-${g.status}`)
    li.dataset.group = g.key
    li.dataset.count = String(g.count)
    li.append(
      el('b', '', msg(GROUP_MESSAGE[g.key])),
      el('span', 'da-site-count', msg('siteCount', [String(g.count), String(g.limit)])),
    )
    if (g.columns.length) li.appendChild(el('div', 'da-site-cols', g.columns.join('、')))
    list.appendChild(li)
  }
  body.append(verdictLine, list)
  panel.append(header, body)
  return panel
}
