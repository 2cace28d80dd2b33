/** Employer social insurance (per item) and housing provident fund, on each role's declared base. */
import { roleKeys } from '../schema.ts';
import { employerHousingFundMonthly, employerSocialInsuranceMonthly, socialInsuranceItems, socialInsuranceNames } from '../socialInsurance.ts';
import { formatTrimmed, formatTrimmedPercent } from '../../text/numbers.ts';
import { hfBounds, siBounds } from '../parameters/resolve.ts';
import { lineList, type BudgetContext } from './context.ts';
import type { PayLines } from './pay.ts';
import type { BudgetLine } from './types.ts';

export function insuranceAndFundLines(ctx: BudgetContext, pay: PayLines): { lines: BudgetLine[]; siTotal: number; hfTotal: number } {
  const { spec, p, terms, labourPayer, heads, operators, wages, bMonths, premiumsTotal } = ctx;
  const { htPerHeadYear } = pay;
  const { lines, add } = lineList();
  // --- social insurance and housing fund ------------------------------------------------------
  const si = spec.socialInsurance;
  const siTerms = {
    declaredOn: si.declaredOn,
    base: siBounds(p),
    rates: { pension: p.rates.pension.value, medicalInclMaternity: p.rates.medicalInclMaternity.value, unemployment: p.rates.unemployment.value, workInjury: p.rates.workInjury.value },
  };
  const hfRate = terms?.housingFundRate ?? p.hfRate.value;
  const hfB = hfBounds(p);
  const siByItem = { pension: 0, medicalInclMaternity: 0, unemployment: 0, workInjury: 0 };
  let hfTotal = 0;
  const perOperatorPremiumMonthly = operators > 0 ? premiumsTotal / operators / 12 : 0;
  for (const k of roleKeys) {
    if (heads[k] === 0) continue;
    const pay = wages[k] * (1 + bMonths / 12) + (k === 'operator' ? perOperatorPremiumMonthly : 0) + htPerHeadYear / 12;
    const c = employerSocialInsuranceMonthly(wages[k], pay, siTerms);
    for (const item of socialInsuranceItems) siByItem[item] += heads[k] * 12 * c[item];
    hfTotal += heads[k] * 12 * employerHousingFundMonthly(wages[k], pay, hfRate, hfB, si.declaredOn);
  }
  const baseNote = `base ${si.declaredOn}, clamped to ${formatTrimmed(siTerms.base.monthlyFloor, 1)}–${formatTrimmed(siTerms.base.monthlyCap)}/month`;
  for (const item of socialInsuranceItems) {
    add(socialInsuranceNames[item].en, 'socialInsurance', labourPayer, siByItem[item], `${socialInsuranceNames[item].zh}: ${formatTrimmedPercent(siTerms.rates[item])} of ${baseNote}`);
  }
  add(
    'Housing provident fund',
    'housingFund',
    labourPayer,
    hfTotal,
    `住房公积金: ${formatTrimmedPercent(hfRate)} of base ${si.declaredOn}, clamped to the fund's own ${formatTrimmed(hfB.monthlyFloor, 1)}–${formatTrimmed(hfB.monthlyCap)}/month`,
  );
  const siTotal = socialInsuranceItems.reduce((a, k) => a + siByItem[k], 0);
  return { lines, siTotal, hfTotal };
}

/** Declaring on the floor (or not at all) is below the legal base when pay exceeds the floor. */
export function declaredBaseWarnings(ctx: BudgetContext): string[] {
  const si = ctx.spec.socialInsurance;
  const warnings: string[] = [];
  if (si.declaredOn === 'floor' || si.declaredOn === 'none') {
    warnings.push(`social insurance declared on "${si.declaredOn}": below the legal base when pay exceeds the floor`);
  }
  return warnings;
}
