// One question, one answer, one screen: the same head-count question gives the same number in
// staff, budget --target and the notebook helper; each command's first screen fits ~20 lines
// of 100 columns (Chinese characters count two) on the shipped scenarios.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetStudy, compareStudy, displayWidth, headcountForTarget } from '../engine/index.ts';

const BIN = new URL('./hotline-sim.js', import.meta.url).pathname;
const SCENARIOS = new URL('../scenarios/', import.meta.url).pathname;
const HAIKOU = join(SCENARIOS, 'haikou-2024.yaml');
const LIAOCHENG = join(SCENARIOS, 'liaocheng-2024.yaml');
const FAST = ['--horizon', '3d', '--replications', '3', '--quiet'];
const FAST_OVERRIDES = { horizonHours: 72, replications: 3 };
const MAX_LINES = 20;
const MAX_WIDTH = 100;

/**
 * One worker thread: these runs are small (3 days or less), so two threads only add their start-up
 * (~0.2 s of CPU each) while vitest runs two files side by side; the output is the same for any
 * number of workers (guarded in cli/sweep.test.ts and engine/experiment/pool.test.ts).
 */
const ONE_WORKER = ['--workers', '1'];

function cli(...args: string[]) {
  const workers = args[0] === 'erlang' || args.includes('--workers') ? [] : ONE_WORKER;
  const r = spawnSync(process.execPath, [BIN, ...args, ...workers], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectOneScreen(stdout: string, what: string) {
  const lines = stdout.replace(/\n$/, '').split('\n');
  expect(lines.length, `${what}: ${lines.length} lines\n${stdout}`).toBeLessThanOrEqual(MAX_LINES);
  for (const l of lines) expect(displayWidth(l), `${what}: too wide:\n${l}`).toBeLessThanOrEqual(MAX_WIDTH);
}

describe('one question, one answer', () => {
  it('staff, budget --target and the notebook helper give the same head count (profile mode, month)', async () => {
    const target = 'connection=0.95';
    const helper = await headcountForTarget(HAIKOU, { target: { kind: 'connectionRate', value: 0.95 }, period: 'month', mode: 'profile', overrides: FAST_OVERRIDES });
    const staff = cli('staff', HAIKOU, '--target', target, '--per', 'month', '--mode', 'profile', '--json', ...FAST);
    expect(staff.code, staff.stderr).toBe(0);
    const sj = JSON.parse(staff.stdout);
    const budget = cli('budget', HAIKOU, '--target', target, '--per', 'month', '--json', ...FAST);
    expect(budget.code, budget.stderr).toBe(0);
    const bj = JSON.parse(budget.stdout);
    expect(sj.answers[0].mode).toBe('profile');
    expect(sj.answers[0].headcount).toBe(helper.headcount);
    expect(bj.target.result.headcount).toBe(helper.headcount);
    expect(bj.target.result.period).toBe('month');
    // The engine's budget study with the same question, too.
    const study = budgetStudy({ file: HAIKOU, overrides: FAST_OVERRIDES, target: { kind: 'connectionRate', value: 0.95 }, period: 'month' });
    expect(study.target!.result.headcount).toBe(helper.headcount);
    // and compare --target, with its price equal to budget --target's
    const cmp = compareStudy({ files: [HAIKOU, LIAOCHENG], overrides: FAST_OVERRIDES, target: { kind: 'connectionRate', value: 0.95 }, period: 'month' });
    if (cmp.kind !== 'scenarios') throw new Error('expected scenarios');
    expect(cmp.targets!.a.result.headcount).toBe(helper.headcount);
    expect(cmp.targets!.a.budgets.outsourced.budget.total).toBe(study.target!.budgets.outsourced.budget.total);
  });

  it('roster mode: staff and budget --target --roster give the same head count', () => {
    const args = ['--target', 'connection=0.95', '--horizon', '1d', '--replications', '2', '--quiet', '--json'];
    const staff = JSON.parse(cli('staff', HAIKOU, '--mode', 'roster', ...args).stdout);
    const budget = JSON.parse(cli('budget', HAIKOU, '--roster', ...args).stdout);
    expect(staff.answers[0].mode).toBe('roster');
    expect(budget.target.result.mode).toBe('roster');
    expect(budget.target.result.headcount).toBe(staff.answers[0].headcount);
  });

  it('a shorter period needs at least as many people: interval ≥ day ≥ month ≥ horizon', async () => {
    const ask = (period: 'interval' | 'day' | 'month' | 'horizon') =>
      headcountForTarget(LIAOCHENG, { target: { kind: 'connectionRate', value: 0.95 }, period, mode: 'profile', overrides: { horizonHours: 48, replications: 3 } });
    const [i, d, m, h] = await Promise.all([ask('interval'), ask('day'), ask('month'), ask('horizon')]);
    expect(i.headcount).toBeGreaterThanOrEqual(d.headcount);
    expect(d.headcount).toBeGreaterThanOrEqual(m.headcount);
    expect(m.headcount).toBeGreaterThanOrEqual(h.headcount);
    expect(i.headcount).toBeGreaterThan(h.headcount);
  });

  it("Haikou's price is the same in budget and compare (and the engine's studies), over the scenario's 3-year term", () => {
    const b = JSON.parse(cli('budget', HAIKOU, '--json', ...FAST).stdout);
    const c = JSON.parse(cli('compare', HAIKOU, LIAOCHENG, '--json', ...FAST).stdout);
    expect(b.years).toBe(3);
    expect(c.a.term.years).toBe(3);
    expect(c.a.budgets.outsourced.budget.total).toBe(b.at.budgets.outsourced.budget.total);
    const study = budgetStudy({ file: HAIKOU, overrides: FAST_OVERRIDES });
    const cmp = compareStudy({ files: [HAIKOU], models: true, overrides: FAST_OVERRIDES });
    if (cmp.kind !== 'models') throw new Error('expected models');
    expect(study.at.budgets.outsourced.budget.total).toBe(b.at.budgets.outsourced.budget.total);
    expect(cmp.scenario.budgets.outsourced.budget.total).toBe(b.at.budgets.outsourced.budget.total);
  });
});

describe('the first screen of each command', () => {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));
  it.each(files)('run and budget on %s', (f) => {
    const file = join(SCENARIOS, f);
    const run = cli('run', file, ...FAST);
    expect(run.code, run.stderr).toBe(0);
    expectOneScreen(run.stdout, `run ${f}`);
    expect(run.stdout).toMatch(/Connection rate\s+接通率/);
    // Changzhou publishes no head count: its agents on seat need people per seat to be priced.
    const pps = f.startsWith('changzhou') ? ['--people-per-seat', '5'] : [];
    const budget = cli('budget', file, ...FAST, ...pps);
    expect(budget.code, budget.stderr).toBe(0);
    expectOneScreen(budget.stdout, `budget ${f}`);
    expect(budget.stdout).toMatch(/^All-in per year\s+年度总成本/m);
    expect(budget.stdout).toMatch(/^Whole term, \d+ years?\s+合同期总额/m);
    expect(budget.stdout).toMatch(/^Contract term: /m);
  });

  it('budget --target, --budget and --contract-kpi; compare; compare --models; staff; erlang', () => {
    const outputs: [string, string[]][] = [
      ['budget --target', ['budget', HAIKOU, '--target', 'connection=0.95', ...FAST]],
      ['budget --budget', ['budget', HAIKOU, '--budget', '129e6', '--naive-wage', '7000', ...FAST]],
      ['budget --contract-kpi', ['budget', LIAOCHENG, '--contract-kpi', 'connection=0.95', ...FAST]],
      ['compare', ['compare', HAIKOU, LIAOCHENG, ...FAST]],
      ['compare --target', ['compare', HAIKOU, LIAOCHENG, '--target', 'connection=0.95', ...FAST]],
      ['compare --models', ['compare', HAIKOU, '--models', ...FAST]],
      // The layout of the first screen, not the roster's numbers: 4 requirement replications a round, not 20.
      ['staff', ['staff', HAIKOU, '--target', 'connection=0.95', '--horizon', '1d', '--replications', '2', '--requirement-replications', '4', '--quiet']],
      ['erlang', ['erlang', '--calls-per-hour', '200', '--talk', '180', '--patience', '300', '--agents', '10..16']],
    ];
    for (const [what, args] of outputs) {
      const r = cli(...args);
      expect(r.code, `${what}: ${r.stderr}`).toBe(0);
      expectOneScreen(r.stdout, what);
    }
  });
});
