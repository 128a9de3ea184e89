// One finding's badge: its label, and the tip with the requirement and source it shows on hover or focus.
import type { Finding } from '../../engine/types.ts'
import { say } from '../../shared/text.ts'
import { clip, el, type Msg } from './dom.ts'

export function tipText(f: Finding, msg: Msg): string {
  return [say(f.message), `${msg('labelExpected')}：${say(f.expected)}`, `${msg('labelSource')}：${f.source}`]
    .filter((line) => line.trim())
    .join('\n')
}

export function marker(f: Finding, msg: Msg): HTMLElement {
  const label = markerLabel(f)
  const m = el('span', `da-marker da-${f.status} da-sev-${f.severity}`)
  m.dataset.findingId = f.id
  m.dataset.ruleId = f.ruleId
  m.tabIndex = 0
  m.setAttribute('role', 'note')
  m.appendChild(el('span', 'da-label', clip(label)))
  m.appendChild(el('span', 'da-tip', `${label}\n${tipText(f, msg)}`))
  return m
}

/** Evidence often starts with the section already ("通知公告 · 最新 …"); saying it twice only crowds the badge. */
export function markerLabel(f: Pick<Finding, 'section' | 'evidence'>): string {
  const section = f.section?.trim() ?? ''
  const evidence = say(f.evidence).trim()
  if (!section) return evidence
  if (!evidence || evidence.startsWith(section)) return evidence || section
  return `${section} · ${evidence}`
}
