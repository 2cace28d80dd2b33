// Sweeps, shards, merges, charts and the worker pool through the real command.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../engine/report/format.ts';
import { minimumHeadcountForAgents } from '../engine/workforce/staffing.ts';

const BIN = new URL('./hotline-sim.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'hotline-sweep-'));
// A day at 2,000 calls an hour: each replication takes about ten milliseconds, so a sweep of
// 20 points (three chunks of points on one worker) lasts long enough to be killed half-way.
const SCENARIO = join(dir, 'line.yaml');
writeFileSync(
  SCENARIO,
  `name: Sweep test line 测试热线
horizon: { hours: 24 }
arrivals: { callsPerHour: 2000 }
talkTime: { distribution: lognormal, mean: 180, cv: 1 }
wrapUpTime: { distribution: deterministic, value: 20 }
patience: { distribution: exponential, mean: 90 }
agents: { headcount: 700, peoplePerSeat: 6 }
replications: 4
seed: 7
cost: {}
`,
);
const GRID = ['--vary', 'agents=100..195:5', '--vary', 'arrivals.scale=1'];
const POINTS = 20;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// One worker unless a test says otherwise: worker threads cost start-up time, and CI has 2 cores.
const sweep = (out: string, ...more: string[]) => cli('sweep', SCENARIO, ...GRID, '--out', out, '--quiet', ...(more.includes('--workers') ? more : [...more, '--workers', '1']));
const dataRows = (csv: string) => readFileSync(csv, 'utf8').split('\n').length - 2;

const SMALL = join(dir, 'small.yaml');
writeFileSync(SMALL, readFileSync(SCENARIO, 'utf8').replace('hours: 24', 'hours: 2').replace('2000', '600'));
const SMALL_GRID = join(dir, 'grid2');

beforeAll(() => {
  const r = cli('sweep', SMALL, '--vary', 'agents=30..40:5', '--vary', 'talkTime.mean=150,180', '--out', SMALL_GRID, '--quiet', '--workers', '1');
  expect(r.code, r.stderr).toBe(0);
});

describe('hotline-sim sweep', () => {
  const whole = join(dir, 'whole');
  let answer = '';
  beforeAll(() => {
    const r = sweep(whole, '--workers', '1');
    expect(r.code, r.stderr).toBe(0);
    answer = r.stdout;
  });

  it('writes one row per point in grid order, a BOM, KPIs with CIs and both budgets, and a short answer', () => {
    const csv = readFileSync(join(whole, 'sweep.csv'), 'utf8');
    expect(csv.startsWith('\ufeffpoint,agents,arrivals.scale,agents_on_seat_mean,headcount,replications,offered,')).toBe(true);
    const lines = csv.slice(1).trim().split('\n');
    expect(lines).toHaveLength(POINTS + 1);
    const header = lines[0].split(',');
    for (const c of ['connectionRate', 'connectionRate_ci95_low', 'connectionRate_ci95_high', 'outsourced_yuan_per_year', 'inhouse_yuan_per_year']) expect(header).toContain(c);
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
    expect(rows.map((r) => Number(r.point))).toEqual([...Array(POINTS).keys()]);
    expect(rows.map((r) => Number(r.agents))).toEqual(Array.from({ length: POINTS }, (_, i) => 100 + 5 * i));
    // Common random numbers: the same callers at every point, so the offered calls are identical.
    expect(new Set(rows.map((r) => r.offered)).size).toBe(1);
    // More agents, never a lower connection rate (same callers); head count from people per seat 6.
    const conn = rows.map((r) => Number(r.connectionRate));
    for (let i = 1; i < conn.length; i++) expect(conn[i]).toBeGreaterThanOrEqual(conn[i - 1]);
    // The fewest people whose phone staff / 6, rounded, puts that many on seat (the rule of budget).
    expect(rows.map((r) => Number(r.headcount))).toEqual(rows.map((r) => minimumHeadcountForAgents(Number(r.agents), 6)));
    expect(rows.map((r) => Math.round(Number(r.headcount) / 6))).toEqual(rows.map((r) => Number(r.agents)));
    expect(Number(rows[0].outsourced_yuan_per_year)).toBeGreaterThan(Number(rows[0].inhouse_yuan_per_year) * 0.5);
    expect(existsSync(join(whole, 'report.html'))).toBe(true);
    // The first screen is the answer: at most 20 lines of at most 100 columns (Chinese counts two).
    const screen = answer.trimEnd().split('\n');
    expect(screen.length).toBeLessThanOrEqual(20);
    for (const l of screen) expect(displayWidth(l), l).toBeLessThanOrEqual(100);
    expect(answer).toContain('connection 接通率');
    expect(answer).toContain('20 points × 4 replications, seed 7');
  });

  it('gives the identical CSV and report with 2 workers', () => {
    const two = join(dir, 'two');
    expect(sweep(two, '--workers', '2').code).toBe(0);
    expect(readFileSync(join(two, 'sweep.csv'), 'utf8')).toBe(readFileSync(join(whole, 'sweep.csv'), 'utf8'));
    expect(readFileSync(join(two, 'report.html'), 'utf8')).toBe(readFileSync(join(whole, 'report.html'), 'utf8'));
  });

  it('resumes a sweep killed half-way and ends with the bytes of the uninterrupted one', async () => {
    const out = join(dir, 'killed');
    const csv = join(out, 'sweep.csv');
    const child = spawn(process.execPath, [BIN, 'sweep', SCENARIO, ...GRID, '--out', out, '--quiet', '--workers', '1'], { stdio: 'ignore' });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
      child.on('exit', (_code, sig) => resolve(sig));
      const poll = setInterval(() => {
        if (existsSync(csv) && dataRows(csv) >= 1) {
          clearInterval(poll);
          child.kill('SIGKILL');
        }
      }, 5);
    });
    expect(signal).toBe('SIGKILL');
    const kept = dataRows(csv);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(POINTS);
    // Without --resume or --force the existing sweep is not touched.
    const refused = sweep(out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists: add --resume .* or --force/);
    expect(sweep(out, '--resume', '--workers', '2').code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe(readFileSync(join(whole, 'sweep.csv'), 'utf8'));
  });

  it('cuts a half-written last row on --resume and redoes only the missing points', () => {
    const out = join(dir, 'torn');
    cpSync(whole, out, { recursive: true });
    const csv = join(out, 'sweep.csv');
    const full = readFileSync(csv, 'utf8');
    // Cut in the middle of row 12 (as a kill during a write would).
    const cut = full.split('\n').slice(0, 13).join('\n').length + 30;
    truncateSync(csv, Buffer.byteLength(full.slice(0, cut)));
    expect(sweep(out, '--resume').code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe(full);
    // A different sweep in the same folder is refused, not mixed in.
    const other = cli('sweep', SCENARIO, '--vary', 'agents=100..110:5', '--out', out, '--quiet', '--resume', '--workers', '1');
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/another sweep/);
  });

  it('runs shards that merge into the CSV of the whole sweep; a missing shard is refused', () => {
    const out = join(dir, 'shards');
    const args = ['--vary', 'agents=30..40:5', '--vary', 'talkTime.mean=150,180', '--out', out, '--quiet', '--workers', '1'];
    for (const k of [1, 2, 3]) expect(cli('sweep', SMALL, ...args, '--shard', `${k}/3`).code).toBe(0);
    const shards = [1, 2, 3].map((k) => join(out, `sweep.shard-${k}-of-3.csv`));
    expect(shards.map(dataRows)).toEqual([2, 2, 2]);
    const partial = cli('merge', shards[0], shards[2], '--out', join(dir, 'partial'));
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(/2 of 6 points are missing \(first: point 1\)/);
    const merged = join(dir, 'merged');
    expect(cli('merge', ...shards, '--out', merged).code).toBe(0);
    for (const f of ['sweep.csv', 'sweep.json', 'report.html']) expect(readFileSync(join(merged, f), 'utf8'), f).toBe(readFileSync(join(SMALL_GRID, f), 'utf8'));
  });

  it('refuses a bad --vary before any work, naming the field (more cases in engine/experiment/studies/sweep.test.ts)', () => {
    const cases: [string, RegExp][] = [
      ['agnets=1..3', /^hotline-sim: --vary agnets: .*unknown field "agnets"/],
      ['agents=10..5:1', /^hotline-sim: --vary agents: empty range/],
    ];
    for (const [vary, message] of cases) {
      const out = join(dir, `bad-${vary.slice(0, 5)}`);
      const r = cli('sweep', SCENARIO, '--vary', vary, '--out', out);
      expect(r.code, vary).toBe(2);
      expect(r.stderr.trim().split('\n'), vary).toHaveLength(1);
      expect(r.stderr, vary).toMatch(message);
      expect(existsSync(out), vary).toBe(false);
    }
  });

  it('reads a sweep file (scenario and grid in YAML) and gives the same CSV as --vary', () => {
    writeFileSync(join(dir, 'grid.yaml'), 'scenario: small.yaml\nvary:\n  agents: 30..40:5\n  talkTime.mean: [150, 180]\n');
    const out = join(dir, 'fromfile');
    expect(cli('sweep', join(dir, 'grid.yaml'), '--out', out, '--quiet', '--workers', '2').code).toBe(0);
    expect(readFileSync(join(out, 'sweep.csv'), 'utf8')).toBe(readFileSync(join(dir, 'grid2', 'sweep.csv'), 'utf8'));
  });
});

