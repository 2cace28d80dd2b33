// Coverage of the fitted 95% intervals on a demand-profile scenario (the fast version of
// bench/coverage.ts): a "true" share of the payroll on the phones gives the published connection
// rate (300 replications, a seed of its own); calibration under 12 other seeds, with 5 replications
// each, must bracket the true share in about 95% of its intervals. Agents on seat are whole numbers
// per interval, so the rate is a staircase in the share: there, intervals from the local slope under
// common random numbers covered 3 of these 12 (2 in 10 on nanning-2020.yaml, issue #18).
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse.ts';
import { calibrate } from './calibrate.ts';
import { runScenario } from '../studies/run.ts';
import { coverageScenario } from './coverageScenario.ts';

describe('calibration intervals cover (demand profile: a staircase in the fitted share)', () => {
  it('bracket the true share in at least 10 of 12 fits (95% nominal), none degenerate', () => {
    const truth = 0.4;
    const published = runScenario(parseScenario(coverageScenario(truth, 999, 300))).totals.connectionRate.mean;
    const fits = Array.from({ length: 12 }, (_, k) =>
      calibrate(coverageScenario(0.5, k + 1, 5), 'coverage.yaml', { fields: ['payroll.phoneShare'], observed: [{ metric: 'connectionRate', value: published }], sensitivity: [] })
        .fitted['payroll.phoneShare'],
    );
    const covered = fits.filter((f) => f.ciLow <= truth && truth <= f.ciHigh).length;
    // Tolerance: with a true coverage of 95%, 9 or fewer of 12 happens with probability 2%.
    expect(covered).toBeGreaterThanOrEqual(10);
    const values = fits.map((f) => f.value);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
    for (const f of fits) {
      expect(f.ciLow).toBeLessThanOrEqual(f.value);
      expect(f.ciHigh).toBeGreaterThanOrEqual(f.value);
      // A 95% interval spans about four standard deviations of the fits across seeds; the
      // slope-of-a-step intervals were a few hundredths of one.
      expect(f.ciHigh - f.ciLow).toBeGreaterThan(sd);
    }
  }, 120_000);
});
