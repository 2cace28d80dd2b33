// The replication pool's Node back end: worker_threads. The caller's thread sleeps on a shared
// counter (Atomics.wait) that every worker bumps after posting a result, and reads results with
// receiveMessageOnPort, so the pool stays synchronous.
//
// A worker that dies (out of memory, a crash in native code) posts nothing more, and a thread
// asleep in Atomics.wait never sees a Worker's 'exit' event. So the workers are started by a small
// supervisor thread whose event loop stays free: it sees their 'error' and 'exit', and reports
// them on a port of its own and through the same counter.
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { closeThreads, poolThreads, setThreadCount, setThreadsBackend, setThreadStartSeconds, type ReplicationThreads, type SharedTask, type ThreadEvent, type ThreadsBackend, type WorkerReply } from './pool.ts';

/** The number of threads the machine offers (the default for `--workers`). */
export function availableWorkers(): number {
  return availableParallelism();
}

// In the bundled command this module is in cli/dist/main.mjs and the worker cli/dist/worker-entry.mjs;
// from source it is engine/experiment/pool/worker-entry.mjs, which loads the TypeScript through tsx.
let workerEntry: URL = new URL('./worker-entry.mjs', import.meta.url);

/** Which worker script the threads run (the benchmark points it at the bundled one). */
export function setWorkerEntry(entry: URL): void {
  workerEntry = entry;
}

// CommonJS, run with `eval`: no file to find beside the bundle.
const SUPERVISOR = `
const { Worker, workerData } = require('node:worker_threads');
const { entry, ports, report, signal } = workerData;
const stopped = (thread, why) => {
  report.postMessage({ thread, stopped: why });
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
};
ports.forEach((port, thread) => {
  const w = new Worker(new URL(entry), { workerData: { port, signal }, transferList: [port] });
  let said = false;
  w.on('error', (e) => { said = true; stopped(thread, (e && e.message) || String(e)); });
  w.on('exit', (code) => { if (!said) stopped(thread, 'it exited with code ' + code); });
});
`;

export const workerThreads: ThreadsBackend = (n: number): ReplicationThreads => {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const channels = Array.from({ length: n }, () => new MessageChannel());
  const report = new MessageChannel();
  const supervisor = new Worker(SUPERVISOR, {
    eval: true,
    workerData: { entry: workerEntry.href, ports: channels.map((c) => c.port2), report: report.port2, signal },
    transferList: [...channels.map((c) => c.port2), report.port2],
  });
  supervisor.unref();
  const ports: MessagePort[] = channels.map((c) => c.port1);
  for (const p of [...ports, report.port1]) p.unref();
  let seen = 0;
  return {
    size: n,
    post(thread: number, share: SharedTask[]) {
      ports[thread].postMessage(share);
    },
    poll(): ThreadEvent | undefined {
      const now = Atomics.load(signal, 0);
      // Results first: a thread's replies posted before it died still count.
      for (let t = 0; t < n; t++) {
        const m = receiveMessageOnPort(ports[t]);
        if (m !== undefined) return { thread: t, reply: m.message as WorkerReply };
      }
      const r = receiveMessageOnPort(report.port1);
      if (r !== undefined) return r.message as ThreadEvent;
      seen = now;
      return undefined;
    },
    wait() {
      Atomics.wait(signal, 0, seen, 10_000);
    },
    close() {
      for (const p of [...ports, report.port1]) p.close();
      // Its workers end with it.
      void supervisor.terminate();
    },
  };
};

/**
 * Sets how many threads simulate replications from now on, on worker_threads: the calling thread
 * and n - 1 workers. 1 (the library's default) simulates in the calling thread alone.
 */
export function setWorkers(n: number): void {
  setThreadsBackend(workerThreads);
  // Test hook (see replicationWorker.ts): a run that is to lose a worker must have one.
  if (process.env.HOTLINE_SIM_TEST_WORKER_STOPS_AT) setThreadStartSeconds(0);
  setThreadCount(n);
}

export function workers(): number {
  return poolThreads();
}

/** Stops the worker threads (they are unref'd, so a process exits without this). */
export function closeWorkers(): void {
  closeThreads();
}
