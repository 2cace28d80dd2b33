// The command as a user runs it: exit codes, one-line errors, files, determinism.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('./hotline-sim.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'hotline-cli-'));
const SCENARIO = join(dir, 'small.yaml');
writeFileSync(
  SCENARIO,
  `name: Small test line
horizon: { hours: 8 }
arrivals: { callsPerHour: 120 }
talkTime: { distribution: lognormal, mean: 180, cv: 1 }
wrapUpTime: { distribution: deterministic, value: 20 }
patience: { distribution: exponential, mean: 90 }
agents: 7
replications: 5
seed: 7
`,
);

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectOneLineError(r: ReturnType<typeof cli>, pattern: RegExp) {
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines.length, r.stderr).toBe(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('hotline-sim run', () => {
  it('prints the report table with English and Chinese KPI names', () => {
    const r = cli('run', SCENARIO);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Connection rate\s+接通率\s+\d+\.\d+%\s+\d+\.\d+% – \d+\.\d+%/);
    expect(r.stdout).toContain('呼损率');
    expect(r.stdout).toContain('服务水平');
  });

  it('--json gives one object with totals as mean and CI, and is byte-identical for the same seed', () => {
    const a = cli('run', SCENARIO, '--json', '--intervals');
    const b = cli('run', SCENARIO, '--json', '--intervals');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const j = JSON.parse(a.stdout);
    expect(j).toMatchObject({ scenario: 'Small test line', seed: 7, replications: 5 });
    for (const k of ['offered', 'answered', 'abandoned', 'connectionRate', 'abandonmentRate', 'serviceLevel', 'asa', 'occupancy']) {
      expect(Object.keys(j.totals[k])).toEqual(['mean', 'ciLow', 'ciHigh']);
    }
    expect(j.totals.offered.mean).toBeCloseTo(j.totals.answered.mean + j.totals.abandoned.mean, 6);
    expect(j.intervals).toHaveLength(16);
    const other = JSON.parse(cli('run', SCENARIO, '--json', '--intervals', '--seed', '8').stdout);
    expect(other.totals.offered.mean).not.toBe(j.totals.offered.mean);
    // Without --intervals the object leaves the per-interval rows out (a year is megabytes of them).
    const short = JSON.parse(cli('run', SCENARIO, '--json').stdout);
    expect(short.intervals).toBeUndefined();
    expect(short.totals).toEqual(j.totals);
  });

  it('--scale and --start-date: the commonest what-ifs, named in the title', () => {
    const base = JSON.parse(cli('run', SCENARIO, '--json').stdout);
    const more = JSON.parse(cli('run', SCENARIO, '--json', '--scale', '1.5', '--start-date', '2024-07-15').stdout);
    expect(more.horizon.start).toBe('2024-07-15');
    expect(more.scenario).toBe('Small test line — what-if: arrivals × 1.5, from 2024-07-15');
    // 5 replications of 8 h at 120 calls/h: 960 ± 2√(960/5) calls a replication; × 1.5 well inside 10%
    expect(more.totals.offered.mean / base.totals.offered.mean).toBeGreaterThan(1.35);
    expect(more.totals.offered.mean / base.totals.offered.mean).toBeLessThan(1.65);
    expectOneLineError(cli('run', SCENARIO, '--start-date', '15/07/2024'), /--start-date must be a date YYYY-MM-DD/);
    expectOneLineError(cli('run', SCENARIO, '--scale', '-1'), /--scale must be 0 or more/);
  });

  it('flags override the scenario for what-ifs', () => {
    const j = JSON.parse(cli('run', SCENARIO, '--json', '--intervals', '--agents', '12', '--replications', '3', '--horizon', '4h').stdout);
    expect(j.replications).toBe(3);
    expect(j.intervals).toHaveLength(8);
    expect(j.intervals[0].agents).toBe(12);
  });

  it('--out writes CSV files atomically and never overwrites without --force', () => {
    const out = join(dir, 'out');
    expect(cli('run', SCENARIO, '--out', out, '--quiet').code).toBe(0);
    const totals = readFileSync(join(out, 'totals.csv'), 'utf8');
    expect(totals.split('\n')[0]).toBe('\ufeffmetric,name,name_zh,unit,mean,ci95_low,ci95_high');
    expect(totals).toContain('connectionRate,Connection rate,接通率,ratio,');
    expect(readFileSync(join(out, 'intervals.csv'), 'utf8').trim().split('\n')).toHaveLength(17);
    expectOneLineError(cli('run', SCENARIO, '--out', out), /already holds .*; use --force/);
    expect(readFileSync(join(out, 'totals.csv'), 'utf8')).toBe(totals);
    expect(cli('run', SCENARIO, '--out', out, '--force', '--quiet').code).toBe(0);
    expect(existsSync(join(out, `totals.csv.tmp-${process.pid}`))).toBe(false);
  });
});

