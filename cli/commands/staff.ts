import type { Argv } from 'yargs';
import {
  formatStaffOutput,
  headcountForTarget,
  intervalsCsv,
  loadScenario,
  prepareResultFolder,
  resultJson,
  readingNotes,
  staffCsvFiles,
  totalsCsv,
  writeResultFolder,
  type HeadcountAnswer,
  type StaffAnswers,
} from '../../engine/index.ts';
import { UsageError } from '../errors.ts';
import { plausibleRangeLines, runSensitivity, sensitivityOption } from '../sensitivity.ts';
import { parsePeriod, parseTarget, periodOption } from '../targets.ts';
import { overridesFrom, scenarioOverrideOptions } from './run.ts';

// --agents would fix what staff is asked to find: not offered (yargs refuses it).
const { agents: _agents, ...staffOverrideOptions } = scenarioOverrideOptions;

export function registerStaff(y: Argv) {
  return y.command(
    'staff <scenario>',
    "the fewest people for a KPI target: a shift roster (solver) and the scenario's own profile side by side, checked by simulation",
    (a) =>
      a
        .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML)' })
        .option('target', { type: 'string', demandOption: true, describe: 'connection=0.95, sl=0.8@20, asa=30 or abandon=0.05' })
        .option('per', periodOption)
        .option('mode', { type: 'string', default: 'both', describe: "roster (shift solver, every interval), profile (the scenario's flat or demand profile, over --per) or both" })
        .option('max-occupancy', { type: 'number', describe: 'roster: also keep occupancy at or below this, e.g. 0.85' })
        .option('confidence', { type: 'number', describe: 'roster: one-sided confidence that each interval meets the target (default 0.8; 0.5 = the simulated mean)' })
        .option('requirement-replications', { type: 'number', describe: 'roster: replications per round of the requirement search (default 20)' })
        .options(staffOverrideOptions)
        .option('json', { type: 'boolean', default: false, describe: 'print one JSON object instead of the report (per-interval arrays only with --intervals)' })
        .option('intervals', { type: 'boolean', default: false, describe: "with --json: keep the roster's per-interval requirement and agents on seat" })
        .option('detail', { type: 'boolean', default: false, describe: 'after the summary: the search, the requirement by hour and weekday, the roster by shift' })
        .option('out', { type: 'string', describe: 'folder for requirement.csv, roster.csv, uncovered.csv, totals.csv, intervals.csv' })
        .option('force', { type: 'boolean', default: false, describe: 'overwrite existing files in --out' })
        .option('quiet', { type: 'boolean', default: false, describe: 'no progress messages on stderr' })
        .option('sensitivity', sensitivityOption),
    async (argv) => {
      const target = parseTarget(argv.target);
      const period = parsePeriod(argv.per);
      const mode = argv.mode;
      if (mode !== 'roster' && mode !== 'profile' && mode !== 'both') throw new UsageError(`--mode must be roster, profile or both (got ${mode})`);
      if (mode === 'profile') {
        for (const flag of ['confidence', 'requirement-replications', 'max-occupancy'] as const) {
          if (argv[flag] !== undefined) throw new UsageError(`--${flag} is for the roster: it conflicts with --mode profile`);
        }
      }
      if (argv.intervals && !argv.json) throw new UsageError('--intervals keeps per-interval arrays in --json: give --json too');
      if (argv.detail && argv.json) throw new UsageError('--detail conflicts with --json: the JSON holds the search and the roster already');
      if (argv.force && !argv.out) throw new UsageError('--force overwrites files in --out: give --out DIR too');
      const conf = argv.confidence ?? 0.8;
      const requirementReplications = argv['requirement-replications'] ?? 20;
      if (!(Number.isInteger(requirementReplications) && requirementReplications >= 2 && requirementReplications <= 10000)) {
        throw new UsageError(`--requirement-replications must be a whole number from 2 to 10000 (got ${requirementReplications})`);
      }
      if (!(conf >= 0.5 && conf < 1)) throw new UsageError('--confidence must be from 0.5 up to (not including) 1');
      const occ = argv['max-occupancy'];
      if (occ !== undefined && !(occ > 0 && occ <= 1)) throw new UsageError('--max-occupancy must be between 0 and 1');
      const overrides = overridesFrom(argv);
      if (argv.sensitivity) {
        // The profile search (the scenario's own staffing) at each end: a roster per end would take minutes each.
        if (mode === 'roster') throw new UsageError('--sensitivity searches the scenario\'s profile at each end of each range; it conflicts with --mode roster');
        if (argv.out) prepareResultFolder(argv.out, argv.force);
        return runSensitivity({ scenario: argv.scenario, target, period, overrides, out: argv.out, force: argv.force, json: argv.json, detail: argv.detail, quiet: argv.quiet });
      }
      const scenario = loadScenario(argv.scenario, overrides);
      if (argv.out && mode === 'profile') throw new UsageError('--out writes the roster\'s files (requirement, roster, totals): use --mode roster or both');
      if (argv.out) prepareResultFolder(argv.out, argv.force);
      const say = (m: string) => !argv.quiet && !argv.json && process.stderr.isTTY && process.stderr.write(`${m}\n`);
      const answers: HeadcountAnswer[] = [];
      const skipped: string[] = [];
      if (mode !== 'profile') {
        answers.push(
          await headcountForTarget(argv.scenario, {
            target,
            period,
            mode: 'roster',
            overrides,
            staffing: {
              confidence: conf,
              maxOccupancy: occ,
              replications: requirementReplications,
              onStage: (stage) => say({ requirement: 'Finding the agents needed per interval…', schedule: 'Optimising the shift schedule…', check: 'Simulating the roster…' }[stage] ?? stage),
            },
          }),
        );
      }
      if (mode !== 'roster') {
        say("Searching the head count in the scenario's own profile…");
        try {
          answers.push(await headcountForTarget(argv.scenario, { target, period, mode: 'profile', overrides }));
        } catch (e) {
          if (!(e instanceof RangeError) || mode === 'profile') throw e;
          skipped.push(`(the scenario's own profile: ${e.message.replace(/^[^:]*: /, '')})`);
        }
      }
      const roster = answers.find((x) => x.roster)?.roster ?? null;
      const view: StaffAnswers = {
        scenario: scenario.name,
        target,
        period,
        intervalMinutes: scenario.intervalSeconds / 60,
        serviceLevelSeconds: (target.kind === 'serviceLevel' ? target.seconds : undefined) ?? scenario.serviceLevelSeconds,
        answers: answers.map((x) => x.result),
        roster,
        skipped,
      };
      if (roster && argv.detail && !argv.quiet) {
        // Wall time varies from run to run: on stderr, so stdout stays the same for the same scenario and seed.
        const sch = roster.schedule;
        process.stderr.write(`roster solver: ${sch.solveSeconds.toFixed(1)} s in HiGHS, ${sch.buildSeconds.toFixed(1)} s building and checking the roster\n`);
      }
      if (argv.out && roster) {
        const files = { ...(await staffCsvFiles(roster)), 'totals.csv': await totalsCsv(roster.run), 'intervals.csv': await intervalsCsv(roster.run) };
        const written = writeResultFolder(argv.out, files, argv.force);
        if (!argv.quiet) process.stderr.write(`wrote ${written.join(', ')}\n`);
      }
      if (argv.json) {
        process.stdout.write(
          resultJson({
            scenario: scenario.name,
            target,
            period,
            scenarioHeadcount: scenario.headcount,
            answers: answers.map((x) => ({
              mode: x.mode,
              period: x.result.period,
              profile: x.result.profile,
              headcount: x.headcount,
              agentsOnSeat: x.result.agentsOnSeat,
              kpi: x.result.kpi,
              kpis: x.result.kpis,
              method: x.result.method,
            })),
            roster: roster
              ? {
                  headcount: roster.schedule.headcount,
                  paidHoursPerWeek: roster.schedule.paidHoursPerWeek,
                  patterns: roster.schedule.peoplePerPattern,
                  requirement: argv.intervals ? { agents: roster.requirement.agents, erlang: roster.requirement.erlang, startWeekday: roster.startWeekday } : { startWeekday: roster.startWeekday },
                  onSeat: argv.intervals ? roster.onSeat : undefined,
                  uncovered: roster.schedule.uncovered,
                  solver: { status: roster.schedule.solverStatus, gap: roster.schedule.gapAchieved },
                  totals: roster.run.totals,
                  intervalsMissingTarget: roster.intervalsMissingTarget,
                }
              : null,
          }) + '\n',
        );
        return;
      }
      const main = answers[0]?.result;
      const notes = readingNotes({
        occupancy: main?.kpis.occupancy.mean,
        profile: roster ? 'roster' : scenario.staffing.profile,
        scenario: roster ? { ...scenario, agents: roster.onSeat } : scenario,
        solver: roster ? { status: roster.schedule.solverStatus, gap: roster.schedule.gapAchieved } : null,
      });
      if (occ !== undefined && mode !== 'roster') notes.push("--max-occupancy applies to the roster only; the profile search meets the KPI target alone");
      // The range beside the answer (under its "Answer:" line): the file's plausible assumptions at
      // their ends, an analytic estimate scaled to the first answer.
      const range = answers[0] ? plausibleRangeLines(argv.scenario, answers[0].headcount, target, overridesFrom(argv)) : [];
      const screen = formatStaffOutput(view, { detail: argv.detail, notes, scenarioHeadcount: scenario.headcount }).split('\n');
      const at = screen.findIndex((l) => l.startsWith('Answer:'));
      screen.splice(at < 0 ? screen.length : at + 1, 0, ...range);
      process.stdout.write(screen.join('\n') + '\n');
    },
  );
}
