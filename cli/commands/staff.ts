import type { Argv } from 'yargs';
import { prepareOutputFolder, formatStaffOutput, readingNotes, withoutIntervals, intervalsCsv, loadScenario, staffCsvFiles, staffScenario, totalsCsv, writeFilesAtomically } from '../../engine/index.ts';
import { UsageError } from '../errors.ts';
import { parseTarget } from '../targets.ts';
import { overridesFrom, scenarioOverrideOptions } from './run.ts';

// --agents would fix what staff is asked to find: not offered (yargs refuses it).
const { agents: _agents, ...staffOverrideOptions } = scenarioOverrideOptions;

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
        .options(staffOverrideOptions)
        .option('json', { type: 'boolean', default: false, describe: 'print one JSON object instead of the report (per-interval rows only with --intervals)' })
        .option('intervals', { type: 'boolean', default: false, describe: 'with --json: keep the per-interval requirement and totals' })
        .option('detail', { type: 'boolean', default: false, describe: 'after the summary: the requirement by hour and weekday and the roster by shift' })
        .option('out', { type: 'string', describe: 'folder for requirement.csv, roster.csv, uncovered.csv, totals.csv, intervals.csv' })
        .option('force', { type: 'boolean', default: false, describe: 'overwrite existing files in --out' })
        .option('quiet', { type: 'boolean', default: false, describe: 'no progress messages on stderr' }),
    async (argv) => {
      const target = parseTarget(argv.target);
      const conf = argv.confidence;
      if (!(conf >= 0.5 && conf < 1)) throw new UsageError('--confidence must be from 0.5 up to (not including) 1');
      const occ = argv['max-occupancy'];
      if (occ !== undefined && !(occ > 0 && occ <= 1)) throw new UsageError('--max-occupancy must be between 0 and 1');
      const scenario = loadScenario(argv.scenario, overridesFrom(argv));
      if (argv.out) prepareOutputFolder(argv.out, ['requirement.csv', 'roster.csv', 'uncovered.csv', 'totals.csv', 'intervals.csv'], argv.force);
      const say = (m: string) => !argv.quiet && !argv.json && process.stderr.isTTY && process.stderr.write(`${m}\n`);
      const study = await staffScenario(scenario, target, {
        confidence: conf,
        maxOccupancy: occ,
        replications: argv['requirement-replications'],
        onStage: (stage) => say({ requirement: 'Finding the agents needed per interval…', schedule: 'Optimising the shift schedule…', check: 'Simulating the roster…' }[stage] ?? stage),
      });
      if (argv.out) {
        const files = { ...(await staffCsvFiles(study)), 'totals.csv': await totalsCsv(study.run), 'intervals.csv': await intervalsCsv(study.run) };
        const written = writeFilesAtomically(argv.out, files, argv.force);
        if (!argv.quiet) process.stderr.write(`wrote ${written.join(', ')}\n`);
      }
      if (argv.json) {
        process.stdout.write(
          JSON.stringify({
            scenario: study.run.scenario,
            target: study.target,
            headcount: study.schedule.headcount,
            paidHoursPerWeek: study.schedule.paidHoursPerWeek,
            roster: study.schedule.peoplePerPattern,
            requirement: argv.intervals ? { agents: study.requirement.agents, erlang: study.requirement.erlang, startWeekday: study.startWeekday } : { startWeekday: study.startWeekday },
            onSeat: argv.intervals ? study.onSeat : undefined,
            uncovered: study.schedule.uncovered,
            solver: { status: study.schedule.solverStatus, gap: study.schedule.gapAchieved },
            totals: study.run.totals,
            intervalsMissingTarget: study.intervalsMissingTarget,
          }) + '\n',
        );
      } else {
        const notes = readingNotes({ occupancy: study.run.totals.occupancy?.mean, profile: 'roster', scenario: { ...scenario, agents: study.onSeat }, solver: { status: study.schedule.solverStatus, gap: study.schedule.gapAchieved } });
        process.stdout.write(formatStaffOutput(study, { detail: argv.detail, notes, scenarioHeadcount: scenario.headcount }) + '\n');
      }
    },
  );
}
