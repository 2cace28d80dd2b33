// The minimum head count for a KPI target with the scenario's own staffing profile (flat
// around the clock, or following demand), searched by simulation over agents on seat (the head
// count ⇄ agents rule is engine/workforce/staffing.ts). The search sits behind `HeadcountSolver`, so a
// roster-based solver can replace it without touching the callers.
import { targetMetric, scenarioForTarget, type TargetMetric, type TargetCriterion } from './target.ts';
import type { StaffingTarget } from '../../analytic/staffing.ts';
import type { PaidHoursByCategory } from '../../cost/holidays.ts';
import type { StaffingPattern } from '../../cost/onSeat.ts';
import type { Scenario } from '../../scenario/resolve.ts';
import type { Estimate } from '../../stats/estimate.ts';
import type { RunResult } from '../studies/run.ts';
import { type KpiSummary, type StudyProgress, kpiSummary } from '../studies/studyKpis.ts';
import { unboundedAt } from './headcountAgents.ts';
import { minimumHeadcountInProfile } from '../../workforce/staffing.ts';
import { RunCache } from './runCache.ts';
import { analyticAgentsOnSeat, type AnalyticEstimate } from './analyticBracket.ts';
import { DEFAULT_TARGET_PERIOD, assessedPeriodText, meetsTargetOverPeriod, type TargetPeriod } from './targetPeriod.ts';

// ---------------------------------------------------------------------------------------------
// search over agents on seat

/**
 * The smallest n ≥ 0 with ok(n), assuming ok is monotone in n: from a start value, step
 * down (or up) with doubling steps to bracket, then bisect.
 */
