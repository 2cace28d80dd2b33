// Input limits, stated once and checked before any work starts: a scenario that would take
// months of computing, or more memory than a machine has, is refused with a message that names
// the field, the limit and the time it would take. scenarios/README.md lists every limit.
import { ScenarioError } from './errors.ts';
import type { Scenario } from './resolve.ts';
import { meanOf } from '../random/distributions.ts';

export const LIMITS = {
  /** Simulated calls in one run, over every replication (redials included, at worst). */
  callsPerRun: 1e10,
  /** Intervals of a horizon: a leap year at 1-minute intervals is 527,040. */
  intervals: 600_000,
  /** Horizon length: ten years and their leap days. */
  horizonDays: 3660,
  /** Agents on seat in any interval (and head counts and staffing floors). */
  agentsOnSeat: 100_000,
  /** Operators on the payroll. */
  headcount: 1_000_000,
  replications: 10_000,
  /** Every duration of a distribution (mean, value, empirical value): at most about 11.6 days. */
  durationSeconds: 1e6,
  /** The smallest mean duration: shorter ones are not telephone calls and make the event calendar useless. */
  minMeanSeconds: 0.001,
  /** Coefficient of variation of lognormal and gamma durations. */
  cv: { min: 0.001, max: 100 },
  /** Values in an empirical CSV. */
  empiricalValues: 1_000_000,
  /** Size of a scenario file or an empirical CSV. */
  fileBytes: 10 * 1024 * 1024,
  /** Lines plus commas of a scenario file, a cheap upper bound on its YAML values (parsing costs about 10 µs and 1 kB a value). */
  yamlValues: 700_000,
  /** YAML aliases (*name) in a scenario file; expansion beyond this is refused (alias bombs). */
  yamlAliases: 100,
  /** Entries of the sources list. */
  sources: 1000,
  /**
   * Measured simulation speed (calls a second, one core; `npm run bench`: 4.05M on the standard
   * year), used only to say how long a run would take. The event path (redials, call types,
   * outbound, online, lines) is slower; the estimate says so with the work it counts.
   */
  callsPerSecond: 4e6,
} as const;

/** What a run will cost, estimated from the resolved scenario (before any call is simulated). */
export interface WorkEstimate {
  /**
   * Work items over every replication, warm-up included: inbound calls with their redials at
   * worst (every attempt fails, up to the attempts allowed), outbound attempts at worst, online
   * requests. A new kind of work is added here.
   */
  calls: number;
  /** The calls by kind, over every replication. */
  parts: { inbound: number; outbound: number; online: number };
  intervals: number;
  maxAgents: number;
  /** Seconds of computing at LIMITS.callsPerSecond. */
  seconds: number;
}

export function estimateWork(s: Scenario): WorkEstimate {
  const hoursPerInterval = s.intervalSeconds / 3600;
  let callsPerReplication = 0;
  let maxAgents = 0;
  for (let k = 0; k < s.nIntervals; k++) {
    callsPerReplication += s.callsPerHour[k] * hoursPerInterval;
    if (s.agents[k] > maxAgents) maxAgents = s.agents[k];
  }
  const R = s.replications;
  const parts = { inbound: callsPerReplication * attemptsPerCaller(s) * R, outbound: outboundAttempts(s, callsPerReplication) * R, online: onlineRequests(s) * R };
  const calls = parts.inbound + parts.outbound + parts.online;
  return { calls, parts, intervals: s.nIntervals, maxAgents, seconds: calls / LIMITS.callsPerSecond };
}

/**
 * Refuses a scenario whose run exceeds a limit. `arrivalsField` names the field that sets the
 * volume (the loader knows which form the file used); the message says how long it would take.
 */
