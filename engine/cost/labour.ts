/**
 * Labour: head counts by role, wages per model, premiums for night / rest-day / holiday
 * work, comprehensive-hours overtime, fallback paid hours, and turnover (recruitment and
 * training of replacements).
 */
import type { CostSpec, RoleKey } from './schema.ts';
import { roleKeys } from './schema.ts';
import type { PaidHoursByCategory } from './holidays.ts';
import { daysInYear, standardAnnualHours, statutoryHolidayCount } from './holidays.ts';
import { inhouseTerms } from './inhouse.ts';

export type Model = 'inhouse' | 'outsourced';

export const roleNames: Readonly<Record<RoleKey, { en: string; zh: string }>> = {
  operator: { en: 'Operators', zh: '话务员' },
  teamLeader: { en: 'Team leaders', zh: '班组长' },
  qualityInspector: { en: 'Quality inspectors', zh: '质检员' },
  trainer: { en: 'Trainers', zh: '培训师' },
  manager: { en: 'Managers', zh: '项目经理/主管' },
  otherStaff: { en: 'Other off-phone staff', zh: '其他非话务人员' },
};

export type Headcounts = Record<RoleKey, number>;
export type MonthlyWages = Record<RoleKey, number>;

/** Head count of every role, from the operator count and the ratios. */
export function roleHeadcounts(operators: number, roles: CostSpec['roles']): Headcounts {
  if (!(operators >= 0) || !Number.isFinite(operators)) throw new RangeError('operators must be a finite number >= 0');
  const byRatio = (per: number) => {
    const exact = operators / per;
    // 1e-9 guards against 30/15 = 2.0000000000000004 style noise before ceil
    return roles.headcountRounding === 'ceil' ? Math.ceil(exact - 1e-9) : exact;
  };
  return {
    operator: operators,
    teamLeader: byRatio(roles.teamLeader.perOperators),
    qualityInspector: byRatio(roles.qualityInspector.perOperators),
    trainer: byRatio(roles.trainer.perOperators),
    manager: byRatio(roles.manager.perOperators),
    otherStaff: 0,
  };
}

export function totalHeadcount(h: Headcounts): number {
  return roleKeys.reduce((acc, k) => acc + h[k], 0);
}

/** Monthly wage of each role in the given model (in-house applies its multiplier / overrides). */
export function monthlyWages(spec: CostSpec, model: Model): MonthlyWages {
  const market: MonthlyWages = {
    operator: spec.roles.operator.monthlyWage,
    teamLeader: spec.roles.teamLeader.monthlyWage,
    qualityInspector: spec.roles.qualityInspector.monthlyWage,
    trainer: spec.roles.trainer.monthlyWage,
    manager: spec.roles.manager.monthlyWage,
    otherStaff: spec.roles.otherStaff.monthlyWage ?? spec.roles.operator.monthlyWage,
  };
  if (model === 'outsourced') return market;
  const t = inhouseTerms(spec);
  const out = {} as MonthlyWages;
  for (const k of roleKeys) out[k] = t.monthlyWages[k] ?? market[k] * t.wageMultiplier;
  return out;
}

export function bonusMonths(spec: CostSpec, model: Model): number {
  return model === 'inhouse' ? inhouseTerms(spec).bonusMonthsOfWage : spec.bonus.monthsOfWage;
}

/** Hourly wage = monthly wage / 174 (21.75 paid days × 8 h) by default. */
export function hourlyWage(monthlyWage: number, premiums: CostSpec['premiums']): number {
  return monthlyWage / premiums.hourlyDivisor;
}

/**
 * Paid hours by category when the workforce layer gives none: each operator works
 * `workedHoursPerOperatorPerYear` (default: the standard annual hours of the year), spread
 * evenly over the calendar, so the holiday share is holidayDays / daysInYear; the night
 * share is `nightShare`. ASSUMPTIONS — labelled in the schema.
 */
export function fallbackPaidHours(operators: number, spec: CostSpec): PaidHoursByCategory {
  const year = spec.calendarYear;
  const worked = spec.hoursFallback.workedHoursPerOperatorPerYear ?? standardAnnualHours(year);
  const total = operators * worked;
  const holiday = (total * statutoryHolidayCount(year)) / daysInYear(year);
  return {
    normal: total - holiday,
    night: total * spec.hoursFallback.nightShare,
    restDayOvertime: 0,
    statutoryHoliday: holiday,
  };
}

export interface PremiumCosts {
  readonly night: number;
  readonly restDay: number;
  readonly statutoryHoliday: number;
  readonly comprehensiveOvertime: number;
  /** Hours over the standard annual hours, summed over operators (0 when within standard). */
  readonly excessHours: number;
}

/**
 * Yearly premiums on top of the operators' monthly wages, from their paid hours.
 * - night allowance: per night shift (night hours / shiftHours × yuan) or a share of the hourly wage;
 * - rest-day work: multiplier × hourly wage per unbalanced rest-day hour, only when enabled;
 * - statutory-holiday work: multiplier (300 %) × hourly wage on top of the monthly wage
 *   (or (multiplier − 1) × hourly wage when basis = 'inclusive');
 * - comprehensive-hours overtime: hours of normal (+ rest-day hours when the rest-day premium
 *   is off) beyond operators × standard annual hours, at 150 %.
 */
export function premiumCosts(
  hours: PaidHoursByCategory,
  operators: number,
  operatorMonthlyWage: number,
  spec: CostSpec,
): PremiumCosts {
  const p = spec.premiums;
  const hw = hourlyWage(operatorMonthlyWage, p);
  const na = p.nightAllowance;
  const night = na.mode === 'perShift' ? (hours.night / na.shiftHours) * na.yuanPerShift : hours.night * hw * na.shareOfHourlyWage;
  const restDay = p.restDay.enabled ? hours.restDayOvertime * hw * p.restDay.multiplier : 0;
  const holidayFactor =
    p.statutoryHoliday.basis === 'onTopOfMonthlyWage' ? p.statutoryHoliday.multiplier : Math.max(0, p.statutoryHoliday.multiplier - 1);
  const statutoryHoliday = hours.statutoryHoliday * hw * holidayFactor;
  const counted = hours.normal + (p.restDay.enabled ? 0 : hours.restDayOvertime);
  const excessHours = Math.max(0, counted - operators * standardAnnualHours(spec.calendarYear));
  const comprehensiveOvertime = p.comprehensiveOvertime.enabled ? excessHours * hw * p.comprehensiveOvertime.multiplier : 0;
  return { night, restDay, statutoryHoliday, comprehensiveOvertime, excessHours };
}

export interface TurnoverCosts {
  readonly hiresPerYear: number;
  readonly recruitment: number;
  readonly training: number;
}

/** Recruitment and training of replacements: rate × head count × cost per hire. */
export function turnoverCosts(headcounts: Headcounts, spec: CostSpec, model: Model): TurnoverCosts {
  const t = model === 'inhouse' ? inhouseTerms(spec) : null;
  const rate = t ? t.turnoverRate : spec.turnover.annualRate;
  const base = spec.turnover.appliesTo === 'operators' ? headcounts.operator : totalHeadcount(headcounts);
  const hiresPerYear = rate * base;
  return {
    hiresPerYear,
    recruitment: hiresPerYear * (t ? t.recruitmentPerHire : spec.turnover.recruitmentPerHire),
    training: hiresPerYear * spec.turnover.trainingPerHire,
  };
}