describe('bad input: one line naming the file and field, exit code 2', () => {
  const bad = (name: string, text: string) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  const base = readFileSync(SCENARIO, 'utf8');

  it('a missing file', () => expectOneLineError(cli('run', join(dir, 'nope.yaml')), /nope\.yaml: file not found/));
  it('an unknown field', () => expectOneLineError(cli('run', bad('u.yaml', base + 'shrinkag: 0.3\n')), /u\.yaml:10: shrinkag: unknown field/));
  it('a negative rate', () =>
    expectOneLineError(cli('run', bad('n.yaml', base.replace('callsPerHour: 120', 'callsPerHour: -1'))), /n\.yaml:3: arrivals\.callsPerHour: .*negative/));
  it('an overloaded queue with no abandonment', () =>
    expectOneLineError(
      cli('run', bad('o.yaml', base.replace('patience: { distribution: exponential, mean: 90 }\n', '').replace('callsPerHour: 120', 'callsPerHour: 200'))),
      /o\.yaml:\d+: patience: .*grows without bound/,
    ));
  it('bad flags', () => expectOneLineError(cli('run', SCENARIO, '--agents', '-3'), /--agents must be/));
});

describe('hotline-sim erlang', () => {
  it('several targets at once (all must hold) and the payroll head count for a shrinkage', () => {
    const base = ['erlang', '--calls-per-hour', '200', '--talk', '180', '--patience', '300', '--json'];
    const one = (t: string) => JSON.parse(cli(...base, '--target', t).stdout).agentsNeeded as number;
    const both = JSON.parse(cli(...base, '--target', 'connection=0.95', '--target', 'sl=0.8@20', '--shrinkage', '0.3').stdout);
    expect(both.agentsNeeded).toBe(Math.max(one('connection=0.95'), one('sl=0.8@20')));
    // 24 h × 7 days / 40 paid hours / (1 − 0.3) = 6 people per agent on seat
    expect(both.payroll.peoplePerSeat).toBeCloseTo(6, 12);
    expect(both.payroll.headcount).toEqual([both.agentsNeeded * 6]);
    const text = cli('erlang', '--calls-per-hour', '200', '--talk', '180', '--patience', '300', '--target', 'connection=0.95', '--target', 'sl=0.8@20').stdout;
    expect(text.replace(/\n\s*/g, ' ')).toContain('connection rate 接通率 ≥ 95.0% and service level 服务水平 ≥ 80.0% within 20 s');
  });

  it('finds the agents for a target and prints the KPIs', () => {
    const r = cli('erlang', '--calls-per-hour', '200', '--talk', '180', '--sl-seconds', '20', '--target', 'sl=0.8@20');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/needed for service level .*: 14/);
  });
});

describe('hotline-sim calibrate', () => {
  it('fits a field to a published figure and prints it with its interval; --json and --write', () => {
    const out = join(dir, 'calibrated.yaml');
    const r = cli('calibrate', SCENARIO, '--observed', 'connection=0.8', '--fit', 'wrapUpTime.value', '--range', 'wrapUpTime.value=0..300', '--no-sensitivity', '--json', '--write', out);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    const f = j.fitted['wrapUpTime.value'];
    expect(f.ciLow).toBeLessThanOrEqual(f.value);
    expect(f.ciHigh).toBeGreaterThanOrEqual(f.value);
    expect(Math.abs(j.simulated.connectionRate.mean - 0.8)).toBeLessThan(0.01);
    expect(readFileSync(out, 'utf8')).toMatch(/# CALIBRATED: wrapUpTime\.value = /);
    const again = cli('calibrate', SCENARIO, '--observed', 'connection=0.93', '--fit', 'wrapUpTime.value', '--write', out);
    expectOneLineError(again, /exists; add --force/);
  });

  it('a figure out of reach is one line naming the bound, exit 2', () => {
    const r = cli('calibrate', SCENARIO, '--observed', 'connection=0.2', '--fit', 'patience.mean', '--range', 'patience.mean=30..600', '--no-sensitivity');
    expectOneLineError(r, /out of reach by patience\.mean in 30\.\.600.*the lower bound 30 comes nearest/);
    expectOneLineError(cli('calibrate', SCENARIO, '--observed', 'connection=0.9', '--fit', 'talkTime.mean', '--fit', 'patience.mean'), /one --fit per --observed/);
    expectOneLineError(cli('calibrate', SCENARIO, '--observed', 'connection', '--fit', 'talkTime.mean'), /write it like connection=0.9007/);
  });
});
