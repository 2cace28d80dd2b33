/**
 * Head count ⇄ on-seat agents.
 *
 * - `onSeatFromRoster`: expected on-seat agents per interval over the horizon (fractional), from a
 *   roster, the shift patterns (breaks placed by the stagger rule of shifts.ts) and shrinkage.
 * - `roundOnSeat` / `onSeatFromRosterInt`: the integer version the simulator consumes.
 *   Rounding rule: round half up, never below 0 — n = max(0, floor(x + 0.5 + 1e-9)); the 1e-9
 *   absorbs floating-point noise so 2.4999999999 from 3 × (1 − 1/6) rounds like 2.5.
 * - `rosterHeadcount`, `headcountForOnSeat`: payroll head count = paid hours per week / 40
 *   (Chinese labour law, 40 h a week). One seat 7×24 at 0 % shrinkage = 168 / 40 = 4.2 FTE; with
 *   shrinkage s the scheduled hours are on-seat hours / (1 − s).
 * - `paidHoursByCategory`: paid hours per year split into normal / night / rest-day / statutory
 *   holiday, for the cost model.
 *
 * A shift belongs to the day on which it starts: a 22:00 + 10 h shift started on Monday covers
 * Monday 22:00 – Tuesday 08:00. Shifts started on the day before the horizon spill into its first
 * morning (so a 7×24 roster is covered from 00:00 on day 0); shifts running past the horizon are cut.
 */
import type { Roster, Shifts, Shrinkage, WorkCalendar } from './schema.ts';
import { isRestToken } from './schema.ts';
import { DEFAULT_BREAK_STEP_MINUTES, placeBreaks, resolveShifts, type ResolvedShift } from './shifts.ts';
import { shrinkagePerInterval } from './shrinkage.ts';
import {
  MINUTES_PER_DAY,
  epochDay,
  mod,
  parseClock,
  resolveGrid,
  weekdayOfEpochDay,
  type WorkforceGrid,
} from './time.ts';

/** Hours a week that make one full-time equivalent (Chinese labour law). */
export const HOURS_PER_FTE_WEEK = 40;

export interface TimelineOptions {
  /** Break step g of the stagger rule, minutes (default 15). */
  breakStepMinutes?: number;
}

/** People working each shift on one day. */
export type DayGroups = Map<string, number>;

/**
 * People per shift for each day index d in [from, to) (epoch day = firstEpochDay + d), pooling
 * fixed patterns and rotation teams.
 */
export function rosterDayGroups(
  roster: Roster,
  shifts: Map<string, ResolvedShift>,
  firstEpochDay: number,
  from: number,
  to: number,
): DayGroups[] {
  const out: DayGroups[] = [];
  for (let d = from; d < to; d++) {
    const day = firstEpochDay + d;
    const wd = weekdayOfEpochDay(day);
    const g: DayGroups = new Map();
    for (const [name, people] of Object.entries(roster.patterns ?? {})) {
      const sh = shifts.get(name);
      if (!sh) throw new Error(`roster.patterns: unknown shift pattern "${name}"`);
      if (people > 0 && sh.weekdays[wd]) g.set(name, (g.get(name) ?? 0) + people);
    }
    for (const [rname, rot] of Object.entries(roster.rotations ?? {})) {
      const n = rot.cycle.length;
      const anchor = epochDay(rot.anchorDate);
      for (let k = 0; k < rot.teams; k++) {
        const people = Array.isArray(rot.peoplePerTeam) ? rot.peoplePerTeam[k] : rot.peoplePerTeam;
        if (!(people > 0)) continue;
        const entry = rot.cycle[mod(day - anchor - k * rot.offsetDays, n)];
        if (isRestToken(entry)) continue;
        if (!shifts.has(entry)) throw new Error(`roster.rotations.${rname}: unknown shift "${entry}"`);
        g.set(entry, (g.get(entry) ?? 0) + people);
      }
    }
    out.push(g);
  }
  return out;
}

export type TimelineMode = 'onSeat' | 'paid' | 'present';

