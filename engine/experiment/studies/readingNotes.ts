// Reading notes: the short warnings a planner needs beside a result, so a figure that rests on
// an implausible staffing (idle agents, a flat day, a solver that gave up) is not taken at face
// value. Plain data in, sentences out; the reports print them under the answer.
import { meanOf } from '../../random/distributions.ts';
import type { Scenario } from '../../scenario/resolve.ts';

export const OCCUPANCY_LOW = 0.5;
export const OCCUPANCY_HIGH = 0.9;
/** Night hours for the idle check: 00:00–06:00. */
const NIGHT_HOURS = 6;
/** Busiest hour / quietest hour of the average day below this: the day is flat. */
const FLAT_DAY_RATIO = 1.5;
/** A MIP gap above this is worth a note. */
export const LARGE_GAP = 0.05;

export interface ReadingNotesInput {
  /** Mean agent occupancy over the horizon (0–1), if simulated. */
  occupancy?: number | null;
  /** How agents are on seat: the scenario's own profile, or a roster. */
  profile?: 'flat' | 'demand' | 'roster' | 'given';
  /** The scenario (its calls per hour and agents per interval), for the night and flat-day checks. */
  scenario?: Scenario;
  /** A roster solve: its status and relative gap (null: HiGHS gave no roster or no bound in its time). */
  solver?: { status: string; gap: number | null } | null;
}

function averageDay(values: number[], perDay: number, from: number): number[] {
  const sum = new Array<number>(perDay).fill(0);
  const n = new Array<number>(perDay).fill(0);
  for (let k = from; k < values.length; k++) {
    sum[k % perDay] += values[k];
    n[k % perDay]++;
  }
  return sum.map((x, i) => (n[i] > 0 ? x / n[i] : 0));
}

/** Sentences, most important first; empty when nothing is worth a note. */
export function readingNotes(input: ReadingNotesInput): string[] {
  const notes: string[] = [];
  const occ = input.occupancy;
  if (occ !== null && occ !== undefined && Number.isFinite(occ)) {
    if (occ < OCCUPANCY_LOW) {
      notes.push(
        `occupancy ${(occ * 100).toFixed(0)}% < ${OCCUPANCY_LOW * 100}%: agents mostly idle (real centres: 75–85%); check volume, handling`,
      );
    } else if (occ > OCCUPANCY_HIGH) {
      notes.push(`occupancy ${(occ * 100).toFixed(0)}% > ${OCCUPANCY_HIGH * 100}%: no slack; turnover follows and a small volume rise breaks the KPI`);
    }
  }
  const s = input.scenario;
  if (s && s.intervalsPerDay >= 24) {
    const perDay = s.intervalsPerDay;
    const calls = averageDay(s.callsPerHour, perDay, s.warmupIntervals);
    const agents = averageDay(s.agents, perDay, s.warmupIntervals);
    const nightEnd = Math.round((perDay * NIGHT_HOURS) / 24);
    const handle = meanOf(s.talkTime) + meanOf(s.wrapUpTime);
    let load = 0;
    let seats = 0;
    for (let i = 0; i < nightEnd; i++) {
      load += (calls[i] * handle) / 3600;
      seats += agents[i];
    }
    const profile = input.profile ?? 'given';
    if (profile === 'flat' && seats > 0 && load / seats < 0.5) {
      notes.push(
        `flat staffing idles at night: 00:00–06:00 keeps ${((100 * load) / seats).toFixed(0)}% of the agents busy; staff to demand`,
      );
    }
    const positive = calls.filter((c) => c > 0);
    if (positive.length === perDay) {
      const ratio = Math.max(...calls) / Math.min(...calls);
      if (ratio < FLAT_DAY_RATIO) {
        const at3 = calls[Math.round((3 * perDay) / 24)];
        notes.push(
          `flat day: busiest hour ${ratio.toFixed(2)}× the quietest, ${Math.round(at3)} calls/h at 03:00 (real: 5–20×); give an intraday shape`,
        );
      }
    }
  }
  const sv = input.solver;
  if (sv) {
    if (sv.gap === null) {
      notes.push(
        sv.status.startsWith('greedy cover')
          ? `the roster solver found no better roster within its time limit (${sv.status}): this is the greedy cover of the requirement, and the cheapest roster may need fewer people; allow more time (scheduleOptimisation.timeLimitSeconds)`
          : `the roster solver stopped (${sv.status}) with no bound on how far it is from the cheapest roster; allow more time (scheduleOptimisation.timeLimitSeconds)`,
      );
    } else if (sv.status !== 'optimal') {
      notes.push(`the roster solver stopped (${sv.status}) at a ${(sv.gap * 100).toFixed(0)}% gap: the cheapest roster may need that many fewer`);
    } else if (sv.gap > LARGE_GAP) {
      notes.push(`the roster solve ended at a ${(sv.gap * 100).toFixed(0)}% gap: the cheapest roster may need fewer people`);
    }
  }
  return notes;
}
