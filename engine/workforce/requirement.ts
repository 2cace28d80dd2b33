/**
 * Per-interval staffing requirement from Erlang C (infinite patience) or Erlang A (exponential
 * patience): the fewest on-seat agents meeting the target in each interval, taken as a steady
 * state of that interval's arrival rate.
 */
import { agentsNeeded, type StaffingTarget } from '../analytic/index.ts';
import { resolveGrid, weekdayOfEpochDay, type WorkforceGrid } from './time.ts';

export interface RequirementOptions {
  /** Occupancy cap (e.g. 0.85): also require offered load / agents ≤ maxOccupancy. */
  maxOccupancy?: number;
  /** Floor for every interval (e.g. 1 or 2 for a manned 7×24 line even at zero calls). Default 0. */
  minAgents?: number;
  /** Cap on agents per interval (passed to agentsNeeded as maxAgents). */
  maxAgents?: number;
}

/**
 * Minimum on-seat agents per interval. `ratePerInterval` is in calls per HOUR (the arrival rate
 * during the interval). Results are cached by rate value, since many intervals share a rate.
 */
export function erlangRequirement(
  ratePerInterval: ArrayLike<number>,
  handleSeconds: number,
  patienceSeconds: number | null,
  serviceLevelSeconds: number,
  target: StaffingTarget,
  options: RequirementOptions = {},
): Int32Array {
  const out = new Int32Array(ratePerInterval.length);
  const cache = new Map<number, number>();
  const floor = options.minAgents ?? 0;
  for (let i = 0; i < ratePerInterval.length; i++) {
    const rate = ratePerInterval[i];
    if (!Number.isFinite(rate) || rate < 0) throw new RangeError(`rate[${i}] must be finite and ≥ 0, got ${rate}`);
    let n = cache.get(rate);
    if (n === undefined) {
      n =
        rate === 0
          ? 0
          : agentsNeeded(
              { callsPerHour: rate, handleSeconds, patienceSeconds, serviceLevelSeconds },
              target,
              { maxOccupancy: options.maxOccupancy, ...(options.maxAgents !== undefined ? { maxAgents: options.maxAgents } : {}) },
            );
      cache.set(rate, n);
    }
    out[i] = Math.max(floor, n);
  }
  return out;
}

/**
 * Fold a per-interval series over the horizon into one representative period for the schedule IP:
 * 'week' (7 days from Monday, each weekday/interval taking the statistic over all such days of the
 * horizon) or 'day'. Statistic: 'max' (cover the worst day), 'mean', or a quantile in [0, 1]
 * (nearest rank). Returns the folded values and the weekday of their first day (1 = Monday).
 */
export function foldToPeriod(
  values: ArrayLike<number>,
  grid: WorkforceGrid,
  period: 'week' | 'day' = 'week',
  statistic: 'max' | 'mean' | number = 'max',
): { values: Float64Array; startWeekday: number } {
  const g = resolveGrid(grid);
  if (values.length !== g.intervals) throw new Error(`expected ${g.intervals} values, got ${values.length}`);
  const slots = period === 'week' ? 7 * g.intervalsPerDay : g.intervalsPerDay;
  const buckets: number[][] = Array.from({ length: slots }, () => []);
  for (let d = 0; d < g.days; d++) {
    const offset = period === 'week' ? (weekdayOfEpochDay(g.startEpochDay + d) - 1) * g.intervalsPerDay : 0;
    for (let k = 0; k < g.intervalsPerDay; k++) buckets[offset + k].push(values[d * g.intervalsPerDay + k]);
  }
  const out = new Float64Array(slots);
  buckets.forEach((b, i) => {
    if (b.length === 0) throw new Error('the horizon does not cover every weekday: fold to a day, or extend it');
    if (statistic === 'max') out[i] = Math.max(...b);
    else if (statistic === 'mean') out[i] = b.reduce((a, v) => a + v, 0) / b.length;
    else {
      if (!(statistic >= 0 && statistic <= 1)) throw new RangeError('quantile must be in [0, 1]');
      const sorted = [...b].sort((x, y) => x - y);
      out[i] = sorted[Math.max(0, Math.ceil(statistic * sorted.length) - 1)];
    }
  });
  return { values: out, startWeekday: 1 };
}
