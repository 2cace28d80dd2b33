// The call-centre model: one FIFO queue, agents from a per-interval on-seat count,
// callers who abandon when their patience runs out. Built on the kernel's server calendar.
import type { DurationDistribution } from '../random/distributions.ts';

/** What the simulator needs to know; plain data, every unit explicit. */
export interface CallCentreModel {
  /** Length of one reporting interval, seconds. */
  intervalSeconds: number;
  /** Offered calls per hour in each interval (piecewise-constant Poisson rate). */
  callsPerHour: ArrayLike<number>;
  /** On-seat agents in each interval (integers); same length as callsPerHour. */
  agents: ArrayLike<number>;
  talkTime: DurationDistribution;
  wrapUpTime: DurationDistribution;
  /** null: callers wait as long as it takes. */
  patience: DurationDistribution | null;
  /** The threshold T of the service level ("answered within T seconds"). */
  serviceLevelSeconds: number;
  /** Callers who abandon may call again (their redial is a new offered call). */
  redial?: { probability: number; delay: DurationDistribution } | null;
}

/**
 * Counters for one replication, per interval. Index nIntervals is the drain after the
 * horizon: no call arrives there, but agent time spent in it is counted.
 * Calls belong to the interval in which they arrive; agent time to the interval in which it is spent.
 */
export interface IntervalCounters {
  offered: Float64Array;
  answered: Float64Array;
  abandoned: Float64Array;
  /** Callers who found every agent busy. */
  waited: Float64Array;
  answeredWithinT: Float64Array;
  abandonedWithinT: Float64Array;
  /** Seconds waited by answered callers. */
  waitAnswered: Float64Array;
  /** Seconds waited by abandoned callers. */
  waitAbandoned: Float64Array;
  /** Redials among the offered calls. */
  redials: Float64Array;
  /** Agent-seconds busy with talk or wrap-up. */
  busySeconds: Float64Array;
  /** Agent-seconds logged in (on seat, plus time finishing a call after the shift ended). */
  loggedSeconds: Float64Array;
  /** On-seat agents scheduled. */
  agents: Float64Array;
  /** Longest queue seen. */
  maxQueue: Float64Array;
}

export const COUNTER_NAMES = [
  'offered',
  'answered',
  'abandoned',
  'waited',
  'answeredWithinT',
  'abandonedWithinT',
  'waitAnswered',
  'waitAbandoned',
  'redials',
  'busySeconds',
  'loggedSeconds',
  'agents',
  'maxQueue',
] as const satisfies readonly (keyof IntervalCounters)[];

export function newCounters(nIntervals: number): IntervalCounters {
  const c = {} as IntervalCounters;
  for (const name of COUNTER_NAMES) c[name] = new Float64Array(nIntervals + 1);
  return c;
}

export interface ReplicationResult {
  counters: IntervalCounters;
  /** Seconds after the horizon until the last waiting caller was answered or abandoned. */
  drainSeconds: number;
  /** Agent-seconds after the horizon (the drain plus finishing calls in progress). */
  overtimeAgentSeconds: number;
  /** Calls simulated (all intervals, warm-up included). */
  calls: number;
  /** Equivalent discrete events: arrivals, service starts after a wait, completions, abandonments. */
  events: number;
}
