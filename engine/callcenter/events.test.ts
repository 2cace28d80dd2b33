// The event-driven path: agrees with the fast path where both apply, and each part of the
// 12345 workload behaves as theory says. Fixed seeds; tolerances stated beside each check.
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC } from '../analytic/erlang.ts';
import { simulateEvents } from './events.ts';
import type { CallCentreModel, IntervalCounters } from './model.ts';
import { COUNTER_NAMES } from './model.ts';
import { simulateFast, simulateReplication } from './simulate.ts';

const DAY = 48;
const sum = (a: Float64Array, from = 0, to = a.length) => {
  let s = 0;
  for (let k = from; k < to; k++) s += a[k];
  return s;
};
const totals = (c: IntervalCounters) => Object.fromEntries(COUNTER_NAMES.map((n) => [n, sum(c[n])]));
/** Counts equal; sums of seconds equal to 1e-12 relative (the paths add the same terms in another order). */
function expectSameTotals(a: IntervalCounters, b: IntervalCounters) {
  for (const n of COUNTER_NAMES) {
    const x = sum(a[n]);
    const y = sum(b[n]);
    if (/Seconds|wait/.test(n)) expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(x)));
    else expect([n, y]).toEqual([n, x]);
  }
}

function base(days = 2, over: Partial<CallCentreModel> = {}): CallCentreModel {
  const N = days * DAY;
  return {
    intervalSeconds: 1800,
    callsPerHour: Array.from({ length: N }, (_, k) => 250 + 150 * Math.sin(((k % DAY) / DAY) * 2 * Math.PI)),
    agents: new Array(N).fill(18),
    talkTime: { distribution: 'lognormal', mean: 180, cv: 1 },
    wrapUpTime: { distribution: 'gamma', mean: 40, cv: 0.5 },
    patience: { distribution: 'exponential', mean: 90 },
    serviceLevelSeconds: 15,
    ...over,
  };
}

/** Mean and standard error over replications of f(result). */
function over(R: number, model: CallCentreModel, seed: string, f: (c: IntervalCounters) => number) {
  const xs = Array.from({ length: R }, (_, r) => f(simulateReplication(model, seed, r).counters));
  const m = xs.reduce((a, b) => a + b, 0) / R;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (R - 1));
  return { mean: m, se: sd / Math.sqrt(R) };
}

