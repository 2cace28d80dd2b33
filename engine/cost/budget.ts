/**
 * The annual budget of a hotline, in-house or outsourced, as named line items.
 *
 * Outsourced: the contract price (VAT-inclusive) is built up as
 *   vendor cost C = labour + levies + other lines + per-seat costs the vendor bears
 *                   (+ itemised overhead when outsourcing.overheadBasis = 'itemised')
 *   management fee F = feeRate × C (covers the vendor's overhead; 0 when itemised)
 *   profit = profitRate × (C + F)
 *   price P = C + F + profit + VAT(P) + surtaxes(VAT)        (see tax.ts)
 * and the government adds its own side: per-seat costs it bears and contract management.
 * In-house: labour + all per-seat costs + in-house overhead; no fee, profit or VAT.
 *
 * Money is never rounded here; only the `note` strings format numbers for reading.
 *
 * This file is the module's public entry: annualBudget composes the groups of lines, each a pure
 * function of the resolved context in budget/: context.ts (payroll, wages, hours, premiums; the
 * line maker), pay.ts (wages, bonus, premiums), insurance.ts (social insurance, housing fund),
 * levies.ts (benefits, disability fund, union fee), overheads.ts (turnover, other lines, seats,
 * overhead) and contract.ts (fee, profit, VAT, surtaxes, contract management). A new cost line
 * goes into the group of its concept; its order in `lines` is the order of the groups here.
 */
import type { CostSpec, RoleKey } from './schema.ts';
import type { Model } from './labour.ts';
import { roleNames } from './labour.ts';
import { formatTrimmed, formatTrimmedPercent } from '../text/numbers.ts';
import type { CostParameters } from './parameters/resolve.ts';
import { inhousePresetNames } from './inhouse.ts';
import { budgetContext } from './budget/context.ts';
import { contractLines } from './budget/contract.ts';
import { declaredBaseWarnings, insuranceAndFundLines } from './budget/insurance.ts';
import { benefitAndLevyLines } from './budget/levies.ts';
import { overheadLines, seatLines, turnoverAndOtherLines } from './budget/overheads.ts';
import { payLines } from './budget/pay.ts';
import type { Budget, BudgetInputs, BudgetLine, LineCategory } from './budget/types.ts';

export type { Model } from './labour.ts';
export type { Budget, BudgetInputs, BudgetLine, LineCategory } from './budget/types.ts';

export function annualBudget(spec: CostSpec, inputs: BudgetInputs, model: Model): Budget {
  const years = inputs.years ?? 1;
  if (!(years > 0)) throw new RangeError('years must be > 0');
  if ((inputs.operators === undefined) === (inputs.headcount === undefined)) throw new RangeError('give operators or headcount (one of them)');
  const ctx = budgetContext(spec, inputs, model);
  const { p, terms, staff, heads, operators, people, hours, hoursSource } = ctx;

  const pay = payLines(ctx);
  const insurance = insuranceAndFundLines(ctx, pay);
  const benefits = benefitAndLevyLines(ctx, pay);
  const other = turnoverAndOtherLines(ctx, pay);
  const { siTotal, hfTotal } = insurance;
  const { welfare, supplementary, disability, union } = benefits;
  const labour = pay.wageBill + siTotal + hfTotal + welfare + supplementary + disability + union + other.recruitment + other.training + other.liability + other.severance;
  const seats = seatLines(ctx);
  const overhead = overheadLines(ctx, labour);
  const contract =
    model === 'outsourced'
      ? contractLines(ctx, { labour, vendorSeats: seats.vendorSeats, overhead: overhead.overhead, passThrough: pay.wageBill + siTotal + hfTotal + welfare })
      : null;

  const lines: BudgetLine[] = [...pay.lines, ...insurance.lines, ...benefits.lines, ...other.lines, ...seats.lines, ...overhead.lines, ...(contract?.lines ?? [])];
  const warnings = [...ctx.warnings, ...(contract?.warnings ?? []), ...declaredBaseWarnings(ctx)];
  const total = lines.reduce((a, l) => a + l.yuan, 0);
  const governmentSide = lines.reduce((a, l) => a + (l.paidBy === 'government' ? l.yuan : 0), 0);
  const fiscal: Budget['fiscal'] = contract ? { localTaxes: contract.localTaxes, totalNetOfLocalTaxes: total - contract.localTaxes } : null;

  const budget: Budget = {
    model,
    total,
    contractPrice: contract ? contract.contractPrice : null,
    governmentSide,
    lines,
    costPerOperatorMonth: operators > 0 ? total / operators / 12 : Number.NaN,
    headcounts: { ...heads, total: people, seats: seats.sc.seats },
    staff,
    hours,
    hoursSource,
    seatsSource: seats.seatsSource,
    parameters: p,
    inhouseTerms: terms ? `${inhousePresetNames[terms.preset].en} (${inhousePresetNames[terms.preset].zh}): ${terms.description}` : null,
    fiscal,
    warnings,
  };
  const extra: { costPerAnsweredCall?: number; costPerConnectionPoint?: number } = {};
  if (inputs.answeredCallsPerYear !== undefined) {
    if (!(inputs.answeredCallsPerYear > 0)) throw new RangeError('answeredCallsPerYear must be > 0');
    extra.costPerAnsweredCall = total / inputs.answeredCallsPerYear;
  }
  if (inputs.connectionRate !== undefined) {
    if (!(inputs.connectionRate > 0 && inputs.connectionRate <= 1)) throw new RangeError('connectionRate must be a fraction in (0, 1]');
    extra.costPerConnectionPoint = total / (inputs.connectionRate * 100);
  }
  return { ...budget, ...extra };
}

