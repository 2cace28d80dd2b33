/** Pay lines: wages per role, the annual bonus, the premiums (night, rest day, holiday, overtime, high temperature). */
import { roleKeys } from '../schema.ts';
import { roleNames } from '../labour.ts';
import { formatTrimmed, formatTrimmedPercent } from '../../text/numbers.ts';
import { lineList, type BudgetContext } from './context.ts';
import type { BudgetLine } from './types.ts';

export interface PayLines {
  lines: BudgetLine[];
  /** Wages + bonus, all roles, yuan per year. */
  wagesAndBonus: number;
  /** High-temperature allowance per head per year. */
  htPerHeadYear: number;
  /** 工资总额: wages + bonus + premiums + high-temperature allowance. */
  wageBill: number;
}

export function payLines(ctx: BudgetContext): PayLines {
  const { spec, inputs, p, labourPayer, heads, people, wages, bMonths, hours, hoursSource, prem, premiumsTotal } = ctx;
  const { lines, add } = lineList();
  // --- wages and bonus --------------------------------------------------------------------------
  let wagesOnly = 0;
  for (const k of roleKeys) {
    if (k === 'otherStaff' && heads[k] === 0) continue;
    const y = heads[k] * wages[k] * 12;
    wagesOnly += y;
    add(`${roleNames[k].en} wages`, 'wages', labourPayer, y, `${roleNames[k].zh}工资: ${formatTrimmed(heads[k], 2)} × ${formatTrimmed(wages[k], 2)} × 12`);
  }
  const bonus = roleKeys.reduce((acc, k) => acc + heads[k] * wages[k] * bMonths, 0);
  add('13th-month pay / annual bonus', 'bonus', labourPayer, bonus, `年终奖/第十三个月工资: ${formatTrimmed(bMonths, 2)} month(s) of wage, all roles`);
  const wagesAndBonus = wagesOnly + bonus;

  // --- premiums -----------------------------------------------------------------------------------
  const na = spec.premiums.nightAllowance;
  const hoursWhy =
    hoursSource === 'staffing'
      ? `shares of the on-seat hours of the staffing (${inputs.staffing!.source})`
      : hoursSource === 'input'
        ? 'paid hours given'
        : `FALLBACK: no staffing given, night share ${formatTrimmedPercent(spec.hoursFallback.nightShare)} assumed`;
  add(
    'Night-shift allowance',
    'premiums',
    labourPayer,
    prem.night,
    `夜班津贴: ${formatTrimmed(hours.night)} night h (22:00–06:00; ${hoursWhy}); ` +
      (na.mode === 'perShift' ? `${formatTrimmed(na.yuanPerShift, 2)} yuan per ${formatTrimmed(na.shiftHours)}-h shift` : `+${formatTrimmedPercent(na.shareOfHourlyWage)} of hourly wage`),
  );
  add(
    'Rest-day work premium (200%)',
    'premiums',
    labourPayer,
    prem.restDay,
    spec.premiums.restDay.enabled
      ? `休息日加班费: ${formatTrimmed(hours.restDayOvertime)} h × hourly wage × ${spec.premiums.restDay.multiplier}`
      : '休息日加班费: off — comprehensive working hours, rest days balanced by rotation (综合计算工时)',
  );
  add(
    'Statutory-holiday work premium (300%)',
    'premiums',
    labourPayer,
    prem.statutoryHoliday,
    `法定节假日加班费: ${formatTrimmed(hours.statutoryHoliday)} h × ${formatTrimmed(wages.operator, 2)}/${spec.premiums.hourlyDivisor} × ` +
      `${spec.premiums.statutoryHoliday.basis === 'onTopOfMonthlyWage' ? spec.premiums.statutoryHoliday.multiplier : spec.premiums.statutoryHoliday.multiplier - 1}` +
      ` (${spec.premiums.statutoryHoliday.basis})`,
  );
  add(
    'Overtime beyond standard hours (150%)',
    'premiums',
    labourPayer,
    prem.comprehensiveOvertime,
    `综合工时超时加班费: ${formatTrimmed(prem.excessHours)} h over the standard annual hours`,
  );
  const ht = p.highTemperature;
  const htPerHeadYear = ht.applied && ht.value ? ht.value.yuanPerMonth * ht.value.months : 0;
  const highTemp = people * htPerHeadYear;
  add(
    'High-temperature allowance',
    'premiums',
    labourPayer,
    highTemp,
    ht.value === null
      ? `高温津贴: none — ${ht.label}`
      : ht.applied
        ? `高温津贴: ${formatTrimmed(people, 1)} people × ${formatTrimmed(ht.value.yuanPerMonth, 2)} × ${formatTrimmed(ht.value.months)} months (${ht.value.rule}; ${ht.label})`
        : `高温津贴: not paid — ${ht.value.rule}; coverage of indoor work not verified (levies.highTemperature.enabled: true to pay it; ${ht.label})`,
  );
  const wageBill = wagesAndBonus + premiumsTotal + highTemp; // 工资总额
  return { lines, wagesAndBonus, htPerHeadYear, wageBill };
}
