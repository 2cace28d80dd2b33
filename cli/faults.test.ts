// Issue 19's faults, one regression test each, through the real command where the fault was seen
// (cheap: small scenarios, one spawn per fault, the commands that fail refusing before any work).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolder, OutputExistsError, resultJson, writeResultFolder } from '../engine/index.ts';
import { readingNotes } from '../engine/experiment/studies/readingNotes.ts';
import { generateShiftCandidates } from '../engine/workforce/candidates.ts';
import { optimizeSchedule } from '../engine/workforce/schedule.ts';

const BIN = new URL('./hotline-sim.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'hotline-faults-'));

/** A small line: one day, so the roster mode (whole days) runs in a second or two. */
const BASE = `name: Small line
horizon: { hours: 24 }
arrivals: { callsPerHour: 120 }
talkTime: { distribution: exponential, mean: 180 }
patience: { distribution: exponential, mean: 90 }
agents: { headcount: 42, peoplePerSeat: 6 }
replications: 1
seed: 19
`;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Ran> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function file(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

function expectOneLine(r: Ran, pattern: RegExp) {
  expect(r.code, r.stdout + r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at |node:internal|Error:/);
}

describe('--out with a folder name longer than the file system allows (300 characters)', () => {
  it('every command with --out refuses it in one line naming --out, exit 2, before any work', async () => {
    const scenario = file('line.yaml', BASE);
    const long = join(dir, 'a'.repeat(300));
    const commands = [
      ['run', scenario],
      ['staff', scenario, '--target', 'connection=0.9'],
      ['budget', scenario],
      ['compare', scenario, scenario],
      ['sweep', scenario, '--vary', 'agents.headcount=30,36'],
      ['merge', join(dir, 'no-such.shard-1-of-2.csv')],
      ['chart', join(dir, 'no-such.csv')],
    ];
    const runs = await Promise.all(commands.map((c) => cli([...c, '--out', long])));
    runs.forEach((r, i) => {
      expect.soft(r.stderr, commands[i][0]).toMatch(/^hotline-sim: --out \S+: the folder name a+… is 300 bytes long; give one of at most \d+ bytes/);
      expectOneLine(r, /--out/);
    });
  });

  it('a name that fits alone but not with the temporary suffix is refused too; nothing is left behind', () => {
    const parent = join(dir, 'near-limit');
    mkdirSync(parent);
    expect(() => writeResultFolder(join(parent, 'b'.repeat(240)), { 'x.csv': '1\n' }, false)).toThrow(/is 240 bytes long; give one of at most 228 bytes/);
    expect(existsSync(join(parent, 'b'.repeat(240)))).toBe(false);
    // The longest accepted name is written whole.
    expect(writeResultFolder(join(parent, 'c'.repeat(228)), { 'x.csv': '1\n' }, false)).toHaveLength(1);
  });
});

describe('cost fields beyond their stated bound', () => {
  it('budget refuses bonus.monthsOfWage: 1e308 at input, naming the field and its bound', async () => {
    const scenario = file('bonus.yaml', `${BASE}cost:\n  bonus: { monthsOfWage: 1e308 }\n`);
    const r = await cli(['budget', scenario, '--no-simulate']);
    expectOneLine(r, /bonus\.yaml:\d+: cost\.bonus\.monthsOfWage: must be from 0 to 24 months of wage \(got 1e\+308\)$/);
  });
});

describe('the roster solver time limit', () => {
  it('scheduleOptimisation.timeLimitSeconds: 1e-9 is refused, naming its bound', async () => {
    const scenario = file('timelimit.yaml', `${BASE}scheduleOptimisation:\n  timeLimitSeconds: 1e-9\n`);
    const r = await cli(['staff', scenario, '--target', 'connection=0.9', '--mode', 'roster']);
    expectOneLine(r, /timelimit\.yaml:\d+: scheduleOptimisation\.timeLimitSeconds: must be from 1 to 3,600 seconds \(got 1e-9\)/);
  });

  it('a solve that finds no roster in time is reported as such: the greedy cover, no gap, a note, valid JSON', async () => {
    const requirement = Array.from({ length: 48 }, (_, i) => 3 + Math.round(4 * Math.sin((Math.PI * i) / 48)));
    const res = await optimizeSchedule({ requirement, candidates: generateShiftCandidates({ startEveryMinutes: 60 }), shrinkage: 0.3, solver: { timeLimitSeconds: 1e-9 } });
    // HiGHS hands back the greedy start it was given, or nothing (then the greedy cover stands). In its
    // 0.05 s a fast machine sometimes also finishes the root LP: then the gap is a real number. Never
    // Infinity (the fault: "infinite number at roster.solver.gap").
    expect(res.solverStatus).toMatch(/^(timeLimit|greedy cover \(HiGHS found no roster: timeLimit\))$/);
    expect(res.gapAchieved === null || Number.isFinite(res.gapAchieved)).toBe(true);
    expect(res.uncovered).toEqual([]); // the greedy cover still covers the requirement
    const notes = readingNotes({ solver: { status: res.solverStatus, gap: res.gapAchieved } });
    expect(notes.join('\n')).toMatch(
      res.gapAchieved === null
        ? /^the roster solver .*(no roster|no bound).*; allow more time \(scheduleOptimisation\.timeLimitSeconds\)$/
        : /^the roster solver stopped \(timeLimit\) at a \d+% gap: the cheapest roster may need that many fewer$/,
    );
    // A solve with no bound at all gives the no-bound note, whatever this machine's speed.
    expect(readingNotes({ solver: { status: 'timeLimit', gap: null } }).join('\n')).toMatch(/^the roster solver stopped \(timeLimit\) with no bound .*; allow more time \(scheduleOptimisation\.timeLimitSeconds\)$/);
    // The greedy-cover wording, for a solve where HiGHS returned nothing.
    expect(readingNotes({ solver: { status: 'greedy cover (HiGHS found no roster: timeLimit)', gap: null } }).join('\n')).toMatch(/found no better roster within its time limit \(greedy cover \(HiGHS found no roster: timeLimit\)\): this is the greedy cover of the requirement/);
    // The JSON leaves a gap that does not exist out (it held Infinity: "infinite number at roster.solver.gap").
    expect(JSON.parse(resultJson({ solver: { status: 'timeLimit', gap: null } }))).toEqual({ solver: { status: 'timeLimit' } });
    expect(() => JSON.parse(resultJson({ solver: { status: res.solverStatus, gap: res.gapAchieved } }))).not.toThrow();
  });
});

describe('shards of one sweep started at the same moment', () => {
  it('all create their shared output folder and finish; merge combines them', async () => {
    const scenario = file('shards.yaml', BASE.replace('hours: 24', 'hours: 2'));
    const out = join(dir, 'shards', 'deep', 'out');
    const n = 4;
    const shards = await Promise.all(
      Array.from({ length: n }, (_, k) => cli(['sweep', scenario, '--vary', 'agents.headcount=30,36,42,48', '--shard', `${k + 1}/${n}`, '--out', out, '--workers', '1', '--quiet'])),
    );
    for (const r of shards) expect(r.code, r.stderr).toBe(0);
    const merged = await cli(['merge', ...Array.from({ length: n }, (_, k) => join(out, `sweep.shard-${k + 1}-of-${n}.csv`)), '--out', join(dir, 'merged')]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(readFileSync(join(dir, 'merged', 'sweep.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 4);
  });

  it('a folder made by another process between the check and the creation is no error (the race itself)', () => {
    const made = join(dir, 'made-meanwhile');
    mkdirSync(made);
    expect(() => makeFolder(made)).not.toThrow();
    const aFile = file('a-file', 'x');
    expect(() => makeFolder(aFile)).toThrow(OutputExistsError);
  });
});

describe('staff stdout', () => {
  it('the same scenario and seed print the same bytes, --detail included; the solver time goes to stderr', async () => {
    const scenario = file('staff.yaml', BASE);
    const args = ['staff', scenario, '--target', 'connection=0.9', '--mode', 'roster', '--requirement-replications', '2', '--workers', '1', '--detail'];
    const [a, b] = [await cli(args), await cli(args)];
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(a.stdout).toMatch(/Roster \(cheapest cover of the requirement; solver: /);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stderr).toMatch(/^roster solver: \d+\.\d s in HiGHS/m);
  });
});
