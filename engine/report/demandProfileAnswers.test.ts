// Issue 21 item 3: a demand profile puts on seat what its people can work, no more. The answers
// printed by `staff`, `run` and `budget` show it; a head count too small for the profile's floor
// is priced with the people the floor needs, and says so.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headcountForTarget } from '../experiment/search/headcountAnswer.ts';
import { budgetStudy } from '../experiment/studies/budgetStudy.ts';
import { runScenario } from '../experiment/studies/run.ts';
import { loadScenario } from '../scenario/load.ts';
import { floorHeadcount, phonePeople } from '../workforce/staffing.ts';
import { formatBudgetSummary } from './budgetReport.ts';
import { formatAmount } from './format.ts';
import { formatRunReport } from './runReport.ts';
import { formatStaffSummary } from './staffReport.ts';

const YONGCHUAN = join(new URL('../../scenarios/', import.meta.url).pathname, 'yongchuan-2011.yaml');

describe('Yongchuan, staff --target connection=0.95 (the demand profile row)', () => {
  it('shows on seat the head count’s people on the phones / people per seat, not more', async () => {
    // The whole year as the command runs it, fewer replications.
    const overrides = { replications: 3 };
    const a = await headcountForTarget(YONGCHUAN, { target: { kind: 'connectionRate', value: 0.95 }, mode: 'profile', overrides });
    const r = a.result;
    const s = loadScenario(YONGCHUAN, overrides);
    const expected = phonePeople(r.headcount, s.payroll) / r.peoplePerSeat;
    // The kept seat-hours are round(mean × intervals): the mean is exact to half an interval's seat.
    expect(Math.abs(r.agentsOnSeat - expected)).toBeLessThanOrEqual(0.5 / s.nIntervals + 1e-12);
    const screen = formatStaffSummary({
      scenario: s.name,
      target: r.target,
      period: a.period,
      intervalMinutes: s.intervalSeconds / 60,
      serviceLevelSeconds: s.serviceLevelSeconds,
      answers: [r],
      roster: null,
    });
    const row = screen.split('\n').find((l) => l.startsWith('demand profile'))!;
    expect(row).toMatch(new RegExp(`\\s${formatAmount(r.headcount)}\\s+${formatAmount(expected, 1).replace('.', '\\.')}\\s`));
    // never below the floor's people
    expect(r.headcount).toBeGreaterThanOrEqual(floorHeadcount(s.staffing.minOnSeat, r.peoplePerSeat, s.payroll));
  });
});

describe('a head count below the demand profile’s floor', () => {
  const overrides = { headcount: 4, horizonHours: 48, replications: 2 };

  it('run: the floor is on seat, and the people it needs are named', () => {
    const s = loadScenario(YONGCHUAN, overrides);
    expect(s.staffing.floorAdded).toBe(floorHeadcount(1, 6, s.payroll) - 4);
    const text = formatRunReport(runScenario(s));
    expect(text).toContain(`4 people on the payroll (+ ${s.staffing.floorAdded} the floor needs: ${4 + s.staffing.floorAdded} priced)`);
  });

  it('budget: prices the head count with those people, and says why', () => {
    const b = budgetStudy({ file: YONGCHUAN, overrides });
    const added = floorHeadcount(1, 6, b.at.pricing.payroll) - 4;
    expect(b.at.headcount).toBe(4 + added);
    expect(b.at.floor).toEqual({ added, minOnSeat: 1 });
    expect(formatBudgetSummary(b)).toContain(`(given 4 + ${added} added: 1 on seat at every hour needs ${4 + added}`);
  });
});

describe('staff: each label of the table comes from what was computed', () => {
  it('the roster row and the Roster lines count the same intervals and FTE; a month target names its months', async () => {
    const overrides = { horizonHours: 59 * 24, replications: 2 };
    const target = { kind: 'connectionRate', value: 0.95 } as const;
    const roster = await headcountForTarget(YONGCHUAN, { target, mode: 'roster', overrides });
    const profile = await headcountForTarget(YONGCHUAN, { target, mode: 'profile', overrides });
    const s = loadScenario(YONGCHUAN, overrides);
    const study = roster.roster!;
    const screen = formatStaffSummary({
      scenario: s.name,
      target,
      period: 'month',
      intervalMinutes: 30,
      serviceLevelSeconds: s.serviceLevelSeconds,
      answers: [roster.result, profile.result],
      roster: study,
    });
    const lines = screen.split('\n');
    const n = (x: number) => x.toLocaleString('en-US');
    if (study.intervalsMissingTarget > 0) {
      expect(lines.find((l) => l.startsWith('roster,'))).toContain(`roster, ${n(study.intervalsMissingTarget)} of ${n(study.intervalsChecked)} intervals under`);
      expect(screen).toContain(`${n(study.intervalsMissingTarget)} of ${n(study.intervalsChecked)} intervals with calls under the target`);
    }
    // the FTE beside the people in the table is the one the Roster line gives (no payroll: the same people)
    const fte = roster.result.fte!;
    expect(lines.find((l) => l.startsWith('roster,'))).toContain(`${formatAmount(roster.result.headcount)} (${fte.toFixed(1)})`);
    expect(screen).toContain(`${fte.toFixed(1)} FTE priced`);
    // a horizon longer than the week the roster is set on names that week
    expect(screen.replace(/\n\s+/g, ' ')).toContain(`set on the requirement of the busiest week (${study.requirementWeek.start} – `);
    // 59 days from 1 January: January and February whole, named as such
    const row = lines.find((l) => l.startsWith('demand profile'))!;
    expect(row).toMatch(/^demand profile, each of 2 months\s/);
    expect(screen).not.toMatch(/\(\d+\)/);
  });
});
