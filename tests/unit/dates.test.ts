import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  daysBetween,
  findDates,
  isCalendarCovered,
  parseDate,
  todayInShanghai,
  workingDaysBetween,
} from '../../src/engine/dates.ts'

const iso = (text: string, asOf?: string) => parseDate(text, asOf ? { asOf } : {})?.iso ?? null

describe('parseDate: formats seen on government pages', () => {
  it.each([
    ['2018-12-31', '2018-12-31'],
    ['2018/12/31', '2018-12-31'],
    ['2018.12.31', '2018-12-31'],
    ['成文日期：2017年05月15日', '2017-05-15'],
    ['2021年9月26日', '2021-09-26'],
    ['2023 年 5 月 11 日', '2023-05-11'],
    ['二〇一八年十二月三十一日', '2018-12-31'],
    ['二OO八年五月二十三日', '2008-05-23'],
    ['二O一一年5月16日', '2011-05-16'],
    ['二○一○年十月一日', '2010-10-01'],
    ['二零二零年二月二十九日', '2020-02-29'],
    ['１２３ ２０１８－１２－３１', '2018-12-31'],
    ['发布日期：２０２０年０７月２９日', '2020-07-29'],
  ])('%s → %s', (text, expected) => {
    expect(iso(text)).toBe(expected)
  })

  it('keeps the time of day and the raw text', () => {
    expect(parseDate('发布时间：2017-12-01 16:10')).toEqual({ iso: '2017-12-01', raw: '2017-12-01 16:10', time: '16:10' })
    expect(parseDate('2021-09-29 10:05:00')).toMatchObject({ iso: '2021-09-29', time: '10:05' })
    expect(parseDate('2020/12/31 14:29:32')).toMatchObject({ iso: '2020-12-31', time: '14:29' })
    expect(parseDate('2026-01-22')?.time).toBeUndefined()
  })

  it('finds every date in order', () => {
    const found = findDates('统计期限从2019年1月1日到2019年12月31日止，发布于2020-01-31。')
    expect(found.map((d) => d.iso)).toEqual(['2019-01-01', '2019-12-31', '2020-01-31'])
  })
})

describe('year-less list dates', () => {
  it('infers the latest such date not after the as-of date, across a year boundary', () => {
    expect(parseDate('[12-31]', { asOf: '2026-01-05' })).toEqual({ iso: '2025-12-31', raw: '[12-31]', yearInferred: true })
    expect(iso('12-31', '2026-01-05')).toBe('2025-12-31')
    expect(iso('[01-05]', '2026-01-05')).toBe('2026-01-05')
    expect(iso('[1-6]', '2026-01-05')).toBe('2025-01-06')
    expect(iso('【03-02】', '2026-06-01')).toBe('2026-03-02')
  })

  it('places 02-29 in the last leap year', () => {
    expect(iso('[02-29]', '2026-06-01')).toBe('2024-02-29')
  })

  it('is not read without an as-of date', () => {
    expect(parseDate('[12-31]')).toBeNull()
  })

  it('does not take a full date for a year-less one', () => {
    const found = findDates('2018-12-31', { asOf: '2026-01-05' })
    expect(found).toHaveLength(1)
    expect(found[0].yearInferred).toBeUndefined()
  })
})

describe('invalid and implausible dates', () => {
  it.each(['2018-02-30', '2019-02-29', '2018-13-01', '2018年4月31日', '1900-01-01', '2099-01-01', '[13-01]', '[02-30]'])(
    '%s is not a date',
    (text) => {
      expect(parseDate(text, { asOf: '2026-01-05' })).toBeNull()
    },
  )

  it('bounds the year by the as-of year + 1', () => {
    expect(iso('2027-01-01', '2026-01-05')).toBe('2027-01-01')
    expect(iso('2028-01-01', '2026-01-05')).toBeNull()
    expect(iso('1949-10-01', '2026-01-05')).toBe('1949-10-01')
  })
})

describe('false positives', () => {
  it.each([
    ['phone', '联系电话：0591-23165385'],
    ['phone', '联系电话 021-63582606'],
    ['fax', '传真号码 021-38429688转1303'],
    ['索引号', '索 引 号：014742224A/2023-0043406'],
    ['发文字号', '国办秘函〔2019〕19号'],
    ['office hours', '办公时间 9:00-11:30，13:00-17:00（节假日除外）'],
    ['office hours full width', '工作时间 9：00-18:00'],
    ['ICP', '京ICP备05070218号 京公网安备11010202000001号'],
    ['site code', '网站标识码：3590000001'],
    ['URL date', 'http://www.pingtan.gov.cn/zwgk/zxwj/202606/t20260622_108836.htm'],
    ['URL path date', '/art/2016/11/22/art_1621004_30332664.html'],
    ['gov.cn URL', 'gov.cn/zhengce/content/2019-04/18/content_5384134.htm'],
    ['version', 'jquery-1.12.4.min.js v2.2019.12.1'],
    ['postcode', '邮政编码 201204'],
  ])('%s: %s', (_kind, text) => {
    expect(findDates(text, { asOf: '2026-06-01' })).toEqual([])
  })
})

describe('calendar arithmetic', () => {
  it('counts calendar days', () => {
    expect(daysBetween('2025-12-31', '2026-01-14')).toBe(14)
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2026-01-14', '2025-12-31')).toBe(-14)
  })

  it('skips 国庆 2025 and counts the 10-11 make-up Saturday', () => {
    // 10-01..10-08 off; 10-11 (Sat) is a make-up working day.
    expect(workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0)
    expect(workingDaysBetween('2025-10-10', '2025-10-11')).toBe(1)
    expect(workingDaysBetween('2025-09-30', '2025-10-31')).toBe(18)
    expect(addWorkingDays('2025-09-30', 20)).toBe('2025-11-04')
    expect(workingDaysBetween('2025-09-30', '2025-11-04')).toBe(20)
  })

  it('skips 春节 2025 and counts its make-up days', () => {
    // 2025-01-28..02-04 off; 01-26 (Sun) and 02-08 (Sat) are make-up working days.
    expect(workingDaysBetween('2025-01-25', '2025-01-26')).toBe(1)
    expect(workingDaysBetween('2025-01-27', '2025-02-04')).toBe(0)
    expect(workingDaysBetween('2025-02-04', '2025-02-08')).toBe(4)
  })

  it('does not count the start day and is 0 for an empty or reversed period', () => {
    expect(workingDaysBetween('2025-11-03', '2025-11-04')).toBe(1)
    expect(workingDaysBetween('2025-11-04', '2025-11-04')).toBe(0)
    expect(workingDaysBetween('2025-11-10', '2025-11-04')).toBe(0)
  })

  it('knows which years the holiday calendar covers', () => {
    expect(isCalendarCovered('2025-10-01')).toBe(true)
    expect(isCalendarCovered('2019-05-01')).toBe(true)
    expect(isCalendarCovered('2031-05-01')).toBe(false)
    expect(isCalendarCovered('1990-05-01')).toBe(false)
  })

  it('gives the date in Shanghai, not UTC', () => {
    expect(todayInShanghai(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01')
    expect(todayInShanghai(new Date('2025-12-31T15:30:00Z'))).toBe('2025-12-31')
  })
})
