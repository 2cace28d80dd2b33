// The fitted values' 95% intervals. Agents on seat are whole numbers per interval, so under common
// random numbers a figure is a staircase in any value that sets the staffing (a share of the
// payroll, people per seat): the slope over the root search's last, narrow bracket measures a step
// or a flat, not the sensitivity, and the intervals it gave covered the true value 2 times in 10
// (issue #18). Two remedies, checked by the coverage experiment (coverage.test.ts, bench/coverage.ts):
// slopes are secants over a bracket wider than the steps, and with one unknown the interval is found
// by test inversion, where the simulated figure crosses the published one ± its replication half-width.
import { clamp } from './solve.ts';

/**
 * The two points of a slope bracket around x in coordinate j: ±max(2.5% of the range, 5% of the
 * value), shifted (not shrunk) where it would leave the range. Wide enough to span many of the
 * staircase's steps, narrow enough that the figure is nearly linear over it.
 */
export function slopeBracket(x: number[], j: number, [lo, hi]: [number, number]): [number[], number[]] {
  const h = Math.min((hi - lo) / 2, Math.max((hi - lo) * 0.025, Math.abs(x[j]) * 0.05));
  let a = x[j] - h;
  let b = x[j] + h;
  if (a < lo) [a, b] = [lo, lo + 2 * h];
  if (b > hi) [a, b] = [hi - 2 * h, hi];
  const up = x.slice();
  const down = x.slice();
  up[j] = b;
  down[j] = a;
  return [up, down];
}

/**
 * One unknown: the 95% interval by test inversion, the values whose simulated figure lies within
 * the figure's replication half-width `h` of the published one, bounded where the simulated figure
 * crosses observed − h and observed + h. On a staircase the crossings land on the edges of the steps
 * around the true value's step, which no slope can know. `guess` (the delta-method half-width) is the
 * first step out from the root; each end is found to a tenth of it, and the outer side is kept.
 */
export function invertedInterval(f: (v: number) => number, root: number, guess: number, h: number, observed: number, [lo, hi]: [number, number]): [number, number] {
  if (!(h > 0) || !(guess > 0) || !Number.isFinite(guess)) return [root, root];
  const crossing = (target: number, dir: -1 | 1): number => {
    const g = (v: number) => f(v) - target;
    const g0 = g(root);
    let a = root;
    let step = guess;
    let b = clamp(root + dir * step, [lo, hi]);
    let gb = g(b);
    // Walk out, doubling, until the figure passes the target (or the range ends: the interval reaches it).
    for (let k = 0; k < 12 && Math.sign(gb) === Math.sign(g0) && gb !== 0; k++) {
      if (b === lo || b === hi) return b;
      a = b;
      step *= 2;
      b = clamp(root + dir * step, [lo, hi]);
      gb = g(b);
    }
    if (Math.sign(gb) === Math.sign(g0) && gb !== 0) return b;
    while (Math.abs(b - a) > guess / 10) {
      const c = (a + b) / 2;
      if (Math.sign(g(c)) === Math.sign(g0)) a = c;
      else b = c;
    }
    return b;
  };
  // Which side each crossing lies on follows the sign of the slope at the root.
  const rising = f(clamp(root + guess, [lo, hi])) >= f(clamp(root - guess, [lo, hi]));
  const below = crossing(observed - h, rising ? -1 : 1);
  const above = crossing(observed + h, rising ? 1 : -1);
  return [Math.max(lo, Math.min(below, above, root)), Math.min(hi, Math.max(below, above, root))];
}
