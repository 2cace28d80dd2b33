/**
 * What every group of budget lines reads: the resolved parameters, who is on the payroll, their
 * wages, paid hours and premiums — resolved once, as plain data — and the line maker they share.
 */
import type { CostSpec } from '../schema.ts';
import type { PaidHoursByCategory } from '../holidays.ts';
import { standardAnnualHours } from '../holidays.ts';
import type { Headcounts, Model, MonthlyWages, PremiumCosts } from '../labour.ts';
import { bonusMonths, fallbackPaidHours, monthlyWages, premiumCosts, totalHeadcount } from '../labour.ts';
import type { Payer } from '../seats.ts';
import { formatTrimmed } from '../../text/numbers.ts';
import { staffFromHeadcount, staffFromOperators, type StaffSplit } from '../staff.ts';
import { paidHoursFromOnSeat } from '../onSeat.ts';
import { resolveCostParameters, type CostParameters } from '../parameters/resolve.ts';
import { inhouseTerms, type InhouseTerms } from '../inhouse.ts';
import { roleKeys } from '../schema.ts';
import type { Budget, BudgetInputs, BudgetLine, LineCategory } from './types.ts';

/** The Chinese name at the head of a note, without a citation: "增值税(差额征税, 财税〔2016〕47号): …" → "增值税(差额征税)". */
function shortZh(note: string): string {
  const head = note.slice(0, Math.max(0, note.indexOf(':')));
  return head.replace(/,[^)）]*(?=[)）])/, '');
}

/** A list of lines and the function that appends one; the Chinese name is the note's text before its first colon ("养老保险: 16% of ..."). */
export function lineList(): { lines: BudgetLine[]; add: (item: string, category: LineCategory, paidBy: Payer, yuan: number, note: string) => void } {
  const lines: BudgetLine[] = [];
  const add = (item: string, category: LineCategory, paidBy: Payer, yuan: number, note: string) => {
    lines.push({ item, zh: shortZh(note), category, paidBy, yuan, note });
  };
  return { lines, add };
}

export interface BudgetContext {
  spec: CostSpec;
  inputs: BudgetInputs;
  model: Model;
  p: CostParameters;
  /** In-house: the employment terms; null outsourced. */
  terms: InhouseTerms | null;
  /** Who pays the labour lines: the contract (outsourced) or the government (in-house). */
  labourPayer: Payer;
  staff: StaffSplit;
  heads: Headcounts;
  operators: number;
  /** Everyone on the payroll. */
  people: number;
  wages: MonthlyWages;
  bMonths: number;
  hours: PaidHoursByCategory;
  hoursSource: Budget['hoursSource'];
  prem: PremiumCosts;
  premiumsTotal: number;
  /** Hours the night and holiday premiums are paid on (on-seat hours of the staffing, else paid hours). */
  premiumHours: PaidHoursByCategory;
  /** Night and holiday premiums of the off-phone staff on duty, and how many they are. */
  supervisorPremiums: number;
  supervisorPeople: number;
  /** Staffing, minimum-wage and hours warnings, in that order. */
  warnings: string[];
  /** Practice defaults and rules in the price, short, for the first screen (each group adds its own). */
  assumptions: string[];
}

/** Who is on the payroll, their wages, paid hours and premiums. */
export function budgetContext(spec: CostSpec, inputs: BudgetInputs, model: Model): BudgetContext {
  const p = resolveCostParameters(spec);
  const warnings: string[] = [];
  const labourPayer: Payer = model === 'outsourced' ? 'contract' : 'government';
  const terms = model === 'inhouse' ? inhouseTerms(spec) : null;

  // --- who is on the payroll ------------------------------------------------------------------
  const staff =
    inputs.headcount !== undefined
      ? staffFromHeadcount(inputs.headcount, spec.roles, inputs.payroll)
      : staffFromOperators(inputs.operators!, spec.roles, inputs.payroll);
  warnings.push(...staff.warnings);
  const heads = staff.headcounts;
  const operators = heads.operator;
  const people = totalHeadcount(heads);

  // --- wages, hours, premiums -----------------------------------------------------------------
  const wages = monthlyWages(spec, model);
  const bMonths = bonusMonths(spec, model);
  const worked = spec.hoursFallback.workedHoursPerOperatorPerYear ?? standardAnnualHours(spec.calendarYear);
  let hoursSource: Budget['hoursSource'];
  let hours: PaidHoursByCategory;
  if (inputs.paidHoursByCategory) {
    hoursSource = 'input';
    hours = inputs.paidHoursByCategory;
  } else if (inputs.staffing) {
    hoursSource = 'staffing';
    hours = paidHoursFromOnSeat(operators, worked, inputs.staffing.onSeatHours);
  } else {
    hoursSource = 'fallback';
    hours = fallbackPaidHours(operators, spec);
  }
  // Night and holiday premiums are earned by the hours actually worked then: the on-seat hours of
  // the staffing (not paid hours, which include leave), and the supervisors on duty with them.
  const st0 = inputs.staffing;
  const onSeatScale = hoursSource === 'staffing' && st0 && st0.operators > 0 ? operators / st0.operators : null;
  const premiumHours: PaidHoursByCategory =
    onSeatScale !== null
      ? { ...hours, night: st0!.onSeatHours.night * onSeatScale, statutoryHoliday: st0!.onSeatHours.statutoryHoliday * onSeatScale }
      : hours;
  const prem = premiumCosts(premiumHours, operators, wages.operator, spec);
  // supervisors on duty in the same proportion as the operators on seat
  let supervisorPremiums = 0;
  let supervisorPeople = 0;
  for (const k of roleKeys) {
    if (k === 'operator' || heads[k] === 0 || operators <= 0) continue;
    const share = heads[k] / operators;
    const sp = premiumCosts(
      { normal: 0, restDayOvertime: 0, night: premiumHours.night * share, statutoryHoliday: premiumHours.statutoryHoliday * share },
      heads[k],
      wages[k],
      spec,
    );
    supervisorPremiums += sp.night + sp.statutoryHoliday;
    supervisorPeople += heads[k];
  }
  const premiumsTotal = prem.night + prem.restDay + prem.statutoryHoliday + prem.comprehensiveOvertime;

  const minWage = p.minimumMonthlyWage.value;
  if (minWage !== null && wages.operator < minWage) {
    warnings.push(`operator wage ${formatTrimmed(wages.operator, 2)} yuan/month is below the city's minimum wage ${formatTrimmed(minWage)}`);
  }
  if (prem.excessHours > 0) {
    warnings.push(
      `operators' normal hours exceed the standard annual hours by ${formatTrimmed(prem.excessHours)} h in all: paid as comprehensive-hours overtime` +
        (spec.premiums.comprehensiveOvertime.enabled ? '' : ' — but that premium is disabled'),
    );
  }
  return { spec, inputs, model, p, terms, labourPayer, staff, heads, operators, people, wages, bMonths, hours, hoursSource, prem, premiumsTotal, premiumHours, supervisorPremiums, supervisorPeople, warnings, assumptions: [] };
}
