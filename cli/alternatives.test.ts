// calibrate --alternatives and budget/staff --sensitivity end to end on a tiny line (1 day, 3
// replications): the first screen fits 20 lines of 100 columns and ends with the range and the
// settling figure; --out holds the tornado as CSV, SVG and PNG.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../engine/index.ts';

const BIN = new URL('./hotline-sim.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'hotline-alternatives-test-'));
const file = join(dir, 'tiny.yaml');
writeFileSync(
  file,
  `name: tiny line
startDate: 2024-03-04
horizon: { days: 1 }
arrivals: { callsPerHour: 90 }
talkTime: { distribution: lognormal, mean: 150, cv: 1 }
# PLAUSIBLE wrapUpTime.mean 20..200 s, central 60: a test range
wrapUpTime: { distribution: gamma, mean: 60, cv: 0.5 }
# PLAUSIBLE patience.mean 30..600 s: another
patience: { distribution: exponential, mean: 120 }
# PLAUSIBLE agents.peoplePerSeat 4..8, central 6: people per seat
# SETTLED BY: the tiny line's head count
agents: { headcount: 40, peoplePerSeat: 6 }
seed: 5
replications: 3
`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--workers', '1', '--quiet'], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function oneScreen(stdout: string) {
  const lines = stdout.replace(/\n$/, '').split('\n');
  expect(lines.length, stdout).toBeLessThanOrEqual(20);
  for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(100);
}

describe('alternatives and sensitivity on the command line', () => {
  it('calibrate --alternatives: one row per PLAUSIBLE unknown, the range and what would settle it', () => {
    const r = cli('calibrate', file, '--observed', 'connection=0.93', '--alternatives');
    expect(r.code, r.stderr).toBe(0);
    oneScreen(r.stdout);
    for (const label of ['after-call time', 'patience', 'people per seat']) expect(r.stdout).toContain(label);
    expect(r.stdout).toMatch(/Would settle it: the tiny line's head count/);
    expect(r.stdout).toMatch(/Over (the|one)|No explanation/);
  }, 120_000);

  it('budget --sensitivity: each assumption at both ends, largest first; CSV, SVG and PNG in --out', () => {
    const out = join(dir, 'tornado');
    const r = cli('budget', file, '--sensitivity', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    oneScreen(r.stdout);
    const csv = readFileSync(join(out, 'sensitivity.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('assumption,field,unit,end,value,headcount,agents_on_seat,outsourced_yuan_per_year,inhouse_yuan_per_year');
    expect(csv).toHaveLength(1 + 1 + 2 * 3);
    expect(existsSync(join(out, 'chart-tornado.svg'))).toBe(true);
    expect(readFileSync(join(out, 'chart-tornado.png')).subarray(1, 4).toString()).toBe('PNG');
    // Largest effect first: the screen's rows follow the CSV's order of assumptions.
    const base = Number(csv[1].split(',').at(-4));
    const effects = [2, 4, 6].map((i) => Math.max(Math.abs(Number(csv[i].split(',').at(-4)) - base), Math.abs(Number(csv[i + 1].split(',').at(-4)) - base)));
    expect(effects).toEqual([...effects].sort((a, b) => b - a));
  }, 120_000);

  it("calibrate FILE --alternatives fits the file's published figures; --out writes them whole; an uncalibrated file says so", () => {
    const calibrated = join(dir, 'published.yaml');
    writeFileSync(calibrated, readFileSync(file, 'utf8') + 'published:\n  - { figure: connectionRate, value: 0.93, period: "2024", use: fit, fits: wrapUpTime.mean, source: Test }\n');
    const out = join(dir, 'alternatives-out');
    const r = cli('calibrate', calibrated, '--alternatives', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    oneScreen(r.stdout);
    expect(r.stdout).toContain('Connection rate 接通率 93.00%');
    const csv = readFileSync(join(out, 'alternatives.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^explanation,field,unit,fitted,ci_low,ci_high,plausible_low,plausible_high,inside_plausible,/);
    expect(csv).toHaveLength(1 + 3);
    expect(readFileSync(join(out, 'report.txt'), 'utf8')).toBe(r.stdout);
    // written whole; not replaced without --force (checked before any fit)
    const again = cli('calibrate', calibrated, '--alternatives', '--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/--force/);
    // the same figure given on the command line gives the same screen
    expect(cli('calibrate', calibrated, '--alternatives', '--observed', 'connection=0.93').stdout).toBe(r.stdout);
    const none = cli('calibrate', file, '--alternatives');
    expect(none.code).toBe(2);
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
    expect(none.stderr).toMatch(/is not calibrated: it states no published figure to fit/);
  }, 120_000);

  it('calibrate --alternatives: the same JSON for --workers 1 and 2 (candidates in concurrent processes)', () => {
    const calibrated = join(dir, 'published-workers.yaml');
    writeFileSync(calibrated, readFileSync(file, 'utf8') + 'published:\n  - { figure: connectionRate, value: 0.93, period: "2024", use: fit, fits: wrapUpTime.mean, source: Test }\n');
    const run = (workers: string, ...more: string[]) => {
      const r = spawnSync(process.execPath, [BIN, 'calibrate', calibrated, '--alternatives', '--workers', workers, '--quiet', ...more], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    // the JSON holds every number the screen and the CSV are made from
    expect(run('2', '--json')).toBe(run('1', '--json'));
  }, 180_000);
});
