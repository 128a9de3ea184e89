// npm run demo：在真实 Chromium 里加载刚构建的扩展，巡检虚构的"示例高新区"门户，留下截图和 CSV。
// `npm run build` has already produced dist/ by the time this runs (see package.json).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import iconv from 'iconv-lite'
import type { Page } from 'playwright-core'
import { DEMO_HOST, renderFile, serveSite } from './server.ts'
import { launchExtension, readOverlay, repoRoot, wantHeadless } from '../tests/e2e/harness.ts'

const SITE = join(repoRoot, 'demo/site')
const OUT = join(repoRoot, 'demo-output')
const PORTAL = '/xxgk/index.html'
const ARTICLE = '/xxgk/zcwj/t_0007.html'
/** The sample portal serves every page it links to except these two, kept broken so a site scan has something to find. */
const BROKEN_ON_PURPOSE: [string, string][] = [
  ['/xxgk/tzgg/t_0105.html', '通知公告列表里一条已删除的旧公告（死链）'],
  ['/xxgk/zdxm/index.html', '法定主动公开内容里已下线的"重大建设项目"栏目（无法访问）'],
]

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const v = await probe().catch(() => null)
    if (v) return v
    if (Date.now() > until) throw new Error(`等待超时：${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** Marker text repeats its tooltip; the first line is enough for a console summary. */
const short = (text: string) => (text.length > 70 ? `${text.slice(0, 70)}…` : text)

async function waitForOverlay(page: Page) {
  return waitFor('页面标记', async () => {
    const o = await readOverlay(page)
    return o.markers.length + o.missing.length > 0 ? o : null
  })
}

async function popupSummary(popup: Page) {
  const verdict = await waitFor('弹窗结论', async () => (await popup.getByTestId('verdict').first().textContent())?.trim())
  const counts = ((await popup.getByTestId('counts').first().innerText().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim()
  const findings = await popup.getByTestId('finding').count()
  return { verdict, counts, findings }
}

function runCli(file: string, url: string) {
  if (!existsSync(join(repoRoot, 'src/cli/main.ts'))) {
    console.log('（命令行工具 src/cli/main.ts 尚未就绪，跳过 CLI 演示）')
    return
  }
  const res = spawnSync(process.execPath, ['bin/disclosure-audit.js', '--format', 'table', '--url', url, file], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
  console.log(`\n$ node bin/disclosure-audit.js --format table --url ${url} ${relative(repoRoot, file)}`)
  process.stdout.write(res.stdout ?? '')
  if (res.stderr) process.stderr.write(res.stderr)
  // Exit status 1 only means the page has failures, which is the point of the demo page.
  console.log(`（退出码 ${res.status}：0 无不合格项，1 有不合格项，2 用法或输入错误）`)
  runCycle(file, url)
}

/** The audit cycle from the terminal: the office files, then a re-audit of the fixed page against the first report. */
function runCycle(file: string, url: string) {
  const cli = (args: string[]) => spawnSync(process.execPath, ['bin/disclosure-audit.js', '--url', url, ...args], { cwd: repoRoot, encoding: 'utf8' })
  const xlsx = join(OUT, '巡检结果.xlsx')
  const docx = join(OUT, '整改通知.docx')
  const baseline = join(OUT, 'baseline.json')
  for (const [format, out] of [['xlsx', xlsx], ['docx', docx]] as const) {
    const r = cli(['--format', format, '--out', out, file])
    if (r.status === 2) process.stderr.write(r.stderr)
  }
  writeFileSync(baseline, cli(['--format', 'json', file]).stdout)
  // The fix an editor would make: the document number written as GB/T 9704 wants it.
  const fixedFile = join(OUT, 't_0007-fixed.html')
  writeFileSync(fixedFile, readFileSync(file, 'utf8').replaceAll('高新管[2026]07号', '高新管〔2026〕7号'))
  const again = cli(['--format', 'table', '--baseline', baseline, fixedFile])
  console.log(`\n$ node bin/disclosure-audit.js --url … --format xlsx --out ${relative(repoRoot, xlsx)} / --format docx --out ${relative(repoRoot, docx)}`)
  console.log(`  工作簿 ${relative(repoRoot, xlsx)}，整改通知 ${relative(repoRoot, docx)}`)
  console.log(`\n$ node bin/disclosure-audit.js --url … --baseline ${relative(repoRoot, baseline)} ${relative(repoRoot, fixedFile)}（改正发文字号后复查）`)
  const summary = (again.stdout ?? '').split('\n').filter((l) => l.includes('与基线对比') || /不合格 \d+ ·/.test(l))
  for (const line of summary) console.log(line)
}

async function main() {
  await mkdir(OUT, { recursive: true })
  const server = await serveSite(SITE)
  const headless = wantHeadless()
  const h = await launchExtension({ headless })
  let keepOpen = false
  try {
    const origin = server.origin(DEMO_HOST)
    console.log(`示例门户：${origin}${PORTAL}（127.0.0.1:${server.port}，${headless ? '无界面' : '有界面'}模式）`)

    const page = await h.context.newPage()
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(origin + PORTAL)
    const overlay = await waitForOverlay(page)
    await page.screenshot({ path: join(OUT, 'page.png'), fullPage: true })

    const article = await h.context.newPage()
    await article.setViewportSize({ width: 1280, height: 900 })
    await article.goto(origin + ARTICLE)
    const articleOverlay = await waitForOverlay(article)
    await article.screenshot({ path: join(OUT, 'article.png'), fullPage: true })

    const popup = await h.openPopup(page)
    await popup.setViewportSize({ width: 480, height: 800 })
    const portalSummary = await popupSummary(popup)
    await popup.screenshot({ path: join(OUT, 'popup.png'), fullPage: true })

    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-session-csv').click()])
    const csvPath = join(OUT, download.suggestedFilename())
    await download.saveAs(csvPath)

    const articlePopup = await h.openPopup(article)
    const articleSummary = await popupSummary(articlePopup)
    await articlePopup.close()

    // The report page of the session (portal and article), on screen and printed to A4 as a supervisor would send it.
    const report = await h.context.newPage()
    await report.setViewportSize({ width: 1280, height: 900 })
    await report.goto(`chrome-extension://${h.extId}/src/report/index.html?host=${encodeURIComponent(new URL(origin).host)}`)
    await waitFor('报告页的发现', async () => (await report.getByTestId('report-finding').count()) > 0)
    await report.screenshot({ path: join(OUT, 'report.png'), fullPage: true })
    await report.screenshot({ path: join(OUT, 'report-top.png') })
    let pdfPath: string | null = join(OUT, 'report.pdf')
    try {
      await report.emulateMedia({ media: 'print' })
      await report.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true })
    } catch (err) {
      // page.pdf() exists only in headless Chromium; a headed demo run keeps the on-screen report.
      console.log(`（报告 PDF 仅在无界面模式下生成：${err instanceof Error ? err.message.split('\n')[0] : String(err)}）`)
      pdfPath = null
    }

    // The article on disk still holds date placeholders; the CLI gets the page exactly as the browser saw it.
    const rendered = await renderFile(join(SITE, ARTICLE))
    const savedArticle = join(OUT, 't_0007.html')
    await writeFile(savedArticle, iconv.decode(rendered.bytes, rendered.charset))

    console.log('\n巡检结果')
    console.log(`  ${PORTAL}：${portalSummary.verdict}｜${portalSummary.counts}｜页面标记 ${overlay.markers.length} 个，缺失项 ${overlay.missing.length} 条`)
    for (const m of overlay.markers) console.log(`    标记：${m.ruleId}  ${short(m.label)}`)
    for (const m of overlay.missing) console.log(`    缺失：${m.ruleId}  ${short(m.text)}`)
    console.log(`  ${ARTICLE}：${articleSummary.verdict}｜${articleSummary.counts}｜页面标记 ${articleOverlay.markers.length} 个`)
    for (const m of articleOverlay.markers) console.log(`    标记：${m.ruleId}  ${short(m.label)}`)
    console.log('\n输出文件')
    console.log(`  门户截图  ${relative(repoRoot, join(OUT, 'page.png'))}`)
    console.log(`  文件截图  ${relative(repoRoot, join(OUT, 'article.png'))}`)
    console.log(`  弹窗截图  ${relative(repoRoot, join(OUT, 'popup.png'))}`)
    console.log(`  报告截图  ${relative(repoRoot, join(OUT, 'report.png'))}`)
    if (pdfPath) console.log(`  报告 PDF  ${relative(repoRoot, pdfPath)}`)
    console.log(`  会话 CSV  ${relative(repoRoot, csvPath)}`)

    console.log('\n示例门户里故意保留的断链（全站扫描应当发现它们）')
    for (const [path, why] of BROKEN_ON_PURPOSE) console.log(`  ${path}  ${why}`)

    runCli(savedArticle, origin + ARTICLE)

    if (!headless) {
      keepOpen = true
      console.log('\n浏览器保持打开，按 Ctrl-C 结束。')
      await new Promise<void>((resolveWait) => {
        process.once('SIGINT', () => resolveWait())
        h.context.once('close', () => resolveWait())
      })
    }
  } finally {
    if (keepOpen) console.log('正在关闭…')
    await h.close()
    await server.close()
  }
}

main().catch((err) => {
  console.error(`演示失败：${err instanceof Error ? err.stack ?? err.message : String(err)}`)
  process.exitCode = 1
})
