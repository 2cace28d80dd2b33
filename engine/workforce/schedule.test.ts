import { describe, expect, it } from 'vitest';
import { generateShiftCandidates, workDaySets } from './candidates.ts';
import { onSeatFromRoster } from './roster.ts';
import { optimizeSchedule } from './schedule.ts';
import type { Shifts } from './schema.ts';

function stripBreaks(c: Shifts): Shifts {
  const out: Shifts = {};
  for (const [n, p] of Object.entries(c)) out[n] = { start: p.start, lengthHours: p.lengthHours, ...(p.days ? { days: p.days } : {}), ...(p.kind ? { kind: p.kind } : {}) };
  return out;
}

/** Hour-of-day requirement (24 values, 60-min intervals) for the brute-force cases. */
const DAY_REQ = [1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 3, 3, 4, 4, 3, 3, 2, 2, 2, 2, 1, 1, 1];

const SMALL: Shifts = {
  N: { start: '00:00', lengthHours: 8 },
  D: { start: '08:00', lengthHours: 8 },
  E: { start: '16:00', lengthHours: 8 },
  L: { start: '06:00', lengthHours: 12 },
  P: { start: '09:00', lengthHours: 4, kind: 'part-time' },
  Q: { start: '13:00', lengthHours: 4, kind: 'part-time' },
};

/** Cover per interval of one person on each pattern (no breaks: 0/1 by hour). */
function cover01(sh: Shifts[string]): number[] {
  const start = Number(sh.start.slice(0, 2));
  return Array.from({ length: 24 }, (_, h) => (((h - start + 24) % 24) < sh.lengthHours ? 1 : 0));
}

function bruteForce(req: number[], shifts: Shifts, cost: (name: string) => number, keep: number, maxEach: number) {
  const names = Object.keys(shifts);
  const cov = names.map((n) => cover01(shifts[n]));
  let best = { cost: Infinity, x: [] as number[] };
  const x = new Array<number>(names.length).fill(0);
  const rec = (j: number): void => {
    if (j === names.length) {
      for (let h = 0; h < req.length; h++) {
        let c = 0;
        for (let p = 0; p < names.length; p++) c += cov[p][h] * x[p] * keep;
        if (c < req[h] - 1e-9) return;
      }
      const total = x.reduce((s, v, p) => s + v * cost(names[p]), 0);
      if (total < best.cost - 1e-9) best = { cost: total, x: [...x] };
      return;
    }
    for (let v = 0; v <= maxEach; v++) {
      x[j] = v;
      rec(j + 1);
    }
    x[j] = 0;
  };
  rec(0);
  return best;
}

