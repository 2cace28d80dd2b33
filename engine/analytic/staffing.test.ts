import { describe, expect, it } from 'vitest';
import type { QueueInput } from './erlang.ts';
import { queueMetrics } from './erlangA.ts';
import { type StaffingTarget, agentsNeeded, meetsTarget } from './staffing.ts';

type Base = Omit<QueueInput, 'agents'>;

/** Brute force: the first n that meets the target, scanning upwards from 0. */
function bruteForce(base: Base, target: StaffingTarget, maxOccupancy?: number): number {
  const seconds = target.kind === 'serviceLevel' && target.seconds !== undefined ? target.seconds : base.serviceLevelSeconds;
  for (let n = 0; n < 10000; n++) {
    const m = queueMetrics({ ...base, serviceLevelSeconds: seconds, agents: n });
    if (meetsTarget(m, target, seconds) && (maxOccupancy === undefined || m.occupancy <= maxOccupancy)) return n;
  }
  throw new Error('not found');
}

describe('agentsNeeded', () => {
  it('reproduces the classic Erlang C table (80% in 20 s, 300 s handle)', () => {
    const table: [number, number][] = [
      [100, 12],
      [200, 21],
      [400, 39],
      [800, 74],
      [1600, 142],
    ];
    for (const [callsPerHour, agents] of table) {
      const base: Base = { callsPerHour, handleSeconds: 300, serviceLevelSeconds: 20 };
      // Without abandonment every service-level formula coincides, so the table is
      // reproduced by 'answered' and by the headline 'offered' alike.
      expect(agentsNeeded(base, { kind: 'serviceLevel', value: 0.8, formula: 'answered' })).toBe(agents);
      expect(agentsNeeded(base, { kind: 'serviceLevel', value: 0.8 })).toBe(agents);
      // One agent fewer misses the target.
      const below = queueMetrics({ ...base, agents: agents - 1 });
      expect(below.stable && below.serviceLevel.answered >= 0.8).toBe(false);
    }
  });

  it('takes the threshold from target.seconds when given', () => {
    const base: Base = { callsPerHour: 400, handleSeconds: 300, serviceLevelSeconds: 60 };
    expect(agentsNeeded(base, { kind: 'serviceLevel', value: 0.8, seconds: 20 })).toBe(39);
    expect(agentsNeeded(base, { kind: 'serviceLevel', value: 0.8 })).toBeLessThan(39);
  });

  it('agrees with a brute-force scan for every target kind, with and without abandonment', () => {
    const targets: StaffingTarget[] = [
      { kind: 'serviceLevel', value: 0.8, seconds: 20 },
      { kind: 'serviceLevel', value: 0.9, seconds: 15, formula: 'answered' },
      { kind: 'serviceLevel', value: 0.85, formula: 'excludeShortAbandons' },
      { kind: 'serviceLevel', value: 0.85, formula: 'countShortAbandons' },
      { kind: 'connectionRate', value: 0.95 },
      { kind: 'asa', seconds: 10 },
      { kind: 'abandonment', value: 0.03 },
    ];
    for (const patienceSeconds of [null, 120, 30]) {
      for (const callsPerHour of [15, 240, 1500]) {
        const base: Base = { callsPerHour, handleSeconds: 240, serviceLevelSeconds: 20, patienceSeconds };
        for (const target of targets) {
          expect(agentsNeeded(base, target)).toBe(bruteForce(base, target));
        }
        const target: StaffingTarget = { kind: 'connectionRate', value: 0.9 };
        expect(agentsNeeded(base, target, { maxOccupancy: 0.85 })).toBe(bruteForce(base, target, 0.85));
      }
    }
  });

  it('is monotone in the call volume and in the target', () => {
    for (const patienceSeconds of [null, 120]) {
      let previous = 0;
      for (let callsPerHour = 50; callsPerHour <= 6000; callsPerHour *= 1.5) {
        const n = agentsNeeded(
          { callsPerHour, handleSeconds: 300, serviceLevelSeconds: 20, patienceSeconds },
          { kind: 'serviceLevel', value: 0.8 },
        );
        expect(n).toBeGreaterThanOrEqual(previous);
        previous = n;
      }
      previous = 0;
      for (const value of [0.5, 0.7, 0.8, 0.9, 0.95, 0.99]) {
        const n = agentsNeeded(
          { callsPerHour: 1200, handleSeconds: 300, serviceLevelSeconds: 20, patienceSeconds },
          { kind: 'serviceLevel', value },
        );
        expect(n).toBeGreaterThanOrEqual(previous);
        previous = n;
      }
    }
  });

  it('staffs to a connection rate (接通率) when callers hang up', () => {
    const base: Base = { callsPerHour: 0.711 * 3600, handleSeconds: 300, serviceLevelSeconds: 20, patienceSeconds: 120 };
    const n = agentsNeeded(base, { kind: 'connectionRate', value: 0.99 });
    expect(queueMetrics({ ...base, agents: n }).connectionRate).toBeGreaterThanOrEqual(0.99);
    expect(queueMetrics({ ...base, agents: n - 1 }).connectionRate).toBeLessThan(0.99);
    // With abandonment a modest connection rate can be reached below the offered load.
    const low = agentsNeeded(base, { kind: 'connectionRate', value: 0.8 });
    expect(low).toBeLessThan(213.3);
    expect(queueMetrics({ ...base, agents: low }).connectionRate).toBeGreaterThanOrEqual(0.8);
  });

  it('respects maxOccupancy', () => {
    const base: Base = { callsPerHour: 1200, handleSeconds: 300, serviceLevelSeconds: 20 };
    const n = agentsNeeded(base, { kind: 'serviceLevel', value: 0.8 }, { maxOccupancy: 0.8 });
    expect(n).toBe(Math.ceil(100 / 0.8));
  });

  it('handles a 4,500-Erlang interval quickly', () => {
    const t0 = performance.now();
    const n = agentsNeeded(
      { callsPerHour: 4500 * 12, handleSeconds: 300, serviceLevelSeconds: 20, patienceSeconds: 120 },
      { kind: 'serviceLevel', value: 0.8 },
    );
    expect(performance.now() - t0).toBeLessThan(500);
    expect(n).toBeGreaterThan(3500);
    expect(n).toBeLessThan(4600);
  });

  it('returns 0 without calls and throws when the target is out of reach', () => {
    expect(agentsNeeded({ callsPerHour: 0, handleSeconds: 300, serviceLevelSeconds: 20 }, { kind: 'asa', seconds: 0 })).toBe(0);
    const base: Base = { callsPerHour: 100, handleSeconds: 300, serviceLevelSeconds: 20 };
    expect(() => agentsNeeded(base, { kind: 'asa', seconds: 0 }, { maxAgents: 15 })).toThrow(RangeError);
    expect(() => agentsNeeded(base, { kind: 'serviceLevel', value: 0.8 }, { maxAgents: 5 })).toThrow(RangeError);
    expect(agentsNeeded(base, { kind: 'serviceLevel', value: 0.8 }, { maxAgents: 12 })).toBe(12);
  });
});

