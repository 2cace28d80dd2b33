// Parameter recovery: a "real world" simulated with a known value gives the published figure;
// calibration from another seed and another starting value must find the value within its
// reported 95% interval.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse.ts';
import { calibrate } from './calibrate.ts';
import { calibratedYaml } from './calibratedYaml.ts';
import { CalibrationError } from './solve.ts';
import { runScenario } from '../studies/run.ts';

const scenario = (wrap: number, patience: number, seed: number) => `
name: recovery
horizon: { days: 3 }
arrivals: { callsPerHour: 300 }
talkTime: { distribution: lognormal, mean: 180, cv: 1 }
wrapUpTime: { distribution: gamma, mean: ${wrap}, cv: 0.5 }   # a comment to keep
patience: { distribution: exponential, mean: ${patience} }
agents: 22
seed: ${seed}
replications: 10
`;

const observe = (text: string, metric: string) => runScenario(parseScenario(text)).totals[metric].mean;

describe('calibrate', () => {
  it('recovers a wrap-up mean from a connection rate', () => {
    const truth = 60;
    const observed = observe(scenario(truth, 120, 1), 'connectionRate');
    const r = calibrate(scenario(20, 120, 2), 'x.yaml', { fields: ['wrapUpTime.mean'], observed: [{ metric: 'connectionRate', value: observed }], sensitivity: [] });
    const f = r.fitted['wrapUpTime.mean'];
    expect(f.before).toBe(20);
    expect(f.ciLow).toBeLessThanOrEqual(truth);
    expect(f.ciHigh).toBeGreaterThanOrEqual(truth);
    expect(f.ciHigh - f.ciLow).toBeLessThan(20); // informative: narrower than ±10 s
    expect(Math.abs(r.simulated.connectionRate.mean - observed)).toBeLessThan(2e-3);
  });

  it('recovers a mean patience and a wrap-up mean together from connection rate and ASA', () => {
    const truth = { wrap: 40, patience: 150 };
    const world = scenario(truth.wrap, truth.patience, 7);
    const observed = [
      { metric: 'connectionRate', value: observe(world, 'connectionRate') },
      { metric: 'asa', value: observe(world, 'asa') },
    ];
    const r = calibrate(scenario(80, 60, 8), 'x.yaml', { fields: ['patience.mean', 'wrapUpTime.mean'], observed, sensitivity: [], ranges: { 'patience.mean': [20, 1200], 'wrapUpTime.mean': [1, 300] } });
    const p = r.fitted['patience.mean'];
    const w = r.fitted['wrapUpTime.mean'];
    expect(p.ciLow).toBeLessThanOrEqual(truth.patience);
    expect(p.ciHigh).toBeGreaterThanOrEqual(truth.patience);
    expect(w.ciLow).toBeLessThanOrEqual(truth.wrap);
    expect(w.ciHigh).toBeGreaterThanOrEqual(truth.wrap);
    expect(r.notReproduced).toEqual([]);
    expect(r.patienceShortcut!.seconds).toBeGreaterThan(0);
  });

  it('says which bound was hit when the figure is out of reach', () => {
    expect(() =>
      calibrate(scenario(20, 120, 2), 'x.yaml', { fields: ['wrapUpTime.mean'], observed: [{ metric: 'connectionRate', value: 0.9999999 }], sensitivity: [], ranges: { 'wrapUpTime.mean': [1, 100] } }),
    ).toThrow(/out of reach .*the lower bound 1 comes nearest/);
    expect(() => calibrate(scenario(20, 120, 2), 'x.yaml', { fields: ['wrapUpTime.mean'], observed: [], sensitivity: [] })).toThrow(CalibrationError);
  });

  it('writes the calibrated scenario with the value in place and marked CALIBRATED', () => {
    const text = scenario(20, 120, 2).replace('horizon: { days: 3 }', 'horizon: { days: 1 }');
    const r = calibrate(text, 'x.yaml', { fields: ['wrapUpTime.mean'], observed: [{ metric: 'connectionRate', value: 0.93 }], sensitivity: [{ field: 'patience.mean', values: [60] }] });
    const out = calibratedYaml(text, r, 'connection=0.93');
    expect(out).toMatch(/# CALIBRATED: wrapUpTime\.mean = [\d.]+ \(95% CI/);
    expect(out).toContain('# a comment to keep');
    expect(parseScenario(out).wrapUpTime).toMatchObject({ distribution: 'gamma', mean: Number(r.fitted['wrapUpTime.mean'].value.toPrecision(6)) });
    expect(r.sensitivity).toHaveLength(1);
    // a refit replaces the field's CALIBRATED line where it stands, not a second one beside it
    const again = calibratedYaml(out, r, 'connection=0.93');
    expect(again.match(/# CALIBRATED: wrapUpTime\.mean = /g)).toHaveLength(1);
    expect(again.indexOf('# CALIBRATED: wrapUpTime.mean')).toBe(out.indexOf('# CALIBRATED: wrapUpTime.mean'));
  });
});
