import type { Argv } from 'yargs';
import {
  budgetCsvFiles,
  budgetStudy,
  fixedHeadcountSolver,
  headcountForTarget,
  type HeadcountSolver,
  formatBudgetNotes,
  formatBudgetOutput,
  formatBidSummary,
  writeResultFolder,
  prepareResultFolder,
  resultJson,
  type ScenarioOverrides,
  type StaffingTarget,
} from '../../engine/index.ts';
import { plausibleRangeLines, runSensitivity, sensitivityOption } from '../sensitivity.ts';
import { UsageError } from '../errors.ts';
import { progressBar, type Progress } from '../progress.ts';
import { parsePeriod, parseTarget, periodOption } from '../targets.ts';
import { overridesFrom, scenarioOverrideOptions } from './run.ts';

const { agents: _agents, ...simulationOptions } = scenarioOverrideOptions;

/** Options shared by `budget` and `compare`: what to simulate and the contract term. */
export const costStudyOptions = {
  ...simulationOptions,
  years: { type: 'number', describe: "contract term in years (default: the scenario's cited contract, else 1); the vendor amortises over it" },
  simulate: { type: 'boolean', default: true, describe: 'simulate the KPIs (--no-simulate: costs only)' },
  json: { type: 'boolean', default: false, describe: 'print one JSON object instead of the report' },
  out: { type: 'string', describe: 'folder for the CSV files and result.json' },
  force: { type: 'boolean', default: false, describe: 'overwrite existing files in --out' },
  quiet: { type: 'boolean', default: false, describe: 'no progress bar' },
} as const;

/** "129e6", "129000000", "129,000,000", "129M", "12900万", "1.29亿" → yuan. */
export function parseYuan(text: string, flag: string): number {
  const m = /^\s*([0-9][0-9,]*(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?)\s*(k|m|万|亿)?\s*(?:yuan|元)?\s*$/i.exec(text);
  const unit: Record<string, number> = { k: 1e3, m: 1e6, 万: 1e4, 亿: 1e8 };
  const value = m ? Number(m[1].replace(/,/g, '')) * (m[2] ? unit[m[2].toLowerCase()] : 1) : Number.NaN;
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new UsageError(`${flag} "${text}": give an amount of yuan more than 0, e.g. 129e6, 129000000, 129M or 12900万`);
  }
  if (value > 1e12) throw new UsageError(`${flag} "${text}": at most 1e12 yuan (the head-count search goes to 100 million operators)`);
  return value;
}

function positive(value: number | undefined, flag: string, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (!(value > 0) || !Number.isFinite(value)) throw new UsageError(`${flag} must be ${what} (got ${value})`);
  return value;
}

/** --headcount / --people-per-seat on top of the run overrides (the scenario's own --agents makes no sense here). */
export function studyOverridesFrom(argv: {
  replications?: number;
  seed?: string;
  horizon?: string;
  headcount?: number;
  'people-per-seat'?: number;
}): ScenarioOverrides {
  const o: ScenarioOverrides = overridesFrom(argv);
  if (argv.headcount !== undefined) {
    if (!Number.isInteger(argv.headcount) || argv.headcount < 1) throw new UsageError(`--headcount must be a whole number of operators, 1 or more (got ${argv.headcount})`);
    o.headcount = argv.headcount;
  }
  o.peoplePerSeat = positive(argv['people-per-seat'], '--people-per-seat', 'more than 0 people per agent on seat');
  return o;
}

/** --detail adds to the printed report and --force overwrites --out: each refused where it cannot act. */
export function checkReportFlags(argv: { detail?: boolean; json?: boolean; force?: boolean; out?: string }): void {
  if (argv.detail && argv.json) throw new UsageError('--detail conflicts with --json: the JSON holds every figure already');
  if (argv.force && !argv.out) throw new UsageError('--force overwrites files in --out: give --out DIR too');
}

export function checkYears(years: number): number {
  if (!(years > 0 && years <= 100)) throw new UsageError(`--years must be more than 0 and at most 100 (got ${years})`);
  return years;
}

