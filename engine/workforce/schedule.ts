/**
 * Shift-schedule optimisation: how many people on each candidate shift pattern, as an integer
 * programme solved by HiGHS (WebAssembly).
 *
 *   minimise   Σ_p c_p·x_p + M_u·Σ_i u_i + M_v·Σ_i v_i
 *   subject to (1 − s)·cover_i + u_i ≥ r_i                      every open interval with r_i > 0
 *              (1 − s)·cover_i − v_i ≤ r_i + maxOverstaff       every open interval (if maxOverstaff)
 *              Σ_{p part-time} h_p·x_p ≤ f·Σ_p h_p·x_p          (if maxPartTimeShare = f)
 *              x_p ∈ {0, 1, …, cap_p},  u_i, v_i ≥ 0
 *
 * x_p = people on pattern p, each working it on each of its days; c_p = paid hours a week × cost
 * weight (+ cost per person); r_i = the requirement, raised to minOnSeat / minOnSeatAtNight and
 * zero outside opening hours; s = shrinkage (coverage rows are divided by 1 − s, so coefficients
 * stay 0, ½, 1 where possible). cover_i = Σ_p a_ip·x_p − (break dips), a_ip = share of interval i
 * inside p's shift (partial intervals count fractionally). Breaks, by `breakModel`:
 *
 *  - 'placed' (default): the IP places the breaks. Integer y_pbk = people of p taking break b in
 *    slot k, Σ_k y_pbk = x_p, dip Σ_k o_ibk·y_pbk (o = share of interval i lost by one person in
 *    slot k). The result lists one shift variant per break-time combination (windows narrowed to
 *    the chosen times), so onSeatFromRoster reproduces the IP's cover exactly.
 *  - 'expected': each break is its expected dip under the stagger rule of shifts.ts (1/K of a
 *    person per slot: fractional coverage), then a greedy repair adds the cheapest people until the
 *    breaks as actually staggered cover the requirement. Returns the original patterns.
 *  - 'exact': as 'expected', then the stagger rule modelled exactly (integer q = ⌊x/K⌋ and binaries
 *    β_r = [r < x mod K], x = K·q + Σβ, β non-increasing) is solved warm-started from the repaired
 *    schedule in the remaining time. Slow to prove; use for small candidate sets.
 *
 * u_i (shortfall) and v_i (overstaffing above the cap) keep the model always feasible. Penalties:
 * M_v = the dearest pattern's weekly cost; M_u big enough that covering always beats the
 * overstaffing cap, which in turn is worth a pattern-week of cost per agent-interval.
 *
 * Solve strategy: (1) a greedy constructive schedule (best deficit covered per unit cost) is the
 * MIP start, so a schedule is returned even if HiGHS stops at its time limit without an incumbent;
 * (2) with more candidates than `reduceColumnsAbove` (default 60), the LP relaxation of the
 * expected-break model over all candidates is solved first and the MIP keeps the candidates the LP
 * uses most, then those it prices near zero (`maxMipCandidates`, default 100); that LP optimum is
 * reported as `lowerBound` (a valid bound for 'expected', indicative for 'placed'); for 'placed' on
 * a reduced set, the expected-break MIP picks the patterns and a second MIP over the patterns it
 * used places the breaks; (3) HiGHS always runs with mip_rel_gap (default 0.005) and a time limit
 * (default 10 s, shared by all stages).
 *
 * The period (one representative week or day) repeats: a shift running past its end wraps to the
 * start. With a one-day period the patterns' `days` are ignored (every pattern runs daily).
 * `onSeatPerInterval` and `uncovered` are re-evaluated through the roster functions on the returned
 * roster, so they are what the simulator will get.
 */
import highsLoader from 'highs';
import type { Highs } from 'highs';
import { generateShiftCandidates } from './candidates.ts';
import type { ScheduleOptimisation, ShiftPattern, Shifts, Shrinkage } from './schema.ts';
import { HOURS_PER_FTE_WEEK, minuteTimeline, minutesToIntervals, type DayGroups } from './roster.ts';
import {
  DEFAULT_BREAK_STEP_MINUTES,
  breakSlotOffsets,
  resolveShifts,
  slotOrder,
  staggerCounts,
  type ResolvedBreak,
  type ResolvedShift,
} from './shifts.ts';
import { averageShrinkage, totalShrinkage } from './shrinkage.ts';
import { MINUTES_PER_DAY, formatClock, parseClock } from './time.ts';

// Under NodeNext the CommonJS package's default import is typed as the module namespace: cast.
type HighsRuntime = Highs;

let highsPromise: Promise<HighsRuntime> | undefined;

/** The HiGHS WebAssembly runtime, loaded once per process. */
export function loadHighs(): Promise<HighsRuntime> {
  highsPromise ??= (highsLoader as unknown as () => Promise<HighsRuntime>)();
  return highsPromise;
}

export interface ClockRange {
  /** "HH:MM" */
  start: string;
  /** "HH:MM"; end < start means the range crosses midnight; start = end means all day. */
  end: string;
}

