// A worker thread of the Node back end (engine/experiment/pool/nodeThreads.ts): simulates its share of a
// batch, posting each result on its own port as it finishes (read synchronously by the caller's
// thread), and wakes that thread.
import { workerData, type MessagePort } from 'node:worker_threads';
import { COUNTER_NAMES } from '../../callcenter/model.ts';
import { simulateReplication } from '../../callcenter/simulate.ts';
import type { SharedTask, WorkerReply } from './pool.ts';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
// Test hook (cli/hardening.test.ts): this worker stops dead at that replication (1-based), as one
// that runs out of memory does, to show that the command fails in one line and writes nothing.
const stopAt = Number(process.env.HOTLINE_SIM_TEST_WORKER_STOPS_AT ?? 0);

port.on('message', (share: SharedTask[]) => {
  for (const { index, task } of share) {
    if (task.replication + 1 === stopAt) process.exit(70);
    let reply: WorkerReply;
    let transfer: ArrayBuffer[] = [];
    try {
      const result = simulateReplication(task.model, task.seed, task.replication, task.path);
      reply = { index, result };
      // The counters move to the caller's thread without a copy.
      transfer = COUNTER_NAMES.map((n) => result.counters[n].buffer as ArrayBuffer);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      reply = { index, error: { name: err.constructor.name === 'Error' ? err.name : err.constructor.name, message: err.message } };
    }
    port.postMessage(reply, transfer);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  }
});
