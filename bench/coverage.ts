// Coverage of calibration's 95% intervals (the full version of
// engine/experiment/calibrate/coverage.test.ts): a "true" value gives the published figure (many
// replications, a seed of its own); calibration under independent seeds must bracket the true value
// in about 95% of its intervals.
//  1. nanning-2020.yaml with 0.40 of the payroll on the phones (the case of issue #18: 2 of 10 covered
//     before), its connection rate from 160 replications, the share fitted back with seeds 1..20.
//  2. a small demand-profile line (a coarser staircase), the share fitted back with seeds 1..40.
import { readFileSync } from 'node:fs';
import { calibrate, parseScenario, runScenario } from '../engine/index.ts';
import { coverageScenario } from '../engine/experiment/calibrate/coverageScenario.ts';

function experiment(name: string, truthText: string, fitText: (seed: number) => string, seeds: number, truth: number) {
  const t0 = performance.now();
  const published = runScenario(parseScenario(truthText)).totals.connectionRate.mean;
  let covered = 0;
  const widths: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const f = calibrate(fitText(seed), name, { fields: ['payroll.phoneShare'], observed: [{ metric: 'connectionRate', value: published }], sensitivity: [] }).fitted['payroll.phoneShare'];
    if (f.ciLow <= truth && truth <= f.ciHigh) covered++;
    widths.push(f.ciHigh - f.ciLow);
    process.stderr.write(`\r${name}: ${seed}/${seeds}`);
  }
  process.stderr.write('\n');
  widths.sort((a, b) => a - b);
  return { name, seeds, covered, coverage: covered / seeds, published, medianWidth: widths[Math.floor(widths.length / 2)], minWidth: widths[0], maxWidth: widths[widths.length - 1], seconds: (performance.now() - t0) / 1000 };
}

const nanning = readFileSync(new URL('../scenarios/nanning-2020.yaml', import.meta.url), 'utf8').replace(/phoneShare: [0-9.]+/, 'phoneShare: 0.40');
const results = [
  experiment('nanning-2020 at 0.40', nanning.replace(/^seed: \d+/m, 'seed: 777').replace(/^replications: \d+/m, 'replications: 160'), (s) => nanning.replace(/^seed: \d+/m, `seed: ${s}`).replace('phoneShare: 0.40', 'phoneShare: 0.5'), 20, 0.4),
  experiment('demand-profile line, 2 days', coverageScenario(0.4, 999, 400, 2), (s) => coverageScenario(0.5, s, 5, 2), 40, 0.4),
];
process.stdout.write(JSON.stringify({ name: 'coverage', results }) + '\n');
