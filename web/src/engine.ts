// The page's one door into the engine. Every figure the page shows comes from the engine's own
// functions, the ones `hotline-sim budget` and `erlang` call, on the scenario YAML the page holds
// (and lets the planner download), so the page and the CLI print the same numbers.
//
// The engine's loader and studies still read scenario files by path (engine/scenario/load.ts and
// engine/experiment/scenarioCosting.ts import node:fs); the web build maps node:fs to an in-memory
// file store (web/shims/fs.ts), and this module puts the page's YAML there. When issue #15's
// Node-free "parse from a string" lands, only this file changes.
import { queueMetrics } from '../../engine/analytic/erlangA.ts';
import { callWeightedSums, type WeightedInterval } from '../../engine/analytic/callWeighted.ts';
import { agentsNeeded } from '../../engine/analytic/staffing.ts';
import { meanOf } from '../../engine/random/distributions.ts';
import { parseScenario } from '../../engine/scenario/parse.ts';
import type { Scenario } from '../../engine/scenario/resolve.ts';
import { ScenarioError } from '../../engine/scenario/errors.ts';
import { budgetStudy, type BudgetStudy } from '../../engine/experiment/studies/budgetStudy.ts';
import { scenarioAtHeadcount } from '../../engine/experiment/search/headcountAgents.ts';
import { priceHeadcount, staffingPatternOf } from '../../engine/experiment/studies/scenarioCosting.ts';
import { floorHeadcount, minimumHeadcountForAgents, phonePeople } from '../../engine/workforce/staffing.ts';
import { PROVINCES, REGIONS } from '../../engine/cost/parameters/table.ts';
import { defaultCostSpec } from '../../engine/cost/schema.ts';
import { affordableMonthlyWage } from '../../engine/cost/inversions.ts';
import { putVirtualFile } from '../shims/fs.ts';
import { startRun, type RunResult } from '../../engine/experiment/studies/run.ts';
import { estimateWork } from '../../engine/scenario/workEstimate.ts';

export { ScenarioError, PROVINCES, REGIONS };
export { startRun, estimateWork };
export type { BudgetStudy, Scenario, RunResult };

/** Where the page's scenario lives in the in-memory file store (and the name the CLI sees in messages). */
export const SCENARIO_PATH = '/workbench/scenario.yaml';

/** Erlang A KPIs over the counted intervals, call-weighted (the "per month" figure: the weeks repeat). */
export interface AnalyticKpis {
  connectionRate: number;
  abandonRate: number;
  /** Answered within the scenario's threshold / offered (the 15-second manual connection rate). */
  serviceLevel: number;
  occupancy: number;
  /** Mean wait of answered calls, seconds. */
  asa: number;
  /** False when some interval's queue grows without bound (no patience and load ≥ agents). */
  stable: boolean;
}

/**
 * Erlang A per interval (Erlang C without patience) with the scenario's mean talk + wrap-up and
 * mean patience, at the scenario's own per-interval agents on seat; aggregated with call weights.
 * The same per-interval formula `hotline-sim erlang` prints, over the scenario's day and week.
 */
export function analyticKpis(s: Scenario, agents: readonly number[] = s.agents): AnalyticKpis {
  const handleSeconds = meanOf(s.talkTime) + meanOf(s.wrapUpTime);
  const patienceSeconds = s.patience ? meanOf(s.patience) : null;
  const memo = new Map<string, ReturnType<typeof queueMetrics>>();
  const metricsAt = (rate: number, n: number) => {
    const key = `${rate}|${n}`;
    let q = memo.get(key);
    if (!q) {
      q = queueMetrics({ callsPerHour: rate, handleSeconds, agents: n, patienceSeconds, serviceLevelSeconds: s.serviceLevelSeconds });
      memo.set(key, q);
    }
    return q;
  };
  const intervals: WeightedInterval[] = [];
  let onSeat = 0;
  for (let k = s.warmupIntervals; k < s.nIntervals; k++) {
    onSeat += agents[k];
    intervals.push({ callsPerHour: s.callsPerHour[k], agents: agents[k], weight: 1 });
  }
  const sums = callWeightedSums(intervals, 'offered', metricsAt);
  const { stable, offered, answered } = sums;
  if (!stable || offered === 0) {
    return { connectionRate: offered === 0 && stable ? 1 : Number.NaN, abandonRate: offered === 0 && stable ? 0 : Number.NaN, serviceLevel: offered === 0 && stable ? 1 : Number.NaN, occupancy: Number.NaN, asa: Number.NaN, stable };
  }
  return {
    connectionRate: answered / offered,
    abandonRate: 1 - answered / offered,
    serviceLevel: sums.serviceLevel / offered,
    occupancy: onSeat > 0 ? sums.busyAgents / onSeat : 0,
    asa: answered > 0 ? sums.asa / answered : 0,
    stable,
  };
}

