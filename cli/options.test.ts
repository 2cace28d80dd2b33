// Every option of every command either acts or is refused: each option the help lists is declared
// below with what it needs or conflicts with, and each such combination is refused in one line
// (exit code 2) naming both flags, before any work starts. That the options act is tested with
// the features (cli.test.ts, budget.test.ts, sweep.test.ts, whatIf.test.ts, ...).
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = new URL('./hotline-sim.js', import.meta.url).pathname;
const S = join(new URL('../scenarios/', import.meta.url).pathname, 'liaocheng-2024.yaml');
const ERLANG = ['erlang', '--calls-per-hour', '200', '--talk', '180'];

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

/** Every command line at once, a few at a time (each is a short process that is refused or prints help). */
async function runAll(lines: string[][]): Promise<Ran[]> {
  const out: Ran[] = new Array(lines.length);
  let next = 0;
  const worker = async () => {
    while (next < lines.length) {
      const i = next++;
      out[i] = await cli(lines[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, 2 * availableParallelism()) }, worker));
  return out;
}

/** Options that take no partner: they act alone under every combination the help allows. */
const ALONE = 'acts alone';
/** Per command: every option with what it needs or conflicts with. */
const OPTIONS: Record<string, Record<string, string>> = {
  run: {
    agents: 'conflicts: headcount, people-per-seat, profile',
    headcount: ALONE, 'people-per-seat': ALONE, profile: ALONE, replications: ALONE, seed: ALONE, horizon: ALONE, scale: ALONE,
    'start-date': ALONE, 'allow-files-outside': ALONE, workers: ALONE, json: ALONE, out: ALONE, quiet: ALONE,
    intervals: 'needs: json or out', detail: 'conflicts: json', charts: 'needs: out', force: 'needs: out',
  },
  erlang: {
    'calls-per-hour': ALONE, talk: ALONE, 'wrap-up': ALONE, patience: ALONE, shrinkage: ALONE, json: ALONE,
    'sl-seconds': 'conflicts: target with its own @T', agents: 'conflicts: target', target: ALONE,
    'hours-open': 'needs: shrinkage', 'days-open': 'needs: shrinkage', 'paid-hours': 'needs: shrinkage', 'max-occupancy': 'needs: target',
  },
  staff: {
    target: ALONE, per: ALONE, mode: ALONE, headcount: ALONE, 'people-per-seat': ALONE, profile: ALONE, replications: ALONE, seed: ALONE,
    horizon: ALONE, scale: ALONE, 'start-date': ALONE, 'allow-files-outside': ALONE, workers: ALONE, json: ALONE, quiet: ALONE,
    'max-occupancy': 'conflicts: mode profile', confidence: 'conflicts: mode profile', 'requirement-replications': 'conflicts: mode profile',
    intervals: 'needs: json', detail: 'conflicts: json', out: 'conflicts: mode profile', force: 'needs: out',
    sensitivity: 'conflicts: mode roster',
  },
  budget: {
    headcount: ALONE, 'people-per-seat': ALONE, profile: ALONE, replications: ALONE, seed: ALONE, horizon: ALONE, scale: ALONE,
    'start-date': ALONE, 'allow-files-outside': ALONE, workers: ALONE, years: ALONE, simulate: ALONE, json: ALONE, out: ALONE, quiet: ALONE,
    budget: ALONE, target: 'conflicts: no-simulate', 'contract-kpi': 'conflicts: no-simulate',
    'naive-wage': 'needs: budget', covers: 'needs: budget', per: 'needs: target', roster: 'needs: target', criterion: 'needs: target',
    risk: 'needs: contract-kpi', explain: 'conflicts: json', detail: 'conflicts: json', force: 'needs: out',
    sensitivity: 'conflicts: budget, contract-kpi, roster, explain', bid: 'conflicts: budget, sensitivity',
  },
  compare: {
    headcount: ALONE, 'people-per-seat': ALONE, profile: ALONE, replications: ALONE, seed: ALONE, horizon: ALONE, scale: ALONE,
    'start-date': ALONE, 'allow-files-outside': ALONE, workers: ALONE, years: ALONE, simulate: ALONE, json: ALONE, out: ALONE, quiet: ALONE,
    models: 'conflicts: a second scenario', target: 'conflicts: models', per: 'needs: target', detail: 'conflicts: json', force: 'needs: out',
  },
  calibrate: {
    observed: ALONE, fit: ALONE, range: ALONE, sensitivity: ALONE, replications: ALONE, seed: ALONE, horizon: ALONE,
    'allow-files-outside': ALONE, workers: ALONE, json: ALONE, quiet: ALONE, write: ALONE,
    agents: 'conflicts: write', headcount: 'conflicts: write', 'people-per-seat': 'conflicts: write', profile: 'conflicts: write',
    scale: 'conflicts: write', 'start-date': 'conflicts: write', force: 'needs: write or out',
    alternatives: 'conflicts: write, sensitivity', keep: 'needs: alternatives', target: 'needs: alternatives', per: 'needs: alternatives',
    detail: 'needs: alternatives', out: 'needs: alternatives',
  },
  sweep: { vary: ALONE, out: ALONE, charts: ALONE, shard: ALONE, replications: ALONE, seed: ALONE, horizon: ALONE, quiet: ALONE, workers: ALONE, resume: 'conflicts: force', force: 'conflicts: resume' },
  merge: { out: ALONE, charts: ALONE, force: ALONE },
  chart: { kind: ALONE, out: ALONE, force: ALONE },
};

