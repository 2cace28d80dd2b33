import { describe, expect, it } from 'vitest';
import { annualBudget, totalsByCategory } from './budget.ts';
import { paidHoursFor7x24 } from './holidays.ts';
import { costSchema, defaultCostSpec } from './schema.ts';

const spec = defaultCostSpec();

describe('annualBudget', () => {
  it('lines sum to the total; contract lines sum to the contract price', () => {
    const b = annualBudget(spec, { operators: 237 }, 'outsourced');
    const sum = b.lines.reduce((a, l) => a + l.yuan, 0);
    expect(b.total).toBeCloseTo(sum, 6);
    const contract = b.lines.filter((l) => l.paidBy === 'contract').reduce((a, l) => a + l.yuan, 0);
    expect(b.contractPrice).not.toBeNull();
    expect(contract).toBeCloseTo(b.contractPrice!, 6);
    expect(b.governmentSide + b.contractPrice!).toBeCloseTo(b.total, 6);
    expect(b.costPerOperatorMonth).toBeCloseTo(b.total / 237 / 12, 9);
  });

  it('names every line in Chinese too (the head of its note, without the citation)', () => {
    for (const model of ['outsourced', 'inhouse'] as const) {
      const b = annualBudget(spec, { operators: 237 }, model);
      for (const l of b.lines) {
        expect(l.zh, l.item).toMatch(/[\u4e00-\u9fff]/);
        expect(l.zh).not.toContain(':');
        expect(l.note.startsWith(l.zh.replace(/\(.*$/, ''))).toBe(true);
      }
    }
    const simplified = costSchema.parse({ outsourcing: { contractType: 'labourDispatch', dispatch: { justification: 'test: dispatch stated' }, vat: { regime: 'simplified' } } });
    const vat = annualBudget(simplified, { operators: 10 }, 'outsourced').lines.find((l) => l.item === 'VAT')!;
    expect(vat.zh).toBe('增值税(差额征税)');
    expect(vat.note).toContain('财税〔2016〕47号');
  });

  it('derives role head counts by ratio and seats at 2 operators per seat', () => {
    const b = annualBudget(spec, { operators: 237 }, 'outsourced');
    expect(b.headcounts).toMatchObject({ operator: 237, teamLeader: 16, qualityInspector: 8, trainer: 3, manager: 5, seats: 119 });
    expect(b.headcounts.total).toBe(269);
  });

  it('in-house has no fee, profit or tax and pays every seat cost itself', () => {
    const b = annualBudget(spec, { operators: 237 }, 'inhouse');
    expect(b.contractPrice).toBeNull();
    const cats = totalsByCategory(b);
    expect(cats.fee + cats.profit + cats.tax + cats.contractManagement).toBe(0);
    expect(b.lines.every((l) => l.paidBy === 'government')).toBe(true);
    expect(b.governmentSide).toBeCloseTo(b.total, 6);
    const out = annualBudget(spec, { operators: 237 }, 'outsourced');
    expect(b.total).toBeLessThan(out.total); // same wages; no fee, profit, VAT
  });

  it('moves per-seat costs into the contract when the vendor provides site and platform', () => {
    const gov = annualBudget(spec, { operators: 100 }, 'outsourced');
    const vendorSpec = costSchema.parse({ outsourcing: { site: 'vendor', platform: 'vendor' } });
    const ven = annualBudget(vendorSpec, { operators: 100, years: 3 }, 'outsourced');
    expect(gov.lines.filter((l) => l.category === 'seats').every((l) => l.paidBy === 'government')).toBe(true);
    expect(ven.lines.filter((l) => l.category === 'seats').every((l) => l.paidBy === 'contract')).toBe(true);
    // the vendor amortises fit-out over the 3-year contract, not the 5-year life
    const fit = ven.lines.find((l) => l.item === 'Fit-out (amortised)')!;
    expect(fit.yuan).toBeCloseTo((50 * 5 * 1500) / 3, 6);
    expect(ven.contractPrice!).toBeGreaterThan(gov.contractPrice!);
  });

  it('uses the paid hours given by the workforce layer', () => {
    const hours = paidHoursFor7x24(2025, 40);
    const s2025 = costSchema.parse({ calendarYear: 2025 });
    const b = annualBudget(s2025, { operators: 200, paidHoursByCategory: hours }, 'outsourced');
    expect(b.hoursSource).toBe('input');
    const hol = b.lines.find((l) => l.item === 'Statutory-holiday work premium (300%)')!;
    expect(hol.yuan).toBeCloseTo(13 * 24 * 40 * (4000 / 174) * 3, 6);
  });

  it('pays comprehensive-hours overtime for normal hours beyond the standard', () => {
    const hours = { normal: 10 * 2100, night: 0, restDayOvertime: 0, statutoryHoliday: 0 };
    const b = annualBudget(spec, { operators: 10, paidHoursByCategory: hours }, 'inhouse');
    const ot = b.lines.find((l) => l.item === 'Overtime beyond standard hours (150%)')!;
    expect(ot.yuan).toBeCloseTo(10 * 100 * (4000 / 174) * 1.5, 6);
    expect(b.warnings.some((w) => w.includes('exceed the standard'))).toBe(true);
  });

  it('costs per answered call and per connection point', () => {
    const b = annualBudget(spec, { operators: 237, answeredCallsPerYear: 2_069_600, connectionRate: 0.9 }, 'outsourced');
    expect(b.costPerAnsweredCall).toBeCloseTo(b.total / 2_069_600, 9);
    expect(b.costPerConnectionPoint).toBeCloseTo(b.total / 90, 9);
    expect(() => annualBudget(spec, { operators: 1, connectionRate: 90 }, 'outsourced')).toThrow(RangeError);
  });

  it('simplified VAT gives a lower price than general for a labour-heavy contract', () => {
    const simple = costSchema.parse({ outsourcing: { contractType: 'labourDispatch', dispatch: { justification: 'test: dispatch stated' }, vat: { regime: 'simplified' } } });
    const g = annualBudget(spec, { operators: 237 }, 'outsourced');
    const s = annualBudget(simple, { operators: 237 }, 'outsourced');
    expect(s.contractPrice!).toBeLessThan(g.contractPrice!);
  });

  it('warns when the wage is below the minimum wage and when the base is declared on the floor', () => {
    const s = costSchema.parse({ city: { minimumMonthlyWage: 2160 }, roles: { operator: { monthlyWage: 2000 } }, socialInsurance: { declaredOn: 'floor' } });
    const b = annualBudget(s, { operators: 10 }, 'outsourced');
    expect(b.warnings.some((w) => w.includes('minimum wage'))).toBe(true);
    expect(b.warnings.some((w) => w.includes('declared on "floor"'))).toBe(true);
  });

  it('is monotone in the head count', () => {
    let prev = -1;
    for (let n = 0; n <= 120; n++) {
      const t = annualBudget(spec, { operators: n }, 'outsourced').contractPrice!;
      expect(t).toBeGreaterThanOrEqual(prev);
      prev = t;
    }
  });
});
