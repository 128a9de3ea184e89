// One page of the scan: fetched (or the start page's DOM as given), checked for what makes it no list at all (error,
// login, soft 404, not HTML, cut at the size cap), audited with the engine, and turned into its column verdict, its
// column links and its anchors for the link check.
import { auditModel } from '../engine/audit.ts'
import { decodeHtml } from '../engine/charset.ts'
import { buildPageModel } from '../engine/page-model.ts'
import type { FreshnessSettings } from '../engine/rule-kit/freshness.ts'
import { columnResult, failedColumn, isSoft404 } from '../engine/site/column-status.ts'
import { hubLinksOf, isDocumentPage } from '../engine/site/hub.ts'
import { columnLinksOf, extractAnchors } from '../engine/site/links.ts'
import { isNonHtmlUrl, looksLikeLoginUrl, normalizeUrl, sameOrigin } from '../engine/site/urls.ts'
import type { PageModel } from '../engine/types.ts'
import type { Request } from './link-probe.ts'
import { header, NON_HTML_TYPE } from './request.ts'
import { SCAN_PAGE_MAX_BYTES, type PageItem, type PageResult, type ScanOptions, type ScanState } from './types.ts'

export interface PageContext {
  state: ScanState
  options: ScanOptions
  freshness: FreshnessSettings
  request: Request
}

export function emptyResult(): PageResult {
  return {
    httpStatus: null,
    finalUrl: null,
    contentType: null,
    charset: null,
    error: null,
    column: null,
    report: null,
    links: [],
    anchors: [],
    blockColumns: [],
    soft404: false,
  }
}

