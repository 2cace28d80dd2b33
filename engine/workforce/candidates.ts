/**
 * Candidate shift patterns for the schedule optimiser: every start time on a step, each shift
 * length (with its breaks), each set of working days.
 *
 * Default lengths (ASSUMPTIONS, change them to the centre's rules):
 *   - 8 h with a 30-min PAID meal break in +3:00…+5:30 (8 paid hours);
 *   - 9 h with a 60-min UNPAID lunch in +3:00…+6:00 (8 paid hours);
 *   - 12 h with a 60-min PAID meal break in +4:00…+8:00 (12 paid hours);
 *   - part-time 4 h, no break.
 * Default working days: five consecutive days (seven patterns: Mon–Fri, Tue–Sat, …, Sun–Thu).
 */
import type { Break, ShiftPattern, Shifts } from './schema.ts';
import { WEEKDAY_NAMES, formatClock, parseClock, weekdayNumber, type WeekdayName } from './time.ts';

export interface CandidateLength {
  hours: number;
  unpaidBreaks?: Break[];
  paidBreaks?: Break[];
  /** Name prefix; default "FT<h>h" / "PT<h>h". */
  label?: string;
}

export type WorkDaysRule = 'every-day' | 'five-consecutive' | 'five-any' | (number | WeekdayName)[][];

export interface CandidateOptions {
  /** Step between start times, minutes (e.g. 30 or 60). Default 60. */
  startEveryMinutes?: number;
  /** First start time, default "00:00". */
  earliestStart?: string;
  /** Last start time (inclusive), default the last step before 24:00. */
  latestStart?: string;
  /** Full-time lengths; default 8 h (paid 30-min meal), 9 h (unpaid 1-h lunch), 12 h (paid 1-h meal). */
  lengths?: (number | CandidateLength)[];
  /** Part-time lengths; default [4]; false or [] for none. */
  partTime?: (number | CandidateLength)[] | false;
  /** Working-day sets of full-time patterns. Default 'five-consecutive'. */
  workDays?: WorkDaysRule;
  /** Working-day sets of part-time patterns. Default: same as workDays. */
  partTimeWorkDays?: WorkDaysRule;
}

export const DEFAULT_FULL_TIME_LENGTHS: CandidateLength[] = [
  { hours: 8, paidBreaks: [{ durationMinutes: 30, window: { earliestStart: '+3:00', latestEnd: '+5:30' } }] },
  { hours: 9, unpaidBreaks: [{ durationMinutes: 60, window: { earliestStart: '+3:00', latestEnd: '+6:00' } }] },
  { hours: 12, paidBreaks: [{ durationMinutes: 60, window: { earliestStart: '+4:00', latestEnd: '+8:00' } }] },
];

export const DEFAULT_PART_TIME_LENGTHS: CandidateLength[] = [{ hours: 4 }];

function dayLabel(days: number[]): string {
  if (days.length === 7) return 'daily';
  const sorted = [...days].sort((a, b) => a - b);
  // a run of consecutive weekdays, possibly wrapping Sunday → Monday
  for (let s = 0; s < 7; s++) {
    const first = sorted[s];
    if (first === undefined) break;
    let ok = true;
    for (let k = 0; k < sorted.length; k++) {
      if (!sorted.includes(((first - 1 + k) % 7) + 1)) ok = false;
    }
    if (ok) return `${WEEKDAY_NAMES[first - 1]}-${WEEKDAY_NAMES[(first - 2 + sorted.length) % 7]}`;
  }
  return sorted.map((d) => WEEKDAY_NAMES[d - 1]).join(',');
}

/** Working-day sets of a rule, as sorted ISO weekday numbers. */
export function workDaySets(rule: WorkDaysRule): number[][] {
  if (rule === 'every-day') return [[1, 2, 3, 4, 5, 6, 7]];
  if (rule === 'five-consecutive') {
    return Array.from({ length: 7 }, (_, s) => Array.from({ length: 5 }, (_, k) => ((s + k) % 7) + 1).sort((a, b) => a - b));
  }
  if (rule === 'five-any') {
    const out: number[][] = [];
    for (let a = 1; a <= 7; a++)
      for (let b = a + 1; b <= 7; b++) out.push([1, 2, 3, 4, 5, 6, 7].filter((d) => d !== a && d !== b));
    return out;
  }
  return rule.map((set) => [...new Set(set.map(weekdayNumber))].sort((a, b) => a - b));
}

function normLength(l: number | CandidateLength): CandidateLength {
  return typeof l === 'number' ? { hours: l } : l;
}

/** Generate named candidate shift patterns (see the module comment for the defaults). */
export function generateShiftCandidates(options: CandidateOptions = {}): Shifts {
  const step = options.startEveryMinutes ?? 60;
  if (!Number.isInteger(step) || step <= 0) throw new Error('startEveryMinutes must be a positive integer');
  const first = parseClock(options.earliestStart ?? '00:00');
  const last = options.latestStart !== undefined ? parseClock(options.latestStart) : 1439;
  const ft = (options.lengths ?? DEFAULT_FULL_TIME_LENGTHS).map(normLength);
  const pt = options.partTime === false ? [] : (options.partTime ?? DEFAULT_PART_TIME_LENGTHS).map(normLength);
  const ftDays = workDaySets(options.workDays ?? 'five-consecutive');
  const ptDays = workDaySets(options.partTimeWorkDays ?? options.workDays ?? 'five-consecutive');
  const out: Shifts = {};
  const add = (len: CandidateLength, kind: 'full-time' | 'part-time', daySets: number[][]): void => {
    const prefix = len.label ?? `${kind === 'full-time' ? 'FT' : 'PT'}${len.hours}h`;
    for (let t = first; t <= last && t < 1440; t += step) {
      for (const days of daySets) {
        const p: ShiftPattern = { start: formatClock(t), lengthHours: len.hours, kind };
        if (len.unpaidBreaks?.length) p.unpaidBreaks = len.unpaidBreaks;
        if (len.paidBreaks?.length) p.paidBreaks = len.paidBreaks;
        if (days.length < 7) p.days = days;
        out[`${prefix}@${formatClock(t)} ${dayLabel(days)}`] = p;
      }
    }
  };
  for (const l of ft) add(l, 'full-time', ftDays);
  for (const l of pt) add(l, 'part-time', ptDays);
  return out;
}
