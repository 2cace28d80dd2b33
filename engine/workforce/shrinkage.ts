/**
 * Shrinkage: the share of scheduled (paid) time people are not on seat for reasons other than the
 * placed breaks — annual leave, sick leave, training, meetings, other.
 *
 * Rule: items combine MULTIPLICATIVELY by default, total = 1 − Π(1 − s_i) (each item is a share of
 * the time left after the previous ones, so the total can never reach 100 %); `combine: additive`
 * gives the simple sum Σ s_i, which is the other convention in use and slightly larger. A monthly
 * item applies to the calendar month of the interval (the month in which the interval starts).
 * Expected on-seat = scheduled on-seat × (1 − total); people are absent in proportion, so the dip
 * is spread over all scheduled intervals of the month.
 *
 * Do not count breaks here when the shifts list them: they are placed explicitly.
 */
import type { Shrinkage } from './schema.ts';
import { monthOfEpochDay, resolveGrid, type WorkforceGrid } from './time.ts';

function monthly(v: number | readonly number[] | undefined, m: number): number {
  if (v === undefined) return 0;
  return typeof v === 'number' ? v : v[m];
}

/** Total shrinkage per calendar month (index 0 = January). Undefined shrinkage → zeros. */
export function shrinkageByMonth(s: Shrinkage | undefined): Float64Array {
  const out = new Float64Array(12);
  if (s === undefined) return out;
  for (let m = 0; m < 12; m++) {
    if (typeof s === 'number' || Array.isArray(s)) {
      out[m] = monthly(s as number | number[], m);
      continue;
    }
    const items = [s.annualLeave, s.sickLeave, s.training, s.meetings, s.other, ...Object.values(s.additional ?? {})];
    if ((s.combine ?? 'multiplicative') === 'additive') {
      let sum = 0;
      for (const it of items) sum += monthly(it, m);
      out[m] = sum;
    } else {
      let keep = 1;
      for (const it of items) keep *= 1 - monthly(it, m);
      out[m] = 1 - keep;
    }
    if (!(out[m] >= 0 && out[m] < 1)) throw new Error(`total shrinkage must be in [0, 1), got ${out[m]} in month ${m + 1}`);
  }
  return out;
}

/** Total shrinkage for one month (1–12). */
export function totalShrinkage(s: Shrinkage | undefined, month = 1): number {
  return shrinkageByMonth(s)[month - 1];
}

/** Mean of the 12 monthly totals (what the schedule IP uses unless told a month). */
export function averageShrinkage(s: Shrinkage | undefined): number {
  const by = shrinkageByMonth(s);
  let sum = 0;
  for (const v of by) sum += v;
  return sum / 12;
}

/** Total shrinkage of every interval of the grid (by the calendar month in which the interval starts). */
export function shrinkagePerInterval(s: Shrinkage | undefined, grid: WorkforceGrid): Float64Array {
  const g = resolveGrid(grid);
  const by = shrinkageByMonth(s);
  const out = new Float64Array(g.intervals);
  for (let d = 0; d < g.days; d++) {
    const v = by[monthOfEpochDay(g.startEpochDay + d) - 1];
    out.fill(v, d * g.intervalsPerDay, (d + 1) * g.intervalsPerDay);
  }
  return out;
}