/**
 * Per-minute head count over `days` days. `groups[j]` holds the shifts started on day
 * `firstDay + j` (firstDay may be −1 for the spill from the day before the horizon).
 * Modes: 'present' = whole shift span; 'onSeat' = minus all breaks; 'paid' = minus unpaid breaks.
 * `cyclic` wraps anything past the end to the start (a representative repeating period).
 */
export function minuteTimeline(
  groups: DayGroups[],
  firstDay: number,
  days: number,
  shifts: Map<string, ResolvedShift>,
  mode: TimelineMode,
  opts: { cyclic?: boolean; breakStepMinutes?: number } = {},
): Float64Array {
  const n = days * MINUTES_PER_DAY;
  const diff = new Float64Array(n + 1);
  const cyclic = opts.cyclic ?? false;
  const step = opts.breakStepMinutes ?? DEFAULT_BREAK_STEP_MINUTES;
  const add = (a: number, b: number, v: number): void => {
    if (cyclic) {
      const len = b - a;
      const s = mod(a, n);
      if (s + len <= n) {
        diff[s] += v;
        diff[s + len] -= v;
      } else {
        diff[s] += v;
        diff[n] -= v;
        diff[0] += v;
        diff[s + len - n] -= v;
      }
      return;
    }
    const lo = Math.max(0, a);
    const hi = Math.min(n, b);
    if (hi <= lo) return;
    diff[lo] += v;
    diff[hi] -= v;
  };
  groups.forEach((g, j) => {
    const dayStart = (firstDay + j) * MINUTES_PER_DAY;
    for (const [name, people] of g) {
      const sh = shifts.get(name)!;
      const base = dayStart + sh.startMinute;
      add(base, base + sh.lengthMinutes, people);
      if (mode === 'present') continue;
      for (const b of placeBreaks(sh, people, step)) {
        if (mode === 'paid' && b.paid) continue;
        add(base + b.offset, base + b.offset + b.durationMinutes, -b.people);
      }
    }
  });
  const out = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += diff[i];
    out[i] = Math.abs(acc) < 1e-9 ? 0 : acc;
  }
  return out;
}

/** Average a per-minute series over intervals of `intervalMinutes`. */
export function minutesToIntervals(minutes: Float64Array, intervalMinutes: number): Float64Array {
  const k = minutes.length / intervalMinutes;
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let m = i * intervalMinutes; m < (i + 1) * intervalMinutes; m++) s += minutes[m];
    out[i] = s / intervalMinutes;
  }
  return out;
}

/** Scheduled on-seat agents per interval (before shrinkage) over the grid horizon. */
export function scheduledOnSeatFromRoster(
  roster: Roster,
  shifts: Shifts,
  grid: WorkforceGrid,
  options: TimelineOptions = {},
): Float64Array {
  const g = resolveGrid(grid);
  const rs = resolveShifts(shifts);
  const groups = rosterDayGroups(roster, rs, g.startEpochDay, -1, g.days);
  const minutes = minuteTimeline(groups, -1, g.days, rs, 'onSeat', options);
  return minutesToIntervals(minutes, g.intervalMinutes);
}

/**
 * Expected on-seat agents per interval over the horizon (fractional): scheduled on-seat (shift
 * minus placed breaks) × (1 − shrinkage of the interval's month).
 */
export function onSeatFromRoster(
  roster: Roster,
  shifts: Shifts,
  shrinkage: Shrinkage | undefined,
  grid: WorkforceGrid,
  options: TimelineOptions = {},
): Float64Array {
  const sched = scheduledOnSeatFromRoster(roster, shifts, grid, options);
  const s = shrinkagePerInterval(shrinkage, grid);
  for (let i = 0; i < sched.length; i++) sched[i] *= 1 - s[i];
  return sched;
}

/** Integer on-seat agents: round half up, never below 0. */
export function roundOnSeat(values: ArrayLike<number>): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.max(0, Math.floor(values[i] + 0.5 + 1e-9));
  return out;
}

/** `onSeatFromRoster` rounded for the simulator (round half up, never below 0). */
export function onSeatFromRosterInt(
  roster: Roster,
  shifts: Shifts,
  shrinkage: Shrinkage | undefined,
  grid: WorkforceGrid,
  options: TimelineOptions = {},
): Int32Array {
  return roundOnSeat(onSeatFromRoster(roster, shifts, shrinkage, grid, options));
}

