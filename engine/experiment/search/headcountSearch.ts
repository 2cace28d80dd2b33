// The minimum head count for a KPI target with the scenario's own staffing profile (flat
// around the clock, or following demand), searched by simulation.
//
// Head count and agents on seat: a payroll head count h is turned into agents on seat,
// round(h / peoplePerSeat) — the rule engine/scenario/resolve.ts applies to
// `agents: { headcount, peoplePerSeat }`. Head counts that give the same agents on seat simulate
// identically, so the searches run over agents on seat and report the smallest head count that
// puts them there. The search sits behind `HeadcountSolver`, so a roster-based solver can
// replace it without touching the callers.
import { targetMetric, scenarioForTarget, meetsTargetEstimate, type TargetMetric, type TargetCriterion } from './target.ts';
import { queueMetrics } from '../../analytic/erlangA.ts';
import { agentsNeeded, type StaffingTarget } from '../../analytic/staffing.ts';
import type { ServiceLevelFormula } from '../../analytic/erlang.ts';
import type { PaidHoursByCategory } from '../../cost/holidays.ts';
import type { StaffingPattern } from '../../cost/onSeat.ts';
import { meanOf } from '../../random/distributions.ts';
import { demandProfile, type Scenario } from '../../scenario/resolve.ts';
import type { Estimate } from '../../stats/estimate.ts';
import { runScenario, type RunResult } from '../studies/run.ts';
import { EVERYONE_ON_PHONES, payrollHeadcount, phonePeople, type Payroll } from '../../workforce/payroll.ts';
import { type KpiSummary, type StudyProgress, kpiSummary } from '../studies/studyKpis.ts';

// ---------------------------------------------------------------------------------------------
// head count ↔ agents on seat (flat assumption)

/**
 * Agents on seat around the clock for a payroll head count: the rule of engine/scenario/resolve.ts
 * (the people who take calls, per the scenario's payroll, / people per seat, rounded).
 */
export function agentsForHeadcount(headcount: number, peoplePerSeat: number, payroll: Payroll = EVERYONE_ON_PHONES): number {
  return Math.round(phonePeople(headcount, payroll) / peoplePerSeat);
}

/** The smallest payroll head count that puts `agents` on seat under agentsForHeadcount. */
export function minimumHeadcountForAgents(agents: number, peoplePerSeat: number, payroll: Payroll = EVERYONE_ON_PHONES): number {
  if (!(peoplePerSeat > 0)) throw new RangeError('peoplePerSeat must be > 0');
  if (agents <= 0) return 0;
  let h = Math.max(1, payrollHeadcount((agents - 0.5) * peoplePerSeat, payroll) - 1);
  while (agentsForHeadcount(h, peoplePerSeat, payroll) < agents) h++;
  while (h > 1 && agentsForHeadcount(h - 1, peoplePerSeat, payroll) >= agents) h--;
  return h;
}

/**
 * The payroll head count behind a mean of agents on seat: for a whole number, the fewest people the
 * head-count rule puts that many on seat; else the phone people it takes, plus those off the phones.
 */
export function headcountForOnSeatMean(meanOnSeat: number, peoplePerSeat: number, payroll: Payroll = EVERYONE_ON_PHONES): number {
  return Number.isInteger(meanOnSeat) ? minimumHeadcountForAgents(meanOnSeat, peoplePerSeat, payroll) : payrollHeadcount(meanOnSeat * peoplePerSeat, payroll);
}

/** A copy of the scenario with `headcount` people on the payroll, their phone staff as flat agents on seat. */
export function withFlatHeadcount(s: Scenario, headcount: number, peoplePerSeat: number): Scenario {
  // The rule of engine/scenario/resolve.ts: flat, a whole number around the clock; following
  // demand, the unrounded average spread over the intervals (each interval rounded).
  const agents =
    s.agentsProfile.kind === 'demand'
      ? demandProfile(phonePeople(headcount, s.payroll) / peoplePerSeat, s.callsPerHour, s.agentsProfile.minOnSeat)
      : new Array<number>(s.nIntervals).fill(agentsForHeadcount(headcount, peoplePerSeat, s.payroll));
  return { ...s, agents, headcount };
}

