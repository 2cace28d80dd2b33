/**
 * The IP's columns: each candidate shift pattern resolved onto the period's interval grid — one
 * person's presence per interval, the dip of each break slot, paid hours, cost and cap.
 */
import { breakSlotOffsets, resolveShifts, slotOrder, type ResolvedBreak, type ResolvedShift } from '../shifts.ts';
import { MINUTES_PER_DAY } from '../time.ts';
import type { ScheduleProblem } from './types.ts';

export interface BreakTerm {
  brk: ResolvedBreak;
  /** Index in the shift's sorted breaks. */
  index: number;
  slots: number;
  offsets: number[];
  /** Cover lost per interval by one person in slot k (on all the pattern's days). */
  bySlot: Float64Array[];
  /** Same, indexed by rank in the stagger order σ_K. */
  byRank: Float64Array[];
  /** Σ_k bySlot[k] */
  total: Float64Array;
}

export interface Pat {
  sh: ResolvedShift;
  /** Presence per interval for one person, minus single-slot (fixed) breaks. */
  base: Float64Array;
  /** Breaks with more than one slot. */
  breaks: BreakTerm[];
  paidHoursPerWeek: number;
  cost: number;
  cap: number;
}

/** The period's interval grid, as the columns need it. */
export interface ColumnGrid {
  /** Interval length, minutes. */
  im: number;
  /** Intervals in the period. */
  L: number;
  /** Days in the period. */
  D: number;
  startWeekday: number;
  /** Break slot step, minutes. */
  step: number;
  /** 1 where the interval is open. */
  open: Uint8Array;
}

function perName(v: number | Record<string, number> | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v === 'number') return v;
  return v[name] ?? dflt;
}

/** Whether a shift runs on day d of the period (a one-day period: every shift runs daily). */
export function runsOn(sh: ResolvedShift, d: number, days: number, startWeekday: number): boolean {
  return days === 1 || sh.weekdays[((startWeekday - 1 + d) % 7) + 1];
}

/** Add a span of minutes (cyclic over the period) to a per-interval vector, as fractions of intervals. */
function addSpan(vec: Float64Array, startMinute: number, lengthMinutes: number, weight: number, im: number): void {
  const period = vec.length * im;
  let t = ((startMinute % period) + period) % period;
  let left = lengthMinutes;
  while (left > 1e-9) {
    const i = Math.floor(t / im);
    const segEnd = Math.min((i + 1) * im, t + left);
    vec[i] += (weight * (segEnd - t)) / im;
    left -= segEnd - t;
    t = segEnd >= period ? 0 : segEnd;
  }
}

/** Break terms of one pattern; single-slot (fixed) breaks are subtracted from `base` instead. */
function breakTerms(sh: ResolvedShift, days: number[], base: Float64Array, grid: ColumnGrid): BreakTerm[] {
  const { im, L, step } = grid;
  const breaks: BreakTerm[] = [];
  sh.breaks.forEach((b, index) => {
    const offsets = breakSlotOffsets(b, step);
    const bySlot = offsets.map((off) => {
      const v = new Float64Array(L);
      for (const d of days) addSpan(v, d * MINUTES_PER_DAY + sh.startMinute + off, b.durationMinutes, 1, im);
      return v;
    });
    if (offsets.length === 1) {
      for (let i = 0; i < L; i++) base[i] -= bySlot[0][i];
      return;
    }
    const total = new Float64Array(L);
    for (const v of bySlot) for (let i = 0; i < L; i++) total[i] += v[i];
    const byRank = slotOrder(offsets.length).map((k) => bySlot[k]);
    breaks.push({ brk: b, index, slots: offsets.length, offsets, bySlot, byRank, total });
  });
  return breaks;
}

/** The candidate patterns as columns (patterns that never run, or leave the opening hours when restricted, are dropped). */
export function buildColumns(problem: ScheduleProblem, grid: ColumnGrid): Pat[] {
  const { im, L, D, startWeekday, open } = grid;
  const pats: Pat[] = [];
  for (const sh of resolveShifts(problem.candidates).values()) {
    const days: number[] = [];
    for (let d = 0; d < D; d++) if (runsOn(sh, d, D, startWeekday)) days.push(d);
    if (days.length === 0) continue;
    const base = new Float64Array(L);
    for (const d of days) addSpan(base, d * MINUTES_PER_DAY + sh.startMinute, sh.lengthMinutes, 1, im);
    if (problem.restrictShiftsToOpeningHours && problem.openingHours !== undefined) {
      let outside = false;
      for (let i = 0; i < L; i++) if (!open[i] && base[i] > 1e-9) outside = true;
      if (outside) continue;
    }
    const breaks = breakTerms(sh, days, base, grid);
    const paidHoursPerWeek = ((sh.paidMinutes / 60) * days.length * 7) / D;
    const cph = problem.costPerPaidHour;
    const weight = typeof cph === 'function' ? cph(sh.name, problem.candidates[sh.name]) : perName(cph, sh.name, 1);
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new Error(`cost per paid hour of "${sh.name}" must be a finite number ≥ 0`);
    const cost = weight * paidHoursPerWeek + (problem.costPerPerson ?? 0);
    const cap = perName(problem.maxPeoplePerPattern, sh.name, Infinity);
    pats.push({ sh, base, breaks, paidHoursPerWeek, cost, cap });
  }
  return pats;
}