/** The scenario at another payroll head count, its agents on seat by the engine's rule (flat or following demand). */
export function atHeadcount(s: Scenario, headcount: number, peoplePerSeat: number): Scenario {
  return scenarioAtHeadcount(s, headcount, peoplePerSeat);
}

export interface HeadcountForTarget {
  headcount: number;
  kpis: AnalyticKpis;
  /** Agents on seat the busiest interval alone needs (as `hotline-sim erlang --target connection=…`). */
  busiest: { callsPerHour: number; handleSeconds: number; patienceSeconds: number | null; agents: number };
}

/**
 * The smallest payroll head count whose analytic connection rate over the horizon meets `target`.
 * `hint` (the last answer) starts the search: a small change of input moves the answer a little,
 * so two evaluations usually confirm it.
 */
export function headcountForConnection(s: Scenario, peoplePerSeat: number, target: number, hint?: number, maxHeadcount = 200_000): HeadcountForTarget {
  const memo = new Map<number, AnalyticKpis>();
  const kpisAt = (h: number) => {
    let k = memo.get(h);
    if (!k) memo.set(h, (k = analyticKpis(atHeadcount(s, h, peoplePerSeat))));
    return k;
  };
  // Following demand, a head count below the floor's people gets the floor on seat unpaid: never an answer (as the CLI's search).
  const floor = s.staffing.profile === 'demand' ? floorHeadcount(s.staffing.minOnSeat, peoplePerSeat, s.payroll) : 0;
  const ok = (h: number) => {
    if (h < floor) return false;
    const k = kpisAt(h);
    return k.stable && k.connectionRate >= target - 1e-12;
  };
  const handleSeconds = meanOf(s.talkTime) + meanOf(s.wrapUpTime);
  const patienceSeconds = s.patience ? meanOf(s.patience) : null;
  let mean = 0;
  for (let k = s.warmupIntervals; k < s.nIntervals; k++) mean += s.callsPerHour[k];
  mean /= Math.max(1, s.nIntervals - s.warmupIntervals);
  const start = hint !== undefined && hint >= 1 ? hint : Math.max(1, minimumHeadcountForAgents(Math.max(1, Math.floor((mean * handleSeconds) / 3600)), peoplePerSeat, s.payroll));
  // bracket (lo fails, hi meets) by steps doubling away from the start, then bisect
  let lo: number;
  let hi: number;
  if (ok(start)) {
    hi = start;
    let step = 1;
    lo = Math.max(0, hi - step);
    while (lo > 0 && ok(lo)) {
      hi = lo;
      step *= 2;
      lo = Math.max(0, hi - step);
    }
  } else {
    lo = start;
    let step = 1;
    hi = lo + step;
    while (!ok(hi)) {
      lo = hi;
      step *= 2;
      hi = lo + step;
      if (hi > maxHeadcount) throw new RangeError(`a connection rate of ${(target * 100).toFixed(1)}% is not reached with ${maxHeadcount.toLocaleString('en-US')} people`);
    }
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  const busiestRate = Math.max(...s.callsPerHour.slice(s.warmupIntervals));
  const agents = busiestRate > 0 ? agentsNeeded({ callsPerHour: busiestRate, handleSeconds, patienceSeconds, serviceLevelSeconds: s.serviceLevelSeconds }, { kind: 'connectionRate', value: target }) : 0;
  return { headcount: hi, kpis: kpisAt(hi), busiest: { callsPerHour: busiestRate, handleSeconds, patienceSeconds, agents } };
}

/** Loads the page's YAML through the engine's own loader (errors name the field and line). */
export function loadText(text: string): Scenario {
  putVirtualFile(SCENARIO_PATH, text);
  return parseScenario(text, SCENARIO_PATH);
}

export interface StudyOptions {
  years: number;
  /** A budget or ceiling for the whole term (yuan): the waterfall and the affordable wage. */
  budgetYuan?: number;
}

const studies = new Map<string, BudgetStudy>();

/** `hotline-sim budget <file> --no-simulate --years N [--budget B]`, on the page's YAML (the last few kept). */
export function costStudy(text: string, o: StudyOptions): BudgetStudy {
  const key = `${o.years}|${o.budgetYuan ?? ''}|${text}`;
  let study = studies.get(key);
  if (!study) {
    putVirtualFile(SCENARIO_PATH, text);
    study = budgetStudy({ file: SCENARIO_PATH, years: o.years, budgetYuan: o.budgetYuan, simulate: false });
    if (studies.size >= 6) studies.delete(studies.keys().next().value!);
    studies.set(key, study);
  }
  return study;
}

/**
 * The gross operator wage a price pays the study's head count, per model: the engine's
 * affordableMonthlyWage with the arguments `budget --budget` gives it (the contract price covered,
 * the staffing's hours and seats).
 */
export function affordableWages(s: Scenario, study: BudgetStudy, budgetYuan: number): Record<'outsourced' | 'inhouse', number> {
  const spec = s.cost ?? defaultCostSpec();
  const ctx = study.at.pricing;
  const inv = { covers: 'contract' as const, payroll: ctx.payroll, staffing: ctx.staffing ?? undefined, headcountIs: 'people' as const };
  const wage = (m: 'outsourced' | 'inhouse') => affordableMonthlyWage(budgetYuan, study.years, study.at.headcount, spec, m, inv).monthlyWage;
  return { outsourced: wage('outsourced'), inhouse: wage('inhouse') };
}

export interface CurvePoint {
  headcount: number;
  agentsOnSeat: number;
  kpis: AnalyticKpis;
  inhouse: number;
  outsourced: number;
}

/** KPIs and annual all-in cost at head counts spanning `from`..`to` and a margin (the charts' curves). */
export function headcountCurve(s: Scenario, study: BudgetStudy, peoplePerSeat: number, from: number, to: number, points = 17): CurvePoint[] {
  // the cost section, or the library's defaults (as loadStudyScenario prices a scenario without one)
  const spec = s.cost ?? defaultCostSpec();
  const lo = Math.max(1, Math.floor(Math.min(from, to) * 0.75));
  const hi = Math.max(lo + points, Math.ceil(Math.max(from, to) * 1.3));
  const step = Math.max(1, Math.round((hi - lo) / (points - 1)));
  const out: CurvePoint[] = [];
  const seen = new Set<number>();
  for (let h = lo; h <= hi; h += step) {
    if (seen.has(h)) continue;
    seen.add(h);
    const at = atHeadcount(s, h, peoplePerSeat);
    const kpis = analyticKpis(at);
    const ctx = { payroll: s.payroll, staffing: staffingPatternOf(at, h, spec.calendarYear) };
    const priced = priceHeadcount(spec, h, study.years, null, undefined, ctx);
    let sum = 0;
    for (let k = at.warmupIntervals; k < at.nIntervals; k++) sum += at.agents[k];
    out.push({ headcount: h, agentsOnSeat: sum / Math.max(1, at.nIntervals - at.warmupIntervals), kpis, inhouse: priced.inhouse.budget.total, outsourced: priced.outsourced.budget.total });
  }
  return out;
}

/** Calls per hour and agents on seat by time of day, averaged over the counted days. */
export function averageDay(s: Scenario): { minute: number; callsPerHour: number; agents: number }[] {
  const per = s.intervalsPerDay;
  const calls = new Array<number>(per).fill(0);
  const agents = new Array<number>(per).fill(0);
  const count = new Array<number>(per).fill(0);
  for (let k = s.warmupIntervals; k < s.nIntervals; k++) {
    const i = k % per;
    calls[i] += s.callsPerHour[k];
    agents[i] += s.agents[k];
    count[i]++;
  }
  return calls.map((c, i) => ({ minute: (i * s.intervalSeconds) / 60, callsPerHour: c / Math.max(1, count[i]), agents: agents[i] / Math.max(1, count[i]) }));
}

export function phoneStaff(s: Scenario, headcount: number): number {
  return phonePeople(headcount, s.payroll);
}

export function meanOnSeat(s: Scenario): number {
  let sum = 0;
  for (let k = s.warmupIntervals; k < s.nIntervals; k++) sum += s.agents[k];
  return sum / Math.max(1, s.nIntervals - s.warmupIntervals);
}
