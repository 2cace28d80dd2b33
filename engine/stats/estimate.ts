// Point estimates with confidence intervals across independent replications.
import { tQuantile } from './studentT.ts';

/** A mean over replications and its confidence interval (null bounds when it cannot be estimated). */
export interface Estimate {
  mean: number;
  ciLow: number | null;
  ciHigh: number | null;
}

/** Mean and two-sided Student-t interval of independent observations; NaN observations are skipped. */
export function estimate(values: ArrayLike<number>, confidence = 0.95): Estimate {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) {
      n++;
      sum += values[i];
    }
  }
  if (n === 0) return { mean: NaN, ciLow: null, ciHigh: null };
  const mean = sum / n;
  if (n < 2) return { mean, ciLow: null, ciHigh: null };
  let ss = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) ss += (values[i] - mean) ** 2;
  const half = halfWidth(Math.sqrt(ss / (n - 1)), n, confidence);
  return { mean, ciLow: mean - half, ciHigh: mean + half };
}

export function halfWidth(sd: number, n: number, confidence = 0.95): number {
  return studentT(confidence, n - 1) * (sd / Math.sqrt(n));
}

// A year of half-hours asks for the same quantile tens of thousands of times.
const tCache = new Map<string, number>();
function studentT(confidence: number, df: number): number {
  const key = `${confidence}|${df}`;
  let q = tCache.get(key);
  if (q === undefined) {
    q = tQuantile(1 - (1 - confidence) / 2, df);
    tCache.set(key, q);
  }
  return q;
}

/**
 * Running sums per cell (Welford), for per-interval estimates over replications
 * without keeping every replication.
 */
export class RunningEstimates {
  readonly n: Float64Array;
  readonly mean: Float64Array;
  readonly m2: Float64Array;

  constructor(size: number) {
    this.n = new Float64Array(size);
    this.mean = new Float64Array(size);
    this.m2 = new Float64Array(size);
  }

  add(i: number, x: number): void {
    if (Number.isNaN(x)) return;
    const n = ++this.n[i];
    const delta = x - this.mean[i];
    this.mean[i] += delta / n;
    this.m2[i] += delta * (x - this.mean[i]);
  }

  get(i: number, confidence = 0.95): Estimate {
    const n = this.n[i];
    if (n === 0) return { mean: NaN, ciLow: null, ciHigh: null };
    const mean = this.mean[i];
    if (n < 2) return { mean, ciLow: null, ciHigh: null };
    const half = halfWidth(Math.sqrt(this.m2[i] / (n - 1)), n, confidence);
    return { mean, ciLow: mean - half, ciHigh: mean + half };
  }
}

/** The estimate with its interval clipped to the values the quantity can take (a rate stays in [0, 1]). */
export function clipEstimate(e: Estimate, lo: number, hi = Infinity): Estimate {
  if (e.ciLow === null || e.ciHigh === null) return e;
  return { mean: e.mean, ciLow: Math.min(hi, Math.max(lo, e.ciLow)), ciHigh: Math.min(hi, Math.max(lo, e.ciHigh)) };
}