describe('meetsTarget', () => {
  const m = queueMetrics({ callsPerHour: 200, handleSeconds: 180, agents: 14, serviceLevelSeconds: 20, patienceSeconds: 300 });

  it('reads the requested formula, defaulting to the headline one', () => {
    // offered 0.916792, answered 0.929794
    expect(meetsTarget(m, { kind: 'serviceLevel', value: 0.92 }, 20)).toBe(false);
    expect(meetsTarget(m, { kind: 'serviceLevel', value: 0.92, formula: 'answered' }, 20)).toBe(true);
    expect(meetsTarget(m, { kind: 'connectionRate', value: 0.98 }, 20)).toBe(true);
    expect(meetsTarget(m, { kind: 'abandonment', value: 0.01 }, 20)).toBe(false);
    expect(meetsTarget(m, { kind: 'asa', seconds: 4 }, 20)).toBe(true);
  });

  it('refuses to judge a service level at a threshold the metrics were not computed for', () => {
    expect(() => meetsTarget(m, { kind: 'serviceLevel', value: 0.8, seconds: 30 }, 20)).toThrow(RangeError);
    expect(meetsTarget(m, { kind: 'serviceLevel', value: 0.8, seconds: 20 }, 20)).toBe(true);
  });

  it('never accepts an unstable queue', () => {
    const unstable = queueMetrics({ callsPerHour: 200, handleSeconds: 180, agents: 10, serviceLevelSeconds: 20 });
    expect(meetsTarget(unstable, { kind: 'abandonment', value: 1 }, 20)).toBe(false);
  });
});
