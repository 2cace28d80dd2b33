// Head count and agents on seat: a payroll head count h is turned into agents on seat,
// round(h / peoplePerSeat) — the rule engine/scenario/resolve.ts applies to
// `agents: { headcount, peoplePerSeat }`. Head counts that give the same agents on seat simulate
// identically, so the searches run over agents on seat and report the smallest head count that
// puts them there.
import { meanOf } from '../../random/distributions.ts';
import { demandProfile, type Scenario } from '../../scenario/resolve.ts';
import { EVERYONE_ON_PHONES, payrollHeadcount, phonePeople, type Payroll } from '../../workforce/payroll.ts';

/**
 * Agents on seat around the clock for a payroll head count: the rule of engine/scenario/resolve.ts
 * (the people who take calls, per the scenario's payroll, / people per seat, rounded).
 */
export function agentsForHeadcount(headcount: number, peoplePerSeat: number, payroll: Payroll = EVERYONE_ON_PHONES): number {
  return Math.round(phonePeople(headcount, payroll) / peoplePerSeat);
}

/** The smallest payroll head count that puts `agents` on seat under agentsForHeadcount. */
export function minimumHeadcountForAgents(agents: number, peoplePerSeat: number, payroll: Payroll = EVERYONE_ON_PHONES): number {
  if (!(peoplePerSeat > 0)) throw new RangeError('peoplePerSeat must be > 0');
  if (agents <= 0) return 0;
  let h = Math.max(1, payrollHeadcount((agents - 0.5) * peoplePerSeat, payroll) - 1);
  while (agentsForHeadcount(h, peoplePerSeat, payroll) < agents) h++;
  while (h > 1 && agentsForHeadcount(h - 1, peoplePerSeat, payroll) >= agents) h--;
  return h;
}

/**
 * The payroll head count behind a mean of agents on seat: for a whole number, the fewest people the
 * head-count rule puts that many on seat; else the phone people it takes, plus those off the phones.
 */
export function headcountForOnSeatMean(meanOnSeat: number, peoplePerSeat: number, payroll: Payroll = EVERYONE_ON_PHONES): number {
  return Number.isInteger(meanOnSeat) ? minimumHeadcountForAgents(meanOnSeat, peoplePerSeat, payroll) : payrollHeadcount(meanOnSeat * peoplePerSeat, payroll);
}

/** A copy of the scenario with `headcount` people on the payroll, their phone staff as flat agents on seat. */
export function withFlatHeadcount(s: Scenario, headcount: number, peoplePerSeat: number): Scenario {
  // The rule of engine/scenario/resolve.ts: flat, a whole number around the clock; following
  // demand, the unrounded average spread over the intervals (each interval rounded).
  const agents =
    s.agentsProfile.kind === 'demand'
      ? demandProfile(phonePeople(headcount, s.payroll) / peoplePerSeat, s.callsPerHour, s.agentsProfile.minOnSeat)
      : new Array<number>(s.nIntervals).fill(agentsForHeadcount(headcount, peoplePerSeat, s.payroll));
  return { ...s, agents, headcount };
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
