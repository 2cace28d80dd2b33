// One screen: each command's first screen fits ~20 lines of 100 columns (Chinese characters count
// two) on the shipped scenarios. (Split from cli/oneAnswer.test.ts so vitest runs the two side by side.)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../engine/index.ts';

const BIN = new URL('./hotline-sim.js', import.meta.url).pathname;
const SCENARIOS = new URL('../scenarios/', import.meta.url).pathname;
const HAIKOU = join(SCENARIOS, 'haikou-2024.yaml');
const LIAOCHENG = join(SCENARIOS, 'liaocheng-2024.yaml');
const FAST = ['--horizon', '3d', '--replications', '3', '--quiet'];
const MAX_LINES = 20;
const MAX_WIDTH = 100;

/** Spawns the command with one worker thread, as cli/oneAnswer.test.ts does (and why). */
function cli(...args: string[]) {
  const workers = args[0] === 'erlang' || args.includes('--workers') ? [] : ['--workers', '1'];
  const r = spawnSync(process.execPath, [BIN, ...args, ...workers], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectOneScreen(stdout: string, what: string) {
  const lines = stdout.replace(/\n$/, '').split('\n');
  expect(lines.length, `${what}: ${lines.length} lines\n${stdout}`).toBeLessThanOrEqual(MAX_LINES);
  for (const l of lines) expect(displayWidth(l), `${what}: too wide:\n${l}`).toBeLessThanOrEqual(MAX_WIDTH);
}

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
