import { describe, expect, it } from 'vitest';
import { type QueueInput, type QueueMetrics, erlangB, erlangCMetrics } from './erlang.ts';
import { erlangAMetrics, queueMetrics } from './erlangA.ts';

/**
 * Independent reference for M/M/n+M: the birth–death chain of the number of callers in the
 * system (truncated once its probabilities are e^{-80} below the peak, computed in log space),
 * plus, for the waiting-time quantities, the chain seen by one tagged caller who arrives
 * (PASTA) behind i others: the count ahead drops at rate nμ + iθ, the tagged caller is
 * answered at rate nμ once nobody is ahead, and hangs up at rate θ throughout.
 */
function referenceChain(input: QueueInput) {
  const { callsPerHour, handleSeconds, agents: n, serviceLevelSeconds: T } = input;
  const lambda = callsPerHour / 3600;
  const mu = 1 / handleSeconds;
  const theta = 1 / (input.patienceSeconds as number);

  const logP = [0];
  let peak = 0;
  let queuePeak = -Infinity; // truncate relative to the queueing states, so that conditional
  for (let k = 1; ; k++) {   // quantities (given a wait) stay exact even when waits are rare
    const death = Math.min(k, n) * mu + Math.max(k - n, 0) * theta;
    const lp = logP[k - 1] + Math.log(lambda / death);
    logP.push(lp);
    peak = Math.max(peak, lp);
    if (k >= n) queuePeak = Math.max(queuePeak, lp);
    if (k > n && lp < queuePeak - 80) break;
  }
  let z = 0;
  for (const lp of logP) z += Math.exp(lp - peak);
  const pi = logP.map((lp) => Math.exp(lp - peak) / z);

  let probWait = 0;
  let queue = 0;
  let busy = 0;
  pi.forEach((p, k) => {
    if (k >= n) probWait += p;
    queue += Math.max(k - n, 0) * p;
    busy += Math.min(k, n) * p;
  });

  // Tagged caller: w[i] = P(arrive with i callers already queued).
  const w = pi.slice(n);
  const m = w.length;
  const rate = (i: number) => n * mu + i * theta;
  let answeredProb = 1 - probWait; // answered without waiting
  let abandonedProb = 0;
  let waitAnswered = 0; // E[W; answered]
  let waitAbandoned = 0; // E[W; abandoned]
  let s = 1; // P(eventually answered | i ahead)
  let q = 0; // P(eventually abandons | i ahead), kept separately: 1 − s would cancel
  let aAns = 0;
  let aAb = 0;
  for (let i = 0; i < m; i++) {
    const out = rate(i) + theta;
    s *= rate(i) / out;
    q = q * (rate(i) / out) + theta / out;
    // Holding time in state i is independent of how the state is left (competing exponentials).
    aAns = s / out + (rate(i) / out) * (i === 0 ? 0 : aAns);
    aAb = q / out + (rate(i) / out) * (i === 0 ? 0 : aAb);
    answeredProb += w[i] * s;
    abandonedProb += w[i] * q;
    waitAnswered += w[i] * aAns;
    waitAbandoned += w[i] * aAb;
  }

  // Within-T split by uniformisation of the tagged caller's absorbing chain; the state
  // vector is [i ahead = 0..m-1, answered, abandoned]. T is cut into slices with ΛΔt <= 20
  // so the Poisson weights never underflow.
  let big = 0;
  for (let i = 0; i < m; i++) big = Math.max(big, rate(i) + theta);
  const slices = Math.max(1, Math.ceil((big * T) / 20));
  const bt = (big * T) / slices;
  const lastTerm = Math.ceil(bt + 15 * Math.sqrt(bt) + 30); // Poisson(ΛΔt) tail beyond this is nil
  let state = [...w, 0, 0];
  for (let slice = 0; slice < slices; slice++) {
    let v = state;
    let poisson = Math.exp(-bt);
    const acc = v.map((x) => x * poisson);
    for (let k = 1; k <= lastTerm; k++) {
      const next = new Array<number>(m + 2).fill(0);
      next[m] = v[m];
      next[m + 1] = v[m + 1];
      for (let i = 0; i < m; i++) {
        const r = rate(i);
        next[i] += v[i] * (1 - (r + theta) / big);
        next[i > 0 ? i - 1 : m] += v[i] * (r / big);
        next[m + 1] += v[i] * (theta / big);
      }
      v = next;
      poisson *= bt / k;
      for (let j = 0; j < m + 2; j++) acc[j] += poisson * v[j];
    }
    state = acc;
  }
  const answeredByT = state[m];
  const abandonedByT = state[m + 1];

  const probAbandon = (theta * queue) / lambda;
  return {
    probWait,
    probAbandon,
    probAbandonTagged: abandonedProb,
    meanQueueLength: queue,
    occupancy: busy / n,
    answeredWithinT: 1 - probWait + answeredByT,
    abandonedWithinT: abandonedByT,
    asa: waitAnswered / answeredProb,
    meanWaitAbandoned: waitAbandoned / abandonedProb,
  };
}

