// hotline-sim budget / compare as a user runs them: a few spawns; the engine tests cover the numbers.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('./hotline-sim.js', import.meta.url).pathname;
const SCENARIOS = new URL('../scenarios/', import.meta.url).pathname;
const LIAOCHENG = join(SCENARIOS, 'liaocheng-2024.yaml');
const HAIKOU = join(SCENARIOS, 'haikou-2024.yaml');
const dir = mkdtempSync(join(tmpdir(), 'hotline-budget-cli-'));
const FAST = ['--horizon', '2d', '--replications', '2', '--quiet'];

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectOneLineError(r: ReturnType<typeof cli>, pattern: RegExp) {
  expect(r.code, r.stdout + r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines.length, r.stderr).toBe(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('hotline-sim budget', () => {
  it('Haikou: the citizen’s 129e6 / 3 years / 7,000 and the full cost, side by side, simulated', () => {
    const r = cli('budget', HAIKOU, '--budget', '129e6', '--years', '3', '--naive-wage', '7000', ...FAST, '--detail');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('/ 7,000 yuan (the given wage) = 511.9 → 511 operators (512 to the nearest)');
    expect(r.stdout).toContain('→ 515');
    expect(r.stdout).toMatch(/Full cost: outsourced head count (\d+) .*; in-house head count (\d+) /);
    const [, out, inh] = /Full cost: outsourced head count (\d+) .*; in-house head count (\d+) /.exec(r.stdout)!;
    expect(Number(out)).toBeLessThan(511);
    expect(Number(inh)).toBeLessThan(511);
    expect(r.stdout).toContain('2. If 7,000 was meant all-in: the real all-in cost is 126,780,000 / 36 months / 300 people = 11,739 a person-month');
    expect(r.stdout).toMatch(/Full cost, outsourced\s+\d+\s+\d+(\.\d)?\s+\d+\.\d\d% \(/); // on seat: an average, following demand
    expect(r.stdout).toMatch(/Reported \(the scenario\)\s+300\s+50(\.0)?\s+\d+\.\d\d% \(/);
    expect(r.stdout).toContain('接通率');
    expect(r.stdout).toContain('服务水平');
  });

  it('--json for machines, --out for CSVs (never overwritten without --force)', () => {
    const out = join(dir, 'liaocheng');
    const r = cli('budget', LIAOCHENG, '--json', '--out', out, ...FAST);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.at.headcount).toBe(237);
    expect(j.at.budgets.outsourced.budget.lines.length).toBe(39);
    expect(j.at.kpis.connectionRate).toHaveProperty('ciLow');
    expect(readFileSync(join(out, 'budget-lines.csv'), 'utf8')).toContain('Pension insurance,养老保险,socialInsurance,contract,');
    expect(readFileSync(join(out, 'budget-summary.csv'), 'utf8').split('\n')[0]).toBe('\ufeffcase,headcount,model,measure,value,ci95_low,ci95_high');
    expectOneLineError(cli('budget', LIAOCHENG, '--out', out, ...FAST), /already holds .*; use --force/);
  });

  it('bad flags: one line, exit code 2', () => {
    expectOneLineError(cli('budget', LIAOCHENG, '--budget', 'lots'), /--budget "lots": give an amount of yuan/);
    expectOneLineError(cli('budget', LIAOCHENG, '--target', 'speed=3'), /--target "speed=3": unknown KPI/);
    expectOneLineError(cli('budget', LIAOCHENG, '--contract-kpi', 'connection=0.95', '--risk', '1.5'), /--risk must be a probability between 0 and 1/);
    expectOneLineError(cli('budget', LIAOCHENG, '--naive-wage', '7000'), /--naive-wage needs --budget/);
    expectOneLineError(cli('budget', join(dir, 'nope.yaml')), /nope\.yaml: file not found/);
  });
});

describe('hotline-sim compare', () => {
  it('prints both scenarios side by side', () => {
    const r = cli('compare', LIAOCHENG, HAIKOU, ...FAST, '--detail');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('A: Liaocheng');
    expect(r.stdout).toContain('B: Haikou');
    expect(r.stdout).toMatch(/Connection rate\s+接通率\s+\d+\.\d\d% .*\s+\d+\.\d\d% .*\s+[+−]\d+\.\d\d pts/);
    expect(r.stdout).toMatch(/Outsourced 外包: total per year, all-in\s+年度总成本\s+[\d,]+\s+[\d,]+\s+[+−][\d,]+/);
  });

  it('bad use: one line, exit code 2', () => {
    expectOneLineError(cli('compare', LIAOCHENG), /give two scenarios to compare/);
  });
});