export type BreakModel = 'placed' | 'expected' | 'exact';

export interface ScheduleProblem {
  /** Required on-seat agents per interval (after shrinkage) over the period: days × 1440/intervalMinutes values. */
  requirement: ArrayLike<number>;
  /** Interval length, minutes (default 30). */
  intervalMinutes?: number;
  /** ISO weekday of the period's first day (default 1 = Monday). */
  startWeekday?: number;
  /** Candidate shift patterns (e.g. from generateShiftCandidates). */
  candidates: Shifts;
  shrinkage?: Shrinkage;
  /** Use this month's shrinkage (1–12); default the mean of the 12 monthly totals. */
  shrinkageMonth?: number;
  /** Cost weight per paid hour: one number, per pattern name (missing names: 1), or a function. Default 1. */
  costPerPaidHour?: number | Record<string, number> | ((name: string, pattern: ShiftPattern) => number);
  /** Extra cost per person on a pattern per week (seat, training…); default 0. */
  costPerPerson?: number;
  /** Opening hours (daily clock range) or a per-interval mask; outside, no coverage is required. Default 7×24. */
  openingHours?: ClockRange | ArrayLike<boolean | number>;
  /** Drop candidates that would put anyone at work outside the opening hours. Default false. */
  restrictShiftsToOpeningHours?: boolean;
  /** Cap on people per pattern: one number or per pattern name. */
  maxPeoplePerPattern?: number | Record<string, number>;
  /** Minimum on-seat agents in every open interval. */
  minOnSeat?: number;
  /** Minimum on-seat agents in every open night interval (interval start within nightHours). */
  minOnSeatAtNight?: number;
  /** Night hours, default 22:00–06:00. */
  nightHours?: ClockRange;
  /** Maximum on-seat agents above requirement per open interval (soft, penalised). */
  maxOverstaff?: number;
  /** Maximum share (0–1) of paid hours worked by part-time patterns. */
  maxPartTimeShare?: number;
  /** Penalty per agent-interval of shortfall (default: see the module comment). */
  shortfallPenalty?: number;
  /** Penalty per agent-interval above maxOverstaff (default: the dearest pattern's weekly cost). */
  overstaffPenalty?: number;
  /** Break slot step, minutes (default 15). */
  breakStepMinutes?: number;
  /** How the IP treats breaks (see the module comment). Default 'placed'. */
  breakModel?: BreakModel;
  /** Above this many candidates, solve the LP relaxation first and restrict the MIP (default 60). */
  reduceColumnsAbove?: number;
  /** Candidates kept for the MIP after LP reduction (default 100; more if the LP uses more, up to 2×). */
  maxMipCandidates?: number;
  /** HiGHS settings: relative MIP gap (default 0.005), total time limit (default 10 s), a loaded runtime, extra options. */
  solver?: {
    mipRelGap?: number;
    timeLimitSeconds?: number;
    /** Branch-and-bound node limit (default 2000): keeps results reproducible. */
    maxNodes?: number;
    highs?: HighsRuntime;
    log?: boolean;
    options?: Record<string, boolean | number | string>;
  };
}

export interface UncoveredInterval {
  interval: number;
  day: number;
  /** "HH:MM" of the interval start. */
  time: string;
  required: number;
  /** Expected on-seat agents (after shrinkage) of the returned roster. */
  covered: number;
}

export interface BreakPlanEntry {
  /** Candidate pattern. */
  pattern: string;
  /** Index of the break in the pattern's breaks sorted by window start. */
  break: number;
  paid: boolean;
  durationMinutes: number;
  /** Clock time of the break start. */
  start: string;
  people: number;
}

export interface ScheduleResult {
  /** People per candidate pattern (non-zero only), each working it on each of its days. */
  peoplePerPattern: Record<string, number>;
  /**
   * Roster and shift patterns of the solution, ready for onSeatFromRoster. With breakModel
   * 'placed' the shifts are variants of the candidates whose break windows are narrowed to the
   * chosen break times (named "<candidate> | breaks HH:MM…").
   */
  roster: { patterns: Record<string, number> };
  shifts: Shifts;
  /** Break times chosen by the IP ('placed'), or given by the stagger rule otherwise. */
  breakPlan: BreakPlanEntry[];
  /** Expected on-seat agents per interval of the period (after shrinkage) of the returned roster. */
  onSeatPerInterval: Float64Array;
  /** Requirement actually imposed (after opening hours and minimums). */
  requiredPerInterval: Float64Array;
  paidHoursPerWeek: number;
  headcount: {
    /** paidHoursPerWeek / 40 */
    fte: number;
    /** Σ people over patterns (with a one-day period or 7-day patterns: people per day, not distinct people). */
    people: number;
    partTimePeople: number;
  };
  uncovered: UncoveredInterval[];
  /** Intervals above requirement + maxOverstaff (only when maxOverstaff is set). */
  overstaffed: UncoveredInterval[];
  /** HiGHS model status of the MIP: 'optimal', 'timeLimit', … ('greedy' if HiGHS gave no solution). */
  solverStatus: string;
  /** MIP objective of the returned solution: cost + penalties (re-evaluated). */
  objective: number;
  /** Σ_p c_p·x_p of the returned solution. */
  cost: number;
  /** Relative MIP gap reported by HiGHS for the (possibly column-reduced) MIP. */
  gapAchieved: number;
  /** LP optimum of the expected-break model over all candidates (when candidates were reduced): a valid lower bound for 'expected'. */
  lowerBound: number | null;
  /** Wall time inside HiGHS (all stages), seconds. */
  solveSeconds: number;
  /** Wall time outside HiGHS (building, greedy, evaluation), seconds. */
  buildSeconds: number;
  model: {
    breakModel: BreakModel;
    candidates: number;
    /** Candidates in the MIP after LP column reduction. */
    mipCandidates: number;
    intervals: number;
    rows: number;
    columns: number;
  };
  /** People and cost added after the MIP by the greedy repair ('expected' mode). */
  repair: { addedPeople: number; addedCost: number };
  shrinkageUsed: number;
}

