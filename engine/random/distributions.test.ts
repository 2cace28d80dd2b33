import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { makeFiller, makePairFiller, makeSampler, type DurationDistribution } from './distributions.ts';
import { aleaStream } from './streams.ts';

// Sample moments of 400,000 draws against the distribution's mean and cv.
// Tolerances are ~5 standard errors of the estimates at this sample size.
function moments(d: DurationDistribution, seed: string, n = 400_000) {
  const draw = makeSampler(d, seedrandom.alea(seed));
  let s = 0;
  let s2 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = s / n;
  return { mean, cv: Math.sqrt(s2 / n - mean * mean) / mean, min, max };
}

describe('duration distributions', () => {
  it('exponential (ziggurat) has the right mean and cv, and P(X > mean) = e^-1', () => {
    const m = moments({ distribution: 'exponential', mean: 300 }, 'exp');
    expect(m.mean).toBeGreaterThan(300 * (1 - 5 / Math.sqrt(400_000)));
    expect(m.mean).toBeLessThan(300 * (1 + 5 / Math.sqrt(400_000)));
    expect(m.cv).toBeCloseTo(1, 2);
    expect(m.min).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(m.max)).toBe(true);
    const draw = makeSampler({ distribution: 'exponential', mean: 1 }, seedrandom.alea('tail'));
    let above1 = 0;
    let above5 = 0;
    const n = 1_000_000;
    for (let i = 0; i < n; i++) {
      const x = draw();
      if (x > 1) above1++;
      if (x > 5) above5++;
    }
    expect(Math.abs(above1 / n - Math.exp(-1))).toBeLessThan(0.003);
    expect(Math.abs(above5 / n - Math.exp(-5))).toBeLessThan(0.0005);
  });

  it.each([
    [{ distribution: 'lognormal', mean: 240, cv: 1 } as const],
    [{ distribution: 'gamma', mean: 240, cv: 0.5 } as const],
    [{ distribution: 'gamma', mean: 120, cv: 2 } as const],
  ])('%o has the right mean and cv', (d) => {
    const m = moments(d, JSON.stringify(d));
    expect(Math.abs(m.mean / d.mean - 1)).toBeLessThan(0.015);
    expect(Math.abs(m.cv / d.cv - 1)).toBeLessThan(0.05);
    expect(m.min).toBeGreaterThanOrEqual(0);
  });

  it('deterministic is constant and empirical resamples the observations', () => {
    expect(moments({ distribution: 'deterministic', value: 30 }, 'd', 10).mean).toBe(30);
    const draw = makeSampler({ distribution: 'empirical', file: 'x.csv', values: [60, 120, 600] }, seedrandom.alea('e'));
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(draw());
    expect([...seen].sort((a, b) => a - b)).toEqual([60, 120, 600]);
  });

  it('block fillers give exactly the sampler\'s numbers, in order, alone or in pairs', () => {
    const kinds: DurationDistribution[] = [
      { distribution: 'exponential', mean: 300 },
      { distribution: 'lognormal', mean: 240, cv: 1 },
      { distribution: 'deterministic', value: 30 },
    ];
    for (const d of kinds) {
      // 5 blocks of 4096: about 400 draws take the ziggurat's rare path.
      const fill = makeFiller(d, aleaStream(`fill-${d.distribution}`));
      const reference = makeSampler(d, aleaStream(`fill-${d.distribution}`));
      const block = new Float64Array(4096);
      for (let k = 0; k < 5; k++) {
        fill(block);
        for (let i = 0; i < block.length; i++) if (block[i] !== reference()) expect.fail(`${d.distribution}: draw ${k * 4096 + i} differs`);
      }
      const pair = makePairFiller(d, aleaStream('pair-a'), { distribution: 'exponential', mean: 120 }, aleaStream('pair-b'));
      const refA = makeSampler(d, aleaStream('pair-a'));
      const refB = makeSampler({ distribution: 'exponential', mean: 120 }, aleaStream('pair-b'));
      const a = new Float64Array(4096);
      const b = new Float64Array(4096);
      for (let k = 0; k < 5; k++) {
        pair(a, b);
        for (let i = 0; i < a.length; i++) if (a[i] !== refA() || b[i] !== refB()) expect.fail(`${d.distribution}: pair ${k * 4096 + i} differs`);
      }
    }
  });
});
