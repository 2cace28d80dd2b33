// Staffing: the one rule between a payroll head count, the people on the phones and the agents on
// seat, both ways, for the three forms a scenario may give:
//   - flat:    head count → people on the phones (the payroll) → / people per seat → rounded, the
//              same number on seat around the clock;
//   - demand:  the same unrounded mean on seat, spread over the intervals in proportion to the
//              calls (each interval rounded, never fewer than minOnSeat);
//   - roster:  the roster's shifts give the agents on seat; its people (plus the payroll's off-phone
//              staff) give the head count.
// (A scenario may also give agents on seat directly: then there is no head count unless a study
// supplies people per seat, and `impliedHeadcount` infers one.)
// Everything that converts between these — the scenario's resolution, the head-count searches, the
// costing and the reports — calls this module, so the rule cannot drift between copies.
import { EVERYONE_ON_PHONES, offPhoneCount, ROLE_ZH, type Payroll } from './payroll.ts';
import { onSeatFromRosterInt, rosterHeadcount } from './roster.ts';
import type { Roster, Shifts, Shrinkage } from './schema.ts';

/** How a head count is spread over the day. */
export type StaffingProfile = 'flat' | 'demand';

/** The roster's people and paid hours (a roster-staffed scenario). */
export interface RosterPeople {
  /** Named people on the roster (they all take calls). */
  people: number;
  /** Paid hours per week / 40. */
  fte: number;
  paidHoursPerWeek: number;
}

/**
 * The staffing a resolved scenario carries: enough to turn any head count into agents on seat
 * the same way the scenario did, and back, without reading the scenario again.
 */
export interface Staffing {
  /** Where the agents on seat come from: a payroll head count, a roster, or agents given directly. */
  form: 'headcount' | 'roster' | 'agents';
  /** People on the payroll (everyone, phones or not); null when the scenario gives agents on seat only. */
  headcount: number | null;
  /** People on the payroll's phones per agent on seat around the clock (the head-count form only). */
  peoplePerSeat: number | null;
  /** Who on the payroll takes calls. */
  payroll: Payroll;
  /** How a head count is spread over the day (flat for a roster or given agents). */
  profile: StaffingProfile;
  /** The fewest agents on seat in any interval when following demand. */
  minOnSeat: number;
  /** The roster's people and paid hours (the roster form only). */
  roster: RosterPeople | null;
}

// ---------------------------------------------------------------------------------------------
// head count ⇄ people on the phones

/** People who take calls, out of a payroll head count (fractional: rounding is the caller's choice). */
export function phonePeople(headcount: number, p: Payroll): number {
  if (p.offPhone) return Math.max(0, headcount - offPhoneCount(p));
  return headcount * (p.phoneShare ?? 1);
}

/** The payroll head count that has `phone` people taking calls (whole people, rounded up). */
export function payrollHeadcount(phone: number, p: Payroll): number {
  if (p.offPhone) return Math.ceil(phone - 1e-9) + offPhoneCount(p);
  return Math.ceil(phone / (p.phoneShare ?? 1) - 1e-9);
}

/** One line for reports: who takes calls. */
export function describePayroll(p: Payroll, headcount?: number): string {
  if (!p.given) return 'everyone on the payroll takes calls (the scenario gives no payroll section)';
  if (p.offPhone) {
    const roles = Object.entries(p.offPhone)
      .map(([r, n]) => `${n} ${r}${ROLE_ZH[r] ? ` ${ROLE_ZH[r]}` : ''}`)
      .join(', ');
    const phones = headcount !== undefined ? `${formatPeople(phonePeople(headcount, p))} of ${headcount} take calls; ` : '';
    return `${phones}off the phones: ${roles}`;
  }
  const share = `${Math.round((p.phoneShare ?? 1) * 1000) / 10}%`;
  return headcount !== undefined
    ? `${formatPeople(phonePeople(headcount, p))} of ${headcount} take calls (phone share ${share} of the payroll)`
    : `phone share ${share} of the payroll`;
}