/** One progress bar per simulated staffing. */
export function studyProgress(quiet: boolean) {
  let bar: Progress | null = null;
  let current = '';
  return {
    update(label: string, done: number, total: number) {
      if (label !== current) {
        bar?.stop();
        bar = progressBar(label, quiet);
        current = label;
      }
      bar!.update(done, total);
      if (done === total) {
        bar!.stop();
        bar = null;
        current = '';
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

function kpiOption(text: string, flag: string): StaffingTarget {
  try {
    return parseTarget(text);
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(e.message.replace(/^--target/, flag));
    throw e;
  }
}

export function registerBudget(y: Argv) {
  return y.command(
    'budget <scenario>',
    'annual budget of a scenario, in-house vs outsourced; budget → head count (--budget); KPI → minimum budget (--target); contract-year risk (--contract-kpi)',
    (a) =>
      a
        .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML) with a cost: section' })
        .options(costStudyOptions)
        .option('headcount', { type: 'number', describe: 'operators on the payroll (overrides the scenario)' })
        .option('people-per-seat', { type: 'number', describe: 'people on the payroll per agent on seat around the clock' })
        .option('budget', { type: 'string', describe: 'budget → head count: the budget for the whole term, yuan (129e6, 129M, 12900万)' })
        .option('naive-wage', { type: 'number', describe: "with --budget: the monthly wage of the naive division (default: the scenario's)" })
        .option('covers', { type: 'string', describe: 'with --budget: what an outsourced budget pays: contract (the contract price, default) or total (all-in)' })
        .option('target', { type: 'string', describe: 'minimum budget for a KPI: connection=0.95, sl=0.8@15, asa=30, abandon=0.05' })
        .option('per', { ...periodOption, describe: `with --target: ${periodOption.describe}` })
        .option('roster', { type: 'boolean', default: false, describe: "with --target: staff with a shift roster meeting the target in every interval (as hotline-sim staff), not the scenario's profile" })
        .option('criterion', { type: 'string', describe: 'with --target: mean (the mean meets it, default) or ci (the whole 95% CI does)' })
        .implies({ per: 'target', criterion: 'target', covers: 'budget', 'naive-wage': 'budget', risk: 'contract-kpi' })
        .option('contract-kpi', { type: 'string', describe: "the tender's monthly KPI, e.g. connection=0.95: P(every month meets it)" })
        .option('risk', { type: 'number', describe: 'with --contract-kpi: the head count and price for P(every month meets it) ≥ this, e.g. 0.9' })
        .option('bid', { type: 'boolean', default: false, describe: "the bidder's view: lawful floor, evaluated price, bond, payment, agency fee, KPI deductions, margin against the ceiling (cost.tender)" })
        .option('explain', { type: 'boolean', default: false, describe: 'print how each line item is computed' })
        .option('detail', { type: 'boolean', default: false, describe: 'after the summary: every line item, the in-house presets, the searches and the months' })
        .option('sensitivity', sensitivityOption),
    async (argv) => {
      const years = argv.years === undefined ? undefined : checkYears(argv.years);
      checkReportFlags(argv);
      if (argv.explain && argv.json) throw new UsageError('--explain conflicts with --json: the JSON holds every line item already');
      const period = parsePeriod(argv.per);
      const budgetYuan = argv.budget !== undefined ? parseYuan(argv.budget, '--budget') : undefined;
      const naiveWage = positive(argv['naive-wage'], '--naive-wage', 'a monthly wage in yuan, more than 0');
      if (naiveWage !== undefined && budgetYuan === undefined) throw new UsageError('--naive-wage needs --budget');
      const target = argv.target !== undefined ? kpiOption(argv.target, '--target') : undefined;
      const contractKpi = argv['contract-kpi'] !== undefined ? kpiOption(argv['contract-kpi'], '--contract-kpi') : undefined;
      if (argv.risk !== undefined && !(argv.risk > 0 && argv.risk < 1)) throw new UsageError(`--risk must be a probability between 0 and 1, e.g. 0.9 (got ${argv.risk})`);
      if (argv.risk !== undefined && !contractKpi) throw new UsageError('--risk needs --contract-kpi (e.g. --contract-kpi connection=0.95 --risk 0.9)');
      if (!argv.simulate && (target || contractKpi)) throw new UsageError('--target and --contract-kpi need simulation: drop --no-simulate');
      const covers = argv.covers ?? 'contract';
      const criterion = argv.criterion ?? 'mean';
      if (covers !== 'contract' && covers !== 'total') throw new UsageError(`--covers must be contract or total (got ${argv.covers})`);
      if (criterion !== 'mean' && criterion !== 'ci') throw new UsageError(`--criterion must be mean or ci (got ${argv.criterion})`);
      // the bidder's view prices one head count (the scenario's, or the one --target finds): a budget
      // inversion or a sensitivity study is another question
      if (argv.bid && budgetYuan !== undefined) throw new UsageError('--bid conflicts with --budget: --bid prices a head count (the scenario\'s, or --target\'s)');
      if (argv.bid && argv.sensitivity) throw new UsageError('--bid conflicts with --sensitivity');
      if (argv.out) prepareResultFolder(argv.out, argv.force);
      const overrides = studyOverridesFrom(argv);
      if (argv.sensitivity) {
        const other = (['budget', 'contract-kpi', 'roster', 'explain'] as const).find((f) => argv[f] !== undefined && argv[f] !== false);
        if (other) throw new UsageError(`--sensitivity answers for --target (default connection=0.95); --${other} conflicts with it`);
        return runSensitivity({ scenario: argv.scenario, target, period, overrides, out: argv.out, force: argv.force, json: argv.json, detail: argv.detail, quiet: argv.quiet });
      }

      if (argv.roster && !target) throw new UsageError('--roster needs --target (e.g. --target connection=0.95 --roster)');
      let solver: HeadcountSolver | undefined;
      if (argv.roster && target) {
        if (!argv.quiet && !argv.json && process.stderr.isTTY) process.stderr.write('Staffing with shift patterns (requirement, schedule, simulation)…\n');
        const { result } = await headcountForTarget(argv.scenario, { target, period, mode: 'roster', overrides });
        solver = fixedHeadcountSolver('roster', result);
      }
      const progress = studyProgress(argv.quiet || argv.json);
      const study = budgetStudy({
        solver,
        file: argv.scenario,
        overrides,
        years,
        covers,
        budgetYuan,
        naiveWage,
        target,
        period,
        criterion: criterion === 'ci' ? 'ciLow' : 'mean',
        contractKpi,
        risk: argv.risk,
        simulate: argv.simulate,
        bid: argv.bid,
        onProgress: (l, d, t) => progress.update(l, d, t),
      });
      progress.stop();
      if (argv.out) {
        const written = writeResultFolder(argv.out, await budgetCsvFiles(study), argv.force);
        if (!argv.quiet) process.stderr.write(`wrote ${written.join(', ')}\n`);
      }
      if (argv.json) {
        process.stdout.write(resultJson(study) + '\n');
        return;
      }
      // The range beside the answer: the file's plausible assumptions at their ends (analytic estimate).
      const range = target && study.target ? plausibleRangeLines(argv.scenario, study.target.result.headcount, target, overrides) : [];
      if (study.bid) process.stdout.write(formatBidSummary(study.at.name, study.at.calendarYear, study.at.headcount, study.bid) + '\n' + (argv.detail ? '\n' + formatBudgetOutput(study, { detail: true }) + '\n' : ''));
      else if (range.length && !argv.detail) process.stdout.write(withRangeFooter(formatBudgetOutput(study, { detail: false }), range) + '\n');
      else process.stdout.write(formatBudgetOutput(study, { detail: argv.detail }) + (range.length ? '\n' + range.join('\n') : '') + '\n');
      if (argv.explain) process.stdout.write('\n' + formatBudgetNotes(study.at.budgets) + '\n');
    },
  );
}

/**
 * The range over the file's plausible assumptions goes at the foot of the first screen, in place
 * of the footer's hints when they would take the screen past 20 lines.
 */
function withRangeFooter(screen: string, range: string[]): string {
  const lines = screen.split('\n');
  const last = lines.length - 1;
  if (!lines[last].startsWith('(--detail')) return [screen, ...range].join('\n');
  // The range names --sensitivity itself; the footer's other hints stay if the screen has room.
  if (lines.length + range.length > 20) return [...lines.slice(0, last), ...range].join('\n');
  return [...lines.slice(0, last), ...range, '(--detail: line items; --explain: rules; --out DIR: CSV)'].join('\n');
}
