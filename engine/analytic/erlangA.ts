// Erlang A (M/M/n+M): Poisson arrivals, exponential handle time, exponential patience.
//
// Exact virtual-waiting-time formulation of M/M/n+G (Baccelli & Hébuterne 1981;
// Zeltyn & Mandelbaum 2005), specialised to exponential patience:
//   λ arrivals/s, μ = 1/handle, θ = 1/patience, Ḡ(x) = e^{-θx}, H(x) = ∫_0^x Ḡ = (1 - e^{-θx})/θ
//   E = 1/B(n-1, λ/μ),  J = ∫_0^∞ exp(λH(x) - nμx) dx
//   V (virtual wait = wait of an infinitely patient caller):
//     P(V = 0) = E/(E + λJ),  density f_V(x) = λ·exp(λH(x) - nμx)/(E + λJ) on x > 0
//   A caller is answered iff V < own patience τ.
// λH(x) can reach thousands for big centres, so the exponent is shifted by its maximum φ*
// and everything is assembled in log space; the remaining integrals of a unimodal,
// log-concave integrand are done with adaptive Gauss–Kronrod (15 points).

import {
  type QueueInput,
  type QueueMetrics,
  checkQueueInput,
  erlangCMetrics,
  erlangB,
  hasFinitePatience,
  idleMetrics,
  logInverseErlangB,
  offeredLoad,
} from './erlang.ts';

/** M/M/n+M metrics. Requires a finite mean patience (0 = callers who must wait hang up at once). */
export function erlangAMetrics(input: QueueInput): QueueMetrics {
  checkQueueInput(input);
  const { callsPerHour, handleSeconds, agents: n, patienceSeconds, serviceLevelSeconds: T } = input;
  if (!hasFinitePatience(patienceSeconds)) {
    throw new RangeError('erlangAMetrics needs a finite patienceSeconds; use erlangCMetrics / queueMetrics');
  }
  if (callsPerHour === 0) return idleMetrics(n);

  const load = offeredLoad(input);
  const lambda = callsPerHour / 3600;
  if (n === 0) return noAgentMetrics(load, lambda, patienceSeconds, T);
  if (patienceSeconds === 0) return zeroPatienceMetrics(load, n);

  const theta = 1 / patienceSeconds;
  const nMu = n / handleSeconds;
  const logE = logInverseErlangB(n - 1, load);
  const I = virtualWaitIntegrals(lambda, nMu, theta, T);

  // Normalising constant D = E + λJ with J = e^{φ*}·I.all0, combined in log space.
  const logLambdaJ = Math.log(lambda) + I.phiStar + Math.log(I.all0);
  const logD = logSumExp(logE, logLambdaJ);
  const scale = Math.exp(Math.log(lambda) + I.phiStar - logD); // f_V(x) = scale · e^{ψ(x)}
  const pNoWait = Math.exp(logE - logD);

  // Round-off can push ratios a few ulps past 1 (e.g. 1 + 1e-15 at 5,000 agents); clamp
  // every probability so callers can rely on [0, 1].
  const probWait = clamp01(scale * I.all0);
  const meanWait = scale * I.allH; // E[min(V, τ)] = ∫ f_V(x) H(x) dx
  const probAbandon = clamp01(theta * meanWait); // P(τ < V) = ∫ f_V (1 − Ḡ) = θ·E[min(V,τ)]
  const answered = 1 - probAbandon;
  const answeredWithinT = clamp01(pNoWait + scale * I.beforeG);
  // Abandoned within T: patience ran out before both T and V.
  //   ∫_0^T f_V(v)(1 − Ḡ(v)) dv + (1 − Ḡ(T))·P(V > T)
  const abandonedWithinT = clamp01(scale * (theta * I.beforeH - Math.expm1(-theta * T) * I.after0));

  const asa = answered > 0 ? (scale * I.allXG) / answered : Number.NaN;
  // E[τ; τ < V] / P(abandon); the common factor `scale` cancels.
  const meanWaitAbandoned = probAbandon > 0 ? I.allK / (theta * I.allH) : Number.NaN;

  return {
    offeredLoad: load,
    agents: n,
    stable: true, // abandonment always keeps M/M/n+M stable
    probWait,
    probAbandon,
    connectionRate: answered,
    serviceLevel: {
      offered: answeredWithinT,
      answered: clamp01(answeredWithinT / answered),
      excludeShortAbandons: clamp01(answeredWithinT / (1 - abandonedWithinT)),
      countShortAbandons: clamp01(answeredWithinT + abandonedWithinT),
    },
    asa,
    meanWait,
    meanWaitAbandoned,
    occupancy: Math.min(1, (load * answered) / n),
    meanQueueLength: lambda * meanWait, // Little's law on the queue
  };
}

