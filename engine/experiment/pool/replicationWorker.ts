// The worker thread behind engine/experiment/pool/pool.ts: simulates one replication per message and
// posts the result on its own port (read synchronously by the main thread), then wakes it.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { COUNTER_NAMES } from '../../callcenter/model.ts';
import { simulateReplication } from '../../callcenter/simulate.ts';
import type { ReplicationTask, WorkerReply } from './pool.ts';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

parentPort!.on('message', (task: ReplicationTask & { id: number }) => {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const result = simulateReplication(task.model, task.seed, task.replication, task.path);
    reply = { id: task.id, result };
    // The counters move to the main thread without a copy.
    transfer = COUNTER_NAMES.map((n) => result.counters[n].buffer as ArrayBuffer);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = { id: task.id, error: { name: err.constructor.name === 'Error' ? err.name : err.constructor.name, message: err.message } };
  }
  port.postMessage(reply, transfer);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
