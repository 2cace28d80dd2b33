// The hotline-sim command: parses arguments and calls the engine; nothing else.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { registerBudget } from './commands/budget.ts';
import { registerCalibrate } from './commands/calibrate.ts';
import { registerCompare } from './commands/compare.ts';
import { registerErlang } from './commands/erlang.ts';
import { registerRun } from './commands/run.ts';
import { registerStaff } from './commands/staff.ts';
import { registerSweep } from './commands/sweep.ts';
import { registerMerge } from './commands/merge.ts';
import { registerChart } from './commands/chart.ts';
import { registerServe } from './commands/serve.ts';
import { withWorkers } from './workers.ts';
import { failOnOutput, failWith } from './errors.ts';

// Output piped into `head` and the like: stop quietly when the reader goes away; a full disk
// (`> /dev/full`) or another write error is one line, not a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => failOnOutput(e));

const cli = yargs(hideBin(process.argv))
  .scriptName('hotline-sim')
  .usage('$0 <command> [options]\n\nStaffing and cost simulation for 12345 government service hotlines.')
  .strict()
  .demandCommand(1, 'give a command: run, erlang, staff, budget, compare, calibrate, sweep, merge, chart or serve')
  .recommendCommands()
  .fail((msg, err) => {
    if (err) failWith(err);
    process.stderr.write(`hotline-sim: ${oneLine(msg)} (see hotline-sim --help)\n`);
    process.exit(2);
  })
  .help()
  .wrap(Math.min(110, process.stdout.columns ?? 100));

withWorkers(cli);
registerRun(cli);
registerErlang(cli);
registerStaff(cli);
registerBudget(cli);
registerCompare(cli);
registerCalibrate(cli);
registerSweep(cli);
registerMerge(cli);
registerChart(cli);
registerServe(cli);

/** yargs' message in one line, naming the flags ("Implications failed: per -> target" → "--per needs --target"). */
function oneLine(msg: string): string {
  const implied = /^Implications failed:\s*(\S+) -> (\S+)/.exec(msg);
  if (implied) return `--${implied[1]} needs --${implied[2]}`;
  const exclusive = /^Arguments (\S+) and (\S+) are mutually exclusive/.exec(msg);
  if (exclusive) return `--${exclusive[1]} conflicts with --${exclusive[2]}: give one of them`;
  return msg.split('\n')[0];
}

try {
  await cli.parseAsync();
} catch (e) {
  failWith(e);
}
