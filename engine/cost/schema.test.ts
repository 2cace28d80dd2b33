import { describe, expect, it } from 'vitest';
import { costSchema, defaultCostSpec, parseCostSpec } from './schema.ts';
import { resolveCostParameters } from './parameters/resolve.ts';

describe('costSchema', () => {
  it('fills every default from an empty section', () => {
    const s = defaultCostSpec();
    expect(s.calendarYear).toBe(2024);
    expect(s.roles.operator.monthlyWage).toBe(4000);
    expect(s.roles.teamLeader).toEqual({ monthlyWage: 5200, perOperators: 15 });
    expect(s.seats.operatorsPerSeat).toBe(2); // Changsha tender, SOURCES.md
    // regional values are left empty: the table or the labelled national default fills them
    expect(s.socialInsurance.base).toBeUndefined();
    const p = resolveCostParameters(s);
    // work injury: the default vendor's class (labour service, class 2: 0.4 %)
    expect([p.siFloor.value, p.siCap.value, p.rates.pension.value, p.rates.workInjury.value]).toEqual([4000, 20000, 0.16, 0.004]);
    expect(p.siFloor.origin).toBe('national default');
    expect(s.premiums.nightAllowance).toEqual({ mode: 'perShift', yuanPerShift: 30, shiftHours: 8 });
    expect(s.premiums.restDay.enabled).toBe(false);
    expect(s.premiums.statutoryHoliday).toEqual({ multiplier: 3, basis: 'onTopOfMonthlyWage' });
    expect(s.outsourcing.vat.regime).toBeUndefined();
    expect(p.vat).toMatchObject({ regime: 'general', rate: 0.06 }); // service outsourcing, general taxpayer
    expect(s.outsourcing.surtaxes).toEqual({ cityMaintenance: 0.07, education: 0.03, localEducation: 0.02 });
    expect(s.outsourcing.site).toBe('government');
    expect(s.inhouse.overheads).toEqual({ shareOfLabour: 0.05, fixedPerYear: 0 });
    expect(parseCostSpec(undefined)).toEqual(s);
  });

  it('keeps inner defaults when a section is given partly', () => {
    const s = costSchema.parse({ roles: { teamLeader: { perOperators: 12 } }, outsourcing: { contractType: 'labourDispatch', dispatch: { justification: 'test: dispatch stated' }, vat: { regime: 'simplified' } } });
    expect(s.roles.teamLeader).toEqual({ monthlyWage: 5200, perOperators: 12 });
    expect(s.roles.manager.perOperators).toBe(50);
    expect(s.outsourcing.vat.simplifiedRate).toBe(0.05);
    expect(s.outsourcing.managementFeeRate).toBe(0.05);
  });

  it('switches the night allowance mode', () => {
    const s = costSchema.parse({ premiums: { nightAllowance: { mode: 'shareOfHourlyWage' } } });
    expect(s.premiums.nightAllowance).toEqual({ mode: 'shareOfHourlyWage', shareOfHourlyWage: 0.2 });
  });

  it('rejects unknown fields at every level', () => {
    expect(() => costSchema.parse({ foo: 1 })).toThrow();
    expect(() => costSchema.parse({ roles: { operator: { monthlyWage: 4000, monthlyWag: 1 } } })).toThrow();
    expect(() => costSchema.parse({ outsourcing: { vat: { regime: 'general', rate: 0.06 } } })).toThrow();
    expect(() => costSchema.parse({ premiums: { nightAllowance: { mode: 'perShift', percent: 0.2 } } })).toThrow();
  });

  it('rejects bad values', () => {
    expect(() => costSchema.parse({ roles: { operator: { monthlyWage: -1 } } })).toThrow();
    expect(() => costSchema.parse({ socialInsurance: { rates: { pension: 16 } } })).toThrow();
    expect(() => costSchema.parse({ socialInsurance: { base: { monthlyFloor: 5000, monthlyCap: 4000 } } })).toThrow();
    expect(() => costSchema.parse({ outsourcing: { vat: { regime: 'reverse' } } })).toThrow();
    expect(() => costSchema.parse({ calendarYear: 2019 })).toThrow();
  });
});
