// One replication of the call-centre model: the settle-on-arrival fast path.
//
// simulateReplication sends a model that uses redials, a call-type mix, outbound work, online
// channels, trunk lines or IVR to the event-driven path (simulateEvents), where agents choose
// between kinds of work; what is left is one FIFO queue with nothing else competing for agents.
//
// Each caller is settled on arrival, in arrival order: FIFO means a caller's fate
// depends only on the callers before it, so the start of its service is
// max(arrival, earliest agent free time) unless its patience runs out first.
// Shift changes are applied at interval boundaries before any caller whose service
// could start at or after the boundary (see applyStaffingChange). The kernel's server pool
// keeps idle agents apart from busy ones, so most callers take an idle agent without a search.
//
// The loop is written flat, without closures over its counters: V8 keeps such
// variables in registers, and this loop runs tens of millions of times a year.
import { ServerPool } from '../kernel/serverPool.ts';
import { TimeHeap } from '../kernel/timeHeap.ts';
import { makeFiller, meanOf } from '../random/distributions.ts';
import { createStreams } from '../random/streams.ts';
import { assertConservation, dayFactors, intervalsPerDayOf, spread, spreadFrom } from './accounting.ts';
import { CALLER_BLOCK, callerDraws } from './callerDraws.ts';
import { UnboundedQueueError } from './errors.ts';
import { simulateEvents } from './events.ts';
import { simulateWithPreQueueDelay } from './preQueue.ts';
import type { CallCentreModel, IntervalCounters, ReplicationResult } from './model.ts';
import { needsEventPath, newCounters } from './model.ts';
import { applyStaffingChange, nextStaffingChange } from './staffingChange.ts';

/**
 * One replication: the fast path when the model is one FIFO queue, else the event-driven path
 * (`path: 'events'` forces it: the same counts, for benchmarks and cross-checks).
 */
export function simulateReplication(model: CallCentreModel, seed: number | string, replication: number, path: 'auto' | 'events' = 'auto'): ReplicationResult {
  if ((model.preQueueDelay ?? 0) > 0) return simulateWithPreQueueDelay(model, seed, replication, (m) => simulateReplication(m, seed, replication, path));
  return path === 'events' || needsEventPath(model) ? simulateEvents(model, seed, replication) : simulateFast(model, seed, replication);
}

