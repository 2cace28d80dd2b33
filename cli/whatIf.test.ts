// What-if overrides: overriding a field with the value the file already has reproduces the
// file's own result byte for byte, on every route (loadScenario, run, budget, compare, staff's
// search, calibrate, a one-point sweep, the CLI); and an override keeps the staffing form.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  budgetStudy,
  calibrate,
  compareStudy,
  headcountForTarget,
  loadScenario,
  parseScenarioYaml,
  parseVary,
  planSweep,
  resultJson,
  runScenario,
  sweepChunks,
  type ScenarioOverrides,
} from '../engine/index.ts';

const BIN = new URL('./hotline-sim.js', import.meta.url).pathname;
const DIR = new URL('../scenarios/', import.meta.url).pathname;
const SCENARIOS = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).map((f) => join(DIR, f));
const LIAOCHENG = join(DIR, 'liaocheng-2024.yaml');
/** Short runs: one day, two replications (the invariant is exact, not statistical). */
const SHORT: ScenarioOverrides = { horizonHours: 24, replications: 2 };

/** The overrides that restate what the file already says. */
function ownValues(file: string): ScenarioOverrides {
  const raw = parseScenarioYaml(readFileSync(file, 'utf8'), file).raw as Record<string, unknown>;
  const own: ScenarioOverrides = { scale: 1, seed: raw.seed as number | string | undefined };
  if (typeof raw.startDate === 'string' || raw.startDate instanceof Date) own.startDate = raw.startDate instanceof Date ? raw.startDate.toISOString().slice(0, 10) : raw.startDate;
  const a = raw.agents;
  if (typeof a === 'number') own.agents = a;
  else if (a && typeof a === 'object' && !Array.isArray(a)) {
    const h = a as { headcount: number; peoplePerSeat: number; profile?: 'flat' | 'demand' };
    Object.assign(own, { headcount: h.headcount, peoplePerSeat: h.peoplePerSeat, profile: h.profile ?? 'flat' });
  }
  return own;
}

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('an override with the file’s own value changes nothing', () => {
  for (const file of SCENARIOS) {
    const name = file.slice(DIR.length);
    it(`${name}: loadScenario, run, budget and compare`, () => {
      const own = { ...SHORT, ...ownValues(file) };
      // each override alone, then all together
      const variants: ScenarioOverrides[] = [
        ...Object.entries(ownValues(file)).map(([k, v]) => ({ ...SHORT, [k]: v })),
        own,
        // people per seat alone keeps the file's head count
        ...(own.peoplePerSeat !== undefined ? [{ ...SHORT, peoplePerSeat: own.peoplePerSeat }] : []),
      ];
      const base = loadScenario(file, SHORT);
      for (const v of variants) expect(loadScenario(file, v), JSON.stringify(v)).toStrictEqual(base);
      expect(resultJson(runScenario(loadScenario(file, own)))).toBe(resultJson(runScenario(base)));
      const noSim = { simulate: false } as const;
      expect(resultJson(budgetStudy({ file, overrides: own, ...noSim }))).toBe(resultJson(budgetStudy({ file, overrides: SHORT, ...noSim })));
      expect(resultJson(compareStudy({ files: [file], models: true, overrides: own, ...noSim }))).toBe(
        resultJson(compareStudy({ files: [file], models: true, overrides: SHORT, ...noSim })),
      );
    });
  }

  it('liaocheng: simulated budget, staff’s search, calibrate and a one-point sweep', async () => {
    const own = { ...SHORT, ...ownValues(LIAOCHENG) };
    expect(resultJson(budgetStudy({ file: LIAOCHENG, overrides: own }))).toBe(resultJson(budgetStudy({ file: LIAOCHENG, overrides: SHORT })));
    const q = { target: { kind: 'connectionRate', value: 0.9 } as const, period: 'horizon' as const, mode: 'profile' as const };
    const searched = await headcountForTarget(LIAOCHENG, { ...q, overrides: own });
    expect(resultJson(searched)).toBe(resultJson(await headcountForTarget(LIAOCHENG, { ...q, overrides: SHORT })));
    const text = readFileSync(LIAOCHENG, 'utf8');
    const fit = (overrides: ScenarioOverrides) =>
      calibrate(text, LIAOCHENG, { fields: ['patience.mean'], observed: [{ metric: 'connectionRate', value: 0.95 }], overrides, sensitivity: [] });
    const fitted = fit(own);
    expect(resultJson(fitted)).toBe(resultJson(fit(SHORT)));
    // A one-point sweep at the file's head count simulates the file's own scenario.
    const plan = planSweep(LIAOCHENG, [parseVary(`agents.headcount=${own.headcount}`)], SHORT);
    const [rows] = [...sweepChunks(plan, plan.points, 1)];
    const run = runScenario(loadScenario(LIAOCHENG, SHORT));
    const at = (col: string) => rows[0][plan.columns.indexOf(col)];
    expect(at('headcount')).toBe(own.headcount);
    expect(at('connectionRate')).toBe(run.totals.connectionRate.mean);
    expect(at('agents_on_seat_mean')).toBe(run.staffing.meanOnSeat);
  });

  it('the CLI: run --headcount 237 prints what run prints; budget --headcount likewise', () => {
    const args = ['--horizon', '1d', '--replications', '2', '--quiet'];
    const plain = cli('run', LIAOCHENG, ...args);
    expect(plain.code, plain.stderr).toBe(0);
    expect(cli('run', LIAOCHENG, '--headcount', '237', '--profile', 'demand', '--scale', '1', ...args).stdout).toBe(plain.stdout);
    const budget = cli('budget', LIAOCHENG, '--no-simulate', '--quiet');
    expect(budget.code, budget.stderr).toBe(0);
    expect(cli('budget', LIAOCHENG, '--no-simulate', '--quiet', '--headcount', '237', '--people-per-seat', '6').stdout).toBe(budget.stdout);
  });
});