function clamp01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/**
 * Erlang A when patience is finite, Erlang C when callers wait forever.
 * (Lives here rather than in erlang.ts so that erlang.ts does not import this file.)
 */
export function queueMetrics(input: QueueInput): QueueMetrics {
  return hasFinitePatience(input.patienceSeconds) ? erlangAMetrics(input) : erlangCMetrics(input);
}

// ---- degenerate cases -------------------------------------------------------------------

/** No agents on seat: every caller waits until patience runs out. */
function noAgentMetrics(load: number, lambda: number, patience: number, T: number): QueueMetrics {
  const abandonedWithinT = patience === 0 ? 1 : -Math.expm1(-T / patience);
  return {
    offeredLoad: load,
    agents: 0,
    stable: true,
    probWait: 1,
    probAbandon: 1,
    connectionRate: 0,
    serviceLevel: {
      offered: 0,
      answered: Number.NaN, // 0 answered of 0 answered
      excludeShortAbandons: 0,
      countShortAbandons: abandonedWithinT,
    },
    asa: Number.NaN, // nobody is answered
    meanWait: patience,
    meanWaitAbandoned: patience,
    occupancy: 0, // no agent is busy (0 of 0 seats)
    meanQueueLength: lambda * patience,
  };
}

/** Zero patience (θ → ∞): callers who would have to wait hang up at once — Erlang B loss system. */
function zeroPatienceMetrics(load: number, n: number): QueueMetrics {
  const lost = erlangB(n, load);
  return {
    offeredLoad: load,
    agents: n,
    stable: true,
    probWait: lost,
    probAbandon: lost,
    connectionRate: 1 - lost,
    serviceLevel: { offered: 1 - lost, answered: 1, excludeShortAbandons: 1 - lost, countShortAbandons: 1 },
    asa: 0,
    meanWait: 0,
    meanWaitAbandoned: lost > 0 ? 0 : Number.NaN,
    occupancy: (load * (1 - lost)) / n,
    meanQueueLength: 0,
  };
}

// ---- the integrals -------------------------------------------------------------------------

/**
 * ψ(x) = φ(x) − φ*, φ(x) = λH(x) − nμx, so that e^{ψ} ≤ 1. Components integrated together:
 *   0: e^ψ            → P(wait), P(V > T)
 *   1: e^ψ Ḡ          → answered (within T)
 *   2: e^ψ x Ḡ        → ASA
 *   3: e^ψ H          → mean wait, abandonment (within T)
 *   4: e^ψ K,  K(x) = ∫_0^x sθe^{-θs} ds = (1 − e^{-θx}(1 + θx))/θ  → mean wait of abandoned callers
 */
const NCOMP = 5;

interface VirtualWaitIntegrals {
  phiStar: number;
  all0: number;
  allH: number;
  allXG: number;
  allK: number;
  beforeG: number; // component 1 on [0, T]
  beforeH: number; // component 3 on [0, T]
  after0: number; // component 0 on [T, ∞)
}

/** An integrand below e^{-DROP} of its peak cannot move a 1e-10 relative result. */
const DROP = 70;
const REL_TOL = 1e-11;
const MAX_PANELS = 4000;

function virtualWaitIntegrals(lambda: number, nMu: number, theta: number, T: number): VirtualWaitIntegrals {
  // Peak and significant range of e^φ (the wait density) ...
  const main = concaveSupport(lambda, nMu, theta);
  const phiStar = main.peakValue;
  // ... and of e^φ·Ḡ (answered callers), which peaks earlier and can be much narrower
  // when patience is short; its range gives the panels their scale there.
  const answeredPart = concaveSupport(lambda, nMu + theta, theta);

  const lo = main.lo;
  const hi = main.hi;
  const points = [lo, hi, main.peak, answeredPart.lo, answeredPart.peak, answeredPart.hi, T]
    .filter((x) => x >= lo && x <= hi)
    .sort((a, b) => a - b);

  const f = makeIntegrand(lambda, nMu, theta, phiStar);
  const panels: Panel[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (b > a) panels.push(gk15(f, a, b));
  }
  refine(f, panels);

  let all0 = 0,
    allH = 0,
    allXG = 0,
    allK = 0,
    beforeG = 0,
    beforeH = 0,
    after0 = 0;
  for (const p of panels) {
    all0 += p.val[0];
    allXG += p.val[2];
    allH += p.val[3];
    allK += p.val[4];
    if (p.b <= T) {
      beforeG += p.val[1];
      beforeH += p.val[3];
    } else {
      after0 += p.val[0];
    }
  }
  return { phiStar, all0, allH, allXG, allK, beforeG, beforeH, after0 };
}

