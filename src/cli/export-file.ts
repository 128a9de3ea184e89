// `--format xlsx|docx --out FILE`: the office files, built by the same modules as the report page's, loaded only when
// asked for (exceljs and docx are large) and written whole or not at all.
import { rename, unlink, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { hostOf } from '../engine/site/urls.ts'
import type { ExportContext, ExportData } from '../export/context.ts'

export type FileFormat = 'xlsx' | 'docx'

export class ExportWriteError extends Error {}

/** 机构类型 as the auditor stated it with --deadline (the annual-report deadline says which kind of body it is). */
export function bodyTypeOf(deadline: string | null): string | undefined {
  if (deadline === '01-31') return '部门（年度报告 1 月 31 日前）'
  if (deadline === '03-31') return '县级以上人民政府（年度报告 3 月 31 日前）'
  return undefined
}

/** The site the exports name: the pages' hosts, else the file audited (a saved page without --url has no address). */
export function siteName(urls: (string | null)[], sources: string[]): string {
  const hosts = [...new Set(urls.map((u) => hostOf(u)).filter((h): h is string => !!h))]
  return hosts.join('、') || basename(sources[0] ?? '') || '（未注明网站）'
}

export async function writeExport(format: FileFormat, data: ExportData, ctx: ExportContext, out: string): Promise<{ bytes: number; notices?: number }> {
  let bytes: Uint8Array
  let notices: number | undefined
  if (format === 'xlsx') {
    const { buildXlsx } = await import('../export/xlsx.ts')
    bytes = await buildXlsx(data, ctx)
  } else {
    const { buildNotices, noticeBodies } = await import('../export/notice.ts')
    bytes = await buildNotices(data, ctx)
    notices = noticeBodies(data, ctx).length
  }
  // A temp file renamed into place: an interrupted write never leaves a half file where the auditor expects one.
  const tmp = `${out}.${process.pid}.tmp`
  try {
    await writeFile(tmp, bytes)
    await rename(tmp, out)
  } catch (e) {
    await unlink(tmp).catch(() => undefined)
    throw new ExportWriteError(`${out}: 无法写入 / cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`)
  }
  return { bytes: bytes.length, notices }
}

export function writtenLine(format: FileFormat, out: string, result: { notices?: number }): string {
  return format === 'docx'
    ? `已写入 ${out}（整改通知 ${result.notices ?? 0} 份）/ written: ${out} (${result.notices ?? 0} notice(s))\n`
    : `已写入 ${out} / written: ${out}\n`
}
