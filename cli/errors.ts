// User errors: one line on stderr, exit code 2, no stack trace.
import { OutputExistsError, ScenarioError, UnboundedQueueError } from '../engine/index.ts';

export class UsageError extends Error {}

export function isUserError(e: unknown): e is Error {
  return (
    e instanceof ScenarioError ||
    e instanceof UsageError ||
    e instanceof OutputExistsError ||
    e instanceof UnboundedQueueError ||
    e instanceof RangeError
  );
}

export function failWith(e: unknown): never {
  if (isUserError(e)) {
    process.stderr.write(`hotline-sim: ${e instanceof ScenarioError ? e.toString() : e.message}\n`);
    process.exit(2);
  }
  throw e;
}
