import { readFileSync, existsSync, writeFileSync, renameSync, mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Argv } from 'yargs';
import {
  alternatives,
  alternativeCandidates,
  alternativesCsv,
  poolThreads,
  calibrate,
  loadScenario,
  prepareResultFolder,
  publishedFits,
  readScenarioFile,
  writeResultFolder,
  type PublishedFits,
  wrapText,
  type PublishedFigure,
  type Estimate,
  PUBLISHED_FIGURES,
  calibratedYaml,
  describeKpiTarget,
  downstreamAnswer,
  formatAlternativesReport,
  formatCalibrationReport,
  fitPrice,
  formatPriceFit,
  PRICE_FIT_ALIASES,
  PRICE_FIT_FIELDS,
  metricDefinitions,
  parseScenario,
  resultJson,
  ScenarioError,
  settlingFigure,
  type AlternativeRow,
  type ObservedFigure,
} from '../../engine/index.ts';
import { parsePeriod, parseTarget, periodOption } from '../targets.ts';
import { UsageError } from '../errors.ts';
import { overridesFrom, scenarioOverrideOptions } from './run.ts';

const METRIC_ALIASES: Record<string, string> = {
  connection: 'connectionRate',
  asa: 'asa',
  wait: 'meanWait',
  answered: 'answered',
  offered: 'offered',
  abandon: 'abandonmentRate',
  abandonment: 'abandonmentRate',
  sl: 'serviceLevel',
  occupancy: 'occupancy',
  person: 'personConnectionRate',
  outbound: 'outboundDone',
};

/** "connection=0.9007", "asa=13.4", "sl=0.9525@30", "answered=406174", or any run metric id. */
export function parseObserved(text: string): ObservedFigure {
  const m = /^\s*([A-Za-z]+)\s*=\s*([0-9.eE+-]+)(%?)\s*(?:@\s*([0-9.]+)\s*s?)?\s*$/.exec(text);
  if (!m) throw new UsageError(`--observed "${text}": write it like connection=0.9007, asa=13.4, sl=0.9525@30 or answered=406174`);
  let value = Number(m[2]);
  if (!Number.isFinite(value)) throw new UsageError(`--observed "${text}": ${m[2]} is not a number`);
  if (m[3] === '%') value /= 100;
  const metric = METRIC_ALIASES[m[1]] ?? m[1];
  if (m[4] !== undefined && metric !== 'serviceLevel') throw new UsageError(`--observed "${text}": only a service level (sl=...@T) takes a threshold`);
  return { metric, value, seconds: m[4] !== undefined ? Number(m[4]) : undefined };
}

function parseRange(text: string): [string, [number, number]] {
  const m = /^\s*([\w.]+)\s*=\s*([0-9.eE+-]+)\s*\.\.\s*([0-9.eE+-]+)\s*$/.exec(text);
  if (!m) throw new UsageError(`--range "${text}": write it like patience.mean=30..600`);
  return [m[1], [Number(m[2]), Number(m[3])]];
}

function parseSensitivity(text: string): { field: string; values: number[] } {
  const m = /^\s*([\w.]+)\s*=\s*([0-9.,eE+-]+)\s*$/.exec(text);
  const values = m ? m[2].split(',').map(Number) : [];
  if (!m || values.some((v) => !Number.isFinite(v))) throw new UsageError(`--sensitivity "${text}": write it like patience.mean=60,120,240`);
  return { field: m[1], values };
}

const isOff = (v: unknown) => v === false || (Array.isArray(v) && v.length === 1 && String(v[0]) === 'false');
const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

