/**
 * The greedy constructive schedule (MIP start and repair): add the person with the best
 * (deficit covered) / cost until the requirement is covered. Breaks count by the stagger rule
 * ('exact') or by their expected dip ('expected').
 */
import { coverOf } from './cover.ts';
import type { ScheduleState } from './problem.ts';

export function greedy(st: ScheduleState, x0: number[], allowed: number[], model: 'exact' | 'expected'): number[] {
  const { L, open, r, keep, pats } = st;
  const x = x0.slice();
  const cover = coverOf(st, { x, y: new Map() }, model);
  const gain = new Float64Array(L);
  const bestGain = new Float64Array(L);
  for (let iter = 0; iter < 1_000_000; iter++) {
    let any = false;
    for (let i = 0; i < L; i++) if (open[i] && r[i] - cover[i] > 1e-6) any = true;
    if (!any) break;
    let best = -1;
    let bestScore = 1e-9;
    for (const j of allowed) {
      const p = pats[j];
      if (x[j] + 1 > p.cap) continue;
      gain.set(p.base);
      for (const b of p.breaks) {
        if (model === 'expected') {
          for (let i = 0; i < L; i++) gain[i] -= b.total[i] / b.slots;
        } else {
          const loss = b.byRank[x[j] % b.slots];
          for (let i = 0; i < L; i++) gain[i] -= loss[i];
        }
      }
      let covered = 0;
      for (let i = 0; i < L; i++) {
        if (!open[i]) continue;
        const d = r[i] - cover[i];
        if (d > 1e-6) covered += Math.min(d, Math.max(0, gain[i] * keep));
      }
      const score = covered / Math.max(p.cost, 1e-9);
      if (score > bestScore) {
        bestScore = score;
        best = j;
        bestGain.set(gain);
      }
    }
    if (best < 0) break;
    x[best]++;
    for (let i = 0; i < L; i++) cover[i] += bestGain[i] * keep;
  }
  return x;
}
