// The contract-year view: the probability that every calendar month meets a tender's KPI,
// and the smallest head count reaching a given probability.
import { targetMetric, scenarioForTarget, type TargetMetric } from '../search/target.ts';
import { type StaffingTarget } from '../../analytic/staffing.ts';
import { contractRisk, type ContractRisk } from '../../cost/risk.ts';
import { type Scenario } from '../../scenario/resolve.ts';
import type { Estimate } from '../../stats/estimate.ts';
import { type RunResult } from './run.ts';
import { type HeadcountSearchOptions, searchMinimum } from '../search/headcountSearch.ts';
import { RunCache } from '../search/runCache.ts';
import { analyticAgentsOnSeat } from '../search/analyticBracket.ts';
import { meanAgents, scenarioAtHeadcount, unboundedAt } from '../search/headcountAgents.ts';
import { agentsForHeadcount, minimumHeadcountInProfile } from '../../workforce/staffing.ts';

// ---------------------------------------------------------------------------------------------
// targets

type MonthlyKey = keyof RunResult['months'][number]['byReplication'];

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
  /** Mean agents on seat of that head count's own staffing (the scenario's profile). */
  agentsOnSeat: number;
  view: ContractView;
  /** One person fewer: what it puts on seat and its probability. */
  oneFewer: { headcount: number; agentsOnSeat: number; probability: number } | null;
  evaluations: { agentsOnSeat: number; headcount: number; probability: number; meets: boolean }[];
}

/**
 * The smallest head count, in people, at which P(every month meets the KPI) ≥ probability, in the
 * scenario's own profile: bisection on agents on seat, then (following demand, where every head
 * count is a staffing of its own) on the head count itself, so a head count that already passes
 * is never answered with a larger one.
 */
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
  const views = new Map<number, { view: ContractView | null; onSeat: number; p: number }>();
  // Head count h in the scenario's own profile (flat: agentsForHeadcount(h) on seat; demand: h spread over the day).
  const atHeadcount = (h: number) => {
    let hit = views.get(h);
    if (!hit) {
      const n = agentsForHeadcount(h, pps, s.payroll);
      const onSeat = meanAgents(scenarioAtHeadcount(s, h, pps));
      const v = unboundedAt(s, n) ? null : contractView(cache.flat(s, n, h, pps, `Simulating ${h} people (${onSeat.toFixed(1)} on seat)`), kpi, h, onSeat);
      const p = v ? v.risk.probabilityAllMonthsMeet : 0;
      hit = { view: v, onSeat, p };
      views.set(h, hit);
      evaluations.push({ agentsOnSeat: onSeat, headcount: h, probability: p, meets: p >= probability });
    }
    return hit;
  };
  const ok = (h: number) => atHeadcount(h).p >= probability;
  const start = analyticAgentsOnSeat(s, kpi, maxAgents).agentsOnSeat;
  const n = searchMinimum(start, (k) => ok(minimumHeadcountInProfile(k, pps, s.staffing)), maxAgents);
  let hi = minimumHeadcountInProfile(n, pps, s.staffing);
  // n − 1 agents failed; flat, every head count below hi puts at most n − 1 on seat; following
  // demand, each head count between theirs is a staffing of its own: bisect on people.
  if (n > 0 && s.staffing.profile === 'demand') {
    let lo = minimumHeadcountInProfile(n - 1, pps, s.staffing);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (ok(mid)) hi = mid;
      else lo = mid;
    }
  }
  const best = atHeadcount(hi);
  const fewer = hi > 1 ? atHeadcount(hi - 1) : null;
  return {
    probability,
    headcount: hi,
    agentsOnSeat: best.onSeat,
    view: best.view!,
    oneFewer: fewer ? { headcount: hi - 1, agentsOnSeat: fewer.onSeat, probability: fewer.p } : null,
    evaluations,
  };
}