const STATUS_NAMES: Record<number, string> = {
  0: 'notSet',
  1: 'loadError',
  2: 'modelError',
  3: 'presolveError',
  4: 'solveError',
  5: 'postsolveError',
  6: 'empty',
  7: 'optimal',
  8: 'infeasible',
  9: 'unboundedOrInfeasible',
  10: 'unbounded',
  11: 'objectiveBound',
  12: 'objectiveTarget',
  13: 'timeLimit',
  14: 'iterationLimit',
  15: 'unknown',
  16: 'solutionLimit',
  17: 'interrupted',
};

function inRange(minute: number, r: ClockRange): boolean {
  const a = parseClock(r.start);
  const b = parseClock(r.end);
  if (a === b) return true;
  return a < b ? minute >= a && minute < b : minute >= a || minute < b;
}

function isClockRange(v: unknown): v is ClockRange {
  return typeof v === 'object' && v !== null && typeof (v as ClockRange).start === 'string' && typeof (v as ClockRange).end === 'string';
}

function isOpen(oh: ScheduleProblem['openingHours'], i: number, minute: number): boolean {
  if (oh === undefined) return true;
  if (isClockRange(oh)) return inRange(minute, oh);
  return Boolean(oh[i]);
}

function perName(v: number | Record<string, number> | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v === 'number') return v;
  return v[name] ?? dflt;
}

