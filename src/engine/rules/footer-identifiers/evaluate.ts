// 政府网站发展指引 (国办发〔2017〕47号) 网页设计规范 底部功能区, checked under 19号 功能设计·网站标识:
// every page's footer names the sponsor and carries the site code, ICP and police records and the 党政机关 badge.
import type { Finding, Footer, FooterItem, Localized, PageModel, RuleContext } from '../../types.ts'
import type { Params } from './params.ts'
import { compilePatterns, testBounded } from '../../rule-kit/patterns.ts'

type ItemKey = 'sponsor' | 'siteIdCode' | 'icp' | 'police' | 'conac'

const ITEMS: Record<ItemKey, Localized> = {
  sponsor: { zh: '主办单位', en: 'sponsoring body' },
  siteIdCode: { zh: '网站标识码', en: 'site identification code' },
  icp: { zh: 'ICP备案编号', en: 'ICP record number' },
  police: { zh: '公安机关备案编号', en: 'public-security record number' },
  conac: { zh: '党政机关网站标识', en: 'Party and government website badge' },
}
const HOW_TO: Record<ItemKey, Localized> = {
  sponsor: { zh: '如“主办单位：××市人民政府办公室”', en: 'e.g. 主办单位：××市人民政府办公室' },
  siteIdCode: { zh: '如“网站标识码：3609000002”', en: 'e.g. 网站标识码：3609000002' },
  icp: { zh: '如“赣ICP备06000141号”，链接至 beian.miit.gov.cn', en: 'e.g. 赣ICP备06000141号, linked to beian.miit.gov.cn' },
  police: { zh: '如“赣公网安备 36090202000004号”或“公安备案号：…”，链接至 beian.gov.cn', en: 'e.g. 赣公网安备 36090202000004号, linked to beian.gov.cn' },
  conac: { zh: '党政机关网站标识（红色徽标），可点击查看证书', en: 'the red 党政机关 badge, clickable to its certificate' },
}
const ALL_ITEMS = Object.keys(ITEMS) as ItemKey[]

/** The code itself, whether the extractor kept the label (`政府网站标识码：bm06000004`) or not. */
export function siteCodeOf(item: FooterItem): string {
  const v = item.value.replace(/[\s\u00a0\u3000]+/g, '')
  const m = /(bm\d{8}|\d{10})(?!\d)/i.exec(v)
  return m ? m[1] : v.replace(/^(?:政府)?网站标识码[:：]?/, '')
}

/** Footers open with link rows (关于我们 | 网站地图) and close with the identifier lines, so the end is the evidence. */
function footerTail(text: string, max = 120): string {
  const t = text.trim()
  return t.length <= max ? t : `…${t.slice(-max)}`
}

function metaSiteCode(meta: Record<string, string>): { present: boolean; value: string } {
  for (const [name, value] of Object.entries(meta)) {
    if (name.toLowerCase() === 'siteidcode') return { present: true, value: value.trim() }
  }
  return { present: false, value: '' }
}

/** Signs that a page is a full page of the site (and so carries the site's footer), not an extract or a frame. */
function siteSigns(page: PageModel, params: Params): Localized[] {
  const wanted = new Set(params.siteMetaNames.map((n) => n.toLowerCase()))
  const metas = Object.entries(page.meta)
    .filter(([name, value]) => wanted.has(name.toLowerCase()) && value.trim())
    .map(([name]) => name)
  const signs: Localized[] = []
  if (metas.length) signs.push({ zh: `有网页标签 ${metas.join('、')}`, en: `meta ${metas.join(', ')}` })
  if (page.navigation.length >= 5) signs.push({ zh: `有 ${page.navigation.length} 项网站导航`, en: `${page.navigation.length} site navigation links` })
  return signs
}

