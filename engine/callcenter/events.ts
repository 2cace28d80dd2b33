// One replication of the whole 12345 workload, event by event: inbound callers (a mix of call
// types, patience, redials, busy lines, IVR self-service), online requests and outbound return
// visits, all competing for the same agents. Agents choose their next piece of work when they
// become free: a waiting caller first, then an online request, then an outbound task (only when
// more than `reserve` agents are idle). Nobody is pre-empted.
//
// Built on the kernel, which knows nothing of calls: agents are a ServerPool (idle ones a count,
// busy ones a calendar of free times), every other pending event sits in an EventHeap as a time
// and an integer (the kind in the low 3 bits, an id above). An agent's completion matters only
// when work is waiting for it: then completions are taken one by one, in time order; otherwise
// the pool catches up with the clock when an arrival finds no agent known to be idle (as in the
// fast path). Queued callers sit in a ring of typed arrays; memory grows with the queue, never
// with the number of calls.
//
// With none of the extras, this path makes the same draws in the same order as the fast path
// (simulate.ts) and so gives the same counts; a test checks it.
import { EventHeap } from '../kernel/eventHeap.ts';
import { ServerPool } from '../kernel/serverPool.ts';
import { makeFiller, meanOf } from '../random/distributions.ts';
import { aleaStream, createStreams } from '../random/streams.ts';
import { assertConservation, dayFactors, intervalsPerDayOf, spread } from './accounting.ts';
import type { CallCentreModel, ReplicationResult } from './model.ts';
import { newCounters } from './model.ts';
import { CALLER_BLOCK, callerDraws } from './callerDraws.ts';
import { UnboundedQueueError } from './errors.ts';
import { ABANDON, GROUP_FREE, LINE, REDIAL, TASK_READY } from './eventKinds.ts';
import { onlineSetup } from './online.ts';
import { outboundSetup } from './outbound.ts';
import { CallerRing, ID_MASK } from './queues.ts';
import { redialSetup } from './redial.ts';
import { applyStaffingChange } from './staffingChange.ts';

