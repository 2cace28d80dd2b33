// A KPI target as a metric, a direction and a threshold: one definition for the requirement
// search, the roster check and the budget studies.
import type { StaffingTarget } from '../../analytic/index.ts';
import type { Scenario } from '../../scenario/resolve.ts';
import type { Estimate } from '../../stats/estimate.ts';

export type KpiDirection = 'atLeast' | 'atMost';

export interface TargetMetric {
  /** Metric id in RunResult.totals. */
  metricId: 'connectionRate' | 'serviceLevel' | 'asa' | 'abandonmentRate';
  direction: KpiDirection;
  threshold: number;
}

export function targetMetric(t: StaffingTarget): TargetMetric {
  switch (t.kind) {
    case 'connectionRate':
      return { metricId: 'connectionRate', direction: 'atLeast', threshold: t.value };
    case 'serviceLevel':
      return { metricId: 'serviceLevel', direction: 'atLeast', threshold: t.value };
    case 'asa':
      return { metricId: 'asa', direction: 'atMost', threshold: t.seconds };
    case 'abandonment':
      return { metricId: 'abandonmentRate', direction: 'atMost', threshold: t.value };
  }
}

/** The scenario whose headline service level is the target's (threshold and formula), else the scenario itself. */
export function scenarioForTarget(s: Scenario, t: StaffingTarget): Scenario {
  if (t.kind !== 'serviceLevel') return s;
  const seconds = t.seconds ?? s.serviceLevelSeconds;
  const formula = t.formula ?? s.serviceLevelFormula;
  if (seconds === s.serviceLevelSeconds && formula === s.serviceLevelFormula) return s;
  return { ...s, serviceLevelSeconds: seconds, serviceLevelFormula: formula };
}

/** 'mean': the mean over replications meets the target; 'ciLow': the whole 95% CI does (conservative). */
export type TargetCriterion = 'mean' | 'ciLow';

export function meetsTargetEstimate(e: Estimate, m: TargetMetric, criterion: TargetCriterion = 'mean'): boolean {
  const v = criterion === 'mean' ? e.mean : m.direction === 'atLeast' ? (e.ciLow ?? e.mean) : (e.ciHigh ?? e.mean);
  if (Number.isNaN(v)) return false;
  return m.direction === 'atLeast' ? v >= m.threshold - 1e-12 : v <= m.threshold + 1e-12;
}

