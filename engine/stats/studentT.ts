// Student's t quantile, computed here (it was @stdlib/stats-base-dists-t-quantile: ~110 ms of
// every simulating command's start for one function, through 200 small packages).
//
// Newton's method on the upper tail P(T > t) = ½·I_x(ν/2, ½), x = ν/(ν + t²), with the regularized
// incomplete beta function by its continued fraction; accurate to a few units in the last place.
// The quantiles the engine prints intervals with, t(0.975, ν) for ν = 1 … 9,999 (2 to 10,000
// replications), are the old package's to the bit: where this computation ends a few ulps away, a
// table (studentTTable.ts) holds the difference, so every printed interval stays the same.
// studentT.test.ts checks both against the package, kept as a dev dependency.
import { OTHER_ULPS, T975_BEYOND, T975_ULPS } from './studentTTable.ts';

const LN_SQRT_PI = 0.5723649429247001; // ln √π
const EPS = 1e-16;

/** The p quantile of Student's t with ν degrees of freedom (NaN outside p ∈ [0, 1], ν > 0). */
export function tQuantile(p: number, nu: number): number {
  if (Number.isNaN(p) || Number.isNaN(nu) || nu <= 0 || p < 0 || p > 1) return NaN;
  if (p === 0.5) return 0;
  const q = p < 0.5 ? p : 1 - p; // the tail beyond the quantile (1 − p is exact for p ≥ ½)
  if (q === 0) return p < 0.5 ? -Infinity : Infinity;
  if (p < 0.5) return -upperQuantile(q, nu);
  return addUlps(upperQuantile(q, nu), tableUlps(p, nu));
}

/** The character code in T975_ULPS that means "no difference" ('O'). */
export const ULP_ZERO = 79;

/** The old package's value minus this computation's, in ulps, where the engine uses it; else 0. */
function tableUlps(p: number, nu: number): number {
  if (p === 0.975 && Number.isInteger(nu) && nu >= 1 && nu <= T975_ULPS.length) return T975_BEYOND[nu] ?? T975_ULPS.charCodeAt(nu - 1) - ULP_ZERO;
  return OTHER_ULPS[`${p}|${nu}`] ?? 0;
}

/** t with P(T > t) = q, 0 < q < ½. */
export function upperQuantile(q: number, nu: number): number {
  if (nu === 1) return 1 / Math.tan(Math.PI * q);
  if (nu === 2) return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  const z = normalUpperQuantile(q);
  // Many degrees of freedom: the Cornish–Fisher series in 1/ν (Abramowitz & Stegun 26.7.5 and its
  // fifth term) is exact to ~1e-16 where its last term is below 2e-14 of t (ν ≥ 460 at 95%),
  // and the continued fraction is not (it needs ~√ν terms near its limit of convergence: 1e-13 at ν = 10⁴).
  const z2 = z * z;
  const terms = [
    (z * (z2 + 1)) / 4,
    (z * ((5 * z2 + 16) * z2 + 3)) / 96,
    (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384,
    (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160,
    (z * (((((27 * z2 + 339) * z2 + 930) * z2 - 1782) * z2 - 765) * z2 + 17955)) / 368640,
  ];
  if (Math.abs(terms[4]) / nu ** 5 < 2e-14 * z) {
    let series = 0;
    for (let k = 4; k >= 0; k--) series = (series + terms[k]) / nu;
    return z + series;
  }
  const a = nu / 2;
  const lnRatioA = lnGammaRatio(a);
  // Newton's method from the series' first terms, kept inside a bracket its steps may not leave.
  let t = z + terms[0] / nu + terms[1] / (nu * nu);
  let lo = 0;
  let hi = Infinity;
  for (let i = 0; i < 200; i++) {
    const g = upperTail(t, nu, a, lnRatioA);
    if (g > q) lo = t;
    else if (g < q) hi = t;
    else return t;
    const density = Math.exp(lnRatioA - 0.5 * Math.log(nu) - LN_SQRT_PI - (a + 0.5) * Math.log1p((t * t) / nu));
    let next = t + (g - q) / density;
    if (!(next > lo && next < hi)) next = hi === Infinity ? 2 * t : (lo + hi) / 2;
    if (Math.abs(next - t) <= EPS * t) return next;
    t = next;
  }
  return t;
}

/** P(T > t) for t ≥ 0: ½·I_x(a, ½) with x = ν/(ν + t²), a = ν/2. */
function upperTail(t: number, nu: number, a: number, lnRatioA: number): number {
  const t2 = t * t;
  const x = nu / (nu + t2);
  const y = t2 / (nu + t2); // 1 − x, without the cancellation
  // ln of x^a·y^½ / B(a, ½); B(a, ½) = √π·Γ(a)/Γ(a + ½).
  // Each logarithm from whichever of x and 1 − x is the smaller, so neither loses its digits.
  const lnX = x < 0.5 ? Math.log(x) : Math.log1p(-y);
  const lnY = y < 0.5 ? Math.log(y) : Math.log1p(-x);
  const lnFront = a * lnX + 0.5 * lnY - LN_SQRT_PI + lnRatioA;
  if (x < (a + 1) / (a + 2.5)) return (0.5 * Math.exp(lnFront) * betaFraction(a, 0.5, x)) / a;
  return 0.5 * (1 - (Math.exp(lnFront) * betaFraction(0.5, a, y)) / 0.5);
}

/** The continued fraction of I_x(a, b) (modified Lentz), converging for x < (a + 1)/(a + b + 2). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPS) break;
  }
  return h;
}

/** ln(Γ(a + ½)/Γ(a)): its asymptotic series from a = 20 (error < 1e-17), the recurrence below. */
function lnGammaRatio(a: number): number {
  if (a >= 20) {
    const r = 1 / a;
    const r2 = r * r;
    return 0.5 * Math.log(a) + r * (-1 / 8 + r2 * (1 / 192 + r2 * (-1 / 640 + r2 * (17 / 14336 - (r2 * 31) / 18432))));
  }
  // Γ(a + ½)/Γ(a) = Γ(a + k + ½)/Γ(a + k) · Π_{j<k} (a + j)/(a + j + ½)
  const k = Math.ceil(20 - a);
  let product = 1;
  for (let j = 0; j < k; j++) product *= (a + j) / (a + j + 0.5);
  return lnGammaRatio(a + k) + Math.log(product);
}

/** z with P(Z > z) = q for the standard normal, q ∈ (0, ½] (Wichura's AS 241, relative error ~1e-16). */
function normalUpperQuantile(q: number): number {
  const p = q;
  const r0 = 0.5 - p;
  if (Math.abs(r0) <= 0.425) {
    const r = 0.180625 - r0 * r0;
    return (
      (r0 *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r + 133.14166789178437745) * r +
          3.387132872796366608)) /
      (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r + 42.313330701600911252) * r + 1)
    );
  }
  let r = Math.sqrt(-Math.log(p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r + 4.6303378461565452959) * r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r + 2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    z =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r + 5.4637849111641143699) * r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r + 0.59983220655588793769) * r + 1);
  }
  return z;
}

/** x moved by k units in its last place (x finite and positive). */
export function addUlps(x: number, k: number): number {
  if (k === 0) return x;
  const f = new Float64Array([x]);
  const bits = new BigInt64Array(f.buffer);
  bits[0] += BigInt(k);
  return f[0];
}
