// Time before the queue (preQueue.ts) against exact theory: an M/M/n+M line whose callers first
// spend D seconds in a greeting, patience running from arrival. Theory: a share q = e^{-D/θ}
// outlasts the greeting and meets Erlang A at the thinned rate λq with the threshold T - D, so
// connection = q(1 - P_ab), service level = q·P(answered within T - D), ASA = D + ASA_A.
// Fixed seed; each simulated KPI must hold the exact value in its 99.9% replication interval
// (as simulate.test.ts), and the interval must be narrow enough to mean something.
import { describe, expect, it } from 'vitest';
import { erlangAMetrics } from '../analytic/index.ts';
import { estimate } from '../stats/estimate.ts';
import { sumCounters } from './metrics.ts';
import type { CallCentreModel } from './model.ts';
import { simulateReplication } from './simulate.ts';

const CONFIDENCE = 0.999;

function line(D: number, extra: Partial<CallCentreModel> = {}): CallCentreModel {
  const N = 48 * 4; // four days of 30-minute intervals
  return {
    intervalSeconds: 1800,
    callsPerHour: new Array(N).fill(300),
    agents: new Array(N).fill(15),
    talkTime: { distribution: 'exponential', mean: 180 },
    wrapUpTime: { distribution: 'deterministic', value: 0 },
    patience: { distribution: 'exponential', mean: 120 },
    serviceLevelSeconds: 30,
    preQueueDelay: D,
    ...extra,
  };
}

function simulate(m: CallCentreModel, reps: number) {
  const N = m.callsPerHour.length;
  const k = { connection: [] as number[], serviceLevel: [] as number[], asa: [] as number[], abandonedWithinT: [] as number[] };
  for (let r = 0; r < reps; r++) {
    const t = sumCounters(simulateReplication(m, 'pre-queue', r).counters, 4, N);
    k.connection.push(t.answered / t.offered);
    k.serviceLevel.push(t.answeredWithinT / t.offered);
    k.asa.push(t.waitAnswered / t.answered);
  }
  return { connection: estimate(k.connection, CONFIDENCE), serviceLevel: estimate(k.serviceLevel, CONFIDENCE), asa: estimate(k.asa, CONFIDENCE) };
}

describe('preQueueDelay: Erlang A with patience and threshold shifted by D', () => {
  for (const D of [10, 45]) {
    it(`D = ${D} s (T = 30 s${D > 30 ? ': nobody answered within T' : ''})`, () => {
      const q = Math.exp(-D / 120);
      const a = erlangAMetrics({ callsPerHour: 300 * q, handleSeconds: 180, agents: 15, patienceSeconds: 120, serviceLevelSeconds: Math.max(30 - D, 0) });
      const theory = { connection: q * a.connectionRate, serviceLevel: D > 30 ? 0 : q * a.serviceLevel.offered, asa: D + a.asa };
      const sim = simulate(line(D), 12);
      for (const key of ['connection', 'serviceLevel', 'asa'] as const) {
        const e = sim[key];
        const half = (e.ciHigh! - e.ciLow!) / 2;
        expect(half, `${key}: interval too wide to test`).toBeLessThan(key === 'asa' ? 1.5 : 0.02);
        expect(theory[key], `${key}: theory ${theory[key]} outside ${e.ciLow}..${e.ciHigh}`).toBeGreaterThanOrEqual(e.ciLow! - 1e-12);
        expect(theory[key]).toBeLessThanOrEqual(e.ciHigh! + 1e-12);
      }
    });
  }

  it('D = 0 is the plain model, draw for draw', () => {
    const a = simulateReplication(line(0), 's', 0);
    const { preQueueDelay: _d, ...plain } = line(0);
    const b = simulateReplication(plain, 's', 0);
    expect(Array.from(a.counters.answered)).toEqual(Array.from(b.counters.answered));
    expect(a.counters.waitAnswered).toEqual(b.counters.waitAnswered);
  });

  it('the event path (a call-type mix) gives the same theory', () => {
    const m = line(10, { callTypes: [{ name: 'all', share: 1, talkTime: { distribution: 'exponential', mean: 180 }, wrapUpTime: { distribution: 'deterministic', value: 0 } }] });
    const q = Math.exp(-10 / 120);
    const a = erlangAMetrics({ callsPerHour: 300 * q, handleSeconds: 180, agents: 15, patienceSeconds: 120, serviceLevelSeconds: 20 });
    const sim = simulate(m, 8);
    expect(q * a.connectionRate).toBeGreaterThanOrEqual(sim.connection.ciLow!);
    expect(q * a.connectionRate).toBeLessThanOrEqual(sim.connection.ciHigh!);
    expect(10 + a.asa).toBeGreaterThanOrEqual(sim.asa.ciLow!);
    expect(10 + a.asa).toBeLessThanOrEqual(sim.asa.ciHigh!);
  });
});
