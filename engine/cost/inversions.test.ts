import { describe, expect, it } from 'vitest';
import { annualBudget } from './budget.ts';
import { affordableMonthlyWage, coveredAmount, fullCostHeadcount, naiveHeadcount, withOperatorWage } from './inversions.ts';
import { costSchema, defaultCostSpec } from './schema.ts';

// SOURCES.md: Haikou 129M yuan for three years (seed 003); citizen's 7,000 yuan/month, "3.6M a month", "515 operators".
const HAIKOU_CEILING = 129_000_000;
// SOURCES.md: Liaocheng 2024 winning bid 16,665,264 yuan, 1 year; 237 operators (seed 003).
const LIAOCHENG_BID = 16_665_264;

describe('naiveHeadcount — the citizen’s arithmetic (Haikou)', () => {
  it('129,000,000 / 36 / 7,000 = 511.9: floor 511, nearest 512', () => {
    const n = naiveHeadcount(HAIKOU_CEILING, 3, 7000);
    expect(n.monthlyBudget).toBeCloseTo(3_583_333.33, 2);
    expect(n.exact).toBeCloseTo(511.905, 3);
    expect(n.floor).toBe(511);
    expect(n.ceil).toBe(512);
    expect(n.headcount).toBe(511); // default rounding: floor
    // SOURCES.md writes "/ 7,000 = 512": that is the quotient rounded to the nearest person
    expect(naiveHeadcount(HAIKOU_CEILING, 3, 7000, { roundResult: 'round' }).headcount).toBe(512);
  });

  it('the citizen rounded the month to 3.6M and the result up: 515', () => {
    const c = naiveHeadcount(HAIKOU_CEILING, 3, 7000, { roundMonthlyTo: 100_000, roundResult: 'ceil' });
    expect(c.monthlyBudgetUsed).toBe(3_600_000);
    expect(c.exact).toBeCloseTo(514.2857, 4);
    expect(c.headcount).toBe(515);
    expect(c.rounding).toEqual({ monthlyBudgetTo: 100_000, result: 'ceil' });
    // rounding 514.3 down would give 514, so 515 is a round-UP
    expect(naiveHeadcount(HAIKOU_CEILING, 3, 7000, { roundMonthlyTo: 100_000 }).headcount).toBe(514);
  });
});

describe('fullCostHeadcount (Haikou at the citizen’s 7,000 yuan)', () => {
  const spec7000 = costSchema.parse({ roles: { operator: { monthlyWage: 7000 } } });
  const r = fullCostHeadcount(HAIKOU_CEILING, 3, spec7000, 'outsourced');

  it('is lower than the naive answer and is the largest head count that fits', () => {
    expect(r.operators).toBeGreaterThan(0);
    expect(r.operators).toBeLessThan(511);
    expect(r.coveredCost).toBeLessThanOrEqual(r.annualBudget);
    const next = annualBudget(spec7000, { operators: r.operators + 1, years: 3 }, 'outsourced');
    expect(coveredAmount(next)).toBeGreaterThan(r.annualBudget);
  });

  it('has every line item, positive where expected', () => {
    const items = r.budget.lines.map((l) => l.item);
    const expected = [
      'Operators wages',
      'Team leaders wages',
      'Quality inspectors wages',
      'Trainers wages',
      'Managers wages',
      '13th-month pay / annual bonus',
      'Night-shift allowance',
      'Rest-day work premium (200%)',
      'Statutory-holiday work premium (300%)',
      "Supervisors' night and holiday premiums",
      'Overtime beyond standard hours (150%)',
      'High-temperature allowance',
      'Pension insurance',
      'Medical insurance (incl. maternity)',
      'Unemployment insurance',
      'Work-injury insurance',
      'Housing provident fund',
      'Meal allowance',
      'Other welfare (transport, festival benefits)',
      'Disability employment security fund',
      'Union fee',
      'Recruitment of replacements',
      'Training of new hires',
      'Employer liability insurance',
      'Severance reserve',
      'Site rent',
      'Fit-out (amortised)',
      'Seat hardware (amortised)',
      'IT and telephony',
      'Software licences',
      'Vendor overhead',
      'Working capital (payment in arrears)',
      'Management fee',
      'Profit',
      'VAT',
      'City maintenance and construction tax',
      'Education surcharge',
      'Local education surcharge',
      'Contract management (government)',
    ];
    expect(items).toEqual(expected);
    // zero by design: off by default (rest days balanced by rotation, no overtime, optional lines at 0,
    // no high-temperature rule without a region, overhead inside the management fee); meal, union fee,
    // severance reserve and working capital are practice defaults now (issue 17), so positive
    const zeroByDesign = new Set([
      'Rest-day work premium (200%)',
      'Overtime beyond standard hours (150%)',
      'High-temperature allowance',
      'Other welfare (transport, festival benefits)',
      'Employer liability insurance',
      'Vendor overhead',
    ]);
    for (const l of r.budget.lines) {
      if (zeroByDesign.has(l.item)) expect(l.yuan).toBe(0);
      else expect(l.yuan, l.item).toBeGreaterThan(0);
      expect(Number.isFinite(l.yuan)).toBe(true);
      expect(l.note.length).toBeGreaterThan(0);
    }
    expect(r.budget.lines.find((l) => l.item === 'Pension insurance')!.note).toContain('养老保险');
  });

  it('explains the gap: the groups add up to naive − full (less integer slack)', () => {
    const sum = r.gap.byGroup.reduce((a, g) => a + g.heads, 0);
    expect(sum + r.gap.integerSlack).toBeCloseTo(r.gap.heads, 6);
    expect(r.gap.byGroup.reduce((a, g) => a + g.shareOfGap, 0)).toBeCloseTo(1, 9);
    const groups = r.gap.byGroup.map((g) => g.group);
    for (const g of ['socialInsurance', 'supervisors', 'feeAndProfit', 'tax', 'housingFund', 'bonus', 'premiums']) expect(groups).toContain(g);
    // the government provides the site and platform by default: seats are outside the contract
    expect(groups).not.toContain('seats');
    expect(r.explanation).toMatch(/social insurance/);
    const total = fullCostHeadcount(HAIKOU_CEILING, 3, spec7000, 'outsourced', { covers: 'total' });
    expect(total.operators).toBeLessThanOrEqual(r.operators);
    expect(total.gap.byGroup.map((g) => g.group)).toContain('seats');
  });

  it('returns 0 when the budget does not cover fixed costs', () => {
    const s = costSchema.parse({ overheads: { fixedPerYear: 1_000_000 } });
    expect(fullCostHeadcount(500_000, 1, s, 'outsourced').operators).toBe(0);
  });
});

