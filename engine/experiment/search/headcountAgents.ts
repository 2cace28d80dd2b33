// A scenario at another head count, and the figures the searches read off a scenario's agents.
// The head count ⇄ agents rule itself is engine/workforce/staffing.ts (the one the scenario was
// resolved with). Head counts that give the same agents on seat simulate identically, so the
// searches run over agents on seat and report the smallest head count that puts them there.
import { meanOf } from '../../random/distributions.ts';
import type { Scenario } from '../../scenario/resolve.ts';
import { staffingAtHeadcount } from '../../workforce/staffing.ts';

/** A copy of the scenario with `headcount` people on the payroll, spread by its own profile (flat, or following demand). */
export function scenarioAtHeadcount(s: Scenario, headcount: number, peoplePerSeat: number): Scenario {
  const { staffing, agents } = staffingAtHeadcount(s.staffing, headcount, peoplePerSeat, s.callsPerHour);
  return { ...s, agents, staffing, headcount };
}

export function meanAgents(s: Scenario): number {
  let sum = 0;
  for (let k = s.warmupIntervals; k < s.nIntervals; k++) sum += s.agents[k];
  return sum / Math.max(1, s.nIntervals - s.warmupIntervals);
}

export function isFlat(s: Scenario): boolean {
  return s.agents.every((a) => a === s.agents[0]);
}

/** With no abandonment, a flat staffing at or below some interval's load grows the queue without bound. */
export function unboundedAt(s: Scenario, agents: number): boolean {
  if (s.patience) return false;
  const handle = meanOf(s.talkTime) + meanOf(s.wrapUpTime);
  return s.callsPerHour.some((r) => r > 0 && (r * handle) / 3600 >= agents);
}