describe('schedule IP', () => {
  it('covers a small requirement at minimum paid-hours cost (checked by brute force)', async () => {
    const res = await optimizeSchedule({ requirement: DAY_REQ, intervalMinutes: 60, candidates: SMALL, solver: { mipRelGap: 0 } });
    const bf = bruteForce(DAY_REQ, SMALL, (n) => SMALL[n].lengthHours * 7, 1, 5);
    expect(res.uncovered).toEqual([]);
    expect(res.cost).toBeCloseTo(bf.cost, 9);
    expect(res.paidHoursPerWeek).toBeCloseTo(bf.cost, 9);
    expect(res.headcount.fte).toBeCloseTo(bf.cost / 40, 9);
    expect(res.solverStatus).toBe('optimal');
    for (let h = 0; h < 24; h++) expect(res.onSeatPerInterval[h]).toBeGreaterThanOrEqual(DAY_REQ[h] - 1e-9);
  });

  it('matches brute force with shrinkage and per-pattern cost weights (part-time dearer per hour)', async () => {
    const costPerPaidHour = { P: 1.6, Q: 1.6, L: 0.9 };
    const unit = (n: string): number => (costPerPaidHour[n as keyof typeof costPerPaidHour] ?? 1) * SMALL[n].lengthHours * 7;
    const res = await optimizeSchedule({
      requirement: DAY_REQ,
      intervalMinutes: 60,
      candidates: SMALL,
      shrinkage: 0.2,
      costPerPaidHour,
      solver: { mipRelGap: 0 },
    });
    const bf = bruteForce(DAY_REQ, SMALL, unit, 0.8, 6);
    expect(res.uncovered).toEqual([]);
    expect(res.cost).toBeCloseTo(bf.cost, 9);
    // the roster it returns gives the same on-seat curve through onSeatFromRoster
    const again = onSeatFromRoster(res.roster, res.shifts, 0.2, { startDate: '2024-03-04', days: 1, intervalMinutes: 60 });
    for (let h = 0; h < 24; h++) expect(again[h]).toBeCloseTo(res.onSeatPerInterval[h], 9);
  });

  it('an impossible requirement (cap of 1 person per pattern) still returns a schedule and the uncovered intervals', async () => {
    const req = new Array<number>(24).fill(3);
    const res = await optimizeSchedule({ requirement: req, intervalMinutes: 60, candidates: SMALL, maxPeoplePerPattern: 1 });
    expect(Object.values(res.peoplePerPattern).every((n) => n === 1)).toBe(true);
    expect(res.uncovered.length).toBeGreaterThan(0);
    for (const u of res.uncovered) {
      expect(u.required).toBe(3);
      expect(u.covered).toBeLessThan(3);
      expect(u.covered).toBeCloseTo(res.onSeatPerInterval[u.interval], 12);
    }
    // everything that can be covered is: each pattern is used once
    expect(res.peoplePerPattern).toEqual({ N: 1, D: 1, E: 1, L: 1, P: 1, Q: 1 });
    const covered = new Set(Array.from({ length: 24 }, (_, h) => h).filter((h) => res.onSeatPerInterval[h] >= 3));
    for (let h = 0; h < 24; h++) expect(res.uncovered.some((u) => u.interval === h)).toBe(!covered.has(h));
  });

  it('respects opening hours, night minimums and the overstaffing cap', async () => {
    const opening = { start: '08:00', end: '20:00' };
    // only D (08–16) and the part-timers fit inside 08–20: 17:00–20:00 cannot be covered, and says so
    const closed = await optimizeSchedule({ requirement: DAY_REQ, intervalMinutes: 60, candidates: SMALL, openingHours: opening, restrictShiftsToOpeningHours: true });
    expect(closed.uncovered.map((u) => u.time)).toEqual(['17:00', '18:00', '19:00']);
    expect(Object.keys(closed.peoplePerPattern).every((n) => ['D', 'P', 'Q'].includes(n))).toBe(true);
    const withM = { ...SMALL, M: { start: '12:00', lengthHours: 8 } };
    const open2 = await optimizeSchedule({ requirement: DAY_REQ, intervalMinutes: 60, candidates: withM, openingHours: opening, restrictShiftsToOpeningHours: true, solver: { mipRelGap: 0 } });
    expect(open2.uncovered).toEqual([]);
    for (let h = 0; h < 24; h++) if (h < 8 || h >= 20) expect(open2.onSeatPerInterval[h]).toBe(0);
    expect(Object.keys(open2.peoplePerPattern).every((n) => ['D', 'M', 'P', 'Q'].includes(n))).toBe(true);
    // without the restriction, closed hours need no cover but shifts may run into them
    const loose = await optimizeSchedule({ requirement: DAY_REQ, intervalMinutes: 60, candidates: withM, openingHours: opening, solver: { mipRelGap: 0 } });
    expect(loose.uncovered).toEqual([]);
    expect(loose.cost).toBeLessThanOrEqual(open2.cost + 1e-9);

    const night = await optimizeSchedule({ requirement: DAY_REQ, intervalMinutes: 60, candidates: SMALL, minOnSeatAtNight: 2 });
    expect(night.uncovered).toEqual([]);
    for (const h of [22, 23, 0, 1, 2, 3, 4, 5]) expect(night.onSeatPerInterval[h]).toBeGreaterThanOrEqual(2);

    const capped = await optimizeSchedule({ requirement: DAY_REQ, intervalMinutes: 60, candidates: SMALL, maxOverstaff: 0 });
    // exact cover of DAY_REQ with these blocks is impossible, so the soft cap reports where it binds
    expect(capped.uncovered).toEqual([]);
    for (const o of capped.overstaffed) expect(o.covered).toBeGreaterThan(o.required);
  });

  it('places breaks optimally: matches brute force over people and break slots (one day, 60-min grid)', async () => {
    const shifts: Shifts = {
      A: { start: '08:00', lengthHours: 9, unpaidBreaks: [{ durationMinutes: 60, window: { earliestStart: '11:00', latestEnd: '14:00' } }] },
      B: { start: '12:00', lengthHours: 9, unpaidBreaks: [{ durationMinutes: 60, window: { earliestStart: '15:00', latestEnd: '18:00' } }] },
      N: { start: '21:00', lengthHours: 12 },
    };
    const req = [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 3, 3, 2, 2, 2, 1, 1, 1, 1];
    const res = await optimizeSchedule({ requirement: req, intervalMinutes: 60, candidates: shifts, breakStepMinutes: 60, solver: { mipRelGap: 0 } });
    // brute force: x_A, x_B people, their lunches split over 3 hourly slots, x_N
    const compositions = (n: number): number[][] => {
      const out: number[][] = [];
      for (let a = 0; a <= n; a++) for (let b = 0; a + b <= n; b++) out.push([a, b, n - a - b]);
      return out;
    };
    let best = Infinity;
    for (let xa = 0; xa <= 4; xa++)
      for (const ya of compositions(xa))
        for (let xb = 0; xb <= 4; xb++)
          for (const yb of compositions(xb))
            for (let xn = 0; xn <= 2; xn++) {
              let ok = true;
              for (let h = 0; h < 24 && ok; h++) {
                let c = 0;
                if (h >= 8 && h < 17) c += xa - (h >= 11 && h < 14 ? ya[h - 11] : 0);
                if (h >= 12 && h < 21) c += xb - (h >= 15 && h < 18 ? yb[h - 15] : 0);
                if (h >= 21 || h < 9) c += xn;
                if (c < req[h]) ok = false;
              }
              if (ok) best = Math.min(best, (xa + xb) * 8 * 7 + xn * 12 * 7);
            }
    expect(res.uncovered).toEqual([]);
    expect(res.cost).toBeCloseTo(best, 9);
    // the returned variants carry the chosen lunch hours, and reproduce the cover through onSeatFromRoster
    const again = onSeatFromRoster(res.roster, res.shifts, undefined, { startDate: '2024-03-04', days: 1, intervalMinutes: 60 });
    for (let h = 0; h < 24; h++) expect(again[h]).toBeCloseTo(res.onSeatPerInterval[h], 9);
    const lunches = res.breakPlan.filter((b) => b.pattern === 'A').reduce((a, b) => a + b.people, 0);
    expect(lunches).toBe(res.peoplePerPattern.A ?? 0);
  });

  for (const breakModel of ['placed', 'expected', 'exact'] as const) {
    it(`week with 5-day patterns and breaks (${breakModel}): the returned roster covers the requirement`, async () => {
      const candidates = generateShiftCandidates({ startEveryMinutes: 120, partTime: false });
      expect(Object.keys(candidates).length).toBe(12 * 3 * 7);
      const req: number[] = [];
      for (let d = 0; d < 7; d++) {
        for (let k = 0; k < 48; k++) {
          const h = k / 2;
          const base = h < 7 ? 2 : h < 9 ? 6 : h < 12 ? 14 : h < 14 ? 10 : h < 17 ? 13 : h < 21 ? 7 : 3;
          req.push(d >= 5 ? Math.ceil(base * 0.6) : base);
        }
      }
      // This week (252 candidates, placed breaks) does not reach the node limit in a minute, so the
      // time limit ends it; the test checks the cover, which a cut solve now keeps (strategy.ts).
      const res = await optimizeSchedule({ requirement: req, candidates, shrinkage: 0.25, breakModel, solver: { timeLimitSeconds: 4 } });
      expect(res.uncovered).toEqual([]);
      expect(res.lowerBound).not.toBeNull();
      if (breakModel === 'expected') expect(res.cost).toBeGreaterThanOrEqual(res.lowerBound! - 1e-6); // a valid bound there
      // what the simulator gets: the roster through onSeatFromRoster over a real week (Monday start)
      const week = onSeatFromRoster(res.roster, res.shifts, 0.25, { startDate: '2024-03-04', days: 7 });
      for (let i = 0; i < 336; i++) {
        expect(week[i]).toBeCloseTo(res.onSeatPerInterval[i], 9);
        expect(week[i]).toBeGreaterThanOrEqual(req[i] - 1e-6);
      }
      // payroll: 5-day patterns are real people; 9-h shifts pay 8 h (unpaid lunch), 8-h and 12-h pay all
      const ph = Object.entries(res.peoplePerPattern).reduce((a, [n, x]) => {
        const len = candidates[n].lengthHours;
        return a + x * 5 * (len === 9 ? 8 : len);
      }, 0);
      expect(res.paidHoursPerWeek).toBeCloseTo(ph, 9);
      expect(res.headcount.fte).toBeCloseTo(ph / 40, 9);
      console.log(`[${breakModel}] 252 candidates → ${res.model.mipCandidates} in MIP: cost ${res.cost}, LP bound ${res.lowerBound?.toFixed(1)}, status ${res.solverStatus}, HiGHS ${res.solveSeconds.toFixed(2)} s`);
    });
  }
});

