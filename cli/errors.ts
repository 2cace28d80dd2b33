// User errors: one line on stderr, exit code 2, no stack trace.
// The modules themselves, not the engine's barrel: every command loads this one (start-up).
import { UnboundedQueueError } from '../engine/callcenter/errors.ts';
import type { WorkerStoppedError } from '../engine/experiment/pool/pool.ts';
import { errnoText, OutputExistsError } from '../engine/report/output.ts';
import { ScenarioError } from '../engine/scenario/errors.ts';

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

/** A failed write to stdout or stderr (a full disk, a closed pipe): a system error from a write call. */
export function isStreamWriteError(e: unknown): e is NodeJS.ErrnoException {
  const err = e as NodeJS.ErrnoException;
  return err instanceof Error && typeof err.code === 'string' && err.syscall === 'write';
}

/** Stdout cannot be written: stop quietly when the reader went away (piped into head), else one line. */
export function failOnOutput(e: NodeJS.ErrnoException): never {
  if (e.code === 'EPIPE') process.exit(0);
  try {
    process.stderr.write(`hotline-sim: cannot write the output: ${errnoText(e)}\n`);
  } catch {
    // stderr is gone too: the exit code says it
  }
  process.exit(2);
}

export function failWith(e: unknown): never {
  if (isStreamWriteError(e)) failOnOutput(e);
  // Not the user's input (exit code 1), but one line: which replication was lost, and that nothing was written.
  if (isWorkerStopped(e)) {
    process.stderr.write(`hotline-sim: ${e.message}\n`);
    process.exit(1);
  }
  if (isUserError(e)) {
    process.stderr.write(`hotline-sim: ${e instanceof ScenarioError ? e.toString() : e.message}\n`);
    process.exit(2);
  }
  throw e;
}

// By name, not instanceof: the class lives with the pool, which erlang and the like never load.
function isWorkerStopped(e: unknown): e is WorkerStoppedError {
  return e instanceof Error && e.name === 'WorkerStoppedError';
}
