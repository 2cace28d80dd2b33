/**
 * The result: the roster (for 'placed', shift variants with the chosen break times pinned), the
 * break plan, and an exact evaluation of the returned roster through the roster machinery.
 */
import { HOURS_PER_FTE_WEEK, minuteTimeline, minutesToIntervals, type DayGroups } from '../roster.ts';
import type { ShiftPattern, Shifts } from '../schema.ts';
import { resolveShifts, staggerCounts } from '../shifts.ts';
import { formatClock } from '../time.ts';
import { runsOn } from './columns.ts';
import { costOf, penaltyOf } from './cover.ts';
import type { ScheduleState } from './problem.ts';
import { elapsedSeconds, type StrategyOutcome } from './strategy.ts';
import type { BreakPlanEntry, ScheduleResult, UncoveredInterval } from './types.ts';

function offsetText(minutes: number): string {
  return `+${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export function scheduleResult(st: ScheduleState, outcome: StrategyOutcome): ScheduleResult {
  const { problem, pats, P, L, D, im, ipd, keep, step, startWeekday, open, r, maxOver, breakModel, s } = st;
  const { sol, status, gap, lowerBound, subset, solveSeconds, rows, cols, addedPeople, addedCost } = outcome;
  const peoplePerPattern: Record<string, number> = {};
  const patterns: Record<string, number> = {};
  const shifts: Shifts = {};
  const breakPlan: BreakPlanEntry[] = [];
  let paid = 0;
  let people = 0;
  let ptPeople = 0;
  sol.x.forEach((n, j) => {
    if (n <= 0) return;
    const p = pats[j];
    const cand = problem.candidates[p.sh.name];
    peoplePerPattern[p.sh.name] = n;
    paid += n * p.paidHoursPerWeek;
    people += n;
    if (p.sh.kind === 'part-time') ptPeople += n;
    const ys = p.breaks.map((b, bi) => {
      const y = breakModel === 'placed' ? sol.y.get(`${j}/${bi}`) : undefined;
      return y && y.reduce((a, v) => a + v, 0) === n ? y : [...staggerCounts(n, b.slots)];
    });
    p.breaks.forEach((b, bi) => {
      ys[bi].forEach((cnt, k) => {
        if (cnt > 0) {
          breakPlan.push({
            pattern: p.sh.name,
            break: b.index,
            paid: b.brk.paid,
            durationMinutes: b.brk.durationMinutes,
            start: formatClock(p.sh.startMinute + b.offsets[k]),
            people: cnt,
          });
        }
      });
    });
    if (breakModel !== 'placed' || p.breaks.length === 0) {
      patterns[p.sh.name] = n;
      shifts[p.sh.name] = cand;
      return;
    }
    // person i takes, for each break, the i-th slot of that break's sorted slot list
    const lists = p.breaks.map((b, bi) => ys[bi].flatMap((cnt, k) => new Array<number>(cnt).fill(k)));
    const combos = new Map<string, { slots: number[]; people: number }>();
    for (let person = 0; person < n; person++) {
      const slots = lists.map((l) => l[person]);
      const key = slots.join(',');
      const c = combos.get(key);
      if (c) c.people++;
      else combos.set(key, { slots, people: 1 });
    }
    for (const { slots, people: cnt } of combos.values()) {
      const chosen = new Map<number, number>(); // break index → chosen slot offset
      p.breaks.forEach((b, bi) => chosen.set(b.index, b.offsets[slots[bi]]));
      const pinned = (paidKind: boolean): ShiftPattern['paidBreaks'] =>
        p.sh.breaks.flatMap((b, idx) => {
          if (b.paid !== paidKind) return [];
          const e = chosen.get(idx) ?? b.earliestStartOffset;
          const l = chosen.has(idx) ? e + b.durationMinutes : b.latestEndOffset;
          return [{ durationMinutes: b.durationMinutes, window: { earliestStart: offsetText(e), latestEnd: offsetText(l) } }];
        });
      const variant: ShiftPattern = { ...cand };
      const unpaid = pinned(false);
      const paidB = pinned(true);
      if (unpaid?.length) variant.unpaidBreaks = unpaid;
      if (paidB?.length) variant.paidBreaks = paidB;
      const label = p.breaks.map((b, bi) => formatClock(p.sh.startMinute + b.offsets[slots[bi]])).join('/');
      const name = `${p.sh.name} | breaks ${label}`;
      patterns[name] = (patterns[name] ?? 0) + cnt;
      shifts[name] = variant;
    }
  });

  // evaluate the returned roster through the roster machinery (what the simulator will get)
  const rs = resolveShifts(shifts);
  const groups: DayGroups[] = Array.from({ length: D }, () => new Map());
  for (const [name, n] of Object.entries(patterns)) {
    const sh = rs.get(name)!;
    for (let d = 0; d < D; d++) if (runsOn(sh, d, D, startWeekday)) groups[d].set(name, (groups[d].get(name) ?? 0) + n);
  }
  const cover = minutesToIntervals(minuteTimeline(groups, 0, D, rs, 'onSeat', { cyclic: true, breakStepMinutes: step }), im);
  for (let i = 0; i < L; i++) cover[i] *= keep;

  const mk = (i: number): UncoveredInterval => ({ interval: i, day: Math.floor(i / ipd), time: formatClock((i % ipd) * im), required: r[i], covered: cover[i] });
  const uncovered: UncoveredInterval[] = [];
  const overstaffed: UncoveredInterval[] = [];
  for (let i = 0; i < L; i++) {
    if (!open[i]) continue;
    if (cover[i] < r[i] - 1e-6) uncovered.push(mk(i));
    if (maxOver !== undefined && cover[i] > r[i] + maxOver + 1e-6) overstaffed.push(mk(i));
  }
  const cost = costOf(st, sol.x);
  return {
    peoplePerPattern,
    roster: { patterns },
    shifts,
    breakPlan,
    onSeatPerInterval: cover,
    requiredPerInterval: r,
    paidHoursPerWeek: paid,
    headcount: { fte: paid / HOURS_PER_FTE_WEEK, people, partTimePeople: ptPeople },
    uncovered,
    overstaffed,
    solverStatus: status,
    objective: cost + penaltyOf(st, cover),
    cost,
    gapAchieved: Number.isFinite(gap) ? gap : null,
    lowerBound,
    solveSeconds,
    buildSeconds: elapsedSeconds(st) - solveSeconds,
    model: { breakModel, candidates: P, mipCandidates: subset.length, intervals: L, rows, columns: cols },
    repair: { addedPeople, addedCost },
    shrinkageUsed: s,
  };
}
