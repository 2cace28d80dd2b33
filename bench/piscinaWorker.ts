// piscina's worker for the pool comparison in bench/parallel.ts: one replication per call (the
// counters are copied back, ~1.8 MB a year, under a millisecond against ~1 s of simulation).
import { simulateReplication } from '../engine/callcenter/simulate.ts';
import type { ReplicationTask } from '../engine/experiment/pool/pool.ts';

export default function replicate(task: ReplicationTask) {
  return simulateReplication(task.model, task.seed, task.replication, task.path);
}
