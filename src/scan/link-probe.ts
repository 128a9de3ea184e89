// The link check of one link: HEAD first; GET (capped) when the server refuses HEAD, to see a soft 404.
import { decodeHtml } from '../engine/charset.ts'
import { isSoft404 } from '../engine/site/column-status.ts'
import { classifyLink, needsGetRetry } from '../engine/site/link-check.ts'
import type { SiteLink } from '../engine/site/types.ts'
import { isNonHtmlUrl } from '../engine/site/urls.ts'
import { header, LINK_GET_MAX_BYTES, NON_HTML_TYPE, type Requested } from './request.ts'
import type { LinkItem } from './types.ts'

export type Request = (url: string, method: 'GET' | 'HEAD', maxBytes?: number) => Promise<Requested>

export async function probeLink(item: LinkItem, request: Request, pause: () => Promise<void>): Promise<SiteLink> {
  let probe = await request(item.url, 'HEAD')
  let soft404 = false
  const headStatus = probe.resp?.status ?? null
  if (needsGetRetry(headStatus) || headStatus === 501) {
    await pause()
    probe = await request(item.url, 'GET', LINK_GET_MAX_BYTES)
    const r = probe.resp
    if (r && r.status === 200 && !isNonHtmlUrl(item.url) && !NON_HTML_TYPE.test(header(r, 'content-type') ?? '')) {
      try {
        soft404 = isSoft404(decodeHtml(r.bytes, { contentType: header(r, 'content-type') }).html, r.status)
      } catch {
        soft404 = false
      }
    }
  }
  const httpStatus = probe.resp?.status ?? null
  const link: SiteLink = {
    url: item.url,
    from: item.from,
    result: classifyLink({ httpStatus, error: probe.error, soft404 }),
    httpStatus,
  }
  if (probe.error) link.error = probe.error
  if (item.attachment) link.attachment = true
  return link
}