function formatPeople(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

// ---------------------------------------------------------------------------------------------
// head count ⇄ agents on seat

/** The mean agents on seat a head count gives, unrounded: its people on the phones / people per seat. */
export function meanOnSeatForHeadcount(headcount: number, peoplePerSeat: number, payroll: Payroll = EVERYONE_ON_PHONES): number {
  return phonePeople(headcount, payroll) / peoplePerSeat;
}

/** Agents on seat around the clock for a payroll head count (flat): the mean on seat, rounded. */
export function agentsForHeadcount(headcount: number, peoplePerSeat: number, payroll: Payroll = EVERYONE_ON_PHONES): number {
  return Math.round(meanOnSeatForHeadcount(headcount, peoplePerSeat, payroll));
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

/**
 * Agents on seat in proportion to the arrival rate, `mean` on average over the horizon, never
 * fewer than `min`: how a centre that follows its call curve spreads the same people.
 */
export function demandProfile(mean: number, callsPerHour: readonly number[], min: number): number[] {
  const avg = callsPerHour.reduce((a, b) => a + b, 0) / Math.max(1, callsPerHour.length);
  if (!(avg > 0)) return callsPerHour.map(() => Math.max(min, Math.round(mean)));
  return callsPerHour.map((r) => Math.max(min, Math.round((mean * r) / avg)));
}

/**
 * Agents on seat per interval for a head count spread by `profile`: flat, a whole number around
 * the clock; following demand, the unrounded mean spread over the intervals (each interval
 * rounded, so the head count moves the profile a seat at a time and calibration sees a figure
 * that moves smoothly with it).
 */
export function onSeatForHeadcount(
  headcount: number,
  peoplePerSeat: number,
  payroll: Payroll,
  profile: StaffingProfile,
  minOnSeat: number,
  callsPerHour: readonly number[],
): number[] {
  const mean = meanOnSeatForHeadcount(headcount, peoplePerSeat, payroll);
  return profile === 'demand' ? demandProfile(mean, callsPerHour, minOnSeat) : new Array<number>(callsPerHour.length).fill(Math.round(mean));
}

/**
 * The same staffing at another head count (and people per seat): the scenario's profile and payroll
 * kept, a roster or given agents replaced by the head-count form. Returns the new value and its
 * agents on seat per interval.
 */
export function staffingAtHeadcount(
  staffing: Staffing,
  headcount: number,
  peoplePerSeat: number,
  callsPerHour: readonly number[],
): { staffing: Staffing; agents: number[] } {
  const agents = onSeatForHeadcount(headcount, peoplePerSeat, staffing.payroll, staffing.profile, staffing.minOnSeat, callsPerHour);
  return { staffing: { ...staffing, form: 'headcount', headcount, peoplePerSeat, roster: null }, agents };
}

// ---------------------------------------------------------------------------------------------
// a scenario's staffing, from its inputs

/** The head-count form: agents on seat per interval and the staffing value. */
export function headcountStaffing(
  input: { headcount: number; peoplePerSeat: number; profile: StaffingProfile; minOnSeat: number },
  payroll: Payroll,
  callsPerHour: readonly number[],
): { staffing: Staffing; agents: number[] } {
  const staffing: Staffing = { form: 'headcount', headcount: input.headcount, peoplePerSeat: input.peoplePerSeat, payroll, profile: input.profile, minOnSeat: input.minOnSeat, roster: null };
  return { staffing, agents: onSeatForHeadcount(input.headcount, input.peoplePerSeat, payroll, input.profile, input.minOnSeat, callsPerHour) };
}

/**
 * The roster form: agents on seat from the roster over whole days, cut to the horizon; the roster
 * lists the people who take calls, the payroll adds those who do not.
 */
export function rosterStaffing(
  roster: Roster,
  shifts: Shifts,
  shrinkage: Shrinkage | null | undefined,
  grid: { startDate: string; intervalMinutes: number; nIntervals: number },
  payroll: Payroll,
): { staffing: Staffing; agents: number[] } {
  const intervalsPerDay = 1440 / grid.intervalMinutes;
  const days = Math.ceil(grid.nIntervals / intervalsPerDay);
  const onSeat = onSeatFromRosterInt(roster, shifts, shrinkage ?? undefined, { startDate: grid.startDate, days, intervalMinutes: grid.intervalMinutes });
  const h = rosterHeadcount(roster, shifts);
  const people: RosterPeople = { people: h.people, fte: h.fte, paidHoursPerWeek: h.paidHoursPerWeek };
  return {
    staffing: { form: 'roster', headcount: payrollHeadcount(h.people, payroll), peoplePerSeat: null, payroll, profile: 'flat', minOnSeat: 1, roster: people },
    agents: Array.from(onSeat.subarray(0, grid.nIntervals)),
  };
}

/** Agents given directly: no head count (a study infers one from people per seat). */
export function givenAgentsStaffing(payroll: Payroll): Staffing {
  return { form: 'agents', headcount: null, peoplePerSeat: null, payroll, profile: 'flat', minOnSeat: 1, roster: null };
}

/**
 * The head count a study prices, and the people per seat its searches use: the staffing's own,
 * else (a roster, or agents given) people per seat from the study; agents given directly then imply
 * the fewest people who put their mean on seat (headcountForOnSeatMean, those off the phones
 * included). Null headcount: agents given and no people per seat.
 */
export function studyHeadcount(
  staffing: Staffing,
  meanOnSeat: number,
  peoplePerSeat: number | undefined,
): { headcount: number | null; peoplePerSeat: number | null; implied: boolean } {
  const pps = staffing.form === 'headcount' ? staffing.peoplePerSeat : (peoplePerSeat ?? null);
  if (staffing.headcount !== null) return { headcount: staffing.headcount, peoplePerSeat: pps, implied: false };
  if (pps === null) return { headcount: null, peoplePerSeat: null, implied: false };
  return { headcount: headcountForOnSeatMean(meanOnSeat, pps, staffing.payroll), peoplePerSeat: pps, implied: true };
}
