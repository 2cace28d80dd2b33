import { describe, expect, it } from 'vitest';
import type { Roster, Shifts } from './schema.ts';
import {
  headcountForOnSeat,
  onSeatFromRoster,
  onSeatFromRosterInt,
  paidHoursByCategory,
  rosterHeadcount,
  roundOnSeat,
} from './roster.ts';
import { slotOrder, staggerCounts } from './shifts.ts';

const threeShifts: Shifts = {
  早: { start: '08:00', lengthHours: 8 },
  中: { start: '16:00', lengthHours: 8 },
  夜: { start: '00:00', lengthHours: 8 },
};

const fourTeamsThreeShifts = (peoplePerTeam: number, anchorDate = '2024-03-04'): Roster => ({
  rotations: {
    四班三倒: {
      cycle: ['早', '早', '中', '中', '夜', '夜', '休', '休'],
      teams: 4,
      offsetDays: 2,
      anchorDate,
      peoplePerTeam,
    },
  },
});

const week = { startDate: '2024-03-04', days: 7, intervalMinutes: 30 }; // a Monday

describe('rotations', () => {
  it('四班三倒 (4 teams, 早早中中夜夜休休, offset 2) puts exactly one team on seat at every interval of a week', () => {
    for (const anchor of ['2024-03-04', '2023-12-31', '2024-03-09', '2025-01-01']) {
      const on = onSeatFromRoster(fourTeamsThreeShifts(1, anchor), threeShifts, undefined, week);
      expect(on.length).toBe(336);
      for (const v of on) expect(v).toBeCloseTo(1, 12);
    }
  });

  it('each team of 四班三倒 works 6 of 8 days: 42 paid h a week each, 168 h = 4.2 FTE in all', () => {
    const hc = rosterHeadcount(fourTeamsThreeShifts(1), threeShifts);
    expect(hc.lines[0].paidHoursPerPersonPerWeek).toBeCloseTo(42, 12);
    expect(hc.paidHoursPerWeek).toBeCloseTo(168, 12);
    expect(hc.fte).toBeCloseTo(4.2, 12);
    expect(hc.people).toBe(4);
  });

  it('a 12-hour day/night rotation 白夜休休 with 4 teams offset 1 covers 7×24, including the night spilling into day 0', () => {
    const shifts: Shifts = { 白: { start: '08:00', lengthHours: 12 }, 夜: { start: '20:00', lengthHours: 12 } };
    const roster: Roster = {
      rotations: { 两班: { cycle: ['白', '夜', '休', '休'], teams: 4, offsetDays: 1, anchorDate: '2024-01-01', peoplePerTeam: 3 } },
    };
    const on = onSeatFromRosterInt(roster, shifts, undefined, { startDate: '2024-03-04', days: 14, intervalMinutes: 15 });
    expect(on.length).toBe(14 * 96);
    for (const v of on) expect(v).toBe(3);
  });
});

describe('shifts crossing midnight', () => {
  it('a 22:00 + 10 h shift on Mondays covers Monday 22:00 – Tuesday 08:00 only', () => {
    const shifts: Shifts = { night: { start: '22:00', lengthHours: 10, days: ['Mon'] } };
    const on = onSeatFromRoster({ patterns: { night: 2 } }, shifts, undefined, { startDate: '2024-03-04', days: 3 });
    for (let i = 0; i < on.length; i++) {
      const expected = i >= 44 && i < 48 + 16 ? 2 : 0; // Mon 22:00 = interval 44; Tue 08:00 = 48 + 16
      expect(on[i], `interval ${i}`).toBe(expected);
    }
  });

  it('a Sunday night shift started the day before the horizon spills into its first morning', () => {
    const shifts: Shifts = { night: { start: '22:00', lengthHours: 10, days: [7] } };
    const on = onSeatFromRoster({ patterns: { night: 1 } }, shifts, undefined, { startDate: '2024-03-04', days: 1 });
    for (let i = 0; i < 48; i++) expect(on[i]).toBe(i < 16 ? 1 : 0);
  });

  it('a shift starting off the interval grid covers its partial intervals fractionally', () => {
    const shifts: Shifts = { s: { start: '08:15', lengthHours: 1 } };
    const on = onSeatFromRoster({ patterns: { s: 4 } }, shifts, undefined, { startDate: '2024-03-04', days: 1 });
    expect(on[16]).toBeCloseTo(2); // 08:00–08:30: 15 of 30 min
    expect(on[17]).toBeCloseTo(4);
    expect(on[18]).toBeCloseTo(2);
  });
});