describe('affordableMonthlyWage (Liaocheng)', () => {
  const spec = defaultCostSpec();

  it('16,665,264 / 237 = 70,317 yuan per operator-year', () => {
    const a = affordableMonthlyWage(LIAOCHENG_BID, 1, 237, spec, 'outsourced');
    expect(Math.abs(a.perOperatorYear - 70_317)).toBeLessThanOrEqual(1);
  });

  it('finds a wage whose budget equals the bid within 1 yuan, below 70,317 / 12', () => {
    const a = affordableMonthlyWage(LIAOCHENG_BID, 1, 237, spec, 'outsourced');
    expect(a.feasible).toBe(true);
    const b = annualBudget(withOperatorWage(spec, 'outsourced', a.monthlyWage), { operators: 237 }, 'outsourced');
    expect(Math.abs(b.contractPrice! - LIAOCHENG_BID)).toBeLessThan(1);
    expect(a.monthlyWage).toBeLessThan(70_317 / 12);
    expect(a.monthlyWage).toBeGreaterThan(0);
  });

  it("with covers: 'total', annualBudget's total equals the bid within 1 yuan", () => {
    const a = affordableMonthlyWage(LIAOCHENG_BID, 1, 237, spec, 'outsourced', { covers: 'total' });
    const b = annualBudget(a.spec, { operators: 237 }, 'outsourced');
    expect(Math.abs(b.total - LIAOCHENG_BID)).toBeLessThan(1);
    expect(a.monthlyWage).toBeLessThan(70_317 / 12);
  });

  it('in-house pays a higher wage from the same money (no fee, profit or VAT)', () => {
    const out = affordableMonthlyWage(LIAOCHENG_BID, 1, 237, spec, 'outsourced', { covers: 'total' });
    const inh = affordableMonthlyWage(LIAOCHENG_BID, 1, 237, spec, 'inhouse');
    expect(Math.abs(inh.budget.total - LIAOCHENG_BID)).toBeLessThan(1);
    expect(inh.monthlyWage).toBeGreaterThan(out.monthlyWage);
  });

  it('scaling other roles with the operator wage gives a higher operator wage when they start above it', () => {
    const fixed = affordableMonthlyWage(LIAOCHENG_BID, 1, 237, spec, 'outsourced');
    const scaled = affordableMonthlyWage(LIAOCHENG_BID, 1, 237, spec, 'outsourced', { otherRoles: 'scaleWithOperator' });
    expect(Math.abs(scaled.coveredCost - LIAOCHENG_BID)).toBeLessThan(1);
    expect(scaled.monthlyWage).toBeGreaterThan(fixed.monthlyWage);
  });

  it('reports infeasible when fixed costs exceed the budget', () => {
    const s = costSchema.parse({ outsourcing: { overheadBasis: 'itemised' }, overheads: { fixedPerYear: 20_000_000 } });
    expect(affordableMonthlyWage(LIAOCHENG_BID, 1, 237, s, 'outsourced').feasible).toBe(false);
  });
});
