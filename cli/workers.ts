// --workers: how many threads simulate replications (default: every core the machine offers).
import type { Argv } from 'yargs';
import { availableWorkers, setWorkers } from '../engine/experiment/pool/nodeThreads.ts';
import { UsageError } from './errors.ts';

/** The option itself, on the commands that simulate (erlang, merge and chart do not, so refuse it). */
export const workersOption = {
  type: 'number',
  describe: `threads that simulate replications, this one included (default: the cores available, here ${availableWorkers()}); results are the same for any number`,
} as const;

export function withWorkers<T>(y: Argv<T>) {
  return y.middleware((argv) => {
      const n = argv.workers as number | undefined;
      if (n !== undefined && (!Number.isInteger(n) || n < 1)) throw new UsageError(`--workers must be a whole number, 1 or more (got ${n})`);
      setWorkers(n ?? availableWorkers());
    });
}
