// The price fit, by construction: price a spec, then fit each field back to that price.
import { describe, expect, it } from 'vitest';
import { annualBudget } from '../../cost/budget.ts';
import { costSchema } from '../../cost/schema.ts';
import { fitPriceOf } from './priceFit.ts';

const spec = costSchema.parse({ roles: { operator: { monthlyWage: 4000 } } });
const ctx = { payroll: { phoneShare: null, offPhone: {}, given: false }, staffing: null } as unknown as Parameters<typeof fitPriceOf>[3];
const priceAt = (s: typeof spec, headcount = 120) => annualBudget(s, { headcount, years: 1, payroll: ctx.payroll }, 'outsourced').contractPrice!;

describe('price fit (calibrate --observed price=…)', () => {
  it('recovers the wage, the declared base and the fee rate that produced a price', () => {
    const target = priceAt(costSchema.parse({ roles: { operator: { monthlyWage: 3500 } }, socialInsurance: {} }));
    const f = fitPriceOf(spec, 120, 1, ctx, target, 'wage');
    expect(f.alternatives[0].field).toBe('wage');
    expect(f.alternatives[0].value!).toBeCloseTo(3500, 3);
    const base = priceAt(costSchema.parse({ roles: { operator: { monthlyWage: 4000 } }, socialInsurance: { declaredMonthlyBase: 2500 } }));
    const b = fitPriceOf(spec, 120, 1, ctx, base, 'declaredBase').alternatives[0];
    expect(b.value!).toBeCloseTo(2500, 3);
    const fee = priceAt(costSchema.parse({ roles: { operator: { monthlyWage: 4000 } }, outsourcing: { managementFeeRate: 0.02 } }));
    expect(fitPriceOf(spec, 120, 1, ctx, fee, 'feeRate').alternatives[0].value!).toBeCloseTo(0.02, 6);
  });
  it('the head count fit is the largest that fits; a price below every declared base says none fits', () => {
    const f = fitPriceOf(spec, 120, 1, ctx, priceAt(spec, 100), 'headcount');
    expect(f.alternatives[0].value).toBe(100);
    expect(f.alternatives.map((a) => a.field)).toEqual(['headcount', 'wage', 'declaredBase', 'feeRate']);
    const none = fitPriceOf(spec, 120, 1, ctx, priceAt(spec) * 0.5, 'declaredBase').alternatives[0];
    expect(none.value).toBeNull();
    expect(none.reading).toMatch(/no declared base fits/);
  });
});
