// Target KPI → the fewest people and their price: the one search behind `budget --target`
// and `compare --target` (and, with the same arguments, `staff` and the notebooks' helper).
import type { StaffingTarget } from '../../analytic/staffing.ts';
import type { Model } from '../../cost/labour.ts';
import { flatHeadcountSolver, type HeadcountForTarget, type HeadcountSolver } from '../search/headcountSearch.ts';
import { scenarioAtHeadcount } from '../search/headcountAgents.ts';
import { type RunCache } from '../search/runCache.ts';
import { type TargetPeriod } from '../search/targetPeriod.ts';
import { priceHeadcount, staffingPatternOf, type PricedBudget, type PricingContext, type StudyScenario } from './scenarioCosting.ts';
import type { StudyProgress } from './studyKpis.ts';
import type { TargetCriterion } from '../search/target.ts';

export interface TargetStudy {
  solver: string;
  result: HeadcountForTarget;
  budgets: Record<Model, PricedBudget>;
}

export interface TargetQuestion {
  target: StaffingTarget;
  period?: TargetPeriod;
  criterion?: TargetCriterion;
  solver?: HeadcountSolver;
}

/** The fewest people for the target (the solver's search: the scenario's profile by default), priced over `years`. */
export function targetStudy(st: StudyScenario, ctx: PricingContext, years: number, q: TargetQuestion, cache: RunCache, onProgress?: StudyProgress): TargetStudy {
  const solver = q.solver ?? flatHeadcountSolver;
  const pps = st.peoplePerSeat;
  if (pps === null && solver.name !== 'roster') throw new RangeError('--target needs people per seat: give --people-per-seat');
  const result = solver.minimumHeadcountForTarget(st.scenario, q.target, { peoplePerSeat: pps ?? 1, period: q.period, criterion: q.criterion, cache, onProgress });
  // Priced with the staffing found: the roster's hours and seats, or the profile at that head count.
  const staffing =
    result.staffing ?? (pps !== null ? staffingPatternOf(scenarioAtHeadcount(st.yearScenario, result.headcount, pps), result.headcount, st.spec.calendarYear) : ctx.staffing);
  // A roster's part-timers are paid for their hours: it is priced on its FTE, not on its people.
  const priced = result.fte ?? result.headcount;
  return { solver: solver.name, result, budgets: priceHeadcount(st.spec, priced, years, result.kpis, result.paidHoursByCategory, { ...ctx, staffing }) };
}
