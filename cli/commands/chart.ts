import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Argv } from 'yargs';
import {
  availableSweepCharts,
  chartFiles,
  cjkFont,
  prepareOutputFolder,
  readSweepCsv,
  renderSweepCharts,
  SWEEP_CHART_KINDS,
  writeFilesAtomically,
  type RunResult,
  type SweepChartKind,
  wrapText,
} from '../../engine/index.ts';
import { renderRunCharts } from '../../engine/report/charts.ts';
import { UsageError } from '../errors.ts';

export function registerChart(y: Argv) {
  return y.command(
    'chart <results>',
    'draw charts (SVG and PNG) from a sweep CSV, or from the result.json of hotline-sim run --out',
    (a) =>
      a
        .positional('results', { type: 'string', demandOption: true, describe: 'a sweep CSV (sweep.csv, or a merged one), or a run\'s result.json' })
        .option('kind', {
          type: 'string',
          array: true,
          choices: [...SWEEP_CHART_KINDS, 'run', 'all'],
          default: ['all'],
          describe:
            'connection: connection rate (CI band) vs head count; frontier: budget vs connection rate, in-house and outsourced; ' +
            'heatmap: two varied fields; run: the charts of a run report (from result.json)',
        })
        .option('out', { type: 'string', describe: 'folder for the chart files (default: beside the results file)' })
        .option('force', { type: 'boolean', default: false, describe: 'overwrite existing chart files' }),
    async (argv) => {
      const kinds = argv.kind.map(String);
      // The folder is checked before the charts are drawn (the file names come with them).
      if (argv.out) prepareOutputFolder(argv.out, [], argv.force);
      let rendered;
      if (argv.results.endsWith('.json')) {
        if (!kinds.every((k) => k === 'run' || k === 'all')) throw new UsageError(`--kind ${kinds.join(' ')}: a run's result.json has the run charts only (--kind run)`);
        rendered = (await renderRunCharts(readRunResult(argv.results))).map(({ chart, svg }) => ({ chart, svg: svg.endsWith('\n') ? svg : svg + '\n' }));
      } else {
        if (kinds.includes('run')) throw new UsageError('--kind run draws from a run\'s result.json, not from a sweep CSV');
        const table = await readSweepCsv(argv.results);
        const can = availableSweepCharts(table);
        const asked = kinds.includes('all') ? can : (kinds as SweepChartKind[]);
        const cannot = asked.find((k) => !can.includes(k));
        if (cannot) {
          const why = cannot === 'frontier' ? 'the sweep has no budgets (its scenario has no cost section or no head count)' : `the sweep varies ${table.fields.length} field(s), not 2`;
          throw new UsageError(`--kind ${cannot}: ${why}`);
        }
        rendered = await renderSweepCharts(table, asked);
      }
      const written = writeFilesAtomically(argv.out ?? dirname(argv.results), await chartFiles(rendered, true), argv.force);
      const font = await cjkFont();
      process.stdout.write(wrapText(`wrote ${written.join(', ')}`).join('\n') + '\n');
      if (font.source === 'none') process.stderr.write('note: no CJK font found: Chinese labels in the PNGs show as boxes (see README, "Charts")\n');
    },
  );
}

function readRunResult(file: string): RunResult {
  let r: unknown;
  try {
    r = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file}: cannot read it as JSON (${(e as Error).message.split('\n')[0]})`);
  }
  if (typeof r !== 'object' || r === null || !('totals' in r) || !('metrics' in r)) {
    throw new UsageError(`${file} is not the result.json of hotline-sim run --out`);
  }
  // result.json leaves the per-interval rows out unless run --intervals: read them from intervals.csv beside it.
  if (!('intervals' in r)) {
    const csv = join(dirname(file), 'intervals.csv');
    if (!existsSync(csv)) throw new UsageError(`${file} has no per-interval rows and there is no intervals.csv beside it: rerun hotline-sim run --out with --intervals`);
    (r as RunResult).intervals = intervalsFromCsv(readFileSync(csv, 'utf8'));
  }
  return r as RunResult;
}

/** The rows of intervals.csv (hotline-sim run --out) back as IntervalRow: numbers round-trip exactly. */
function intervalsFromCsv(text: string): RunResult['intervals'] {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l !== '');
  const header = lines[0].split(',');
  const ids = header.slice(4).filter((h) => !h.endsWith('_ci95_low') && !h.endsWith('_ci95_high'));
  const num = (x: string | undefined) => (x === undefined || x === '' ? Number.NaN : Number(x));
  const opt = (x: string | undefined) => (x === undefined || x === '' ? null : Number(x));
  return lines.slice(1).map((line) => {
    const c = line.split(',');
    const metrics: Record<string, { mean: number; ciLow: number | null; ciHigh: number | null }> = {};
    for (const id of ids) {
      const k = header.indexOf(id);
      metrics[id] = { mean: num(c[k]), ciLow: opt(c[k + 1]), ciHigh: opt(c[k + 2]) };
    }
    return { index: Number(c[0]), start: c[1], callsPerHour: Number(c[2]), agents: Number(c[3]), metrics };
  });
}
