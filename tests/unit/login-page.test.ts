// Which audited pages are sign-in pages or stand in for content behind a login: they are marked in the report
// (loginPage: true) so nobody mistakes a 统一身份认证 form for the column it replaced. A portal with a small 用户登录
// box beside its lists is content, not a login page.
import { describe, expect, it } from 'vitest'
import { audit } from '../../src/engine/audit.ts'
import { isLoginPage, type LoginSignals } from '../../src/engine/extract/login.ts'
import { buildPageModel } from '../../src/engine/page-model.ts'
import { nationalPack } from '../../src/engine/pack.ts'

const ASOF = '2026-11-27'
const model = (html: string, url = 'https://www.example.gov.cn/zwgk/') => buildPageModel(html, { url, asOf: ASOF })
const page = (title: string, body: string) => `<html><head><title>${title}</title></head><body>${body}</body></html>`

const loginForm = `<div class="login"><h2>用户登录</h2><form action="/login.do" method="post">
<label>用户名</label><input name="u"><label>密码</label><input type="password" name="p"><button>登录</button></form></div>`

function portalRows(n: number): string {
  let rows = ''
  for (let i = 0; i < n; i++) rows += `<li><a href="/tzgg/${i}.html">关于第${i}项工作的通知</a><span>2026-11-${String(1 + (i % 20)).padStart(2, '0')}</span></li>`
  return `<div class="box"><h3><a href="/tzgg/">通知公告</a></h3><ul>${rows}</ul></div>`
}

describe('login pages from the parsed page', () => {
  it('a page that is a 用户登录 form is a login page, and its report says so', () => {
    const html = page('某某县人民政府 - 用户登录', loginForm)
    expect(model(html).loginPage).toBe(true)
    expect(audit(html, { url: 'https://www.example.gov.cn/user/', packs: [nationalPack()], asOf: ASOF }).loginPage).toBe(true)
  })

  it('a portal that carries a 用户登录 box beside its dated lists is not', () => {
    const html = page('某某县人民政府', `${portalRows(12)}${loginForm}`)
    expect(model(html).loginPage).toBeUndefined()
    expect(audit(html, { url: 'https://www.example.gov.cn/', packs: [nationalPack()], asOf: ASOF })).not.toHaveProperty('loginPage')
  })

  it('a password field in a script-driven form (no <form>) with 统一身份认证 wording counts', () => {
    const html = page('统一身份认证平台', '<div id="app"><div class="box"><span>账号</span><input id="a"><span>密码</span><input type="password" id="b"><a href="javascript:;">登 录</a></div></div>')
    expect(model(html).loginPage).toBe(true)
  })

  it('a redirect to a sign-in address that logs in by QR code (no password field) counts', () => {
    const html = page('统一身份认证', '<div class="qr"><img src="/qr.png" alt="扫码登录"><p>请使用政务服务APP扫码登录</p></div>')
    expect(model(html, 'https://sso.example.gov.cn/cas/login?service=https%3A%2F%2Fwww.example.gov.cn%2Fzwgk%2F').loginPage).toBe(true)
    // The same words on an ordinary address, with no form and no "log in first" notice, are not enough.
    expect(model(html, 'https://www.example.gov.cn/bsfw/app.html').loginPage).toBeUndefined()
  })

  it('a "请先登录" notice standing in for the content counts', () => {
    expect(model(page('信息公开', '<div class="main"><p>您尚未登录，请先登录后查看。</p><a href="/login.html">去登录</a></div>')).loginPage).toBe(true)
  })

  it('an article that talks about logging in, and a 护照 page under /passport/, are not login pages', () => {
    const article = page('关于政务服务网统一身份认证系统升级的通知', `<div class="article"><h1>关于政务服务网统一身份认证系统升级的通知</h1><p>${'系统升级期间，用户登录可能受到影响，请合理安排办事时间。'.repeat(60)}</p></div>`)
    expect(model(article).loginPage).toBeUndefined()
    expect(model(page('普通护照办理指南', '<div class="article"><h1>普通护照办理指南</h1><p>申请材料：身份证、照片。</p></div>'), 'https://www.example.gov.cn/bsfw/passport/zn.html').loginPage).toBeUndefined()
  })
})

describe('the decision on its own signals', () => {
  const base: LoginSignals = { url: 'https://www.example.gov.cn/a.html', title: '某页', passwordForms: [], textLength: 200, datedEntries: 0, mainText: '正文' }
  it.each<[string, Partial<LoginSignals>, boolean]>([
    ['password form with 登录, little else', { passwordForms: ['用户名 密码 登录'] }, true],
    ['password form with 登录 on a page of many dated entries', { passwordForms: ['用户名 密码 登录'], datedEntries: 30 }, false],
    ['password form with 登录 on a long page', { passwordForms: ['用户名 密码 登录'], textLength: 5000 }, false],
    ['password form without words, titled 登录', { passwordForms: ['  '], title: '用户登录' }, true],
    ['a password field in a form about something else', { passwordForms: ['修改密码 旧密码 新密码 确定'] }, false],
    ['login URL with a password form, even among lists', { url: 'https://www.example.gov.cn/login.jsp?returnUrl=/zwgk/', passwordForms: ['密码'], datedEntries: 40 }, true],
    ['login URL with nothing that looks like a login', { url: 'https://www.example.gov.cn/login.jsp', title: '通知公告', mainText: '通知公告' }, false],
    ['请先登录 on a sparse page', { mainText: '请先登录' }, true],
    ['请先登录 in a long article', { mainText: '请先登录', textLength: 4000 }, false],
  ])('%s', (_name, over, expected) => {
    expect(isLoginPage({ ...base, ...over })).toBe(expected)
  })
})