type Integrand = (x: number, out: Float64Array) => void;

// (1 − e^{-u}(1 + u)) = Σ_{k≥2} (−1)^k (k−1) u^k / k!, for small u where the closed form cancels.
const K_SERIES = [1 / 2, -2 / 6, 3 / 24, -4 / 120, 5 / 720, -6 / 5040, 7 / 40320, -8 / 362880, 9 / 3628800];

function makeIntegrand(lambda: number, nMu: number, theta: number, phiStar: number): Integrand {
  const invTheta = 1 / theta;
  return (x, out) => {
    const u = theta * x;
    const em = Math.expm1(-u);
    const gBar = 1 + em;
    const h = -em * invTheta; // accurate even for patience ≫ handle (θ → 0)
    const w = Math.exp(lambda * h - nMu * x - phiStar);
    let k: number;
    if (u < 0.1) {
      let s = 0;
      for (let i = K_SERIES.length - 1; i >= 0; i--) s = s * u + K_SERIES[i];
      k = s * u * u * invTheta;
    } else {
      k = (1 - gBar * (1 + u)) * invTheta;
    }
    const wg = w * gBar;
    out[0] = w;
    out[1] = wg;
    out[2] = wg * x;
    out[3] = w * h;
    out[4] = w * k;
  };
}

/**
 * For the concave exponent φ_c(x) = λH(x) − c·x on x ≥ 0: its maximiser, maximum, and the
 * interval [lo, hi] outside which φ_c is more than DROP below the maximum.
 */
function concaveSupport(
  lambda: number,
  c: number,
  theta: number,
): { peak: number; peakValue: number; lo: number; hi: number } {
  const phi = (x: number) => lambda * (-Math.expm1(-theta * x) / theta) - c * x;
  const dphi = (x: number) => lambda * Math.exp(-theta * x) - c;
  const peak = lambda > c ? Math.log(lambda / c) / theta : 0;
  const peakValue = phi(peak);
  const level = peakValue - DROP;

  // Right end: φ_c is concave and decreasing past the peak, so Newton steps, once to the
  // right of the root, approach it monotonically from the right. Start one "Gaussian width"
  // (or one linear decay length) beyond the peak.
  const curvature = lambda * theta * Math.exp(-theta * peak);
  const slope0 = dphi(peak);
  let hi = peak + Math.min(Math.sqrt((2 * DROP) / curvature), slope0 < 0 ? DROP / -slope0 : Infinity);
  if (!(hi > peak)) hi = peak + Math.max(1, Math.abs(peak)) * 1e-6;
  for (let i = 0; i < 200; i++) {
    const g = phi(hi) - level;
    if (g <= 0 && g > -5) break; // conservative: at most 75 below the peak
    const d = dphi(hi);
    if (!(d < 0)) {
      hi = hi * 2 + 1;
      continue;
    }
    hi -= g / d;
  }

  // Left end (only when the peak is interior and φ_c(0) is far below it): Newton from 0 on
  // a concave increasing function stays left of the root, i.e. on the safe side.
  let lo = 0;
  if (peak > 0 && phi(0) < level) {
    for (let i = 0; i < 200; i++) {
      const g = phi(lo) - level;
      if (g > -5) break;
      const d = dphi(lo);
      if (!(d > 0)) break;
      const next = lo - g / d;
      if (!(next > lo) || next >= peak) break;
      lo = next;
    }
  }
  return { peak, peakValue, lo, hi };
}

// ---- adaptive Gauss–Kronrod (G7/K15, QUADPACK constants and error estimate) ---------

