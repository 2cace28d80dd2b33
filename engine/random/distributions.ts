// Duration distributions (seconds), compiled to samplers bound to one stream.
import type { Uniform } from './streams.ts';

export type DurationDistribution =
  | { distribution: 'exponential'; mean: number }
  | { distribution: 'lognormal'; mean: number; cv: number }
  | { distribution: 'gamma'; mean: number; cv: number }
  | { distribution: 'deterministic'; value: number }
  | { distribution: 'empirical'; file: string; values: number[] };

/** Draws one duration in seconds. */
export type Sampler = () => number;

export function meanOf(d: DurationDistribution): number {
  switch (d.distribution) {
    case 'deterministic':
      return d.value;
    case 'empirical':
      return d.values.reduce((s, v) => s + v, 0) / d.values.length;
    default:
      return d.mean;
  }
}

/** Coefficient of variation (sd / mean). */
export function cvOf(d: DurationDistribution): number {
  switch (d.distribution) {
    case 'exponential':
      return 1;
    case 'deterministic':
      return 0;
    case 'empirical': {
      const m = meanOf(d);
      const v = d.values.reduce((s, x) => s + (x - m) ** 2, 0) / d.values.length;
      return m > 0 ? Math.sqrt(v) / m : 0;
    }
    default:
      return d.cv;
  }
}

export function makeSampler(d: DurationDistribution, u: Uniform): Sampler {
  switch (d.distribution) {
    case 'exponential':
      return exponentialSampler(d.mean, u);
    case 'deterministic': {
      const value = d.value;
      return () => value;
    }
    case 'lognormal': {
      const sigma2 = Math.log(1 + d.cv * d.cv);
      const sigma = Math.sqrt(sigma2);
      const mu = Math.log(d.mean) - sigma2 / 2;
      const normal = standardNormal(u);
      return () => Math.exp(mu + sigma * normal());
    }
    case 'gamma': {
      const shape = 1 / (d.cv * d.cv);
      const scale = d.mean / shape;
      const gamma = standardGamma(shape, u);
      return () => gamma() * scale;
    }
    case 'empirical': {
      // Resample the observed durations (bootstrap), as Ciw's Empirical does.
      const values = Float64Array.from(d.values);
      const n = values.length;
      return () => values[Math.floor(u() * n)];
    }
  }
}

// Ziggurat tables for the standard exponential (Marsaglia & Tsang 2000, 256 layers).
// About 98% of draws take one uniform and no logarithm: the simulator draws three
// exponentials per call, and the logarithm was a third of its time.
const ZIG_K = new Float64Array(256);
const ZIG_W = new Float64Array(256);
const ZIG_F = new Float64Array(256);
const ZIG_R = 7.697117470131487;
{
  const m2 = 4294967296;
  const v = 3.949659822581572e-3;
  let de = ZIG_R;
  let te = de;
  const q = v / Math.exp(-de);
  ZIG_K[0] = (de / q) * m2;
  ZIG_K[1] = 0;
  ZIG_W[0] = q / m2;
  ZIG_W[255] = de / m2;
  ZIG_F[0] = 1;
  ZIG_F[255] = Math.exp(-de);
  for (let i = 254; i >= 1; i--) {
    de = -Math.log(v / de + Math.exp(-de));
    ZIG_K[i + 1] = (de / te) * m2;
    te = de;
    ZIG_F[i] = Math.exp(-de);
    ZIG_W[i] = de / m2;
  }
}

/** Standard exponential (mean 1) by the ziggurat method; never infinite. */
export function standardExponential(u: Uniform): () => number {
  return exponentialSampler(1, u);
}

/** Exponential with the given mean, the ziggurat written out with its widths pre-scaled (one closure a draw). */
function exponentialSampler(mean: number, u: Uniform): () => number {
  const W = ZIG_W.map((w) => w * mean);
  const tail = ZIG_R * mean;
  return () => {
    for (;;) {
      const j = (u() * 4294967296) >>> 0;
      const i = j & 255;
      if (j < ZIG_K[i]) return j * W[i];
      // The tail beyond R, by memorylessness; 1 - u lies in (0, 1], so the log is finite.
      if (i === 0) return tail - Math.log(1 - u()) * mean;
      const x = j * ZIG_W[i];
      if (ZIG_F[i] + u() * (ZIG_F[i - 1] - ZIG_F[i]) < Math.exp(-x)) return x * mean;
    }
  };
}

/** Standard normal by the polar method; the spare value is cached, so two uniforms give two normals. */
export function standardNormal(u: Uniform): () => number {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let x: number, y: number, s: number;
    do {
      x = 2 * u() - 1;
      y = 2 * u() - 1;
      s = x * x + y * y;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = y * f;
    hasSpare = true;
    return x * f;
  };
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 via the u^(1/shape) boost. */
export function standardGamma(shape: number, u: Uniform): () => number {
  const normal = standardNormal(u);
  const boost = shape < 1;
  const a = boost ? shape + 1 : shape;
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return () => {
    let v: number, x: number;
    for (;;) {
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const w = 1 - u();
      if (w < 1 - 0.0331 * x * x * x * x || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) break;
    }
    const g = d * v;
    return boost ? g * Math.pow(1 - u(), 1 / shape) : g;
  };
}

