// The answers downstream of an explanation: the head count a KPI target needs and its annual
// budget, outsourced and in-house: the same search and pricing as `budget --target`
// (experiment/targetStudy.ts), run on the explanation's calibrated scenario.
import type { StaffingTarget } from '../../analytic/staffing.ts';
import type { ScenarioOverrides } from '../../scenario/parse.ts';
import type { Estimate } from '../../stats/estimate.ts';
import { RunCache } from '../search/runCache.ts';
import type { TargetPeriod } from '../search/targetPeriod.ts';
import { contractTerm, loadStudyScenario, pricingContext } from '../studies/scenarioCosting.ts';
import type { StudyProgress } from '../studies/studyKpis.ts';
import { targetStudy } from '../studies/targetStudy.ts';

export interface DownstreamAnswer {
  headcount: number;
  agentsOnSeat: number;
  /** The target's KPI at that head count (worst period). */
  kpi: Estimate;
  /** Yuan per year, all in. */
  outsourced: number;
  inhouse: number;
  /** Which year's prices and how long a term. */
  calendarYear: number;
  years: number;
}

/** The head count for `target` and its budgets, for the scenario in `file`. */
export function downstreamAnswer(file: string, target: StaffingTarget, period: TargetPeriod | undefined, overrides: ScenarioOverrides = {}, onProgress?: StudyProgress): DownstreamAnswer {
  const st = loadStudyScenario(file, overrides);
  const years = contractTerm(st.spec).years;
  const t = targetStudy(st, pricingContext(st), years, { target, period }, new RunCache(onProgress));
  return {
    headcount: t.result.headcount,
    agentsOnSeat: t.result.agentsOnSeat,
    kpi: t.result.kpi,
    outsourced: t.budgets.outsourced.budget.total,
    inhouse: t.budgets.inhouse.budget.total,
    calendarYear: st.spec.calendarYear,
    years,
  };
}
