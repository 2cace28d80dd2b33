// The call-centre model as plain data: inbound callers (with patience, and optionally call types,
// redials, trunk lines and IVR), outbound work and online channels, served by agents from a
// per-interval on-seat count. The plain model (one FIFO queue, nothing else competing for agents)
// takes the settle-on-arrival path (simulate.ts); any extra takes the event path (events.ts).
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
  /** The threshold T of the service level ("answered within T seconds"), counted from arrival. */
  serviceLevelSeconds: number;
  /** Seconds every caller spends before it can be queued (greeting, ringing): see preQueue.ts. 0 or absent: none. */
  preQueueDelay?: number;
  /** Callers who abandon (or find every line busy) may call again (their redial is a new offered call). */
  redial?: Redial | null;
  // --- The rest of a 12345 operator's job. Each is optional; any of them (or redials) takes
  // the event-driven path (simulateEvents), the plain model above the settle-on-arrival one.
  /** A mix of call types (consultation, complaint needing a work order, ...): talk and wrap-up per type. */
  callTypes?: CallType[] | null;
  /** Outbound return visits and callbacks (回访, 回拨), done by the same agents when no caller waits. */
  outbound?: Outbound | null;
  /** Online requests (网络渠道: WeChat, app, web, SMS), answered by agents after voice callers. */
  online?: OnlineChannel | null;
  /** Trunk lines: a call that finds them all taken hears a busy signal (blocked). */
  lines?: number | null;
  /** Share of callers who finish in self-service (IVR) and never reach an agent. */
  ivrSelfServiceShare?: number;
  /** Day-to-day volume: each day's rates × a gamma factor with mean 1 and this cv (0: Poisson only). */
  dayToDayCv?: number;
  /** Intervals per day (for day-to-day factors and outbound windows); defaults to 86400 / intervalSeconds. */
  intervalsPerDay?: number;
}

export interface Redial {
  /** Probability of calling again after a failed attempt: one value, or one per attempt (the last repeats). */
  probability: number | number[];
  delay: DurationDistribution;
  /** Attempts per person at most, the first included (default 10). */
  maxAttempts?: number;
  /** Patience on later attempts (default: the same as the first). */
  laterPatience?: DurationDistribution | null;
}

export interface CallType {
  name: string;
  zh?: string;
  /** Share of callers (the shares are normalised). */
  share: number;
  talkTime: DurationDistribution;
  wrapUpTime: DurationDistribution;
}

export interface Outbound {
  /** Share of answered calls that generate a return visit, and the deadline after the call ends. */
  fromAnswered?: { share: number; deadlineSeconds: number } | null;
  /** Tasks created each day at the opening of the window, and their deadline. */
  daily?: { tasks: number; deadlineSeconds: number } | null;
  talkTime: DurationDistribution;
  wrapUpTime: DurationDistribution;
  /** Seconds of the day when tasks may be dialled: [from, to). */
  windowSeconds: [number, number];
  /** Probability that the citizen answers an attempt. */
  answerProbability: number;
  /** Agent time spent on an attempt nobody answers (ringing), seconds. */
  noAnswerSeconds: number;
  retryDelay: DurationDistribution;
  maxAttempts: number;
  /** Agents take outbound work only when more than `reserve` agents are idle and no caller waits. */
  reserve: number;
}

export interface OnlineChannel {
  /** Requests per hour in each interval. */
  requestsPerHour: ArrayLike<number>;
  handleTime: DurationDistribution;
  /** Response-time target, seconds (GB/T 33358: SMS within 3 min). */
  targetSeconds: number;
  /** Shared with voice (lower priority; `reserve` idle agents kept for voice), or a separate group per interval. */
  agents: 'shared' | ArrayLike<number>;
  reserve: number;
}

/** Whether a model needs the event-driven path. */
export function needsEventPath(m: CallCentreModel): boolean {
  return Boolean(m.redial || m.callTypes?.length || m.outbound || m.online || (m.lines ?? null) !== null || (m.ivrSelfServiceShare ?? 0) > 0);
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
  /** Calls that found every trunk line taken (busy signal, 占线); not offered to the queue. */
  blocked: Float64Array;
  /** Callers who finished in self-service (IVR) without an agent. */
  ivrCompleted: Float64Array;
  /** People calling for the first time (each person's first attempt). */
  persons: Float64Array;
  /** Of those, people who got through on some attempt (by the interval of their first attempt). */
  personsAnswered: Float64Array;
  /** Outbound tasks created, finished (citizen reached), finished after their deadline, given up. */
  outboundCreated: Float64Array;
  outboundDone: Float64Array;
  outboundLate: Float64Array;
  outboundFailed: Float64Array;
  /** Outbound dial attempts, and agent-seconds on outbound work. */
  outboundAttempts: Float64Array;
  outboundSeconds: Float64Array;
  /** Online requests arriving, taken up, taken up within the target, seconds to take up, agent-seconds. */
  onlineOffered: Float64Array;
  onlineAnswered: Float64Array;
  onlineWithinTarget: Float64Array;
  onlineResponseSeconds: Float64Array;
  onlineSeconds: Float64Array;
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
  'blocked',
  'ivrCompleted',
  'persons',
  'personsAnswered',
  'outboundCreated',
  'outboundDone',
  'outboundLate',
  'outboundFailed',
  'outboundAttempts',
  'outboundSeconds',
  'onlineOffered',
  'onlineAnswered',
  'onlineWithinTarget',
  'onlineResponseSeconds',
  'onlineSeconds',
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
  /** Per call type (when the model has a mix): answered calls, their talk and wrap-up seconds. */
  byType?: { answered: number; talkSeconds: number; wrapUpSeconds: number }[];
  /** People who got through, by the attempt that got through (index 0 = first attempt). */
  answeredOnAttempt?: number[];
  /** Work left at the end of the horizon: outbound tasks not finished, online requests not taken up. */
  backlog?: { outbound: number; online: number };
  /** The event-driven path or the settle-on-arrival one. */
  path?: 'fast' | 'events';
}