export function meanAgents(s: Scenario): number {
  let sum = 0;
  for (let k = s.warmupIntervals; k < s.nIntervals; k++) sum += s.agents[k];
  return sum / Math.max(1, s.nIntervals - s.warmupIntervals);
}

export function isFlat(s: Scenario): boolean {
  return s.agents.every((a) => a === s.agents[0]);
}

/** With no abandonment, a flat staffing at or below some interval's load grows the queue without bound. */
export function unboundedAt(s: Scenario, agents: number): boolean {
  if (s.patience) return false;
  const handle = meanOf(s.talkTime) + meanOf(s.wrapUpTime);
  return s.callsPerHour.some((r) => r > 0 && (r * handle) / 3600 >= agents);
}

// ---------------------------------------------------------------------------------------------
// runs, cached by staffing

/** Runs keyed by (service-level threshold, formula, flat agents): a study never simulates a staffing twice. */
export class RunCache {
  private readonly runs = new Map<string, RunResult>();
  constructor(private readonly onProgress?: StudyProgress) {}

  private key(s: Scenario, agents: number | 'scenario'): string {
    return `${s.serviceLevelSeconds}|${s.serviceLevelFormula}|${agents}`;
  }

  /** The scenario as it is (its own agents); `withIntervals` keeps the per-interval rows. */
  scenario(s: Scenario, label: string, withIntervals = false): RunResult {
    const flat = isFlat(s) ? s.agents[0] : 'scenario';
    return this.get(this.key(s, flat), () => s, label, withIntervals);
  }

  /** The scenario with `agents` on seat in its own profile (head count `headcount`); a demand profile follows the head count itself. */
  flat(s: Scenario, agents: number, headcount: number, peoplePerSeat: number, label: string, withIntervals = false): RunResult {
    const key = s.agentsProfile.kind === 'demand' ? `${this.key(s, agents)}|demand|${headcount}|${peoplePerSeat}` : this.key(s, agents);
    return this.get(key, () => withFlatHeadcount(s, headcount, peoplePerSeat), label, withIntervals);
  }

  private get(key: string, make: () => Scenario, label: string, withIntervals: boolean): RunResult {
    let r = this.runs.get(key);
    // A run with its intervals also answers for totals; one without is redone when rows are needed.
    if (!r || (withIntervals && r.intervals.length === 0)) {
      r = runScenario(make(), { totalsOnly: !withIntervals, onReplication: (d, t) => this.onProgress?.(label, d, t) });
      this.runs.set(key, r);
    }
    return r;
  }

  get size(): number {
    return this.runs.size;
  }
}

// ---------------------------------------------------------------------------------------------
// analytic bracket

export interface AnalyticEstimate {
  /** Flat agents on seat whose call-weighted Erlang A (or C) KPI over the intervals meets the target. */
  agentsOnSeat: number;
  /** That KPI. */
  kpi: number;
  /** Agents the busiest interval alone would need (meeting the target in every interval). */
  peakIntervalAgents: number | null;
}

/**
 * Erlang A per interval (Erlang C without patience), exponential handle and patience with
 * the scenario's means, aggregated over the counted intervals with call weights; the
 * fewest flat agents whose aggregate meets the target. The bracket for the simulation search.
 */
