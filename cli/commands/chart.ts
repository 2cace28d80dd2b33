import { dirname } from 'node:path';
import type { Argv } from 'yargs';
import { availableSweepCharts, chartFiles, cjkFont, readSweepCsv, renderSweepCharts, SWEEP_CHART_KINDS, writeFilesAtomically, type SweepChartKind } from '../../engine/index.ts';
import { UsageError } from '../errors.ts';

export function registerChart(y: Argv) {
  return y.command(
    'chart <results>',
    'draw charts (SVG and PNG) from a sweep CSV',
    (a) =>
      a
        .positional('results', { type: 'string', demandOption: true, describe: 'a sweep CSV (sweep.csv, or a merged one)' })
        .option('kind', {
          type: 'string',
          array: true,
          choices: [...SWEEP_CHART_KINDS, 'all'],
          default: ['all'],
          describe: 'connection: connection rate (CI band) vs head count; frontier: budget vs connection rate, in-house and outsourced; heatmap: two varied fields',
        })
        .option('out', { type: 'string', describe: 'folder for the chart files (default: beside the CSV)' })
        .option('force', { type: 'boolean', default: false, describe: 'overwrite existing chart files' }),
    async (argv) => {
      const table = await readSweepCsv(argv.results);
      const can = availableSweepCharts(table);
      const asked = argv.kind.includes('all') ? can : (argv.kind as SweepChartKind[]);
      const cannot = asked.find((k) => !can.includes(k));
      if (cannot) {
        const why = cannot === 'frontier' ? 'the sweep has no budgets (its scenario has no cost section or no head count)' : `the sweep varies ${table.fields.length} field(s), not 2`;
        throw new UsageError(`--kind ${cannot}: ${why}`);
      }
      const files = await chartFiles(await renderSweepCharts(table, asked), true);
      const written = writeFilesAtomically(argv.out ?? dirname(argv.results), files, argv.force);
      const font = await cjkFont();
      process.stdout.write(`wrote ${written.join(', ')}\n`);
      if (font.source === 'none') process.stderr.write('note: no CJK font found: Chinese labels in the PNGs show as boxes (see README, "Charts")\n');
    },
  );
}