/** Each declared need or conflict, and the command line that must be refused for it. */
const REFUSED: [string, string[], string[]][] = [
  ['budget --bid + --budget', ['budget', S, '--bid', '--budget', '1e7', '--no-simulate'], ['--bid', '--budget']],
  ['budget --bid + --sensitivity', ['budget', S, '--bid', '--sensitivity'], ['--bid', '--sensitivity']],
  ['run --agents + --headcount', ['run', S, '--agents', '30', '--headcount', '200'], ['--agents', '--headcount']],
  ['run --agents + --people-per-seat', ['run', S, '--agents', '30', '--people-per-seat', '5'], ['--agents', '--people-per-seat']],
  ['run --agents + --profile', ['run', S, '--agents', '30', '--profile', 'demand'], ['--agents', '--profile']],
  ['run --intervals alone', ['run', S, '--intervals'], ['--intervals', '--json', '--out']],
  ['run --detail + --json', ['run', S, '--detail', '--json'], ['--detail', '--json']],
  ['run --charts alone', ['run', S, '--charts'], ['--charts', '--out']],
  ['run --force alone', ['run', S, '--force'], ['--force', '--out']],
  ['erlang --sl-seconds + sl=…@20', [...ERLANG, '--target', 'sl=0.8@20', '--sl-seconds', '15'], ['--sl-seconds', '@20']],
  ['erlang --agents + --target', [...ERLANG, '--agents', '14', '--target', 'asa=20'], ['--agents', '--target']],
  ['erlang --hours-open alone', [...ERLANG, '--agents', '14', '--hours-open', '12'], ['--hours-open', '--shrinkage']],
  ['erlang --days-open alone', [...ERLANG, '--agents', '14', '--days-open', '5'], ['--days-open', '--shrinkage']],
  ['erlang --paid-hours alone', [...ERLANG, '--agents', '14', '--paid-hours', '44'], ['--paid-hours', '--shrinkage']],
  ['erlang --max-occupancy alone', [...ERLANG, '--agents', '14', '--max-occupancy', '0.8'], ['--max-occupancy', '--target']],
  ['erlang --workers', [...ERLANG, '--agents', '14', '--workers', '2'], ['workers']],
  ['staff --max-occupancy + --mode profile', ['staff', S, '--target', 'connection=0.95', '--mode', 'profile', '--max-occupancy', '0.85'], ['--max-occupancy', '--mode profile']],
  ['staff --confidence + --mode profile', ['staff', S, '--target', 'connection=0.95', '--mode', 'profile', '--confidence', '0.9'], ['--confidence', '--mode profile']],
  ['staff --requirement-replications + --mode profile', ['staff', S, '--target', 'connection=0.95', '--mode', 'profile', '--requirement-replications', '5'], ['--requirement-replications', '--mode profile']],
  ['staff --intervals alone', ['staff', S, '--target', 'connection=0.95', '--intervals'], ['--intervals', '--json']],
  ['staff --detail + --json', ['staff', S, '--target', 'connection=0.95', '--detail', '--json'], ['--detail', '--json']],
  ['staff --out + --mode profile', ['staff', S, '--target', 'connection=0.95', '--mode', 'profile', '--out', '/nonexistent/x'], ['--out', '--mode']],
  ['staff --force alone', ['staff', S, '--target', 'connection=0.95', '--force'], ['--force', '--out']],
  ['budget --target + --no-simulate', ['budget', S, '--target', 'connection=0.95', '--no-simulate'], ['--target', '--no-simulate']],
  ['budget --contract-kpi + --no-simulate', ['budget', S, '--contract-kpi', 'connection=0.95', '--no-simulate'], ['--contract-kpi', '--no-simulate']],
  ['budget --naive-wage alone', ['budget', S, '--naive-wage', '5000'], ['--naive-wage', '--budget']],
  ['budget --covers alone', ['budget', S, '--covers', 'total'], ['--covers', '--budget']],
  ['budget --per alone', ['budget', S, '--per', 'month'], ['--per', '--target']],
  ['budget --roster alone', ['budget', S, '--roster'], ['--roster', '--target']],
  ['budget --criterion alone', ['budget', S, '--criterion', 'ci'], ['--criterion', '--target']],
  ['budget --risk alone', ['budget', S, '--risk', '0.9'], ['--risk', '--contract-kpi']],
  ['budget --explain + --json', ['budget', S, '--explain', '--json'], ['--explain', '--json']],
  ['budget --detail + --json', ['budget', S, '--detail', '--json'], ['--detail', '--json']],
  ['budget --force alone', ['budget', S, '--force'], ['--force', '--out']],
  ['compare --models + b', ['compare', S, S, '--models'], ['--models', 'ONE']],
  ['compare --target + --models', ['compare', S, '--models', '--target', 'connection=0.95'], ['--target', 'budget --target']],
  ['compare --per alone', ['compare', S, S, '--per', 'month'], ['--per', '--target']],
  ['compare --detail + --json', ['compare', S, S, '--detail', '--json'], ['--detail', '--json']],
  ['compare --force alone', ['compare', S, S, '--force'], ['--force', '--out']],
  ...(['agents 30', 'headcount 200', 'people-per-seat 5', 'profile flat', 'scale 1.2', 'start-date 2024-05-01'].map((f) => {
    const [flag, value] = f.split(' ');
    return [
      `calibrate --${flag} + --write`,
      ['calibrate', S, '--observed', 'connection=0.95', '--fit', 'patience.mean', `--${flag}`, value, '--write', '/nonexistent/x.yaml'],
      [`--${flag}`, '--write'],
    ] as [string, string[], string[]];
  })),
  ['staff --sensitivity + --mode roster', ['staff', S, '--target', 'connection=0.95', '--mode', 'roster', '--sensitivity'], ['--sensitivity', '--mode roster']],
  ['budget --sensitivity + --budget', ['budget', S, '--sensitivity', '--budget', '129e6'], ['--sensitivity', '--budget']],
  ['calibrate --alternatives + --write', ['calibrate', S, '--observed', 'connection=0.95', '--alternatives', '--write', '/nonexistent/x.yaml'], ['--write', '--alternatives']],
  ['calibrate --alternatives + --sensitivity', ['calibrate', S, '--observed', 'connection=0.95', '--alternatives', '--sensitivity', 'patience.mean=60'], ['--sensitivity', '--alternatives']],
  ...(['keep patience.mean', 'target connection=0.95', 'per month', 'detail', 'out /nonexistent/x'].map((f) => {
    const [flag, value] = f.split(' ');
    return [`calibrate --${flag} alone`, ['calibrate', S, '--observed', 'connection=0.95', '--fit', 'patience.mean', `--${flag}`, ...(value ? [value] : [])], [`--${flag}`, '--alternatives']] as [string, string[], string[]];
  })),
  ['calibrate --force alone', ['calibrate', S, '--observed', 'connection=0.95', '--fit', 'patience.mean', '--force'], ['--force', '--write']],
  ['sweep --resume + --force', ['sweep', S, '--vary', 'agents=30', '--resume', '--force'], ['--resume', '--force']],
  ['merge --workers', ['merge', 'x.csv', '--out', '/nonexistent/x', '--workers', '2'], ['workers']],
  ['chart --workers', ['chart', 'x.csv', '--workers', '2'], ['workers']],
];

