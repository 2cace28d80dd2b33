// Replications on threads. Every replication is a pure function of (model, seed, r) with its own
// random streams, so where it runs cannot change its numbers; results are handed back in task
// order, so whatever folds them (sums, running means) does the same arithmetic whatever the
// number of threads, and the output is byte-identical.
//
// The pool is synchronous to its caller, so runScenario and the searches built on it stay plain
// functions. Each thread gets its whole share of a batch in one message (task i goes to thread
// i mod n): no thread idles while another still holds queued work. The calling thread takes a
// share too, and folds the results that have arrived between its own replications. Threads are
// used only when the work repays starting them.
//
// This file knows nothing of Node or of browsers: the threads come from a back end
// (ReplicationThreads), worker_threads in Node (./nodeThreads.ts), Web Workers in a browser.
import type { CallCentreModel, ReplicationResult } from '../../callcenter/model.ts';
import { needsEventPath } from '../../callcenter/model.ts';
import { UnboundedQueueError } from '../../callcenter/errors.ts';
import { simulateReplication } from '../../callcenter/simulate.ts';

/** One replication to simulate: plain data, cloned to the thread. */
export interface ReplicationTask {
  model: CallCentreModel;
  seed: number | string;
  replication: number;
  /** 'events' forces the event-driven path (see simulateReplication); default 'auto'. */
  path?: 'auto' | 'events';
}

/** A task of a thread's share, with its place in the batch. */
export interface SharedTask {
  index: number;
  task: ReplicationTask;
}

/** What a thread posts back for each task of its share. */
export type WorkerReply = { index: number; result: ReplicationResult } | { index: number; error: { name: string; message: string } };

/** What a back end reports: a reply, or a thread that ended without finishing its share (out of memory, a crash). */
export type ThreadEvent = { thread: number; reply: WorkerReply } | { thread: number; stopped: string };

/** Threads that simulate shares of replications: worker_threads in Node, Web Workers in a browser. */
export interface ReplicationThreads {
  /** Threads it runs, besides the caller's. */
  readonly size: number;
  /** Sends thread `thread` (0 ≤ thread < size) its whole share, in one message. */
  post(thread: number, share: SharedTask[]): void;
  /** The next event, or undefined when none is waiting; never blocks. */
  poll(): ThreadEvent | undefined;
  /** Blocks until an event may be waiting (or a short timeout passes). */
  wait(): void;
  close(): void;
}

/** Makes `n` threads. */
export type ThreadsBackend = (n: number) => ReplicationThreads;

/** A thread ended without finishing its replications: the command fails, naming the first one lost. */
export class WorkerStoppedError extends Error {
  override name = 'WorkerStoppedError';
}

let threadCount = 1;
let backend: ThreadsBackend | null = null;
let threads: ReplicationThreads | null = null;

/** The back end threads come from (none: every replication runs in the calling thread). */
export function setThreadsBackend(b: ThreadsBackend | null): void {
  if (b !== backend) closeThreads();
  backend = b;
}

/**
 * How many threads simulate replications from now on, the calling one included. 1 (the library's
 * default) simulates in the calling thread alone.
 */
export function setThreadCount(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`the number of workers must be a whole number, 1 or more (got ${n})`);
  if (n !== threadCount) {
    closeThreads();
    threadCount = n;
  }
}

/** Threads set by setThreadCount (the calling one included). */
export function poolThreads(): number {
  return threadCount;
}

/** Stops the threads (a Node back end's are unref'd, so a process exits without this). */
export function closeThreads(): void {
  threads?.close();
  threads = null;
}

// Cost model for the decision to use threads: seconds of one thread's CPU per simulated call on
// each path (bench: the standard year, 77 ns a call on the fast path; Guangzhou's week on the
// event path 0.8–1.6 µs), and what starting a thread costs (isolate, Node, the worker bundle, a
// cold JIT: ~0.2 s of CPU measured, plus its wall time before the first replication). Two threads
// repay their start only when the work exceeds about twice that wall time: at 0.25 s, npm start
// (Liaocheng, 14 days × 10, ~0.8 s of work) took 1.33 s on 2 threads against 1.09 s on one.
const SECONDS_PER_CALL = { fast: 1e-7, events: 1.2e-6 };
let threadStartSeconds = 0.5;

/** What a thread's start is taken to cost, in seconds of work (tests set 0 to put tiny batches on threads). */
export function setThreadStartSeconds(seconds: number): void {
  threadStartSeconds = seconds;
}
/** Below this much work per thread, even started threads do not repay a batch's messages. */
const MIN_SECONDS_PER_THREAD = 0.02;

