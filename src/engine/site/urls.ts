// URL normalisation for the scan's de-duplication. Two spellings of one page must map to one key, or the scanner
// fetches the same page twice; two different pages must never map to one key, or a column goes unchecked.

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' }

/** Resolves `href` against `base` and normalises it; null for javascript:, mailto:, data: and unparsable hrefs. */
export function normalizeUrl(href: string | null | undefined, base?: string | null): string | null {
  if (!href) return null
  const raw = href.trim()
  if (!raw || raw.startsWith('#')) return null
  let url: URL
  try {
    url = base ? new URL(raw, base) : new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  url.hash = ''
  if (DEFAULT_PORTS[url.protocol] === url.port) url.port = ''
  // Tracking parameters never select different content, while other query keys (?page=2, ?id=) do.
  for (const key of [...url.searchParams.keys()]) {
    if (/^utm_/i.test(key) || key === 'spm' || key === 'from') url.searchParams.delete(key)
  }
  if (url.pathname === '') url.pathname = '/'
  let text = url.toString()
  if (url.search === '' && text.endsWith('?')) text = text.slice(0, -1)
  return text
}

export function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

/**
 * Same scheme, host and port. The scan never leaves the origin it was started on: another port or scheme of the same
 * host name is another site as far as a browser's cookies and an auditor's mandate go.
 */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin
  } catch {
    return false
  }
}

// Links that do something when followed (log out, delete, edit) rather than show a page. A link check must never
// request them: with the auditor's session they could end it, or change the site.
const ACTION_PATH = /(^|[/._-])(logout|log-out|signout|sign-out|logoff|exit|quit|delete|del|remove|destroy|drop|edit|update|modify|approve|reject|publish|unpublish)([/._?=&-]|$)/i
const ACTION_QUERY = /(^|[?&])(action|act|op|do|method|cmd)=/i
const ACTION_TEXT = /退出|注销|登出|删除|编辑|修改|审核|发布|撤销/

/** A link that looks like an action (logout/退出/注销, delete/删除, edit, `?action=`): never requested by a scan. */
export function looksLikeActionLink(url: string, text = ''): boolean {
  if (ACTION_TEXT.test(text)) return true
  try {
    const u = new URL(url)
    return ACTION_PATH.test(u.pathname) || ACTION_QUERY.test(u.search)
  } catch {
    return false
  }
}

const ATTACHMENT_EXT = /\.(pdf|docx?|xlsx?|pptx?|wps|et|dps|ofd|zip|rar|7z|tar|gz|txt|csv|ceb|caj)$/i
const IMAGE_EXT = /\.(jpe?g|png|gif|bmp|webp|svg|tiff?)$/i
const MEDIA_EXT = /\.(mp3|mp4|avi|flv|wmv|mov|swf)$/i

function pathOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname)
  } catch {
    return url
  }
}

/** Downloadable documents (the pdf/doc/docx/xls/xlsx/wps/zip and their kin). */
export function isAttachmentUrl(url: string): boolean {
  return ATTACHMENT_EXT.test(pathOf(url))
}

/** Anything that is certainly not an HTML page, judged from the address alone (no request needed). */
export function isNonHtmlUrl(url: string): boolean {
  const path = pathOf(url)
  return ATTACHMENT_EXT.test(path) || IMAGE_EXT.test(path) || MEDIA_EXT.test(path)
}

/**
 * Article (detail) pages of the common government CMSs. Navigation blocks sometimes list a few articles; fetching
 * them as "columns" would report documents as columns without entries.
 */
const ARTICLE_PATTERNS: readonly RegExp[] = [
  /\/art\/\d{4}\/\d{1,2}\/\d{1,2}\//i, // 大汉 jcms
  /\/art_\d+_\d+\.html?$/i,
  /\/t\d{8}_\d+\.s?html?$/i, // TRS WCM
  /\/content_\d+\.s?html?$/i,
  /\/\d{4}-?\d{2}\/\d{2}\/[^/]+\.s?html?$/i,
  /\/\d{6,8}\/[0-9a-f]{16,}\.s?html?$/i,
  /[?&](articleid|articleId|docid|docId|contentid|contentId)=/,
]

export function looksLikeArticleUrl(url: string): boolean {
  return ARTICLE_PATTERNS.some((re) => re.test(url))
}

const LOGIN_URL = /(^|[/._?=&-])(login|logon|signin|sign-in|sso|cas|passport|oauth|authserver|uc\/?login)([/._?=&-]|$)/i

/** A redirect target that is a sign-in page (统一身份认证 and the like). */
export function looksLikeLoginUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return LOGIN_URL.test(u.pathname + u.search) || /^(sso|cas|passport|login|auth|uc)\./i.test(u.hostname)
  } catch {
    return false
  }
}

/** `host[:port]` of an http(s) address (the key of a site's audit session), or null for any other address. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    const u = new URL(url)
    return /^https?:$/.test(u.protocol) ? u.host : null
  } catch {
    return null
  }
}
