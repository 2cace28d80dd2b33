/**
 * Chinese statutory holidays (法定节假日) 2020–2026 and the holiday hours of a 7×24 line.
 *
 * Only the statutory days themselves are listed — the days on which work is paid at 300 %
 * (Labour Law art. 44; scenarios/SOURCES.md: "300 % (statutory holiday) — a 7×24 line works every
 * holiday"). The longer "放假调休" blocks announced each year also contain weekend and
 * swapped days: those are rest days (200 % or a day off in lieu), not statutory days.
 *
 * Sources:
 * - 《全国年节及纪念日放假办法》 (State Council): 11 days a year up to 2024 — New Year 1,
 *   Spring Festival 3 (正月初一–初三), Qingming 1, Labour Day 1, Dragon Boat 1,
 *   Mid-Autumn 1, National Day 3. As revised in November 2024, from 1 January 2025:
 *   13 days — Spring Festival 4 (除夕–初三) and Labour Day 2 (1–2 May).
 * - The yearly notices of the General Office of the State Council, which fix the dates:
 *   《国务院办公厅关于2020年部分节假日安排的通知》 (and 《国务院办公厅关于延长2020年春节假期的通知》,
 *     whose extension days, 31 Jan–2 Feb 2020, were not statutory holidays),
 *   《国务院办公厅关于2021年部分节假日安排的通知》,
 *   《国务院办公厅关于2022年部分节假日安排的通知》,
 *   《国务院办公厅关于2023年部分节假日安排的通知》,
 *   《国务院办公厅关于2024年部分节假日安排的通知》,
 *   《国务院办公厅关于2025年部分节假日安排的通知》 (国办发明电〔2024〕12号, 12 Nov 2024),
 *   《国务院办公厅关于2026年部分节假日安排的通知》 (4 Nov 2025).
 *
 * 2020: the Mid-Autumn Festival fell on 1 October, the first day of National Day. The
 * notice merged them into an 8-day break (1–8 Oct); the usual HR reading, followed here,
 * is that 1–4 October were the four statutory days (the Mid-Autumn day carried to 4 Oct).
 * This reading was not checked against an official text — verify before relying on 2020.
 */

export type Festival =
  | 'newYear'
  | 'springFestival'
  | 'qingming'
  | 'labourDay'
  | 'dragonBoat'
  | 'midAutumn'
  | 'nationalDay';

export const festivalNamesZh: Readonly<Record<Festival, string>> = {
  newYear: '元旦',
  springFestival: '春节',
  qingming: '清明节',
  labourDay: '劳动节',
  dragonBoat: '端午节',
  midAutumn: '中秋节',
  nationalDay: '国庆节',
};

export interface StatutoryHoliday {
  /** ISO date, YYYY-MM-DD. */
  readonly date: string;
  readonly festival: Festival;
  readonly nameZh: string;
}

type Row = readonly [mmdd: string, festival: Festival];

