// What a run will cost, estimated from the resolved scenario before any call is simulated, and
// the check that refuses a run past a limit (see ../limits.ts), naming the field that sets the volume.
import { LIMITS } from '../limits.ts';
import { meanOf } from '../random/distributions.ts';
import { formatLongDuration, formatMagnitude } from '../text/numbers.ts';
import { ScenarioError } from './errors.ts';
import type { Scenario } from './resolve.ts';

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
    throw new ScenarioError(file, ['agents'], `${formatMagnitude(w.maxAgents)} agents on seat; the limit is ${formatMagnitude(LIMITS.agentsOnSeat)} in any interval`);
  }
  if (w.intervals > LIMITS.intervals) {
    throw new ScenarioError(file, ['horizon'], `${formatMagnitude(w.intervals)} intervals; the limit is ${formatMagnitude(LIMITS.intervals)} (use a shorter horizon or longer intervalMinutes)`);
  }
  if (!(w.calls <= LIMITS.callsPerRun)) {
    const days = (s.nIntervals * s.intervalSeconds) / 86400;
    const span = days >= 1 ? `${formatMagnitude(days)} days` : `${formatMagnitude(days * 24)} hours`;
    const peak = peakRate(s.callsPerHour);
    const redial = s.redial ? ` (redials at worst ×${formatMagnitude(attemptsPerCaller(s))})` : '';
    const { inbound, outbound, online } = w.parts;
    const tail = `about ${formatLongDuration(w.seconds)} of computing at ${formatMagnitude(LIMITS.callsPerSecond)} calls a second; the limit is ${formatMagnitude(LIMITS.callsPerRun)} calls a run`;
    if (outbound > inbound && outbound >= online) {
      const field = s.outbound?.daily && (s.outbound.daily.tasks > 0 || !s.outbound.fromAnswered) ? ['outbound', 'daily', 'tasks'] : ['outbound', 'fromAnswered', 'share'];
      throw new ScenarioError(file, field, `${formatMagnitude(outbound)} outbound attempts at worst over ${span} × ${s.replications} replications (${formatMagnitude(w.calls)} calls in all), ${tail}`);
    }
    if (online > inbound) {
      throw new ScenarioError(file, ['online', 'arrivals'], `${formatMagnitude(online)} online requests over ${span} × ${s.replications} replications (${formatMagnitude(w.calls)} in all), ${tail}`);
    }
    throw new ScenarioError(
      file,
      arrivalsField,
      `up to ${formatMagnitude(peak)} calls/h over ${span} × ${s.replications} replications${redial} is ${formatMagnitude(w.calls)} calls, ` +
        `about ${formatLongDuration(w.seconds)} of computing at ${formatMagnitude(LIMITS.callsPerSecond)} calls a second; the limit is ${formatMagnitude(LIMITS.callsPerRun)} calls a run`,
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
