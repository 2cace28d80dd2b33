// Who on the payroll takes calls. Not everyone on a 12345 payroll is on the phones: dispatchers
// (派单), return-visit staff, quality checkers, team leaders and trainers are paid from the same
// contract. Plain data; the conversions between head count, people on the phones and agents on seat
// are engine/workforce/staffing.ts.

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
