// The report page's XLSX and 整改通知 buttons. The builders (with exceljs and docx, most of a megabyte) are fetched
// by dynamic import only when a button is pressed, so they stay out of the page's first load and out of every other
// bundle.
import browser from 'webextension-polyfill'
import { csvFileName } from '../engine/csv.ts'
import { DEFAULT_DEADLINE_WORKING_DAYS, type ExportContext, type ExportData } from '../export/context.ts'

export type OfficeFormat = 'xlsx' | 'docx'

const MIME: Record<OfficeFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

const BODY_TYPES: Record<string, string> = { government: '县级以上人民政府', department: '部门' }

export interface ExportTerms {
  deadlineWorkingDays: number
  bodyType?: string
  /** The auditor's name as the options store it; '' when none. */
  auditor: string
}

/**
 * The terms the options page may have stored (`settings` in storage.local, the options page's field names): the
 * notices' working-day deadline, the body type (the site's own, else the global one) and the auditor. Anything
 * missing or malformed falls back to the defaults.
 */
export async function readExportTerms(host: string): Promise<ExportTerms> {
  let settings: Record<string, unknown> = {}
  try {
    const got = (await browser.storage.local.get('settings')) as { settings?: unknown }
    if (got.settings && typeof got.settings === 'object') settings = got.settings as Record<string, unknown>
  } catch {
    // No storage (a page opened outside the extension): the defaults.
  }
  const days = settings.noticeDeadlineDays
  const perSite = settings.siteBodyTypes && typeof settings.siteBodyTypes === 'object' ? (settings.siteBodyTypes as Record<string, unknown>) : {}
  const type = Object.hasOwn(perSite, host) ? perSite[host] : settings.bodyType
  const auditor = typeof settings.auditorName === 'string' ? settings.auditorName : typeof settings.auditor === 'string' ? settings.auditor : ''
  return {
    deadlineWorkingDays: Number.isInteger(days) && (days as number) > 0 && (days as number) <= 365 ? (days as number) : DEFAULT_DEADLINE_WORKING_DAYS,
    ...(typeof type === 'string' && Object.hasOwn(BODY_TYPES, type) && { bodyType: BODY_TYPES[type] }),
    auditor: auditor.trim(),
  }
}

export function officeFileName(format: OfficeFormat, host: string, when: Date): string {
  const csv = csvFileName(host, when)
  return format === 'xlsx' ? csv.replace(/\.csv$/, '.xlsx') : csv.replace(/^政务公开巡检_/, '整改通知_').replace(/\.csv$/, '.docx')
}

export async function buildOffice(format: OfficeFormat, data: ExportData, ctx: ExportContext): Promise<Uint8Array> {
  if (format === 'xlsx') return (await import('../export/xlsx.ts')).buildXlsx(data, ctx)
  return (await import('../export/notice.ts')).buildNotices(data, ctx)
}

export function downloadBytes(bytes: Uint8Array, format: OfficeFormat, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: MIME[format] }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
