// The root searches behind calibration: one unknown by a bracketed Illinois (regula falsi)
// search, several by Newton steps with a finite-difference Jacobian; and the error a fit that
// cannot be made raises.

/** A fit that cannot be made (a user error: one line, exit 2). */
export class CalibrationError extends RangeError {}

/** A published figure as the searches name it in their messages. */
interface Figure {
  metric: string;
  value: number;
}

/**
 * The root of g (monotone, noisy only through CRN) in [lo, hi]: the bounds first, to say which
 * one is hit when the figure is out of reach, then Illinois steps from the start value.
 */
export function solve1d(g: (v: number) => number, [lo, hi]: [number, number], start: number, tol: number, field: string, o: Figure): { root: number; slope: number | null } {
  const gl = g(lo);
  const gh = g(hi);
  if (gl === 0) return { root: lo, slope: null };
  if (gh === 0) return { root: hi, slope: null };
  if (Number.isNaN(gl) || Number.isNaN(gh)) throw new CalibrationError(`${o.metric} cannot be computed at the ends of ${field}'s range (${lo}..${hi})`);
  if (Math.sign(gl) === Math.sign(gh)) {
    const nearer = Math.abs(gl) < Math.abs(gh) ? lo : hi;
    throw new CalibrationError(
      `${o.metric} = ${o.value} is out of reach by ${field} in ${lo}..${hi}: it gives ${round(gl + o.value)} at ${lo} and ${round(gh + o.value)} at ${hi}; ` +
        `the ${nearer === lo ? 'lower' : 'upper'} bound ${nearer} comes nearest (widen it with --range ${field}=LOW..HIGH, or fit another field)`,
    );
  }
  let a = lo;
  let b = hi;
  let ga = gl;
  let gb = gh;
  // The figures' true values at a and b (ga and gb are halved by the Illinois rule).
  let fa = gl;
  let fb = gh;
  // Try the start value first: a good guess halves the work.
  if (start > lo && start < hi) {
    const gs = g(start);
    if (gs === 0) return { root: start, slope: null };
    if (Math.sign(gs) === Math.sign(ga)) {
      a = start;
      ga = fa = gs;
    } else {
      b = start;
      gb = fb = gs;
    }
  }
  let side = 0;
  const width = (hi - lo) * tol;
  for (let it = 0; it < 60 && b - a > width; it++) {
    let c = b - (gb * (b - a)) / (gb - ga);
    if (!(c > a && c < b)) c = (a + b) / 2;
    // Keep steps from hugging one end.
    const margin = (b - a) * 0.02;
    c = Math.min(b - margin, Math.max(a + margin, c));
    const gc = g(c);
    if (gc === 0) return { root: c, slope: null };
    if (Math.sign(gc) === Math.sign(ga)) {
      a = c;
      ga = fa = gc;
      if (side === -1) gb /= 2;
      side = -1;
    } else {
      b = c;
      gb = fb = gc;
      if (side === 1) ga /= 2;
      side = 1;
    }
  }
  // The last bracket is narrow: the secant through its true values is the root and the local slope.
  const root = fa === fb ? (a + b) / 2 : a - (fa * (b - a)) / (fb - fa);
  return { root, slope: (fb - fa) / (b - a) };
}

/**
 * Several unknowns: Newton steps with a finite-difference Jacobian, kept inside the ranges and
 * halved until the (relative) residuals shrink.
 */
export function solveNd(f: (x: number[]) => number[], ranges: [number, number][], start: number[], tol: number, fields: string[], observed: Figure[]): number[] {
  const n = start.length;
  const norm = (r: number[]) => Math.sqrt(r.reduce((s, v) => s + v * v, 0));
  let x = start.slice();
  let r = f(x);
  for (let it = 0; it < 25; it++) {
    if (norm(r) < 1e-4) return x;
    const J = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let j = 0; j < n; j++) {
      const span = ranges[j][1] - ranges[j][0];
      let h = Math.max(span * 0.005, Math.abs(x[j]) * 0.02);
      if (x[j] + h > ranges[j][1]) h = -h;
      const xs = x.slice();
      xs[j] += h;
      const rj = f(xs);
      for (let i = 0; i < n; i++) J[i][j] = (rj[i] - r[i]) / h;
    }
    const inv = invert(J);
    if (!inv) break;
    const step = inv.map((row) => -row.reduce((s, a, j) => s + a * r[j], 0));
    let t = 1;
    let improved = false;
    for (let k = 0; k < 8; k++, t /= 2) {
      const xn = x.map((v, i) => clamp(v + t * step[i], ranges[i]));
      const rn = f(xn);
      if (norm(rn) < norm(r)) {
        const moved = Math.max(...xn.map((v, i) => Math.abs(v - x[i]) / (ranges[i][1] - ranges[i][0])));
        x = xn;
        r = rn;
        improved = true;
        if (moved < tol) return x;
        break;
      }
    }
    if (!improved) break;
  }
  if (norm(r) < 5e-3) return x;
  throw new CalibrationError(
    `no joint fit of ${fields.join(', ')} reproduces ${observed.map((o) => `${o.metric} = ${o.value}`).join(' and ')} within their ranges ` +
      `(closest: ${fields.map((fl, i) => `${fl} = ${round(x[i])}`).join(', ')}, relative misses ${r.map((v) => v.toFixed(4)).join(', ')}); ` +
      'try other fields or wider --range values',
  );
}

export function invert(m: number[][]): number[][] | null {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (!(Math.abs(a[p][c]) > 1e-300)) return null;
    [a[c], a[p]] = [a[p], a[c]];
    const d = a[c][c];
    for (let j = 0; j < 2 * n; j++) a[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c];
      for (let j = 0; j < 2 * n; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((row) => row.slice(n));
}

export function clamp(v: number, [lo, hi]: [number, number]): number {
  return Math.min(hi, Math.max(lo, v));
}

export function round(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(1) : a >= 1 ? v.toFixed(3) : v.toPrecision(4);
}
