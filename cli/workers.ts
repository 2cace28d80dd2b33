// --workers: how many threads simulate replications (default: every core the machine offers).
import type { Argv } from 'yargs';
import { availableWorkers, setWorkers } from '../engine/index.ts';
import { UsageError } from './errors.ts';

export function withWorkers<T>(y: Argv<T>) {
  return y
    .option('workers', {
      type: 'number',
      describe: `worker threads for replications (default: the cores available, here ${availableWorkers()}); results are the same for any number`,
      global: true,
    })
    .middleware((argv) => {
      const n = argv.workers as number | undefined;
      if (n !== undefined && (!Number.isInteger(n) || n < 1)) throw new UsageError(`--workers must be a whole number, 1 or more (got ${n})`);
      setWorkers(n ?? availableWorkers());
    });
}
