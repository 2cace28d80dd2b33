/**
 * Calendar and time-grid helpers for the workforce layer.
 *
 * Conventions (fixed by the lead): a scenario has `startDate` (ISO date, the first simulated day,
 * 00:00 local), `days` (horizon) and `intervalMinutes` (default 30, divides 1440). Interval i covers
 * [i·Δ, (i+1)·Δ) from the start; day d = floor(i / intervalsPerDay); weekday from startDate
 * (ISO: Monday = 1 … Sunday = 7). All arithmetic is done on UTC calendar days, so there are no
 * daylight-saving surprises (China has none anyway).
 */

export const MINUTES_PER_DAY = 1440;

/** The part of a scenario that fixes the time grid (structural: a whole scenario can be passed). */
export interface WorkforceGrid {
  /** ISO date "YYYY-MM-DD": the first simulated day, starting 00:00 local time. */
  startDate: string;
  /** Horizon in days. */
  days: number;
  /** Interval length in minutes; must divide 1440. Default 30. */
  intervalMinutes?: number;
}

export interface ResolvedGrid {
  startDate: string;
  /** Epoch day (days since 1970-01-01) of startDate. */
  startEpochDay: number;
  days: number;
  intervalMinutes: number;
  intervalsPerDay: number;
  intervals: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date "YYYY-MM-DD" (throws on a malformed or impossible date). */
export function epochDay(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`invalid ISO date "${isoDate}" (expected YYYY-MM-DD)`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new Error(`invalid ISO date "${isoDate}"`);
  }
  return Math.round(t / 86_400_000);
}

/** ISO date string of an epoch day. */
export function isoDateOfEpochDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday (Monday = 1 … Sunday = 7) of an epoch day. */
export function weekdayOfEpochDay(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Month (1–12) of an epoch day. */
export function monthOfEpochDay(day: number): number {
  return new Date(day * 86_400_000).getUTCMonth() + 1;
}

/** Validate and resolve a grid. */
export function resolveGrid(grid: WorkforceGrid): ResolvedGrid {
  const intervalMinutes = grid.intervalMinutes ?? 30;
  if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0 || MINUTES_PER_DAY % intervalMinutes !== 0) {
    throw new Error(`intervalMinutes must be a positive integer dividing 1440, got ${intervalMinutes}`);
  }
  if (!Number.isInteger(grid.days) || grid.days <= 0) {
    throw new Error(`days must be a positive integer, got ${grid.days}`);
  }
  const intervalsPerDay = MINUTES_PER_DAY / intervalMinutes;
  return {
    startDate: grid.startDate,
    startEpochDay: epochDay(grid.startDate),
    days: grid.days,
    intervalMinutes,
    intervalsPerDay,
    intervals: intervalsPerDay * grid.days,
  };
}

const CLOCK = /^(\d{1,2}):(\d{2})$/;

/** Minutes after midnight of a clock time "HH:MM" (00:00–24:00). */
export function parseClock(hhmm: string): number {
  const m = CLOCK.exec(hhmm);
  if (!m) throw new Error(`invalid time "${hhmm}" (expected HH:MM)`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) throw new Error(`invalid time "${hhmm}"`);
  return h * 60 + min;
}

/** "HH:MM" of minutes after midnight (taken modulo 1440). */
export function formatClock(minutes: number): string {
  const m = ((Math.round(minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

/** ISO weekday number of 1–7 or "Mon".."Sun". */
export function weekdayNumber(day: number | WeekdayName): number {
  if (typeof day === 'number') {
    if (!Number.isInteger(day) || day < 1 || day > 7) throw new Error(`weekday must be 1..7, got ${day}`);
    return day;
  }
  const i = WEEKDAY_NAMES.indexOf(day);
  if (i < 0) throw new Error(`unknown weekday "${day}"`);
  return i + 1;
}

/** Positive modulo. */
export function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
