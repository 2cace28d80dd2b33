// From a KPI target to a roster: the simulation-corrected requirement per interval, the
// cheapest shift schedule covering it (integer programme, HiGHS), the payroll head count,
// and the KPIs that roster achieves in simulation.
import type { StaffingTarget } from '../../analytic/index.ts';
import { parseIsoDate, weekdayIndex } from '../../scenario/calendar.ts';
import { ScenarioError } from '../../scenario/errors.ts';
import type { Scenario } from '../../scenario/resolve.ts';
import { describePayroll, payrollHeadcount } from '../../workforce/staffing.ts';
import { onSeatFromRosterInt } from '../../workforce/roster.ts';
import { optimizeSchedule, scheduleProblemFromConfig, type ScheduleResult } from '../../workforce/schedule.ts';
import type { ScheduleOptimisation } from '../../workforce/schema.ts';
import { averageShrinkage } from '../../workforce/shrinkage.ts';
import { simulatedRequirement, type RequirementStudy, type RequirementStudyOptions } from './requirement.ts';
import { busiestWindowStartDay, scenarioWindow } from './requirementWeek.ts';
import { scenarioForTarget, targetMetric } from './target.ts';
import { meetsTargetOverPeriod } from './targetPeriod.ts';
import { runScenario, type RunResult } from '../studies/run.ts';

/**
 * Shift candidates when a scenario gives none: full-time 8-hour shifts on the hour, five
 * consecutive days a week, and 4-hour part-time shifts capped at 20% of paid hours. Small
 * enough (336 patterns) for HiGHS to prove optimality in seconds, so the same scenario always
 * gets the same roster; the generator's wider default (8, 9 and 12-hour shifts) hits the time
 * limit, and a time-limited answer depends on how busy the machine is.
 */
export const DEFAULT_SCHEDULE_OPTIMISATION: ScheduleOptimisation = {
  candidates: { startEveryMinutes: 60, lengths: [8], partTime: [4], workDays: 'five-consecutive' },
  maxPartTimeShare: 0.2,
  mipRelGap: 0.01,
};

export interface StaffingStudyOptions extends RequirementStudyOptions {
  /** Replications for the final simulation of the roster (default: the scenario's). */
  checkReplications?: number;
  onStage?: (stage: string) => void;
}

export interface StaffingStudy {
  target: StaffingTarget;
  /** ISO weekday (1 = Monday) of the first day of the staffed period. */
  startWeekday: number;
  /** The staffed period: the busiest `days` days of the horizon (a week, or the horizon if shorter), from `start`. */
  requirementWeek: { start: string; days: number };
  /** Minimum agents on seat per interval of the staffed period. */
  requirement: RequirementStudy;
  schedule: ScheduleResult;
  /** The roster's agents on seat per interval over the scenario horizon. */
  onSeat: number[];
  /** The roster simulated over the scenario horizon. */
  run: RunResult;
  /** Average shrinkage applied (0 when the scenario gives none), and whether the scenario gave it. */
  shrinkage: { average: number; given: boolean };
  /** Whether the candidate shifts came from the scenario's scheduleOptimisation or the defaults. */
  candidatesFrom: 'scenario' | 'default';
  /** The whole payroll: the roster's people (who take calls) plus those who do not, per the scenario's payroll. */
  payroll: { headcount: number; description: string };
  /** Intervals of that run whose simulated KPI (mean) misses the target. */
  intervalsMissingTarget: number;
  /** Intervals of that run the target was checked on: those with calls (the rest have no KPI). */
  intervalsChecked: number;
  seconds: { requirement: number; schedule: number; check: number };
}

export async function staffScenario(scenario: Scenario, target: StaffingTarget, options: StaffingStudyOptions = {}): Promise<StaffingStudy> {
  const perDay = scenario.intervalsPerDay;
  const days = Math.min(7, Math.floor(scenario.nIntervals / perDay));
  if (days < 1) throw new ScenarioError(scenario.file, ['horizon'], 'staffing needs a horizon of at least one day');
  const clock = () => performance.now() / 1000;

  let t0 = clock();
  options.onStage?.('requirement');
  // The requirement of the busiest week: the roster repeats that week's shifts over the horizon.
  const fromDay = busiestWindowStartDay(scenario, days);
  const week = scenarioWindow(scenario, fromDay, days);
  const requirement = simulatedRequirement(week, target, { ...options, intervals: days * perDay });
  const tRequirement = clock() - t0;

  t0 = clock();
  options.onStage?.('schedule');
  const startWeekday = weekdayIndex(parseIsoDate(week.startDate)) + 1;
  const wf = scenario.workforce;
  const problem = scheduleProblemFromConfig(wf.scheduleOptimisation ?? DEFAULT_SCHEDULE_OPTIMISATION, requirement.agents, {
    intervalMinutes: scenario.intervalSeconds / 60,
    startWeekday,
    shifts: wf.shifts,
    shrinkage: wf.shrinkage ?? undefined,
  });
  const schedule = await optimizeSchedule(problem);
  const tSchedule = clock() - t0;

  t0 = clock();
  options.onStage?.('check');
  const horizonDays = Math.ceil(scenario.nIntervals / perDay);
  const onSeat = Array.from(
    onSeatFromRosterInt(schedule.roster, schedule.shifts, wf.shrinkage ?? undefined, {
      startDate: scenario.startDate,
      days: horizonDays,
      intervalMinutes: scenario.intervalSeconds / 60,
    }).subarray(0, scenario.nIntervals),
  );
  const checked: Scenario = {
    ...scenarioForTarget(scenario, target),
    agents: onSeat,
    headcount: schedule.headcount.people,
    replications: options.checkReplications ?? scenario.replications,
  };
  const run = runScenario(checked);
  const tm = targetMetric(target);
  // The same check the roster's answer row reports (meetsTargetOverPeriod), so both count alike.
  const check = meetsTargetOverPeriod(run, tm, 'interval');
  const tCheck = clock() - t0;

  return {
    target,
    startWeekday,
    requirementWeek: { start: week.startDate, days },
    requirement,
    schedule,
    onSeat,
    run,
    shrinkage: { average: wf.shrinkage ? averageShrinkage(wf.shrinkage) : 0, given: wf.shrinkage !== null },
    candidatesFrom: wf.scheduleOptimisation ? 'scenario' : 'default',
    payroll: {
      headcount: payrollHeadcount(Math.max(schedule.headcount.people, Math.ceil(schedule.headcount.fte - 1e-9)), scenario.payroll),
      description: describePayroll(scenario.payroll),
    },
    intervalsMissingTarget: check.failing,
    intervalsChecked: check.periods,
    seconds: { requirement: tRequirement, schedule: tSchedule, check: tCheck },
  };
}
