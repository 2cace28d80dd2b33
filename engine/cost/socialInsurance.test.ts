import { describe, expect, it } from 'vitest';
import { annualBudget } from './budget.ts';
import { costSchema } from './schema.ts';
import {
  contributionBase,
  declaredBase,
  employerHousingFundMonthly,
  employerSocialInsuranceMonthly,
  totalSocialInsuranceRate,
} from './socialInsurance.ts';

const bounds = { monthlyFloor: 4000, monthlyCap: 20000 };

describe('contribution base', () => {
  it('clamps to the floor and the cap', () => {
    expect(contributionBase(2000, bounds)).toBe(4000);
    expect(contributionBase(5000, bounds)).toBe(5000);
    expect(contributionBase(30000, bounds)).toBe(20000);
  });

  it('follows the declared practice', () => {
    expect(declaredBase('actualPay', 3000, 4500, bounds)).toBe(4500);
    expect(declaredBase('baseWage', 3000, 4500, bounds)).toBe(4000);
    expect(declaredBase('floor', 9000, 9500, bounds)).toBe(4000);
    expect(declaredBase('none', 9000, 9500, bounds)).toBe(0);
  });
});

describe('employer contributions', () => {
  const spec = costSchema.parse({});
  const si = spec.socialInsurance;

  it('a wage below the floor pays on the floor', () => {
    const c = employerSocialInsuranceMonthly(2000, 2000, si);
    expect(c.pension).toBeCloseTo(4000 * 0.16, 9);
    expect(c.medicalInclMaternity).toBeCloseTo(4000 * 0.08, 9);
    expect(c.unemployment).toBeCloseTo(4000 * 0.007, 9);
    expect(c.workInjury).toBeCloseTo(4000 * 0.004, 9);
  });

  it('a wage above the cap pays on the cap', () => {
    const c = employerSocialInsuranceMonthly(50000, 50000, si);
    expect(c.pension).toBeCloseTo(20000 * 0.16, 9);
    const total = c.pension + c.medicalInclMaternity + c.unemployment + c.workInjury;
    expect(total).toBeCloseTo(20000 * totalSocialInsuranceRate(si), 9);
  });

  it('housing fund uses its own bounds when given, else the social-insurance ones', () => {
    expect(employerHousingFundMonthly(2000, 2000, 0.05, spec.housingFund, si)).toBeCloseTo(4000 * 0.05, 9);
    const own = costSchema.parse({ housingFund: { rate: 0.12, base: { monthlyFloor: 2100, monthlyCap: 30000 } } });
    expect(employerHousingFundMonthly(2000, 2000, 0.12, own.housingFund, own.socialInsurance)).toBeCloseTo(2100 * 0.12, 9);
    expect(employerHousingFundMonthly(40000, 40000, 0.12, own.housingFund, own.socialInsurance)).toBeCloseTo(30000 * 0.12, 9);
  });

  it('annualBudget applies the floor and the cap per person', () => {
    const lowSpec = costSchema.parse({ roles: { operator: { monthlyWage: 2000 } }, bonus: { monthsOfWage: 0 } });
    const low = annualBudget(lowSpec, { operators: 30 }, 'inhouse');
    const pension = low.lines.find((l) => l.item === 'Pension insurance')!.yuan;
    // operators: pay 2,000 + premiums/12 < floor; every other role earns 4,800–8,000 > floor
    const others = (2 * 5200 + 1 * 4800 + 1 * 5200 + 1 * 8000) * 12 * 0.16;
    expect(pension).toBeCloseTo(30 * 12 * 4000 * 0.16 + others, 6);

    const highSpec = costSchema.parse({
      roles: { operator: { monthlyWage: 30000 } },
      bonus: { monthsOfWage: 0 },
      premiums: { nightAllowance: { mode: 'perShift', yuanPerShift: 0 } },
    });
    const high = annualBudget(highSpec, { operators: 30 }, 'inhouse');
    const pensionHigh = high.lines.find((l) => l.item === 'Pension insurance')!.yuan;
    expect(pensionHigh).toBeCloseTo(30 * 12 * 20000 * 0.16 + others, 6);
  });
});
