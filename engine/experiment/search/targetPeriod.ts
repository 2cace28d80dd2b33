// The period a KPI target is assessed over (interval, day, calendar month, horizon), and the
// check of a run against the target over that period.
import { meetsTargetEstimate, type TargetMetric, type TargetCriterion } from './target.ts';
import type { Estimate } from '../../stats/estimate.ts';
import type { RunResult } from '../studies/run.ts';

/**
 * Over what a KPI target must hold: every interval, every day, every calendar month (what
 * tenders assess), or the whole horizon on average. The same target over a shorter period
 * needs more people: the busiest interval, day or month sets the head count.
 */
export type TargetPeriod = 'interval' | 'day' | 'month' | 'horizon';
export const TARGET_PERIODS: readonly TargetPeriod[] = ['interval', 'day', 'month', 'horizon'];
/** Tenders assess 12345 KPIs month by month. */
export const DEFAULT_TARGET_PERIOD: TargetPeriod = 'month';

/** "in every calendar month", "in every 30-minute interval", … */
export function describePeriod(period: TargetPeriod, intervalMinutes: number): string {
  switch (period) {
    case 'interval':
      return `in every ${intervalMinutes}-minute interval`;
    case 'day':
      return 'on every day';
    case 'month':
      return 'in every calendar month';
    case 'horizon':
      return 'on average over the horizon';
  }
}

/** Whether a month target's answer row was checked on something other than whole months (a horizon with none). */
export function checkedOnPartMonths(period: TargetPeriod, checked?: string): boolean {
  return period === 'month' && checked !== undefined && /^horizon avg|^each part-month/.test(checked);
}

/**
 * The period asked for, and what it came to when the horizon has no whole month: "in every calendar
 * month (here horizon avg (14 d))". `checked`: the answer row's assessedPeriodText, so the question
 * and the row cannot disagree.
 */
export function describeAskedPeriod(period: TargetPeriod, intervalMinutes: number, checked?: string): string {
  return `${describePeriod(period, intervalMinutes)}${checkedOnPartMonths(period, checked) ? ` (here ${checked})` : ''}`;
}

/** Per-period aggregation of interval means (a day's rate is its calls' rate, not the mean of its intervals' rates). */
function dayEstimates(run: RunResult, metricId: TargetMetric['metricId']): Estimate[] {
  const days = new Map<string, { offered: number; answered: number; sl: number; slW: number; asa: number; asaW: number }>();
  for (const row of run.intervals) {
    const d = row.start.slice(0, 10);
    const a = days.get(d) ?? { offered: 0, answered: 0, sl: 0, slW: 0, asa: 0, asaW: 0 };
    const m = row.metrics;
    const offered = m.offered?.mean ?? 0;
    const answered = m.answered?.mean ?? 0;
    a.offered += offered;
    a.answered += answered;
    const w = run.serviceLevelFormula === 'answered' ? answered : offered;
    if (m.serviceLevel && !Number.isNaN(m.serviceLevel.mean)) {
      a.sl += m.serviceLevel.mean * w;
      a.slW += w;
    }
    if (m.asa && !Number.isNaN(m.asa.mean)) {
      a.asa += m.asa.mean * answered;
      a.asaW += answered;
    }
    days.set(d, a);
  }
  return [...days.values()].map((a) => {
    const v =
      metricId === 'connectionRate'
        ? a.answered / a.offered
        : metricId === 'abandonmentRate'
          ? 1 - a.answered / a.offered
          : metricId === 'serviceLevel'
            ? a.sl / a.slW
            : a.asa / a.asaW;
    return { mean: v, ciLow: null, ciHigh: null };
  });
}

function calendarDaysOf(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The KPI estimates a target over `period` is checked on: one per interval, day or calendar
 * month (whole months when the horizon holds one, as a tender assesses them), or the totals.
 * Periods with nothing to measure (no calls) are left out.
 */
export function periodEstimates(run: RunResult, metricId: TargetMetric['metricId'], period: TargetPeriod): Estimate[] {
  let list: Estimate[];
  switch (period) {
    case 'horizon':
      list = [run.totals[metricId]];
      break;
    case 'month': {
      const days = (m: RunResult['months'][number]) => (m.intervals * run.horizon.intervalMinutes) / 1440;
      const whole = run.months.filter((m) => Math.abs(days(m) - calendarDaysOf(m.month)) < 1e-9);
      list = (whole.length > 0 ? whole : run.months).map((m) => m.metrics[metricId]);
      break;
    }
    case 'day':
      list = dayEstimates(run, metricId);
      break;
    case 'interval':
      list = run.intervals.map((row) => row.metrics[metricId]).filter((e) => e !== undefined);
      break;
  }
  return list.filter((e) => e !== undefined && !Number.isNaN(e.mean));
}

/**
 * What a target over `period` was checked on in this run, in words: "every month" only when whole
 * calendar months were simulated; a horizon inside one month is the horizon's average.
 */
export function assessedPeriodText(run: RunResult, period: TargetPeriod): string {
  switch (period) {
    case 'interval':
      return `every ${run.horizon.intervalMinutes}-min interval`;
    case 'day':
      return 'every day';
    case 'horizon':
      return 'horizon average';
    case 'month': {
      const days = (m: RunResult['months'][number]) => (m.intervals * run.horizon.intervalMinutes) / 1440;
      const whole = run.months.filter((m) => Math.abs(days(m) - calendarDaysOf(m.month)) < 1e-9).length;
      if (whole > 0) return whole === 1 ? 'its one whole month' : `each of ${whole} months`;
      const d = run.months.reduce((a, m) => a + days(m), 0);
      const dd = Number.isInteger(d) ? String(d) : d.toFixed(1);
      return run.months.length === 1 ? `horizon avg (${dd} d)` : `each part-month (${run.months.length} in ${dd} d)`;
    }
  }
}

/**
 * "315 of 16,331 intervals (with calls)": the intervals a target missed, of those it was checked on
 * (meetsTargetOverPeriod: intervals without calls have no KPI); `short` leaves out "with calls" for a table.
 */
export function intervalsUnderText(failing: number, checked: number, short = false): string {
  return `${failing.toLocaleString('en-US')} of ${checked.toLocaleString('en-US')} intervals${short ? '' : ' with calls'}`;
}

/** Whether every period meets the target, and the worst period's estimate. */
export function meetsTargetOverPeriod(
  run: RunResult,
  metric: TargetMetric,
  period: TargetPeriod,
  criterion: TargetCriterion = 'mean',
): { meets: boolean; worst: Estimate; periods: number; failing: number } {
  const list = periodEstimates(run, metric.metricId, period);
  if (list.length === 0) return { meets: true, worst: run.totals[metric.metricId], periods: 0, failing: 0 };
  let worst = list[0];
  let failing = 0;
  for (const e of list) {
    if (metric.direction === 'atLeast' ? e.mean < worst.mean : e.mean > worst.mean) worst = e;
    if (!meetsTargetEstimate(e, metric, criterion)) failing++;
  }
  return { meets: failing === 0, worst, periods: list.length, failing };
}