export interface RosterHeadcountLine {
  source: 'pattern' | 'rotation';
  name: string;
  /** People on the pattern, or people over all teams of the rotation. */
  people: number;
  paidHoursPerWeek: number;
  /** Long-run paid hours a week of one person; > 40 means overtime (e.g. 四班三倒 with 8-h shifts: 42). */
  paidHoursPerPersonPerWeek: number;
}

export interface RosterHeadcount {
  /** Long-run average paid hours a week of the whole roster. */
  paidHoursPerWeek: number;
  /** paidHoursPerWeek / 40. */
  fte: number;
  /** Named people: pattern people + rotation team members (a 7-day pattern's "people" are seats a day). */
  people: number;
  lines: RosterHeadcountLine[];
}

/** Payroll head count of a roster from its long-run paid hours (patterns by weekday, rotations by cycle). */
export function rosterHeadcount(roster: Roster, shifts: Shifts): RosterHeadcount {
  const rs = resolveShifts(shifts);
  const lines: RosterHeadcountLine[] = [];
  for (const [name, people] of Object.entries(roster.patterns ?? {})) {
    const sh = rs.get(name);
    if (!sh) throw new Error(`roster.patterns: unknown shift pattern "${name}"`);
    const daysPerWeek = sh.weekdays.filter(Boolean).length;
    const perPerson = (sh.paidMinutes / 60) * daysPerWeek;
    lines.push({ source: 'pattern', name, people, paidHoursPerWeek: perPerson * people, paidHoursPerPersonPerWeek: perPerson });
  }
  for (const [name, rot] of Object.entries(roster.rotations ?? {})) {
    let cycleMinutes = 0;
    for (const e of rot.cycle) {
      if (isRestToken(e)) continue;
      const sh = rs.get(e);
      if (!sh) throw new Error(`roster.rotations.${name}: unknown shift "${e}"`);
      cycleMinutes += sh.paidMinutes;
    }
    const perPerson = (cycleMinutes / 60 / rot.cycle.length) * 7;
    let people = 0;
    for (let k = 0; k < rot.teams; k++) people += Array.isArray(rot.peoplePerTeam) ? rot.peoplePerTeam[k] : rot.peoplePerTeam;
    lines.push({ source: 'rotation', name, people, paidHoursPerWeek: perPerson * people, paidHoursPerPersonPerWeek: perPerson });
  }
  const paid = lines.reduce((s, l) => s + l.paidHoursPerWeek, 0);
  return { paidHoursPerWeek: paid, fte: paid / HOURS_PER_FTE_WEEK, people: lines.reduce((s, l) => s + l.people, 0), lines };
}

export interface OnSeatHeadcount {
  /** Payroll FTE = paidHoursPerWeek / 40. */
  fte: number;
  paidHoursPerWeek: number;
  /** On-seat hours / (1 − shrinkage). */
  scheduledHoursPerWeek: number;
  onSeatHoursPerWeek: number;
}

/**
 * FTE needed to put `onSeatPerInterval` agents on seat over the grid: on-seat hours ÷ (1 − s_i)
 * gives scheduled hours, ÷ (1 − paidOffSeatShare) gives paid hours (paid breaks), averaged per week
 * (days / 7 weeks) and ÷ 40. A lower bound: it assumes shifts fit the curve exactly.
 */
export function headcountForOnSeat(
  onSeatPerInterval: ArrayLike<number>,
  grid: WorkforceGrid,
  shrinkage?: Shrinkage,
  options: { paidOffSeatShare?: number } = {},
): OnSeatHeadcount {
  const g = resolveGrid(grid);
  if (onSeatPerInterval.length !== g.intervals) {
    throw new Error(`onSeatPerInterval has ${onSeatPerInterval.length} values, the grid has ${g.intervals} intervals`);
  }
  const s = shrinkagePerInterval(shrinkage, grid);
  const h = g.intervalMinutes / 60;
  let onSeat = 0;
  let sched = 0;
  for (let i = 0; i < g.intervals; i++) {
    onSeat += onSeatPerInterval[i] * h;
    sched += (onSeatPerInterval[i] * h) / (1 - s[i]);
  }
  const weeks = g.days / 7;
  const paid = sched / (1 - (options.paidOffSeatShare ?? 0));
  return {
    fte: paid / weeks / HOURS_PER_FTE_WEEK,
    paidHoursPerWeek: paid / weeks,
    scheduledHoursPerWeek: sched / weeks,
    onSeatHoursPerWeek: onSeat / weeks,
  };
}

