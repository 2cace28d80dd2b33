// The roster solver behind the budget studies: the minimum head count for a KPI met in every
// interval, from shift patterns (engine/experiment/search/staffing.ts), with the paid hours by category
// (night, statutory holiday) that the cost model prices.
import type { StaffingTarget } from '../../analytic/index.ts';
import type { PaidHoursByCategory } from '../../cost/holidays.ts';
import { standardAnnualHours, statutoryHolidays } from '../../cost/holidays.ts';
import type { Scenario } from '../../scenario/resolve.ts';
import { payrollHeadcount } from '../../workforce/staffing.ts';
import { offPhoneCount } from '../../workforce/payroll.ts';
import { paidHoursByCategory } from '../../workforce/roster.ts';
import { onSeatHoursFromAgents } from '../../cost/onSeat.ts';
import { kpiSummary, type HeadcountForTarget, type HeadcountSolver } from '../studies/budgetStudy.ts';
import { staffScenario, type StaffingStudy, type StaffingStudyOptions } from './staffing.ts';
import { targetMetric } from './target.ts';
import { intervalsUnderText, meetsTargetOverPeriod } from './targetPeriod.ts';

export interface RosterSolution {
  result: HeadcountForTarget;
  study: StaffingStudy;
}

export async function rosterHeadcountForTarget(scenario: Scenario, target: StaffingTarget, options: StaffingStudyOptions = {}): Promise<RosterSolution> {
  const study = await staffScenario(scenario, target, options);
  const sch = study.schedule;
  // Patterns worked every day count seats, not people: the payroll is at least the FTE.
  const phones = Math.max(sch.headcount.people, Math.ceil(sch.headcount.fte - 1e-9));
  // The roster staffs the phones; the payroll adds the people who do not take calls.
  const headcount = payrollHeadcount(phones, scenario.payroll);
  const meanOnSeat = study.onSeat.reduce((a, b) => a + b, 0) / study.onSeat.length;
  const year = scenario.cost?.calendarYear ?? Number(scenario.startDate.slice(0, 4));
  const hours = paidHoursByCategory(sch.roster, sch.shifts, { startDate: `${year}-01-01`, days: 7, intervalMinutes: scenario.intervalSeconds / 60 }, {
    statutoryHolidays: statutoryHolidays(year).map((h) => h.date),
  });
  // The roster's exclusive categories, in the cost model's terms: rest days are balanced by rotation
  // (comprehensive working hours), night hours are a subset that drives the night allowance.
  const paid: PaidHoursByCategory = {
    normal: hours.normal + hours.night + hours.restDay,
    night: hours.nightAll,
    restDayOvertime: 0,
    statutoryHoliday: hours.statutoryHoliday,
  };
  // The phone staff priced: the roster's paid normal hours over a full-timer's standard annual hours.
  const phoneFte = paid.normal / standardAnnualHours(year);
  const metric = targetMetric(target);
  // The requirement is set interval by interval, on one week of calls at a confidence: the
  // simulated roster says how many intervals still miss, and the worst one.
  const check = meetsTargetOverPeriod(study.run, metric, 'interval');
  const minutes = scenario.intervalSeconds / 60;
  const result: HeadcountForTarget = {
    method: `roster: the cheapest shift schedule meeting the target in every ${scenario.intervalSeconds / 60}-minute interval`,
    target,
    metric,
    criterion: 'mean',
    // The requirement is set interval by interval: a roster answers "every interval".
    period: 'interval',
    periodText: check.failing > 0 ? `${intervalsUnderText(check.failing, check.periods, true)} under` : `every ${minutes}-min interval`,
    mode: 'roster',
    profile: 'roster',
    peoplePerSeat: phones / meanOnSeat,
    headcount,
    // Part-timers are paid for their hours: the payroll in FTE, those off the phones full-time.
    fte: scenario.payroll.offPhone ? phoneFte + offPhoneCount(scenario.payroll) : phoneFte / (scenario.payroll.phoneShare ?? 1),
    agentsOnSeat: meanOnSeat,
    kpi: check.worst,
    kpis: kpiSummary(study.run),
    oneFewer: null,
    analytic: {
      agentsOnSeat: study.requirement.erlang.reduce((a, b) => a + b, 0) / study.requirement.erlang.length,
      kpi: Number.NaN,
      peakIntervalAgents: study.requirement.erlang.reduce((a, b) => Math.max(a, b), 0),
      headcount: Number.NaN,
    },
    evaluations: [],
    paidHoursByCategory: paid,
    staffing: (() => {
      const { hours, peakOnSeat } = onSeatHoursFromAgents(study.onSeat, scenario.intervalSeconds, scenario.startDate, year, { skip: scenario.warmupIntervals });
      return { onSeatHours: hours, peakOnSeat, operators: phoneFte, source: "the solver's roster (priced in FTE)" };
    })(),
  };
  return { result, study };
}

/** A solver that hands back a head count found beforehand (the roster solver is asynchronous). */
export function fixedHeadcountSolver(name: string, result: HeadcountForTarget): HeadcountSolver {
  return { name, minimumHeadcountForTarget: () => result };
}
