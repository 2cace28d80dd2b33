// The simulator against exact theory (Erlang C for M/M/n, Erlang A for M/M/n+M).
// Fixed seeds; each simulated KPI must contain the exact value in its 99.9% replication
// confidence interval (Student t over independent replications, after a 2-hour warm-up).
// A 99.9% rather than 95% interval keeps 25 checks from failing by chance (~2.5% rather than ~72%
// for some check to miss at a given seed) while still failing on any real bias.
import { describe, expect, it } from 'vitest';
import { queueMetrics } from '../analytic/index.ts';
import { estimate, type Estimate } from '../stats/estimate.ts';
import { sumCounters } from './metrics.ts';
import type { CallCentreModel } from './model.ts';
import { simulateReplication } from './simulate.ts';

const CONFIDENCE = 0.999;

interface Case {
  agents: number;
  load: number;
  handle: number;
  patience: number | null;
  hours: number;
  reps: number;
}

function simulateAgainstTheory(c: Case, seed: string) {
  const dt = 1800;
  const N = (c.hours * 3600) / dt;
  const warmup = 4; // intervals = 2 hours
  const model: CallCentreModel = {
    intervalSeconds: dt,
    callsPerHour: new Array(N).fill((c.load / c.handle) * 3600),
    agents: new Array(N).fill(c.agents),
    talkTime: { distribution: 'exponential', mean: c.handle },
    wrapUpTime: { distribution: 'deterministic', value: 0 },
    patience: c.patience === null ? null : { distribution: 'exponential', mean: c.patience },
    serviceLevelSeconds: 20,
  };
  const kpis = { probWait: [] as number[], serviceLevel: [] as number[], asa: [] as number[], occupancy: [] as number[], probAbandon: [] as number[] };
  for (let r = 0; r < c.reps; r++) {
    const rep = simulateReplication(model, seed, r);
    const t = sumCounters(rep.counters, warmup, N);
    kpis.probWait.push(t.waited / t.offered);
    kpis.serviceLevel.push(t.answeredWithinT / t.offered);
    kpis.asa.push(t.waitAnswered / t.answered);
    kpis.occupancy.push(t.busySeconds / t.loggedSeconds);
    kpis.probAbandon.push(t.abandoned / t.offered);
  }
  const theory = queueMetrics({
    callsPerHour: (c.load / c.handle) * 3600,
    handleSeconds: c.handle,
    agents: c.agents,
    patienceSeconds: c.patience,
    serviceLevelSeconds: 20,
  });
  return {
    sim: Object.fromEntries(Object.entries(kpis).map(([k, v]) => [k, estimate(v, CONFIDENCE)])) as Record<keyof typeof kpis, Estimate>,
    theory: {
      probWait: theory.probWait,
      serviceLevel: theory.serviceLevel.offered,
      asa: theory.asa,
      occupancy: theory.occupancy,
      probAbandon: theory.probAbandon,
    },
  };
}

function expectWithinCi(sim: Estimate, exact: number, what: string) {
  const { ciLow, ciHigh } = sim;
  const ok = ciLow !== null && ciHigh !== null && exact >= ciLow - 1e-12 && exact <= ciHigh + 1e-12;
  expect(ok, `${what}: exact ${exact} outside simulated CI [${ciLow}, ${ciHigh}] (mean ${sim.mean})`).toBe(true);
}

describe('simulation vs Erlang C (M/M/n, no abandonment)', () => {
  it.each([
    { agents: 10, load: 8, handle: 300, patience: null, hours: 24 * 4, reps: 10 },
    { agents: 100, load: 92, handle: 300, patience: null, hours: 24, reps: 10 },
    { agents: 500, load: 480, handle: 300, patience: null, hours: 12, reps: 10 },
  ])('$agents agents, $load Erlangs', (c) => {
    const { sim, theory } = simulateAgainstTheory(c, `erlang-c-${c.agents}`);
    expectWithinCi(sim.probWait, theory.probWait, 'P(wait)');
    expectWithinCi(sim.serviceLevel, theory.serviceLevel, 'service level');
    expectWithinCi(sim.asa, theory.asa, 'ASA');
    expectWithinCi(sim.occupancy, theory.occupancy, 'occupancy');
    expect(sim.probAbandon.mean).toBe(0);
  });
});

describe('simulation vs Erlang A (M/M/n+M)', () => {
  it.each([
    { agents: 237, load: 213.3, handle: 300, patience: 120, hours: 24, reps: 10 },
    { agents: 515, load: 520, handle: 300, patience: 120, hours: 12, reps: 10 },
  ])('$agents agents, $load Erlangs, patience $patience s', (c) => {
    const { sim, theory } = simulateAgainstTheory(c, `erlang-a-${c.agents}`);
    expectWithinCi(sim.probWait, theory.probWait, 'P(wait)');
    expectWithinCi(sim.serviceLevel, theory.serviceLevel, 'service level');
    expectWithinCi(sim.asa, theory.asa, 'ASA');
    expectWithinCi(sim.occupancy, theory.occupancy, 'occupancy');
    expectWithinCi(sim.probAbandon, theory.probAbandon, 'P(abandon)');
  });
});

