// The worker's side of the audit cycle: storing and restoring dismissals, and reading a site's archived sessions.
// Only reached through onPopupMessage, i.e. from the extension's own pages (the sender check in index.ts). Every
// field is checked again here: the host and the session id become parts of storage keys.
import browser from 'webextension-polyfill'
import { isHost } from '../report/session-file.ts'
import type { ArchivedSessionView, CycleOkReply, CycleToWorker, HistoryView } from '../shared/cycle-messages.ts'
import { checkDismissal } from '../shared/dismissal-list.ts'
import { MAX_HISTORY } from '../shared/history.ts'
import { dropDismissal, readArchived, readHistory, saveDismissal, withDismissals } from './cycle-store.ts'
import { serialized } from './store.ts'

const local = browser.storage.local

function badHost(host: unknown): CycleOkReply {
  return { ok: false, error: `不是有效的主机名 / not a valid host: ${String(host).slice(0, 80)}` }
}

export async function onCycleMessage(msg: CycleToWorker): Promise<unknown> {
  const host = String(msg.host)
  switch (msg.type) {
    case 'dismissFinding': {
      if (!isHost(host)) return badHost(host)
      const checked = checkDismissal(msg.findingId, msg.reason, new Date().toISOString())
      if (!checked.ok) return { ok: false, error: checked.error } satisfies CycleOkReply
      return serialized(() => saveDismissal(local, host, checked.dismissal))
    }
    case 'restoreFinding': {
      if (!isHost(host)) return badHost(host)
      return serialized(() => dropDismissal(local, host, String(msg.findingId)))
    }
    case 'getHistory': {
      if (!isHost(host)) return { host, entries: [], max: MAX_HISTORY } satisfies HistoryView
      return { host, entries: await readHistory(local, host), max: MAX_HISTORY } satisfies HistoryView
    }
    case 'getArchivedSession': {
      if (!isHost(host)) return null
      const id = String(msg.sessionId)
      const entry = (await readHistory(local, host)).find((e) => e.id === id)
      const archived = entry ? await readArchived(local, host, id) : null
      if (!entry || !archived) return null
      return { host, entry, reports: await withDismissals(local, host, archived.reports) } satisfies ArchivedSessionView
    }
  }
  return undefined
}
