/**
 * The solve strategy (see ../schedule.ts): (1) LP column reduction above `reduceColumnsAbove`
 * candidates, (2) the expected-break MIP from a greedy start with a greedy repair, (3) the IP that
 * places the breaks ('placed') or models the stagger rule exactly ('exact'), all in one time budget.
 */
import { costOf, coverOf, penaltyOf, shortfallOf, yStagger } from './cover.ts';
import { greedy } from './greedy.ts';
import { solveModel, type SolveOut } from './lp.ts';
import type { ScheduleState, Sol } from './problem.ts';
import type { BreakModel, HighsRuntime } from './types.ts';

/** What the strategy chose, and what it cost to find. */
export interface StrategyOutcome {
  sol: Sol;
  status: string;
  gap: number;
  lowerBound: number | null;
  /** Candidates in the MIP after LP column reduction. */
  subset: number[];
  solveSeconds: number;
  rows: number;
  cols: number;
  addedPeople: number;
  addedCost: number;
}

/** Seconds since the solve started. */
export function elapsedSeconds(st: ScheduleState): number {
  return (performance.now() - st.t0) / 1000;
}

/** The status when HiGHS returned no roster (e.g. its time limit came first): the greedy cover stands. */
function noRosterFound(highsStatus: string): string {
  return `greedy cover (HiGHS found no roster: ${highsStatus})`;
}

export function runStrategy(st: ScheduleState, highs: HighsRuntime): StrategyOutcome {
  const { problem, pats, P, breakModel, timeLimit } = st;
  const all = pats.map((_, j) => j);
  const zeros = new Array<number>(P).fill(0);
  const hasBreaks = pats.some((p) => p.breaks.length > 0);
  const remaining = (): number => timeLimit - elapsedSeconds(st);
  const stagger = (x: number[]): Sol => ({ x, y: yStagger(st, x) });
  const score = (z: Sol, model: BreakModel): number => costOf(st, z.x) + penaltyOf(st, coverOf(st, z, model));
  let solveSeconds = 0;
  let rows = 0;
  let cols = 0;
  const run = (model: BreakModel, subset: number[], start: Sol, share = 1): SolveOut | null => {
    if (subset.length === 0) return null;
    const out = solveModel(st, highs, model, subset, false, remaining() * share, start);
    solveSeconds += out.seconds;
    rows = out.rows;
    cols = out.cols;
    return out;
  };

  // 1. LP column reduction: the expected-break LP over all candidates (small; its optimum is a valid
  //    lower bound for breakModel 'expected'); keep the candidates it uses most, then those priced ~0.
  let subset = all;
  let lowerBound: number | null = null;
  if (P > (problem.reduceColumnsAbove ?? 60)) {
    const lpOut = solveModel(st, highs, 'expected', all, true, remaining(), null);
    solveSeconds += lpOut.seconds;
    if (lpOut.sol && lpOut.status === 'optimal') {
      lowerBound = lpOut.objective;
      const xl = lpOut.sol.x;
      const rc = lpOut.reducedCost!;
      const maxMip = problem.maxMipCandidates ?? 100;
      const used = all.filter((j) => xl[j] > 1e-6).sort((a, b) => xl[b] - xl[a]);
      const priced = all.filter((j) => !(xl[j] > 1e-6)).sort((a, b) => rc[a] / pats[a].cost - rc[b] / pats[b].cost);
      subset = [...used, ...priced].slice(0, Math.max(maxMip, Math.min(used.length, 2 * maxMip))).sort((a, b) => a - b);
    }
  }
  const reduced = subset.length < P;

  // 2. MIP with breaks as expected dips ('expected', 'exact', and 'placed' on a reduced set), then a
  //    greedy repair so that the breaks as actually staggered cover the requirement.
  let sol: Sol = stagger(zeros);
  let status = 'no candidates';
  let gap = Infinity;
  let addedPeople = 0;
  let addedCost = 0;
  const expectedFirst = breakModel !== 'placed' || (reduced && hasBreaks);
  if (expectedFirst) {
    const start = stagger(greedy(st, zeros, subset, 'expected'));
    const out = run('expected', subset, start, breakModel === 'expected' ? 1 : 0.5);
    const x0 = out?.sol?.x ?? start.x;
    status = out ? (out.sol ? out.status : noRosterFound(out.status)) : status;
    gap = out?.sol ? out.gap : Infinity;
    const x = greedy(st, x0, all, 'exact');
    addedPeople = x.reduce((a, v, j) => a + v - x0[j], 0);
    addedCost = costOf(st, x) - costOf(st, x0);
    sol = stagger(x);
  }

  // 3. 'placed': the IP places the breaks (over the reduced set's chosen patterns if step 2 ran);
  //    'exact': the stagger rule modelled exactly, warm-started from step 2.
  if (breakModel === 'placed' || (breakModel === 'exact' && hasBreaks)) {
    const model: BreakModel = breakModel;
    const start = expectedFirst ? sol : stagger(greedy(st, zeros, subset, 'exact'));
    const cand = expectedFirst
      ? breakModel === 'placed'
        ? all.filter((j) => start.x[j] > 0)
        : [...new Set([...subset, ...all.filter((j) => start.x[j] > 0)])].sort((a, b) => a - b)
      : subset;
    const out = run(model, cand, start);
    const startScore = score(start, 'exact');
    if (out?.sol) {
      const cand2 = model === 'placed' ? out.sol : stagger(out.sol.x);
      // A solve cut short (time or node limit) may stop at a roster that is cheaper only because it
      // leaves intervals short: then its start, which covers more, stands (so how busy the machine
      // was cannot turn a covering roster into a short one).
      const shorter = out.status !== 'optimal' && shortfallOf(st, coverOf(st, cand2, model)) > shortfallOf(st, coverOf(st, start, 'exact')) + 1e-6;
      if (!shorter && score(cand2, model) <= startScore + 1e-9) {
        sol = cand2;
        status = out.status;
        gap = out.gap;
      } else {
        // HiGHS's roster (typically cut short by its limit) costs more than the start it was given:
        // the start stands, and the status says so rather than keeping the initial placeholder.
        sol = start;
        if (!expectedFirst) status = `greedy cover (HiGHS's roster, ${out.status}, cost more)`;
      }
    } else {
      sol = start;
      if (out) status = expectedFirst ? status : noRosterFound(out.status);
    }
  }
  return { sol, status, gap, lowerBound, subset, solveSeconds, rows, cols, addedPeople, addedCost };
}
