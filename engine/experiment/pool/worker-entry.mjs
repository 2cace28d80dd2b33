// Worker entry when running from source: load the TypeScript worker through tsx. (The bundled
// command has its own cli/dist/worker-entry.mjs, built by cli/build.mjs.) If loading fails, every
// task gets the error back: the main thread waits on the worker and must not wait for ever.
import { parentPort, workerData } from 'node:worker_threads';

try {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./replicationWorker.ts');
} catch (e) {
  const { port, signal } = workerData;
  parentPort.on('message', (task) => {
    port.postMessage({ id: task.id, error: { name: 'Error', message: `the worker thread could not start: ${e?.message ?? e}` } });
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
}
