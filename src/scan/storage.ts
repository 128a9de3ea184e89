// Storage adapters that need no host API. The service worker passes its own (chrome.storage.local); the CLI uses
// these or a JSON file.
import type { ScanStorage } from './types.ts'

/** In-memory storage; values are copied in and out so a caller can never alias the saved state. */
export function memoryStorage(initial: Record<string, unknown> = {}): ScanStorage & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = { ...initial }
  return {
    data,
    async load(key) {
      return key in data ? JSON.parse(JSON.stringify(data[key])) : undefined
    },
    async save(key, value) {
      data[key] = JSON.parse(JSON.stringify(value))
    },
  }
}

/** setTimeout-based sleep that ends early on abort, so a cancelled pause or timeout never keeps a host alive. */
export function timerSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const done = (): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}