/** The settle-on-arrival path: exact for one FIFO queue with nothing else competing for agents. */
export function simulateFast(model: CallCentreModel, seed: number | string, replication: number): ReplicationResult {
  if (needsEventPath(model)) throw new Error('simulateFast models one FIFO queue only; use simulateReplication');
  const N = model.callsPerHour.length;
  if (model.agents.length !== N) throw new Error('agents and callsPerHour must have one value per interval');
  const dt = model.intervalSeconds;
  const horizon = N * dt;
  const T = model.serviceLevelSeconds;
  const streams = createStreams(seed, replication);
  // One stream per purpose, each read by one sampler, a block at a time (see makeFiller); the
  // blocks are read through local indices, which V8 keeps in registers.
  const gapBlock = new Float64Array(CALLER_BLOCK);
  const fillGaps = makeFiller({ distribution: 'exponential', mean: 1 }, streams.arrivals);
  let nextGap = CALLER_BLOCK;
  // Every caller draws a patience and a handling time, so they come in blocks of callers.
  const draws = callerDraws(model, streams);
  const patienceBlock = draws.patience;
  const handleBlock = draws.handle;
  let nextCaller = CALLER_BLOCK;
  const hasPatience = model.patience !== null;
  const days = dayFactors(model, seed, replication);
  const ipd = intervalsPerDayOf(model);

  const c: IntervalCounters = newCounters(N);
  const { offered, answered, abandoned, waited, answeredWithinT, abandonedWithinT, waitAnswered, waitAbandoned } = c;
  const { busySeconds, loggedSeconds, maxQueue } = c;
  const schedule = model.agents;

  let maxAgents = 1;
  for (let k = 0; k < N; k++) {
    c.agents[k] = schedule[k];
    loggedSeconds[k] = schedule[k] * dt;
    if (schedule[k] > maxAgents) maxAgents = schedule[k];
  }

  const agents = ServerPool.forService(maxAgents, meanOf(model.talkTime) + meanOf(model.wrapUpTime));
  agents.releaseThrough(0);
  for (let i = 0; i < schedule[0]; i++) agents.add(0);
  // Moments at which waiting callers leave the queue (answered or abandoned): their count is the queue length.
  const queueExits = new TimeHeap();

  let nextChange = nextStaffingChange(schedule, 1);
  let nextChangeTime = nextChange < N ? nextChange * dt : Infinity;

  let calls = 0;
  let events = 0;
  let lastQueueExit = 0;

  for (let k = 0; k < N; k++) {
    const end = (k + 1) * dt;
    // Callers served at once, counted here and added to the interval's counters at its end.
    let servedAtOnce = 0;
    let busyAtOnce = 0;
    const meanGap = 3600 / (days ? model.callsPerHour[k] * days[Math.floor(k / ipd)] : model.callsPerHour[k]);
    // Poisson arrivals generated piece by piece: a burst shorter than a gap is never skipped,
    // and by memorylessness restarting at each piece boundary is exact.
    if (nextGap === CALLER_BLOCK) {
      fillGaps(gapBlock);
      nextGap = 0;
    }
    let nextArrival = Number.isFinite(meanGap) ? k * dt + gapBlock[nextGap++] * meanGap : Infinity;
    for (;;) {
      const t = nextArrival;
      if (t >= end) break;
      if (nextGap === CALLER_BLOCK) {
        fillGaps(gapBlock);
        nextGap = 0;
      }
      nextArrival = t + gapBlock[nextGap++] * meanGap;

      // Drawn for every caller, answered or not, so each caller keeps its own durations (CRN).
      if (nextCaller === CALLER_BLOCK) {
        draws.fill();
        nextCaller = 0;
      }
      const patienceSeconds = patienceBlock[nextCaller];
      const handleSeconds = handleBlock[nextCaller++];
      // Shift changes due by t; then any before the moment this caller's service could start.
      while (nextChangeTime <= t) {
        agents.releaseThrough(nextChangeTime);
        applyStaffingChange(agents, schedule[nextChange], nextChangeTime, streams.roster, loggedSeconds, dt, N);
        nextChange = nextStaffingChange(schedule, nextChange + 1);
        nextChangeTime = nextChange < N ? nextChange * dt : Infinity;
      }
      // Agents known to be idle serve the caller whatever else has ended by t, so the pool
      // catches up with the clock only when none is known idle (19 callers in 20 find one).
      if (agents.idle === 0) agents.releaseThrough(t);
      if (agents.idle > 0) {
        agents.seize(t + handleSeconds);
        servedAtOnce++;
        if (t + handleSeconds <= end) busyAtOnce += handleSeconds;
        else spreadFrom(busySeconds, k, t, t + handleSeconds, dt, N); // t is in interval k: no division
        continue;
      }
      calls++;
      offered[k]++;
      let freeAt = agents.earliestBusy();
      while (freeAt >= nextChangeTime && nextChangeTime < Infinity) {
        // Every agent is busy past the next boundary: the change there comes first (the clock stays at t).
        applyStaffingChange(agents, schedule[nextChange], nextChangeTime, streams.roster, loggedSeconds, dt, N);
        nextChange = nextStaffingChange(schedule, nextChange + 1);
        nextChangeTime = nextChange < N ? nextChange * dt : Infinity;
        freeAt = agents.earliestBusy();
      }
      waited[k]++;
      queueExits.popThrough(t);
      const wait = freeAt - t;
      if (wait > patienceSeconds) {
        abandoned[k]++;
        waitAbandoned[k] += patienceSeconds;
        if (patienceSeconds <= T) abandonedWithinT[k]++;
        const leave = t + patienceSeconds;
        queueExits.push(leave);
        if (leave > lastQueueExit) lastQueueExit = leave;
        events += 2;
      } else {
        if (freeAt === Infinity) {
          throw new UnboundedQueueError('a caller with unlimited patience is waiting and no agent will ever come on seat');
        }
        agents.replaceEarliestBusy(freeAt + handleSeconds);
        answered[k]++;
        waitAnswered[k] += wait;
        if (wait <= T) answeredWithinT[k]++;
        queueExits.push(freeAt);
        if (freeAt > lastQueueExit) lastQueueExit = freeAt;
        spread(busySeconds, freeAt, handleSeconds, dt, N);
        events += 3;
      }
      if (queueExits.size > maxQueue[k]) maxQueue[k] = queueExits.size;
    }
    // Each served at once was offered, answered within T (no wait), and two events.
    calls += servedAtOnce;
    events += 2 * servedAtOnce;
    offered[k] += servedAtOnce;
    answered[k] += servedAtOnce;
    answeredWithinT[k] += servedAtOnce;
    busySeconds[k] += busyAtOnce;
  }
  while (nextChangeTime < Infinity) {
    agents.releaseThrough(nextChangeTime);
    applyStaffingChange(agents, schedule[nextChange], nextChangeTime, streams.roster, loggedSeconds, dt, N);
    nextChange = nextStaffingChange(schedule, nextChange + 1);
    nextChangeTime = nextChange < N ? nextChange * dt : Infinity;
  }
  if (!hasPatience && lastQueueExit === Infinity) throw new UnboundedQueueError('the queue never empties');

  // The drain: no new calls; the last interval's agents stay until every caller is answered
  // or has abandoned, then each finishes its call in progress.
  const drainEnd = Math.max(horizon, lastQueueExit);
  let overtime = 0;
  overtime += agents.idle * (drainEnd - horizon);
  for (const freeAt of agents.busyTimes()) overtime += Math.max(drainEnd, freeAt) - horizon;
  loggedSeconds[N] += overtime;

  assertConservation(c, N, calls);
  return { counters: c, drainSeconds: drainEnd - horizon, overtimeAgentSeconds: overtime, calls, events, path: 'fast' };
}
