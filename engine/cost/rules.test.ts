// Worked examples, by hand, for the cost rules of the third pass (issue 17).
import { describe, expect, it } from 'vitest';
import { annualBudget, type Budget } from './budget.ts';
import { withInhousePreset } from './inhouse.ts';
import { agencyFee, bondCost, evaluatedPrice, kpiDeductions, lawfulFloor } from './bid.ts';
import { disabilityFundBand, mealAllowanceYear, PAYMENT_TERMS, severanceReserveYear, surtaxFactor, WORK_INJURY_BY_INDUSTRY } from './rules.ts';
import { regionRow } from './parameters/table.ts';
import { resolveCostParameters } from './parameters/resolve.ts';
import { costSchema, type CostSpecInput } from './schema.ts';

const line = (b: Budget, item: string) => {
  const l = b.lines.find((x) => x.item === item);
  if (!l) throw new Error(`no line ${item}`);
  return l.yuan;
};
const spec = (c: CostSpecInput = {}) => costSchema.parse(c);

describe('defaults that say what practice is', () => {
  it('meal allowance: 100 people × 15 yuan × 2,000 h / 8 h = 375,000 a year (2024)', () => {
    expect(mealAllowanceYear(100, 15, 8, 2024).value).toBeCloseTo(375_000, 6);
    const b = annualBudget(spec(), { operators: 100 }, 'outsourced');
    const people = b.headcounts.total;
    expect(line(b, 'Meal allowance')).toBeCloseTo(people * 15 * 250, 6);
    expect(line(annualBudget(spec({ otherLines: { meal: { yuanPerShift: 0 } } }), { operators: 100 }, 'outsourced'), 'Meal allowance')).toBe(0);
  });

  it('union fee on by default: 2 % of the wage bill (or 筹备金); the switch turns it off', () => {
    const b = annualBudget(spec(), { operators: 100 }, 'outsourced');
    const wageBill = b.lines.filter((l) => ['wages', 'bonus', 'premiums'].includes(l.category)).reduce((a, l) => a + l.yuan, 0);
    expect(line(b, 'Union fee')).toBeCloseTo(0.02 * wageBill, 4);
    expect(line(annualBudget(spec({ levies: { unionFee: { enabled: false } } }), { operators: 100 }, 'outsourced'), 'Union fee')).toBe(0);
  });

  it('severance reserve on a vendor change: P(no renewal) 1 × stayers 70 % × one month of the wage bill', () => {
    expect(severanceReserveYear(1_200_000, 1, 0.3).value).toBeCloseTo(840_000, 6);
    expect(severanceReserveYear(1_200_000, 0.5, 1.2).value).toBe(0);
    const b = annualBudget(spec(), { operators: 100 }, 'outsourced');
    const wageBill = b.lines.filter((l) => ['wages', 'bonus', 'premiums'].includes(l.category)).reduce((a, l) => a + l.yuan, 0);
    expect(line(b, 'Severance reserve')).toBeCloseTo((0.7 * wageBill) / 12, 4);
    expect(line(annualBudget(spec(), { operators: 100 }, 'inhouse'), 'Severance reserve')).toBe(0);
  });

  it('working capital: quarterly in arrears = 2.5 months of cost at 3.5 % a year', () => {
    expect(PAYMENT_TERMS.quarterlyArrears.months).toBe(2.5);
    const b = annualBudget(spec(), { operators: 100 }, 'outsourced');
    const cost = b.lines.filter((l) => l.paidBy === 'contract' && !['fee', 'profit', 'tax'].includes(l.category) && l.item !== 'Working capital (payment in arrears)').reduce((a, l) => a + l.yuan, 0);
    expect(line(b, 'Working capital (payment in arrears)')).toBeCloseTo((cost / 12) * 2.5 * 0.035, 4);
    expect(b.assumptions.join(' ')).toContain('quarterly arrears');
  });
});

describe('occupational annuity: none for 编外 contract staff', () => {
  it('public-institution preset: annuity 0 by default, 8 % of wages + bonus for establishment staff', () => {
    const s = withInhousePreset(spec(), 'publicInstitution');
    expect(line(annualBudget(s, { operators: 100 }, 'inhouse'), 'Supplementary benefits (occupational annuity)')).toBe(0);
    const e = withInhousePreset(spec({ inhouse: { establishment: 'establishment' } }), 'publicInstitution');
    const b = annualBudget(e, { operators: 100 }, 'inhouse');
    const wagesAndBonus = b.lines.filter((l) => l.category === 'wages' || l.category === 'bonus').reduce((a, l) => a + l.yuan, 0);
    expect(line(b, 'Supplementary benefits (occupational annuity)')).toBeCloseTo(0.08 * wagesAndBonus, 4);
  });
});

