// Erlang A (or C) over many intervals at once: each interval's queue metrics weighted by its calls.
// The head-count search's analytic bracket and the workbench's instant answers both aggregate so.
import type { QueueMetrics, ServiceLevelFormula } from './erlang.ts';

/** An interval (or a group of `weight` equal intervals): its offered calls per hour and agents on seat. */
export interface WeightedInterval {
  callsPerHour: number;
  agents: number;
  weight: number;
}

/** Call-weighted sums over the intervals; `stable` false as soon as one queue grows without bound. */
export interface CallWeightedSums {
  stable: boolean;
  /** Calls offered (calls per hour × weight). */
  offered: number;
  answered: number;
  /** Σ weight × service level (by the formula), and Σ weight: the formula's own denominator. */
  serviceLevel: number;
  serviceLevelWeight: number;
  /** Σ answered calls × ASA. */
  asa: number;
  /** Σ occupancy × agents × weight: busy agents. */
  busyAgents: number;
}

/**
 * Sums the queue metrics of every interval with calls, weighted by its calls (service level under
 * `answered` by its answered calls). `metricsAt` gives an interval's metrics (memoised or not).
 */
export function callWeightedSums(
  intervals: Iterable<WeightedInterval>,
  formula: ServiceLevelFormula,
  metricsAt: (callsPerHour: number, agents: number) => QueueMetrics,
): CallWeightedSums {
  const sums: CallWeightedSums = { stable: true, offered: 0, answered: 0, serviceLevel: 0, serviceLevelWeight: 0, asa: 0, busyAgents: 0 };
  for (const { callsPerHour: rate, agents, weight } of intervals) {
    if (!(rate > 0)) continue;
    const q = metricsAt(rate, agents);
    if (!q.stable) {
      sums.stable = false;
      return sums;
    }
    const calls = rate * weight;
    sums.offered += calls;
    sums.answered += calls * q.connectionRate;
    const slWeight = formula === 'answered' ? calls * q.connectionRate : calls;
    sums.serviceLevel += slWeight * q.serviceLevel[formula];
    sums.serviceLevelWeight += slWeight;
    sums.asa += calls * q.connectionRate * q.asa;
    sums.busyAgents += q.occupancy * agents * weight;
  }
  return sums;
}
