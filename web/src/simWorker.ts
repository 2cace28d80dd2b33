// A Web Worker that simulates replications: the engine's own simulateReplication, so the page's
// replications are the CLI's, number for number (each is a pure function of model, seed and index).
import { simulateReplication } from '../../engine/callcenter/simulate.ts';
import type { CallCentreModel } from '../../engine/callcenter/model.ts';

export type ToWorker = { type: 'model'; model: CallCentreModel } | { type: 'task'; seed: number | string; replication: number; path: 'auto' | 'events' };
export type FromWorker =
  | { type: 'result'; replication: number; result: ReturnType<typeof simulateReplication> }
  | { type: 'error'; replication: number; name: string; message: string };

let model: CallCentreModel | null = null;

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'model') {
    model = m.model;
    return;
  }
  try {
    const result = simulateReplication(model!, m.seed, m.replication, m.path);
    (self as unknown as Worker).postMessage({ type: 'result', replication: m.replication, result } satisfies FromWorker);
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    (self as unknown as Worker).postMessage({ type: 'error', replication: m.replication, name: error.name, message: error.message } satisfies FromWorker);
  }
};
