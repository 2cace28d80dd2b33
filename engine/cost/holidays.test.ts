import { describe, expect, it } from 'vitest';
import {
  calendarYears,
  holidayHoursFromPattern,
  isStatutoryHoliday,
  paidHoursFor7x24,
  standardAnnualHours,
  statutoryHolidayCount,
  statutoryHolidays,
} from './holidays.ts';
import { premiumCosts } from './labour.ts';
import { defaultCostSpec } from './schema.ts';

describe('statutory holiday calendar', () => {
  it('has 11 days a year up to 2024 and 13 from 2025', () => {
    expect(statutoryHolidayCount(2024)).toBe(11);
    expect(statutoryHolidayCount(2025)).toBe(13);
    for (const y of [2020, 2021, 2022, 2023, 2024]) expect(statutoryHolidayCount(y)).toBe(11);
    for (const y of [2025, 2026]) expect(statutoryHolidayCount(y)).toBe(13);
    expect(calendarYears).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('lists distinct, valid dates inside the year', () => {
    for (const y of calendarYears) {
      const days = statutoryHolidays(y);
      expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
      for (const d of days) {
        const t = new Date(`${d.date}T00:00:00Z`);
        expect(t.getUTCFullYear()).toBe(y);
        expect(t.toISOString().slice(0, 10)).toBe(d.date); // no 02-30 style dates
      }
    }
  });

  it('knows the 2025 additions (除夕 and 2 May) and the 2024 Spring Festival', () => {
    expect(isStatutoryHoliday('2025-01-28')).toBe(true); // 除夕
    expect(isStatutoryHoliday('2025-05-02')).toBe(true);
    expect(isStatutoryHoliday('2024-05-02')).toBe(false);
    expect(isStatutoryHoliday('2024-02-09')).toBe(false); // 2024 除夕 was not statutory
    expect(statutoryHolidays(2024).filter((d) => d.festival === 'springFestival').map((d) => d.date)).toEqual([
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
    ]);
    expect(statutoryHolidays(2026).filter((d) => d.festival === 'springFestival')).toHaveLength(4);
  });

  it('throws outside the embedded years', () => {
    expect(() => statutoryHolidays(2019)).toThrow(RangeError);
    expect(() => statutoryHolidays(2027)).toThrow(RangeError);
  });

  it('standard annual hours are 2,000 with 11 holidays and 1,984 with 13', () => {
    expect(standardAnnualHours(2024)).toBe(2000);
    expect(standardAnnualHours(2025)).toBe(1984);
  });
});

describe('holiday hours of a 7×24 line', () => {
  it('accrues 24·N agent-hours per holiday day for N agents on seat', () => {
    for (const n of [1, 7, 23]) {
      const h2024 = holidayHoursFromPattern(2024, n);
      expect(h2024.onSeatHoursPerDay).toBe(24 * n);
      expect(h2024.statutoryHolidayHours).toBe(11 * 24 * n);
      expect(holidayHoursFromPattern(2025, n).statutoryHolidayHours).toBe(13 * 24 * n);
    }
  });

  it('accepts a 24-hour pattern and a paid-per-on-seat factor', () => {
    const pattern = [2, 2, 2, 2, 2, 2, 2, 5, 20, 37, 37, 30, 20, 25, 37, 37, 30, 20, 12, 8, 6, 4, 3, 3];
    const perDay = pattern.reduce((a, b) => a + b, 0);
    const h = holidayHoursFromPattern(2025, pattern, { paidPerOnSeatHour: 1.25 });
    expect(h.statutoryHolidayHours).toBeCloseTo(13 * perDay * 1.25, 9);
    expect(() => holidayHoursFromPattern(2025, [1, 2, 3])).toThrow(RangeError);
  });

  it('pays the holiday hours at 300 % of the hourly wage (monthly wage / 174) on top of the monthly wage', () => {
    const spec = defaultCostSpec();
    const n = 10;
    const hours = paidHoursFor7x24(2024, n);
    expect(hours.statutoryHoliday).toBe(24 * n * 11);
    expect(hours.normal + hours.statutoryHoliday).toBe(366 * 24 * n);
    expect(hours.night).toBe(366 * 8 * n); // 22:00–06:00 window
    expect(hours.restDayOvertime).toBe(0);
    const wage = 4000;
    const p = premiumCosts(hours, 50, wage, spec);
    expect(p.statutoryHoliday).toBeCloseTo(24 * n * 11 * (wage / 174) * 3, 6);
    expect(p.restDay).toBe(0); // off by default (comprehensive working hours)
    const inclusive = premiumCosts(hours, 50, wage, {
      ...spec,
      premiums: { ...spec.premiums, statutoryHoliday: { multiplier: 3, basis: 'inclusive' } },
    });
    expect(inclusive.statutoryHoliday).toBeCloseTo(24 * n * 11 * (wage / 174) * 2, 6);
  });
});
