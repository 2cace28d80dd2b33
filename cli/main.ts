// The hotline-sim command: parses arguments and calls the engine; nothing else.
//
// Start-up: only the command asked for is loaded (each command module is its own chunk of the
// bundle, with the packages it needs), so `erlang` does not pay for the simulator, the scenario
// schemas, the charts or the solver. The others are registered by name and description alone,
// which is all yargs needs for the top-level help, "did you mean" and its errors (cli/commandTable.ts).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { COMMANDS, commandsToLoad } from './commandTable.ts';
import { failOnOutput, failWith } from './errors.ts';

async function main(): Promise<void> {
  // Output piped into `head` and the like: stop quietly when the reader goes away; a full disk
  // (`> /dev/full`) or another write error is one line, not a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => failOnOutput(e));

  const args = hideBin(process.argv);
  const cli = yargs(args)
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
    .version(ownVersion())
    .help()
    .wrap(Math.min(110, process.stdout.columns ?? 100));
  skipHelpCache(cli);

  const load = commandsToLoad(args);
  if (load.some((c) => c.simulates)) (await import('./workers.ts')).withWorkers(cli);
  const registers = await Promise.all(load.map((c) => c.load()));
  for (const entry of COMMANDS) {
    const i = load.indexOf(entry);
    if (i >= 0) registers[i](cli);
    else cli.command(entry.command, entry.describe);
  }
  await cli.parseAsync();
}

/**
 * yargs lays out the whole help of a command each time it runs it (~20 ms, a tenth of erlang's
 * start), only to keep it for a later showHelp(); this CLI never calls showHelp, and its fail()
 * prints one line, so the layout is skipped. Through yargs' internal methods: if they change, the
 * help is laid out as before (slower, same output).
 */
function skipHelpCache(cli: object): void {
  const internal = (cli as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.();
  const usage = internal?.getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

/**
 * hotline-sim's version, from the package.json above this module (cli/ or cli/dist/). Left to
 * itself, yargs reads the one above the node_modules it is installed in: in a project that
 * installed hotline-sim, that project's version.
 */
function ownVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 3; i++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'hotline-sim' && pkg.version) return pkg.version;
    } catch {
      // no package.json here: look one folder up
    }
  }
  return 'unknown';
}

/** yargs' message in one line, naming the flags ("Implications failed: per -> target" → "--per needs --target"). */
function oneLine(msg: string): string {
  const implied = /^Implications failed:\s*(\S+) -> (\S+)/.exec(msg);
  if (implied) return `--${implied[1]} needs --${implied[2]}`;
  const exclusive = /^Arguments (\S+) and (\S+) are mutually exclusive/.exec(msg);
  if (exclusive) return `--${exclusive[1]} conflicts with --${exclusive[2]}: give one of them`;
  return msg.split('\n')[0];
}

try {
  await main();
} catch (e) {
  failWith(e);
}
