// Duration distributions (seconds), compiled to samplers bound to one stream.
import type { AleaUniform, Uniform } from './streams.ts';

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
      const x = zigguratRest(j, mean, tail, u);
      if (x >= 0) return x;
    }
  };
}

/**
 * The ziggurat's rare steps for a 32-bit draw j outside its layer's rectangle: the tail beyond R
 * (by memorylessness; 1 - u lies in (0, 1], so the log is finite) or the wedge test. Returns the
 * draw, or -1 when it is rejected and the caller must start again with a new j.
 */
function zigguratRest(j: number, mean: number, tail: number, u: Uniform): number {
  const i = j & 255;
  if (i === 0) return tail - Math.log(1 - u()) * mean;
  const x = j * ZIG_W[i];
  return ZIG_F[i] + u() * (ZIG_F[i - 1] - ZIG_F[i]) < Math.exp(-x) ? x * mean : -1;
}

/** Draws of one distribution, made a block at a time. */
export type BlockFiller = (out: Float64Array) => void;

/**
 * Fills blocks with exactly the numbers `makeSampler(d, u)` would return, in the same order.
 * The simulator reads its durations from such blocks: for the exponential on an Alea stream
 * the generator's state lives in registers for a whole block and no draw crosses a function
 * call, where a closure per draw cost about 17 ns and often a boxed heap number. (Reading ahead
 * changes no number: each stream has one reader, so caller i still gets its i-th draw.)
 */
export function makeFiller(d: DurationDistribution, u: Uniform): BlockFiller {
  if (d.distribution === 'exponential' && 'state' in u) return exponentialFiller(d.mean, u as AleaUniform);
  if (d.distribution === 'deterministic') {
    const value = d.value;
    return (out) => out.fill(value);
  }
  if (d.distribution === 'lognormal') {
    const sigma2 = Math.log(1 + d.cv * d.cv);
    const mu = Math.log(d.mean) - sigma2 / 2;
    // The polar method's second normal, carried to the next block as makeSampler carries it to the next call.
    const spare = new Float64Array(2);
    return (out) => fillLognormal(out, u, mu, Math.sqrt(sigma2), spare);
  }
  const draw = makeSampler(d, u);
  return (out) => {
    for (let n = 0; n < out.length; n++) out[n] = draw();
  };
}

/** The exponential's ziggurat with seedrandom's Alea step written inline (state in locals for a block). */
function exponentialFiller(mean: number, u: AleaUniform): BlockFiller {
  const W = ZIG_W.map((w) => w * mean);
  const tail = ZIG_R * mean;
  return (out) => fillExponential(out, u, W, mean, tail);
}

// The block loops are module-level functions with one flat loop each (the rare steps in a
// separate function): written as closures, or with a nested retry loop, V8 left them allocating a
// heap number per operation, at about twice the time per draw.

/** Lognormal draws by the polar method, the same numbers in the same order as makeSampler's. */
function fillLognormal(out: Float64Array, u: Uniform, mu: number, sigma: number, spare: Float64Array): void {
  let n = 0;
  if (spare[0] === 1 && out.length > 0) {
    out[n++] = Math.exp(mu + sigma * spare[1]);
    spare[0] = 0;
  }
  while (n < out.length) {
    const x = 2 * u() - 1;
    const y = 2 * u() - 1;
    const s = x * x + y * y;
    if (s >= 1 || s === 0) continue;
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    // The products in the sampler's order, so the numbers are bit-identical.
    out[n++] = Math.exp(mu + sigma * (x * f));
    if (n < out.length) out[n++] = Math.exp(mu + sigma * (y * f));
    else {
      spare[0] = 1;
      spare[1] = y * f;
    }
  }
}

