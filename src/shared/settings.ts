// The auditor's settings (options page), kept in storage.local under one key and validated on every read: a value
// written by an older version, or broken by hand, falls back field by field to the defaults and says which field.
import * as v from 'valibot'
import { todayInShanghai } from '../engine/dates.ts'
import { nationalPack, PackError, validatePack } from '../engine/pack.ts'
import { applyBodyType, disableRules, type BodyType } from '../engine/terms.ts'
import type { Lang, RulePack } from '../engine/types.ts'

export type { BodyType }
export type UiLangSetting = 'auto' | 'zh' | 'en'

export const SETTINGS_KEY = 'settings'

export interface Settings {
  /** '' = today in Asia/Shanghai; else the audit's as-of date, YYYY-MM-DD. */
  asOf: string
  /** The body type of every site without an override of its own. */
  bodyType: BodyType
  /** Per-site overrides, by host (host[:port], exactly as the address bar shows it). */
  siteBodyTypes: Record<string, Exclude<BodyType, 'auto'>>
  uiLang: UiLangSetting
  /** Rule ids switched off: those rules are not run. */
  disabledRules: string[]
  /** A local rule pack as the user's file held it (validated again on every read; never executed). */
  localPack: unknown | null
  localPackName: string
  /** Printed on the report and the 整改通知. */
  auditorName: string
  /** 整改期限: working days after the as-of date. */
  noticeDeadlineDays: number
  /** Days an audited page, a session or a site scan is kept; 0 = until the auditor clears it. */
  retentionDays: number
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  asOf: '',
  bodyType: 'auto',
  siteBodyTypes: {},
  uiLang: 'auto',
  disabledRules: [],
  localPack: null,
  localPackName: '',
  auditorName: '',
  noticeDeadlineDays: 10,
  retentionDays: 90,
})

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]
}

/** host or host:port, lowercase letters, digits, dots and dashes: the same shape storage keys are made of. */
export const HOST_PATTERN = /^(?=.{1,253}(?::\d{1,5})?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/

const bodyType = v.picklist(['auto', 'government', 'department'])
const siteType = v.picklist(['government', 'department'])
const wholeDays = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max))

/** One schema per field, so a broken field costs only itself. */
export const SETTINGS_FIELDS = {
  asOf: v.union([v.literal(''), v.pipe(v.string(), v.check(isIsoDate))]),
  bodyType,
  siteBodyTypes: v.pipe(
    v.record(v.pipe(v.string(), v.regex(HOST_PATTERN)), siteType),
    v.check((o) => Object.keys(o).length <= 1000),
  ),
  uiLang: v.picklist(['auto', 'zh', 'en']),
  disabledRules: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(1000)),
  localPack: v.unknown(),
  localPackName: v.pipe(v.string(), v.maxLength(300)),
  auditorName: v.pipe(v.string(), v.maxLength(200)),
  noticeDeadlineDays: v.pipe(wholeDays(365), v.minValue(1)),
  retentionDays: wholeDays(3650),
} satisfies { [K in keyof Settings]: v.GenericSchema }

export interface SettingsRead {
  settings: Settings
  /** Fields whose stored value was invalid and fell back to the default (empty when all was well). */
  broken: (keyof Settings)[]
  /** Why the stored local pack is not used (it failed validation); null when there is none or it is valid. */
  packError: string | null
}

/** Validates a stored value; pure, so the unit tests and every surface judge it the same way. */
export function parseSettings(raw: unknown): SettingsRead {
  const settings: Settings = structuredClone({ ...DEFAULT_SETTINGS }) as Settings
  const broken: (keyof Settings)[] = []
  if (raw === undefined || raw === null) return { settings, broken, packError: null }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, broken: Object.keys(SETTINGS_FIELDS) as (keyof Settings)[], packError: null }
  }
  const given = raw as Record<string, unknown>
  for (const key of Object.keys(SETTINGS_FIELDS) as (keyof Settings)[]) {
    if (!Object.hasOwn(given, key)) continue
    const result = v.safeParse(SETTINGS_FIELDS[key], given[key])
    if (result.success) (settings as unknown as Record<string, unknown>)[key] = result.output
    else broken.push(key)
  }
  let packError: string | null = null
  if (settings.localPack !== null) {
    try {
      localPackOf(settings)
    } catch (e) {
      packError = e instanceof Error ? e.message : String(e)
    }
  }
  return { settings, broken, packError }
}

/** The local pack validated by the engine's loader (a PackError names the field at fault); null when none is set. */
export function localPackOf(settings: Pick<Settings, 'localPack' | 'localPackName'>): RulePack | null {
  if (settings.localPack === null || settings.localPack === undefined) return null
  return validatePack(structuredClone(settings.localPack), settings.localPackName || 'local-pack.json')
}

/**
 * Parses a pack file's text as the CLI's --rules does; throws PackError with a readable message. Returns the data as
 * the file held it (what is stored) and the validated pack (the loader fills in the national defaults).
 */
export function parsePackFile(text: string, name: string): { raw: unknown; pack: RulePack } {
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new PackError(name, null, null, `JSON 语法错误（${(e as Error).message}）`, `invalid JSON (${(e as Error).message})`)
  }
  return { raw, pack: validatePack(structuredClone(raw), name) }
}

/** A PackError's message in one language (it carries both, "zh / en"). */
export function packErrorText(error: unknown, lang: Lang): string {
  const text = error instanceof Error ? error.message : String(error)
  const cut = text.indexOf(' / invalid rule pack')
  if (cut < 0) return text
  return lang === 'zh' ? text.slice(0, cut) : text.slice(cut + 3)
}

export function bodyTypeFor(settings: Settings, host: string | null): BodyType {
  return (host && Object.hasOwn(settings.siteBodyTypes, host) ? settings.siteBodyTypes[host] : null) ?? settings.bodyType
}

export function asOfFor(settings: Settings, now: Date = new Date()): string {
  return settings.asOf || todayInShanghai(now)
}

export function langFor(settings: Settings, browserLang: Lang): Lang {
  return settings.uiLang === 'auto' ? browserLang : settings.uiLang
}

/**
 * The packs an audit of `host` runs: the national pack, then the local pack (its rules replace national ones of the
 * same id), the body type's deadline, and the rules switched off. A local pack that no longer validates is left out.
 */
export function packsFor(settings: Settings, host: string | null, base: RulePack = nationalPack()): RulePack[] {
  let packs: RulePack[] = [base]
  try {
    const local = localPackOf(settings)
    if (local) packs.push(local)
  } catch {
    // parseSettings reported it; the audit goes on with the national pack alone
  }
  packs = applyBodyType(packs, bodyTypeFor(settings, host))
  return disableRules(packs, settings.disabledRules)
}

// ---- storage ----------------------------------------------------------------------------------------------------

interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>
  set(items: Record<string, unknown>): Promise<void>
}

function localArea(): LocalArea {
  return chrome.storage.local as unknown as LocalArea
}

export async function readSettings(area: LocalArea = localArea()): Promise<SettingsRead> {
  const got = await area.get(SETTINGS_KEY)
  const read = parseSettings(got[SETTINGS_KEY])
  if (read.broken.length) console.warn('disclosure-auditor: settings fields invalid, defaults used:', read.broken.join(', '))
  return read
}

/** Validates before writing: the page never stores what the next read would throw away. */
export async function saveSettings(settings: Settings, area: LocalArea = localArea()): Promise<void> {
  const { broken } = parseSettings(settings)
  if (broken.length) throw new Error(`设置无效：${broken.join('、')} / invalid settings: ${broken.join(', ')}`)
  await area.set({ [SETTINGS_KEY]: settings })
}
