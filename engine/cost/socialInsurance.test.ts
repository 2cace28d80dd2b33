import { describe, expect, it } from 'vitest';
import { annualBudget } from './budget.ts';
import { resolveCostParameters, siBounds, hfBounds } from './parameters/resolve.ts';
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
  // the national defaults (no region): floor 4,000, cap 20,000, work injury 0.2 %
  const p = resolveCostParameters(spec);
  const si = {
    declaredOn: spec.socialInsurance.declaredOn,
    base: siBounds(p),
    rates: { pension: p.rates.pension.value, medicalInclMaternity: p.rates.medicalInclMaternity.value, unemployment: p.rates.unemployment.value, workInjury: p.rates.workInjury.value },
  };

  it('a wage below the floor pays on the floor', () => {
    const c = employerSocialInsuranceMonthly(2000, 2000, si);
    expect(c.pension).toBeCloseTo(4000 * 0.16, 9);
    expect(c.medicalInclMaternity).toBeCloseTo(4000 * 0.08, 9);
    expect(c.unemployment).toBeCloseTo(4000 * 0.007, 9);
    expect(c.workInjury).toBeCloseTo(4000 * 0.004, 9); // the default vendor: labour service, class 2 (人社部发〔2015〕71号)
  });

  it('a wage above the cap pays on the cap', () => {
    const c = employerSocialInsuranceMonthly(50000, 50000, si);
    expect(c.pension).toBeCloseTo(20000 * 0.16, 9);
    const total = c.pension + c.medicalInclMaternity + c.unemployment + c.workInjury;
    expect(total).toBeCloseTo(20000 * totalSocialInsuranceRate(si), 9);
  });

  it('housing fund at its own floor, far below the social-insurance floor (worked example)', () => {
    // Shandong 2024, Liaocheng: SI floor 4,416 (weak), HF floor = the class-2 minimum wage 2,010 (inferred). A 2,100 wage pays HF on 2,100, SI on 4,416.
    const sd = costSchema.parse({ region: { province: 'Shandong', year: 2024 }, city: { name: 'Liaocheng' } });
    const q = resolveCostParameters(sd);
    expect(q.hfFloor.value).toBe(2010);
    expect(q.siFloor.value).toBe(4416);
    expect(employerHousingFundMonthly(2100, 2100, 0.05, hfBounds(q), 'actualPay')).toBeCloseTo(2100 * 0.05, 9); // 105, not 4,416 × 5 % = 220.8
    expect(employerHousingFundMonthly(1500, 1500, 0.05, hfBounds(q), 'actualPay')).toBeCloseTo(2010 * 0.05, 9); // 100.5 at the HF floor
    const own = costSchema.parse({ housingFund: { rate: 0.12, base: { monthlyFloor: 2100, monthlyCap: 30000 } } });
    const o = resolveCostParameters(own);
    expect(employerHousingFundMonthly(40000, 40000, 0.12, hfBounds(o), 'actualPay')).toBeCloseTo(30000 * 0.12, 9);
    // national default HF floor 2,000, not the SI floor
    expect(employerHousingFundMonthly(1000, 1000, 0.05, hfBounds(p), 'actualPay')).toBeCloseTo(2000 * 0.05, 9);
  });

  it('annualBudget applies the floor and the cap per person', () => {
    // no premiums: the supervisors' pay (their base) is then their wage alone
    const noPremiums = { nightAllowance: { mode: 'perShift' as const, yuanPerShift: 0 }, statutoryHoliday: { multiplier: 0 } };
    const lowSpec = costSchema.parse({ roles: { operator: { monthlyWage: 2000 } }, bonus: { monthsOfWage: 0 }, premiums: noPremiums });
    const low = annualBudget(lowSpec, { operators: 30 }, 'inhouse');
    const pension = low.lines.find((l) => l.item === 'Pension insurance')!.yuan;
    // operators: pay 2,000 + premiums/12 < floor; every other role earns 4,800–8,000 > floor
    const others = (2 * 5200 + 1 * 4800 + 1 * 5200 + 1 * 8000) * 12 * 0.16;
    expect(pension).toBeCloseTo(30 * 12 * 4000 * 0.16 + others, 6);

    const highSpec = costSchema.parse({
      roles: { operator: { monthlyWage: 30000 } },
      bonus: { monthsOfWage: 0 },
      premiums: noPremiums,
    });
    const high = annualBudget(highSpec, { operators: 30 }, 'inhouse');
    const pensionHigh = high.lines.find((l) => l.item === 'Pension insurance')!.yuan;
    expect(pensionHigh).toBeCloseTo(30 * 12 * 20000 * 0.16 + others, 6);
  });
});
