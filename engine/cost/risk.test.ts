import { describe, expect, it } from 'vitest';
import { contractRisk, wilsonInterval } from './risk.ts';

describe('contractRisk', () => {
  const pass = Array.from({ length: 12 }, () => 0.97);
  const failOnce = [...pass.slice(0, 11), 0.94];

  it('counts replications in which every month meets the KPI', () => {
    const samples = [...Array.from({ length: 8 }, () => pass), failOnce, failOnce];
    const r = contractRisk(samples, 0.96);
    expect(r.successes).toBe(8);
    expect(r.replications).toBe(10);
    expect(r.probabilityAllMonthsMeet).toBe(0.8);
    expect(r.probabilityAnyMonthFails).toBeCloseTo(0.2, 12);
    expect(r.monthlyPassRate[0]).toBe(1);
    expect(r.monthlyPassRate[11]).toBeCloseTo(0.8, 12);
    // Wilson 95 % for 8/10: 0.490–0.943
    expect(r.wilson95.lower).toBeCloseTo(0.4902, 4);
    expect(r.wilson95.upper).toBeCloseTo(0.9433, 4);
  });

  it('a month exactly at the threshold passes', () => {
    expect(contractRisk([Array.from({ length: 12 }, () => 0.96)], 0.96).successes).toBe(1);
  });

  it("supports 'atMost' KPIs such as the call-loss rate", () => {
    const r = contractRisk([[0.02, 0.03], [0.02, 0.06]], 0.05, { direction: 'atMost' });
    expect(r.successes).toBe(1);
  });

  it('Wilson interval stays inside [0, 1] at the extremes', () => {
    const zero = wilsonInterval(0, 20);
    expect(zero.lower).toBe(0);
    expect(zero.upper).toBeCloseTo(0.1611, 4);
    const all = wilsonInterval(20, 20);
    expect(all.upper).toBe(1);
    expect(all.lower).toBeCloseTo(0.8389, 4);
  });

  it('rejects ragged or empty input', () => {
    expect(() => contractRisk([], 0.9)).toThrow(RangeError);
    expect(() => contractRisk([[0.9, 0.9], [0.9]], 0.9)).toThrow(RangeError);
  });
});
