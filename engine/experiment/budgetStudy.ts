// Budget studies: the cost of a head count with its simulated KPIs, budget → head count,
// target KPI → minimum head count and budget, the contract-year risk, and comparisons.
//
// Head count and agents on seat. Until rosters are integrated, a payroll head count h is
// turned into a flat number of agents on seat around the clock, round(h / peoplePerSeat) —
// the rule engine/scenario/resolve.ts applies to `agents: { headcount, peoplePerSeat }`.
// Head counts that give the same agents on seat simulate identically, so the searches below
// run over agents on seat and report the smallest head count that puts them there.
//
// The search for the minimum head count sits behind `HeadcountSolver`, so a roster-based
// solver can replace the flat one without touching the callers.
import { targetMetric, scenarioForTarget, meetsTargetEstimate, type TargetMetric, type KpiDirection, type TargetCriterion } from './target.ts';
import { readFileSync } from 'node:fs';
import { queueMetrics } from '../analytic/erlangA.ts';
import { agentsNeeded, type StaffingTarget } from '../analytic/staffing.ts';
import type { ServiceLevelFormula } from '../analytic/erlang.ts';
import { annualBudget, type Budget, type BudgetLine } from '../cost/budget.ts';
import type { PaidHoursByCategory } from '../cost/holidays.ts';
import {
  affordableMonthlyWage,
  fullCostHeadcount,
  gapGroupNames,
  naiveHeadcount,
  withOperatorWage,
  type Covers,
  type FullCostHeadcount,
  type NaiveHeadcount,
} from '../cost/inversions.ts';
import { monthlyWages, type Model } from '../cost/labour.ts';
import { contractRisk, type ContractRisk } from '../cost/risk.ts';
import { defaultCostSpec, type CostSpec } from '../cost/schema.ts';
import { meanOf } from '../random/distributions.ts';
import { loadScenario, parseScenarioSpec, type ScenarioOverrides } from '../scenario/load.ts';
import { demandProfile, type Scenario } from '../scenario/resolve.ts';
import type { Estimate } from '../stats/estimate.ts';
import { runScenario, type RunResult } from './run.ts';
import { EVERYONE_ON_PHONES, payrollHeadcount, phonePeople, type Payroll } from '../workforce/payroll.ts';
import { onSeatHoursFromAgents, type StaffingPattern } from '../cost/onSeat.ts';
import { INHOUSE_PRESETS, withInhousePreset, type InhousePreset } from '../cost/inhouse.ts';

export const OPERATING_MODELS: readonly Model[] = ['outsourced', 'inhouse'];

/** Progress of the simulations a study runs: one label per simulated staffing. */
export type StudyProgress = (label: string, done: number, total: number) => void;

// ---------------------------------------------------------------------------------------------
// KPIs of a run

export interface KpiSummary {
  offered: Estimate;
  answered: Estimate;
  connectionRate: Estimate;
  abandonmentRate: Estimate;
  /** The headline service level (formula and threshold below). */
  serviceLevel: Estimate;
  asa: Estimate;
  occupancy: Estimate;
  /** Answered calls scaled to a year (365 days unless the horizon is a whole 365/366-day year). */
  answeredPerYear: Estimate;
  serviceLevelSeconds: number;
  serviceLevelFormula: string;
  replications: number;
  /** Simulated days that were counted (after warm-up). */
  countedDays: number;
}

function scaleEstimate(e: Estimate, f: number): Estimate {
  return { mean: e.mean * f, ciLow: e.ciLow === null ? null : e.ciLow * f, ciHigh: e.ciHigh === null ? null : e.ciHigh * f };
}

export function kpiSummary(r: RunResult): KpiSummary {
  const countedDays = r.horizon.days - (r.horizon.warmupIntervals * r.horizon.intervalMinutes) / 1440;
  const whole = Math.abs(countedDays - 365) < 1e-9 || Math.abs(countedDays - 366) < 1e-9;
  const t = r.totals;
  return {
    offered: t.offered,
    answered: t.answered,
    connectionRate: t.connectionRate,
    abandonmentRate: t.abandonmentRate,
    serviceLevel: t.serviceLevel,
    asa: t.asa,
    occupancy: t.occupancy,
    answeredPerYear: scaleEstimate(t.answered, whole ? 1 : 365 / countedDays),
    serviceLevelSeconds: r.serviceLevelSeconds,
    serviceLevelFormula: r.serviceLevelFormula,
    replications: r.replications,
    countedDays,
  };
}

// ---------------------------------------------------------------------------------------------
// targets

type MonthlyKey = keyof RunResult['months'][number]['byReplication'];

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

function meanAgents(s: Scenario): number {
  let sum = 0;
  for (let k = s.warmupIntervals; k < s.nIntervals; k++) sum += s.agents[k];
  return sum / Math.max(1, s.nIntervals - s.warmupIntervals);
}

function isFlat(s: Scenario): boolean {
  return s.agents.every((a) => a === s.agents[0]);
}

