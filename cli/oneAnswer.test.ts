// One question, one answer: the same head-count question gives the same number in staff,
// budget --target and the notebook helper. (One screen: cli/firstScreen.test.ts, a file of its own
// so that vitest runs the two side by side.)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetStudy, compareStudy, headcountForTarget } from '../engine/index.ts';

const BIN = new URL('./hotline-sim.js', import.meta.url).pathname;
const SCENARIOS = new URL('../scenarios/', import.meta.url).pathname;
const HAIKOU = join(SCENARIOS, 'haikou-2024.yaml');
const LIAOCHENG = join(SCENARIOS, 'liaocheng-2024.yaml');
// One day: the checks are that every command gives the same figure for the same question (each
// search runs five times over), not the figure itself.
const FAST = ['--horizon', '1d', '--replications', '3', '--quiet'];
const FAST_OVERRIDES = { horizonHours: 24, replications: 3 };

/**
 * One worker thread: these runs are small (3 days or less), so two threads only add their start-up
 * (~0.2 s of CPU each) while vitest runs two files side by side; the output is the same for any
 * number of workers (guarded in cli/sweep.test.ts and engine/experiment/pool/pool.test.ts).
 */
const ONE_WORKER = ['--workers', '1'];

function cli(...args: string[]) {
  const workers = args[0] === 'erlang' || args.includes('--workers') ? [] : ONE_WORKER;
  const r = spawnSync(process.execPath, [BIN, ...args, ...workers], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
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
    // Haikou at a tenth of its calls (--scale 0.1): the same question through the same code, for a
    // quarter of the CPU (the roster requirement simulates every round at full volume: 10.8 → 2.7 s a command).
    const args = ['--target', 'connection=0.95', '--horizon', '1d', '--replications', '2', '--scale', '0.1', '--quiet', '--json'];
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
