/** Evaluating a solution: its on-seat cover under a break model, its cost and its penalties. */
import { staggerCounts } from '../shifts.ts';
import type { ScheduleState, Sol } from './problem.ts';
import type { BreakModel } from './types.ts';

/** People per break slot under the stagger rule of shifts.ts. */
export function yStagger(st: ScheduleState, x: number[]): Map<string, number[]> {
  const y = new Map<string, number[]>();
  st.pats.forEach((p, j) => p.breaks.forEach((b, bi) => y.set(`${j}/${bi}`, [...staggerCounts(x[j], b.slots)])));
  return y;
}

/** Expected on-seat (after shrinkage) of a solution under a break model. */
export function coverOf(st: ScheduleState, sol: Sol, model: BreakModel): Float64Array {
  const { L, keep } = st;
  const c = new Float64Array(L);
  st.pats.forEach((p, j) => {
    const n = sol.x[j];
    if (!(n > 0)) return;
    for (let i = 0; i < L; i++) c[i] += n * p.base[i];
    p.breaks.forEach((b, bi) => {
      if (model === 'expected') {
        for (let i = 0; i < L; i++) c[i] -= (n * b.total[i]) / b.slots;
        return;
      }
      const y = model === 'placed' ? sol.y.get(`${j}/${bi}`) : undefined;
      const counts = y ?? [...staggerCounts(n, b.slots)];
      counts.forEach((cnt, k) => {
        if (cnt > 0) for (let i = 0; i < L; i++) c[i] -= cnt * b.bySlot[k][i];
      });
    });
  });
  for (let i = 0; i < L; i++) c[i] *= keep;
  return c;
}

/** Σ_p c_p·x_p */
export function costOf(st: ScheduleState, x: number[]): number {
  return x.reduce((a, v, j) => a + v * st.pats[j].cost, 0);
}

/** Agents short of the requirement, summed over the open intervals of a cover. */
export function shortfallOf(st: ScheduleState, cover: Float64Array): number {
  let v = 0;
  for (let i = 0; i < st.L; i++) if (st.open[i]) v += Math.max(0, st.r[i] - cover[i]);
  return v;
}

/** Shortfall and overstaffing penalties of a cover. */
export function penaltyOf(st: ScheduleState, cover: Float64Array): number {
  const { L, open, r, Mu, Mv, maxOver } = st;
  let v = 0;
  for (let i = 0; i < L; i++) {
    if (!open[i]) continue;
    v += Mu * Math.max(0, r[i] - cover[i]);
    if (maxOver !== undefined) v += Mv * Math.max(0, cover[i] - r[i] - maxOver);
  }
  return v;
}