function runsOn(sh: ResolvedShift, d: number, days: number, startWeekday: number): boolean {
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

function offsetText(minutes: number): string {
  return `+${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Sparse linear-programme builder (columns appended with their row entries). */
class LpBuilder {
  rowLower: number[] = [];
  rowUpper: number[] = [];
  starts: number[] = [0];
  indices: number[] = [];
  values: number[] = [];
  colCost: number[] = [];
  colLower: number[] = [];
  colUpper: number[] = [];
  integrality: (0 | 1)[] = [];
  start: number[] = [];
  addRow(lower: number, upper: number): number {
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    return this.rowLower.length - 1;
  }
  addCol(cost: number, lower: number, upper: number, integer: boolean, entries: Map<number, number>, start = 0): number {
    for (const [row, v] of entries) {
      if (Math.abs(v) <= 1e-12) continue;
      this.indices.push(row);
      this.values.push(v);
    }
    this.starts.push(this.indices.length);
    this.colCost.push(cost);
    this.colLower.push(lower);
    this.colUpper.push(upper);
    this.integrality.push(integer ? 1 : 0);
    this.start.push(start);
    return this.colCost.length - 1;
  }
}

interface BreakTerm {
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

interface Pat {
  sh: ResolvedShift;
  /** Presence per interval for one person, minus single-slot (fixed) breaks. */
  base: Float64Array;
  /** Breaks with more than one slot. */
  breaks: BreakTerm[];
  paidHoursPerWeek: number;
  cost: number;
  cap: number;
}

/** A solution: people per pattern and, for 'placed', people per break slot (key "pattern/break"). */
interface Sol {
  x: number[];
  y: Map<string, number[]>;
}

interface SolveOut {
  sol: Sol | null;
  status: string;
  objective: number;
  gap: number;
  seconds: number;
  rows: number;
  cols: number;
  /** LP only: reduced costs of the x columns */
  reducedCost?: number[];
}

/** Solve the shift-scheduling IP (see the module comment). */
export async function optimizeSchedule(problem: ScheduleProblem): Promise<ScheduleResult> {
  const t0 = performance.now();
  const highs = problem.solver?.highs ?? (await loadHighs());
  const im = problem.intervalMinutes ?? 30;
  if (!Number.isInteger(im) || im <= 0 || MINUTES_PER_DAY % im !== 0) throw new Error('intervalMinutes must divide 1440');
  const ipd = MINUTES_PER_DAY / im;
  const L = problem.requirement.length;
  if (L === 0 || L % ipd !== 0) throw new Error(`requirement length ${L} is not a whole number of ${ipd}-interval days`);
  const D = L / ipd;
  const startWeekday = problem.startWeekday ?? 1;
  const s =
    problem.shrinkageMonth !== undefined
      ? totalShrinkage(problem.shrinkage, problem.shrinkageMonth)
      : averageShrinkage(problem.shrinkage);
  const keep = 1 - s;
  const step = problem.breakStepMinutes ?? DEFAULT_BREAK_STEP_MINUTES;
  const breakModel: BreakModel = problem.breakModel ?? 'placed';
  const timeLimit = problem.solver?.timeLimitSeconds ?? 10;
  const maxOver = problem.maxOverstaff;

  // requirement after opening hours and minimums
  const open = new Uint8Array(L);
  const night = problem.nightHours ?? { start: '22:00', end: '06:00' };
  const r = new Float64Array(L);
  for (let i = 0; i < L; i++) {
    const minute = (i % ipd) * im;
    open[i] = isOpen(problem.openingHours, i, minute) ? 1 : 0;
    const req = Number(problem.requirement[i]);
    if (!Number.isFinite(req) || req < 0) throw new Error(`requirement[${i}] must be a finite non-negative number`);
    if (!open[i]) continue;
    let v = Math.max(req, problem.minOnSeat ?? 0);
    if (problem.minOnSeatAtNight !== undefined && inRange(minute, night)) v = Math.max(v, problem.minOnSeatAtNight);
    r[i] = v;
  }

  // candidate patterns
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
    const paidHoursPerWeek = ((sh.paidMinutes / 60) * days.length * 7) / D;
    const cph = problem.costPerPaidHour;
    const weight = typeof cph === 'function' ? cph(sh.name, problem.candidates[sh.name]) : perName(cph, sh.name, 1);
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new Error(`cost per paid hour of "${sh.name}" must be a finite number ≥ 0`);
    const cost = weight * paidHoursPerWeek + (problem.costPerPerson ?? 0);
    const cap = perName(problem.maxPeoplePerPattern, sh.name, Infinity);
    pats.push({ sh, base, breaks, paidHoursPerWeek, cost, cap });
  }
  const P = pats.length;
  const maxCost = Math.max(1e-9, ...pats.map((p) => p.cost));
  let maxColumnCover = 1;
  for (const p of pats) maxColumnCover = Math.max(maxColumnCover, p.base.reduce((a, v) => a + v, 0));
  const Mv = problem.overstaffPenalty ?? maxCost;
  const Mu = problem.shortfallPenalty ?? Math.max(100 * maxCost, (maxColumnCover * keep + 2) * Mv + maxCost);
  // With integral pattern costs and penalties, integer shortfall/overstaff variables (whole agents) make the
  // objective integral, which lets HiGHS round its bound up and close the gap sooner.
  const integralObjective = [...pats.map((p) => p.cost), Mu, Mv].every((c) => Math.abs(c - Math.round(c)) < 1e-9);

  // ---- covers of a solution --------------------------------------------------------------
  const yStagger = (x: number[]): Map<string, number[]> => {
    const y = new Map<string, number[]>();
    pats.forEach((p, j) => p.breaks.forEach((b, bi) => y.set(`${j}/${bi}`, [...staggerCounts(x[j], b.slots)])));
    return y;
  };
  /** Expected on-seat (after shrinkage) of a solution under a break model. */
  const coverOf = (sol: Sol, model: BreakModel): Float64Array => {
    const c = new Float64Array(L);
    pats.forEach((p, j) => {
      const n = sol.x[j];
      if (!(n > 0)) return;
      for (let i = 0; i < L; i++) c[i] += n * p.base[i];
      p.breaks.forEach((b, bi) => {
        if (model === 'expected') {
          for (let i = 0; i < L; i++) c[i] -= (n * b.total[i]) / b.slots;
          return;
        }
        const y = model === 'placed' ? sol.y.get(`${j}/${bi}`) : undefined;
        const counts = y ?? [...staggerCounts(n, b.slots)];
        counts.forEach((cnt, k) => {
          if (cnt > 0) for (let i = 0; i < L; i++) c[i] -= cnt * b.bySlot[k][i];
        });
      });
    });
    for (let i = 0; i < L; i++) c[i] *= keep;
    return c;
  };
  const costOf = (x: number[]): number => x.reduce((a, v, j) => a + v * pats[j].cost, 0);
  const penaltyOf = (cover: Float64Array): number => {
    let v = 0;
    for (let i = 0; i < L; i++) {
      if (!open[i]) continue;
      v += Mu * Math.max(0, r[i] - cover[i]);
      if (maxOver !== undefined) v += Mv * Math.max(0, cover[i] - r[i] - maxOver);
    }
    return v;
  };

  // ---- greedy: add the person with the best (deficit covered) / cost -------------------------
  // Breaks count by the stagger rule ('exact') or by their expected dip ('expected').
  const greedy = (x0: number[], allowed: number[], model: 'exact' | 'expected'): number[] => {
    const x = x0.slice();
    const cover = coverOf({ x, y: new Map() }, model);
    const gain = new Float64Array(L);
    const bestGain = new Float64Array(L);
    for (let iter = 0; iter < 1_000_000; iter++) {
      let any = false;
      for (let i = 0; i < L; i++) if (open[i] && r[i] - cover[i] > 1e-6) any = true;
      if (!any) break;
      let best = -1;
      let bestScore = 1e-9;
      for (const j of allowed) {
        const p = pats[j];
        if (x[j] + 1 > p.cap) continue;
        gain.set(p.base);
        for (const b of p.breaks) {
          if (model === 'expected') {
            for (let i = 0; i < L; i++) gain[i] -= b.total[i] / b.slots;
          } else {
            const loss = b.byRank[x[j] % b.slots];
            for (let i = 0; i < L; i++) gain[i] -= loss[i];
          }
        }
        let covered = 0;
        for (let i = 0; i < L; i++) {
          if (!open[i]) continue;
          const d = r[i] - cover[i];
          if (d > 1e-6) covered += Math.min(d, Math.max(0, gain[i] * keep));
        }
        const score = covered / Math.max(p.cost, 1e-9);
        if (score > bestScore) {
          bestScore = score;
          best = j;
          bestGain.set(gain);
        }
      }
      if (best < 0) break;
      x[best]++;
      for (let i = 0; i < L; i++) cover[i] += bestGain[i] * keep;
    }
    return x;
  };

  // ---- the IP / LP over a subset of candidates -------------------------------------------------
  const solve = (model: BreakModel, subset: number[], relax: boolean, limit: number, start: Sol | null): SolveOut => {
    const lp = new LpBuilder();
    const covRow = new Int32Array(L).fill(-1);
    const ovRow = new Int32Array(L).fill(-1);
    // coverage rows divided by (1 − s): scheduled on-seat ≥ r / (1 − s)
    for (let i = 0; i < L; i++) if (open[i] && r[i] > 1e-9) covRow[i] = lp.addRow(r[i] / keep, Infinity);
    if (maxOver !== undefined) for (let i = 0; i < L; i++) if (open[i]) ovRow[i] = lp.addRow(-Infinity, (r[i] + maxOver) / keep);
    const f = problem.maxPartTimeShare;
    const ptRow = f !== undefined && subset.some((j) => pats[j].sh.kind === 'part-time') ? lp.addRow(-Infinity, 0) : -1;
    const entries = (vec: Float64Array, sign: number, into: Map<number, number> = new Map()): Map<number, number> => {
      for (let i = 0; i < L; i++) {
        const a = sign * vec[i];
        if (Math.abs(a) <= 1e-12) continue;
        if (covRow[i] >= 0) into.set(covRow[i], a);
        if (ovRow[i] >= 0) into.set(ovRow[i], a);
      }
      return into;
    };
    const xCol = new Map<number, number>();
    const yCols = new Map<string, number[]>();
    const startY = start ? (model === 'placed' ? start.y : yStagger(start.x)) : null;
    for (const j of subset) {
      const p = pats[j];
      const n = start?.x[j] ?? 0;
      let vec = p.base;
      if (model === 'expected' && p.breaks.length > 0) {
        vec = Float64Array.from(p.base);
        for (const b of p.breaks) for (let i = 0; i < L; i++) vec[i] -= b.total[i] / b.slots;
      }
      const e = entries(vec, 1);
      const linkRows = model === 'expected' ? [] : p.breaks.map(() => lp.addRow(0, 0));
      for (const row of linkRows) e.set(row, 1);
      if (ptRow >= 0) e.set(ptRow, p.sh.kind === 'part-time' ? (1 - f!) * p.paidHoursPerWeek : -f! * p.paidHoursPerWeek);
      xCol.set(j, lp.addCol(p.cost, 0, p.cap, !relax, e, n));
      p.breaks.forEach((b, bi) => {
        if (model === 'placed') {
          // x = Σ_k y_k: the IP chooses how many people take each slot
          const ys = startY?.get(`${j}/${bi}`) ?? [];
          const cols: number[] = [];
          for (let k = 0; k < b.slots; k++) {
            const e2 = entries(b.bySlot[k], -1);
            e2.set(linkRows[bi], -1);
            cols.push(lp.addCol(0, 0, Infinity, !relax, e2, ys[k] ?? 0));
          }
          yCols.set(`${j}/${bi}`, cols);
        } else if (model === 'exact') {
          // x = K·q + Σ_r β_r with β_0 ≥ β_1 ≥ …: the stagger rule, exactly
          const q = entries(b.total, -1);
          q.set(linkRows[bi], -b.slots);
          const qv = Math.floor(n / b.slots);
          lp.addCol(0, 0, Infinity, !relax, q, qv);
          let prevOrderRow = -1;
          for (let rank = 0; rank < b.slots - 1; rank++) {
            const e2 = entries(b.byRank[rank], -1);
            e2.set(linkRows[bi], -1);
            if (prevOrderRow >= 0) e2.set(prevOrderRow, -1);
            const orderRow = rank < b.slots - 2 ? lp.addRow(0, Infinity) : -1;
            if (orderRow >= 0) e2.set(orderRow, 1);
            lp.addCol(0, 0, 1, !relax, e2, rank < n - qv * b.slots ? 1 : 0);
            prevOrderRow = orderRow;
          }
        }
      });
    }
    const startCover = start ? coverOf(start, model === 'expected' ? 'expected' : model === 'placed' ? 'placed' : 'exact') : null;
    for (let i = 0; i < L; i++) {
      if (covRow[i] >= 0) lp.addCol(Mu, 0, Infinity, !relax && integralObjective, new Map([[covRow[i], 1 / keep]]), startCover ? Math.max(0, r[i] - startCover[i]) : 0);
    }
    for (let i = 0; i < L; i++) {
      if (ovRow[i] >= 0) {
        lp.addCol(Mv, 0, Infinity, !relax && integralObjective, new Map([[ovRow[i], -1 / keep]]), startCover ? Math.max(0, startCover[i] - r[i] - maxOver!) : 0);
      }
    }
    const numCols = lp.colCost.length;
    const numRows = lp.rowLower.length;
    const inf = highs.infinity;
    const fin = (a: number[]): number[] => a.map((v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
    const m = highs.createModel({
      numCols,
      numRows,
      colCost: lp.colCost,
      colLower: lp.colLower,
      colUpper: fin(lp.colUpper),
      rowLower: fin(lp.rowLower),
      rowUpper: fin(lp.rowUpper),
      matrix: { format: 'csc', numRows, numCols, starts: lp.starts, indices: lp.indices, values: lp.values },
      ...(relax ? {} : { integrality: lp.integrality }),
    });
    try {
      m.options.set({
        output_flag: problem.solver?.log ?? false,
        mip_rel_gap: problem.solver?.mipRelGap ?? 0.005,
        time_limit: Math.max(0.05, limit),
        random_seed: 0,
        // A work limit, not only a time limit: the same problem gives the same schedule however
        // busy the machine is (the time limit is a safety net).
        mip_max_nodes: problem.solver?.maxNodes ?? 2000,
        ...(problem.solver?.options ?? {}),
      });
      if (start && !relax) m.setSolution({ colValue: lp.start });
      const ts = performance.now();
      const run = m.run();
      const seconds = (performance.now() - ts) / 1000;
      const status = STATUS_NAMES[run.modelStatus] ?? String(run.modelStatus);
      const hasSolution = Number(m.info.get('primal_solution_status')) === 2;
      if (!hasSolution) return { sol: null, status, objective: NaN, gap: Infinity, seconds, rows: numRows, cols: numCols };
      const solution = m.getSolution();
      const col = solution.colValue;
      const round = (v: number): number => (relax ? Math.max(0, v) : Math.max(0, Math.round(v)));
      const x = pats.map((_, j) => (xCol.has(j) ? round(col[xCol.get(j)!]) : 0));
      const y = new Map<string, number[]>();
      for (const [key, cols] of yCols) y.set(key, cols.map((c) => round(col[c])));
      let gap = relax ? 0 : Number(m.info.get('mip_gap'));
      if (!Number.isFinite(gap)) gap = Infinity;
      const reducedCost = relax ? pats.map((_, j) => (xCol.has(j) ? solution.colDual[xCol.get(j)!] : Infinity)) : undefined;
      return { sol: { x, y }, status, objective: m.getObjectiveValue(), gap, seconds, rows: numRows, cols: numCols, reducedCost };
    } finally {
      m.dispose();
    }
  };

  // ---- strategy --------------------------------------------------------------------------------
  const all = pats.map((_, j) => j);
  const zeros = new Array<number>(P).fill(0);
  const hasBreaks = pats.some((p) => p.breaks.length > 0);
  const elapsed = (): number => (performance.now() - t0) / 1000;
  const remaining = (): number => timeLimit - elapsed();
  const stagger = (x: number[]): Sol => ({ x, y: yStagger(x) });
  const score = (z: Sol, model: BreakModel): number => costOf(z.x) + penaltyOf(coverOf(z, model));
  let solveSeconds = 0;
  let rows = 0;
  let cols = 0;
  const run = (model: BreakModel, subset: number[], start: Sol, share = 1): SolveOut | null => {
    if (subset.length === 0) return null;
    const out = solve(model, subset, false, remaining() * share, start);
    solveSeconds += out.seconds;
    rows = out.rows;
    cols = out.cols;
    return out;
  };

  // 1. LP column reduction: the expected-break LP over all candidates (small; its optimum is a valid
  //    lower bound for breakModel 'expected'); keep the candidates it uses most, then those priced ~0.
  let subset = all;
  let lowerBound: number | null = null;
  if (P > (problem.reduceColumnsAbove ?? 60)) {
    const lpOut = solve('expected', all, true, remaining(), null);
    solveSeconds += lpOut.seconds;
    if (lpOut.sol && lpOut.status === 'optimal') {
      lowerBound = lpOut.objective;
      const xl = lpOut.sol.x;
      const rc = lpOut.reducedCost!;
      const maxMip = problem.maxMipCandidates ?? 100;
      const used = all.filter((j) => xl[j] > 1e-6).sort((a, b) => xl[b] - xl[a]);
      const priced = all.filter((j) => !(xl[j] > 1e-6)).sort((a, b) => rc[a] / pats[a].cost - rc[b] / pats[b].cost);
      subset = [...used, ...priced].slice(0, Math.max(maxMip, Math.min(used.length, 2 * maxMip))).sort((a, b) => a - b);
    }
  }
  const reduced = subset.length < P;

  // 2. MIP with breaks as expected dips ('expected', 'exact', and 'placed' on a reduced set), then a
  //    greedy repair so that the breaks as actually staggered cover the requirement.
  let sol: Sol = stagger(zeros);
  let status = 'no candidates';
  let gap = Infinity;
  let addedPeople = 0;
  let addedCost = 0;
  const expectedFirst = breakModel !== 'placed' || (reduced && hasBreaks);
  if (expectedFirst) {
    const start = stagger(greedy(zeros, subset, 'expected'));
    const out = run('expected', subset, start, breakModel === 'expected' ? 1 : 0.5);
    const x0 = out?.sol?.x ?? start.x;
    status = out ? (out.sol ? out.status : `greedy (HiGHS: ${out.status}, no solution)`) : status;
    gap = out?.sol ? out.gap : Infinity;
    const x = greedy(x0, all, 'exact');
    addedPeople = x.reduce((a, v, j) => a + v - x0[j], 0);
    addedCost = costOf(x) - costOf(x0);
    sol = stagger(x);
  }

  // 3. 'placed': the IP places the breaks (over the reduced set's chosen patterns if step 2 ran);
  //    'exact': the stagger rule modelled exactly, warm-started from step 2.
  if (breakModel === 'placed' || (breakModel === 'exact' && hasBreaks)) {
    const model: BreakModel = breakModel;
    const start = expectedFirst ? sol : stagger(greedy(zeros, subset, 'exact'));
    const cand = expectedFirst
      ? breakModel === 'placed'
        ? all.filter((j) => start.x[j] > 0)
        : [...new Set([...subset, ...all.filter((j) => start.x[j] > 0)])].sort((a, b) => a - b)
      : subset;
    const out = run(model, cand, start);
    const startScore = score(start, 'exact');
    if (out?.sol) {
      const cand2 = model === 'placed' ? out.sol : stagger(out.sol.x);
      if (score(cand2, model) <= startScore + 1e-9) {
        sol = cand2;
        status = out.status;
        gap = out.gap;
      } else {
        sol = start;
      }
    } else {
      sol = start;
      if (out) status = expectedFirst ? status : `greedy (HiGHS: ${out.status}, no solution)`;
    }
  }

  // ---- result: roster (variants with fixed break times for 'placed'), exact evaluation --------
  const peoplePerPattern: Record<string, number> = {};
  const patterns: Record<string, number> = {};
  const shifts: Shifts = {};
  const breakPlan: BreakPlanEntry[] = [];
  let paid = 0;
  let people = 0;
  let ptPeople = 0;
  sol.x.forEach((n, j) => {
    if (n <= 0) return;
    const p = pats[j];
    const cand = problem.candidates[p.sh.name];
    peoplePerPattern[p.sh.name] = n;
    paid += n * p.paidHoursPerWeek;
    people += n;
    if (p.sh.kind === 'part-time') ptPeople += n;
    const ys = p.breaks.map((b, bi) => {
      const y = breakModel === 'placed' ? sol.y.get(`${j}/${bi}`) : undefined;
      return y && y.reduce((a, v) => a + v, 0) === n ? y : [...staggerCounts(n, b.slots)];
    });
    p.breaks.forEach((b, bi) => {
      ys[bi].forEach((cnt, k) => {
        if (cnt > 0) {
          breakPlan.push({
            pattern: p.sh.name,
            break: b.index,
            paid: b.brk.paid,
            durationMinutes: b.brk.durationMinutes,
            start: formatClock(p.sh.startMinute + b.offsets[k]),
            people: cnt,
          });
        }
      });
    });
    if (breakModel !== 'placed' || p.breaks.length === 0) {
      patterns[p.sh.name] = n;
      shifts[p.sh.name] = cand;
      return;
    }
    // person i takes, for each break, the i-th slot of that break's sorted slot list
    const lists = p.breaks.map((b, bi) => ys[bi].flatMap((cnt, k) => new Array<number>(cnt).fill(k)));
    const combos = new Map<string, { slots: number[]; people: number }>();
    for (let person = 0; person < n; person++) {
      const slots = lists.map((l) => l[person]);
      const key = slots.join(',');
      const c = combos.get(key);
      if (c) c.people++;
      else combos.set(key, { slots, people: 1 });
    }
    for (const { slots, people: cnt } of combos.values()) {
      const chosen = new Map<number, number>(); // break index → chosen slot offset
      p.breaks.forEach((b, bi) => chosen.set(b.index, b.offsets[slots[bi]]));
      const pinned = (paidKind: boolean): ShiftPattern['paidBreaks'] =>
        p.sh.breaks.flatMap((b, idx) => {
          if (b.paid !== paidKind) return [];
          const e = chosen.get(idx) ?? b.earliestStartOffset;
          const l = chosen.has(idx) ? e + b.durationMinutes : b.latestEndOffset;
          return [{ durationMinutes: b.durationMinutes, window: { earliestStart: offsetText(e), latestEnd: offsetText(l) } }];
        });
      const variant: ShiftPattern = { ...cand };
      const unpaid = pinned(false);
      const paidB = pinned(true);
      if (unpaid?.length) variant.unpaidBreaks = unpaid;
      if (paidB?.length) variant.paidBreaks = paidB;
      const label = p.breaks.map((b, bi) => formatClock(p.sh.startMinute + b.offsets[slots[bi]])).join('/');
      const name = `${p.sh.name} | breaks ${label}`;
      patterns[name] = (patterns[name] ?? 0) + cnt;
      shifts[name] = variant;
    }
  });

  // evaluate the returned roster through the roster machinery (what the simulator will get)
  const rs = resolveShifts(shifts);
  const groups: DayGroups[] = Array.from({ length: D }, () => new Map());
  for (const [name, n] of Object.entries(patterns)) {
    const sh = rs.get(name)!;
    for (let d = 0; d < D; d++) if (runsOn(sh, d, D, startWeekday)) groups[d].set(name, (groups[d].get(name) ?? 0) + n);
  }
  const cover = minutesToIntervals(minuteTimeline(groups, 0, D, rs, 'onSeat', { cyclic: true, breakStepMinutes: step }), im);
  for (let i = 0; i < L; i++) cover[i] *= keep;

  const mk = (i: number): UncoveredInterval => ({ interval: i, day: Math.floor(i / ipd), time: formatClock((i % ipd) * im), required: r[i], covered: cover[i] });
  const uncovered: UncoveredInterval[] = [];
  const overstaffed: UncoveredInterval[] = [];
  for (let i = 0; i < L; i++) {
    if (!open[i]) continue;
    if (cover[i] < r[i] - 1e-6) uncovered.push(mk(i));
    if (maxOver !== undefined && cover[i] > r[i] + maxOver + 1e-6) overstaffed.push(mk(i));
  }
  const cost = costOf(sol.x);
  return {
    peoplePerPattern,
    roster: { patterns },
    shifts,
    breakPlan,
    onSeatPerInterval: cover,
    requiredPerInterval: r,
    paidHoursPerWeek: paid,
    headcount: { fte: paid / HOURS_PER_FTE_WEEK, people, partTimePeople: ptPeople },
    uncovered,
    overstaffed,
    solverStatus: status,
    objective: cost + penaltyOf(cover),
    cost,
    gapAchieved: gap,
    lowerBound,
    solveSeconds,
    buildSeconds: elapsed() - solveSeconds,
    model: { breakModel, candidates: P, mipCandidates: subset.length, intervals: L, rows, columns: cols },
    repair: { addedPeople, addedCost },
    shrinkageUsed: s,
  };
}

/**
 * Turn the YAML `scheduleOptimisation` settings into a ScheduleProblem: generates the candidates,
 * adds `includeShifts` from the scenario's shifts, maps per-kind cost weights.
 */
export function scheduleProblemFromConfig(
  config: ScheduleOptimisation,
  requirement: ArrayLike<number>,
  context: { intervalMinutes?: number; startWeekday?: number; shifts?: Shifts; shrinkage?: Shrinkage; shrinkageMonth?: number; highs?: HighsRuntime } = {},
): ScheduleProblem {
  const candidates: Shifts = config.candidates || !config.includeShifts?.length ? generateShiftCandidates(config.candidates ?? {}) : {};
  for (const name of config.includeShifts ?? []) {
    const p = context.shifts?.[name];
    if (!p) throw new Error(`scheduleOptimisation.includeShifts: unknown shift "${name}"`);
    candidates[name] = p;
  }
  const cph = config.costPerPaidHour;
  return {
    requirement,
    intervalMinutes: context.intervalMinutes,
    startWeekday: context.startWeekday,
    candidates,
    shrinkage: context.shrinkage,
    shrinkageMonth: context.shrinkageMonth,
    costPerPaidHour:
      cph === undefined || typeof cph === 'number'
        ? cph
        : (_name: string, p: ShiftPattern) => (p.kind === 'part-time' ? cph['part-time'] : cph['full-time']) ?? 1,
    costPerPerson: config.costPerPerson,
    openingHours: config.openingHours,
    restrictShiftsToOpeningHours: config.restrictShiftsToOpeningHours,
    maxPeoplePerPattern: config.maxPeoplePerPattern,
    minOnSeat: config.minOnSeat,
    minOnSeatAtNight: config.minOnSeatAtNight,
    nightHours: config.nightHours,
    maxOverstaff: config.maxOverstaff,
    maxPartTimeShare: config.maxPartTimeShare,
    breakModel: config.breakModel,
    breakStepMinutes: config.breakStepMinutes,
    solver: { mipRelGap: config.mipRelGap, timeLimitSeconds: config.timeLimitSeconds, highs: context.highs },
  };
}