export function searchMinimum(start: number, ok: (n: number) => boolean, maxAgents: number): number {
  let lo = -1; // largest n known to fail (−1: none)
  let hi: number; // smallest n known to pass
  const s = Math.max(0, Math.min(start, maxAgents));
  if (ok(s)) {
    hi = s;
    let step = 1;
    while (hi > 0) {
      const cand = Math.max(0, hi - step);
      if (ok(cand)) {
        hi = cand;
        step *= 2;
      } else {
        lo = cand;
        break;
      }
    }
  } else {
    lo = s;
    let step = 1;
    for (;;) {
      const cand = lo + step;
      if (cand > maxAgents) throw new RangeError(`the target is not met even with ${maxAgents} agents on seat`);
      if (ok(cand)) {
        hi = cand;
        break;
      }
      lo = cand;
      step *= 2;
    }
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

export interface StaffingEvaluation {
  agentsOnSeat: number;
  headcount: number;
  /** The KPI the target is on (NaN when the staffing was not simulated: an unbounded queue). */
  kpi: Estimate;
  meets: boolean;
}

export interface HeadcountSearchOptions {
  /** People on the payroll per agent on seat around the clock. */
  peoplePerSeat: number;
  /** Over what the target must hold (default: every calendar month). */
  period?: TargetPeriod;
  criterion?: TargetCriterion;
  maxAgents?: number;
  /** Shared run cache (a study passes its own, so no staffing is simulated twice). */
  cache?: RunCache;
  onProgress?: StudyProgress;
}

export interface HeadcountForTarget {
  /** How the head count was found. */
  method: string;
  target: StaffingTarget;
  metric: TargetMetric;
  criterion: TargetCriterion;
  /** Over what the target holds. */
  period: TargetPeriod;
  /** How the head count is on seat: the scenario's profile (flat or following demand), or a roster. */
  mode: StaffingMode;
  /** How agents are spread over the day: flat, following demand, or the roster's shifts. */
  profile: 'flat' | 'demand' | 'roster';
  peoplePerSeat: number;
  /** Smallest payroll head count whose simulated KPI meets the target. */
  headcount: number;
  /**
   * The head count in full-time equivalents, part-timers by their paid hours (a roster; absent:
   * everyone is full-time, so it equals `headcount`). What the payroll is priced on.
   */
  fte?: number;
  /** Mean agents on seat of that head count's staffing (what its row simulates). */
  agentsOnSeat: number;
  /** What the target was checked on, in words, from the run (assessedPeriodText; a roster: its intervals and how many miss). */
  periodText: string;
  /** The target's KPI at that head count in the worst period (the horizon's for period 'horizon'), mean and 95% CI. */
  kpi: Estimate;
  kpis: KpiSummary;
  /** One agent on seat fewer (the check that the answer is the minimum), when simulated. */
  oneFewer: StaffingEvaluation | null;
  analytic: AnalyticEstimate & { headcount: number };
  /** Every simulated staffing, in the order tried. */
  evaluations: StaffingEvaluation[];
  /** Paid hours by category when the solver knows them (a roster solver); else the cost model's fallback. */
  paidHoursByCategory?: PaidHoursByCategory;
  /** On-seat hours and peak seats of the staffing found, when the solver builds its own (a roster). */
  staffing?: StaffingPattern;
}

/** How a head count is put on seat: the scenario's own profile scaled, or a roster from the shift solver. */
export type StaffingMode = 'profile' | 'roster';

/** What replaces the flat search when rosters are integrated. */
export interface HeadcountSolver {
  readonly name: string;
  minimumHeadcountForTarget(scenario: Scenario, target: StaffingTarget, options: HeadcountSearchOptions): HeadcountForTarget;
}

function nanEstimate(): Estimate {
  return { mean: Number.NaN, ciLow: null, ciHigh: null };
}

/**
 * The minimum payroll head count whose simulated KPI meets the target, with flat agents on
 * seat (head count / peoplePerSeat): an Erlang A bracket, then bisection by simulation with
 * common random numbers (the scenario's seed), and the answer checked against one agent fewer.
 */
export function minimumHeadcountForTarget(scenario: Scenario, target: StaffingTarget, options: HeadcountSearchOptions): HeadcountForTarget {
  const pps = options.peoplePerSeat;
  if (!(pps > 0)) throw new RangeError('peoplePerSeat must be > 0');
  const criterion = options.criterion ?? 'mean';
  const period = options.period ?? DEFAULT_TARGET_PERIOD;
  const rows = period === 'interval' || period === 'day';
  const maxAgents = options.maxAgents ?? 100_000;
  const cache = options.cache ?? new RunCache(options.onProgress);
  const s = scenarioForTarget(scenario, target);
  const metric = targetMetric(target);
  const analytic = analyticAgentsOnSeat(s, target, maxAgents);
  const evaluations: StaffingEvaluation[] = [];
  const byAgents = new Map<number, { e: StaffingEvaluation; run: RunResult | null }>();
  const evaluate = (n: number) => {
    let hit = byAgents.get(n);
    if (!hit) {
      const headcount = minimumHeadcountInProfile(n, pps, s.staffing);
      if (unboundedAt(s, n)) {
        hit = { e: { agentsOnSeat: n, headcount, kpi: nanEstimate(), meets: false }, run: null };
      } else {
        const run = cache.flat(s, n, headcount, pps, `Simulating ${headcount} operators (${n} on seat)`, rows);
        const check = meetsTargetOverPeriod(run, metric, period, criterion);
        hit = { e: { agentsOnSeat: n, headcount, kpi: check.worst, meets: check.meets }, run };
      }
      byAgents.set(n, hit);
      evaluations.push(hit.e);
    }
    return hit;
  };
  const n = searchMinimum(analytic.agentsOnSeat, (k) => evaluate(k).e.meets, maxAgents);
  let best = evaluate(n);
  const fewer = n > 0 ? evaluate(n - 1).e : null;
  // Following demand, the average on seat is not rounded (engine/workforce/staffing.ts), so every head
  // count between those of n - 1 and n agents is a different staffing: the smallest that meets the
  // target is found by bisection on the head count itself (without this, a head count that already
  // meets the target could be answered with a larger one).
  if (s.staffing.profile === 'demand' && fewer && !fewer.meets) {
    let lo = fewer.headcount;
    let hi = best.e.headcount;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const run = cache.flat(s, n, mid, pps, `Simulating ${mid} operators (following demand)`, rows);
      const check = meetsTargetOverPeriod(run, metric, period, criterion);
      const e: StaffingEvaluation = { agentsOnSeat: n, headcount: mid, kpi: check.worst, meets: check.meets };
      evaluations.push(e);
      if (e.meets) {
        hi = mid;
        best = { e, run };
      } else {
        lo = mid;
      }
    }
  }
  const profile = s.staffing.profile === 'demand' ? 'following demand' : 'flat around the clock';
  return {
    method:
      s.staffing.profile === 'demand'
        ? `the scenario's profile (${profile}; head count / people per seat on average); Erlang A bracket, bisection by simulation on agents, then on the head count`
        : `the scenario's profile (${profile}; head count / people per seat); Erlang A bracket, bisection by simulation`,
    target,
    metric,
    criterion,
    period,
    periodText: assessedPeriodText(best.run!, period),
    mode: 'profile',
    profile: s.staffing.profile,
    peoplePerSeat: pps,
    headcount: best.e.headcount,
    // What the answer's own head count puts on seat (its run), not the search's agent step.
    agentsOnSeat: best.run!.staffing.meanOnSeat,
    kpi: best.e.kpi,
    kpis: kpiSummary(best.run!),
    oneFewer: fewer,
    analytic: { ...analytic, headcount: minimumHeadcountInProfile(analytic.agentsOnSeat, pps, s.staffing) },
    evaluations,
  };
}

export const flatHeadcountSolver: HeadcountSolver = {
  name: 'flat',
  minimumHeadcountForTarget,
};