const CALENDAR: Readonly<Record<number, readonly Row[]>> = {
  2020: [
    ['01-01', 'newYear'],
    ['01-25', 'springFestival'], ['01-26', 'springFestival'], ['01-27', 'springFestival'],
    ['04-04', 'qingming'],
    ['05-01', 'labourDay'],
    ['06-25', 'dragonBoat'],
    ['10-01', 'nationalDay'], ['10-02', 'nationalDay'], ['10-03', 'nationalDay'],
    ['10-04', 'midAutumn'], // festival itself on 10-01; see the note above
  ],
  2021: [
    ['01-01', 'newYear'],
    ['02-12', 'springFestival'], ['02-13', 'springFestival'], ['02-14', 'springFestival'],
    ['04-04', 'qingming'],
    ['05-01', 'labourDay'],
    ['06-14', 'dragonBoat'],
    ['09-21', 'midAutumn'],
    ['10-01', 'nationalDay'], ['10-02', 'nationalDay'], ['10-03', 'nationalDay'],
  ],
  2022: [
    ['01-01', 'newYear'],
    ['02-01', 'springFestival'], ['02-02', 'springFestival'], ['02-03', 'springFestival'],
    ['04-05', 'qingming'],
    ['05-01', 'labourDay'],
    ['06-03', 'dragonBoat'],
    ['09-10', 'midAutumn'],
    ['10-01', 'nationalDay'], ['10-02', 'nationalDay'], ['10-03', 'nationalDay'],
  ],
  2023: [
    ['01-01', 'newYear'],
    ['01-22', 'springFestival'], ['01-23', 'springFestival'], ['01-24', 'springFestival'],
    ['04-05', 'qingming'],
    ['05-01', 'labourDay'],
    ['06-22', 'dragonBoat'],
    ['09-29', 'midAutumn'],
    ['10-01', 'nationalDay'], ['10-02', 'nationalDay'], ['10-03', 'nationalDay'],
  ],
  2024: [
    ['01-01', 'newYear'],
    ['02-10', 'springFestival'], ['02-11', 'springFestival'], ['02-12', 'springFestival'],
    ['04-04', 'qingming'],
    ['05-01', 'labourDay'],
    ['06-10', 'dragonBoat'],
    ['09-17', 'midAutumn'],
    ['10-01', 'nationalDay'], ['10-02', 'nationalDay'], ['10-03', 'nationalDay'],
  ],
  2025: [
    ['01-01', 'newYear'],
    ['01-28', 'springFestival'], // 除夕
    ['01-29', 'springFestival'], ['01-30', 'springFestival'], ['01-31', 'springFestival'],
    ['04-04', 'qingming'],
    ['05-01', 'labourDay'], ['05-02', 'labourDay'],
    ['05-31', 'dragonBoat'],
    ['10-01', 'nationalDay'], ['10-02', 'nationalDay'], ['10-03', 'nationalDay'],
    ['10-06', 'midAutumn'],
  ],
  2026: [
    ['01-01', 'newYear'],
    ['02-16', 'springFestival'], // 除夕 (腊月二十九; no 腊月三十 this year)
    ['02-17', 'springFestival'], ['02-18', 'springFestival'], ['02-19', 'springFestival'],
    ['04-05', 'qingming'],
    ['05-01', 'labourDay'], ['05-02', 'labourDay'],
    ['06-19', 'dragonBoat'],
    ['09-25', 'midAutumn'],
    ['10-01', 'nationalDay'], ['10-02', 'nationalDay'], ['10-03', 'nationalDay'],
  ],
};

export const calendarYears: readonly number[] = Object.keys(CALENDAR).map(Number);

/** Statutory holiday days of a year, in date order. Throws outside 2020–2026. */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const rows = CALENDAR[year];
  if (!rows) {
    throw new RangeError(
      `no statutory-holiday calendar for ${year}; embedded years: ${calendarYears.join(', ')}`,
    );
  }
  return rows
    .map(([mmdd, festival]) => ({ date: `${year}-${mmdd}`, festival, nameZh: festivalNamesZh[festival] }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Number of statutory holiday days: 11 for 2020–2024, 13 from 2025. */
export function statutoryHolidayCount(year: number): number {
  return statutoryHolidays(year).length;
}

/** Is an ISO date (YYYY-MM-DD) a statutory holiday? */
export function isStatutoryHoliday(isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4));
  if (!CALENDAR[year]) return false;
  return statutoryHolidays(year).some((h) => h.date === isoDate);
}

export function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

/**
 * Standard annual working hours per full-time employee: (365 − 104 rest days − holidays) × 8
 * (劳社部发〔2008〕3号 method): 2,000 h with 11 holidays, 1,984 h with 13.
 * Under the comprehensive working-hours system, hours beyond this are overtime at 150 %.
 */
export function standardAnnualHours(year: number): number {
  return (365 - 104 - statutoryHolidayCount(year)) * 8;
}

/**
 * On-seat requirement of a 7×24 line: either a flat number of agents on seat every hour,
 * or 24 numbers (agents on seat in each hour of the day, 00:00–01:00 first).
 */
export type OnSeatPattern = number | readonly number[];

