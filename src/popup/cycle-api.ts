// Typed wrappers over the audit cycle's messages (dismissals, session history), shared by the popup and the report.
import browser from 'webextension-polyfill'
import type { ArchivedSessionView, CycleOkReply, CycleToWorker, HistoryView } from '../shared/cycle-messages.ts'

async function ask<T>(msg: CycleToWorker): Promise<T> {
  return (await browser.runtime.sendMessage(msg)) as T
}

export const cycleApi = {
  dismiss: (host: string, findingId: string, reason: string) =>
    ask<CycleOkReply>({ type: 'dismissFinding', host, findingId, reason }),
  restore: (host: string, findingId: string) => ask<CycleOkReply>({ type: 'restoreFinding', host, findingId }),
  history: (host: string) => ask<HistoryView>({ type: 'getHistory', host }),
  archived: (host: string, sessionId: string) => ask<ArchivedSessionView | null>({ type: 'getArchivedSession', host, sessionId }),
}
