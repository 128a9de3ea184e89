// 年报 formats by the year a report covers (2021 format, the 2019 trial one, earlier): the structure and the tables rules
// both pick their format this way.
import * as v from 'valibot'
import { text, year } from './schema.ts'

/** The fields that say which report years a format covers; a rule's format schema spreads them in. */
export const formatWindow = {
  id: text(),
  label: text(),
  fromYear: v.nullable(year()),
  toYear: v.nullable(year()),
}

/** The first format whose years include `reportYear` (null bounds are open); undefined when none does. */
export function formatForYear<F extends { fromYear: number | null; toYear: number | null }>(formats: readonly F[], reportYear: number): F | undefined {
  return formats.find((f) => (f.fromYear === null || reportYear >= f.fromYear) && (f.toYear === null || reportYear <= f.toYear))
}
