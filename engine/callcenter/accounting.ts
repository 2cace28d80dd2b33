// Bookkeeping shared by both simulation paths: time spread over intervals, the conservation
// check, and day-to-day volume factors.
import { standardGamma } from '../random/distributions.ts';
import { aleaStream } from '../random/streams.ts';
import type { CallCentreModel, IntervalCounters } from './model.ts';

/** Adds [start, start + seconds) to the intervals it falls in; time past the horizon goes to slot N (the drain). */
export function spread(into: Float64Array, start: number, seconds: number, dt: number, N: number): void {
  spreadFrom(into, Math.floor(start / dt), start, start + seconds, dt, N);
}

/** spread of [start, end) when start is known to lie in interval k. */
export function spreadFrom(into: Float64Array, k: number, start: number, end: number, dt: number, N: number): void {
  for (;;) {
    if (k >= N) {
      into[N] += end - start;
      return;
    }
    const edge = (k + 1) * dt;
    if (end <= edge) {
      into[k] += end - start;
      return;
    }
    into[k] += edge - start;
    start = edge;
    k++;
  }
}

/**
 * Every run checks that each offered call has exactly one outcome:
 * offered = answered + abandoned + blocked (busy signal).
 */
export function assertConservation(c: IntervalCounters, N: number, calls: number): void {
  let offered = 0;
  for (let k = 0; k < N; k++) {
    if (c.offered[k] !== c.answered[k] + c.abandoned[k] + c.blocked[k]) {
      throw new Error(
        `conservation violated in interval ${k}: offered ${c.offered[k]} != answered ${c.answered[k]} + abandoned ${c.abandoned[k]} + blocked ${c.blocked[k]}`,
      );
    }
    offered += c.offered[k];
  }
  if (offered !== calls) throw new Error(`conservation violated: ${calls} calls simulated, ${offered} counted as offered`);
}

/** Intervals per day of a model. */
export function intervalsPerDayOf(m: CallCentreModel): number {
  return m.intervalsPerDay ?? Math.max(1, Math.round(86400 / m.intervalSeconds));
}

/**
 * Day-to-day volume: one gamma factor per simulated day (mean 1, the model's cv), from a stream
 * of its own, so head count never changes a day's factor. cv 0 draws nothing: the Poisson model.
 * A day's count is then mixed Poisson: variance = mean + cv² × mean².
 */
export function dayFactors(m: CallCentreModel, seed: number | string, replication: number): Float64Array | null {
  const cv = m.dayToDayCv ?? 0;
  if (!(cv > 0)) return null;
  const ipd = intervalsPerDayOf(m);
  const days = Math.ceil(m.callsPerHour.length / ipd);
  const shape = 1 / (cv * cv);
  const gamma = standardGamma(shape, aleaStream(`hotline-sim|${seed}|rep${replication}|days`));
  const f = new Float64Array(days);
  for (let d = 0; d < days; d++) f[d] = gamma() / shape;
  return f;
}
