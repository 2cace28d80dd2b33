import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, erlangCMetrics, logInverseErlangB } from './erlang.ts';

// Direct definition with factorials, for small n only: B = (a^n/n!) / Σ_{k≤n} a^k/k!.
function erlangBByDefinition(n: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= n; k++) {
    term *= a / k;
    sum += term;
  }
  return term / sum;
}

describe('erlangB', () => {
  it('matches the published value B(10, 5) = 0.018384 (truncated; exactly 0.0183845703...)', () => {
    expect(Math.abs(erlangB(10, 5) - 0.018384)).toBeLessThan(1e-6);
    expect(erlangB(10, 5)).toBeCloseTo(0.0183845703, 10);
  });

  it('matches the factorial definition for small pools', () => {
    for (const [n, a] of [
      [1, 0.5],
      [5, 3],
      [20, 15],
      [30, 35],
    ]) {
      expect(erlangB(n, a)).toBeCloseTo(erlangBByDefinition(n, a), 14);
    }
  });

  it('handles the edges: no agents blocks everything, no load blocks nothing', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(5, 0)).toBe(0);
  });

  it('logInverseErlangB agrees with erlangB and survives underflow of B', () => {
    expect(logInverseErlangB(10, 5)).toBeCloseTo(-Math.log(erlangB(10, 5)), 12);
    expect(logInverseErlangB(0, 5)).toBe(0);
    // B(5000, 10) ≈ 10^5000/5000! underflows; its log does not.
    const logInv = logInverseErlangB(5000, 10);
    expect(Number.isFinite(logInv)).toBe(true);
    // 1/B = (n!/a^n)·Σ_{k≤n} a^k/k! and the sum is e^a to double precision when a ≪ n.
    let logFact = 0;
    for (let k = 2; k <= 5000; k++) logFact += Math.log(k);
    expect(logInv).toBeCloseTo(logFact - 5000 * Math.log(10) + 10, 6);
  });

  it('rejects bad input', () => {
    expect(() => erlangB(2.5, 1)).toThrow(RangeError);
    expect(() => erlangB(-1, 1)).toThrow(RangeError);
    expect(() => erlangB(3, Number.NaN)).toThrow(RangeError);
  });
});

describe('erlangC', () => {
  it('is computed from B: C = nB / (n − a(1 − B))', () => {
    const b = erlangB(14, 10);
    expect(erlangC(14, 10)).toBeCloseTo((14 * b) / (14 - 10 * (1 - b)), 14);
  });

  it('is 1 when load >= agents and 0 without load', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(10, 12)).toBe(1);
    expect(erlangC(0, 0)).toBe(1);
    expect(erlangC(3, 0)).toBe(0);
  });
});

describe('erlangCMetrics', () => {
  // Published example: 100 calls per 30 min, 180 s handle, 20 s target, 14 agents.
  const base = { callsPerHour: 200, handleSeconds: 180, agents: 14, serviceLevelSeconds: 20 };

  it('reproduces the published example', () => {
    const m = erlangCMetrics(base);
    expect(m.offeredLoad).toBeCloseTo(10, 12);
    expect(m.stable).toBe(true);
    expect(Math.abs(m.probWait - 0.1741319)).toBeLessThan(1e-6);
    expect(Math.abs(m.serviceLevel.offered - 0.88835)).toBeLessThan(1e-6);
    expect(Math.abs(m.asa - 7.8359)).toBeLessThan(1e-3);
    expect(m.probAbandon).toBe(0);
    expect(m.connectionRate).toBe(1);
    expect(m.occupancy).toBeCloseTo(10 / 14, 12);
    expect(m.meanWait).toBe(m.asa);
    expect(m.meanWaitAbandoned).toBeNaN();
    // Lq = C·a/(n − a)
    expect(m.meanQueueLength).toBeCloseTo((m.probWait * 10) / 4, 12);
    for (const f of ['answered', 'excludeShortAbandons', 'countShortAbandons'] as const) {
      expect(m.serviceLevel[f]).toBe(m.serviceLevel.offered);
    }
  });

  it('reports an overloaded queue as unstable', () => {
    const m = erlangCMetrics({ ...base, agents: 10 });
    expect(m.stable).toBe(false);
    expect(m.probWait).toBe(1);
    expect(m.offeredLoad).toBeCloseTo(10, 12);
    expect(m.agents).toBe(10);
    expect(m.asa).toBeNaN();
    expect(m.serviceLevel.offered).toBeNaN();
    expect(m.occupancy).toBeNaN();
  });

  it('treats an interval without calls as idle', () => {
    const m = erlangCMetrics({ ...base, callsPerHour: 0, agents: 0 });
    expect(m.stable).toBe(true);
    expect(m.probWait).toBe(0);
    expect(m.serviceLevel.offered).toBe(1);
  });

  it('stays finite and in range at 5,000 agents and 4,500 Erlangs', () => {
    for (const [agents, erlangs] of [
      [5000, 4500],
      [5000, 4990],
      [515, 500],
      [237, 213.3],
    ]) {
      const m = erlangCMetrics({ callsPerHour: erlangs * 12, handleSeconds: 300, agents, serviceLevelSeconds: 20 });
      for (const v of [m.probWait, m.serviceLevel.offered, m.occupancy]) {
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      expect(Number.isFinite(m.asa)).toBe(true);
      expect(Number.isFinite(m.meanQueueLength)).toBe(true);
    }
  });
});