export function evaluate(page: PageModel, params: Params, ctx: RuleContext): Finding[] {
  const footer: Footer | null = page.footer
  // A block that holds none of the five items is not the site's footer (wrapped extracts mention 备案 in body text);
  // five fails there would accuse a page that never had site chrome.
  const anyItem = !!footer && ALL_ITEMS.some((k) => footer[k] !== null)
  if (!footer || !anyItem) {
    const signs = siteSigns(page, params)
    if (signs.length) {
      // A page of the site's own templates has the site's footer; when its HTML shows none, a script drew it.
      return [
        ctx.finding({
          status: 'review',
          section: '底部功能区',
          key: 'footer',
          message: {
            zh: '底部未见网站标识，可能由脚本生成，请在浏览器中核对',
            en: 'No site identifiers in the footer of this HTML; they may be drawn by script, check in the browser',
          },
          evidence: {
            zh: `本页是网站的完整页面（${signs.map((s) => s.zh).join('；')}），但其 HTML 底部没有主办单位、网站标识码、备案编号或党政机关网站标识`,
            en: `a full page of the site (${signs.map((s) => s.en).join('; ')}), but its HTML has no sponsor, site code, records or badge in a footer`,
          },
          expected: { zh: '门户页面底部列明主办单位、网站标识码、ICP备案、公安备案和党政机关网站标识', en: 'the footer lists sponsor, site code, ICP and police records and the 党政机关 badge' },
          locator: null,
          data: { reason: 'footer-not-in-html' },
        }),
      ]
    }
    return [
      ctx.finding({
        status: 'n/a',
        section: '底部功能区',
        message: {
          zh: '未识别到页面底部功能区（可能是摘录、包装或框架内页面），未检查网站标识',
          en: 'No footer found (an extracted, wrapped or framed page); site identifiers not checked',
        },
        evidence: { zh: '页面无可识别的底部区域', en: 'no recognisable footer' },
        expected: { zh: '门户页面底部列明主办单位、网站标识码、ICP备案、公安备案和党政机关网站标识', en: 'the footer lists sponsor, site code, ICP and police records and the 党政机关 badge' },
        locator: null,
      }),
    ]
  }
  const keys: ItemKey[] = params.items
  const [codePattern = /^(\d{10}|bm\d{8})$/i] = compilePatterns([params.siteIdCodePattern], 'iu')
  const out: Finding[] = []
  for (const key of keys) {
    const name = ITEMS[key]
    const item = footer[key]
    const expected = { zh: `页面底部应列明${name.zh}，${HOW_TO[key].zh}`, en: `the footer shows the ${name.en}, ${HOW_TO[key].en}` }
    const partial = !item ? partialItem(key) : null
    if (partial) {
      out.push(partial)
      continue
    }
    if (!item) {
      out.push(
        ctx.finding({
          status: 'fail',
          section: name.zh,
          key: `item:${key}`,
          message: { zh: `页面底部缺少${name.zh}`, en: `The footer lacks the ${name.en}` },
          evidence: { zh: `底部文字：${footerTail(footer.text) || '（空）'}`, en: `footer text: ${footerTail(footer.text) || '(empty)'}` },
          expected,
          locator: null,
        }),
      )
      continue
    }
    const evidence = { zh: `底部：${item.value}`, en: `footer: ${item.value}` }
    if (key === 'siteIdCode') {
      const code = siteCodeOf(item)
      if (!testBounded(codePattern, code)) {
        out.push(
          ctx.finding({
            status: 'fail',
            section: name.zh,
            key: `item:${key}`,
            message: { zh: `网站标识码“${code}”格式不正确`, en: `The site code “${code}” is malformed` },
            evidence,
            expected: { zh: '网站标识码为 10 位数字（地方）或 bm 加 8 位数字（国务院部门）', en: '10 digits (local sites) or bm + 8 digits (central departments)' },
            locator: item.locator,
          }),
        )
        continue
      }
      out.push(...compareWithMeta(code, item))
    }
    out.push(
      ctx.finding({
        status: 'pass',
        section: name.zh,
        key: `item:${key}`,
        message: { zh: `页面底部已列明${name.zh}`, en: `The footer shows the ${name.en}` },
        evidence,
        expected,
        locator: item.locator,
      }),
    )
  }
  return out

  /**
   * Present, but not in a form the saved HTML can confirm or in the required wording: a person decides. conac's script
   * draws the badge only when it runs; "××委员会 版权所有" names the body without the 主办单位 label.
   */
  function partialItem(key: ItemKey): Finding | null {
    const name = ITEMS[key]
    const expected = { zh: `页面底部应列明${name.zh}，${HOW_TO[key].zh}`, en: `the footer shows the ${name.en}, ${HOW_TO[key].en}` }
    if (key === 'conac' && footer?.conacScript) {
      return ctx.finding({
        status: 'review',
        section: name.zh,
        key: `item:${key}`,
        message: {
          zh: '党政机关网站标识由 conac 脚本动态插入，页面源码中没有标识图片，请在浏览器中核对是否显示并可点击查看证书',
          en: 'The 党政机关 badge is inserted by conac’s script; the HTML has no badge, so check in a browser that it shows and links to its certificate',
        },
        evidence: { zh: `脚本：${footer.conacScript.value}`, en: `script: ${footer.conacScript.value}` },
        expected,
        locator: footer.conacScript.locator,
      })
    }
    if (key === 'sponsor' && footer?.copyrightHolder) {
      return ctx.finding({
        status: 'review',
        section: name.zh,
        key: `item:${key}`,
        message: {
          zh: `底部未标明“主办单位”，仅以“版权所有”署名 ${footer.copyrightHolder.value}，请核对是否即主办单位`,
          en: `The footer names ${footer.copyrightHolder.value} only as copyright holder, with no 主办单位 label`,
        },
        evidence: { zh: `底部：${footer.copyrightHolder.value} 版权所有`, en: `footer: ${footer.copyrightHolder.value} 版权所有` },
        expected,
        locator: footer.copyrightHolder.locator,
      })
    }
    return null
  }

  /** The meta is for machines, the footer for people; they should agree, but a gap is a note, not a defect of the page. */
  function compareWithMeta(code: string, item: FooterItem): Finding[] {
    const meta = metaSiteCode(page.meta)
    const section = '网站标识码（SiteIDCode 元标签）'
    const expected = { zh: '<meta name="SiteIDCode"> 应与底部网站标识码一致', en: '<meta name="SiteIDCode"> matches the footer code' }
    if (!meta.value) {
      return [
        ctx.finding({
          status: 'review',
          section,
          message: {
            zh: meta.present ? 'SiteIDCode 元标签为空，底部标识码未写入页面元数据' : '页面无 SiteIDCode 元标签',
            en: meta.present ? 'The SiteIDCode meta is empty while the footer shows a code' : 'The page has no SiteIDCode meta',
          },
          evidence: { zh: `底部 ${code}，元标签 ${meta.present ? '（空）' : '（无）'}`, en: `footer ${code}, meta ${meta.present ? '(empty)' : '(absent)'}` },
          expected,
          locator: item.locator,
        }),
      ]
    }
    if (meta.value.toLowerCase() !== code.toLowerCase()) {
      return [
        ctx.finding({
          status: 'review',
          section,
          message: { zh: '底部网站标识码与 SiteIDCode 元标签不一致', en: 'The footer site code differs from the SiteIDCode meta' },
          evidence: { zh: `底部 ${code}，元标签 ${meta.value}`, en: `footer ${code}, meta ${meta.value}` },
          expected,
          locator: item.locator,
        }),
      ]
    }
    return []
  }
}