function hourly(pattern: OnSeatPattern): number[] {
  if (typeof pattern === 'number') {
    if (!(pattern >= 0) || !Number.isFinite(pattern)) throw new RangeError('on-seat agents must be a finite number >= 0');
    return Array.from({ length: 24 }, () => pattern);
  }
  if (pattern.length !== 24) throw new RangeError(`hourly on-seat pattern needs 24 values, got ${pattern.length}`);
  for (const v of pattern) if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError('on-seat values must be finite and >= 0');
  return [...pattern];
}

export interface HolidayHours {
  readonly year: number;
  readonly statutoryHolidayDays: number;
  /** On-seat agent-hours per day (sum of the 24-hour pattern). */
  readonly onSeatHoursPerDay: number;
  /** Paid agent-hours on statutory holidays = days × on-seat hours per day × paidPerOnSeatHour. */
  readonly statutoryHolidayHours: number;
}

export interface PatternOptions {
  /**
   * Paid hours per on-seat hour, ≥ 1: 1 / (1 − on-shift shrinkage) when breaks, coaching
   * and other paid off-seat time within a shift must be staffed on top of the requirement.
   * Default 1 (the pattern is already paid agent-hours).
   */
  readonly paidPerOnSeatHour?: number;
  /** Hours of the day (0–23) that are night hours. ASSUMPTION default 22:00–06:00 (no national definition). */
  readonly nightHoursOfDay?: readonly number[];
}

export const DEFAULT_NIGHT_HOURS: readonly number[] = [22, 23, 0, 1, 2, 3, 4, 5];

/**
 * Holiday hours of a 7×24 line: with N agents on seat every hour, each statutory holiday
 * day accrues 24·N paid agent-hours at the holiday rate. Holidays are assumed staffed to
 * the same pattern as other days.
 */
export function holidayHoursFromPattern(year: number, pattern: OnSeatPattern, options: PatternOptions = {}): HolidayHours {
  const perHour = hourly(pattern);
  const factor = options.paidPerOnSeatHour ?? 1;
  if (!(factor >= 1)) throw new RangeError('paidPerOnSeatHour must be >= 1');
  const onSeatHoursPerDay = perHour.reduce((a, b) => a + b, 0);
  const days = statutoryHolidayCount(year);
  return { year, statutoryHolidayDays: days, onSeatHoursPerDay, statutoryHolidayHours: days * onSeatHoursPerDay * factor };
}

/** Paid hours per year by pay category, summed over all operators. */
export interface PaidHoursByCategory {
  /** Hours paid by the monthly wage (rostered hours on ordinary days, rest days balanced by rotation). */
  readonly normal: number;
  /**
   * Hours falling in the night window. A SUBSET of the other three categories (night
   * hours are also normal, rest-day or holiday hours): it only drives the night allowance.
   */
  readonly night: number;
  /** Rest-day hours NOT balanced by a day off — paid 200 % when premiums.restDay.enabled. */
  readonly restDayOvertime: number;
  /** Hours on statutory holidays, paid 300 %. */
  readonly statutoryHoliday: number;
}

/**
 * Paid hours by category for a 7×24 line staffed to the same hourly pattern every day of
 * `year`: statutory-holiday hours from the embedded calendar, night hours from the night
 * window, everything else normal (rest days are balanced by rotation, so restDayOvertime = 0).
 */
export function paidHoursFor7x24(year: number, pattern: OnSeatPattern, options: PatternOptions = {}): PaidHoursByCategory {
  const perHour = hourly(pattern);
  const factor = options.paidPerOnSeatHour ?? 1;
  const night = new Set(options.nightHoursOfDay ?? DEFAULT_NIGHT_HOURS);
  const { statutoryHolidayHours, onSeatHoursPerDay } = holidayHoursFromPattern(year, perHour, options);
  const total = daysInYear(year) * onSeatHoursPerDay * factor;
  const nightPerDay = perHour.reduce((acc, v, h) => acc + (night.has(h) ? v : 0), 0);
  return {
    normal: total - statutoryHolidayHours,
    night: daysInYear(year) * nightPerDay * factor,
    restDayOvertime: 0,
    statutoryHoliday: statutoryHolidayHours,
  };
}