const base = (over: Partial<CallCentreModel> = {}): CallCentreModel => ({
  intervalSeconds: 1800,
  callsPerHour: new Array(48).fill(200),
  agents: new Array(48).fill(12),
  talkTime: { distribution: 'lognormal', mean: 240, cv: 1 },
  wrapUpTime: { distribution: 'deterministic', value: 30 },
  patience: { distribution: 'exponential', mean: 90 },
  serviceLevelSeconds: 15,
  ...over,
});

describe('time-varying arrivals (piecewise-constant Poisson)', () => {
  it('a 3-minute burst in a quiet day brings its expected count, and the day brings the integral of the rate', () => {
    // One-minute intervals: 1 call/h all day except minutes 600-602 at 6,000 calls/h (300 calls expected).
    const N = 1440;
    const rate = new Array(N).fill(1);
    for (let k = 600; k < 603; k++) rate[k] = 6000;
    const model = base({ intervalSeconds: 60, callsPerHour: rate, agents: new Array(N).fill(500) });
    const burst: number[] = [];
    const day: number[] = [];
    for (let r = 0; r < 40; r++) {
      const c = simulateReplication(model, 'burst', r).counters;
      burst.push(sumCounters(c, 600, 603).offered);
      day.push(sumCounters(c, 0, N).offered);
    }
    const expectedBurst = 300;
    const expectedDay = 300 + (N - 3) / 60;
    // Poisson counts: 40 replications give a mean with sd sqrt(300/40) = 2.7; allow 4 sd.
    expect(Math.abs(estimate(burst).mean - expectedBurst)).toBeLessThan(4 * Math.sqrt(expectedBurst / 40));
    expect(Math.abs(estimate(day).mean - expectedDay)).toBeLessThan(4 * Math.sqrt(expectedDay / 40));
    // And no burst call is ever assigned outside its minutes.
    const quiet = simulateReplication(model, 'burst', 0).counters;
    expect(sumCounters(quiet, 603, 610).offered).toBeLessThan(10);
  });
});

describe('model invariants', () => {
  it('conserves calls: offered = answered + abandoned in every interval', () => {
    const c = simulateReplication(base(), 'conserve', 0).counters;
    for (let k = 0; k < 48; k++) expect(c.offered[k]).toBe(c.answered[k] + c.abandoned[k]);
  });

  it('is deterministic for a seed', () => {
    const a = simulateReplication(base(), 'same', 3);
    const b = simulateReplication(base(), 'same', 3);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('keeps the arrival sample path when the head count changes (common random numbers)', () => {
    const few = simulateReplication(base({ agents: new Array(48).fill(8) }), 'crn', 0).counters;
    const many = simulateReplication(base({ agents: new Array(48).fill(20) }), 'crn', 0).counters;
    expect(Array.from(few.offered)).toEqual(Array.from(many.offered));
    expect(sumCounters(many, 0, 48).answered).toBeGreaterThan(sumCounters(few, 0, 48).answered);
  });

  it('applies staffing drops without pre-emption: agents finish their calls after their shift', () => {
    // 30 agents, then 5 from interval 10 while all are busy: the leavers' unfinished calls spill into interval 10.
    const agents = new Array(20).fill(30);
    for (let k = 10; k < 20; k++) agents[k] = 5;
    const model = base({ callsPerHour: new Array(20).fill(600), agents, talkTime: { distribution: 'deterministic', value: 600 } });
    const c = simulateReplication(model, 'drop', 0).counters;
    expect(c.loggedSeconds[10]).toBeGreaterThan(5 * 1800);
    for (let k = 0; k <= 20; k++) expect(c.busySeconds[k]).toBeLessThanOrEqual(c.loggedSeconds[k] + 1e-6);
    for (let k = 0; k < 20; k++) expect(c.offered[k]).toBe(c.answered[k] + c.abandoned[k]);
  });

  it('starts new agents at once when the count rises', () => {
    // No agents for the first hour (callers abandon), then 50: nobody waits long after the rise.
    const agents = [0, 0, ...new Array(10).fill(50)];
    const model = base({ callsPerHour: new Array(12).fill(100), agents });
    const c = simulateReplication(model, 'rise', 0).counters;
    expect(c.answered[0] + c.answered[1]).toBeGreaterThan(0); // those still waiting at the rise are answered
    expect(c.abandoned[5]).toBe(0);
  });

  it('drains the queue after the horizon and counts the overtime', () => {
    const model = base({ callsPerHour: new Array(4).fill(400), agents: new Array(4).fill(20), patience: null, talkTime: { distribution: 'exponential', mean: 150 } });
    const r = simulateReplication(model, 'drain', 0);
    expect(r.overtimeAgentSeconds).toBeGreaterThan(0);
    expect(r.drainSeconds).toBeGreaterThanOrEqual(0);
    expect(r.counters.loggedSeconds[4]).toBeCloseTo(r.overtimeAgentSeconds, 6);
  });

  it('counts redials as offered calls in the interval they arrive', () => {
    const model = base({ agents: new Array(48).fill(6), redial: { probability: 1, delay: { distribution: 'deterministic', value: 60 } } });
    const c = simulateReplication(model, 'redial', 0).counters;
    const t = sumCounters(c, 0, 48);
    expect(t.redials).toBeGreaterThan(0);
    expect(t.offered).toBe(t.answered + t.abandoned);
  });
});
