// Shift changes at interval boundaries, the one rule both paths use: rises start at once; a drop
// sends idle agents home first, then busy ones chosen at random, each when its own call ends.
import type { ServerPool } from '../kernel/serverPool.ts';
import type { Uniform } from '../random/streams.ts';
import { spread } from './accounting.ts';

/** First interval at or after `from` whose on-seat count differs from the one before it (N if none). */
export function nextStaffingChange(schedule: ArrayLike<number>, from: number): number {
  let k = from;
  while (k < schedule.length && schedule[k] === schedule[k - 1]) k++;
  return k;
}

/**
 * The on-seat count becomes `target` at time b. Rises start at once. For a drop of d, up to d
 * idle agents log off at b; if fewer are idle, the rest are chosen at random among the busy
 * agents and each logs off when its own call (talk + wrap-up) ends. Nobody is pre-empted.
 */
export function applyStaffingChange(
  agents: ServerPool,
  target: number,
  b: number,
  roster: Uniform,
  loggedSeconds: Float64Array,
  dt: number,
  N: number,
): void {
  if (target > agents.size) {
    for (let i = agents.size; i < target; i++) agents.add(b);
    return;
  }
  let drop = agents.size - target;
  for (; drop > 0 && agents.idle > 0; drop--) agents.removeIdle();
  if (drop === 0) return;
  for (const freeAt of agents.removeRandomBusy(drop, roster)) {
    if (freeAt > b) spread(loggedSeconds, b, freeAt - b, dt, N); // time spent finishing the call after the shift ended
  }
}
