// Issue 12's defects, one regression test each, through the real command: every bad or extreme
// input gets one line naming its field (exit 2) or a correct result, quickly; nothing hangs.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('./hotline-sim.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'hotline-hardening-'));
/** Every case must answer within this (a hang fails the test instead of stalling CI). */
const QUICK_MS = 60_000;
/** The two legitimately big runs (175,200 and 527,040 intervals; about 6 s alone), on a busy 2-core machine. */
const BIG_MS = 100_000;

const BASE = `name: Small
horizon: { hours: 8 }
arrivals: { callsPerHour: 120 }
talkTime: { distribution: exponential, mean: 180 }
patience: { distribution: exponential, mean: 90 }
agents: 7
replications: 2
`;

interface Ran {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function cli(args: string[], options: { shell?: string; uid?: number; wrap?: string[]; timeoutMs?: number } = {}): Promise<Ran> {
  const started = Date.now();
  const env = { ...process.env, FORCE_COLOR: '0' };
  return new Promise((done) => {
    const child = options.shell
      ? spawn('sh', ['-c', options.shell], { env })
      : options.wrap
        ? spawn(options.wrap[0], [...options.wrap.slice(1), process.execPath, BIN, ...args], { env })
        : spawn(process.execPath, [BIN, ...args], { env, uid: options.uid });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? QUICK_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

function file(name: string, text: string | Buffer): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

/** The base scenario with one line replaced (or lines added). */
function variant(name: string, from: string, to: string): string {
  if (!BASE.includes(from)) throw new Error(`no "${from}" in the base scenario`);
  return file(name, BASE.replace(from, to));
}

function expectOneLine(r: Ran, pattern: RegExp) {
  expect(r.signal, `killed after ${r.ms} ms (a hang?)`).toBeNull();
  expect(r.code, r.stdout + r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at |node:internal|Error:/);
}

function expectRun(r: Ran) {
  expect(r.signal, `killed after ${r.ms} ms (a hang?)`).toBeNull();
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/Connection rate\s+接通率/);
}

/**
 * How to run the command without root's right to write anywhere: as user nobody when nobody can
 * reach this checkout and the scenario, else (a checkout in a private folder, e.g. `mktemp -d`) as
 * root without the capabilities that override file permissions (setpriv), else not at all.
 */
function unprivilegedRun(scenarioFile: string): { uid: number } | { wrap: string[] } | undefined {
  const probe = (cmd: string, args: string[], uid?: number) => spawnSync(cmd, args, { uid, stdio: 'ignore', timeout: QUICK_MS }).status === 0;
  const nobodyReads = probe(process.execPath, ['-e', 'require("node:fs").accessSync(process.argv[1])', scenarioFile], 65534);
  if (nobodyReads && probe(process.execPath, [BIN, '--version'], 65534)) return { uid: 65534 };
  const drop = '-dac_override,-dac_read_search';
  const wrap = ['setpriv', `--inh-caps=${drop}`, `--bounding-set=${drop}`, '--'];
  // setpriv present and allowed to drop them, and the command still starts without them.
  if (probe(wrap[0], [...wrap.slice(1), process.execPath, BIN, '--version'])) return { wrap };
  return undefined;
}

const BOMB = `name: bomb
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
`;

describe.concurrent('YAML that used to escape with a stack trace', () => {
  const bomb = file('bomb.yaml', BOMB);
  for (const command of [['run'], ['staff', '--target', 'connection=0.9'], ['budget'], ['compare']]) {
    it(`an alias bomb ("billion laughs"), ${command[0]}`, async () => {
      const args = command[0] === 'compare' ? ['compare', bomb, bomb] : [command[0], bomb, ...command.slice(1)];
      expectOneLine(await cli(args), /bomb\.yaml: not valid YAML: aliases .* at most 100 alias uses/);
    });
  }
  it('an alias used 2^20 times', async () => {
    const f = file('wide.yaml', `name: x\na: &a 1\nb: [${new Array(1 << 20).fill('*a').join(',')}]\n`);
    expectOneLine(await cli(['run', f]), /wide\.yaml: .*(aliases|lines and commas)/);
  });
  it('an alias to an undefined anchor', async () =>
    expectOneLine(await cli(['run', variant('undef.yaml', 'agents: 7', 'agents: *nope')]), /undef\.yaml: not valid YAML: .*nope/));
  it('a key given twice', async () =>
    expectOneLine(await cli(['run', variant('dup.yaml', 'agents: 7', 'agents: 7\nagents: 9')]), /dup\.yaml:7: not valid YAML: the key "agents" is given twice/));
  it('100,000 unknown keys answer quickly', async () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: 1`).join('\n');
    const r = await cli(['run', file('keys.yaml', `${BASE}${keys}\n`)]);
    expectOneLine(r, /keys\.yaml:8: k0: unknown field "k0"/);
  });
  it('a 2-million-entry sources list is refused before parsing', async () => {
    const r = await cli(['run', file('sources.yaml', `${BASE}sources:\n${'- x\n'.repeat(2_000_000)}`)]);
    expectOneLine(r, /sources\.yaml: the file has 2,000,\d+ lines and commas; the limit .* is 700,000/);
    expect(r.ms).toBeLessThan(20_000);
  });
  it('a 50 MB scenario is refused with its size', async () => {
    const r = await cli(['run', file('huge.yaml', `${BASE}description: "${'x'.repeat(50 * 1024 * 1024)}"\n`)]);
    expectOneLine(r, /huge\.yaml: the file is 50 MB; the limit for a scenario is 10 MB/);
  });
});

describe.concurrent('work beyond the limits is refused before it starts, naming the field, the limit and the time', () => {
  const cases: [string, string, string, RegExp][] = [
    ['cph12', 'callsPerHour: 120', 'callsPerHour: 1e12', /arrivals\.callsPerHour: up to 1\.0e12 calls\/h .* about .* of computing .*the limit is 1\.0e10 calls a run/],
    ['cph308', 'callsPerHour: 120', 'callsPerHour: 1e308', /arrivals\.callsPerHour: .*the limit is 1\.0e10 calls a run/],
    ['annual', 'callsPerHour: 120', 'annualCalls: 1e15', /arrivals\.annualCalls: .*the limit is 1\.0e10 calls a run/],
    ['scale', 'callsPerHour: 120', 'callsPerHour: 120, scale: 1e308', /arrivals\.callsPerHour: .*the limit is 1\.0e10 calls a run/],
    ['gammacv', '{ distribution: exponential, mean: 180 }', '{ distribution: gamma, mean: 180, cv: 1e-300 }', /talkTime\.cv: cv must be at least 0\.001/],
    ['logcv', '{ distribution: exponential, mean: 180 }', '{ distribution: lognormal, mean: 180, cv: 1e308 }', /talkTime\.cv: cv must be at most 100/],
    ['tinymean', '{ distribution: exponential, mean: 180 }', '{ distribution: exponential, mean: 1e-300 }', /talkTime\.mean: .*between 0\.001 and 1e6 seconds/],
    ['hugemean', '{ distribution: exponential, mean: 180 }', '{ distribution: exponential, mean: 1e308 }', /talkTime\.mean: .*between 0\.001 and 1e6 seconds/],
    ['agents', 'agents: 7', 'agents: 1000000000', /agents: at most 100,000 agents on seat/],
    ['pps', 'agents: 7', 'agents: { headcount: 100, peoplePerSeat: 1e-300 }', /agents\.peoplePerSeat: .*at least 0\.1/],
    ['days', 'horizon: { hours: 8 }', 'horizon: { days: 1e308 }', /horizon\.days: at most 3660 days/],
    ['minutes', 'horizon: { hours: 8 }', 'horizon: { days: 3660 }\nintervalMinutes: 5', /horizon: 1,054,080 intervals of 5 minutes; the limit is 600,000/],
    [
      'outbound',
      'agents: 7',
      'agents: 7\noutbound:\n  daily: { tasks: 1000000000000000, deadline: 3600 }\n  talkTime: { distribution: exponential, mean: 120 }',
      /outbound\.daily\.tasks: 6\.0e15 outbound attempts at worst .*the limit is 1\.0e10 calls a run/,
    ],
    [
      'online',
      'agents: 7',
      'agents: 7\nonline:\n  arrivals: { callsPerHour: 1e12 }\n  handleTime: { distribution: exponential, mean: 120 }',
      /online\.arrivals: 1\.6e13 online requests .*the limit is 1\.0e10 calls a run/,
    ],
    ['month', 'agents: 7', 'agents: 7\nstartDate: "2024-13-45"', /startDate: startDate is not a calendar date/],
    ['feb30', 'agents: 7', 'agents: 7\nstartDate: "2024-02-30"', /startDate: startDate is not a calendar date/],
  ];
  for (const [name, from, to, pattern] of cases) {
    it(`${name}: ${to.split('\n').pop()}`, async () => {
      const r = await cli(['run', variant(`${name}.yaml`, from, to)]);
      expectOneLine(r, new RegExp(`${name}\\.yaml:\\d+: ${pattern.source}`));
      expect(r.ms).toBeLessThan(20_000);
    });
  }
  it('staff with scheduleOptimisation.minOnSeat: 1e9', async () =>
    expectOneLine(
      await cli(['staff', variant('minonseat.yaml', 'agents: 7', 'agents: 7\nscheduleOptimisation: { minOnSeat: 1e9 }'), '--target', 'connection=0.9']),
      /minonseat\.yaml:\d+: scheduleOptimisation\.minOnSeat: .*100000/,
    ));
});

describe.concurrent('extreme but valid inputs give a correct result, quickly', () => {
  it('a ten-year horizon (175,200 intervals)', async () => {
    const r = await cli(['run', variant('tenyears.yaml', 'horizon: { hours: 8 }', 'horizon: { days: 3650 }'), '--quiet', '--replications', '1'], { timeoutMs: BIG_MS });
    expectRun(r);
    expect(r.stdout).toContain('3650 days from 2024-01-01, 30-min intervals');
    expect(r.stdout).toContain('Staffing: 7 agents on seat');
  });
  it('a year at intervalMinutes: 1 (527,040 intervals)', async () => {
    const f = variant('minutes.yaml', 'horizon: { hours: 8 }', 'horizon: { days: 366 }\nintervalMinutes: 1');
    const r = await cli(['run', f, '--quiet', '--replications', '1'], { timeoutMs: BIG_MS });
    expectRun(r);
    expect(r.stdout).toContain('366 days from 2024-01-01, 1-min intervals');
  });
  it('an empirical CSV with one tiny value', async () => {
    file('tiny.csv', 'seconds\n1e-300\n');
    expectRun(await cli(['run', variant('tiny.yaml', '{ distribution: exponential, mean: 180 }', '{ distribution: empirical, file: tiny.csv }')]));
  });
  it('redial: { probability: 1, delay: 0 } with zero patience and no agents stops at maxAttempts', async () => {
    const f = variant(
      'redial.yaml',
      'patience: { distribution: exponential, mean: 90 }\nagents: 7',
      'patience: { distribution: deterministic, value: 0 }\nredial: { probability: 1, delay: { distribution: deterministic, value: 0 } }\nagents: 0',
    );
    const r = await cli(['run', f, '--json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const t = JSON.parse(r.stdout).totals;
    expect(t.connectionRate.mean).toBe(0);
    expect(r.ms).toBeLessThan(20_000);
  });
  it('outbound tasks that take no time (talkTime 0) finish instead of spinning for ever', async () => {
    const f = variant(
      'zerooutbound.yaml',
      'agents: 7',
      'agents: 7\noutbound:\n  daily: { tasks: 112, deadline: 2 h }\n  talkTime: { distribution: deterministic, value: 0 }\n  maxAttempts: 4',
    );
    expectRun(await cli(['run', f, '--quiet', '--horizon', '24h']));
  });
  it('2024-02-29 is a date', async () => expectRun(await cli(['run', variant('leap.yaml', 'agents: 7', 'agents: 7\nstartDate: "2024-02-29"')])));
});

describe.concurrent('empirical CSVs: read exactly, or refused with line and column', () => {
  const withCsv = (name: string, csv: string | Buffer, column = '') => {
    file(`${name}.csv`, csv);
    return variant(`${name}.yaml`, '{ distribution: exponential, mean: 180 }', `{ distribution: empirical, file: ${name}.csv${column} }`);
  };
  it('an empty field', async () => expectOneLine(await cli(['run', withCsv('emptyfield', 'a,b\n10,\n20,3\n', ', column: b')]), /talkTime\.file: emptyfield\.csv: line 2, column 2: the field is empty/));
  it('an empty line between values', async () => expectOneLine(await cli(['run', withCsv('emptyline', 'a\n10\n\n20\n')]), /emptyline\.csv: line 3 is empty/));
  it('an unquoted thousands separator', async () => expectOneLine(await cli(['run', withCsv('thousands', 'seconds\n180\n1,234\n')]), /thousands\.csv: line 3 has 2 fields, the first line 1 \(a thousands separator/));
  it('a quoted thousands separator is read as the number', async () => {
    const r = await cli(['run', withCsv('quoted', 'seconds\n"1,234"\n"1,234"\n'), '--json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).totals.connectionRate.mean).toBeLessThan(0.5); // 20-minute calls for 7 agents and 120 calls/h
  });
  it('GBK text', async () =>
    expectOneLine(await cli(['run', withCsv('gbk', Buffer.concat([Buffer.from([0xcd, 0xa8, 0xbb, 0xb0, 0xca, 0xb1, 0xb3, 0xa4]), Buffer.from('\n180\n')]))]), /gbk\.csv: line 1, column \d+: not UTF-8 text \(GBK/));
  it('a BOM and CRLF line ends are read', async () => {
    const plain = await cli(['run', withCsv('plain', 'seconds\n120\n200\n'), '--json', '--quiet']);
    const bom = await cli(['run', withCsv('bom', '\ufeffseconds\r\n120\r\n200\r\n'), '--json', '--quiet']);
    expect(bom.code, bom.stderr).toBe(0);
    expect(JSON.parse(bom.stdout).totals).toEqual(JSON.parse(plain.stdout).totals);
  });
  it('a file outside the scenario folder is refused unless allowed', async () => {
    const outside = join(dir, 'outside.csv');
    writeFileSync(outside, 'seconds\n180\n');
    mkdirSync(join(dir, 'inner'), { recursive: true });
    const f = join(dir, 'inner', 'escape.yaml');
    writeFileSync(f, BASE.replace('{ distribution: exponential, mean: 180 }', '{ distribution: empirical, file: ../outside.csv }'));
    expectOneLine(await cli(['run', f]), /escape\.yaml:4: talkTime\.file: \.\.\/outside\.csv is outside the scenario's folder/);
    expectRun(await cli(['run', f, '--allow-files-outside']));
  });
});

describe.concurrent('command-line values that used to name no field', () => {
  it('an empty path', async () => expectOneLine(await cli(['run', '']), /^hotline-sim: scenario: the scenario path is empty/));
  it('erlang --calls-per-hour Infinity', async () =>
    expectOneLine(await cli(['erlang', '--calls-per-hour', 'Infinity', '--talk', '180', '--agents', '10']), /--calls-per-hour must be between 0 and 1e7/));
  it('an unreachable erlang --target says it in words', async () => {
    const r = await cli(['erlang', '--calls-per-hour', '1e7', '--talk', '180', '--patience', '300', '--target', 'connection=0.9']);
    expectOneLine(r, /the target connection rate >= 0\.9 is not reachable with 100,000 agents or fewer/);
    expect(r.stderr).not.toContain('{');
  });
  it('budget --budget 1e308 names the flag', async () =>
    expectOneLine(await cli(['budget', file('b.yaml', BASE), '--budget', '1e308', '--people-per-seat', '5']), /--budget "1e308": at most 1e12 yuan/));
  it('--out under a path that cannot exist', async () =>
    expectOneLine(await cli(['run', file('ok.yaml', BASE), '--out', '/proc/nope/result']), /--out \/proc\/nope\/result: cannot create the folder \/proc\/nope: .*ENOENT/));
});

describe.concurrent('output faults: one line, nothing half-written', () => {
  const scenario = file('out.yaml', BASE);
  it('stdout on a full disk (> /dev/full)', async () => {
    const r = await cli([], { shell: `exec "${process.execPath}" "${BIN}" run "${scenario}" --quiet > /dev/full` });
    expectOneLine(r, /cannot write the output: no space left on the device \(ENOSPC\)/);
  });
  it('stdout closed early (| head -1) stops quietly', async () => {
    const r = await cli([], { shell: `"${process.execPath}" "${BIN}" run "${scenario}" --quiet | head -1; echo "exit $?"` });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Small\nexit 0\n$/);
  });
  it('a file larger than allowed (ulimit -f) leaves no folder', async () => {
    const out = join(dir, 'fbig');
    const r = await cli([], { shell: `ulimit -f 20; exec "${process.execPath}" "${BIN}" run "${scenario}" --quiet --out "${out}"` });
    expectOneLine(r, new RegExp(`--out ${out}: cannot write the result: .*EFBIG.*nothing was written`));
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.fbig.'))).toEqual([]);
  });
  it.skipIf(process.getuid?.() !== 0)('permission denied (an --out folder the user may not write)', async (ctx) => {
    // A folder nobody may write in, but everyone may read (the scenario is read from `dir`).
    chmodSync(dir, 0o755);
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const args = ['run', scenario, '--quiet', '--out', join(locked, 'denied')];
    const how = unprivilegedRun(scenario);
    if (!how) return ctx.skip('neither user nobody can reach this checkout nor setpriv can drop root\'s file capabilities');
    const r = await cli(args, how);
    expectOneLine(r, /--out .*denied: cannot (write in|create the folder) .*permission denied \(EACCES\)/);
    expect(existsSync(join(locked, 'denied'))).toBe(false);
  });
  it('a folder holding only a chart is refused before the simulation', async () => {
    const out = join(dir, 'chartonly');
    mkdirSync(out);
    writeFileSync(join(out, 'chart-monthly.svg'), '<svg/>');
    const r = await cli(['run', scenario, '--out', out]);
    expectOneLine(r, /chartonly already holds .*chart-monthly\.svg; use --force/);
    expectOneLine(await cli(['run', scenario, '--out', out, '--force']), /holds files hotline-sim did not write/);
  });
  it('--force replaces the whole earlier result: no stale chart from a longer run', async () => {
    const out = join(dir, 'replaced');
    expect((await cli(['run', variant('longer.yaml', 'horizon: { hours: 8 }', 'horizon: { days: 62 }'), '--out', out, '--quiet', '--replications', '1'])).code).toBe(0);
    const before = readdirSync(out);
    expect((await cli(['run', scenario, '--out', out, '--quiet', '--force'])).code).toBe(0);
    const after = readdirSync(out);
    const marker = JSON.parse(readFileSync(join(out, '.hotline-sim-result.json'), 'utf8'));
    expect(after.sort()).toEqual([...marker.files, '.hotline-sim-result.json'].sort());
    expect(before.length).toBeGreaterThan(after.length); // the monthly chart is gone with the longer run
  });
});

describe('killed during run --out: the result is whole or absent, and stale temporary folders go', () => {
  // 20 days of 5-minute intervals: a 10 MB result, so the write takes long enough to be hit.
  const scenario = variant('killed.yaml', 'horizon: { hours: 8 }\n', 'horizon: { days: 20 }\nintervalMinutes: 5\n');
  const kills: NodeJS.Signals[] = ['SIGKILL', 'SIGKILL', 'SIGINT', 'SIGTERM'];

  /** Runs into `out` and sends `signal` as soon as the temporary folder appears (or at the end of the simulation). */
  function runAndKill(out: string, signal: NodeJS.Signals): Promise<{ sawTemp: boolean; code: number | null; sig: string | null }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [BIN, 'run', scenario, '--out', out, '--quiet', '--replications', '1'], { stdio: 'ignore' });
      const prefix = `.${out.split('/').pop()}.tmp-`;
      let sawTemp = false;
      const poll = setInterval(() => {
        if (readdirSync(dir).some((n) => n.startsWith(prefix))) {
          sawTemp = true;
          child.kill(signal);
          clearInterval(poll);
        }
      }, 1);
      child.on('close', (code, sig) => {
        clearInterval(poll);
        done({ sawTemp, code, sig });
      });
    });
  }

  function expectWholeOrAbsent(out: string) {
    if (!existsSync(out)) return 'absent';
    const marker = JSON.parse(readFileSync(join(out, '.hotline-sim-result.json'), 'utf8'));
    expect(readdirSync(out).sort()).toEqual([...marker.files, '.hotline-sim-result.json'].sort());
    JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    return 'whole';
  }

  it('kill -9, SIGINT and SIGTERM while the files are written', { timeout: 120_000 }, async () => {
    const outcomes = await Promise.all(kills.map((signal, i) => runAndKill(join(dir, `killed${i}`), signal)));
    const states = outcomes.map((o, i) => `${kills[i]}: ${o.sawTemp ? 'hit while writing' : 'missed'}, ${expectWholeOrAbsent(join(dir, `killed${i}`))}`);
    console.log(states.join('; '));
    expect(outcomes.filter((o) => o.sawTemp).length, 'the temporary folder was never seen: the test hit nothing').toBeGreaterThan(0);
    // A rerun to every target succeeds without --force where nothing was written, and leaves no temporary folder.
    const quick = file('quick.yaml', BASE);
    const reruns = await Promise.all(
      kills.map((_, i) => {
        const out = join(dir, `killed${i}`);
        return cli(['run', quick, '--out', out, '--quiet', ...(existsSync(out) ? ['--force'] : [])]);
      }),
    );
    for (const r of reruns) expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).filter((n) => /^\.killed\d\.(tmp|old)-/.test(n))).toEqual([]);
  });

  it('Ctrl-C during the simulation leaves nothing', async () => {
    const out = join(dir, 'interrupted');
    // 240 days of 5-minute intervals, 3 replications: several seconds, so 1.5 s in is before the write
    // (60 days finished in 1.5 s once result.json left the per-interval rows out).
    const long = variant('interrupted.yaml', 'horizon: { hours: 8 }\n', 'horizon: { days: 240 }\nintervalMinutes: 5\n');
    const child = spawn(process.execPath, [BIN, 'run', long, '--out', out, '--quiet', '--replications', '3'], { stdio: 'ignore' });
    setTimeout(() => child.kill('SIGINT'), 1500);
    const [code, sig] = await new Promise<[number | null, string | null]>((done) => child.on('close', (c, s) => done([c, s])));
    expect(code === 0 ? 'finished before the signal' : 'interrupted').toBe('interrupted');
    expect(sig ?? code).toBeTruthy();
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.interrupted.'))).toEqual([]);
  });

  it('a temporary folder left by a dead process is removed by the next run', async () => {
    const dead = spawn(process.execPath, ['-e', '0']);
    const pid = await new Promise<number>((done) => dead.on('close', () => done(dead.pid!)));
    const stale = join(dir, `.stale.tmp-${pid}-1`);
    mkdirSync(stale);
    writeFileSync(join(stale, 'intervals.csv'), 'partial');
    const r = await cli(['run', file('stale.yaml', BASE), '--out', join(dir, 'stale'), '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expectWholeOrAbsent(join(dir, 'stale'));
  });
});

describe.concurrent('no NaN, Infinity or null in any JSON a command writes', () => {
  const walk = (v: unknown, path: string, bad: string[]) => {
    if (v === null || (typeof v === 'number' && !Number.isFinite(v))) bad.push(path);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, bad));
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v as object)) walk(x, `${path}.${k}`, bad);
    return bad;
  };
  const SCENARIOS = new URL('../scenarios/', import.meta.url).pathname;
  // Night intervals with no calls (rates with nothing to measure) and one replication (no CI).
  const night = variant('night.yaml', 'arrivals: { callsPerHour: 120 }', 'arrivals: { callsPerHour: [0, 0, 120, 120] }\nintervalMinutes: 360');
  const commands: [string, string[]][] = [
    ['run, one replication, idle intervals', ['run', night, '--json', '--quiet', '--replications', '1', '--horizon', '2d']],
    ['run', ['run', join(SCENARIOS, 'liaocheng-2024.yaml'), '--json', '--quiet', '--horizon', '2d', '--replications', '2']],
    ['budget', ['budget', join(SCENARIOS, 'haikou-2024.yaml'), '--json', '--quiet', '--horizon', '2d', '--replications', '2']],
    ['compare', ['compare', join(SCENARIOS, 'haikou-2024.yaml'), join(SCENARIOS, 'liaocheng-2024.yaml'), '--json', '--quiet', '--horizon', '2d', '--replications', '2']],
    ['erlang, overloaded rows', ['erlang', '--calls-per-hour', '200', '--talk', '180', '--agents', '8..12', '--json']],
  ];
  for (const [name, args] of commands) {
    it(name, async () => {
      const r = await cli(args);
      expect(r.code, r.stderr).toBe(0);
      expect(walk(JSON.parse(r.stdout), '', [])).toEqual([]);
    });
  }
  it('result.json of run --out', async () => {
    const out = join(dir, 'finite');
    expect((await cli(['run', night, '--out', out, '--quiet', '--replications', '1', '--horizon', '2d'])).code).toBe(0);
    expect(walk(JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')), '', [])).toEqual([]);
  });
});