function fillExponential(out: Float64Array, u: AleaUniform, W: Float64Array, mean: number, tail: number): void {
  const st = u.state;
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let c = st[3];
  for (let n = 0; n < out.length; n++) {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32, as in aleaStream
    s0 = s1;
    s1 = s2;
    c = Math.floor(t); // = t | 0 here, and the serial chain is about twice as fast
    s2 = t - c;
    const j = (s2 * 4294967296) >>> 0;
    const i = j & 255;
    if (j < ZIG_K[i]) out[n] = j * W[i];
    else {
      // Rare (about 2%): hand the state to the stream for the extra uniforms.
      st[0] = s0;
      st[1] = s1;
      st[2] = s2;
      st[3] = c;
      out[n] = zigguratFrom(j, W, mean, tail, u);
      s0 = st[0];
      s1 = st[1];
      s2 = st[2];
      c = st[3];
    }
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = c;
}

/** The ziggurat after a first 32-bit draw j outside its layer's rectangle, drawing from u until it accepts. */
function zigguratFrom(j: number, W: Float64Array, mean: number, tail: number, u: Uniform): number {
  for (;;) {
    const x = zigguratRest(j, mean, tail, u);
    if (x >= 0) return x;
    j = (u() * 4294967296) >>> 0;
    const i = j & 255;
    if (j < ZIG_K[i]) return j * W[i];
  }
}

/** Draws of two distributions (on two streams), made a block of each at a time. */
export type PairFiller = (outA: Float64Array, outB: Float64Array) => void;

/**
 * Fills two blocks of the same length, each with exactly the numbers `makeFiller` would give.
 * Alea is a serial chain (each step waits for the one before), so two exponential streams are
 * stepped in one loop and the processor overlaps the two chains: a pair of draws cost about 1.5
 * single ones here.
 */
export function makePairFiller(dA: DurationDistribution, uA: Uniform, dB: DurationDistribution, uB: Uniform): PairFiller {
  if (dA.distribution === 'exponential' && dB.distribution === 'exponential' && 'state' in uA && 'state' in uB && uA !== uB) {
    return exponentialPairFiller(dA.mean, uA as AleaUniform, dB.mean, uB as AleaUniform);
  }
  const fillA = makeFiller(dA, uA);
  const fillB = makeFiller(dB, uB);
  return (outA, outB) => {
    fillA(outA);
    fillB(outB);
  };
}

/** exponentialFiller for two streams at once (the same steps, interleaved). */
function exponentialPairFiller(meanA: number, uA: AleaUniform, meanB: number, uB: AleaUniform): PairFiller {
  const WA = ZIG_W.map((w) => w * meanA);
  const WB = ZIG_W.map((w) => w * meanB);
  const tailA = ZIG_R * meanA;
  const tailB = ZIG_R * meanB;
  return (outA, outB) => fillExponentialPair(outA, uA, WA, meanA, tailA, outB, uB, WB, meanB, tailB);
}

function fillExponentialPair(
  outA: Float64Array,
  uA: AleaUniform,
  WA: Float64Array,
  meanA: number,
  tailA: number,
  outB: Float64Array,
  uB: AleaUniform,
  WB: Float64Array,
  meanB: number,
  tailB: number,
): void {
  const sa = uA.state;
  const sb = uB.state;
  let a0 = sa[0];
  let a1 = sa[1];
  let a2 = sa[2];
  let ac = sa[3];
  let b0 = sb[0];
  let b1 = sb[1];
  let b2 = sb[2];
  let bc = sb[3];
  for (let n = 0; n < outA.length; n++) {
    const ta = 2091639 * a0 + ac * 2.3283064365386963e-10;
    const tb = 2091639 * b0 + bc * 2.3283064365386963e-10;
    a0 = a1;
    a1 = a2;
    ac = Math.floor(ta);
    a2 = ta - ac;
    b0 = b1;
    b1 = b2;
    bc = Math.floor(tb);
    b2 = tb - bc;
    const ja = (a2 * 4294967296) >>> 0;
    const jb = (b2 * 4294967296) >>> 0;
    const ia = ja & 255;
    const ib = jb & 255;
    if (ja < ZIG_K[ia]) outA[n] = ja * WA[ia];
    else {
      sa[0] = a0;
      sa[1] = a1;
      sa[2] = a2;
      sa[3] = ac;
      outA[n] = zigguratFrom(ja, WA, meanA, tailA, uA);
      a0 = sa[0];
      a1 = sa[1];
      a2 = sa[2];
      ac = sa[3];
    }
    if (jb < ZIG_K[ib]) outB[n] = jb * WB[ib];
    else {
      sb[0] = b0;
      sb[1] = b1;
      sb[2] = b2;
      sb[3] = bc;
      outB[n] = zigguratFrom(jb, WB, meanB, tailB, uB);
      b0 = sb[0];
      b1 = sb[1];
      b2 = sb[2];
      bc = sb[3];
    }
  }
  sa[0] = a0;
  sa[1] = a1;
  sa[2] = a2;
  sa[3] = ac;
  sb[0] = b0;
  sb[1] = b1;
  sb[2] = b2;
  sb[3] = bc;
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

