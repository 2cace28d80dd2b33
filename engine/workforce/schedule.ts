/**
 * Shift-schedule optimisation: how many people on each candidate shift pattern, as an integer
 * programme solved by HiGHS (WebAssembly).
 *
 *   minimise   Σ_p c_p·x_p + M_u·Σ_i u_i + M_v·Σ_i v_i
 *   subject to (1 − s)·cover_i + u_i ≥ r_i                      every open interval with r_i > 0
 *              (1 − s)·cover_i − v_i ≤ r_i + maxOverstaff       every open interval (if maxOverstaff)
 *              Σ_{p part-time} h_p·x_p ≤ f·Σ_p h_p·x_p          (if maxPartTimeShare = f)
 *              x_p ∈ {0, 1, …, cap_p},  u_i, v_i ≥ 0
 *
 * x_p = people on pattern p, each working it on each of its days; c_p = paid hours a week × cost
 * weight (+ cost per person); r_i = the requirement, raised to minOnSeat / minOnSeatAtNight and
 * zero outside opening hours; s = shrinkage (coverage rows are divided by 1 − s, so coefficients
 * stay 0, ½, 1 where possible). cover_i = Σ_p a_ip·x_p − (break dips), a_ip = share of interval i
 * inside p's shift (partial intervals count fractionally). Breaks, by `breakModel`:
 *
 *  - 'placed' (default): the IP places the breaks. Integer y_pbk = people of p taking break b in
 *    slot k, Σ_k y_pbk = x_p, dip Σ_k o_ibk·y_pbk (o = share of interval i lost by one person in
 *    slot k). The result lists one shift variant per break-time combination (windows narrowed to
 *    the chosen times), so onSeatFromRoster reproduces the IP's cover exactly.
 *  - 'expected': each break is its expected dip under the stagger rule of shifts.ts (1/K of a
 *    person per slot: fractional coverage), then a greedy repair adds the cheapest people until the
 *    breaks as actually staggered cover the requirement. Returns the original patterns.
 *  - 'exact': as 'expected', then the stagger rule modelled exactly (integer q = ⌊x/K⌋ and binaries
 *    β_r = [r < x mod K], x = K·q + Σβ, β non-increasing) is solved warm-started from the repaired
 *    schedule in the remaining time. Slow to prove; use for small candidate sets.
 *
 * u_i (shortfall) and v_i (overstaffing above the cap) keep the model always feasible. Penalties:
 * M_v = the dearest pattern's weekly cost; M_u big enough that covering always beats the
 * overstaffing cap, which in turn is worth a pattern-week of cost per agent-interval.
 *
 * Solve strategy: (1) a greedy constructive schedule (best deficit covered per unit cost) is the
 * MIP start, so a schedule is returned even if HiGHS stops at its time limit without an incumbent;
 * (2) with more candidates than `reduceColumnsAbove` (default 60), the LP relaxation of the
 * expected-break model over all candidates is solved first and the MIP keeps the candidates the LP
 * uses most, then those it prices near zero (`maxMipCandidates`, default 100); that LP optimum is
 * reported as `lowerBound` (a valid bound for 'expected', indicative for 'placed'); for 'placed' on
 * a reduced set, the expected-break MIP picks the patterns and a second MIP over the patterns it
 * used places the breaks; (3) HiGHS always runs with mip_rel_gap (default 0.005) and a time limit
 * (default 10 s, shared by all stages).
 *
 * The period (one representative week or day) repeats: a shift running past its end wraps to the
 * start. With a one-day period the patterns' `days` are ignored (every pattern runs daily).
 * `onSeatPerInterval` and `uncovered` are re-evaluated through the roster functions on the returned
 * roster, so they are what the simulator will get.
 *
 * This file is the module's public entry: it states the problem's types (schedule/types.ts),
 * composes the stages and maps the YAML settings. The stages live in schedule/: problem.ts (the
 * resolved problem as plain data), columns.ts (candidate patterns on the interval grid), cover.ts
 * (evaluating a solution), greedy.ts, lp.ts (the IP/LP and HiGHS), strategy.ts (the solve steps)
 * and result.ts (roster, break plan, exact evaluation).
 */
import { generateShiftCandidates } from './candidates.ts';
import type { ScheduleOptimisation, ShiftPattern, Shifts, Shrinkage } from './schema.ts';
import { loadHighs } from './schedule/lp.ts';
import { resolveScheduleProblem } from './schedule/problem.ts';
import { scheduleResult } from './schedule/result.ts';
import { runStrategy } from './schedule/strategy.ts';
import type { HighsRuntime, ScheduleProblem, ScheduleResult } from './schedule/types.ts';

export { loadHighs } from './schedule/lp.ts';
export type { BreakModel, BreakPlanEntry, ClockRange, ScheduleProblem, ScheduleResult, UncoveredInterval } from './schedule/types.ts';

/** Solve the shift-scheduling IP (see the module comment). */
export async function optimizeSchedule(problem: ScheduleProblem): Promise<ScheduleResult> {
  const t0 = performance.now();
  const highs = problem.solver?.highs ?? (await loadHighs());
  const st = resolveScheduleProblem(problem, t0);
  return scheduleResult(st, runStrategy(st, highs));
}


/**
 * Turn the YAML `scheduleOptimisation` settings into a ScheduleProblem: generates the candidates,
 * adds `includeShifts` from the scenario's shifts, maps per-kind cost weights.
 */
export function scheduleProblemFromConfig(
  config: ScheduleOptimisation,
  requirement: ArrayLike<number>,
  context: { intervalMinutes?: number; startWeekday?: number; shifts?: Shifts; shrinkage?: Shrinkage; shrinkageMonth?: number; highs?: HighsRuntime } = {},
): ScheduleProblem {
  const candidates: Shifts = config.candidates || !config.includeShifts?.length ? generateShiftCandidates(config.candidates ?? {}) : {};
  for (const name of config.includeShifts ?? []) {
    const p = context.shifts?.[name];
    if (!p) throw new Error(`scheduleOptimisation.includeShifts: unknown shift "${name}"`);
    candidates[name] = p;
  }
  const cph = config.costPerPaidHour;
  return {
    requirement,
    intervalMinutes: context.intervalMinutes,
    startWeekday: context.startWeekday,
    candidates,
    shrinkage: context.shrinkage,
    shrinkageMonth: context.shrinkageMonth,
    costPerPaidHour:
      cph === undefined || typeof cph === 'number'
        ? cph
        : (_name: string, p: ShiftPattern) => (p.kind === 'part-time' ? cph['part-time'] : cph['full-time']) ?? 1,
    costPerPerson: config.costPerPerson,
    openingHours: config.openingHours,
    restrictShiftsToOpeningHours: config.restrictShiftsToOpeningHours,
    maxPeoplePerPattern: config.maxPeoplePerPattern,
    minOnSeat: config.minOnSeat,
    minOnSeatAtNight: config.minOnSeatAtNight,
    nightHours: config.nightHours,
    maxOverstaff: config.maxOverstaff,
    maxPartTimeShare: config.maxPartTimeShare,
    breakModel: config.breakModel,
    breakStepMinutes: config.breakStepMinutes,
    solver: { mipRelGap: config.mipRelGap, timeLimitSeconds: config.timeLimitSeconds, highs: context.highs },
  };
}
