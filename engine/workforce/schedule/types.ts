/**
 * The public types of the shift-schedule optimiser: the problem a caller states and the result it
 * gets back (see ../schedule.ts for the model).
 */
import type { Highs } from 'highs';
import type { ShiftPattern, Shifts, Shrinkage } from '../schema.ts';

// Under NodeNext the CommonJS package's default import is typed as the module namespace: cast.
export type HighsRuntime = Highs;

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
  /** HiGHS model status of the MIP: 'optimal', 'timeLimit', … ('greedy cover …' if HiGHS found no roster in its time). */
  solverStatus: string;
  /** MIP objective of the returned solution: cost + penalties (re-evaluated). */
  objective: number;
  /** Σ_p c_p·x_p of the returned solution. */
  cost: number;
  /**
   * Relative MIP gap reported by HiGHS for the (possibly column-reduced) MIP; null when HiGHS
   * found no roster in its time limit (the roster is then the greedy cover) or gave no bound.
   */
  gapAchieved: number | null;
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