/** With no abandonment, a flat staffing at or below some interval's load grows the queue without bound. */
function unboundedAt(s: Scenario, agents: number): boolean {
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

  /** The scenario as it is (its own agents). */
  scenario(s: Scenario, label: string): RunResult {
    const flat = isFlat(s) ? s.agents[0] : 'scenario';
    return this.get(this.key(s, flat), () => s, label);
  }

  /** The scenario with `agents` flat on seat (head count `headcount`); a demand profile follows the head count itself. */
  flat(s: Scenario, agents: number, headcount: number, peoplePerSeat: number, label: string): RunResult {
    const key = s.agentsProfile.kind === 'demand' ? `${this.key(s, agents)}|demand|${headcount}|${peoplePerSeat}` : this.key(s, agents);
    return this.get(key, () => withFlatHeadcount(s, headcount, peoplePerSeat), label);
  }

  private get(key: string, make: () => Scenario, label: string): RunResult {
    let r = this.runs.get(key);
    if (!r) {
      r = runScenario(make(), { totalsOnly: true, onReplication: (d, t) => this.onProgress?.(label, d, t) });
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
function searchMinimum(start: number, ok: (n: number) => boolean, maxAgents: number): number {
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
  peoplePerSeat: number;
  /** Smallest payroll head count whose simulated KPI meets the target. */
  headcount: number;
  agentsOnSeat: number;
  /** The target's KPI at that head count, mean and 95% CI. */
  kpi: Estimate;
  kpis: KpiSummary;
  /** One agent on seat fewer (the check that the answer is the minimum), when simulated. */
  oneFewer: StaffingEvaluation | null;
  analytic: AnalyticEstimate & { headcount: number };
  /** Every simulated staffing, in the order tried. */
  evaluations: StaffingEvaluation[];
  /** Paid hours by category when the solver knows them (a roster solver); else the cost model's fallback. */
  paidHoursByCategory?: PaidHoursByCategory;
}

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
        const run = cache.flat(s, n, headcount, pps, `Simulating ${headcount} operators (${n} on seat)`);
        const kpi = run.totals[metric.metricId];
        hit = { e: { agentsOnSeat: n, headcount, kpi, meets: meetsTargetEstimate(kpi, metric, criterion) }, run };
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
      const run = cache.flat(s, n, mid, pps, `Simulating ${mid} operators (following demand)`);
      const kpi = run.totals[metric.metricId];
      const e: StaffingEvaluation = { agentsOnSeat: n, headcount: mid, kpi, meets: meetsTargetEstimate(kpi, metric, criterion) };
      evaluations.push(e);
      if (e.meets) {
        hi = mid;
        best = { e, run };
      } else {
        lo = mid;
      }
    }
  }
  return {
    method:
      s.agentsProfile.kind === 'demand'
        ? 'agents on seat following demand (head count / people per seat on average); Erlang A bracket, bisection by simulation on agents, then on the head count'
        : 'flat agents on seat (head count / people per seat); Erlang A bracket, bisection by simulation',
    target,
    metric,
    criterion,
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

// ---------------------------------------------------------------------------------------------
// contract-year risk

export interface ContractView {
  kpi: StaffingTarget;
  metric: TargetMetric;
  headcount: number;
  agentsOnSeat: number;
  /** Calendar months assessed: days counted and the share of replications meeting the KPI. */
  months: { month: string; days: number; mean: Estimate; passRate: number }[];
  /** Months cut by the horizon and left out (when at least one whole month was simulated). */
  partialMonthsExcluded: { month: string; days: number }[];
  /** Whole calendar months simulated (0: only part of a month, assessed as if it were one). */
  wholeMonths: number;
  risk: ContractRisk;
  /** Whether at least 12 whole months were assessed (a contract year). */
  fullYear: boolean;
}

const monthlyKey: Record<TargetMetric['metricId'], MonthlyKey> = {
  connectionRate: 'connectionRate',
  serviceLevel: 'serviceLevel',
  abandonmentRate: 'abandonmentRate',
  asa: 'asa',
};

function calendarDays(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The probability that every month of the run meets the KPI, from its replications (Wilson
 * 95% interval). A tender assesses whole calendar months, so months cut by the horizon are
 * left out when at least one whole month was simulated.
 */
export function contractView(run: RunResult, kpi: StaffingTarget, headcount: number, agentsOnSeat: number): ContractView {
  const metric = targetMetric(kpi);
  const key = monthlyKey[metric.metricId];
  if (run.months.length === 0) throw new RangeError('the run has no counted months');
  const days = (m: RunResult['months'][number]) => (m.intervals * run.horizon.intervalMinutes) / 1440;
  const whole = run.months.filter((m) => Math.abs(days(m) - calendarDays(m.month)) < 1e-9);
  const assessed = whole.length > 0 ? whole : run.months;
  const partialMonthsExcluded = whole.length > 0 ? run.months.filter((m) => !whole.includes(m)).map((m) => ({ month: m.month, days: days(m) })) : [];
  // A month with nothing to divide (NaN) passes a rate KPI vacuously; no answered calls fails an ASA KPI.
  const clean = (v: number) =>
    !Number.isNaN(v) ? v : metric.metricId === 'asa' ? Number.POSITIVE_INFINITY : metric.direction === 'atLeast' ? 1 : 0;
  const samples = Array.from({ length: run.replications }, (_, r) => assessed.map((m) => clean(m.byReplication[key][r])));
  const risk = contractRisk(samples, metric.threshold, { direction: metric.direction });
  return {
    kpi,
    metric,
    headcount,
    agentsOnSeat,
    months: assessed.map((m, i) => ({ month: m.month, days: days(m), mean: m.metrics[metric.metricId], passRate: risk.monthlyPassRate[i] })),
    partialMonthsExcluded,
    wholeMonths: whole.length,
    risk,
    fullYear: whole.length >= 12,
  };
}

export interface HeadcountForRisk {
  probability: number;
  headcount: number;
  agentsOnSeat: number;
  view: ContractView;
  oneFewer: { agentsOnSeat: number; headcount: number; probability: number } | null;
  evaluations: { agentsOnSeat: number; headcount: number; probability: number; meets: boolean }[];
}

/** The smallest flat head count at which P(every month meets the KPI) ≥ probability. */
export function minimumHeadcountForContractRisk(
  scenario: Scenario,
  kpi: StaffingTarget,
  probability: number,
  options: HeadcountSearchOptions,
): HeadcountForRisk {
  if (!(probability > 0 && probability < 1)) throw new RangeError('the probability must be between 0 and 1');
  const pps = options.peoplePerSeat;
  const maxAgents = options.maxAgents ?? 100_000;
  const cache = options.cache ?? new RunCache(options.onProgress);
  const s = scenarioForTarget(scenario, kpi);
  const evaluations: HeadcountForRisk['evaluations'] = [];
  const views = new Map<number, ContractView | null>();
  const view = (n: number): ContractView | null => {
    if (!views.has(n)) {
      const headcount = minimumHeadcountForAgents(n, pps, s.payroll);
      const v = unboundedAt(s, n) ? null : contractView(cache.flat(s, n, headcount, pps, `Simulating ${headcount} operators (${n} on seat)`), kpi, headcount, n);
      views.set(n, v);
      const p = v ? v.risk.probabilityAllMonthsMeet : 0;
      evaluations.push({ agentsOnSeat: n, headcount, probability: p, meets: p >= probability });
    }
    return views.get(n)!;
  };
  const ok = (n: number) => (view(n)?.risk.probabilityAllMonthsMeet ?? 0) >= probability;
  const start = analyticFlatAgents(s, kpi, maxAgents).agentsOnSeat;
  const n = searchMinimum(start, ok, maxAgents);
  const v = view(n)!;
  const fewer = n > 0 ? view(n - 1) : null;
  return {
    probability,
    headcount: v.headcount,
    agentsOnSeat: n,
    view: v,
    oneFewer: n > 0 ? { agentsOnSeat: n - 1, headcount: minimumHeadcountForAgents(n - 1, pps, s.payroll), probability: fewer?.risk.probabilityAllMonthsMeet ?? 0 } : null,
    evaluations,
  };
}

// ---------------------------------------------------------------------------------------------
// pricing

export interface PricedBudget {
  budget: Budget;
  /** All-in total / answered calls per year, with the CI of the answered calls (null without a simulation). */
  costPerAnsweredCall: Estimate | null;
  /** All-in total / connection rate in percentage points. */
  costPerConnectionPoint: Estimate | null;
}

function inverse(total: number, e: Estimate, scale: number): Estimate {
  const f = (x: number | null) => (x === null || !(x > 0) ? null : total / (x * scale));
  return { mean: e.mean > 0 ? total / (e.mean * scale) : Number.NaN, ciLow: f(e.ciHigh), ciHigh: f(e.ciLow) };
}

/** Who takes calls and the staffing's hours and peak seats: what the cost functions take from the scenario. */
export interface PricingContext {
  payroll: Payroll;
  staffing: StaffingPattern | null;
}

/**
 * The cost inputs a scenario's staffing gives: on-seat hours by category and the peak agents
 * on seat, from its resolved per-interval agents (its roster's when it has one).
 */
export function staffingPatternOf(s: Scenario, headcount: number, year: number): StaffingPattern {
  const { hours, peakOnSeat } = onSeatHoursFromAgents(s.agents, s.intervalSeconds, s.startDate, year, { skip: s.warmupIntervals });
  const flat = isFlat(s);
  const source = s.workforce.roster
    ? "the roster's agents on seat"
    : flat
      ? `no roster: the scenario's flat ${s.agents[0]} on seat around the clock`
      : "no roster: the scenario's per-interval agents on seat";
  return { onSeatHours: hours, peakOnSeat, operators: phonePeople(headcount, s.payroll), source };
}

export function priceHeadcount(
  spec: CostSpec,
  headcount: number,
  years: number,
  kpis: KpiSummary | null,
  paidHoursByCategory?: PaidHoursByCategory,
  ctx?: PricingContext,
): Record<Model, PricedBudget> {
  const priced = (model: Model): PricedBudget => {
    const conn = kpis?.connectionRate.mean;
    const budget = annualBudget(
      spec,
      {
        ...(ctx ? { headcount, payroll: ctx.payroll, staffing: ctx.staffing ?? undefined } : { operators: headcount }),
        years,
        paidHoursByCategory,
        answeredCallsPerYear: kpis && kpis.answeredPerYear.mean > 0 ? kpis.answeredPerYear.mean : undefined,
        connectionRate: conn !== undefined && conn > 0 && conn <= 1 ? conn : undefined,
      },
      model,
    );
    return {
      budget,
      costPerAnsweredCall: kpis ? inverse(budget.total, kpis.answeredPerYear, 1) : null,
      costPerConnectionPoint: kpis ? inverse(budget.total, kpis.connectionRate, 100) : null,
    };
  };
  return { outsourced: priced('outsourced'), inhouse: priced('inhouse') };
}

// ---------------------------------------------------------------------------------------------
// loading a scenario for a study

export interface StudyScenario {
  scenario: Scenario;
  /** Payroll operators: the scenario's (or --headcount), or implied by its agents × peoplePerSeat. */
  headcount: number;
  headcountSource: 'scenario' | 'override' | 'implied';
  /** People per agent on seat (null when the scenario gives agents and none was given). */
  peoplePerSeat: number | null;
  spec: CostSpec;
  costSource: 'scenario' | 'defaults';
}

/**
 * Loads a scenario with its payroll head count and people per seat. A scenario that gives
 * agents on seat directly needs `peoplePerSeat`: its head count is then the mean agents on
 * seat × peoplePerSeat, rounded up.
 */
export function loadStudyScenario(file: string, overrides: ScenarioOverrides = {}): StudyScenario {
  let o = overrides;
  let scenario = loadScenario(file, o);
  const spec = parseScenarioSpec(readFileSync(file, 'utf8'), file, o).spec;
  const agents = spec.agents as unknown;
  const flatForm = typeof agents === 'object' && agents !== null && !Array.isArray(agents) ? (agents as { peoplePerSeat: number }) : null;
  let pps: number | null = flatForm ? flatForm.peoplePerSeat : null;
  if (o.peoplePerSeat !== undefined && o.headcount === undefined && flatForm && scenario.headcount !== null) {
    // a new people-per-seat for the scenario's own head count
    o = { ...o, headcount: scenario.headcount };
    scenario = loadScenario(file, o);
    pps = o.peoplePerSeat!;
  }
  let headcount: number;
  let headcountSource: StudyScenario['headcountSource'];
  if (scenario.headcount !== null) {
    // { headcount, peoplePerSeat }, or a roster's people (searches then need --people-per-seat)
    headcount = scenario.headcount;
    headcountSource = overrides.headcount !== undefined ? 'override' : 'scenario';
    if (!flatForm) pps = o.peoplePerSeat ?? null;
  } else {
    pps = o.peoplePerSeat ?? null;
    if (pps === null) {
      throw new RangeError(
        `${file}: the scenario gives agents on seat, not a payroll head count; give --people-per-seat (people per agent on seat) or --headcount with --people-per-seat`,
      );
    }
    headcount = Math.ceil(meanAgents(scenario) * pps - 1e-9);
    headcountSource = 'implied';
  }
  return {
    scenario,
    headcount,
    headcountSource,
    peoplePerSeat: pps,
    spec: scenario.cost ?? defaultCostSpec(),
    costSource: scenario.cost ? 'scenario' : 'defaults',
  };
}

// ---------------------------------------------------------------------------------------------
// the scenario at its head count

export interface ScenarioCosting {
  file: string;
  name: string;
  headcount: number;
  headcountSource: StudyScenario['headcountSource'];
  peoplePerSeat: number | null;
  /** Mean agents on seat over the counted intervals. */
  agentsOnSeat: number;
  calendarYear: number;
  costSource: StudyScenario['costSource'];
  /** Simulated KPIs at the head count (null with simulate: false). */
  kpis: KpiSummary | null;
  budgets: Record<Model, PricedBudget>;
  /** The published contract, when the scenario's cost section cites it (shown beside the modelled price). */
  citedContract: { yuan: number; years: number; source?: string } | null;
  /** The in-house budget under each employment-terms preset (the comparison's honesty check). */
  inhouseByPreset: Record<InhousePreset, Budget>;
  /** What the cost functions took from the staffing. */
  pricing: PricingContext;
}

export function pricingContext(st: StudyScenario): PricingContext {
  return { payroll: st.scenario.payroll, staffing: staffingPatternOf(st.scenario, st.headcount, st.spec.calendarYear) };
}

function costScenario(st: StudyScenario, file: string, years: number, run: RunResult | null): ScenarioCosting {
  const kpis = run ? kpiSummary(run) : null;
  const ctx = pricingContext(st);
  return {
    file,
    name: st.scenario.name,
    headcount: st.headcount,
    headcountSource: st.headcountSource,
    peoplePerSeat: st.peoplePerSeat,
    agentsOnSeat: meanAgents(st.scenario),
    calendarYear: st.spec.calendarYear,
    costSource: st.costSource,
    kpis,
    budgets: priceHeadcount(st.spec, st.headcount, years, kpis, undefined, ctx),
    citedContract: st.spec.citedContract ?? null,
    inhouseByPreset: Object.fromEntries(
      INHOUSE_PRESETS.map((p) => [p, priceHeadcount(withInhousePreset(st.spec, p), st.headcount, years, null, undefined, ctx).inhouse.budget]),
    ) as Record<InhousePreset, Budget>,
    pricing: ctx,
  };
}

// ---------------------------------------------------------------------------------------------
// budget → head count

export interface WaterfallStep {
  key: string;
  en: string;
  zh: string;
  /** Change in operators (negative: heads the item costs). */
  heads: number;
  /** Operators after this step. */
  running: number;
}

export interface ModelInversion {
  /** Gross monthly operator wage in this model (the scenario's cost section). */
  modelWage: number;
  fullCost: FullCostHeadcount;
  /** naive at the naive wage → wage difference → each cost group → whole-person rounding → full cost. */
  waterfall: WaterfallStep[];
  /** The full-cost head count if operators were paid the naive wage (null when it is the model wage). */
  fullCostAtNaiveWage: number | null;
  /** The gross wage the budget pays the reported head count. */
  affordableWage: { monthlyWage: number; feasible: boolean; perOperatorYear: number; perOperatorMonth: number; explanation: string };
  /** Simulated KPIs of the full-cost head count (flat agents on seat), null without simulation or people per seat. */
  simulated: { headcount: number; agentsOnSeat: number; kpis: KpiSummary } | null;
  /** The full-cost head count's budget, with its unit costs when simulated. */
  priced: PricedBudget;
}

export interface BudgetInversion {
  budgetYuan: number;
  years: number;
  annualBudget: number;
  covers: Covers;
  naiveWage: number;
  naiveWageSource: 'option' | 'scenario';
  /** budget / months / naive wage, floored; `.exact` unrounded. */
  naive: NaiveHeadcount;
  naiveNearest: number;
  /** The citizen's way: the month rounded to 100,000 yuan, the result rounded up. */
  citizen: NaiveHeadcount;
  /** The reported (scenario's) head count. */
  reportedHeadcount: number;
  /** budget per year / reported head count. */
  perReportedOperatorYear: number;
  minimumMonthlyWage: number | null;
  models: Record<Model, ModelInversion>;
  /**
   * When the naive wage is someone else's figure (a citizen's 7,000): two answers instead of a
   * waterfall that starts by swapping the wage. (1) At that gross wage, the people the budget
   * (and the signed contract, when cited) pays after on-costs; (2) if the figure was meant
   * all-in, the real all-in cost per reported person-month.
   */
  twoAnswers: {
    naiveWage: number;
    atNaiveWage: { budget: Record<Model, number>; citedContract: Record<Model, number> | null };
    allIn: { yuan: number; years: number; source: 'citedContract' | 'budget'; perPersonMonth: number; headcount: number; ratioToNaiveWage: number };
    /** The naive division of the signed contract, when the budget given is not it (the ceiling). */
    naiveAtCitedContract: { yuan: number; exact: number } | null;
  } | null;
}

/** The affordable gross operator wage at the cited contract price, per model, for the scenario's head count. */
export interface CitedAffordable {
  yuanPerYear: number;
  headcount: number;
  operators: number;
  wage: Record<Model, { monthlyWage: number; feasible: boolean }>;
  minimumMonthlyWage: number | null;
  minimumWageLabel: string;
}

function waterfall(naive: NaiveHeadcount, fc: FullCostHeadcount, modelWage: number): WaterfallStep[] {
  const steps: WaterfallStep[] = [];
  let running = naive.exact;
  steps.push({ key: 'naive', en: `naive: budget / months / ${naive.monthlyWage} yuan`, zh: '简单除法', heads: naive.exact, running });
  if (Math.abs(naive.monthlyWage - modelWage) > 1e-9) {
    const d = fc.naive.exact - naive.exact;
    running += d;
    steps.push({ key: 'wage', en: `gross wage ${modelWage} instead of ${naive.monthlyWage} yuan a month`, zh: '工资假设不同', heads: d, running });
  }
  for (const g of fc.gap.byGroup) {
    running -= g.heads;
    steps.push({ key: g.group, en: gapGroupNames[g.group].en, zh: gapGroupNames[g.group].zh, heads: -g.heads, running });
  }
  running -= fc.gap.integerSlack;
  steps.push({ key: 'rounding', en: 'whole people and unspent headroom', zh: '取整及结余', heads: -fc.gap.integerSlack, running });
  return steps;
}

// ---------------------------------------------------------------------------------------------
// the budget study (hotline-sim budget)

export interface BudgetStudyInput {
  file: string;
  overrides?: ScenarioOverrides;
  /** Contract term in years (default 1): a --budget is for the whole term; the vendor amortises over it. */
  years?: number;
  /** What a tender budget must cover (outsourced): the contract price (default) or the all-in total. */
  covers?: Covers;
  budgetYuan?: number;
  /** Monthly wage of the naive division (default: the scenario's outsourced operator wage). */
  naiveWage?: number;
  target?: StaffingTarget;
  criterion?: TargetCriterion;
  contractKpi?: StaffingTarget;
  /** With contractKpi: the probability that every month meets it, to reach. */
  risk?: number;
  /** Simulate (default true); false prices only. */
  simulate?: boolean;
  solver?: HeadcountSolver;
  onProgress?: StudyProgress;
}

export interface TargetStudy {
  solver: string;
  result: HeadcountForTarget;
  budgets: Record<Model, PricedBudget>;
}

export interface ContractStudy {
  kpi: StaffingTarget;
  /** At the reported head count. */
  atReported: ContractView;
  /** With `risk`: the head count reaching that probability, and its price. */
  forRisk: (HeadcountForRisk & { budgets: Record<Model, PricedBudget> }) | null;
}

export interface BudgetStudy {
  years: number;
  covers: Covers;
  at: ScenarioCosting;
  /** The gross wage the cited contract pays under the scenario's structure (always, when a contract is cited). */
  citedAffordable: CitedAffordable | null;
  inversion: BudgetInversion | null;
  target: TargetStudy | null;
  contract: ContractStudy | null;
  /** Assumptions and caveats a reader should see. */
  notes: string[];
  warnings: string[];
  /** Distinct staffings simulated. */
  simulations: number;
}

function checkYears(years: number) {
  if (!(years > 0) || !Number.isFinite(years)) throw new RangeError(`years must be more than 0 (got ${years})`);
}

export function budgetStudy(input: BudgetStudyInput): BudgetStudy {
  const years = input.years ?? 1;
  checkYears(years);
  const covers = input.covers ?? 'contract';
  const simulate = input.simulate ?? true;
  const solver = input.solver ?? flatHeadcountSolver;
  const st = loadStudyScenario(input.file, input.overrides);
  const cache = new RunCache(input.onProgress);
  const pps = st.peoplePerSeat;
  const notes: string[] = [];
  const warnings: string[] = [];
  if (st.costSource === 'defaults') warnings.push('the scenario has no cost section: every cost is a library default (engine/cost/README.md)');
  if (st.headcountSource === 'implied') {
    notes.push(`head count implied by the scenario's agents on seat: ${st.headcount} = mean agents on seat × ${pps} people per seat, rounded up`);
  }

  const baseRun = simulate ? cache.scenario(st.scenario, `Simulating ${st.headcount} operators`) : null;
  const at = costScenario(st, input.file, years, baseRun);
  const ctx = at.pricing;
  if (ctx.staffing) {
    const h = ctx.staffing.onSeatHours;
    const tot = h.normal + h.restDay + h.statutoryHoliday;
    notes.push(
      `paid hours and seats from the staffing (${ctx.staffing.source}): night ${(100 * h.night / tot).toFixed(1)}%, statutory holidays ${(100 * h.statutoryHoliday / tot).toFixed(1)}% of the hours; ` +
        `peak ${ctx.staffing.peakOnSeat} on seat` +
        (input.solver?.name === 'roster' ? "; the minimum for the target is priced with its roster's own hours" : ''),
    );
  }
  let citedAffordable: CitedAffordable | null = null;
  if (at.citedContract) {
    const c = at.citedContract;
    const inv = { covers: 'contract' as const, payroll: ctx.payroll, staffing: ctx.staffing ?? undefined, headcountIs: 'people' as const };
    const wage = Object.fromEntries(
      OPERATING_MODELS.map((m) => {
        const w = affordableMonthlyWage(c.yuan, c.years, st.headcount, st.spec, m, inv);
        return [m, { monthlyWage: w.monthlyWage, feasible: w.feasible }];
      }),
    ) as CitedAffordable['wage'];
    const mw = at.budgets.outsourced.budget.parameters.minimumMonthlyWage;
    citedAffordable = {
      yuanPerYear: c.yuan / c.years,
      headcount: st.headcount,
      operators: at.budgets.outsourced.budget.headcounts.operator,
      wage,
      minimumMonthlyWage: mw.value,
      minimumWageLabel: mw.label,
    };
  }
  if (at.kpis && at.kpis.countedDays < 360) {
    notes.push(`the simulated horizon is ${fmtDays(at.kpis.countedDays)} days: answered calls are scaled to 365 days`);
  }

  const needPps = (what: string): number => {
    if (pps === null) throw new RangeError(`${what} needs people per seat: give --people-per-seat`);
    return pps;
  };
  const runFlat = (headcount: number, label: string) => {
    const p = needPps('simulating another head count');
    const n = agentsForHeadcount(headcount, p, st.scenario.payroll);
    if (unboundedAt(st.scenario, n)) return null;
    return { headcount, agentsOnSeat: n, kpis: kpiSummary(cache.flat(st.scenario, n, headcount, p, label)) };
  };

  // --- budget → head count ------------------------------------------------------------------
  let inversion: BudgetInversion | null = null;
  if (input.budgetYuan !== undefined) {
    const b = input.budgetYuan;
    if (!(b > 0) || !Number.isFinite(b)) throw new RangeError(`the budget must be a positive number of yuan (got ${b})`);
    const naiveWage = input.naiveWage ?? monthlyWages(st.spec, 'outsourced').operator;
    if (!(naiveWage > 0)) throw new RangeError(`the naive wage must be more than 0 yuan a month (got ${naiveWage})`);
    const naive = naiveHeadcount(b, years, naiveWage);
    const models = {} as Record<Model, ModelInversion>;
    for (const model of OPERATING_MODELS) {
      const inv = { covers, payroll: ctx.payroll, staffing: ctx.staffing ?? undefined, headcountIs: 'people' as const };
      const fc = fullCostHeadcount(b, years, st.spec, model, inv);
      const modelWage = monthlyWages(st.spec, model).operator;
      const atNaive =
        Math.abs(naiveWage - modelWage) > 1e-9 ? fullCostHeadcount(b, years, withOperatorWage(st.spec, model, naiveWage), model, inv).operators : null;
      const aw = affordableMonthlyWage(b, years, st.headcount, st.spec, model, inv);
      let simulated: ModelInversion['simulated'] = null;
      if (simulate && pps !== null && fc.operators > 0) simulated = runFlat(fc.operators, `Simulating ${fc.operators} operators (full cost, ${model})`);
      models[model] = {
        modelWage,
        fullCost: fc,
        waterfall: waterfall(naive, fc, modelWage),
        fullCostAtNaiveWage: atNaive,
        affordableWage: {
          monthlyWage: aw.monthlyWage,
          feasible: aw.feasible,
          perOperatorYear: aw.perOperatorYear,
          perOperatorMonth: aw.perOperatorMonth,
          explanation: aw.explanation,
        },
        simulated,
        priced: priceHeadcount(st.spec, fc.operators, years, simulated?.kpis ?? null, undefined, ctx)[model],
      };
    }
    if (simulate && pps === null) warnings.push('full-cost head counts not simulated: the scenario gives agents on seat and no --people-per-seat');
    inversion = {
      budgetYuan: b,
      years,
      annualBudget: b / years,
      covers,
      naiveWage,
      naiveWageSource: input.naiveWage !== undefined ? 'option' : 'scenario',
      naive,
      naiveNearest: naiveHeadcount(b, years, naiveWage, { roundResult: 'round' }).headcount,
      citizen: naiveHeadcount(b, years, naiveWage, { roundMonthlyTo: 100_000, roundResult: 'ceil' }),
      reportedHeadcount: st.headcount,
      perReportedOperatorYear: b / years / st.headcount,
      minimumMonthlyWage: at.budgets.outsourced.budget.parameters.minimumMonthlyWage.value,
      models,
      twoAnswers: null,
    };
    if (inversion.naiveWageSource === 'option' && Math.abs(naiveWage - monthlyWages(st.spec, 'outsourced').operator) > 1e-9) {
      const cited = st.spec.citedContract ?? null;
      const inv = { covers, payroll: ctx.payroll, staffing: ctx.staffing ?? undefined, headcountIs: 'people' as const };
      const atWage = (yuan: number, yrs: number) =>
        Object.fromEntries(OPERATING_MODELS.map((m) => [m, fullCostHeadcount(yuan, yrs, withOperatorWage(st.spec, m, naiveWage), m, inv).operators])) as Record<Model, number>;
      const allInYuan = cited ? cited.yuan : b;
      const allInYears = cited ? cited.years : years;
      const perPersonMonth = allInYuan / allInYears / 12 / st.headcount;
      inversion.twoAnswers = {
        naiveWage,
        atNaiveWage: { budget: atWage(b, years), citedContract: cited && Math.abs(cited.yuan / cited.years - b / years) > 1 ? atWage(cited.yuan, cited.years) : null },
        allIn: { yuan: allInYuan, years: allInYears, source: cited ? 'citedContract' : 'budget', perPersonMonth, headcount: st.headcount, ratioToNaiveWage: perPersonMonth / naiveWage },
        naiveAtCitedContract:
          cited && Math.abs(cited.yuan / cited.years - b / years) > 1 ? { yuan: cited.yuan, exact: naiveHeadcount(cited.yuan, cited.years, naiveWage).exact } : null,
      };
    }
  }

  // --- target KPI → minimum head count and budget ------------------------------------------------
  let target: TargetStudy | null = null;
  if (input.target) {
    if (!simulate) throw new RangeError('--target needs simulation (drop --no-simulate)');
    const result = solver.minimumHeadcountForTarget(st.scenario, input.target, {
      peoplePerSeat: needPps('--target'),
      criterion: input.criterion,
      cache,
      onProgress: input.onProgress,
    });
    target = { solver: solver.name, result, budgets: priceHeadcount(st.spec, result.headcount, years, result.kpis, result.paidHoursByCategory, ctx) };
  }

  // --- contract-year risk ------------------------------------------------------------------------
  let contract: ContractStudy | null = null;
  if (input.risk !== undefined && !input.contractKpi) throw new RangeError('--risk needs --contract-kpi');
  if (input.contractKpi) {
    if (!simulate) throw new RangeError('--contract-kpi needs simulation (drop --no-simulate)');
    const kpi = input.contractKpi;
    const s = scenarioForTarget(st.scenario, kpi);
    const run = cache.scenario(s, `Simulating ${st.headcount} operators`);
    const atReported = contractView(run, kpi, st.headcount, at.agentsOnSeat);
    if (!atReported.fullYear) {
      warnings.push(
        atReported.wholeMonths === 0
          ? `the horizon covers no whole calendar month: the contract-year view assesses ${atReported.months.map((m) => `${m.month} (${fmtDays(m.days)} days)`).join(', ')} as if each were a month; a contract year needs 12 (a startDate on the 1st of a month and --horizon 365d or 366d)`
          : `the contract-year view covers only ${atReported.wholeMonths} whole calendar month(s) of the horizon; a contract year needs 12 (a startDate on the 1st of a month and --horizon 365d or 366d)`,
      );
    }
    let forRisk: ContractStudy['forRisk'] = null;
    if (input.risk !== undefined) {
      const r = minimumHeadcountForContractRisk(st.scenario, kpi, input.risk, { peoplePerSeat: needPps('--risk'), cache, onProgress: input.onProgress });
      const rrun = cache.flat(s, r.agentsOnSeat, r.headcount, pps!, '');
      forRisk = { ...r, budgets: priceHeadcount(st.spec, r.headcount, years, kpiSummary(rrun), undefined, ctx) };
      const w = r.view.risk.wilson95;
      if (w.lower < input.risk) {
        warnings.push(
          `with ${r.view.risk.replications} replications the probability at ${r.headcount} operators is only known to lie in ` +
            `${(w.lower * 100).toFixed(1)}%–${(w.upper * 100).toFixed(1)}%, below the ${(input.risk * 100).toFixed(0)}% asked for at its low end: use more replications`,
        );
      }
    }
    contract = { kpi, atReported, forRisk };
  }

  const seen = new Set<string>();
  const addWarnings = (bs: Record<Model, PricedBudget>) => {
    for (const m of OPERATING_MODELS) {
      for (const w of bs[m].budget.warnings) {
        if (seen.has(w)) continue;
        seen.add(w);
        warnings.push(`${m}: ${w}`);
      }
    }
  };
  addWarnings(at.budgets);
  if (target) addWarnings(target.budgets);
  if (inversion) {
    for (const m of OPERATING_MODELS) {
      const w = inversion.models[m].affordableWage;
      if (inversion.minimumMonthlyWage !== null && w.feasible && w.monthlyWage < inversion.minimumMonthlyWage) {
        warnings.push(`${m}: the budget pays ${st.headcount} operators less than the minimum wage`);
      }
    }
  }
  return { years, covers, at, citedAffordable, inversion, target, contract, notes, warnings, simulations: cache.size };
}

function fmtDays(d: number): string {
  return Number.isInteger(d) ? String(d) : d.toFixed(2);
}

// ---------------------------------------------------------------------------------------------
// comparisons (hotline-sim compare)

export interface KpiDifference {
  metric: 'connectionRate' | 'abandonmentRate' | 'serviceLevel' | 'asa' | 'occupancy' | 'answeredPerYear';
  a: Estimate;
  b: Estimate;
  /** b − a. */
  difference: number;
  /** Half-width of the ≈95% CI of the difference of independent runs: √(ha² + hb²); null without CIs. */
  halfWidth: number | null;
}

export interface ScenarioComparison {
  kind: 'scenarios';
  years: number;
  a: ScenarioCosting;
  b: ScenarioCosting;
  kpiDifferences: KpiDifference[];
  notes: string[];
}

export interface ModelLine {
  item: string;
  zh: string;
  category: BudgetLine['category'];
  outsourced: number | null;
  inhouse: number | null;
  /** in-house − outsourced (missing lines count as 0). */
  difference: number;
}

export interface ModelComparison {
  kind: 'models';
  years: number;
  scenario: ScenarioCosting;
  lines: ModelLine[];
  notes: string[];
}

export interface CompareInput {
  files: string[];
  /** One scenario, in-house vs outsourced. */
  models?: boolean;
  overrides?: ScenarioOverrides;
  years?: number;
  simulate?: boolean;
  onProgress?: StudyProgress;
}

const half = (e: Estimate) => (e.ciLow === null || e.ciHigh === null ? null : (e.ciHigh - e.ciLow) / 2);

/** Union of the two models' lines, in the outsourced order with in-house-only lines after their category. */
export function modelLines(budgets: Record<Model, PricedBudget>): ModelLine[] {
  const out = budgets.outsourced.budget.lines;
  const inh = budgets.inhouse.budget.lines;
  const order: BudgetLine[] = [...out];
  for (const l of inh) {
    if (order.some((o) => o.item === l.item)) continue;
    let at = -1;
    order.forEach((o, i) => (o.category === l.category ? (at = i) : undefined));
    if (at < 0) order.forEach((o, i) => (o.category === 'housingFund' ? (at = i) : undefined));
    order.splice(at + 1, 0, l);
  }
  return order.map((l) => {
    const o = out.find((x) => x.item === l.item);
    const i = inh.find((x) => x.item === l.item);
    return {
      item: l.item,
      zh: l.zh,
      category: l.category,
      outsourced: o ? o.yuan : null,
      inhouse: i ? i.yuan : null,
      difference: (i?.yuan ?? 0) - (o?.yuan ?? 0),
    };
  });
}

export function compareStudy(input: CompareInput): ScenarioComparison | ModelComparison {
  const years = input.years ?? 1;
  checkYears(years);
  const simulate = input.simulate ?? true;
  const costing = (file: string, tag: string) => {
    const st = loadStudyScenario(file, input.overrides);
    const cache = new RunCache(input.onProgress ? (l, d, t) => input.onProgress!(`${tag}${l}`, d, t) : undefined);
    return costScenario(st, file, years, simulate ? cache.scenario(st.scenario, `Simulating ${st.headcount} operators`) : null);
  };
  const notes = [
    "paid hours and seats: each operator works the standard annual hours, split into night, rest-day and holiday hours in the shares of the scenario's on-seat hours; seats = peak on seat + off-phone desks",
  ];
  if (input.models) {
    if (input.files.length !== 1) throw new RangeError('--models compares the two operating models of ONE scenario');
    const scenario = costing(input.files[0], '');
    return { kind: 'models', years, scenario, lines: modelLines(scenario.budgets), notes };
  }
  if (input.files.length !== 2) throw new RangeError('give two scenarios to compare, or one with --models');
  const a = costing(input.files[0], 'A: ');
  const b = costing(input.files[1], 'B: ');
  const kpiDifferences: KpiDifference[] = [];
  if (a.kpis && b.kpis) {
    for (const metric of ['connectionRate', 'abandonmentRate', 'serviceLevel', 'asa', 'occupancy', 'answeredPerYear'] as const) {
      const ea = a.kpis[metric];
      const eb = b.kpis[metric];
      const ha = half(ea);
      const hb = half(eb);
      kpiDifferences.push({ metric, a: ea, b: eb, difference: eb.mean - ea.mean, halfWidth: ha === null || hb === null ? null : Math.hypot(ha, hb) });
    }
    notes.push('KPI differences: the two scenarios are simulated independently; the ± is √(a² + b²) of their 95% CI half-widths');
  }
  return { kind: 'scenarios', years, a, b, kpiDifferences, notes };
}

export { targetMetric, scenarioForTarget, meetsTargetEstimate, type TargetMetric, type KpiDirection, type TargetCriterion } from './target.ts';
