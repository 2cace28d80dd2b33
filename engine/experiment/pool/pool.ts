// Replications on worker threads. Every replication is a pure function of (model, seed, r) with
// its own random streams, so where it runs cannot change its numbers; results are handed back in
// task order, so whatever folds them (sums, running means) does the same arithmetic whatever the
// number of workers, and the output is byte-identical.
//
// The pool is synchronous to its caller: the main thread posts tasks and sleeps on a shared
// counter (Atomics.wait) that each worker bumps after posting a result, then collects results with
// receiveMessageOnPort. That keeps runScenario and the searches built on it (bisection over head
// count, staffing rounds) plain synchronous functions; an async pool (piscina) would have made
// every caller async for no gain in speed (measured in bench/pool.ts; see README).
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CallCentreModel, ReplicationResult } from '../../callcenter/model.ts';
import { UnboundedQueueError } from '../../callcenter/errors.ts';
import { simulateReplication } from '../../callcenter/simulate.ts';

/** One replication to simulate: plain data, cloned to the worker. */
export interface ReplicationTask {
  model: CallCentreModel;
  seed: number | string;
  replication: number;
  /** 'events' forces the event-driven path (see simulateReplication); default 'auto'. */
  path?: 'auto' | 'events';
}

/** What a worker posts back. */
export type WorkerReply = { id: number; result: ReplicationResult } | { id: number; error: { name: string; message: string } };

let workerCount = 1;
let pool: ThreadPool | null = null;

/** The number of threads the machine offers (the default for `--workers`). */
export function availableWorkers(): number {
  return availableParallelism();
}

/**
 * Sets how many worker threads simulate replications from now on. 1 (the library's default)
 * simulates in the calling thread, with no worker at all.
 */
export function setWorkers(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`the number of workers must be a whole number, 1 or more (got ${n})`);
  if (n !== workerCount) {
    pool?.close();
    pool = null;
    workerCount = n;
  }
}

export function workers(): number {
  return workerCount;
}

/** Stops the worker threads (they are unref'd, so a process exits without this). */
export function closeWorkers(): void {
  pool?.close();
  pool = null;
}

/**
 * Simulates the tasks and calls onResult(index, result) in task order — on the worker pool when
 * more than one worker is set and there is more than one task, else in this thread.
 */
export function runReplications(tasks: readonly ReplicationTask[], onResult: (index: number, result: ReplicationResult) => void): void {
  if (workerCount <= 1 || tasks.length <= 1) {
    tasks.forEach((t, i) => onResult(i, simulateReplication(t.model, t.seed, t.replication, t.path)));
    return;
  }
  pool ??= new ThreadPool(workerCount);
  pool.map(tasks, onResult);
}

/** Tasks kept queued at each worker, so that none waits for the main thread between two tasks. */
const IN_FLIGHT_PER_WORKER = 2;

class ThreadPool {
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly threads: { worker: Worker; port: MessagePort; inFlight: number }[] = [];

  constructor(n: number) {
    // In the bundled command this module is cli/dist/main.mjs and the worker cli/dist/worker-entry.mjs;
    // from source it is engine/experiment/pool/worker-entry.mjs, which loads the TypeScript through tsx.
    const entry = new URL('./worker-entry.mjs', import.meta.url);
    for (let i = 0; i < n; i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(entry, { workerData: { port: port2, signal: this.signal }, transferList: [port2] });
      worker.unref();
      port1.unref();
      this.threads.push({ worker, port: port1, inFlight: 0 });
    }
  }

  map(tasks: readonly ReplicationTask[], onResult: (index: number, result: ReplicationResult) => void): void {
    const done = new Map<number, ReplicationResult>();
    let next = 0; // next task to send
    let delivered = 0; // results handed to onResult, in order
    let failure: Error | null = null;
    const send = () => {
      for (const t of this.threads) {
        while (t.inFlight < IN_FLIGHT_PER_WORKER && next < tasks.length) {
          t.worker.postMessage({ id: next, ...tasks[next] });
          t.inFlight++;
          next++;
        }
      }
    };
    send();
    while (delivered < tasks.length) {
      const seen = Atomics.load(this.signal, 0);
      let got = false;
      for (const t of this.threads) {
        for (let m = receiveMessageOnPort(t.port); m !== undefined; m = receiveMessageOnPort(t.port)) {
          const reply = m.message as WorkerReply;
          t.inFlight--;
          got = true;
          if ('error' in reply) failure ??= rebuildError(reply.error);
          else done.set(reply.id, reply.result);
        }
      }
      if (failure) {
        // Let the tasks still queued finish quietly, then report the first failure.
        this.drain();
        throw failure;
      }
      while (done.has(delivered)) {
        const r = done.get(delivered)!;
        done.delete(delivered);
        onResult(delivered++, r);
      }
      if (got) send();
      else Atomics.wait(this.signal, 0, seen, 60_000);
    }
  }

  /** Waits for every task in flight and throws their results away. */
  private drain(): void {
    while (this.threads.some((t) => t.inFlight > 0)) {
      const seen = Atomics.load(this.signal, 0);
      let got = false;
      for (const t of this.threads) {
        while (receiveMessageOnPort(t.port) !== undefined) {
          t.inFlight--;
          got = true;
        }
      }
      if (!got) Atomics.wait(this.signal, 0, seen, 60_000);
    }
  }

  close(): void {
    for (const t of this.threads) {
      t.port.close();
      void t.worker.terminate();
    }
  }
}

/** The same kind of error as the worker threw, so the command reports user errors as one line. */
function rebuildError(e: { name: string; message: string }): Error {
  if (e.name === 'UnboundedQueueError') return new UnboundedQueueError(e.message);
  if (e.name === 'RangeError') return new RangeError(e.message);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}
