// The KPIs a budget or head-count study reports for a simulated staffing, and the shared
// vocabulary of the studies (operating models, progress callback).
import type { Model } from '../../cost/labour.ts';
import type { Estimate } from '../../stats/estimate.ts';
import type { RunResult } from './run.ts';

export const OPERATING_MODELS: readonly Model[] = ['outsourced', 'inhouse'];

/** Progress of the simulations a study runs: one label per simulated staffing. */
export type StudyProgress = (label: string, done: number, total: number) => void;

// ---------------------------------------------------------------------------------------------
// KPIs of a run

export interface KpiSummary {
  offered: Estimate;
  answered: Estimate;
  connectionRate: Estimate;
  abandonmentRate: Estimate;
  /** The headline service level (formula and threshold below). */
  serviceLevel: Estimate;
  asa: Estimate;
  occupancy: Estimate;
  /** Answered calls scaled to a year (365 days unless the horizon is a whole 365/366-day year). */
  answeredPerYear: Estimate;
  serviceLevelSeconds: number;
  serviceLevelFormula: string;
  replications: number;
  /** Simulated days that were counted (after warm-up). */
  countedDays: number;
  /** The seed the replications were drawn from (equal seeds: common random numbers). */
  seed: number | string;
  /** Per replication, the whole-horizon KPIs (answeredPerYear scaled as above): for paired differences. */
  byReplication: Record<'connectionRate' | 'abandonmentRate' | 'serviceLevel' | 'asa' | 'occupancy' | 'answeredPerYear', number[]>;
}

export function scaleEstimate(e: Estimate, f: number): Estimate {
  return { mean: e.mean * f, ciLow: e.ciLow === null ? null : e.ciLow * f, ciHigh: e.ciHigh === null ? null : e.ciHigh * f };
}

export function kpiSummary(r: RunResult): KpiSummary {
  const countedDays = r.horizon.days - (r.horizon.warmupIntervals * r.horizon.intervalMinutes) / 1440;
  const whole = Math.abs(countedDays - 365) < 1e-9 || Math.abs(countedDays - 366) < 1e-9;
  const t = r.totals;
  return {
    offered: t.offered,
    answered: t.answered,
    connectionRate: t.connectionRate,
    abandonmentRate: t.abandonmentRate,
    serviceLevel: t.serviceLevel,
    asa: t.asa,
    occupancy: t.occupancy,
    answeredPerYear: scaleEstimate(t.answered, whole ? 1 : 365 / countedDays),
    serviceLevelSeconds: r.serviceLevelSeconds,
    serviceLevelFormula: r.serviceLevelFormula,
    replications: r.replications,
    countedDays,
    seed: r.seed,
    byReplication: {
      connectionRate: r.totalsByReplication.connectionRate,
      abandonmentRate: r.totalsByReplication.abandonmentRate,
      serviceLevel: r.totalsByReplication.serviceLevel,
      asa: r.totalsByReplication.asa,
      occupancy: r.totalsByReplication.occupancy,
      answeredPerYear: r.totalsByReplication.answered.map((x) => x * (whole ? 1 : 365 / countedDays)),
    },
  };
}


export function checkYears(years: number) {
  if (!(years > 0) || !Number.isFinite(years)) throw new RangeError(`years must be more than 0 (got ${years})`);
}