const XGK = [
  0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926,
  0.741531185599394439863864773280788, 0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
  0.207784955007898467600689403773245, 0.0,
];
const WGK = [
  0.02293532201052922496373200805897, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518,
  0.140653259715525918745189590510238, 0.16900472663926790282658342659855, 0.190350578064785409913256402421014,
  0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
];
const WG = [
  0.129484966168869693270611432679082, 0.27970539148927666790146777142378, 0.381830050505118944950369775488975,
  0.417959183673469387755102040816327,
];

interface Panel {
  a: number;
  b: number;
  val: Float64Array;
  err: Float64Array;
}

const fScratch = new Float64Array(15 * NCOMP);
const fTmp = new Float64Array(NCOMP);

function gk15(f: Integrand, a: number, b: number): Panel {
  const centre = 0.5 * (a + b);
  const half = 0.5 * (b - a);
  // Node order in fScratch: 0..6 = centre − h·XGK[j], 7..13 = centre + h·XGK[j], 14 = centre.
  for (let j = 0; j < 7; j++) {
    const dx = half * XGK[j];
    f(centre - dx, fTmp);
    fScratch.set(fTmp, j * NCOMP);
    f(centre + dx, fTmp);
    fScratch.set(fTmp, (7 + j) * NCOMP);
  }
  f(centre, fTmp);
  fScratch.set(fTmp, 14 * NCOMP);

  const val = new Float64Array(NCOMP);
  const err = new Float64Array(NCOMP);
  for (let c = 0; c < NCOMP; c++) {
    const fc = fScratch[14 * NCOMP + c];
    let resK = WGK[7] * fc;
    let resG = WG[3] * fc;
    let resAbs = Math.abs(resK);
    for (let j = 0; j < 7; j++) {
      const f1 = fScratch[j * NCOMP + c];
      const f2 = fScratch[(7 + j) * NCOMP + c];
      resK += WGK[j] * (f1 + f2);
      resAbs += WGK[j] * (Math.abs(f1) + Math.abs(f2));
      if (j & 1) resG += WG[j >> 1] * (f1 + f2); // Gauss nodes are XGK[1], XGK[3], XGK[5]
    }
    const mean = resK * 0.5;
    let resAsc = WGK[7] * Math.abs(fc - mean);
    for (let j = 0; j < 7; j++) {
      resAsc += WGK[j] * (Math.abs(fScratch[j * NCOMP + c] - mean) + Math.abs(fScratch[(7 + j) * NCOMP + c] - mean));
    }
    const h = Math.abs(half);
    resAsc *= h;
    resAbs *= h;
    let e = Math.abs((resK - resG) * half);
    if (resAsc !== 0 && e !== 0) e = resAsc * Math.min(1, Math.pow((200 * e) / resAsc, 1.5));
    e = Math.max(50 * Number.EPSILON * resAbs, e);
    val[c] = resK * half;
    err[c] = e;
  }
  return { a, b, val, err };
}

/** Global adaptive refinement: bisect the worst panel until every component meets REL_TOL. */
function refine(f: Integrand, panels: Panel[]): void {
  const total = new Float64Array(NCOMP);
  const totalErr = new Float64Array(NCOMP);
  while (panels.length < MAX_PANELS) {
    total.fill(0);
    totalErr.fill(0);
    for (const p of panels) {
      for (let c = 0; c < NCOMP; c++) {
        total[c] += p.val[c];
        totalErr[c] += p.err[c];
      }
    }
    let done = true;
    for (let c = 0; c < NCOMP; c++) {
      if (totalErr[c] > REL_TOL * Math.abs(total[c])) done = false;
    }
    if (done) return;

    let worst = 0;
    let worstScore = -1;
    for (let i = 0; i < panels.length; i++) {
      let score = 0;
      for (let c = 0; c < NCOMP; c++) {
        if (total[c] !== 0) score += panels[i].err[c] / Math.abs(total[c]);
      }
      if (score > worstScore) {
        worstScore = score;
        worst = i;
      }
    }
    const p = panels[worst];
    const mid = 0.5 * (p.a + p.b);
    if (!(mid > p.a && mid < p.b)) return; // cannot split further in double precision
    panels[worst] = gk15(f, p.a, mid);
    panels.push(gk15(f, mid, p.b));
  }
}

function logSumExp(x: number, y: number): number {
  const m = Math.max(x, y);
  if (m === Infinity) return Infinity;
  return m + Math.log(Math.exp(x - m) + Math.exp(y - m));
}