describe('head count', () => {
  it('one seat staffed 7×24 at 0 % shrinkage = 168 / 40 = 4.2 FTE', () => {
    const ones = new Float64Array(336).fill(1);
    const hc = headcountForOnSeat(ones, week, 0);
    expect(hc.fte).toBeCloseTo(4.2, 12);
    expect(hc.paidHoursPerWeek).toBeCloseTo(168, 12);
    expect(headcountForOnSeat(ones, week).fte).toBeCloseTo(4.2, 12);
  });

  it('with shrinkage s the scheduled hours are on-seat hours / (1 − s)', () => {
    const ones = new Float64Array(336).fill(1);
    expect(headcountForOnSeat(ones, week, 0.3).fte).toBeCloseTo(6, 12);
    expect(headcountForOnSeat(ones, week, { annualLeave: 0.2, sickLeave: 0.25 }).fte).toBeCloseTo(4.2 / 0.6, 12);
    expect(headcountForOnSeat(ones, week, { annualLeave: 0.2, sickLeave: 0.25, combine: 'additive' }).fte).toBeCloseTo(4.2 / 0.55, 12);
  });
});

describe('shrinkage', () => {
  it('itemised shrinkage reduces on-seat agents only where people are scheduled, by the month of the interval', () => {
    const shifts: Shifts = { day: { start: '08:00', lengthHours: 8 } };
    const grid = { startDate: '2024-01-29', days: 7 }; // Jan 29 – Feb 4
    const feb = [0, 0.1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const on = onSeatFromRoster({ patterns: { day: 10 } }, shifts, { annualLeave: 0.05, sickLeave: 0.02, training: feb }, grid);
    const jan = 10 * 0.95 * 0.98;
    const febV = 10 * 0.95 * 0.98 * 0.9;
    for (let d = 0; d < 7; d++) {
      for (let k = 0; k < 48; k++) {
        const v = on[d * 48 + k];
        if (k < 16 || k >= 32) expect(v).toBe(0);
        else expect(v).toBeCloseTo(d < 3 ? jan : febV, 12);
      }
    }
    const add = onSeatFromRoster({ patterns: { day: 10 } }, shifts, { annualLeave: 0.05, sickLeave: 0.02, training: feb, combine: 'additive' }, grid);
    expect(add[16]).toBeCloseTo(10 * 0.93, 12);
    expect(add[3 * 48 + 16]).toBeCloseTo(10 * 0.83, 12);
  });
});

describe('break placement', () => {
  const shifts: Shifts = {
    day: {
      start: '08:00',
      lengthHours: 9,
      unpaidBreaks: [{ durationMinutes: 60, window: { earliestStart: '11:00', latestEnd: '14:00' } }],
      paidBreaks: [{ durationMinutes: 15, window: { earliestStart: '+6:00', latestEnd: '+7:30' } }],
    },
  };

  for (const [people, intervalMinutes] of [
    [1, 30],
    [7, 30],
    [7, 15],
    [23, 60],
    [40, 5],
  ] as const) {
    it(`breaks lie inside their windows and the dip totals people × break length (${people} people, ${intervalMinutes}-min grid)`, () => {
      const grid = { startDate: '2024-03-04', days: 1, intervalMinutes };
      const on = onSeatFromRoster({ patterns: { day: people } }, shifts, undefined, grid);
      const ipd = 1440 / intervalMinutes;
      let dipMinutes = 0;
      let maxDip = 0;
      for (let i = 0; i < ipd; i++) {
        const t = i * intervalMinutes;
        const scheduled = t >= 8 * 60 && t < 17 * 60 ? people : 0;
        const dip = scheduled - on[i];
        const inLunch = t + intervalMinutes > 11 * 60 && t < 14 * 60;
        const inRest = t + intervalMinutes > 14 * 60 && t < 15 * 60 + 30;
        if (!inLunch && !inRest) expect(dip, `dip outside the windows at ${t / 60} h`).toBeCloseTo(0, 12);
        expect(dip).toBeGreaterThanOrEqual(-1e-12);
        dipMinutes += dip * intervalMinutes;
        maxDip = Math.max(maxDip, dip);
      }
      expect(dipMinutes).toBeCloseTo(people * 75, 9);
      if (people > 1) expect(maxDip).toBeLessThan(people); // staggered, not all at once
    });
  }

  it('stagger: round-robin over a spread slot order — one person in the middle, then quarter points, then the rest', () => {
    expect(slotOrder(9)).toEqual([4, 2, 6, 1, 5, 3, 7, 0, 8]);
    for (const k of [1, 2, 3, 5, 8, 13, 17]) expect([...slotOrder(k)].sort((a, b) => a - b)).toEqual([...Array(k).keys()]);
    expect([...staggerCounts(1, 9)]).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect([...staggerCounts(3, 9)]).toEqual([0, 0, 1, 0, 1, 0, 1, 0, 0]);
    expect([...staggerCounts(20, 9)]).toEqual([2, 2, 3, 2, 3, 2, 2, 2, 2]);
    // nested: one more person adds one break in one slot
    for (let p = 0; p < 30; p++) {
      const a = staggerCounts(p, 7);
      const b = staggerCounts(p + 1, 7);
      expect(b.reduce((s, v, i) => s + v - a[i], 0)).toBe(1);
      expect([...b].every((v, i) => v >= a[i])).toBe(true);
    }
  });
});

describe('rounding for the simulator', () => {
  it('rounds half up and never goes below 0', () => {
    expect([...roundOnSeat([0.5, 1.49, 2.5, -0.3, 0.49, 3 * (1 - 1 / 6), 7])]).toEqual([1, 1, 3, 0, 0, 3, 7]);
  });
});

describe('paid hours by category', () => {
  it('splits a year of one 7×24 seat into normal, night, rest-day and holiday hours', () => {
    const shifts: Shifts = { 白: { start: '08:00', lengthHours: 12 }, 夜: { start: '20:00', lengthHours: 12 } };
    const roster: Roster = {
      rotations: { 两班: { cycle: ['白', '夜', '休', '休'], teams: 4, offsetDays: 1, anchorDate: '2024-01-01', peoplePerTeam: 1 } },
    };
    const cal = { statutoryHolidays: ['2024-10-01', '2024-10-02', '2024-10-03'], makeupWorkdays: ['2024-10-12'] };
    const h = paidHoursByCategory(roster, shifts, { startDate: '2024-01-01', days: 7 }, cal);
    expect(h.daysComputed).toBe(366);
    expect(h.total).toBeCloseTo(366 * 24, 9);
    expect(h.statutoryHoliday).toBeCloseTo(72, 9);
    expect(h.restDay).toBeCloseTo((104 - 1) * 24, 9); // 104 weekend days, one of them a make-up workday
    expect(h.night).toBeCloseTo((366 - 103 - 3) * 8, 9);
    expect(h.normal).toBeCloseTo((366 - 103 - 3) * 16, 9);
    expect(h.nightAll).toBeCloseTo(366 * 8, 9);
  });

  it('does not pay unpaid breaks, does pay paid breaks, and scales a short horizon to a year', () => {
    const shifts: Shifts = {
      d: {
        start: '09:00',
        lengthHours: 9,
        days: [1, 2, 3, 4, 5],
        unpaidBreaks: [{ durationMinutes: 60, window: { earliestStart: '12:00', latestEnd: '14:00' } }],
        paidBreaks: [{ durationMinutes: 20, window: { earliestStart: '15:00', latestEnd: '17:00' } }],
      },
    };
    const h = paidHoursByCategory({ patterns: { d: 2 } }, shifts, { startDate: '2024-03-04', days: 7 }, {}, { days: 7 });
    expect(h.total).toBeCloseTo(((2 * 5 * 8) * 365) / 7, 9);
    expect(h.restDay).toBe(0);
    expect(rosterHeadcount({ patterns: { d: 2 } }, shifts).fte).toBeCloseTo(2, 12);
  });
});
