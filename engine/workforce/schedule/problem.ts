/**
 * The resolved scheduling problem: the interval grid, the requirement actually imposed (opening
 * hours, minimums), the columns and the penalties — plain data every later stage reads, so nothing
 * re-reads the caller's ScheduleProblem but its solver settings.
 */
import { DEFAULT_BREAK_STEP_MINUTES } from '../shifts.ts';
import { averageShrinkage, totalShrinkage } from '../shrinkage.ts';
import { MINUTES_PER_DAY, parseClock } from '../time.ts';
import { buildColumns, type Pat } from './columns.ts';
import type { BreakModel, ClockRange, ScheduleProblem } from './types.ts';

/** A solution: people per pattern and, for 'placed', people per break slot (key "pattern/break"). */
export interface Sol {
  x: number[];
  y: Map<string, number[]>;
}

export interface ScheduleState {
  problem: ScheduleProblem;
  /** performance.now() when the solve started. */
  t0: number;
  /** Interval length, minutes. */
  im: number;
  /** Intervals per day. */
  ipd: number;
  /** Intervals in the period. */
  L: number;
  /** Days in the period. */
  D: number;
  startWeekday: number;
  /** Shrinkage used. */
  s: number;
  /** 1 − s */
  keep: number;
  /** Break slot step, minutes. */
  step: number;
  breakModel: BreakModel;
  timeLimit: number;
  maxOver: number | undefined;
  /** 1 where the interval is open. */
  open: Uint8Array;
  /** Requirement imposed per interval (after opening hours and minimums). */
  r: Float64Array;
  pats: Pat[];
  P: number;
  /** Penalty per agent-interval of shortfall. */
  Mu: number;
  /** Penalty per agent-interval above maxOverstaff. */
  Mv: number;
  /** Whether every cost and penalty is integral (lets the slack columns be integer). */
  integralObjective: boolean;
}

export function inRange(minute: number, r: ClockRange): boolean {
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

/** The requirement after opening hours and minimums, and the open mask. */
function imposedRequirement(problem: ScheduleProblem, L: number, ipd: number, im: number): { open: Uint8Array; r: Float64Array } {
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
  return { open, r };
}

/** Validate the problem and resolve it to plain data (see the module comment of ../schedule.ts for the penalties). */
export function resolveScheduleProblem(problem: ScheduleProblem, t0: number): ScheduleState {
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
  // The node limit and the gap end a solve (the same roster however busy the machine); the time
  // limit is only a safety net, so its default is far above a solve's usual seconds (a 10-s default
  // was reached on a loaded machine and changed Yongchuan's roster from 22 people to 30).
  const timeLimit = problem.solver?.timeLimitSeconds ?? 60;
  const maxOver = problem.maxOverstaff;
  const { open, r } = imposedRequirement(problem, L, ipd, im);
  const pats = buildColumns(problem, { im, L, D, startWeekday, step, open });
  const P = pats.length;
  const maxCost = Math.max(1e-9, ...pats.map((p) => p.cost));
  let maxColumnCover = 1;
  for (const p of pats) maxColumnCover = Math.max(maxColumnCover, p.base.reduce((a, v) => a + v, 0));
  const Mv = problem.overstaffPenalty ?? maxCost;
  const Mu = problem.shortfallPenalty ?? Math.max(100 * maxCost, (maxColumnCover * keep + 2) * Mv + maxCost);
  // With integral pattern costs and penalties, integer shortfall/overstaff variables (whole agents) make the
  // objective integral, which lets HiGHS round its bound up and close the gap sooner.
  const integralObjective = [...pats.map((p) => p.cost), Mu, Mv].every((c) => Math.abs(c - Math.round(c)) < 1e-9);
  return { problem, t0, im, ipd, L, D, startWeekday, s, keep, step, breakModel, timeLimit, maxOver, open, r, pats, P, Mu, Mv, integralObjective };
}