describe('premiums on the hours that earn them', () => {
  // A staffing of 10 on seat on every holiday hour of 2024 (11 days × 24 h = 264 h × 10 = 2,640 on-seat h), 20 operators.
  const staffing = { onSeatHours: { normal: 80_000, restDay: 0, statutoryHoliday: 2_640, night: 29_280 }, peakOnSeat: 12, operators: 20, source: 'test' };
  it('holiday premium on on-seat holiday hours, not paid hours: 2,640 h × 4,000/174 × 3', () => {
    const b = annualBudget(spec({ roles: { inHeadcount: [] } }), { operators: 20, staffing }, 'outsourced');
    expect(line(b, 'Statutory-holiday work premium (300%)')).toBeCloseTo((2640 * 4000 * 3) / 174, 4);
  });
  it('supervisors on duty earn them too: team leader 1 per 15 → 2 people at 5,200: 2/20 of the hours at their own wage', () => {
    const s = spec({ roles: { qualityInspector: { perOperators: 1000 }, trainer: { perOperators: 1000 }, manager: { perOperators: 1000 } } });
    const b = annualBudget(s, { operators: 20, staffing }, 'outsourced');
    // roles: 2 team leaders (5,200), 1 QA (4,800), 1 trainer (5,200), 1 manager (8,000), each on duty hours × 1/20
    const holiday = (2640 / 20) * 3 * ((2 * 5200 + 4800 + 5200 + 8000) / 174);
    const night = (29280 / 20 / 8) * 30 * 5;
    expect(line(b, "Supervisors' night and holiday premiums")).toBeCloseTo(holiday + night, 4);
  });
});

describe('small firms: 六税两费 and the small-scale threshold', () => {
  it('surtaxes halved 2023–2027 for a small low-profit enterprise, in full in 2028', () => {
    expect(surtaxFactor(2024, false, true).value).toBe(0.5);
    expect(surtaxFactor(2024, false, false).value).toBe(1);
    expect(surtaxFactor(2028, true, true).value).toBe(1);
    const full = annualBudget(spec(), { operators: 20 }, 'outsourced');
    const half = annualBudget(spec({ outsourcing: { smallLowProfit: true } }), { operators: 20 }, 'outsourced');
    const vat = line(half, 'VAT');
    expect(line(half, 'City maintenance and construction tax')).toBeCloseTo(0.035 * vat, 6);
    expect(half.contractPrice!).toBeLessThan(full.contractPrice!);
  });
  it('a small low-profit enterprise above 300 staff, and a small-scale taxpayer above 5M yuan a year, are one-line errors', () => {
    expect(() => annualBudget(spec({ outsourcing: { smallLowProfit: true } }), { operators: 300 }, 'outsourced')).toThrow(/at most 300 staff/);
    expect(() => annualBudget(spec({ outsourcing: { taxpayer: 'smallScale' } }), { operators: 100 }, 'outsourced')).toThrow(/5,000,000 yuan a year/);
    expect(() => annualBudget(spec({ outsourcing: { taxpayer: 'smallScale' } }), { operators: 10 }, 'outsourced')).not.toThrow();
  });
});

describe('work injury by industry class (人社部发〔2015〕71号)', () => {
  it('labour service and telecom 0.4 % (class 2), call centre 0.2 % (class 1); a public employer in-house 0.2 %', () => {
    expect(resolveCostParameters(spec()).rates.workInjury.value).toBe(0.004);
    expect(resolveCostParameters(spec({ outsourcing: { vendorIndustry: 'telecom' } })).rates.workInjury.value).toBe(0.004);
    expect(resolveCostParameters(spec({ outsourcing: { vendorIndustry: 'callCentre' } })).rates.workInjury.value).toBe(0.002);
    expect(WORK_INJURY_BY_INDUSTRY.publicEmployer.rate).toBe(0.002);
    const b = annualBudget(spec({ socialInsurance: { base: { monthlyFloor: 5000, monthlyCap: 5000 } } }), { operators: 10 }, 'inhouse');
    expect(line(b, 'Work-injury insurance')).toBeCloseTo(b.headcounts.total * 12 * 5000 * 0.002, 6);
  });
});

