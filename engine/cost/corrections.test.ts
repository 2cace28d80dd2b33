// Worked examples, by hand, for each rule the cost audit corrected (issue 10).
import { describe, expect, it } from 'vitest';
import { annualBudget, type Budget } from './budget.ts';
import { INHOUSE_PRESETS, withInhousePreset } from './inhouse.ts';
import { onSeatHoursFromAgents, totalOnSeat } from './onSeat.ts';
import { REGIONS, NATIONAL_DEFAULTS } from './parameters/table.ts';
import { SOURCES } from './parameters/sources.ts';
import { costSchema } from './schema.ts';
import { staffFromHeadcount } from './staff.ts';

const line = (b: Budget, item: string) => {
  const l = b.lines.find((x) => x.item === item);
  if (!l) throw new Error(`no line ${item}`);
  return l.yuan;
};
const sumCat = (b: Budget, cat: string) => b.lines.filter((l) => l.category === cat).reduce((a, l) => a + l.yuan, 0);

describe('the parameter table: every filled cell has a source', () => {
  it('names a known source with title, publisher, date, address and strength', () => {
    let cells = 0;
    for (const [province, region] of Object.entries(REGIONS)) {
      for (const [year, row] of Object.entries(region.years)) {
        for (const [key, cell] of Object.entries(row)) {
          cells++;
          const c = cell as { value: unknown; source: keyof typeof SOURCES };
          const s = SOURCES[c.source];
          expect(s, `${province} ${year} ${key}`).toBeDefined();
          for (const f of ['title', 'publisher', 'date', 'url'] as const) expect(s[f].length, `${c.source}.${f}`).toBeGreaterThan(3);
          expect(['official', 'weak', 'inferred']).toContain(s.strength);
          expect(s.url).toMatch(/^https?:\/\//);
          expect(s.url).not.toContain('/work/');
        }
      }
    }
    expect(cells).toBeGreaterThan(10);
  });

  it('every national default is labelled', () => {
    for (const [k, d] of Object.entries(NATIONAL_DEFAULTS)) expect(d.label.length, k).toBeGreaterThan(10);
    expect(NATIONAL_DEFAULTS.workInjury.value).toBe(0.002); // lowest risk class, not 0.4 %
  });
});

describe('head count means people', () => {
  const roles = costSchema.parse({}).roles;

  it('a payroll naming the supervisors: 237 people = 208 operators + 29 (Liaocheng)', () => {
    const s = staffFromHeadcount(237, roles, {
      phoneShare: null,
      offPhone: { teamLeader: 14, qualityInspector: 7, trainer: 3, manager: 5 },
      given: true,
    });
    expect(s.headcounts.operator).toBe(208);
    expect(s.headcounts.teamLeader).toBe(14);
    expect(s.addedOnTop).toEqual([]);
    expect(s.headcounts.operator + s.headcounts.teamLeader + s.headcounts.qualityInspector + s.headcounts.trainer + s.headcounts.manager).toBe(237);
  });

  it('roles.inHeadcount without a payroll: carved out by ratio (208 + ceil(208/15) + ceil(208/30) + ceil(208/80) + ceil(208/50) = 237)', () => {
    const r = costSchema.parse({ roles: { inHeadcount: ['teamLeader', 'qualityInspector', 'trainer', 'manager'] } }).roles;
    const s = staffFromHeadcount(237, r);
    expect(s.headcounts.operator).toBe(208);
    expect([s.headcounts.teamLeader, s.headcounts.qualityInspector, s.headcounts.trainer, s.headcounts.manager]).toEqual([14, 7, 3, 5]);
    expect(s.warnings[0]).toMatch(/no payroll section/);
  });

  it('the old reading (operators + extras) when the scenario says nothing: 237 operators + 32 = 269 people', () => {
    const s = staffFromHeadcount(237, roles);
    expect(s.headcounts.operator).toBe(237);
    // ceil(237/15) = 16, ceil(237/30) = 8, ceil(237/80) = 3, ceil(237/50) = 5
    expect([s.headcounts.teamLeader, s.headcounts.qualityInspector, s.headcounts.trainer, s.headcounts.manager]).toEqual([16, 8, 3, 5]);
  });

  it('a payroll naming only some roles: the others come on top by ratio', () => {
    const s = staffFromHeadcount(100, roles, { phoneShare: null, offPhone: { teamLeader: 6, dispatcher: 4 }, given: true });
    expect(s.headcounts.operator).toBe(90);
    expect(s.headcounts.teamLeader).toBe(6); // not ceil(90/15) = 6 on top: inside
    expect(s.headcounts.otherStaff).toBe(4);
    expect(s.addedOnTop).toEqual(['qualityInspector', 'trainer', 'manager']);
    expect(s.headcounts.qualityInspector).toBe(3); // ceil(90/30)
  });
});

describe('hours by category and seats from the staffing', () => {
  it('a flat 40 on seat has a third of its hours at night; 2024 holidays 11/366 of the year', () => {
    const { hours, peakOnSeat } = onSeatHoursFromAgents(new Array(48 * 7).fill(40), 1800, '2024-01-01', 2024);
    expect(peakOnSeat).toBe(40);
    expect(totalOnSeat(hours)).toBeCloseTo(40 * 24 * 366, 6);
    expect(hours.night / totalOnSeat(hours)).toBeCloseTo(1 / 3, 12);
    expect(hours.statutoryHoliday).toBeCloseTo(40 * 24 * 11, 6);
  });

  it("night allowance on the on-seat night hours: 40 on seat × 8 h × 366 nights / 8 h × 30 = 439,200 (paid hours, leave included, gave 592,500)", () => {
    const spec = costSchema.parse({});
    const { hours, peakOnSeat } = onSeatHoursFromAgents(new Array(48).fill(40), 1800, '2024-01-01', 2024);
    const b = annualBudget(spec, { operators: 237, staffing: { onSeatHours: hours, peakOnSeat, operators: 237, source: 'flat 40' } }, 'outsourced');
    expect(line(b, 'Night-shift allowance')).toBeCloseTo(439_200, 6);
    const fallback = annualBudget(spec, { operators: 237 }, 'outsourced');
    expect(line(fallback, 'Night-shift allowance')).toBeCloseTo(142_200, 6); // the old 8 % fallback, stated as such
    expect(fallback.seatsSource).toMatch(/FALLBACK/);
    // seats: the peak 40 on seat (no off-phone staff inside the head count) instead of 237 / 2 = 119
    expect(b.headcounts.seats).toBe(ceilPeople(b, 40, 237));
    expect(fallback.headcounts.seats).toBe(119);
  });
});

/** Seats = people × peak / phone operators (off-phone staff on duty in the same proportion). */
function ceilPeople(b: Budget, peak: number, ops: number): number {
  return Math.ceil((b.headcounts.total * peak) / ops - 1e-9);
}

describe('残保金 (disability employment security fund)', () => {
  const base = { roles: { inHeadcount: ['teamLeader', 'qualityInspector', 'trainer', 'manager'] as const }, bonus: { monthsOfWage: 0 } };

  it('without the cap: (people × 1.5 % − disabled) × average pay', () => {
    const spec = costSchema.parse({ ...base, levies: { disabilityFund: { disabledStaff: 1 } } });
    const b = annualBudget(spec, { headcount: 100 }, 'outsourced');
    const wageBill = sumCat(b, 'wages') + sumCat(b, 'bonus') + sumCat(b, 'premiums');
    // (100 × 0.015 − 1) × wage bill / 100 × band 50 % (1 disabled in 100 = 1 %: 财政部公告2023年第8号)
    expect(line(b, 'Disability employment security fund')).toBeCloseTo(0.5 * (wageBill / 100) * 0.5, 6);
  });

  it('with the 2× cap: the pay base is at most twice the local average', () => {
    const spec = costSchema.parse({ ...base, levies: { disabilityFund: { averageAnnualWage: 20_000 } } });
    const b = annualBudget(spec, { headcount: 100 }, 'outsourced');
    // average pay ≈ 50,000+ > 2 × 20,000 = 40,000: (100 × 0.015) × 40,000 × band 90 % (no disabled staff, 2024) = 54,000
    expect(line(b, 'Disability employment security fund')).toBeCloseTo(1.5 * 40_000 * 0.9, 6);
  });

  it('small employers (≤ 30 staff) are exempt', () => {
    const b = annualBudget(costSchema.parse(base), { headcount: 30 }, 'outsourced');
    expect(line(b, 'Disability employment security fund')).toBe(0);
  });
});

describe('no double counts', () => {
  it('one management-fee concept: the fee covers the overhead, or the overhead is itemised and no fee', () => {
    const inFee = annualBudget(costSchema.parse({}), { operators: 100 }, 'outsourced');
    expect(line(inFee, 'Vendor overhead')).toBe(0);
    expect(line(inFee, 'Management fee')).toBeGreaterThan(0);
    const itemised = annualBudget(costSchema.parse({ outsourcing: { overheadBasis: 'itemised' } }), { operators: 100 }, 'outsourced');
    expect(line(itemised, 'Management fee')).toBe(0);
    const labour = itemised.lines.filter((l) => !['seats', 'overhead', 'fee', 'profit', 'tax', 'contractManagement', 'otherCosts'].includes(l.category) || ['Employer liability insurance', 'Severance reserve'].includes(l.item)).reduce((a, l) => a + l.yuan, 0);
    expect(line(itemised, 'Vendor overhead')).toBeCloseTo(0.03 * labour, 6);
  });

  it('training per hire is all-in: the trainers on the payroll are deducted from it', () => {
    const spec = costSchema.parse({ bonus: { monthsOfWage: 1 } });
    const b = annualBudget(spec, { operators: 240 }, 'outsourced');
    // hires 0.3 × 240 = 72; 72 × 5,000 = 360,000; trainers ceil(240/80) = 3 × 5,200 × 13 = 202,800
    expect(line(b, 'Training of new hires')).toBeCloseTo(360_000 - 202_800, 6);
    const external = annualBudget(costSchema.parse({ turnover: { trainingPerHireIncludesTrainers: false } }), { operators: 240 }, 'outsourced');
    expect(line(external, 'Training of new hires')).toBeCloseTo(360_000, 6);
  });
});

describe('in-house under each preset', () => {
  const spec = costSchema.parse({ bonus: { monthsOfWage: 0 }, premiums: { nightAllowance: { mode: 'perShift', yuanPerShift: 0 }, statutoryHoliday: { multiplier: 0 } } });
  const at = (p: (typeof INHOUSE_PRESETS)[number]) => annualBudget(withInhousePreset(spec, p), { operators: 100 }, 'inhouse');

  it('vendor terms: no fee, profit or VAT; 5 % overhead', () => {
    const v = at('vendor');
    expect(v.contractPrice).toBeNull();
    expect(v.lines.some((l) => l.category === 'tax')).toBe(false);
    expect(v.inhouseTerms).toMatch(/vendor's terms/);
    expect(at('custom').total).toBeCloseTo(v.total, 6); // custom with no fields = the general values
  });

  it('public institution (establishment staff): housing fund 12 %, annuity 8 %, union 2 %, overhead 8 %, recruitment 3,000 — by hand', () => {
    const v = at('vendor');
    const p = annualBudget(withInhousePreset({ ...spec, inhouse: { ...spec.inhouse, establishment: 'establishment' } }, 'publicInstitution'), { operators: 100 }, 'inhouse');
    const wages = sumCat(v, 'wages'); // no bonus, no premiums in this spec
    // housing fund: 12 % instead of 5 % on the same bases
    expect(line(p, 'Housing provident fund')).toBeCloseTo((line(v, 'Housing provident fund') / 0.05) * 0.12, 6);
    expect(line(p, 'Supplementary benefits (occupational annuity)')).toBeCloseTo(0.08 * wages, 6);
    expect(line(p, 'Union fee')).toBeCloseTo(0.02 * wages, 6);
    // hires 0.3 × 100 = 30: 30 × 3,000 instead of 30 × 1,000
    expect(line(p, 'Recruitment of replacements')).toBeCloseTo(90_000, 6);
    expect(line(v, 'Recruitment of replacements')).toBeCloseTo(30_000, 6);
    const labourOf = (b: Budget) => b.lines.filter((l) => !['seats', 'overhead'].includes(l.category)).reduce((a, l) => a + l.yuan, 0);
    expect(line(p, 'In-house overhead')).toBeCloseTo(0.08 * labourOf(p), 6);
    expect(line(v, 'In-house overhead')).toBeCloseTo(0.05 * labourOf(v), 6);
    expect(p.total).toBeGreaterThan(v.total);
  });
});