describe('candidate generation', () => {
  it('generates starts × lengths × day-off patterns, with 5-day weeks by default', () => {
    const c = generateShiftCandidates({ startEveryMinutes: 30 });
    expect(Object.keys(c).length).toBe(48 * 4 * 7);
    expect(c['FT9h@08:00 Mon-Fri']).toEqual({
      start: '08:00',
      lengthHours: 9,
      kind: 'full-time',
      unpaidBreaks: [{ durationMinutes: 60, window: { earliestStart: '+3:00', latestEnd: '+6:00' } }],
      days: [1, 2, 3, 4, 5],
    });
    expect(c['PT4h@22:30 Sat-Wed']?.days).toEqual([1, 2, 3, 6, 7]);
    expect(workDaySets('five-any').length).toBe(21);
    expect(Object.keys(generateShiftCandidates({ workDays: 'every-day', lengths: [8], partTime: false })).length).toBe(24);
  });
});

// The default suite measures the brief's case once; WF_PERF=1 adds model variants and 1,344 generated candidates.
const fullPerf = process.env.WF_PERF === '1';

// Timings belong to the benchmark (npm run bench), not to CI: this runs only with WF_PERF=1.
describe.skipIf(!fullPerf)('performance (measured, not asserted)', () => {
  it('48 intervals/day × 7 days with 20 shift patterns', async () => {
    const req: number[] = [];
    for (let d = 0; d < 7; d++) {
      for (let k = 0; k < 48; k++) {
        const h = k / 2;
        const shape = 3 + 30 * Math.exp(-((h - 10) ** 2) / 6) + 24 * Math.exp(-((h - 15) ** 2) / 8);
        req.push(Math.round(shape * (d >= 5 ? 0.7 : 1)));
      }
    }
    // 20 patterns: 8-h shifts every 2 h daily (12), 12-h day/night (2), 9-h Mon–Fri at 4 starts, 4-h part-time at 2 starts
    const candidates: Shifts = {};
    for (let t = 0; t < 24; t += 2) {
      candidates[`8h@${t}`] = {
        start: `${String(t).padStart(2, '0')}:00`,
        lengthHours: 8,
        paidBreaks: [{ durationMinutes: 30, window: { earliestStart: '+3:00', latestEnd: '+5:30' } }],
      };
    }
    candidates['12h day'] = { start: '08:00', lengthHours: 12, paidBreaks: [{ durationMinutes: 60, window: { earliestStart: '+4:00', latestEnd: '+8:00' } }] };
    candidates['12h night'] = { start: '20:00', lengthHours: 12, paidBreaks: [{ durationMinutes: 60, window: { earliestStart: '+4:00', latestEnd: '+8:00' } }] };
    for (const t of ['07:00', '08:00', '09:00', '10:00']) {
      candidates[`9h@${t} Mon-Fri`] = {
        start: t,
        lengthHours: 9,
        days: [1, 2, 3, 4, 5],
        unpaidBreaks: [{ durationMinutes: 60, window: { earliestStart: '+3:00', latestEnd: '+6:00' } }],
      };
    }
    candidates['4h@09:30'] = { start: '09:30', lengthHours: 4, kind: 'part-time' };
    candidates['4h@13:30'] = { start: '13:30', lengthHours: 4, kind: 'part-time' };
    expect(Object.keys(candidates).length).toBe(20);
    for (const [label, extra] of (fullPerf ? [
      ['no breaks in the model (breaks stripped), s = 0.3', { candidates: stripBreaks(candidates) }],
      ['placed breaks, s = 0', { shrinkage: 0 }],
      ['expected breaks, s = 0.3', { breakModel: 'expected' as const }],
      ['placed breaks, s = 0.3, mipRelGap 0.02', { solver: { mipRelGap: 0.02 } }],
    ] : []) as [string, Partial<Parameters<typeof optimizeSchedule>[0]>][]) {
      const r0 = await optimizeSchedule({ requirement: req, candidates, shrinkage: 0.3, minOnSeatAtNight: 3, maxPartTimeShare: 0.2, ...extra });
      console.log(`[perf] 336 × 20, ${label}: HiGHS ${r0.solveSeconds.toFixed(3)} s, status ${r0.solverStatus}, gap ${r0.gapAchieved?.toExponential(2)}, FTE ${r0.headcount.fte.toFixed(1)}`);
    }
    const t0 = performance.now();
    const res = await optimizeSchedule({ requirement: req, candidates, shrinkage: 0.3, minOnSeatAtNight: 3, maxPartTimeShare: 0.2 });
    const wall = (performance.now() - t0) / 1000;
    console.log(
      `[perf] 336 × 20, placed breaks, s = 0.3 (default): HiGHS ${res.solveSeconds.toFixed(3)} s, build+eval ${res.buildSeconds.toFixed(3)} s, wall ${wall.toFixed(3)} s; status ${res.solverStatus}, gap ${res.gapAchieved?.toExponential(2)}, FTE ${res.headcount.fte.toFixed(1)}, uncovered ${res.uncovered.length}`,
    );
    expect(res.uncovered).toEqual([]);

    if (!fullPerf) return;
    const big = generateShiftCandidates({ startEveryMinutes: 30 });
    const t1 = performance.now();
    const res2 = await optimizeSchedule({ requirement: req, candidates: big, shrinkage: 0.3, minOnSeatAtNight: 3, maxPartTimeShare: 0.2 });
    const wall2 = (performance.now() - t1) / 1000;
    console.log(
      `[perf] 336 intervals × ${res2.model.candidates} generated patterns: HiGHS ${res2.solveSeconds.toFixed(3)} s, build+eval ${res2.buildSeconds.toFixed(3)} s, wall ${wall2.toFixed(3)} s; status ${res2.solverStatus}, MIP gap ${res2.gapAchieved?.toExponential(2)}, cost ${res2.cost} vs LP bound ${res2.lowerBound?.toFixed(1)}, FTE ${res2.headcount.fte.toFixed(1)} (20-pattern set: ${res.headcount.fte.toFixed(1)}), uncovered ${res2.uncovered.length}`,
    );
  });
});
