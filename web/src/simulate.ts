// "模拟验证 Simulate to confirm": the scenario's replications in Web Workers, one per core, folded
// in replication order by the engine's own run (startRun), so the result is the one
// `hotline-sim run <file> --json` prints for the same file and seed, whatever the number of workers.
import { estimateWork, loadText, startRun, type RunResult } from './engine.ts';
import type { FromWorker, ToWorker } from './simWorker.ts';

/** The most calls (over all replications) the page simulates; above it, the CLI. About 50 s of one core. */
export const BROWSER_CALL_LIMIT = 2e8;

export class TooLargeForBrowser extends Error {
  constructor(
    readonly calls: number,
    readonly command: string,
  ) {
    super(`about ${Math.round(calls).toLocaleString('en-US')} calls in all: too large to simulate in the browser; run ${command}`);
  }
}

export interface Simulation {
  done: Promise<RunResult>;
  cancel(): void;
}

export function workerCount(replications: number): number {
  const cores = (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 2;
  return Math.max(1, Math.min(cores, replications));
}

export function simulateInWorkers(text: string, onProgress: (done: number, total: number) => void, workerUrl = 'sim-worker.js'): Simulation {
  const scenario = loadText(text);
  const work = estimateWork(scenario);
  if (work.calls > BROWSER_CALL_LIMIT) throw new TooLargeForBrowser(work.calls, 'hotline-sim run scenario.yaml (on the downloaded YAML)');
  const run = startRun(scenario);
  const R = run.tasks.length;
  const n = workerCount(R);
  const workers: Worker[] = [];
  let cancelled = false;
  let reject!: (e: Error) => void;
  const done = new Promise<RunResult>((ok, fail) => {
    reject = fail;
    const results = new Array<FromWorker & { type: 'result' } | undefined>(R);
    let next = 0; // next task to hand out
    let folded = 0; // replications folded, in order
    const give = (w: Worker) => {
      if (next >= R) return;
      const t = run.tasks[next++];
      w.postMessage({ type: 'task', seed: t.seed, replication: t.replication, path: t.path ?? 'auto' } satisfies ToWorker);
    };
    for (let i = 0; i < n; i++) {
      const w = new Worker(workerUrl, { type: 'module', name: `replications-${i + 1}` });
      workers.push(w);
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        if (cancelled) return;
        const m = e.data;
        if (m.type === 'error') {
          stop();
          fail(Object.assign(new Error(m.message), { name: m.name }));
          return;
        }
        results[m.replication] = m;
        while (folded < R && results[folded]) {
          run.add(folded, results[folded]!.result);
          results[folded] = undefined;
          folded++;
        }
        onProgress(folded, R);
        if (folded === R) {
          stop();
          try {
            ok(run.finish());
          } catch (err) {
            fail(err instanceof Error ? err : new Error(String(err)));
          }
        } else give(w);
      };
      w.onerror = (e) => {
        stop();
        fail(new Error(`a simulation worker failed: ${e.message}`));
      };
      w.postMessage({ type: 'model', model: run.tasks[0].model } satisfies ToWorker);
      give(w);
    }
    onProgress(0, R);
  });
  function stop() {
    for (const w of workers) w.terminate();
  }
  return {
    done,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      stop();
      reject(new DOMException('cancelled', 'AbortError'));
    },
  };
}
