// The audit's terms an auditor sets (the CLI's --deadline, the options page's body type and rule switches) applied
// to packs as data, so the worker, the CLI and the tests change the same params in the same way.
import type { RulePack } from './types.ts'

/** Who publishes the annual report decides its deadline (条例 第四十九条). */
export type BodyType = 'auto' | 'government' | 'department'

/** 县级以上地方人民政府: 3月31日; 政府部门: 1月31日. `auto` leaves the rule to tell them apart by the report's title. */
export const BODY_DEADLINES: Record<Exclude<BodyType, 'auto'>, string> = { government: '03-31', department: '01-31' }

/**
 * The annual-report deadline the auditor states outright (MM-DD): it replaces both the department and the
 * government deadline, so the rule no longer guesses from the title. Reports under the 2007 条例 keep their own.
 */
export function applyDeadline(packs: RulePack[], deadline: string): RulePack[] {
  return packs.map((pack) => ({
    ...pack,
    rules: pack.rules.map((rule) =>
      rule.kind === 'annual-report-timeliness' ? { ...rule, params: { ...rule.params, deadline, governmentDeadline: deadline } } : rule,
    ),
  }))
}

export function applyBodyType(packs: RulePack[], bodyType: BodyType): RulePack[] {
  return bodyType === 'auto' ? packs : applyDeadline(packs, BODY_DEADLINES[bodyType])
}

/** Rules the auditor switched off, by id, in whichever pack defines them; a switched-off rule is not run at all. */
export function disableRules(packs: RulePack[], ids: readonly string[]): RulePack[] {
  if (!ids.length) return packs
  const off = new Set(ids)
  return packs.map((pack) => ({
    ...pack,
    rules: pack.rules.map((rule) => (off.has(rule.id) ? { ...rule, enabled: false } : rule)),
  }))
}
