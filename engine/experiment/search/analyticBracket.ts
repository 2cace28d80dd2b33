// The analytic bracket of the head-count search: call-weighted Erlang A (or C) over the
// scenario's intervals, the fewest agents on seat (on average, spread by the scenario's own
// profile) meeting the target. Spread as the simulation spreads them, so that the search starts
// near its answer: a demand-following centre bracketed as if flat started at twice the agents it
// needs (Guangzhou: 785 against 394) and spent ten simulations stepping down.
import { targetMetric, scenarioForTarget } from './target.ts';
import { queueMetrics } from '../../analytic/erlangA.ts';
import { callWeightedSums } from '../../analytic/callWeighted.ts';
import { agentsNeeded, type StaffingTarget } from '../../analytic/staffing.ts';
import type { ServiceLevelFormula } from '../../analytic/erlang.ts';
import { meanOf } from '../../random/distributions.ts';
import { demandProfile } from '../../workforce/staffing.ts';
import type { Scenario } from '../../scenario/resolve.ts';

export interface AnalyticEstimate {
  /** Agents on seat (flat, or the mean of the demand profile) whose call-weighted Erlang A (or C) KPI over the intervals meets the target. */
  agentsOnSeat: number;
  /** That KPI. */
  kpi: number;
  /** Agents the busiest interval alone would need (meeting the target in every interval). */
  peakIntervalAgents: number | null;
}

/**
 * Erlang A per interval (Erlang C without patience), exponential handle and patience with
 * the scenario's means, aggregated over the counted intervals with call weights; the
 * fewest agents on seat in the scenario's profile (flat, or following demand with that mean)
 * whose aggregate meets the target. The bracket for the simulation search.
 */
export function analyticAgentsOnSeat(scenario: Scenario, target: StaffingTarget, maxAgents = 100_000): AnalyticEstimate {
  const s = scenarioForTarget(scenario, target);
  const handleSeconds = meanOf(s.talkTime) + meanOf(s.wrapUpTime);
  const patienceSeconds = s.patience ? meanOf(s.patience) : null;
  const weights = new Map<number, number>();
  for (let k = s.warmupIntervals; k < s.nIntervals; k++) {
    const r = s.callsPerHour[k];
    if (r > 0) weights.set(r, (weights.get(r) ?? 0) + 1);
  }
  // Following demand: each interval's agents as the head-count rule spreads a mean of n
  // (engine/workforce/staffing.ts), grouped by (rate, agents); flat: n everywhere, grouped by rate.
  const demand = s.staffing.profile === 'demand';
  const intervalsAt = (n: number) => {
    if (!demand) return Array.from(weights, ([rate, w]) => ({ callsPerHour: rate, agents: n, weight: w }));
    const agents = demandProfile(n, s.callsPerHour, s.staffing.minOnSeat);
    const groups = new Map<string, { callsPerHour: number; agents: number; weight: number }>();
    for (let k = s.warmupIntervals; k < s.nIntervals; k++) {
      const rate = s.callsPerHour[k];
      if (!(rate > 0)) continue;
      const key = `${rate}|${agents[k]}`;
      const g = groups.get(key);
      if (g) g.weight++;
      else groups.set(key, { callsPerHour: rate, agents: agents[k], weight: 1 });
    }
    return groups.values();
  };
  const m = targetMetric(target);
  const formula = s.serviceLevelFormula as ServiceLevelFormula;
  const metricsAt = (rate: number, n: number) => queueMetrics({ callsPerHour: rate, handleSeconds, agents: n, patienceSeconds, serviceLevelSeconds: s.serviceLevelSeconds });
  const aggregate = (n: number): number => {
    const sums = callWeightedSums(intervalsAt(n), formula, metricsAt);
    if (!sums.stable) return Number.NaN;
    if (sums.offered === 0) return m.direction === 'atLeast' ? 1 : 0;
    switch (m.metricId) {
      case 'connectionRate':
        return sums.answered / sums.offered;
      case 'abandonmentRate':
        return 1 - sums.answered / sums.offered;
      case 'serviceLevel':
        return sums.serviceLevel / sums.serviceLevelWeight;
      case 'asa':
        return sums.answered > 0 ? sums.asa / sums.answered : Number.NaN;
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
