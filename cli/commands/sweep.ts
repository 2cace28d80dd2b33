import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Argv } from 'yargs';
import {
  chartFiles,
  csvLines,
  formatSweepSummary,
  isSweepFile,
  openSweepOutput,
  parseShard,
  parseVary,
  planSweep,
  prepareOutputFolder,
  readSweepCsv,
  readSweepFile,
  renderSweepCharts,
  shardPoints,
  SweepError,
  sweepChunks,
  sweepManifest,
  sweepReportHtml,
  sweepStem,
  workers,
  writeFilesAtomically,
  type Shard,
  type SweepAxis,
  type SweepPlan,
  type SweepTable,
} from '../../engine/index.ts';
import { UsageError } from '../errors.ts';
import { progressBar } from '../progress.ts';
import { overridesFrom } from './run.ts';
import { workersOption } from '../workers.ts';

/** The report and chart files a finished sweep writes beside its CSV. */
export async function writeSweepReport(dir: string, table: SweepTable, manifest: ReturnType<typeof sweepManifest> | null, charts: boolean, force: boolean): Promise<string[]> {
  const rendered = await renderSweepCharts(table);
  const files = { 'report.html': sweepReportHtml(table, manifest, rendered), ...(charts ? await chartFiles(rendered, true) : {}) };
  return writeFilesAtomically(dir, files, force);
}

export function registerSweep(y: Argv) {
  return y.command(
    'sweep <scenario>',
    'simulate a grid of scenario variants (any field by its path) and write one CSV row per point, with charts and a report',
    (a) =>
      a
        .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file, or a sweep file (YAML with scenario: and vary:)' })
        .option('vary', {
          type: 'string',
          array: true,
          describe: 'field=a..b:step or field=v1,v2,... (repeat for a grid), e.g. agents=200..320:10, arrivals.scale=0.8..1.2:0.1',
        })
        .option('out', { type: 'string', default: 'output/sweep', describe: 'folder for sweep.csv, sweep.json, report.html and charts' })
        .option('charts', { type: 'boolean', default: false, describe: 'also write every chart as SVG and PNG files' })
        .option('resume', { type: 'boolean', default: false, describe: 'carry on an interrupted sweep: keep the points already in the CSV' })
        .option('force', { type: 'boolean', default: false, describe: 'start over, overwriting an existing sweep in --out' })
        .option('shard', { type: 'string', describe: 'k/n: run only the k-th of n shards of the grid (combine them with hotline-sim merge)' })
        .option('replications', { type: 'number', describe: 'replications per point' })
        .option('seed', { type: 'string', describe: 'random seed (the same for every point)' })
        .option('horizon', { type: 'string', describe: 'simulated length, e.g. 7d, 24h' })
        .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar' })
        .option('workers', workersOption),
    async (argv) => {
      if (argv.resume && argv.force) throw new UsageError('give --resume or --force, not both');
      let shard: Shard | null = null;
      if (argv.shard !== undefined) {
        const s = parseShard(argv.shard);
        if ('error' in s) throw new UsageError(`--shard: ${s.error}`);
        shard = s;
      }
      let file = argv.scenario;
      let axes: SweepAxis[] = [];
      const overrides = overridesFrom({ replications: argv.replications, seed: argv.seed, horizon: argv.horizon });
      let sweepFile: string | null = null;
      if (isSweepFile(readText(file))) {
        sweepFile = file;
        const sf = readSweepFile(file);
        file = sf.scenario;
        axes = sf.axes;
        overrides.replications ??= sf.replications;
        overrides.seed ??= sf.seed;
      }
      let plan: SweepPlan;
      try {
        axes = [...axes, ...(argv.vary ?? []).map(parseVary)];
        if (axes.length === 0) throw new UsageError('give the fields to vary: --vary field=a..b:step (or a sweep file with vary:)');
        // Every point is checked before any simulation.
        plan = planSweep(file, axes, overrides);
      } catch (e) {
        if (e instanceof SweepError) {
          // Name where the field was given: the sweep file, or --vary.
          const inFile = sweepFile !== null && !(argv.vary ?? []).some((v) => v.split('=')[0].trim() === e.field);
          throw new UsageError(inFile ? `${sweepFile}: vary.${e.message} (${basename(file)})` : `--vary ${e.message} (${basename(file)})`);
        }
        throw e;
      }
      const mine = shardPoints(plan.points, shard);
      const reportNames = shard ? [] : ['report.html'];
      const csvPath = join(argv.out, `${sweepStem(shard)}.csv`);
      if (!argv.force && !argv.resume && existsSync(csvPath)) throw new UsageError(`${csvPath} already exists: add --resume to carry on that sweep, or --force to start over`);
      if (!argv.force && !argv.resume) prepareOutputFolder(argv.out, [`${sweepStem(shard)}.csv`, `${sweepStem(shard)}.json`, ...reportNames], false);
      const output = await openSweepOutput(argv.out, plan, shard, { resume: argv.resume, force: argv.force });
      const todo = mine.slice(output.done);
      const progress = progressBar('Sweeping', argv.quiet, 'points');
      // Enough points per chunk to keep every worker busy; each chunk is on disk before the next starts.
      const chunk = Math.max(1, Math.ceil((32 * workers()) / plan.replications));
      try {
        for (const rows of sweepChunks(plan, todo, chunk, (d) => progress.update(output.done + d, mine.length))) {
          output.append(await csvLines(rows));
        }
      } finally {
        output.close();
        progress.stop();
      }
      const written = [output.csvPath];
      if (shard) {
        process.stdout.write(
          `${plan.scenarioName}: shard ${shard.k}/${shard.n}, ${mine.length} of ${plan.points.length} points × ${plan.replications} replications\n` +
            `wrote ${output.csvPath}\n` +
            `when every shard is done: hotline-sim merge ${join(argv.out, `sweep.shard-*-of-${shard.n}.csv`)} --out DIR\n`,
        );
        return;
      }
      const table = await readSweepCsv(output.csvPath);
      const manifest = sweepManifest(plan, null);
      written.push(...(await writeSweepReport(argv.out, table, manifest, argv.charts, true)));
      process.stdout.write(formatSweepSummary(table, manifest, argv.out, written) + '\n');
    },
  );
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // the scenario loader reports a missing file with its usual message
  }
}
