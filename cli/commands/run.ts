import type { Argv } from 'yargs';
// The modules themselves, not the engine's barrel: run loads only what it uses (start-up).
import { readingNotes } from '../../engine/experiment/studies/readingNotes.ts';
import { runScenario } from '../../engine/experiment/studies/run.ts';
import { intervalsCsv, totalsCsv, workloadCsvFiles } from '../../engine/report/csv.ts';
import { runReportFiles } from '../../engine/report/html.ts';
import { resultJson } from '../../engine/report/json.ts';
import { prepareResultFolder, writeResultFolder } from '../../engine/report/output.ts';
import { svgToPng } from '../../engine/report/png.ts';
import { formatRunReport, withoutIntervals } from '../../engine/report/runReport.ts';
import { loadScenario } from '../../engine/scenario/load.ts';
import { parseHorizonHours } from '../../engine/scenario/units.ts';
import { UsageError } from '../errors.ts';
import { progressBar } from '../progress.ts';
import { workersOption } from '../workers.ts';

export const scenarioOverrideOptions = {
  agents: { type: 'number', describe: 'on-seat agents, the same around the clock (flat; replaces the staffing)' },
  headcount: { type: 'number', describe: "operators on the payroll, put on seat by peoplePerSeat in the scenario's form (profile)" },
  'people-per-seat': { type: 'number', describe: "payroll people per agent on seat (with the scenario's head count or --headcount)" },
  profile: { type: 'string', choices: ['flat', 'demand'], describe: "a head count on seat: flat (the same around the clock) or demand (following the calls); default: the scenario's" },
  replications: { type: 'number', describe: 'number of replications' },
  seed: { type: 'string', describe: 'random seed' },
  horizon: { type: 'string', describe: 'simulated length, e.g. 7d, 24h, 366d' },
  scale: { type: 'number', describe: 'multiply every arrival rate, e.g. 1.2 for a +20% typhoon week' },
  'start-date': { type: 'string', describe: 'first day of the horizon, YYYY-MM-DD' },
  'allow-files-outside': { type: 'boolean', describe: "let empirical file: paths point outside the scenario's folder (see SECURITY.md)" },
  workers: workersOption,
} as const;

export function overridesFrom(argv: {
  agents?: number;
  headcount?: number;
  'people-per-seat'?: number;
  profile?: string;
  replications?: number;
  seed?: string;
  horizon?: string;
  scale?: number;
  'start-date'?: string;
  'allow-files-outside'?: boolean;
}) {
  let horizonHours: number | undefined;
  if (argv.horizon !== undefined) {
    const h = parseHorizonHours(argv.horizon);
    if (typeof h !== 'number') throw new UsageError(`--horizon: ${h.error}`);
    horizonHours = h;
  }
  if (argv.agents !== undefined && (!Number.isInteger(argv.agents) || argv.agents < 0)) {
    throw new UsageError(`--agents must be a whole number of agents, 0 or more (got ${argv.agents})`);
  }
  if (argv.replications !== undefined && (!Number.isInteger(argv.replications) || argv.replications < 1)) {
    throw new UsageError(`--replications must be a whole number, 1 or more (got ${argv.replications})`);
  }
  if (argv.headcount !== undefined && (!Number.isInteger(argv.headcount) || argv.headcount < 1)) {
    throw new UsageError(`--headcount must be a whole number of operators, 1 or more (got ${argv.headcount})`);
  }
  const pps = argv['people-per-seat'];
  if (pps !== undefined && !(pps > 0)) throw new UsageError(`--people-per-seat must be more than 0 (got ${pps})`);
  for (const flag of ['headcount', 'people-per-seat', 'profile'] as const) {
    if (argv.agents !== undefined && argv[flag] !== undefined) throw new UsageError(`--agents (flat agents on seat) conflicts with --${flag}: give one of them`);
  }
  const scale = argv.scale;
  if (scale !== undefined && !(scale >= 0 && Number.isFinite(scale))) throw new UsageError(`--scale must be 0 or more, e.g. 1.2 for 20% more calls (got ${scale})`);
  const startDate = argv['start-date'];
  if (startDate !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || Number.isNaN(Date.parse(`${startDate}T00:00:00Z`)))) {
    throw new UsageError(`--start-date must be a date YYYY-MM-DD, e.g. 2024-07-15 (got ${startDate})`);
  }
  const seed = argv.seed === undefined ? undefined : /^-?\d+$/.test(argv.seed) ? Number(argv.seed) : argv.seed;
  const profile = argv.profile as 'flat' | 'demand' | undefined;
  return { agents: argv.agents, headcount: argv.headcount, peoplePerSeat: pps, profile, replications: argv.replications, seed, horizonHours, scale, startDate, allowFilesOutside: argv['allow-files-outside'] };
}

