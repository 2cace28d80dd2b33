import type { Argv } from 'yargs';
import { compareCsvFiles, compareStudy, formatCompareReport, prepareResultFolder, resultJson, writeResultFolder } from '../../engine/index.ts';
import { UsageError } from '../errors.ts';
import { parsePeriod, parseTarget, periodOption } from '../targets.ts';
import { checkReportFlags, checkYears, costStudyOptions, studyOverridesFrom, studyProgress } from './budget.ts';

export function registerCompare(y: Argv) {
  return y.command(
    'compare <a> [b]',
    'two scenarios side by side (KPIs with CIs, head count, budgets, differences), or in-house vs outsourced of one (--models)',
    (a) =>
      a
        .positional('a', { type: 'string', demandOption: true, describe: 'scenario file (YAML)' })
        .positional('b', { type: 'string', describe: 'second scenario file (omit with --models)' })
        .options(costStudyOptions)
        .option('models', { type: 'boolean', default: false, describe: 'compare in-house vs outsourced for scenario a' })
        .option('target', { type: 'string', describe: 'also the fewest people each scenario needs for a KPI (the search of budget --target), e.g. connection=0.95' })
        .option('per', { ...periodOption, describe: `with --target: ${periodOption.describe}` })
        .implies('per', 'target')
        .option('detail', { type: 'boolean', default: false, describe: 'after the summary: every KPI with its CI, unit costs and line items' }),
    async (argv) => {
      const years = argv.years === undefined ? undefined : checkYears(argv.years);
      checkReportFlags(argv);
      if (argv.models && argv.b !== undefined) throw new UsageError('--models compares the two operating models of ONE scenario: give one file');
      if (!argv.models && argv.b === undefined) throw new UsageError('give two scenarios to compare (compare a.yaml b.yaml), or one with --models');
      if (argv.models && argv.target !== undefined) throw new UsageError('--target is for two scenarios; for one scenario\'s head count and price at a target use budget --target');
      const overrides = studyOverridesFrom(argv);
      const progress = studyProgress(argv.quiet || argv.json);
      if (argv.out) prepareResultFolder(argv.out, argv.force);
      const result = compareStudy({
        files: argv.b === undefined ? [argv.a] : [argv.a, argv.b],
        models: argv.models,
        overrides,
        years,
        simulate: argv.simulate,
        target: argv.target !== undefined ? parseTarget(argv.target) : undefined,
        period: parsePeriod(argv.per),
        onProgress: (l, d, t) => progress.update(l, d, t),
      });
      progress.stop();
      if (argv.out) {
        const written = writeResultFolder(argv.out, await compareCsvFiles(result), argv.force);
        if (!argv.quiet) process.stderr.write(`wrote ${written.join(', ')}\n`);
      }
      process.stdout.write(argv.json ? resultJson(result) + '\n' : formatCompareReport(result, { detail: argv.detail }) + '\n');
    },
  );
}
