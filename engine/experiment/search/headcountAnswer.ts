// One head-count search for a question: "how many people for this KPI target, over this
// period, staffed this way?". `staff`, `budget --target` and the notebooks all call this (or
// the two searches it dispatches to with the same arguments), so the same question printed
// anywhere gives the same number.
import type { StaffingTarget } from '../../analytic/staffing.ts';
import { type ScenarioOverrides } from '../../scenario/parse.ts';
import { loadScenario } from '../../scenario/load.ts';
import { DEFAULT_TARGET_PERIOD, type TargetPeriod } from './targetPeriod.ts';
import { minimumHeadcountForTarget, type HeadcountForTarget, type StaffingMode } from './headcountSearch.ts';
import { rosterHeadcountForTarget } from './rosterSolver.ts';
import { loadStudyScenario } from '../studies/scenarioCosting.ts';
import type { StaffingStudy, StaffingStudyOptions } from './staffing.ts';
import type { StudyProgress } from '../studies/studyKpis.ts';
import type { TargetCriterion } from './target.ts';

export interface HeadcountQuestion {
  target: StaffingTarget;
  /** Over what the target must hold (default: every calendar month). A roster always meets it in every interval. */
  period?: TargetPeriod;
  mode: StaffingMode;
  criterion?: TargetCriterion;
  overrides?: ScenarioOverrides;
  /** Roster mode: the requirement search's options (confidence, replications, max occupancy). */
  staffing?: StaffingStudyOptions;
  onProgress?: StudyProgress;
}

export interface HeadcountAnswer {
  file: string;
  scenario: string;
  /** The scenario's own payroll head count, if it gives one. */
  scenarioHeadcount: number | null;
  mode: StaffingMode;
  /** The period asked for; `result.period` is what the answer meets (a roster: every interval). */
  period: TargetPeriod;
  headcount: number;
  result: HeadcountForTarget;
  /** Roster mode: the requirement, schedule and simulated roster. */
  roster: StaffingStudy | null;
}

/** The answer to a head-count question for a scenario file (see HeadcountQuestion). */
export async function headcountForTarget(file: string, q: HeadcountQuestion): Promise<HeadcountAnswer> {
  const period = q.period ?? DEFAULT_TARGET_PERIOD;
  if (q.mode === 'roster') {
    const scenario = loadScenario(file, q.overrides);
    const { result, study } = await rosterHeadcountForTarget(scenario, q.target, q.staffing);
    return { file, scenario: scenario.name, scenarioHeadcount: scenario.headcount, mode: 'roster', period, headcount: result.headcount, result, roster: study };
  }
  const st = loadStudyScenario(file, q.overrides);
  if (st.peoplePerSeat === null) {
    throw new RangeError(`${file}: a head count in the scenario's own profile needs people per seat: give --people-per-seat (or use the roster mode)`);
  }
  const result = minimumHeadcountForTarget(st.scenario, q.target, { peoplePerSeat: st.peoplePerSeat, period, criterion: q.criterion, onProgress: q.onProgress });
  return { file, scenario: st.scenario.name, scenarioHeadcount: st.scenario.headcount, mode: 'profile', period, headcount: result.headcount, result, roster: null };
}

/** "roster (solver), every 30-min interval" / "demand profile, horizon average (14 d, one month)": from what was computed. */
export function describeStaffingMode(r: HeadcountForTarget): string {
  const how = { roster: 'roster', demand: 'demand profile', flat: 'flat' }[r.profile];
  return `${how}, ${r.periodText}`;
}

/** One line on why a roster and the scenario's profile give different head counts for the same target. */
export function whyModesDiffer(roster: HeadcountForTarget, profile: HeadcountForTarget): string {
  const shape = profile.profile === 'demand' ? 'the demand profile' : 'a flat head count';
  if (roster.headcount <= profile.headcount) {
    return `a roster puts people on seat when the calls come; ${shape} keeps its shape all day, so its busiest ${profile.period === 'horizon' ? 'hours set' : `${profile.period} sets`} the head count`;
  }
  return (
    `the roster is set to meet the target interval by interval, in whole shifts and through shrinkage; ${shape} spreads people exactly as the calls ` +
    `and need only meet it as checked: ${profile.periodText}`
  );
}
