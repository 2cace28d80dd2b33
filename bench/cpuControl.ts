// How many cores this machine gives us right now: the same busy loop on 1 and on 2 threads. On a
// shared machine the parallel figures mean little unless this says 2 cores were free.
import { Worker } from 'node:worker_threads';

const LOOP = `let x = 0; for (let i = 0; i < 4e8; i++) x += i % 7; require('node:worker_threads').parentPort.postMessage(x);`;

function threads(n: number): Promise<number> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let done = 0;
    for (let i = 0; i < n; i++) {
      new Worker(LOOP, { eval: true }).on('message', () => {
        if (++done === n) resolve((performance.now() - t0) / 1000);
      });
    }
  });
}

/** Work done by 2 threads per unit of time, relative to 1 thread: 2.0 when two cores are free. */
export async function effectiveCores(): Promise<number> {
  const one = await threads(1);
  const two = await threads(2);
  return (2 * one) / two;
}
