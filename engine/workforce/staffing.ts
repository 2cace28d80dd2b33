// Staffing: the one rule between a payroll head count, the people on the phones and the agents on
// seat, both ways, for the three forms a scenario may give:
//   - flat:    head count → people on the phones (the payroll) → / people per seat → rounded, the
//              same number on seat around the clock;
//   - demand:  the same seat-hours (the unrounded mean × intervals, to the rounding of the total),
//              spread in proportion to the calls, never fewer than minOnSeat; a head count too
//              small for that floor gets it anyway and pays for it (Staffing.floorAdded);
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
  /**
   * People added to the head count because a demand profile's floor needs more seat-hours than
   * the head count can work (floorAddedPeople; 0 otherwise). They are priced with the head count.
   */
  floorAdded: number;
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
 * The smallest head count that puts a rounded mean of `agents` on seat in a staffing's own profile:
 * following demand, never fewer than the floor's people (floorHeadcount), so a search never answers
 * a head count whose floor is on seat unpaid.
 */
export function minimumHeadcountInProfile(agents: number, peoplePerSeat: number, st: Pick<Staffing, 'payroll' | 'profile' | 'minOnSeat'>): number {
  const h = minimumHeadcountForAgents(agents, peoplePerSeat, st.payroll);
  return st.profile === 'demand' ? Math.max(h, floorHeadcount(st.minOnSeat, peoplePerSeat, st.payroll)) : h;
}

/**
 * The payroll head count behind a mean of agents on seat: for a whole number, the fewest people the
 * head-count rule puts that many on seat; else the phone people it takes, plus those off the phones.
 */
export function headcountForOnSeatMean(meanOnSeat: number, peoplePerSeat: number, payroll: Payroll = EVERYONE_ON_PHONES): number {
  return Number.isInteger(meanOnSeat) ? minimumHeadcountForAgents(meanOnSeat, peoplePerSeat, payroll) : payrollHeadcount(meanOnSeat * peoplePerSeat, payroll);
}

/**
 * The fewest payroll people whose mean on seat reaches `minOnSeat`: below this head count a
 * demand profile's floor alone needs more seat-hours than the people can work (demandProfile).
 */
export function floorHeadcount(minOnSeat: number, peoplePerSeat: number, payroll: Payroll = EVERYONE_ON_PHONES): number {
  return minOnSeat > 0 ? payrollHeadcount(minOnSeat * peoplePerSeat, payroll) : 0;
}

/** Whether a mean on seat is below the demand profile's floor (then the floor, not the mean, sets the seat-hours). */
function belowFloor(mean: number, min: number): boolean {
  return mean < min - 1e-9;
}

/**
 * People a demand profile's floor adds to a head count: when the head count's mean on seat is
 * below minOnSeat, the floor is on seat around the clock and the people it needs beyond the head
 * count (floorHeadcount − headcount) must be paid; else 0.
 */
export function floorAddedPeople(headcount: number, peoplePerSeat: number, payroll: Payroll, profile: StaffingProfile, minOnSeat: number): number {
  if (profile !== 'demand' || !belowFloor(meanOnSeatForHeadcount(headcount, peoplePerSeat, payroll), minOnSeat)) return 0;
  return Math.max(1, floorHeadcount(minOnSeat, peoplePerSeat, payroll) - headcount);
}

/**
 * Agents on seat in proportion to the arrival rate, `mean` on average over the horizon, never
 * fewer than `min`: how a centre that follows its call curve spreads the same people.
 *
 * The seat-hours are kept: a level c is chosen so that Σ max(min, c·rᵢ) = mean × n (water-filling:
 * the floor's intervals take min, the rest c·rᵢ), then rounded by largest remainders, so the whole
 * numbers add up to round(mean × n) and none is below min. Equal remainders (identical days) take
 * the extra seats spread evenly over the horizon, not all at its start. When the floor alone needs
 * more than mean × n (mean < min), every interval gets min: more seat-hours than the mean pays for,
 * which the staffing carries as people added to the head count (floorAddedPeople).
 */