export function registerCalibrate(y: Argv) {
  return y.command(
    'calibrate <scenario>',
    'fit unpublished inputs (patience, work-order time, phone share, ...) to published figures by simulation',
    (a) =>
      a
        .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML)' })
        .option('observed', { type: 'string', array: true, describe: "a published figure: connection=0.9007, asa=13.4, sl=0.9525@30, answered=406174, wait=12 (repeat; default: the file's published figures with use: fit)" })
        .option('fit', { type: 'string', array: true, describe: 'a field to fit, one per --observed, in the same order: wrapUpTime.mean, patience.mean, payroll.phoneShare, arrivals.scale (with --alternatives: more candidates)' })
        .option('alternatives', { type: 'boolean', describe: "fit each unknown with a PLAUSIBLE range in the file (and each --fit) in turn; print each explanation's answers and their range" })
        .option('keep', { type: 'string', array: true, describe: 'with --alternatives and several --observed: the fields fitted jointly with every candidate (one per figure beyond the first)' })
        .option('target', { type: 'string', describe: 'with --alternatives: the KPI target the head count is for (default connection=0.95)' })
        .option('per', periodOption)
        .option('detail', { type: 'boolean', describe: 'with --alternatives: the reasoning behind each range and the notes of each fit' })
        .option('out', { type: 'string', describe: 'with --alternatives: write alternatives.csv and the first screen (report.txt) to this folder (written whole)' })
        .option('range', { type: 'string', array: true, describe: 'search range of a field: patience.mean=30..600 (defaults by kind of field)' })
        .option('sensitivity', { type: 'string', array: true, describe: 'refit under other values of an assumption: patience.mean=60,120,240 (default: half and double the mean patience; --no-sensitivity: none)' })
        .options(scenarioOverrideOptions)
        .option('json', { type: 'boolean', default: false, describe: 'print {fitted, observed, simulated, ...} as one JSON object' })
        .option('write', { type: 'string', describe: 'save the calibrated scenario to this file (not with a what-if: --agents, --headcount, --scale, …)' })
        .option('force', { type: 'boolean', describe: 'overwrite the --write file or replace the --out folder' })
        .option('quiet', { type: 'boolean', default: false, describe: 'no progress on stderr' })
        .option('candidate', { type: 'number', hidden: true, describe: 'internal: with --alternatives, explain only this candidate (JSON)' }),
    (argv) => {
      if (argv.force && argv.write === undefined && argv.out === undefined) throw new UsageError('--force goes with --write or --out');
      const given = list(argv.observed).map(parseObserved);
      if (argv.alternatives) return runAlternatives(argv, given, list(argv.fit));
      for (const f of ['keep', 'target', 'per', 'detail', 'out'] as const) if (argv[f] !== undefined) throw new UsageError(`--${f} goes with --alternatives`);
      // No --observed: the file's own published figures (use: fit), and their fields unless --fit names others.
      const own = given.length === 0 ? fileFits(argv.scenario, overridesFrom(argv)) : null;
      if (own?.fittedIn) throw new UsageError(`${argv.scenario} takes its fitted value from ${own.fittedIn} (published: fittedIn): calibrate that file, or give --observed and --fit`);
      const observed = own ? own.observed : given;
      const observedNote = own ? own.text : list(argv.observed).join(', ');
      const fields = list(argv.fit).length === 0 && own ? own.fields : list(argv.fit);
      if (fields.length === 0) throw new UsageError('give a field to fit with --fit (one per --observed), or --alternatives');
      if (fields.length !== observed.length) throw new UsageError(`give one --fit per --observed (${fields.length} --fit, ${observed.length} --observed)`);
      // A cited contract price is explained by a cost input, without simulation (the staffing's hours come from the scenario).
      if (observed.some((o) => o.metric === 'price')) {
        if (observed.length !== 1) throw new UsageError('--observed price=… is fitted alone (a cost fit, no simulation): give it as the only --observed');
        const field = PRICE_FIT_ALIASES[fields[0]];
        if (!field) throw new UsageError(`--fit ${fields[0]}: with --observed price=… fit one of ${PRICE_FIT_FIELDS.join(', ')}`);
        if (argv.write) throw new UsageError('--write saves a simulation fit; a price fit prints its alternatives only');
        if (!(observed[0].value > 0 && observed[0].value <= 1e12)) throw new UsageError(`--observed price=${observed[0].value}: give yuan for the contract term, more than 0 and at most 1e12`);
        const fit = fitPrice(argv.scenario, observed[0].value, field, overridesFrom(argv));
        process.stdout.write((argv.json ? resultJson(fit) : formatPriceFit(argv.scenario, fit)) + '\n');
        return;
      }
      const ranges = Object.fromEntries(list(argv.range).map(parseRange));
      if (argv.write && existsSync(argv.write) && !argv.force) throw new UsageError(`${argv.write} exists; add --force to overwrite it`);
      // A fit made under a what-if belongs to another scenario: the file written would not reproduce
      // it (nor would writing the what-if in keep the file the base case it was). Simulation settings
      // (--seed, --replications, --horizon) are fine: the CALIBRATED note records days and replications.
      const whatIf = (['agents', 'headcount', 'people-per-seat', 'profile', 'scale', 'start-date'] as const).find((f) => argv[f] !== undefined);
      if (argv.write && whatIf) {
        throw new UsageError(`--write saves a fit of the scenario as its file gives it; --${whatIf} conflicts with it: put the change in the file first, or drop --write`);
      }
      let text: string;
      try {
        text = readFileSync(argv.scenario, 'utf8');
      } catch (e) {
        throw new ScenarioError(argv.scenario, [], (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot read the file');
      }
      const live = !argv.quiet && !argv.json && process.stderr.isTTY;
      const say = (m: string) => live && process.stderr.write(`\r\x1b[K${m}`);
      const result = calibrate(text, argv.scenario, {
        fields,
        observed,
        ranges,
        overrides: overridesFrom(argv),
        // --no-sensitivity arrives as sensitivity: false (or ["false"] for an array option)
        sensitivity: isOff(argv.sensitivity) ? [] : argv.sensitivity ? list(argv.sensitivity).map(parseSensitivity) : undefined,
        onProgress: (what, n) => say(`simulation ${n}: ${what}`),
      });
      say('');
      if (argv.write) {
        const tmp = `${argv.write}.tmp-${process.pid}`;
        writeFileSync(tmp, calibratedYaml(text, result, observedNote));
        renameSync(tmp, argv.write);
        if (!argv.quiet) process.stderr.write(`wrote ${argv.write}\n`);
      }
      if (argv.json) {
        const { run, ...rest } = result;
        process.stdout.write(resultJson({ ...rest, totals: run.totals }) + '\n');
      } else {
        const held = own ? heldOutLines(loadScenario(argv.scenario, overridesFrom(argv)).published, result.run.totals) : [];
        process.stdout.write([formatCalibrationReport(result), ...held].join('\n') + '\n');
      }
    },
  );
}

type CalibrateArgv = Record<string, unknown> & { scenario: string; json?: boolean; quiet?: boolean; detail?: boolean };

/** `calibrate --alternatives`: each explanation fitted, its answers downstream, their range. */
async function runAlternatives(argv: CalibrateArgv, given: ObservedFigure[], fields: string[]): Promise<void> {
  if (argv.write !== undefined) throw new UsageError('--write conflicts with --alternatives (it fits several explanations; calibrate one with --fit to write it)');
  if (argv.sensitivity !== undefined) throw new UsageError('--sensitivity conflicts with --alternatives (each explanation is a fit of its own; for the tornado use budget or staff --sensitivity)');
  if (argv.detail && argv.json) throw new UsageError('--detail conflicts with --json: the JSON holds every detail already');
  const target = parseTarget(argv.target === undefined ? 'connection=0.95' : String(argv.target));
  const period = parsePeriod(argv.per === undefined ? undefined : String(argv.per));
  if (argv.out !== undefined) prepareResultFolder(String(argv.out), argv.force === true);
  const ranges = Object.fromEntries(list(argv.range).map(parseRange));
  const overrides = overridesFrom(argv as never);
  const text = readScenarioFile(argv.scenario);
  // No --observed: the file's own published figures (use: fit); the fields fitted to the figures
  // beyond the first are kept (fitted jointly with every candidate) unless --keep names others.
  const own = given.length === 0 ? fileFits(argv.scenario, overrides) : null;
  const observed = own ? own.observed : given;
  const keep = list(argv.keep).length === 0 && own ? own.fields.slice(1) : list(argv.keep);
  // A figure of another period of the same centre (fittedIn): fitted there, answered here.
  const fitFile = own?.fittedIn ? join(dirname(argv.scenario), own.fittedIn) : argv.scenario;
  const fitText = fitFile === argv.scenario ? text : readScenarioFile(fitFile);
  const live = !argv.quiet && process.stderr.isTTY;
  const say = (m: string) => live && process.stderr.write(`\r\x1b[K${m}`);
  const options = { observed, keep, extraFields: fields, ranges, overrides, answerIn: fitFile === argv.scenario ? undefined : { text, file: argv.scenario } };
  // One explanation and its answers downstream: the calibrated scenario of the explanation, searched
  // and priced as `budget --target` does (a private temporary folder; removed afterwards).
  const explain = (i: number): AlternativeRow => {
    const [e] = alternatives(fitText, fitFile, { ...options, only: i, onProgress: (what, n) => say(`fit, simulation ${n}: ${what}`) });
    if (!e.text) return { ...e, answer: null };
    const dir = mkdtempSync(join(tmpdir(), 'hotline-sim-alternatives-'));
    try {
      const file = join(dir, `explanation-${i + 1}.yaml`);
      writeFileSync(file, e.text);
      return { ...e, answer: downstreamAnswer(file, target, period, overrides, (m) => say(`${e.label}: ${m}`)) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // --candidate i (internal): one explanation as JSON, for the parent running candidates concurrently.
  if (argv.candidate !== undefined) {
    process.stdout.write(JSON.stringify(explain(Number(argv.candidate))) + '\n');
    return;
  }
  const count = alternativeCandidates(fitText, fitFile, options).length;
  // Independent candidates run concurrently, one process each on one thread (every core busy with
  // the searches' serial parts too); each explanation is the same numbers whichever process or
  // thread count computes it, so the output is byte-identical for any --workers.
  const rows: AlternativeRow[] =
    poolThreads() > 1 && count > 1
      ? await candidatesConcurrently(count, poolThreads(), (done) => say(`explanations: ${done} of ${count} done`))
      : Array.from({ length: count }, (_, i) => explain(i));
  say('');
  const scenario = parseScenario(text, argv.scenario, overrides);
  const figures = observed
    .map((o) => {
      // a service level is named with its own threshold (sl=0.9525@30 on a 15-s scenario: "30 s")
      const d = metricDefinitions(scenario.serviceLevelFormula, o.seconds ?? scenario.serviceLevelSeconds).find((x) => x.id === o.metric);
      const v = d?.unit === 'ratio' ? `${(o.value * 100).toFixed(2)}%` : d?.unit === 'seconds' ? `${o.value} s` : String(o.value);
      return `${d ? `${d.name} ${d.zh}` : o.metric} ${v}`;
    })
    .join(' and ') + (fitFile === argv.scenario ? '' : ` (fitted in ${basename(fitFile)}, answered here)`);
  const report = {
    scenario: scenario.name,
    figures,
    horizonDays: scenario.nIntervals * (scenario.intervalSeconds / 86400),
    replications: scenario.replications,
    target: `${describeKpiTarget(target, scenario.serviceLevelSeconds)} (${period === 'horizon' ? 'on average' : `every ${period}`})`,
    rows,
    settledBy: settlingFigure(text),
  };
  const screen = formatAlternativesReport(report, argv.detail === true);
  if (argv.out !== undefined) {
    const written = writeResultFolder(String(argv.out), { 'alternatives.csv': alternativesCsv(rows), 'report.txt': screen + '\n' }, argv.force === true);
    if (!argv.quiet) process.stderr.write(`wrote ${written.join(', ')}\n`);
  }
  if (argv.json) {
    process.stdout.write(resultJson({ ...report, rows: rows.map(({ text: _t, ...r }) => r) }) + '\n');
    return;
  }
  process.stdout.write(screen + '\n');
}

/**
 * The file's held-out figures (published: use: heldOut) beside the calibrated run's: compared, never
 * fitted. A figure of another period is shown with its note (often: not comparable).
 */
function heldOutLines(published: PublishedFigure[], totals: Record<string, Estimate>): string[] {
  const held = published.filter((p) => p.use === 'heldOut');
  if (held.length === 0) return [];
  return [
    'Held out (published, compared, never fitted):',
    ...held.flatMap((p) => {
      const e = p.seconds === undefined ? totals[p.figure] : undefined; // a service level at another threshold is not in this run
      const show = (v: number) => (PUBLISHED_FIGURES[p.figure] === 'ratio' ? `${(v * 100).toFixed(2)}%` : PUBLISHED_FIGURES[p.figure] === 'seconds' ? `${v.toFixed(1)} s` : v.toLocaleString('en-US'));
      const model = e ? `model ${show(e.mean)}${e.ciLow !== null && e.ciHigh !== null ? ` (${show(e.ciLow)} – ${show(e.ciHigh)})` : ''}` : 'not in this run';
      return wrapText(`  ${p.figure} ${show(p.value)}, ${p.period} (SOURCES.md: ${p.source}): ${model}${p.note ? `; ${p.note}` : ''}`, 100, '    ');
    }),
  ];
}

/**
 * The explanations computed by child processes of this command (`--candidate i --workers 1`), at
 * most `parallel` at a time, in candidate order. A child's one-line error is this command's.
 */
async function candidatesConcurrently(count: number, parallel: number, progress: (done: number) => void): Promise<AlternativeRow[]> {
  const args: string[] = [];
  const own = process.argv.slice(2);
  for (let i = 0; i < own.length; i++) {
    const a = own[i];
    const flag = a.replace(/=.*$/, '');
    if (['--workers', '--out'].includes(flag)) {
      if (!a.includes('=')) i++; // its value
      continue;
    }
    if (['--force', '--json', '--detail', '--quiet'].includes(flag)) continue;
    args.push(a);
  }
  const rows: AlternativeRow[] = new Array(count);
  let next = 0;
  let done = 0;
  const one = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [process.argv[1], ...args, '--candidate', String(i), '--workers', '1', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code !== 0) {
          const line = err.trim().split('\n').pop() ?? `explanation ${i + 1} failed`;
          return reject(code === 2 ? new UsageError(line.replace(/^hotline-sim: /, '')) : new Error(line));
        }
        rows[i] = JSON.parse(out) as AlternativeRow;
        progress(++done);
        resolve();
      });
    });
  const lane = async () => {
    while (next < count) await one(next++);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, lane));
  return rows;
}

/** The file's published fit figures; a case with none is not calibrated: said in one line (exit 2). */
function fileFits(file: string, overrides: ReturnType<typeof overridesFrom>): PublishedFits {
  const s = loadScenario(file, overrides);
  const own = publishedFits(s);
  if (!own) throw new UsageError(`${file} is not calibrated: it states no published figure to fit (published: with use: fit); give --observed and --fit to fit one`);
  return own;
}