const callsOf = new WeakMap<CallCentreModel, number>();
/** Expected calls of one replication, from the model's rates (cached per model). */
function expectedCalls(m: CallCentreModel): number {
  let c = callsOf.get(m);
  if (c === undefined) {
    c = 0;
    for (let k = 0; k < m.callsPerHour.length; k++) c += m.callsPerHour[k];
    c *= m.intervalSeconds / 3600;
    callsOf.set(m, c);
  }
  return c;
}

/** Seconds of CPU the batch is expected to take in one thread. */
export function expectedSeconds(tasks: readonly ReplicationTask[]): number {
  let s = 0;
  for (const t of tasks) s += expectedCalls(t.model) * (t.path === 'events' || needsEventPath(t.model) ? SECONDS_PER_CALL.events : SECONDS_PER_CALL.fast);
  return s;
}

/** Threads for a batch, the calling one included: as many as set, but only as many as the work repays. */
export function threadsFor(tasks: readonly ReplicationTask[]): number {
  const most = Math.min(threadCount, tasks.length);
  if (most <= 1 || !backend) return 1;
  const work = expectedSeconds(tasks);
  // Threads already running cost only their messages; new ones must earn their start.
  const perThread = threads ? MIN_SECONDS_PER_THREAD : threadStartSeconds;
  return perThread <= 0 ? most : Math.max(1, Math.min(most, Math.floor(work / perThread)));
}

/**
 * Simulates the tasks and calls onResult(index, result) in task order: task i on thread i mod n
 * (thread 0 is the caller's), n from threadsFor.
 */
export function runReplications(tasks: readonly ReplicationTask[], onResult: (index: number, result: ReplicationResult) => void): void {
  const n = threadsFor(tasks);
  if (n <= 1) {
    tasks.forEach((t, i) => onResult(i, simulateReplication(t.model, t.seed, t.replication, t.path)));
    return;
  }
  threads ??= backend!(threadCount - 1);
  const pool = threads;
  const owner = (i: number) => i % n; // 0: this thread; w ≥ 1: pool thread w - 1
  const pending = new Set<number>(); // tasks posted to a pool thread and not yet back
  for (let w = 1; w < n; w++) {
    const share: SharedTask[] = [];
    for (let i = w; i < tasks.length; i += n) {
      share.push({ index: i, task: tasks[i] });
      pending.add(i);
    }
    pool.post(w - 1, share);
  }
  const done = new Map<number, ReplicationResult>();
  let next = 0; // the next result to hand over, in task order
  const fail = (e: unknown): unknown => {
    // A failed batch leaves threads busy with the rest of their shares: stop them (new ones start
    // with the next batch).
    if (threads === pool) closeThreads();
    return e;
  };
  const collect = (): boolean => {
    let got = false;
    for (let e = pool.poll(); e !== undefined; e = pool.poll()) {
      got = true;
      if ('stopped' in e) {
        const lost = [...pending].filter((i) => owner(i) === e.thread + 1).sort((a, b) => a - b)[0];
        const what = lost === undefined ? 'a replication' : `replication ${tasks[lost].replication + 1}`;
        throw fail(new WorkerStoppedError(`${what} failed: its worker thread stopped (${e.stopped}); nothing was written`));
      }
      const r = e.reply;
      pending.delete(r.index);
      if ('error' in r) throw fail(rebuildError(r.error));
      else done.set(r.index, r.result);
    }
    return got;
  };
  const deliver = () => {
    while (done.has(next)) {
      const r = done.get(next)!;
      done.delete(next);
      onResult(next++, r);
    }
  };
  for (let i = 0; i < tasks.length; i += n) {
    collect();
    deliver();
    let r: ReplicationResult;
    try {
      r = simulateReplication(tasks[i].model, tasks[i].seed, tasks[i].replication, tasks[i].path);
    } catch (e) {
      throw fail(e);
    }
    done.set(i, r);
    deliver();
  }
  while (next < tasks.length) {
    if (!collect()) pool.wait();
    deliver();
  }
}

/** The same kind of error as the thread threw, so the command reports user errors as one line. */
function rebuildError(e: { name: string; message: string }): Error {
  if (e.name === 'UnboundedQueueError') return new UnboundedQueueError(e.message);
  if (e.name === 'RangeError') return new RangeError(e.message);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}
