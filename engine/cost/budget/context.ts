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
  /** Staffing, minimum-wage and hours warnings, in that order. */
  warnings: string[];
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
  const prem = premiumCosts(hours, operators, wages.operator, spec);
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
  return { spec, inputs, model, p, terms, labourPayer, staff, heads, operators, people, wages, bMonths, hours, hoursSource, prem, premiumsTotal, warnings };
}