export function registerRun(y: Argv) {
  return y.command(
    'run <scenario>',
    'simulate a scenario and report connection rate, service level, waits and occupancy',
    (a) =>
      a
        .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML)' })
        .options(scenarioOverrideOptions)
        .option('json', { type: 'boolean', default: false, describe: 'print one JSON object instead of the table (per-interval rows only with --intervals)' })
        .option('intervals', { type: 'boolean', default: false, describe: 'keep the per-interval rows in --json and result.json' })
        .option('detail', { type: 'boolean', default: false, describe: 'after the summary: every metric, the breakdowns and the average day' })
        .option('out', { type: 'string', describe: 'folder for totals.csv, intervals.csv, result.json, report.html and its chart SVGs' })
        .option('charts', { type: 'boolean', default: false, describe: 'also write every chart as PNG (with --out)' })
        .option('force', { type: 'boolean', default: false, describe: 'overwrite existing files in --out' })
        .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar' }),
    async (argv) => {
      if (argv.charts && !argv.out) throw new UsageError('--charts writes files: give --out DIR too');
      if (argv.detail && argv.json) throw new UsageError('--detail conflicts with --json: the JSON holds every metric already');
      if (argv.force && !argv.out) throw new UsageError('--force overwrites files in --out: give --out DIR too');
      if (argv.intervals && !argv.out && !argv.json) throw new UsageError('--intervals keeps the per-interval rows in --json or --out: give one of them');
      const scenario = loadScenario(argv.scenario, overridesFrom(argv));
      // Refuse an unusable --out before simulating, not after.
      if (argv.out) prepareResultFolder(argv.out, argv.force);
      const progress = progressBar('Simulating', argv.quiet || argv.json);
      const result = runScenario(scenario, { onReplication: (d, t) => progress.update(d, t) });
      progress.stop();
      if (argv.out) {
        const report = await runReportFiles(result);
        const written = writeResultFolder(
          argv.out,
          {
            'totals.csv': await totalsCsv(result),
            'intervals.csv': await intervalsCsv(result),
            ...(await workloadCsvFiles(result)),
            'result.json': resultJson(argv.intervals ? result : withoutIntervals(result), 2) + '\n',
            ...report,
            ...(argv.charts ? await pngsOf(report) : {}),
          },
          argv.force,
        );
        if (!argv.quiet) process.stderr.write(`wrote ${written.join(', ')}\n`);
      }
      if (argv.json) {
        process.stdout.write(resultJson(argv.intervals ? result : withoutIntervals(result)) + '\n');
        return;
      }
      const notes = readingNotes({ occupancy: result.totals.occupancy?.mean, profile: result.staffing.profile, scenario });
      process.stdout.write(formatRunReport(result, { detail: argv.detail, notes }) + '\n');
    },
  );
}

/** A PNG beside each chart SVG. */
async function pngsOf(files: Record<string, string>): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const [name, svg] of Object.entries(files)) if (name.endsWith('.svg')) out[name.replace(/\.svg$/, '.png')] = await svgToPng(svg);
  return out;
}