describe('event-driven path', () => {
  it('gives the fast path’s counts exactly when staffing is constant (same draws, same order)', () => {
    const m = base(3);
    for (const seed of [1, 'x']) {
      const a = simulateFast(m, seed, 0);
      const b = simulateEvents(m, seed, 0);
      expectSameTotals(b.counters, a.counters);
      expect(b.drainSeconds).toBe(a.drainSeconds);
      expect(b.overtimeAgentSeconds).toBeCloseTo(a.overtimeAgentSeconds, 6);
    }
  });

  it('agrees with the fast path within replication noise when staffing follows the day', () => {
    // Shift drops choose who logs off at random, from different candidate lists: same law, other draws.
    const m = base(2);
    m.agents = Array.from(m.callsPerHour, (r) => Math.round((r * 220) / 3600) + 2);
    const R = 30;
    const rate = (c: IntervalCounters) => sum(c.answered) / sum(c.offered);
    const fast = Array.from({ length: R }, (_, r) => rate(simulateFast(m, 5, r).counters));
    const ev = Array.from({ length: R }, (_, r) => rate(simulateEvents(m, 5, r).counters));
    const diff = fast.map((x, r) => x - ev[r]); // paired: same arrivals and durations
    const md = diff.reduce((a, b) => a + b, 0) / R;
    const sd = Math.sqrt(diff.reduce((a, b) => a + (b - md) ** 2, 0) / (R - 1));
    expect(Math.abs(md)).toBeLessThan(4 * (sd / Math.sqrt(R)) + 1e-4); // 4 standard errors
  });

  it('redial probability 0 gives today’s model exactly', () => {
    const m = base(2);
    const a = simulateFast(m, 3, 0);
    const b = simulateReplication({ ...m, redial: { probability: 0, delay: { distribution: 'exponential', mean: 600 } } }, 3, 0);
    expect(b.path).toBe('events');
    const t = totals(b.counters);
    expect(t.persons).toBe(sum(a.counters.offered));
    expect(t.personsAnswered).toBe(sum(a.counters.answered));
    b.counters.persons.fill(0);
    b.counters.personsAnswered.fill(0);
    expectSameTotals(b.counters, a.counters);
  });

  it('outbound work with reserve ≥ agents never delays an inbound caller', () => {
    const m = base(2);
    const outbound = {
      fromAnswered: { share: 0.3, deadlineSeconds: 86400 },
      daily: { tasks: 50, deadlineSeconds: 86400 },
      talkTime: { distribution: 'lognormal', mean: 175, cv: 0.8 } as const,
      wrapUpTime: { distribution: 'deterministic', value: 20 } as const,
      windowSeconds: [9 * 3600, 21 * 3600] as [number, number],
      answerProbability: 0.7,
      noAnswerSeconds: 30,
      retryDelay: { distribution: 'deterministic', value: 3600 } as const,
      maxAttempts: 3,
      reserve: 18,
    };
    const plain = simulateEvents(m, 9, 0);
    const held = simulateEvents({ ...m, outbound }, 9, 0);
    for (const k of ['offered', 'answered', 'abandoned', 'waited', 'answeredWithinT', 'waitAnswered'] as const) {
      expect(sum(held.counters[k])).toBe(sum(plain.counters[k]));
    }
    expect(sum(held.counters.outboundAttempts)).toBe(0);
    // With a reserve of 2, agents do return visits between calls: tasks are conserved, inbound pays for it.
    const busy = simulateEvents({ ...m, outbound: { ...outbound, reserve: 2 } }, 9, 0);
    const c = busy.counters;
    expect(sum(c.outboundDone)).toBeGreaterThan(100);
    expect(sum(c.outboundCreated)).toBe(sum(c.outboundDone) + sum(c.outboundFailed) + busy.backlog!.outbound);
    expect(sum(c.answered) / sum(c.offered)).toBeLessThanOrEqual(sum(plain.counters.answered) / sum(plain.counters.offered));
    // Tasks from answered calls: 30% of answered (binomial; 5 standard deviations).
    const fromCalls = sum(c.outboundCreated) - 2 * 50;
    const n = sum(c.answered);
    expect(Math.abs(fromCalls - 0.3 * n)).toBeLessThan(5 * Math.sqrt(n * 0.3 * 0.7));
    // Nothing is dialled outside 09:00-21:00.
    for (let k = 0; k < c.outboundAttempts.length - 1; k++) {
      const hour = ((k % DAY) * 1800) / 3600;
      if (hour < 9 || hour >= 21) expect(c.outboundAttempts[k]).toBe(0);
    }
  });

  it('trunk lines with no queue reproduce Erlang B', () => {
    // 10 lines, 10 agents, no wrap-up: a caller who gets a line gets an agent; 8 Erlangs offered.
    const N = 4 * DAY;
    const m: CallCentreModel = {
      intervalSeconds: 1800,
      callsPerHour: new Array(N).fill(160),
      agents: new Array(N).fill(10),
      talkTime: { distribution: 'exponential', mean: 180 },
      wrapUpTime: { distribution: 'deterministic', value: 0 },
      patience: { distribution: 'exponential', mean: 60 },
      serviceLevelSeconds: 15,
      lines: 10,
    };
    const b = erlangB(10, 8); // 0.12166
    const est = over(12, m, 'erlangB', (c) => sum(c.blocked, 1) / sum(c.offered, 1));
    expect(Math.abs(est.mean - b)).toBeLessThan(4 * est.se); // 4 standard errors
    expect(Math.abs(est.mean - b) / b).toBeLessThan(0.03);
    const waited = over(3, m, 'erlangB', (c) => sum(c.waited));
    expect(waited.mean).toBe(0);
  });

  it('gamma cv 0 is the Poisson model; cv > 0 raises the variance of daily counts to mean + cv²·mean²', () => {
    const days = 400;
    const N = days * 24;
    const m: CallCentreModel = {
      intervalSeconds: 3600,
      callsPerHour: new Array(N).fill(1000 / 24),
      agents: new Array(N).fill(200),
      talkTime: { distribution: 'exponential', mean: 60 },
      wrapUpTime: { distribution: 'deterministic', value: 0 },
      patience: null,
      serviceLevelSeconds: 15,
    };
    const daily = (cv: number) => {
      const c = simulateReplication({ ...m, dayToDayCv: cv }, 'days', 0).counters;
      const counts = Array.from({ length: days }, (_, d) => sum(c.offered, d * 24, (d + 1) * 24));
      const mean = counts.reduce((a, b) => a + b, 0) / days;
      const variance = counts.reduce((a, b) => a + (b - mean) ** 2, 0) / (days - 1);
      return { mean, variance, counters: c };
    };
    expectSameTotals(daily(0).counters, simulateFast(m, 'days', 0).counters);
    const poisson = daily(0);
    expect(poisson.variance / poisson.mean).toBeGreaterThan(0.75); // Poisson: variance = mean (±25% at 400 days)
    expect(poisson.variance / poisson.mean).toBeLessThan(1.25);
    const mixed = daily(0.2);
    const expected = 1000 + 0.04 * 1000 * 1000; // 41,000
    expect(mixed.variance / expected).toBeGreaterThan(0.75); // ±25%: the sample variance of 400 days
    expect(mixed.variance / expected).toBeLessThan(1.25);
  });

  it('with independent attempts, the per-person success matches the geometric formula', () => {
    // A loss system (lines, no queue) with redials hours later: each attempt succeeds with the
    // same probability p, so P(person gets through within M attempts) = p · Σ_{j<M} ((1-p)q)^j.
    const N = 6 * DAY;
    const q = 0.6;
    const M = 4;
    const m: CallCentreModel = {
      intervalSeconds: 1800,
      callsPerHour: new Array(N).fill(150),
      agents: new Array(N).fill(8),
      talkTime: { distribution: 'exponential', mean: 180 },
      wrapUpTime: { distribution: 'deterministic', value: 0 },
      patience: { distribution: 'exponential', mean: 60 },
      serviceLevelSeconds: 15,
      lines: 8,
      redial: { probability: q, delay: { distribution: 'exponential', mean: 4 * 3600 }, maxAttempts: M },
    };
    const R = 8;
    let gap = 0;
    for (let r = 0; r < R; r++) {
      const rep = simulateReplication(m, 'geo', r);
      const c = rep.counters;
      // Days 2-4: away from the start (no redials yet) and the end (redials cut off).
      const from = 2 * DAY;
      const to = 4 * DAY;
      const p = sum(c.answered, from, to) / sum(c.offered, from, to);
      let expected = 0;
      for (let j = 0; j < M; j++) expected += p * ((1 - p) * q) ** j;
      gap += sum(c.personsAnswered, from, to) / sum(c.persons, from, to) - expected;
      // Attempts that got through are counted once per person.
      expect(rep.answeredOnAttempt!.reduce((a, b) => a + b, 0)).toBe(sum(c.personsAnswered));
    }
    expect(Math.abs(gap / R)).toBeLessThan(0.01); // within one point on average
  });

  it('a call-type mix: handling time by type follows each type; IVR self-service leaves the queue', () => {
    const m = base(3, {
      callTypes: [
        { name: 'consultation', share: 0.7, talkTime: { distribution: 'lognormal', mean: 120, cv: 0.8 }, wrapUpTime: { distribution: 'deterministic', value: 10 } },
        { name: 'complaint', share: 0.3, talkTime: { distribution: 'lognormal', mean: 300, cv: 0.8 }, wrapUpTime: { distribution: 'gamma', mean: 240, cv: 0.5 } },
      ],
      agents: new Array(3 * DAY).fill(40),
      ivrSelfServiceShare: 0.2,
    });
    const rep = simulateReplication(m, 4, 0);
    const [a, b] = rep.byType!;
    const n = a.answered + b.answered;
    expect(Math.abs(b.answered / n - 0.3)).toBeLessThan(5 * Math.sqrt((0.3 * 0.7) / n));
    expect(a.talkSeconds / a.answered).toBeGreaterThan(120 * 0.95);
    expect(a.talkSeconds / a.answered).toBeLessThan(120 * 1.05);
    expect(b.wrapUpSeconds / b.answered).toBeGreaterThan(240 * 0.95);
    expect(b.wrapUpSeconds / b.answered).toBeLessThan(240 * 1.05);
    expect(a.wrapUpSeconds / a.answered).toBeCloseTo(10, 9);
    const ivr = sum(rep.counters.ivrCompleted);
    const all = ivr + sum(rep.counters.offered);
    expect(Math.abs(ivr / all - 0.2)).toBeLessThan(5 * Math.sqrt((0.2 * 0.8) / all));
  });

  it('online requests wait behind voice on shared agents; a separate group leaves voice untouched', () => {
    const N = 2 * DAY;
    const online = {
      requestsPerHour: new Array(N).fill(30),
      handleTime: { distribution: 'exponential', mean: 240 } as const,
      targetSeconds: 180,
      agents: 'shared' as const,
      reserve: 0,
    };
    const m = base(2);
    const plain = simulateEvents(m, 6, 0);
    const shared = simulateEvents({ ...m, online }, 6, 0);
    const group = simulateEvents({ ...m, online: { ...online, agents: new Array(N).fill(3) } }, 6, 0);
    for (const k of ['offered', 'answered', 'abandoned', 'waitAnswered'] as const) {
      expect(sum(group.counters[k])).toBe(sum(plain.counters[k]));
    }
    const c = shared.counters;
    expect(sum(c.answered) / sum(c.offered)).toBeLessThan(sum(plain.counters.answered) / sum(plain.counters.offered));
    expect(sum(c.onlineOffered)).toBe(sum(c.onlineAnswered) + shared.backlog!.online);
    expect(sum(c.onlineResponseSeconds) / sum(c.onlineAnswered)).toBeGreaterThan(0);
    // A separate group is an M/M/3 queue at 2 Erlangs: Erlang C's service level within 180 s (±0.04, two days).
    const sl = 1 - erlangC(3, 2) * Math.exp(-(3 - 2) * (180 / 240));
    expect(Math.abs(sum(group.counters.onlineWithinTarget) / sum(group.counters.onlineAnswered) - sl)).toBeLessThan(0.04);
  });
});
