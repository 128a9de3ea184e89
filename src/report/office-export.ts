// The report page's XLSX and 整改通知 buttons. The builders (with exceljs and docx, most of a megabyte) are fetched
// by dynamic import only when a button is pressed, so they stay out of the page's first load and out of every other
// bundle.
import { csvFileName } from '../engine/csv.ts'
import { downloadBlob } from '../popup/api.ts'
import { bodyTypeFor, readSettings } from '../shared/settings.ts'
import { DEFAULT_DEADLINE_WORKING_DAYS, type ExportContext, type ExportData } from '../export/context.ts'

export type OfficeFormat = 'xlsx' | 'docx'

const MIME: Record<OfficeFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

const BODY_TYPES: Record<'government' | 'department', string> = { government: '县级以上人民政府', department: '部门' }

export interface ExportTerms {
  deadlineWorkingDays: number
  bodyType?: string
  /** The auditor's name as the options store it; '' when none. */
  auditor: string
}

/** The notices' terms from the options (validated by readSettings): the deadline, the site's body type, the auditor. */
export async function readExportTerms(host: string): Promise<ExportTerms> {
  const { settings } = await readSettings()
  const type = bodyTypeFor(settings, host)
  return {
    deadlineWorkingDays: settings.noticeDeadlineDays || DEFAULT_DEADLINE_WORKING_DAYS,
    ...(type !== 'auto' && { bodyType: BODY_TYPES[type] }),
    auditor: settings.auditorName.trim(),
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
  downloadBlob(new Blob([bytes as BlobPart], { type: MIME[format] }), fileName)
}