describe('残保金 bands and the 2× cap', () => {
  it('bands 2023–2027: 90 % below 1 % disabled staff, 50 % from 1 % to the ratio; full outside', () => {
    expect(disabilityFundBand(2024, 0, 200, 0.015).value).toBe(0.9);
    expect(disabilityFundBand(2024, 2, 200, 0.015).value).toBe(0.5);
    expect(disabilityFundBand(2028, 0, 200, 0.015).value).toBe(1);
  });
  it('(100 people × 1.5 % − 0) × average pay, capped at 2 × a local average of 20,000, × 90 %', () => {
    const b = annualBudget(spec({ levies: { disabilityFund: { averageAnnualWage: 20_000 } } }), { operators: 100 }, 'outsourced');
    expect(line(b, 'Disability employment security fund')).toBeCloseTo(b.headcounts.total * 0.015 * 40_000 * 0.9, 6);
  });
});

describe('labour dispatch (劳务派遣)', () => {
  it('a hall on dispatch is refused unless the scenario says why 三性 and the 10 % cap hold', () => {
    expect(() => spec({ outsourcing: { contractType: 'labourDispatch' } })).toThrow(/art\. 66/);
    const ok = spec({ outsourcing: { contractType: 'labourDispatch', dispatch: { justification: 'substitute posts for a year', userOwnStaff: 100 } } });
    const b = annualBudget(ok, { operators: 20 }, 'outsourced');
    expect(b.assumptions.join(' ')).toContain('substitute posts');
    expect(b.warnings.join(' ')).toMatch(/above the 10% cap/);
    expect(b.warnings.join(' ')).toMatch(/同工同酬/);
  });
});

describe('the parameter table by city', () => {
  it('Liaocheng 2024: class-2 minimum wage 2,010, housing-fund floor = minimum wage; Nanning 2020: 1,810 with the fallback named', () => {
    const l = regionRow('Shandong', 2024, 'Liaocheng');
    expect(l.cells.minimumMonthlyWage?.value).toBe(2010);
    expect(l.cells.hfFloor?.value).toBe(2010);
    expect(l.fellBack).toBe(false);
    const n = regionRow('Guangxi', 2020, 'Nanning');
    expect(n.cells.minimumMonthlyWage?.value).toBe(1810);
    expect(n.label).toContain('no Guangxi row for 2020');
    const h = regionRow('Hainan', 2026, 'Haikou');
    expect(h.fellBack).toBe(true);
    expect(h.label).toContain('carried forward');
  });
});

describe("the bidder's view", () => {
  it('bond: 5 % of 16,665,264 as a bank guarantee at 1 % = 8,333 a year', () => {
    const t = spec().tender;
    const b = bondCost(16_665_264, t, 0.035);
    expect(b.amount).toBeCloseTo(833_263.2, 6);
    expect(b.perYear).toBeCloseTo(8_332.632, 6);
  });
  it('evaluated price: no deduction in an SME-reserved project; 10 % for a small bidder otherwise', () => {
    expect(evaluatedPrice(100, spec({ tender: { smeReserved: true, bidderSmallOrMicro: true } }).tender).price).toBe(100);
    expect(evaluatedPrice(100, spec({ tender: { bidderSmallOrMicro: true } }).tender).price).toBeCloseTo(90, 9);
  });
  it('agency fee on 16,665,264: 15,000 + 32,000 + 22,500 + 0.25 % × 6,665,264 = 86,163.16', () => {
    expect(agencyFee(16_665_264)).toBeCloseTo(15_000 + 32_000 + 22_500 + 0.0025 * 6_665_264, 6);
  });
  it('KPI deductions: 1 % a point below 95 %, capped at 10 %: months at 94 % and 80 % lose 1 % and 10 %', () => {
    const sched = spec().tender.kpiDeductions;
    const d = kpiDeductions([[0.94, 0.8, 0.96], [0.97, 0.97, 0.97]], 1000, sched);
    // rep 1: 10 + 100 + 0 = 110 over 3 months → 440 a year; rep 2: 0
    expect(d.expectedPerYear).toBeCloseTo(220, 9);
    expect(d.p90PerYear).toBeCloseTo(440, 9);
    expect(d.probabilityAny).toBe(0.5);
  });
  it('lawful floor: minimum wage, statutory lines, zero fee and profit — below the full price', () => {
    const s = spec();
    const full = annualBudget(s, { operators: 100 }, 'outsourced').contractPrice!;
    const f = lawfulFloor(s, { operators: 100 }, 2010);
    expect(f.price).toBeLessThan(full);
    expect(line(f.budget, 'Profit')).toBe(0);
    expect(line(f.budget, 'Operators wages')).toBeCloseTo(100 * 2010 * 12, 6);
  });
});
