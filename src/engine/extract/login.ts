// Whether a page is a sign-in page or stands in for content behind a login (a 统一身份认证 form the site redirected
// to, a "请先登录" notice). Such a page is marked in the report so an auditor knows what was audited, and so that
// nobody mistakes it for the column it replaced; a portal that merely carries a small 用户登录 box beside its lists
// is not one.
import type { CheerioAPI } from 'cheerio/slim'
import type { Element } from 'domhandler'
import { queryAll } from './dom.ts'
import { looksLikeLoginUrl } from '../site/urls.ts'
import { isElement, visibleText } from './structure/text.ts'

/** What the detection looks at, gathered from the page; kept apart so the decision is a plain, tested function. */
export interface LoginSignals {
  url: string | null
  title: string
  /** Visible text of each form that holds a password field (or of the field's surroundings when there is no form). */
  passwordForms: string[]
  /** Length of the page's main text. */
  textLength: number
  /** Dated entries across the page's columns: a page of lists is content, whatever login box it carries. */
  datedEntries: number
  mainText: string
}

const LOGIN_WORDS = /登录|登陆|统一身份认证|身份认证|用户名|账号|帐号|sign\s*in|log\s*in/i
const LOGIN_REQUIRED = /请(先)?(登录|登陆)|(登录|登陆)后(才能|方可|再)?(查看|访问|浏览|操作|下载|使用)|(您|你)(还|尚)?(未|没有)(登录|登陆)|(登录|登陆)(已|状态)?(过期|超时|失效)|无权(限)?访问/
/** A page with this little main text and this few dated entries is about its form, not about content. */
const MAX_LOGIN_TEXT = 1500
const MAX_LOGIN_ENTRIES = 4

export function isLoginPage(s: LoginSignals): boolean {
  const sparse = s.textLength <= MAX_LOGIN_TEXT && s.datedEntries <= MAX_LOGIN_ENTRIES
  const loginForm = s.passwordForms.some((t) => LOGIN_WORDS.test(t)) || (s.passwordForms.length > 0 && LOGIN_WORDS.test(s.title))
  if (loginForm && sparse) return true
  // Redirected to a sign-in address: the page there may log in by SMS or QR code, without a password field.
  if (s.url && looksLikeLoginUrl(s.url) && (s.passwordForms.length > 0 || LOGIN_WORDS.test(s.title) || (sparse && LOGIN_WORDS.test(s.mainText)))) return true
  return sparse && LOGIN_REQUIRED.test(s.mainText)
}

/** Levels climbed from a password field with no <form> (script-driven logins) to reach its labels and button. */
const FIELD_SURROUNDINGS = 3

/** The field's form, else the ancestor a few levels up that holds its labels and button. */
function closestForm(field: Element): Element {
  let around = field
  for (let el: Element | null = field, up = 0; el && isElement(el); el = isElement(el.parent) ? el.parent : null, up++) {
    if (el.name === 'form') return el
    if (up <= FIELD_SURROUNDINGS) around = el
  }
  return around
}

function isPasswordField(el: Element): boolean {
  return el.name === 'input' && (el.attribs.type ?? '').trim().toLowerCase() === 'password'
}

/** The text of every form holding a password field. */
export function passwordFormTexts($: CheerioAPI): string[] {
  const out: string[] = []
  const seen = new Set<Element>()
  for (const field of queryAll($, isPasswordField)) {
    const form = closestForm(field)
    if (seen.has(form)) continue
    seen.add(form)
    out.push(visibleText(form).slice(0, 500))
  }
  return out
}