export async function fetchPage(item: PageItem, ctx: PageContext): Promise<PageResult> {
  const s = ctx.state
  const out = emptyResult()
  const isStart = item.depth === 0
  const fail = (status: Parameters<typeof failedColumn>[1], detail: string): PageResult => {
    if (!isStart) out.column = failedColumn(item, status, out.httpStatus, detail)
    else out.report = { title: '', kind: 'other', findings: [], notes: [detail] }
    return out
  }
  if (!isStart && isNonHtmlUrl(item.url)) return fail('not-html', '栏目链接指向附件或图片，不是网页列表')

  let html: string
  if (isStart && s.startHtml !== null) {
    html = s.startHtml
    out.finalUrl = s.startUrl
    // The DOM is only needed once; keeping it would bloat every save.
    s.startHtml = null
  } else {
    const got = await ctx.request(item.url, 'GET')
    if (!got.resp) {
      out.error = got.error
      const why = { timeout: '请求超时', dns: '域名无法解析', refused: '连接被拒绝', network: '网络错误' }[got.error]
      return fail('unreachable', `${why}（${got.error}）`)
    }
    const resp = got.resp
    out.httpStatus = resp.status
    out.finalUrl = normalizeUrl(resp.url) ?? item.url
    out.contentType = header(resp, 'content-type')
    if (resp.status >= 400) return fail('unreachable', `HTTP ${resp.status}`)
    // The site is the origin the start page ended on (http → https is the site's own choice); a column that
    // redirects elsewhere is not followed, and its links are not the site's.
    const siteUrl = isStart ? out.finalUrl : (s.pages[0]?.result?.finalUrl ?? s.startUrl)
    if (!isStart && !sameOrigin(out.finalUrl, siteUrl)) return fail('offsite', `跳转至站外：${out.finalUrl}`)
    if (resp.truncated) {
      // Judging the head of a page as if it were the whole would call a long list "not updated" or "blank".
      return fail('too-large', `页面过大，未完整读取（超过 ${(SCAN_PAGE_MAX_BYTES / 1024 / 1024).toFixed(0)} MB），不作判断`)
    }
    if (out.finalUrl !== item.url && looksLikeLoginUrl(out.finalUrl)) {
      return fail('login', `跳转到登录页面：${out.finalUrl}`)
    }
    if (NON_HTML_TYPE.test(out.contentType ?? '')) return fail('not-html', `栏目页面不是网页（${out.contentType}）`)
    if (resp.bytes.length === 0) return fail('error', '页面内容为空')
    try {
      const decoded = decodeHtml(resp.bytes, { contentType: out.contentType })
      html = decoded.html
      out.charset = decoded.charset
    } catch (e) {
      if ((e as Error).name === 'InputError') return fail('not-html', (e as Error).message)
      return fail('error', `解码失败：${(e as Error).message}`)
    }
    if (isSoft404(html, resp.status)) {
      out.soft404 = true
      return fail('soft404', '页面返回 200，但内容为“页面不存在”')
    }
  }

  const pageUrl = out.finalUrl ?? item.url
  let model: PageModel
  try {
    model = buildPageModel(html, { url: pageUrl, asOf: ctx.options.asOf })
    // The engine's own judgement (src/engine/extract/login.ts), so a column page with a 用户登录 box beside its list is
    // still judged, and a 请先登录 notice is not taken for a blank column. Its links are not followed.
    if (model.loginPage) return fail('login', '页面要求登录')
    const report = auditModel(model, { url: pageUrl, packs: ctx.options.packs, asOf: ctx.options.asOf, lang: ctx.options.lang })
    out.report = {
      title: report.title,
      kind: report.kind,
      findings: report.findings,
      notes: report.notes,
      ...(report.publisher && { publisher: report.publisher }),
      ...(report.column && { column: report.column }),
    }
  } catch (e) {
    return fail('error', `页面解析出错：${(e as Error).message}`)
  }
  let hub: ReturnType<typeof hubLinksOf> = []
  if (isStart) {
    item.name = model.columnName || model.title
  } else if (isDocumentPage(model)) {
    // Reached through a navigation link, but one document (its own metadata, no list): it belongs to a column and is
    // not one, so it neither counts as a column nor as a blank one.
    s.notes.push(`「${item.name}」是文档页而非栏目，未计入栏目统计：${item.url}`)
  } else {
    out.column = columnResult(model, {
      name: item.name,
      url: item.url,
      asOf: ctx.options.asOf,
      class: item.class,
      level: item.level,
      httpStatus: out.httpStatus,
      freshness: ctx.freshness,
    })
    hub = out.column.status === 'blank' ? hubLinksOf(html, model, pageUrl, new Set(s.pages.map((p) => p.url))) : []
    if (hub.length) {
      // Its content is links to its sub-columns: not a blank column. The sub-columns are judged one by one.
      out.column = { ...out.column, status: 'ok', entries: hub.length, detail: `栏目导航页：含 ${hub.length} 个子栏目，逐一检查各子栏目` }
    }
  }
  if (item.depth < ctx.options.maxDepth) {
    const own = columnLinksOf(model, { pageUrl })
    const known = new Set(own.map((l) => l.url))
    out.links = [...own, ...hub.filter((l) => !known.has(l.url))]
  } else if (hub.length) {
    s.notes.push(`「${item.name}」的 ${hub.length} 个子栏目超出巡检层级 ${ctx.options.maxDepth}，未检查`)
  }
  if (ctx.options.checkLinks) out.anchors = extractAnchors(html, pageUrl, ctx.options.maxAnchorsPerPage)
  if (isStart) out.blockColumns = blockColumns(model, out, pageUrl, ctx)
  return out
}

/** Portal blocks the scan will not visit (no list link of their own): judged on the dates the start page shows. */
function blockColumns(model: PageModel, out: PageResult, pageUrl: string, ctx: PageContext): PageResult['blockColumns'] {
  const linked = new Set(out.links.map((l) => l.url))
  return model.columns
    .filter((c) => {
      const href = normalizeUrl(c.href, pageUrl)
      return !href || !linked.has(href)
    })
    .map((c) =>
      columnResult(
        { ...model, kind: 'list', columns: [c], visibleDate: null },
        { name: c.name, url: normalizeUrl(c.href, pageUrl), asOf: ctx.options.asOf, class: c.freshnessClass, level: c.level, freshness: ctx.freshness },
      ),
    )
}
