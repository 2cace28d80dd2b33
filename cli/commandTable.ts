// The commands, by name and description, each with a loader for its module: main.ts loads only
// the command asked for and registers the others by these names alone (cli/main.test.ts checks
// this table against what each module registers, so the two cannot drift apart).
import type { Argv } from 'yargs';

export interface CommandEntry {
  /** yargs' command string and description, exactly as the module registers them. */
  command: string;
  describe: string;
  /** Simulates replications, so --workers (checked in every such command) sets the pool. */
  simulates: boolean;
  load: () => Promise<(y: Argv) => unknown>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { command: 'run <scenario>', describe: 'simulate a scenario and report connection rate, service level, waits and occupancy', simulates: true, load: async () => (await import('./commands/run.ts')).registerRun },
  { command: 'erlang', describe: 'instant Erlang C / Erlang A answers: KPIs for a head count, or the head count for a target', simulates: false, load: async () => (await import('./commands/erlang.ts')).registerErlang },
  { command: 'staff <scenario>', describe: "the fewest people for a KPI target: a shift roster (solver) and the scenario's own profile side by side, checked by simulation", simulates: true, load: async () => (await import('./commands/staff.ts')).registerStaff },
  { command: 'budget <scenario>', describe: 'annual budget of a scenario, in-house vs outsourced; budget → head count (--budget); KPI → minimum budget (--target); contract-year risk (--contract-kpi)', simulates: true, load: async () => (await import('./commands/budget.ts')).registerBudget },
  { command: 'compare <a> [b]', describe: 'two scenarios side by side (KPIs with CIs, head count, budgets, differences), or in-house vs outsourced of one (--models)', simulates: true, load: async () => (await import('./commands/compare.ts')).registerCompare },
  { command: 'calibrate <scenario>', describe: 'fit unpublished inputs (patience, work-order time, phone share, ...) to published figures by simulation', simulates: true, load: async () => (await import('./commands/calibrate.ts')).registerCalibrate },
  { command: 'sweep <scenario>', describe: 'simulate a grid of scenario variants (any field by its path) and write one CSV row per point, with charts and a report', simulates: true, load: async () => (await import('./commands/sweep.ts')).registerSweep },
  { command: 'merge <files..>', describe: 'combine the shard CSVs of a sweep (sweep --shard k/n) into the CSV the whole sweep gives, with its report', simulates: false, load: async () => (await import('./commands/merge.ts')).registerMerge },
  { command: 'chart <results>', describe: 'draw charts (SVG and PNG) from a sweep CSV, or from the result.json of hotline-sim run --out', simulates: false, load: async () => (await import('./commands/chart.ts')).registerChart },
  { command: 'serve', describe: "the planner's workbench in the browser (computed in the page; nothing leaves this machine)", simulates: false, load: async () => (await import('./commands/serve.ts')).registerServe },
];

const commandName = (entry: CommandEntry) => entry.command.split(' ')[0];

/**
 * Which commands to load in full: the one named first (the usual `hotline-sim erlang ...`); none
 * when no command is named at all (--help, --version, a misspelt command: names suffice); every
 * one when a command name appears only later, where yargs may read the arguments otherwise.
 */
export function commandsToLoad(args: readonly string[]): readonly CommandEntry[] {
  const named = COMMANDS.filter((c) => args.includes(commandName(c)));
  if (named.length === 0) return [];
  const first = COMMANDS.find((c) => commandName(c) === args[0]);
  return first ? [first] : COMMANDS;
}