describe('charts from a results file', () => {
  it('draws every kind as SVG and PNG (hotline-sim chart), and refuses a kind the sweep cannot draw', () => {
    const out = SMALL_GRID;
    const small = SMALL;
    const r = cli('chart', join(out, 'sweep.csv'), '--kind', 'connection', 'frontier', 'heatmap', '--out', join(dir, 'charts'));
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(join(dir, 'charts')).sort();
    expect(files).toEqual(['chart-budget-vs-connection', 'chart-connection-vs-headcount', 'chart-heatmap'].flatMap((c) => [`${c}.png`, `${c}.svg`]));
    for (const f of files.filter((f) => f.endsWith('.png'))) {
      const png = readFileSync(join(dir, 'charts', f));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThan(1000); // width: rendered at twice the SVG size
    }
    expect(readFileSync(join(dir, 'charts', 'chart-connection-vs-headcount.svg'), 'utf8')).toContain('接通率');
    const one = join(dir, 'one-field');
    expect(cli('sweep', small, '--vary', 'agents=30,40', '--out', one, '--quiet', '--workers', '1').code).toBe(0);
    const bad = cli('chart', join(one, 'sweep.csv'), '--kind', 'heatmap');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--kind heatmap: the sweep varies 1 field/);
  });

  it('run --charts writes a PNG beside each chart SVG, and chart --kind run redraws them from result.json', () => {
    const out = join(dir, 'run-charts');
    const r = cli('run', SMALL, '--out', out, '--charts', '--quiet', '--workers', '1');
    expect(r.code, r.stderr).toBe(0);
    const svgs = readdirSync(out).filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(0);
    for (const s of svgs) expect(statSync(join(out, s.replace(/svg$/, 'png'))).size).toBeGreaterThan(1000);
    // The same charts again from result.json, with hotline-sim chart --kind run.
    const again = join(dir, 'run-charts-again');
    expect(cli('chart', join(out, 'result.json'), '--kind', 'run', '--out', again).code).toBe(0);
    for (const s of svgs) {
      expect(readFileSync(join(again, s), 'utf8')).toBe(readFileSync(join(out, s), 'utf8'));
      expect(readFileSync(join(again, s.replace(/svg$/, 'png'))).equals(readFileSync(join(out, s.replace(/svg$/, 'png'))))).toBe(true);
    }
  });
});

describe('hotline-sim run on worker threads', () => {
  it('gives identical JSON with 1 and 2 workers', () => {
    const one = cli('run', SCENARIO, '--json', '--workers', '1');
    const two = cli('run', SCENARIO, '--json', '--workers', '2');
    expect(one.code, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(cli('run', SCENARIO, '--workers', '0').stderr).toMatch(/^hotline-sim: --workers must be a whole number, 1 or more \(got 0\)\n$/);
  });
});
