import { describe, expect, it } from 'vitest';
import { erlangRequirement } from './requirement.ts';

describe('erlangRequirement', () => {
  it('reproduces the Erlang C scale table (80 % in 20 s, 5-min handle time; SOURCES.md)', () => {
    const rates = Float64Array.from([100, 200, 400, 800, 1600, 100, 0, 200]);
    const req = erlangRequirement(rates, 300, null, 20, { kind: 'serviceLevel', value: 0.8 });
    expect(req).toBeInstanceOf(Int32Array);
    expect([...req]).toEqual([12, 21, 39, 74, 142, 12, 0, 21]);
  });

  it('an occupancy cap raises the requirement where the queue alone would run agents hot', () => {
    const rates = [1600];
    const load = (1600 * 300) / 3600; // 133.3 Erlangs
    const capped = erlangRequirement(rates, 300, null, 20, { kind: 'serviceLevel', value: 0.8 }, { maxOccupancy: 0.85 });
    expect(capped[0]).toBe(Math.ceil(load / 0.85));
  });

  it('finite patience (Erlang A) needs no more agents than Erlang C; a floor applies at zero calls', () => {
    const rates = [0, 50, 400];
    const c = erlangRequirement(rates, 300, null, 20, { kind: 'serviceLevel', value: 0.8 }, { minAgents: 2 });
    const a = erlangRequirement(rates, 300, 120, 20, { kind: 'serviceLevel', value: 0.8 }, { minAgents: 2 });
    expect(c[0]).toBe(2);
    expect(a[0]).toBe(2);
    for (let i = 1; i < 3; i++) expect(a[i]).toBeLessThanOrEqual(c[i]);
  });

  it('a year of half-hour intervals with few distinct rates is fast (cache by rate)', () => {
    const rates = new Float64Array(17_520);
    for (let i = 0; i < rates.length; i++) rates[i] = [40, 120, 360, 900, 1500][i % 5];
    const t0 = performance.now();
    const req = erlangRequirement(rates, 240, 90, 20, { kind: 'connectionRate', value: 0.95 });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(req[0]).toBe(req[5]);
  });

  it('rejects negative or non-finite rates', () => {
    expect(() => erlangRequirement([-1], 300, null, 20, { kind: 'asa', seconds: 30 })).toThrow(RangeError);
    expect(() => erlangRequirement([NaN], 300, null, 20, { kind: 'asa', seconds: 30 })).toThrow(RangeError);
  });
});