describe('every option acts or is refused', () => {
  const commands = Object.keys(OPTIONS);
  let helps: Ran[] = [];
  let refused: Ran[] = [];
  beforeAll(async () => {
    const ran = await runAll([...commands.map((c) => [c, '--help']), ...REFUSED.map(([, args]) => args)]);
    helps = ran.slice(0, commands.length);
    refused = ran.slice(commands.length);
  }, 180_000);

  it('each command’s help lists exactly the options declared here', () => {
    for (const [k, [command, declared]] of Object.entries(OPTIONS).entries()) {
      const help = helps[k].stdout;
      const listed = new Set([...help.matchAll(/^\s+--([a-z][a-z-]*)/gm)].map((m) => m[1]).filter((o) => o !== 'help' && o !== 'version'));
      // Only option rows (a flag then its type or description), not wrapped description lines.
      const rows = new Set([...listed].filter((o) => new RegExp(`^\\s+--${o}(\\s|,|$)`, 'm').test(help) && new RegExp(`^\\s+--${o}\\s+\\S`, 'm').test(help)));
      expect([...rows].filter((o) => !(o in declared)), `${command}: options in --help not declared`).toEqual([]);
      expect(Object.keys(declared).filter((o) => !rows.has(o)), `${command}: declared options not in --help`).toEqual([]);
    }
  });

  it('every need and conflict declared has a refused command line', () => {
    for (const [command, declared] of Object.entries(OPTIONS)) {
      for (const [option, rule] of Object.entries(declared)) {
        if (rule === ALONE) continue;
        const covered = REFUSED.some(([, args]) => args[0] === command && args.includes(`--${option}`));
        expect(covered, `${command} --${option} (${rule}) has no refusal case`).toBe(true);
      }
    }
  });

  for (const [k, [what, , named]] of REFUSED.entries()) {
    it(`refuses ${what} in one line, exit code 2`, () => {
      const r = refused[k];
      expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.replace(/\n$/, '').split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      for (const n of named) expect(lines[0]).toContain(n);
      expect(lines[0]).not.toMatch(/\bat .*\.ts:\d+/);
    });
  }
});
