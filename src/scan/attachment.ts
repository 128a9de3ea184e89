// Reads a linked attachment for the personal-data rule: the office formats the CLI's reader handles, fetched whole up
// to a cap; the old binary formats are named, not read. The finding goes to the page that links the attachment.
import { attachmentFinding, readsAttachments, type AttachmentText } from '../engine/rules/personal-data/attachment.ts'
import type { Finding } from '../engine/types.ts'
import type { Requested } from './request.ts'
import { ATTACHMENT_MAX_BYTES, type AttachmentFormat, type AttachmentReader, type LinkItem, type ScanState } from './types.ts'

const READ = /\.(xlsx|docx|pdf)$/i
const OLD = /\.(xls|doc)$/i

function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return ''
  }
}

export async function readAttachmentFinding(
  item: LinkItem,
  state: ScanState,
  reader: AttachmentReader,
  request: (url: string, method: 'GET' | 'HEAD', maxBytes?: number) => Promise<Requested>,
  pause: () => Promise<void>,
): Promise<Finding | null> {
  const path = pathOf(item.url)
  const readable = READ.exec(path)
  if (!readable && !OLD.test(path)) return null
  const { packs, asOf, lang } = state.options
  if (!readsAttachments(packs)) return null
  const page = state.pages.find((p) => p.url === item.from)
  const ctx = { packs, asOf, lang, pageUrl: item.from, pageTitle: page?.result?.report?.title ?? '' }
  let read: AttachmentText
  if (!readable) {
    read = { unread: 'old-format' }
  } else {
    await pause()
    const got = await request(item.url, 'GET', ATTACHMENT_MAX_BYTES)
    // The link check judged whether it downloads; a second answer that fails tells nothing about its content.
    if (!got.resp || got.resp.status !== 200) return null
    if (got.resp.truncated || got.resp.bytes.length > ATTACHMENT_MAX_BYTES) {
      read = { unread: 'too-large', detail: `> ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB` }
    } else {
      try {
        const text = await reader(got.resp.bytes, readable[1].toLowerCase() as AttachmentFormat)
        read = text.trim() ? { text } : { unread: 'no-text' }
      } catch (e) {
        read = { unread: 'unreadable', detail: String((e as Error).message ?? e).slice(0, 120) }
      }
    }
  }
  return attachmentFinding(item.url, read, ctx)
}
