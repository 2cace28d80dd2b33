import type { Argv } from 'yargs';
import { mergeShards, prepareOutputFolder, readSweepCsv, writeFilesAtomically, wrapText } from '../../engine/index.ts';
import { writeSweepReport } from './sweep.ts';

export function registerMerge(y: Argv) {
  return y.command(
    'merge <files..>',
    'combine the shard CSVs of a sweep (sweep --shard k/n) into the CSV the whole sweep gives, with its report',
    (a) =>
      a
        .positional('files', { type: 'string', array: true, demandOption: true, describe: 'shard CSV files (sweep.shard-K-of-N.csv), each with its .json beside it' })
        .option('out', { type: 'string', demandOption: true, describe: 'folder for sweep.csv, sweep.json and report.html' })
        .option('charts', { type: 'boolean', default: false, describe: 'also write every chart as SVG and PNG files' })
        .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing sweep in --out' }),
    async (argv) => {
      const files = argv.files.map(String);
      prepareOutputFolder(argv.out, ['sweep.csv', 'sweep.json', 'report.html'], argv.force);
      const { csv, manifest } = mergeShards(files);
      const written = writeFilesAtomically(argv.out, { 'sweep.json': JSON.stringify(manifest, null, 2) + '\n', 'sweep.csv': csv }, argv.force);
      const table = await readSweepCsv(written[1]);
      written.push(...(await writeSweepReport(argv.out, table, manifest, argv.charts, true)));
      process.stdout.write(wrapText(`${manifest.scenario}: ${files.length} shards merged, ${manifest.points} points`).join('\n') + '\n' + wrapText(`wrote ${written.join(', ')}`).join('\n') + '\n');
    },
  );
}