export function demandProfile(mean: number, callsPerHour: readonly number[], min: number): number[] {
  const n = callsPerHour.length;
  const floor = Math.ceil(min - 1e-9);
  if (n === 0) return [];
  if (belowFloor(mean, floor)) return new Array<number>(n).fill(floor);
  const total = mean * n;
  // With no calls at all, the mean is spread evenly.
  const rates = callsPerHour.some((r) => r > 0) ? callsPerHour.map((r) => Math.max(0, r)) : callsPerHour.map(() => 1);
  const level = waterLevel(rates, floor, total);
  const exact = rates.map((r) => Math.max(floor, level * r));
  const out = exact.map((x) => Math.max(floor, Math.floor(x + 1e-9)));
  let extra = Math.round(total) - out.reduce((a, b) => a + b, 0);
  if (extra > 0) {
    // Largest remainders first; ties (to 1e-9) broken by a golden-ratio sequence over the index,
    // which spreads tied extras evenly through the horizon.
    const order = exact.map((x, i) => ({ i, rem: Math.round((x - out[i]) * 1e9), tie: (i * 0.6180339887498949) % 1 }));
    order.sort((a, b) => b.rem - a.rem || a.tie - b.tie || a.i - b.i);
    for (let k = 0; k < order.length && extra > 0; k++, extra--) out[order[k].i]++;
  }
  return out;
}

/**
 * The level c with Σ max(floor, c·rᵢ) = total (total ≥ floor × n, some rᵢ > 0): intervals whose
 * c·rᵢ would fall below the floor are set to it and c recomputed over the rest, until none moves.
 */
function waterLevel(rates: readonly number[], floor: number, total: number): number {
  const idx = rates.map((_, i) => i).sort((a, b) => rates[a] - rates[b]);
  // Floored intervals are a prefix of the intervals sorted by rate: find the longest consistent one.
  let rest = rates.reduce((a, b) => a + b, 0);
  for (let k = 0; k < idx.length; k++) {
    const c = (total - floor * k) / rest;
    if (c * rates[idx[k]] >= floor) return c;
    rest -= rates[idx[k]];
  }
  return 0; // unreachable when total ≥ floor × n and some rate > 0
}

/**
 * Agents on seat per interval for a head count spread by `profile`: flat, a whole number around
 * the clock; following demand, the unrounded mean's seat-hours spread over the intervals
 * (demandProfile: one more person adds seat-intervals one at a time, so calibration sees a figure
 * that moves smoothly with the head count).
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
  const floorAdded = floorAddedPeople(headcount, peoplePerSeat, staffing.payroll, staffing.profile, staffing.minOnSeat);
  return { staffing: { ...staffing, form: 'headcount', headcount, peoplePerSeat, roster: null, floorAdded }, agents };
}

// ---------------------------------------------------------------------------------------------
// a scenario's staffing, from its inputs

/** The head-count form: agents on seat per interval and the staffing value. */
export function headcountStaffing(
  input: { headcount: number; peoplePerSeat: number; profile: StaffingProfile; minOnSeat: number },
  payroll: Payroll,
  callsPerHour: readonly number[],
): { staffing: Staffing; agents: number[] } {
  const floorAdded = floorAddedPeople(input.headcount, input.peoplePerSeat, payroll, input.profile, input.minOnSeat);
  const staffing: Staffing = { form: 'headcount', headcount: input.headcount, peoplePerSeat: input.peoplePerSeat, payroll, profile: input.profile, minOnSeat: input.minOnSeat, roster: null, floorAdded };
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
    staffing: { form: 'roster', headcount: payrollHeadcount(h.people, payroll), peoplePerSeat: null, payroll, profile: 'flat', minOnSeat: 1, roster: people, floorAdded: 0 },
    agents: Array.from(onSeat.subarray(0, grid.nIntervals)),
  };
}

/** Agents given directly: no head count (a study infers one from people per seat). */
export function givenAgentsStaffing(payroll: Payroll): Staffing {
  return { form: 'agents', headcount: null, peoplePerSeat: null, payroll, profile: 'flat', minOnSeat: 1, roster: null, floorAdded: 0 };
}

/**
 * The head count a study prices, and the people per seat its searches use: the staffing's own
 * (with the people a demand profile's floor adds, staffing.floorAdded), else (a roster, or agents given) people per seat from the study; agents given directly then imply
 * the fewest people who put their mean on seat (headcountForOnSeatMean, those off the phones
 * included). Null headcount: agents given and no people per seat.
 */
export function studyHeadcount(
  staffing: Staffing,
  meanOnSeat: number,
  peoplePerSeat: number | undefined,
): { headcount: number | null; peoplePerSeat: number | null; implied: boolean } {
  const pps = staffing.form === 'headcount' ? staffing.peoplePerSeat : (peoplePerSeat ?? null);
  if (staffing.headcount !== null) return { headcount: staffing.headcount + staffing.floorAdded, peoplePerSeat: pps, implied: false };
  if (pps === null) return { headcount: null, peoplePerSeat: null, implied: false };
  return { headcount: headcountForOnSeatMean(meanOnSeat, pps, staffing.payroll), peoplePerSeat: pps, implied: true };
}