export function analyticFlatAgents(scenario: Scenario, target: StaffingTarget, maxAgents = 100_000): AnalyticEstimate {
  const s = scenarioForTarget(scenario, target);
  const handleSeconds = meanOf(s.talkTime) + meanOf(s.wrapUpTime);
  const patienceSeconds = s.patience ? meanOf(s.patience) : null;
  const weights = new Map<number, number>();
  for (let k = s.warmupIntervals; k < s.nIntervals; k++) {
    const r = s.callsPerHour[k];
    if (r > 0) weights.set(r, (weights.get(r) ?? 0) + 1);
  }
  const m = targetMetric(target);
  const formula = s.serviceLevelFormula as ServiceLevelFormula;
  const aggregate = (n: number): number => {
    let offered = 0;
    let answered = 0;
    let sl = 0;
    let slW = 0;
    let asa = 0;
    for (const [rate, w] of weights) {
      const q = queueMetrics({ callsPerHour: rate, handleSeconds, agents: n, patienceSeconds, serviceLevelSeconds: s.serviceLevelSeconds });
      if (!q.stable) return Number.NaN;
      const calls = rate * w;
      offered += calls;
      answered += calls * q.connectionRate;
      const slWeight = formula === 'answered' ? calls * q.connectionRate : calls;
      sl += slWeight * q.serviceLevel[formula];
      slW += slWeight;
      asa += calls * q.connectionRate * q.asa;
    }
    if (offered === 0) return m.direction === 'atLeast' ? 1 : 0;
    switch (m.metricId) {
      case 'connectionRate':
        return answered / offered;
      case 'abandonmentRate':
        return 1 - answered / offered;
      case 'serviceLevel':
        return sl / slW;
      case 'asa':
        return answered > 0 ? asa / answered : Number.NaN;
    }
  };
  const ok = (n: number) => {
    const v = aggregate(n);
    return !Number.isNaN(v) && (m.direction === 'atLeast' ? v >= m.threshold - 1e-12 : v <= m.threshold + 1e-12);
  };
  let lo = -1;
  let hi = weights.size > 0 ? Math.max(1, Math.floor(meanLoad(weights, handleSeconds))) : 0;
  while (!ok(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > maxAgents) throw new RangeError(`the target cannot be met with ${maxAgents} agents on seat or fewer`);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid >= 0 && ok(mid)) hi = mid;
    else lo = mid;
  }
  let peak: number | null = null;
  const busiest = Math.max(0, ...weights.keys());
  if (busiest > 0) {
    const t: StaffingTarget = target.kind === 'serviceLevel' ? { ...target, formula } : target;
    try {
      peak = agentsNeeded({ callsPerHour: busiest, handleSeconds, patienceSeconds, serviceLevelSeconds: s.serviceLevelSeconds }, t, { maxAgents });
    } catch {
      peak = null;
    }
  }
  return { agentsOnSeat: hi, kpi: aggregate(hi), peakIntervalAgents: peak };
}

function meanLoad(weights: Map<number, number>, handle: number): number {
  let calls = 0;
  let n = 0;
  for (const [r, w] of weights) {
    calls += r * w;
    n += w;
  }
  return ((calls / n) * handle) / 3600;
}

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

// ---------------------------------------------------------------------------------------------
// the period a target is assessed over

/**
 * Over what a KPI target must hold: every interval, every day, every calendar month (what
 * tenders assess), or the whole horizon on average. The same target over a shorter period
 * needs more people: the busiest interval, day or month sets the head count.
 */
export type TargetPeriod = 'interval' | 'day' | 'month' | 'horizon';
export const TARGET_PERIODS: readonly TargetPeriod[] = ['interval', 'day', 'month', 'horizon'];
/** Tenders assess 12345 KPIs month by month. */
export const DEFAULT_TARGET_PERIOD: TargetPeriod = 'month';

/** "in every calendar month", "in every 30-minute interval", … */
export function describePeriod(period: TargetPeriod, intervalMinutes: number): string {
  switch (period) {
    case 'interval':
      return `in every ${intervalMinutes}-minute interval`;
    case 'day':
      return 'on every day';
    case 'month':
      return 'in every calendar month';
    case 'horizon':
      return 'on average over the horizon';
  }
}

/** Per-period aggregation of interval means (a day's rate is its calls' rate, not the mean of its intervals' rates). */
function dayEstimates(run: RunResult, metricId: TargetMetric['metricId']): Estimate[] {
  const days = new Map<string, { offered: number; answered: number; sl: number; slW: number; asa: number; asaW: number }>();
  for (const row of run.intervals) {
    const d = row.start.slice(0, 10);
    const a = days.get(d) ?? { offered: 0, answered: 0, sl: 0, slW: 0, asa: 0, asaW: 0 };
    const m = row.metrics;
    const offered = m.offered?.mean ?? 0;
    const answered = m.answered?.mean ?? 0;
    a.offered += offered;
    a.answered += answered;
    const w = run.serviceLevelFormula === 'answered' ? answered : offered;
    if (m.serviceLevel && !Number.isNaN(m.serviceLevel.mean)) {
      a.sl += m.serviceLevel.mean * w;
      a.slW += w;
    }
    if (m.asa && !Number.isNaN(m.asa.mean)) {
      a.asa += m.asa.mean * answered;
      a.asaW += answered;
    }
    days.set(d, a);
  }
  return [...days.values()].map((a) => {
    const v =
      metricId === 'connectionRate'
        ? a.answered / a.offered
        : metricId === 'abandonmentRate'
          ? 1 - a.answered / a.offered
          : metricId === 'serviceLevel'
            ? a.sl / a.slW
            : a.asa / a.asaW;
    return { mean: v, ciLow: null, ciHigh: null };
  });
}