describe('an override keeps the staffing form, or says which it changed', () => {
  it('a head count keeps the profile and minOnSeat; people per seat alone acts; --profile changes the form', () => {
    const demand = loadScenario(LIAOCHENG, { ...SHORT, headcount: 300 });
    expect({ profile: demand.staffing.profile, minOnSeat: demand.staffing.minOnSeat }).toEqual({ profile: 'demand', minOnSeat: 2 });
    expect(demand.name).toMatch(/300 people on the payroll, 6 per seat, on seat following demand/);
    const pps = loadScenario(LIAOCHENG, { ...SHORT, peoplePerSeat: 4 });
    expect(pps.headcount).toBe(237);
    // 208 of the 237 take calls: 208 / 4 = 52 on seat on average (the demand profile keeps the mean within rounding)
    const mean = pps.agents.reduce((a, b) => a + b, 0) / pps.agents.length;
    expect(Math.abs(mean - 52)).toBeLessThan(1);
    const flat = loadScenario(LIAOCHENG, { ...SHORT, headcount: 237, profile: 'flat' });
    expect(new Set(flat.agents)).toEqual(new Set([35]));
    expect(flat.name).toMatch(/the same on seat around the clock \(flat\)/);
    expect(loadScenario(LIAOCHENG, { ...SHORT, agents: 30 }).name).toMatch(/30 agents on seat around the clock \(flat\)/);
  });

  it('--scale multiplies every arrival stream: calls, online requests and daily outbound tasks', () => {
    const base = loadScenario(LIAOCHENG, SHORT);
    const half = loadScenario(LIAOCHENG, { ...SHORT, scale: 0.5 });
    const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);
    expect(sum(half.callsPerHour)).toBeCloseTo(sum(base.callsPerHour) / 2, 6);
    expect(base.online).toBeTruthy();
    expect(sum(half.online!.requestsPerHour)).toBeCloseTo(sum(base.online!.requestsPerHour) / 2, 6);
    expect(half.name).toMatch(/arrivals × 0.5/);
  });
});