export function simulateEvents(model: CallCentreModel, seed: number | string, replication: number): ReplicationResult {
  const N = model.callsPerHour.length;
  if (model.agents.length !== N) throw new Error('agents and callsPerHour must have one value per interval');
  const dt = model.intervalSeconds;
  const horizon = N * dt;
  const T = model.serviceLevelSeconds;
  const ipd = intervalsPerDayOf(model);
  const streams = createStreams(seed, replication);
  const stream = (purpose: string) => aleaStream(`hotline-sim|${seed}|rep${replication}|${purpose}`);
  const days = dayFactors(model, seed, replication);
  const rateAt = (rates: ArrayLike<number>, k: number) => (days ? rates[k] * days[Math.floor(k / ipd)] : rates[k]);

  const c = newCounters(N);
  const schedule = model.agents;
  for (let k = 0; k < N; k++) {
    c.agents[k] = schedule[k];
    c.loggedSeconds[k] = schedule[k] * dt;
  }

  // --- callers' draws, a block at a time (the same numbers as the fast path when untyped)
  const draws = callerDraws(model, streams, stream);
  let nextCaller = CALLER_BLOCK;
  const gapBlock = new Float64Array(CALLER_BLOCK);
  const fillGaps = makeFiller({ distribution: 'exponential', mean: 1 }, streams.arrivals);
  let nextGap = CALLER_BLOCK;
  const nextGapValue = () => {
    if (nextGap === CALLER_BLOCK) {
      fillGaps(gapBlock);
      nextGap = 0;
    }
    return gapBlock[nextGap++];
  };

  // --- every pending event but agents' completions: a time and (id << 3) | kind
  const events = new EventHeap(256);

  // --- redials (per person: attempt number and the interval of the first attempt)
  const redial = model.redial ?? null;
  const redials = redialSetup(model, streams, stream, events, horizon);
  const { answeredOnAttempt, laterPatience } = redials;

  // --- trunk lines and IVR
  const lines = model.lines ?? Infinity;
  let linesBusy = 0;
  const ivrShare = model.ivrSelfServiceShare ?? 0;
  const ivrU = ivrShare > 0 ? stream('ivr') : null;

  // --- agents: a pool (idle count, calendar of busy agents' free times)
  const maxAgents = Math.max(1, maxOf(schedule));
  const pool = ServerPool.forService(maxAgents, meanOf(model.talkTime) + meanOf(model.wrapUpTime));
  pool.releaseThrough(0);
  for (let i = 0; i < schedule[0]; i++) pool.add(0);
  /** The next agent free time, cached: the calendar search runs only after the pool changes. */
  let nextFree = Infinity;
  let nextFreeStale = true;
  const seize = (until: number) => {
    pool.seize(until);
    if (until < nextFree) nextFree = until;
  };

  // --- the inbound queue: a ring of waiting callers, FIFO
  const q = new CallerRing();
  let waiting = 0;
  let lastQueueExit = 0;

  // --- call types
  const types = model.callTypes ?? null;
  const byType = types ? types.map(() => ({ answered: 0, talkSeconds: 0, wrapUpSeconds: 0 })) : undefined;

  // --- online channel
  const online = model.online ?? null;
  const onlineWork = onlineSetup(online, c, stream, events, dt, N, seize);
  const { shared: onlineShared, groupSchedule, queue: onlineQ } = onlineWork;
  let nextOnline = Infinity;

  // --- outbound tasks
  const out = model.outbound ?? null;
  const outbound = outboundSetup(out, c, stream, events, dt, N, ipd, seize);
  const { tasks, ready } = outbound;
  /** Whether outbound tasks may be dialled in the current interval (window edges are on boundaries). */
  let outboundOpen = false;

  let calls = 0;
  let eventCount = 0;
  let k = 0; // the current interval
  // The next inbound arrival and the mean gap between arrivals in the current interval.
  let meanGap = Infinity;
  let nextArrival = Infinity;

  const serveCaller = (slot: number, t: number) => {
    const arrival = q.arrival[slot];
    const ka = q.interval[slot];
    const talk = q.talk[slot];
    const handle = q.handle[slot];
    const wait = t - arrival;
    c.answered[ka]++;
    c.waitAnswered[ka] += wait;
    if (wait <= T) c.answeredWithinT[ka]++;
    startVoiceService(t, talk, handle, q.type[slot], q.attempt[slot], q.person[slot]);
  };

  const startVoiceService = (t: number, talk: number, handle: number, type: number, attempt: number, person: number) => {
    seize(t + handle);
    if (lines !== Infinity) events.push(t + talk, LINE);
    if (t + handle <= (k + 1) * dt && t >= k * dt) c.busySeconds[k] += handle;
    else spread(c.busySeconds, t, handle, dt, N);
    if (redial) {
      c.personsAnswered[person]++;
      answeredOnAttempt[attempt - 1]++;
    }
    voiceServiceExtras(t, talk, handle, type);
  };

  /** What an answered call leaves behind: its type's statistics, and perhaps a return visit owed. */
  const voiceServiceExtras = (t: number, talk: number, handle: number, type: number) => {
    if (byType) {
      byType[type].answered++;
      byType[type].talkSeconds += talk;
      byType[type].wrapUpSeconds += handle - talk;
    }
    if (out) outbound.afterAnswered(t, handle);
  };

  /**
   * Idle agents take the work that waits, in order of priority: callers first (FIFO), then online
   * requests, then outbound tasks, each only while more than its `reserve` agents are idle.
   */
  const offerWork = (t: number, draining = false) => {
    // Agents free by t are free now: with no work waiting, the pool may not have caught up yet.
    pool.releaseThrough(t);
    nextFreeStale = true;
    if (groupSchedule) onlineWork.offerToGroup(t);
    while (waiting > 0 && pool.idle > 0) {
      const slot = q.shiftWaiting();
      waiting--;
      if (t > lastQueueExit) lastQueueExit = t;
      serveCaller(slot, t);
    }
    if (waiting > 0 || draining) return;
    while (onlineShared && onlineQ.size > 0 && pool.idle > online!.reserve) onlineWork.start(t, true);
    if (out && ready.size > 0 && outboundOpen) {
      while (ready.size > 0 && pool.idle > out.reserve) outbound.start(t);
    }
  };
  /** Whether some work waits for an agent of the pool (then its completions are taken one by one). */
  const workWaiting = () => waiting > 0 || (onlineShared && onlineQ.size > 0) || (outboundOpen && ready.size > 0);

  /** An inbound call attempt at t (attempt 1 = a new person). */
  const arrive = (t: number, attempt: number, person: number) => {
    if (nextCaller === CALLER_BLOCK) {
      draws.fill();
      nextCaller = 0;
    }
    const i = nextCaller++;
    let patience = draws.patience[i];
    if (attempt > 1 && laterPatience) patience = laterPatience();
    if (attempt === 1) {
      if (ivrU && ivrU() < ivrShare) {
        c.ivrCompleted[k]++;
        return;
      }
      if (redial) c.persons[k]++;
      person = k;
    }
    calls++;
    c.offered[k]++;
    if (linesBusy >= lines) {
      c.blocked[k]++;
      redials.failedAttempt(t, attempt, person);
      return;
    }
    if (lines !== Infinity) linesBusy++;
    // Agents known to be idle serve the caller whatever else has ended by t; the pool catches up
    // with the clock only when none is known idle.
    if (pool.idle === 0) {
      pool.releaseThrough(t);
      nextFreeStale = true;
    }
    if (pool.idle > 0) {
      c.answered[k]++;
      c.answeredWithinT[k]++;
      startVoiceService(t, draws.talk[i], draws.handle[i], draws.type[i], attempt, person);
      return;
    }
    c.waited[k]++;
    const seq = q.push(t, draws.talk[i], draws.handle[i], draws.type[i], attempt, person, k);
    waiting++;
    if (waiting > c.maxQueue[k]) c.maxQueue[k] = waiting;
    if (patience !== Infinity) events.push(t + patience, ((seq & ID_MASK) << 3) | ABANDON);
  };

  const applyStaffing = (b: number, kk: number) => {
    // The fast path's rule: rises start at once; a drop sends idle agents first, then busy ones
    // chosen at random, each when its work ends. Nobody is pre-empted.
    pool.releaseThrough(b);
    applyStaffingChange(pool, schedule[kk], b, streams.roster, c.loggedSeconds, dt, N);
    nextFreeStale = true;
  };

  // --- the run. At a tie, pending events (agents freed, callers abandoning) come before an
  // arrival at the same instant, and everything due by a boundary before the boundary.
  const startInterval = (kk: number) => {
    const b = kk * dt;
    const end = b + dt;
    if (kk > 0 && schedule[kk] !== schedule[kk - 1]) applyStaffing(b, kk);
    if (groupSchedule && kk > 0 && groupSchedule[kk] !== groupSchedule[kk - 1]) onlineWork.applyGroupStaffing(groupSchedule[kk]);
    // Poisson arrivals restart at each boundary (memoryless): the fast path's draws, in its order.
    meanGap = 3600 / rateAt(model.callsPerHour, kk);
    nextArrival = Number.isFinite(meanGap) ? b + nextGapValue() * meanGap : Infinity;
    if (nextArrival >= end) nextArrival = Infinity;
    if (online) {
      const meanOnline = 3600 / rateAt(online.requestsPerHour, kk);
      nextOnline = Number.isFinite(meanOnline) ? b + onlineWork.gap(meanOnline) : Infinity;
      if (nextOnline >= end) nextOnline = Infinity;
    }
    outboundOpen = outbound.startInterval(kk, b);
    offerWork(b);
  };

  /** The time of the next agent completion that matters (Infinity when no work waits). */
  const nextCompletion = () => {
    if (!workWaiting()) return Infinity;
    if (nextFreeStale) {
      nextFree = pool.earliestBusy();
      nextFreeStale = false;
    }
    return nextFree;
  };
  /** Completions due by t free their agents, who take waiting work. */
  const complete = (t: number, draining: boolean) => {
    pool.releaseThrough(t);
    nextFreeStale = true;
    offerWork(t, draining);
  };

  // A caller who finds an agent idle, with nothing else to decide (no IVR, lines or redials), is
  // settled inline: most callers are, and a closure call per caller costs more than the rest.
  const plainArrivals = !ivrU && lines === Infinity && !redial;
  const { offered, answered, answeredWithinT, busySeconds } = c;
  const handles = draws.handle;
  startInterval(0);
  for (;;) {
    const end = (k + 1) * dt;
    const te = events.peekTime();
    if (waiting > 0 || (onlineShared && onlineQ.size > 0) || (outboundOpen && ready.size > 0)) {
      if (nextFreeStale) {
        nextFree = pool.earliestBusy();
        nextFreeStale = false;
      }
      const tf = nextFree;
      if (tf <= end && tf <= te && tf <= nextArrival && tf <= nextOnline) {
        eventCount++;
        complete(tf, false);
        continue;
      }
    }
    if (nextArrival < te && nextArrival <= nextOnline) {
      // nextArrival < te ≤ … and nextArrival < end always (it is Infinity past the boundary)
      const t = nextArrival;
      if (nextGap === CALLER_BLOCK) {
        fillGaps(gapBlock);
        nextGap = 0;
      }
      nextArrival = t + gapBlock[nextGap++] * meanGap;
      if (nextArrival >= end) nextArrival = Infinity;
      eventCount++;
      if (plainArrivals) {
        if (pool.idle === 0) {
          pool.releaseThrough(t);
          nextFreeStale = true;
        }
        if (pool.idle > 0) {
          if (nextCaller === CALLER_BLOCK) {
            draws.fill();
            nextCaller = 0;
          }
          const i = nextCaller++;
          const handle = handles[i];
          calls++;
          offered[k]++;
          answered[k]++;
          answeredWithinT[k]++;
          pool.seize(t + handle);
          if (t + handle < nextFree) nextFree = t + handle;
          if (t + handle <= end) busySeconds[k] += handle;
          else spread(busySeconds, t, handle, dt, N);
          if (byType || out?.fromAnswered) voiceServiceExtras(t, draws.talk[i], handle, draws.type[i]);
          continue;
        }
      }
      arrive(t, 1, k);
      continue;
    }
    if (te <= end && te <= nextArrival && te <= nextOnline) {
      const d = events.peekData();
      events.pop();
      eventCount++;
      handleEvent(te, d, false);
    } else if (nextOnline < end) {
      const t = nextOnline;
      nextOnline = t + onlineWork.gap(3600 / rateAt(online!.requestsPerHour, k));
      if (nextOnline >= end) nextOnline = Infinity;
      c.onlineOffered[k]++;
      onlineQ.push(t);
      eventCount++;
      offerWork(t);
    } else {
      if (k + 1 >= N) break; // the horizon: what is left is the drain
      k++;
      startInterval(k);
    }
  }

  function handleEvent(t: number, d: number, draining: boolean): void {
    const kind = d & 7;
    const id = d >>> 3;
    switch (kind) {
      case ABANDON: {
        const slot = q.find(id);
        if (slot < 0) break;
        q.leave(slot);
        waiting--;
        if (t > lastQueueExit) lastQueueExit = t;
        const ka = q.interval[slot];
        const patience = t - q.arrival[slot];
        c.abandoned[ka]++;
        c.waitAbandoned[ka] += patience;
        if (patience <= T) c.abandonedWithinT[ka]++;
        if (lines !== Infinity) linesBusy--;
        redials.failedAttempt(t, q.attempt[slot], q.person[slot]);
        break;
      }
      case REDIAL: {
        const attempt = redials.slots.f[id];
        const person = redials.slots.i[id];
        redials.slots.give(id);
        if (draining) break;
        c.redials[k]++;
        arrive(t, attempt, person);
        break;
      }
      case LINE:
        linesBusy--;
        break;
      case TASK_READY:
        outbound.taskReady(id);
        if (!draining) offerWork(t);
        break;
      case GROUP_FREE:
        onlineWork.groupFree(t, draining);
        break;
    }
  }

  // --- the horizon: work left is the backlog; then the drain (no new calls, no new outbound or
  // online work) until every waiting caller is answered or has abandoned.
  const backlog = { outbound: tasks.inUse, online: onlineQ.size };
  while (waiting > 0) {
    const tf = nextCompletion();
    const te = events.peekTime();
    if (tf === Infinity && te === Infinity) {
      throw new UnboundedQueueError('a caller with unlimited patience is waiting and no agent will ever come on seat');
    }
    eventCount++;
    if (tf <= te) complete(tf, true);
    else {
      const d = events.peekData();
      events.pop();
      handleEvent(te, d, true);
    }
  }
  const drainEnd = Math.max(horizon, lastQueueExit);
  let overtime = pool.idle * (drainEnd - horizon);
  for (const freeAt of pool.busyTimes()) overtime += Math.max(drainEnd, freeAt) - horizon;
  c.loggedSeconds[N] += overtime;

  assertConservation(c, N, calls);
  return {
    counters: c,
    drainSeconds: drainEnd - horizon,
    overtimeAgentSeconds: overtime,
    calls,
    events: eventCount,
    byType,
    answeredOnAttempt: redial ? answeredOnAttempt : undefined,
    backlog: out || online ? backlog : undefined,
    path: 'events',
  };
}

function maxOf(a: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) if (a[k] > m) m = a[k];
  return m;
}