function expectRel(actual: number, expected: number, rel: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

const published: QueueInput = {
  callsPerHour: 200,
  handleSeconds: 180,
  agents: 14,
  serviceLevelSeconds: 20,
  patienceSeconds: 300,
};

describe('erlangAMetrics', () => {
  it('reproduces the published Erlang A example (200/h, 180 s, 14 agents, 300 s patience)', () => {
    const m = erlangAMetrics(published);
    expect(Math.abs(m.probAbandon - 0.013984)).toBeLessThan(2e-6);
    expect(Math.abs(m.serviceLevel.offered - 0.916792)).toBeLessThan(2e-6);
    expect(Math.abs(m.serviceLevel.answered - 0.929794)).toBeLessThan(2e-6);
    expect(m.stable).toBe(true);
  });

  const cases: [string, QueueInput][] = [
    ['published 14 agents', published],
    ['237 agents', { callsPerHour: 0.711 * 3600, handleSeconds: 300, agents: 237, serviceLevelSeconds: 20, patienceSeconds: 120 }],
    ['overloaded 50 agents', { callsPerHour: 900, handleSeconds: 240, agents: 50, serviceLevelSeconds: 10, patienceSeconds: 30 }],
    ['515 agents', { callsPerHour: 6000, handleSeconds: 300, agents: 515, serviceLevelSeconds: 30, patienceSeconds: 60 }],
    ['3 agents, patient callers', { callsPerHour: 36, handleSeconds: 100, agents: 3, serviceLevelSeconds: 5, patienceSeconds: 1000 }],
    ['1000 agents at load 1000, 5 s patience', { callsPerHour: 18000, handleSeconds: 200, agents: 1000, serviceLevelSeconds: 15, patienceSeconds: 5 }],
    ['single agent', { callsPerHour: 20, handleSeconds: 150, agents: 1, serviceLevelSeconds: 60, patienceSeconds: 90 }],
    ['very short patience (0.5 s)', { callsPerHour: 1425, handleSeconds: 240, agents: 100, serviceLevelSeconds: 20, patienceSeconds: 0.5 }],
    ['overloaded, very patient (10^4 s)', { callsPerHour: 825, handleSeconds: 240, agents: 50, serviceLevelSeconds: 20, patienceSeconds: 1e4 }],
  ];

  it.each(cases)('agrees with the birth–death / tagged-caller chain: %s', (_name, input) => {
    const m = erlangAMetrics(input);
    const ref = referenceChain(input);
    // The two reference routes to P(abandon) agree with each other first.
    expectRel(ref.probAbandonTagged, ref.probAbandon, 1e-9);
    expectRel(m.probWait, ref.probWait, 1e-8);
    expectRel(m.probAbandon, ref.probAbandon, 1e-8);
    expectRel(m.meanQueueLength, ref.meanQueueLength, 1e-8);
    expectRel(m.occupancy, ref.occupancy, 1e-9);
    expectRel(m.serviceLevel.offered, ref.answeredWithinT, 1e-9);
    expectRel(m.serviceLevel.countShortAbandons - m.serviceLevel.offered, ref.abandonedWithinT, 1e-7);
    expectRel(m.asa, ref.asa, 1e-8);
    expectRel(m.meanWaitAbandoned, ref.meanWaitAbandoned, 1e-8);
  });

  it('matches the expected figures at n = 237, λ = 0.711/s, 300 s handle, 120 s patience', () => {
    const m = erlangAMetrics(cases[1][1]);
    expect(m.probAbandon).toBeCloseTo(0.00269, 5);
    expect(m.probWait).toBeCloseTo(0.0492, 4);
    expect(m.occupancy).toBeCloseTo(0.898, 3);
  });

  it('converges to Erlang C as patience grows without bound', () => {
    const c = erlangCMetrics({ ...published, patienceSeconds: null });
    const a = erlangAMetrics({ ...published, patienceSeconds: 1e9 });
    expectRel(a.probWait, c.probWait, 1e-6);
    expectRel(a.asa, c.asa, 1e-6);
    expectRel(a.meanQueueLength, c.meanQueueLength, 1e-6);
    expect(a.probAbandon).toBeLessThan(1e-7);
    for (const f of ['offered', 'answered', 'excludeShortAbandons', 'countShortAbandons'] as const) {
      expectRel(a.serviceLevel[f], c.serviceLevel[f], 1e-6);
    }
  });

  it('keeps the service-level formulas and the wait measures consistent with their definitions', () => {
    for (const [, input] of cases) {
      const m = erlangAMetrics(input);
      const sl = m.serviceLevel;
      const lambda = input.callsPerHour / 3600;
      const patience = input.patienceSeconds as number;
      const abandonedWithinT = sl.countShortAbandons - sl.offered;
      expect(abandonedWithinT).toBeGreaterThanOrEqual(0);
      expect(abandonedWithinT).toBeLessThanOrEqual(m.probAbandon * (1 + 1e-12));
      // Definitions, re-derived from answered-within-T and abandoned-within-T.
      expectRel(sl.answered, sl.offered / m.connectionRate, 1e-12);
      expectRel(sl.excludeShortAbandons, sl.offered / (1 - abandonedWithinT), 1e-12);
      // Orderings implied by the definitions.
      expect(sl.countShortAbandons).toBeGreaterThanOrEqual(sl.offered);
      expect(sl.answered).toBeGreaterThanOrEqual(sl.excludeShortAbandons);
      expect(sl.excludeShortAbandons).toBeGreaterThanOrEqual(sl.offered);
      for (const v of Object.values(sl)) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      expect(m.connectionRate).toBeCloseTo(1 - m.probAbandon, 15);
      // Exponential patience: P(abandon) = θ·E[wait]; Little's law on the queue.
      expectRel(m.meanWait, m.probAbandon * patience, 1e-12);
      expectRel(m.meanQueueLength, lambda * m.meanWait, 1e-12);
      // Mean wait splits into answered and abandoned callers.
      expectRel(m.meanWait, m.asa * m.connectionRate + m.meanWaitAbandoned * m.probAbandon, 1e-9);
      expectRel(m.occupancy, (m.offeredLoad * m.connectionRate) / m.agents, 1e-12);
      expect(m.probWait).toBeGreaterThanOrEqual(m.probAbandon);
    }
  });

  it('with T = 0 the headline service level is P(no wait); with huge T it is the connection rate', () => {
    const m0 = erlangAMetrics({ ...published, serviceLevelSeconds: 0 });
    expectRel(m0.serviceLevel.offered, 1 - m0.probWait, 1e-12);
    expect(m0.serviceLevel.countShortAbandons).toBeCloseTo(m0.serviceLevel.offered, 15);
    const mInf = erlangAMetrics({ ...published, serviceLevelSeconds: 1e6 });
    expectRel(mInf.serviceLevel.offered, mInf.connectionRate, 1e-10);
    expectRel(mInf.serviceLevel.answered, 1, 1e-10);
    expectRel(mInf.serviceLevel.countShortAbandons, 1, 1e-10);
  });

  it('stays finite at 5,000 agents from 4,500 to 5,500 Erlangs (and at 515 / 237 agents)', () => {
    const grid: [number, number, number][] = [];
    for (const erlangs of [4500, 4800, 4950, 5000, 5050, 5200, 5500]) {
      for (const handle of [180, 300, 600]) grid.push([5000, erlangs, handle]);
    }
    grid.push([515, 480, 300], [515, 600, 300], [237, 213.3, 300], [237, 300, 300]);
    for (const [agents, erlangs, handle] of grid) {
      for (const patience of [120, 5, 3600]) {
        const m = erlangAMetrics({
          callsPerHour: (erlangs * 3600) / handle,
          handleSeconds: handle,
          agents,
          serviceLevelSeconds: 20,
          patienceSeconds: patience,
        });
        const values = [
          m.probWait,
          m.probAbandon,
          m.connectionRate,
          m.occupancy,
          ...Object.values(m.serviceLevel),
          m.asa,
          m.meanWait,
          m.meanWaitAbandoned,
          m.meanQueueLength,
        ];
        for (const v of values) expect(Number.isFinite(v)).toBe(true);
        for (const p of [m.probWait, m.probAbandon, m.occupancy, ...Object.values(m.serviceLevel)]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        // Overload is absorbed by abandonment: carried load cannot exceed the agents.
        expect(m.offeredLoad * m.connectionRate).toBeLessThanOrEqual(agents * (1 + 1e-12));
      }
    }
  });

  it('agrees with the chain at 5,000 agents and 5,500 Erlangs (heavy overload, exponent in the thousands)', () => {
    const input: QueueInput = { callsPerHour: 5500 * 12, handleSeconds: 300, agents: 5000, serviceLevelSeconds: 20, patienceSeconds: 120 };
    const m = erlangAMetrics(input);
    const ref = referenceChain(input);
    expectRel(m.probWait, ref.probWait, 1e-8);
    expectRel(m.probAbandon, ref.probAbandon, 1e-8);
    expectRel(m.meanQueueLength, ref.meanQueueLength, 1e-8);
    expectRel(m.serviceLevel.offered, ref.answeredWithinT, 1e-8);
    expectRel(m.asa, ref.asa, 1e-8);
  });

  it('handles no agents, no calls and zero patience', () => {
    const none = erlangAMetrics({ ...published, agents: 0 });
    expect(none.probAbandon).toBe(1);
    expect(none.connectionRate).toBe(0);
    expect(none.serviceLevel.offered).toBe(0);
    expect(none.meanWait).toBe(300);
    expect(none.meanQueueLength).toBeCloseTo((200 / 3600) * 300, 12);

    const idle = erlangAMetrics({ ...published, callsPerHour: 0 });
    expect(idle.probWait).toBe(0);
    expect(idle.serviceLevel.offered).toBe(1);

    // Zero patience is the Erlang B loss system.
    const loss = erlangAMetrics({ ...published, patienceSeconds: 0 });
    expect(loss.probAbandon).toBeCloseTo(erlangB(14, 10), 15);
    expect(loss.probAbandon).toBeCloseTo(0.0568191, 7);
    const tiny = erlangAMetrics({ ...published, patienceSeconds: 1e-6 });
    expectRel(tiny.probAbandon, loss.probAbandon, 1e-4);
  });

  it('requires finite patience', () => {
    expect(() => erlangAMetrics({ ...published, patienceSeconds: null })).toThrow(RangeError);
    expect(() => erlangAMetrics({ ...published, patienceSeconds: Infinity })).toThrow(RangeError);
  });

  it('is fast enough for the staffing solver (well under 5 ms at 500 agents)', () => {
    const input: QueueInput = { callsPerHour: 5400, handleSeconds: 300, agents: 500, serviceLevelSeconds: 20, patienceSeconds: 120 };
    for (let i = 0; i < 50; i++) erlangAMetrics(input);
    const reps = 200;
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) erlangAMetrics({ ...input, agents: 450 + (i % 100) });
    const perCall = (performance.now() - t0) / reps;
    expect(perCall).toBeLessThan(5);
  });
});

describe('queueMetrics', () => {
  it('uses Erlang A when patience is finite and Erlang C otherwise', () => {
    const metricsEqual = (x: QueueMetrics, y: QueueMetrics) => expect(x).toEqual(y);
    metricsEqual(queueMetrics(published), erlangAMetrics(published));
    for (const patienceSeconds of [null, undefined, Infinity]) {
      metricsEqual(queueMetrics({ ...published, patienceSeconds }), erlangCMetrics({ ...published, patienceSeconds }));
    }
  });
});