function calendarDaysOf(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The KPI estimates a target over `period` is checked on: one per interval, day or calendar
 * month (whole months when the horizon holds one, as a tender assesses them), or the totals.
 * Periods with nothing to measure (no calls) are left out.
 */
export function periodEstimates(run: RunResult, metricId: TargetMetric['metricId'], period: TargetPeriod): Estimate[] {
  let list: Estimate[];
  switch (period) {
    case 'horizon':
      list = [run.totals[metricId]];
      break;
    case 'month': {
      const days = (m: RunResult['months'][number]) => (m.intervals * run.horizon.intervalMinutes) / 1440;
      const whole = run.months.filter((m) => Math.abs(days(m) - calendarDaysOf(m.month)) < 1e-9);
      list = (whole.length > 0 ? whole : run.months).map((m) => m.metrics[metricId]);
      break;
    }
    case 'day':
      list = dayEstimates(run, metricId);
      break;
    case 'interval':
      list = run.intervals.map((row) => row.metrics[metricId]).filter((e) => e !== undefined);
      break;
  }
  return list.filter((e) => e !== undefined && !Number.isNaN(e.mean));
}

/** Whether every period meets the target, and the worst period's estimate. */
export function meetsTargetOverPeriod(
  run: RunResult,
  metric: TargetMetric,
  period: TargetPeriod,
  criterion: TargetCriterion = 'mean',
): { meets: boolean; worst: Estimate; periods: number; failing: number } {
  const list = periodEstimates(run, metric.metricId, period);
  if (list.length === 0) return { meets: true, worst: run.totals[metric.metricId], periods: 0, failing: 0 };
  let worst = list[0];
  let failing = 0;
  for (const e of list) {
    if (metric.direction === 'atLeast' ? e.mean < worst.mean : e.mean > worst.mean) worst = e;
    if (!meetsTargetEstimate(e, metric, criterion)) failing++;
  }
  return { meets: failing === 0, worst, periods: list.length, failing };
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
  agentsOnSeat: number;
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
  const analytic = analyticFlatAgents(s, target, maxAgents);
  const evaluations: StaffingEvaluation[] = [];
  const byAgents = new Map<number, { e: StaffingEvaluation; run: RunResult | null }>();
  const evaluate = (n: number) => {
    let hit = byAgents.get(n);
    if (!hit) {
      const headcount = minimumHeadcountForAgents(n, pps, s.payroll);
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
  // Following demand, the average on seat is not rounded (engine/scenario/resolve.ts), so every head
  // count between those of n - 1 and n agents is a different staffing: the smallest that meets the
  // target is found by bisection on the head count itself (without this, a head count that already
  // meets the target could be answered with a larger one).
  if (s.agentsProfile.kind === 'demand' && fewer && !fewer.meets) {
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
  const profile = s.agentsProfile.kind === 'demand' ? 'following demand' : 'flat around the clock';
  return {
    method:
      s.agentsProfile.kind === 'demand'
        ? `the scenario's profile (${profile}; head count / people per seat on average); Erlang A bracket, bisection by simulation on agents, then on the head count`
        : `the scenario's profile (${profile}; head count / people per seat); Erlang A bracket, bisection by simulation`,
    target,
    metric,
    criterion,
    period,
    mode: 'profile',
    profile: s.agentsProfile.kind,
    peoplePerSeat: pps,
    headcount: best.e.headcount,
    agentsOnSeat: n,
    kpi: best.e.kpi,
    kpis: kpiSummary(best.run!),
    oneFewer: fewer,
    analytic: { ...analytic, headcount: minimumHeadcountForAgents(analytic.agentsOnSeat, pps, s.payroll) },
    evaluations,
  };
}

export const flatHeadcountSolver: HeadcountSolver = {
  name: 'flat',
  minimumHeadcountForTarget,
};

