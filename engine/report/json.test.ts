import { describe, expect, it } from 'vitest';
import { infiniteNumbers, jsonNulls, NonFiniteResultError, resultJson } from './json.ts';

describe('result JSON', () => {
  it('leaves out what does not apply or cannot be estimated, and keeps every finite number', () => {
    const value = {
      a: { mean: 0.9, ciLow: null, ciHigh: null },
      b: { mean: NaN, ciLow: null, ciHigh: null },
      c: { mean: 1, ciLow: 0.5, ciHigh: 1.5 },
      target: null,
      byReplication: { connectionRate: [0.9, NaN], asa: [10, 20] },
      zero: 0,
    };
    const text = resultJson(value);
    expect(JSON.parse(text)).toEqual({ a: { mean: 0.9 }, c: { mean: 1, ciLow: 0.5, ciHigh: 1.5 }, byReplication: { asa: [10, 20] }, zero: 0 });
    expect(jsonNulls(text)).toEqual([]);
  });

  it('refuses an infinite number, naming where it is', () => {
    const value = { totals: { agentHours: { mean: Infinity, ciLow: null, ciHigh: null } } };
    expect(infiniteNumbers(value)).toEqual(['totals.agentHours.mean']);
    expect(() => resultJson(value)).toThrow(NonFiniteResultError);
    expect(() => resultJson(value)).toThrow(/totals\.agentHours\.mean/);
  });
});