/** The parameters a budget used, with their origin (scenario, region table with source, national default): for --explain. */
export function describeParameters(p: CostParameters): string[] {
  const row = (name: string, v: string, label: string) => `${name}: ${v} — ${label}`;
  const money = (x: number | null) => (x === null ? '—' : formatTrimmed(x, 1));
  return [
    `Region: ${p.region.label}`,
    row('Social-insurance base floor', money(p.siFloor.value), p.siFloor.label),
    row('Social-insurance base cap', money(p.siCap.value), p.siCap.label),
    row('Pension rate', formatTrimmedPercent(p.rates.pension.value), p.rates.pension.label),
    row('Medical incl. maternity rate', formatTrimmedPercent(p.rates.medicalInclMaternity.value), p.rates.medicalInclMaternity.label),
    row('Unemployment rate', formatTrimmedPercent(p.rates.unemployment.value), p.rates.unemployment.label),
    row('Work-injury rate', formatTrimmedPercent(p.rates.workInjury.value), p.rates.workInjury.label),
    row('Housing-fund base floor', money(p.hfFloor.value), p.hfFloor.label),
    row('Housing-fund base cap', money(p.hfCap.value), p.hfCap.label),
    row('Housing-fund rate', formatTrimmedPercent(p.hfRate.value), p.hfRate.label),
    row('Minimum wage', money(p.minimumMonthlyWage.value), p.minimumMonthlyWage.label),
    row('High-temperature allowance', p.highTemperature.value ? `${money(p.highTemperature.value.yuanPerMonth)} × ${p.highTemperature.value.months} months${p.highTemperature.applied ? '' : ' (not applied)'}` : 'none', p.highTemperature.label),
    row('Disability-fund ratio', formatTrimmedPercent(p.disabilityRatio.value), p.disabilityRatio.label),
    row('Local average pay (残保金 cap)', money(p.averageAnnualWage.value), p.averageAnnualWage.label),
    `VAT: ${p.vat.label}`,
  ];
}

/** Sum of the lines in each category. */
export function totalsByCategory(budget: Budget): Record<LineCategory, number> {
  const out = {
    wages: 0,
    bonus: 0,
    premiums: 0,
    socialInsurance: 0,
    housingFund: 0,
    benefits: 0,
    levies: 0,
    turnover: 0,
    otherCosts: 0,
    seats: 0,
    overhead: 0,
    fee: 0,
    profit: 0,
    tax: 0,
    contractManagement: 0,
  } satisfies Record<LineCategory, number>;
  for (const l of budget.lines) out[l.category] += l.yuan;
  return out;
}

/** The yuan of one role's wage line. */
export function roleWageLine(budget: Budget, role: RoleKey): number {
  const line = budget.lines.find((l) => l.item === `${roleNames[role].en} wages`);
  return line ? line.yuan : 0;
}
