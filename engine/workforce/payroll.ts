// Who on the payroll takes calls. Not everyone on a 12345 payroll is on the phones: dispatchers
// (派单), return-visit staff, quality checkers, team leaders and trainers are paid from the same
// contract. One definition, used by every conversion between head count and agents on seat.

/** Plain data: either a share of the head count on the phones, or counts of the people who are not. */
export interface Payroll {
  /** Share of the payroll head count who take calls (0–1]. */
  phoneShare: number | null;
  /** People on the payroll who do not take calls, by role (e.g. { dispatcher: 12, trainer: 2 }). */
  offPhone: Record<string, number> | null;
  /** Whether the scenario said so (false: everyone is assumed to take calls). */
  given: boolean;
}

export const EVERYONE_ON_PHONES: Payroll = { phoneShare: 1, offPhone: null, given: false };

/** Chinese names of the usual roles, for reports. */
export const ROLE_ZH: Record<string, string> = {
  dispatcher: '派单员',
  returnVisit: '回访员',
  qualityInspector: '质检员',
  teamLeader: '班组长',
  trainer: '培训师',
  manager: '管理人员',
};

export function offPhoneCount(p: Payroll): number {
  return p.offPhone ? Object.values(p.offPhone).reduce((a, b) => a + b, 0) : 0;
}

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