export function checkRunLimits(s: Scenario, file?: string, arrivalsField: (string | number)[] = ['arrivals']): void {
  const w = estimateWork(s);
  if (w.maxAgents > LIMITS.agentsOnSeat) {
    throw new ScenarioError(file, ['agents'], `${fmt(w.maxAgents)} agents on seat; the limit is ${fmt(LIMITS.agentsOnSeat)} in any interval`);
  }
  if (w.intervals > LIMITS.intervals) {
    throw new ScenarioError(file, ['horizon'], `${fmt(w.intervals)} intervals; the limit is ${fmt(LIMITS.intervals)} (use a shorter horizon or longer intervalMinutes)`);
  }
  if (!(w.calls <= LIMITS.callsPerRun)) {
    const days = (s.nIntervals * s.intervalSeconds) / 86400;
    const span = days >= 1 ? `${fmt(days)} days` : `${fmt(days * 24)} hours`;
    const peak = peakRate(s.callsPerHour);
    const redial = s.redial ? ` (redials at worst ×${fmt(attemptsPerCaller(s))})` : '';
    const { inbound, outbound, online } = w.parts;
    const tail = `about ${duration(w.seconds)} of computing at ${fmt(LIMITS.callsPerSecond)} calls a second; the limit is ${fmt(LIMITS.callsPerRun)} calls a run`;
    if (outbound > inbound && outbound >= online) {
      const field = s.outbound?.daily && (s.outbound.daily.tasks > 0 || !s.outbound.fromAnswered) ? ['outbound', 'daily', 'tasks'] : ['outbound', 'fromAnswered', 'share'];
      throw new ScenarioError(file, field, `${fmt(outbound)} outbound attempts at worst over ${span} × ${s.replications} replications (${fmt(w.calls)} calls in all), ${tail}`);
    }
    if (online > inbound) {
      throw new ScenarioError(file, ['online', 'arrivals'], `${fmt(online)} online requests over ${span} × ${s.replications} replications (${fmt(w.calls)} in all), ${tail}`);
    }
    throw new ScenarioError(
      file,
      arrivalsField,
      `up to ${fmt(peak)} calls/h over ${span} × ${s.replications} replications${redial} is ${fmt(w.calls)} calls, ` +
        `about ${duration(w.seconds)} of computing at ${fmt(LIMITS.callsPerSecond)} calls a second; the limit is ${fmt(LIMITS.callsPerRun)} calls a run`,
    );
  }
  const handle = meanOf(s.talkTime) + meanOf(s.wrapUpTime);
  if (!Number.isFinite(handle)) throw new ScenarioError(file, ['talkTime'], 'the mean handling time is not a finite number of seconds');
}

/** Attempts per caller at worst: every attempt fails, and each redials with its probability, up to maxAttempts. */
function attemptsPerCaller(s: Scenario): number {
  if (!s.redial) return 1;
  const p = Array.isArray(s.redial.probability) ? s.redial.probability : [s.redial.probability];
  const max = s.redial.maxAttempts ?? 10;
  let attempts = 0;
  let reach = 1; // probability of making attempt a
  for (let a = 1; a <= max && reach > 0; a++) {
    attempts += reach;
    reach *= p[Math.min(a - 1, p.length - 1)];
  }
  return attempts;
}

/** Outbound attempts per replication at worst (every attempt unanswered, up to maxAttempts). */
function outboundAttempts(s: Scenario, inboundCalls: number): number {
  const o = s.outbound;
  if (!o) return 0;
  const days = (s.nIntervals * s.intervalSeconds) / 86400;
  return ((o.daily?.tasks ?? 0) * Math.ceil(days) + (o.fromAnswered?.share ?? 0) * inboundCalls) * o.maxAttempts;
}

/** Online requests per replication. */
function onlineRequests(s: Scenario): number {
  if (!s.online) return 0;
  const hoursPerInterval = s.intervalSeconds / 3600;
  let n = 0;
  for (let k = 0; k < s.online.requestsPerHour.length; k++) n += s.online.requestsPerHour[k] * hoursPerInterval;
  return n;
}

/** The largest rate, without spreading a long array into Math.max (a stack overflow past ~100k values). */
function peakRate(rates: ArrayLike<number>): number {
  let peak = 0;
  for (let k = 0; k < rates.length; k++) if (!(rates[k] <= peak)) peak = rates[k];
  return peak;
}

/** "1.7e14", "37,000", "2.5" */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1e7) return x.toExponential(1).replace('e+', 'e');
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  return String(Number(x.toPrecision(3)));
}

/** "40 seconds", "3 hours", "9 months", "1.2e6 years" */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'for ever';
  const units: [number, string][] = [
    [365.25 * 86400, 'years'],
    [30.44 * 86400, 'months'],
    [86400, 'days'],
    [3600, 'hours'],
    [60, 'minutes'],
    [1, 'seconds'],
  ];
  for (const [size, name] of units) {
    if (seconds >= size || size === 1) {
      const n = seconds / size;
      return `${n >= 1e6 ? n.toExponential(1).replace('e+', 'e') : n >= 10 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1)} ${name}`;
    }
  }
  return `${seconds} seconds`;
}
