import type { Argv } from 'yargs';
import { prepareResultFolder, formatStaffReport, intervalsCsv, loadScenario, staffCsvFiles, staffScenario, totalsCsv, resultJson, writeResultFolder } from '../../engine/index.ts';
import { UsageError } from '../errors.ts';
import { parseTarget } from '../targets.ts';
import { overridesFrom, scenarioOverrideOptions } from './run.ts';

export function registerStaff(y: Argv) {
  return y.command(
    'staff <scenario>',
    'the minimum roster and payroll head count for a KPI target, checked by simulation',
    (a) =>
      a
        .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML)' })
        .option('target', { type: 'string', demandOption: true, describe: 'connection=0.95, sl=0.8@20, asa=30 or abandon=0.05' })
        .option('max-occupancy', { type: 'number', describe: 'also keep occupancy at or below this, e.g. 0.85' })
        .option('confidence', { type: 'number', default: 0.8, describe: 'one-sided confidence that each interval meets the target (0.5 = the simulated mean)' })
        .option('requirement-replications', { type: 'number', default: 20, describe: 'replications per round of the requirement search' })
        .options(scenarioOverrideOptions)
        .option('json', { type: 'boolean', default: false })
        .option('out', { type: 'string', describe: 'folder for requirement.csv, roster.csv, uncovered.csv, totals.csv, intervals.csv' })
        .option('force', { type: 'boolean', default: false, describe: 'overwrite existing files in --out' })
        .option('quiet', { type: 'boolean', default: false }),
    async (argv) => {
      const target = parseTarget(argv.target);
      const conf = argv.confidence;
      if (!(conf >= 0.5 && conf < 1)) throw new UsageError('--confidence must be from 0.5 up to (not including) 1');
      const occ = argv['max-occupancy'];
      if (occ !== undefined && !(occ > 0 && occ <= 1)) throw new UsageError('--max-occupancy must be between 0 and 1');
      const scenario = loadScenario(argv.scenario, overridesFrom(argv));
      if (argv.out) prepareResultFolder(argv.out, argv.force);
      const say = (m: string) => !argv.quiet && !argv.json && process.stderr.isTTY && process.stderr.write(`${m}\n`);
      const study = await staffScenario(scenario, target, {
        confidence: conf,
        maxOccupancy: occ,
        replications: argv['requirement-replications'],
        onStage: (stage) => say({ requirement: 'Finding the agents needed per interval…', schedule: 'Optimising the shift schedule…', check: 'Simulating the roster…' }[stage] ?? stage),
      });
      if (argv.out) {
        const files = { ...(await staffCsvFiles(study)), 'totals.csv': await totalsCsv(study.run), 'intervals.csv': await intervalsCsv(study.run) };
        const written = writeResultFolder(argv.out, files, argv.force);
        if (!argv.quiet) process.stderr.write(`wrote ${written.join(', ')}\n`);
      }
      if (argv.json) {
        process.stdout.write(
          resultJson({
            scenario: study.run.scenario,
            target: study.target,
            headcount: study.schedule.headcount,
            paidHoursPerWeek: study.schedule.paidHoursPerWeek,
            roster: study.schedule.peoplePerPattern,
            requirement: { agents: study.requirement.agents, erlang: study.requirement.erlang, startWeekday: study.startWeekday },
            uncovered: study.schedule.uncovered,
            solver: { status: study.schedule.solverStatus, gap: study.schedule.gapAchieved },
            totals: study.run.totals,
            intervalsMissingTarget: study.intervalsMissingTarget,
          }) + '\n',
        );
      } else {
        process.stdout.write(formatStaffReport(study) + '\n');
      }
    },
  );
}
