// The range printed beside `staff` and `budget --target`'s answer: each PLAUSIBLE assumption of the
// file at each end of its range, the head count the answer would move to, estimated cheaply with the
// analytic engine (call-weighted Erlang A, the head-count search's own bracket) and scaled to the
// simulated answer: head count at an end ≈ simulated head count × (analytic head count at the end /
// analytic head count as the file gives it). It costs milliseconds where simulating each end costs
// as much as the command; `--sensitivity` simulates it, and a test checks the two agree on a case.
// Time before the queue is taken in exactly (queueProblem); what the analytic model leaves out
// (outbound and online work, the demand profile's shape) cancels in the ratio to the extent that it
// scales with the handling.
import { parseScenario, type ScenarioOverrides } from '../../scenario/parse.ts';
import type { Scenario } from '../../scenario/resolve.ts';
import type { StaffingTarget } from '../../analytic/staffing.ts';
import { payrollHeadcount } from '../../workforce/staffing.ts';
import { meanOf } from '../../random/distributions.ts';
import { analyticAgentsOnSeat } from '../search/analyticBracket.ts';
import { parseDocument } from 'yaml';
import { assumptionLabel, callTypesOf, type PlausibleRange } from './plausible.ts';
import { sensitivityVariants } from './sensitivity.ts';

export interface AnalyticRangeRow {
  field: string;
  label: string;
  range: PlausibleRange;
  /** Estimated head count with the assumption at each end (null: no estimate there). */
  atLow: number | null;
  atHigh: number | null;
}

export interface AnalyticRange {
  /** The simulated answer the estimates are scaled to. */
  headcount: number;
  /** Lowest and highest estimated head count over every end (the answer itself included). */
  people: [number, number];
  /** Largest effect first. */
  rows: AnalyticRangeRow[];
}

/**
 * The queue's own scenario and target when calls spend time before the queue (preQueue.ts): a share
 * q = e^{-D/θ} reaches the queue, so the queue's arrivals are thinned by q and a rate target on all
 * calls is the target / q on the queue's; thresholds and ASA lose D. Null: the target is out of reach
 * whatever the staffing (more callers lost in the greeting than the target allows).
 */
function queueProblem(s: Scenario, target: StaffingTarget): { s: Scenario; target: StaffingTarget } | null {
  const D = s.preQueueDelay;
  if (!(D > 0)) return { s, target };
  const q = s.patience ? Math.exp(-D / meanOf(s.patience)) : 1;
  const queue: Scenario = { ...s, preQueueDelay: 0, callsPerHour: s.callsPerHour.map((r) => r * q) };
  switch (target.kind) {
    case 'connectionRate':
      return target.value / q > 1 ? null : { s: queue, target: { ...target, value: target.value / q } };
    case 'abandonment': {
      const lostInQueue = (target.value - (1 - q)) / q;
      return lostInQueue < 0 ? null : { s: queue, target: { ...target, value: lostInQueue } };
    }
    case 'serviceLevel': {
      const T = (target.seconds ?? s.serviceLevelSeconds) - D;
      return T < 0 || target.value / q > 1 ? null : { s: queue, target: { ...target, seconds: T, value: target.value / q } };
    }
    case 'asa':
      return target.seconds - D <= 0 ? null : { s: queue, target: { ...target, seconds: target.seconds - D } };
  }
}

/** Analytic people for `s` (fractional): agents on seat (in the scenario's profile) meeting the target, times people per seat, plus those off the phones. */
function analyticPeople(scenario: Scenario, goal: StaffingTarget): number | null {
  const pps = scenario.staffing.peoplePerSeat;
  if (scenario.staffing.form !== 'headcount' || pps === null) return null;
  const problem = queueProblem(scenario, goal);
  if (!problem) return null;
  try {
    return payrollHeadcount(analyticAgentsOnSeat(problem.s, problem.target).agentsOnSeat * pps, scenario.payroll);
  } catch {
    return null; // the target cannot be met at this end (e.g. too many lost before the queue)
  }
}

/** The range of a simulated head count over the file's plausible assumptions; null for a file with none, or not staffed by head count. */
export function analyticAnswerRange(text: string, file: string | undefined, headcount: number, target: StaffingTarget, overrides: ScenarioOverrides = {}): AnalyticRange | null {
  const variants = sensitivityVariants(text, file);
  if (variants.length === 0) return null;
  const base = analyticPeople(parseScenario(text, file, overrides), target);
  if (base === null || !(base > 0)) return null;
  const rows = new Map<string, AnalyticRangeRow>();
  const callTypes = callTypesOf(parseDocument(text)); // so a call type's field reads 'work order after-call time'
  for (const v of variants) {
    let row = rows.get(v.range.field);
    if (!row) rows.set(v.range.field, (row = { field: v.range.field, label: assumptionLabel(v.range.field, callTypes), range: v.range, atLow: null, atHigh: null }));
    let people: number | null = null;
    try {
      const p = analyticPeople(parseScenario(v.text, file, overrides), target);
      people = p === null ? null : Math.round((headcount * p) / base);
    } catch {
      people = null; // a scenario invalid at this end: no estimate there
    }
    if (v.end === 'low') row.atLow = people;
    else row.atHigh = people;
  }
  const effect = (r: AnalyticRangeRow) => Math.max(...[r.atLow, r.atHigh].map((x) => (x === null ? 0 : Math.abs(x - headcount))));
  const sorted = [...rows.values()].sort((a, b) => effect(b) - effect(a) || a.field.localeCompare(b.field));
  const all = [headcount, ...sorted.flatMap((r) => [r.atLow, r.atHigh]).filter((x): x is number => x !== null)];
  return { headcount, people: [Math.min(...all), Math.max(...all)], rows: sorted };
}

/** The line for the first screen: "Range of the 221 ≈ 190–260 people (analytic; drivers: work-order time 120–1,000 s, people per seat 4.5–7.5); --sensitivity simulates it". */
export function analyticRangeLine(r: AnalyticRange): string {
  const fmt = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : String(Number(v.toPrecision(3))));
  const moving = r.rows.filter((x) => [x.atLow, x.atHigh].some((v) => v !== null && v !== r.headcount));
  const span = r.people[0] === r.people[1] ? `${fmt(r.people[0])}` : `${fmt(r.people[0])}–${fmt(r.people[1])}`;
  const line = (drivers: AnalyticRangeRow[], withRange: boolean, tail: string) => {
    const driver = drivers.map((x) => `${x.label}${withRange ? ` ${fmt(x.range.low)}–${fmt(x.range.high)}${x.range.unit ? ` ${x.range.unit}` : ''}` : ''}`).join(', ');
    return `Range of the ${fmt(r.headcount)} ≈ ${span} people (analytic${driver ? `; ${drivers.length > 1 ? 'drivers' : 'driver'}: ${driver}` : ''})${tail}`;
  };
  // The first that keeps within 100 columns: two drivers with their ranges, one, one without its range.
  const tries = [
    line(moving.slice(0, 2), true, '; --sensitivity simulates it'),
    line(moving.slice(0, 1), true, '; --sensitivity simulates it'),
    line(moving.slice(0, 1), true, '; see --sensitivity'),
    line(moving.slice(0, 1), false, '; see --sensitivity'),
  ];
  return tries.find((l) => l.length <= 100) ?? tries[tries.length - 1];
}