export interface RosterPaidHours {
  /** Working-day daytime hours. */
  normal: number;
  /** Working-day night hours (default 22:00–06:00). */
  night: number;
  /** Hours on rest days (Saturday/Sunday unless a make-up workday, plus extraRestDays), day and night. */
  restDay: number;
  /** Hours on statutory holidays, day and night. */
  statutoryHoliday: number;
  /** Sum of the four exclusive categories. */
  total: number;
  /** All night hours whatever the day type (for a night allowance on top). */
  nightAll: number;
  /** Days actually computed, starting at grid.startDate. */
  daysComputed: number;
  /** Factor applied to the computed totals to express them per year (1 when a whole year was computed). */
  scaleToYear: number;
}

/**
 * Paid hours per year by category. Categories are exclusive with precedence
 * statutory holiday > rest day > night > normal; `nightAll` gives all night hours. Each paid minute
 * is dated by when it is worked (a night shift from 31 Dec into 1 Jan counts 2 h on 31 Dec and 6 h
 * on the holiday). Unpaid breaks are placed by the stagger rule and not counted; paid breaks are.
 * Shrinkage (leave, training, …) is paid time, so it does not reduce paid hours.
 * By default one year from grid.startDate is computed (365 or 366 days, scale 1); `options.days`
 * computes fewer days and scales to 365.
 */
export function paidHoursByCategory(
  roster: Roster,
  shifts: Shifts,
  grid: WorkforceGrid,
  calendar: WorkCalendar = {},
  options: TimelineOptions & { days?: number; nightStart?: string; nightEnd?: string } = {},
): RosterPaidHours {
  const start = epochDay(grid.startDate);
  const [y, m, d] = grid.startDate.split('-');
  const yearDays = epochDay(`${Number(y) + 1}-${m}-${m === '02' && d === '29' ? '28' : d}`) - start;
  const days = options.days ?? yearDays;
  const scale = options.days === undefined ? 1 : 365 / days;
  const rs = resolveShifts(shifts);
  const groups = rosterDayGroups(roster, rs, start, -1, days);
  const minutes = minuteTimeline(groups, -1, days, rs, 'paid', options);
  const holidays = new Set((calendar.statutoryHolidays ?? []).map(epochDay));
  const makeup = new Set((calendar.makeupWorkdays ?? []).map(epochDay));
  const extraRest = new Set((calendar.extraRestDays ?? []).map(epochDay));
  const nightStart = parseClock(options.nightStart ?? '22:00');
  const nightEnd = parseClock(options.nightEnd ?? '06:00');
  const isNight = (mm: number): boolean =>
    nightStart <= nightEnd ? mm >= nightStart && mm < nightEnd : mm >= nightStart || mm < nightEnd;
  let normal = 0;
  let night = 0;
  let rest = 0;
  let hol = 0;
  let nightAll = 0;
  for (let day = 0; day < days; day++) {
    const ed = start + day;
    const wd = weekdayOfEpochDay(ed);
    const type = holidays.has(ed) ? 'hol' : extraRest.has(ed) || (wd >= 6 && !makeup.has(ed)) ? 'rest' : 'work';
    for (let mm = 0; mm < MINUTES_PER_DAY; mm++) {
      const v = minutes[day * MINUTES_PER_DAY + mm];
      if (v === 0) continue;
      const nt = isNight(mm);
      if (nt) nightAll += v;
      if (type === 'hol') hol += v;
      else if (type === 'rest') rest += v;
      else if (nt) night += v;
      else normal += v;
    }
  }
  const k = scale / 60;
  return {
    normal: normal * k,
    night: night * k,
    restDay: rest * k,
    statutoryHoliday: hol * k,
    total: (normal + night + rest + hol) * k,
    nightAll: nightAll * k,
    daysComputed: days,
    scaleToYear: scale,
  };
}
