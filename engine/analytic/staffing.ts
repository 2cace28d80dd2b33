// Staffing: the fewest on-seat agents that meet a service target for one interval.

import {
  type QueueInput,
  type QueueMetrics,
  type ServiceLevelFormula,
  hasFinitePatience,
  offeredLoad,
} from './erlang.ts';
import { queueMetrics } from './erlangA.ts';

export type StaffingTarget =
  | { kind: 'serviceLevel'; value: number; seconds?: number; formula?: ServiceLevelFormula } // e.g. 0.8 within 20 s
  | { kind: 'connectionRate'; value: number } // 1 - P(abandon) >= value
  | { kind: 'asa'; seconds: number } // ASA <= seconds
  | { kind: 'abandonment'; value: number }; // P(abandon) <= value

export interface StaffingOptions {
  maxOccupancy?: number;
  maxAgents?: number; // default 100000
}

const DEFAULT_MAX_AGENTS = 100_000;
/** Slack for round-off, so that a target met "exactly" (e.g. 0.8 vs 0.79999999999999) counts as met. */
const EPS = 1e-12;

/**
 * Whether metrics `m` meet `target`. `defaultSeconds` is the service-level threshold `m` was
 * computed with; a serviceLevel target naming a different `seconds` cannot be judged from
 * `m` (recompute the metrics at that threshold), so that is a RangeError.
 */
export function meetsTarget(m: QueueMetrics, target: StaffingTarget, defaultSeconds: number): boolean {
  if (!m.stable) return false;
  switch (target.kind) {
    case 'serviceLevel': {
      if (target.seconds !== undefined && target.seconds !== defaultSeconds) {
        throw new RangeError(
          `metrics were computed for a ${defaultSeconds} s threshold but the target is within ${target.seconds} s`,
        );
      }
      return m.serviceLevel[target.formula ?? 'offered'] >= target.value - EPS;
    }
    case 'connectionRate':
      return m.connectionRate >= target.value - EPS;
    case 'asa':
      return m.asa <= target.seconds + EPS;
    case 'abandonment':
      return m.probAbandon <= target.value + EPS;
  }
}

/**
 * Smallest n such that queueMetrics({...base, agents: n}) is stable, meets the target and
 * (if given) has occupancy <= maxOccupancy. All targets improve monotonically with n, so:
 * a lower bound, then exponential search for a feasible n, then bisection.
 * Throws RangeError when even maxAgents does not reach the target (e.g. ASA 0 under Erlang C).
 */
export function agentsNeeded(
  base: Omit<QueueInput, 'agents'>,
  target: StaffingTarget,
  options: StaffingOptions = {},
): number {
  checkTarget(target);
  if (base.callsPerHour === 0) return 0;
  const maxAgents = options.maxAgents ?? DEFAULT_MAX_AGENTS;
  const maxOccupancy = options.maxOccupancy;
  if (!(Number.isInteger(maxAgents) && maxAgents >= 0)) {
    throw new RangeError(`maxAgents must be an integer >= 0, got ${maxAgents}`);
  }
  if (maxOccupancy !== undefined && !(maxOccupancy > 0)) {
    throw new RangeError(`maxOccupancy must be > 0, got ${maxOccupancy}`);
  }

  const seconds =
    target.kind === 'serviceLevel' && target.seconds !== undefined ? target.seconds : base.serviceLevelSeconds;
  const input: Omit<QueueInput, 'agents'> = { ...base, serviceLevelSeconds: seconds };
  const ok = (n: number): boolean => {
    const m = queueMetrics({ ...input, agents: n });
    return meetsTarget(m, target, seconds) && (maxOccupancy === undefined || m.occupancy <= maxOccupancy + EPS);
  };

  let bad = lowerBound(offeredLoad(base), hasFinitePatience(base.patienceSeconds), target, maxOccupancy) - 1;
  if (bad + 1 > maxAgents) throw unreachable(maxAgents, target);
  // Exponential search: grow the step until a feasible staffing is found.
  let step = 1;
  let good = bad + 1;
  while (!ok(good)) {
    bad = good;
    if (good >= maxAgents) throw unreachable(maxAgents, target);
    good = Math.min(maxAgents, good + step);
    step *= 2;
  }
  // Invariant: ok(good), !ok(bad) (or bad is below the lower bound).
  while (good - bad > 1) {
    const mid = bad + Math.floor((good - bad) / 2);
    if (ok(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/** A staffing level no larger than the answer (so the search may start there). */
function lowerBound(load: number, abandonment: boolean, target: StaffingTarget, maxOccupancy?: number): number {
  if (!abandonment) {
    // Erlang C is stable only when agents > load; occupancy = load/agents.
    let n = Math.floor(load) + 1;
    if (maxOccupancy !== undefined) n = Math.max(n, Math.floor(load / maxOccupancy));
    return n;
  }
  // With abandonment, agents carry load·(answered fraction) < agents; the targets below
  // each guarantee a minimum answered fraction.
  let answered = 0;
  if (target.kind === 'connectionRate') answered = target.value;
  else if (target.kind === 'abandonment') answered = 1 - target.value;
  else if (target.kind === 'serviceLevel' && (target.formula ?? 'offered') === 'offered') answered = target.value;
  return Math.max(0, Math.floor(load * Math.min(1, answered)) - 1);
}

function checkTarget(target: StaffingTarget): void {
  const v = target.kind === 'asa' ? target.seconds : target.value;
  if (!Number.isFinite(v) || v < 0) throw new RangeError(`target for ${target.kind} must be a finite number >= 0`);
  if (target.kind === 'serviceLevel' && target.seconds !== undefined) {
    if (!(Number.isFinite(target.seconds) && target.seconds >= 0)) {
      throw new RangeError(`serviceLevel seconds must be a finite number >= 0, got ${target.seconds}`);
    }
  }
}

function unreachable(maxAgents: number, target: StaffingTarget): RangeError {
  return new RangeError(`the target ${targetText(target)} is not reachable with ${maxAgents.toLocaleString('en-US')} agents or fewer`);
}

/** "connection rate >= 0.9", "ASA <= 20 s": a target in words, for messages. */
function targetText(t: StaffingTarget): string {
  switch (t.kind) {
    case 'connectionRate':
      return `connection rate >= ${t.value}`;
    case 'abandonment':
      return `abandonment rate <= ${t.value}`;
    case 'asa':
      return `ASA <= ${t.seconds} s`;
    case 'serviceLevel':
      return `service level >= ${t.value}${t.seconds !== undefined ? ` within ${t.seconds} s` : ''}`;
  }
}
