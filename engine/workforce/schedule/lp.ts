/**
 * The integer programme (or its LP relaxation) over a subset of the columns, built as a sparse
 * matrix and solved by HiGHS (WebAssembly). See ../schedule.ts for the model.
 */
import highsLoader from 'highs';
import { coverOf, yStagger } from './cover.ts';
import type { ScheduleState, Sol } from './problem.ts';
import type { BreakModel, HighsRuntime } from './types.ts';

let highsPromise: Promise<HighsRuntime> | undefined;

/** The HiGHS WebAssembly runtime, loaded once per process. */
export function loadHighs(): Promise<HighsRuntime> {
  highsPromise ??= (highsLoader as unknown as () => Promise<HighsRuntime>)();
  return highsPromise;
}

const STATUS_NAMES: Record<number, string> = {
  0: 'notSet',
  1: 'loadError',
  2: 'modelError',
  3: 'presolveError',
  4: 'solveError',
  5: 'postsolveError',
  6: 'empty',
  7: 'optimal',
  8: 'infeasible',
  9: 'unboundedOrInfeasible',
  10: 'unbounded',
  11: 'objectiveBound',
  12: 'objectiveTarget',
  13: 'timeLimit',
  14: 'iterationLimit',
  15: 'unknown',
  16: 'solutionLimit',
  17: 'interrupted',
};

/** Sparse linear-programme builder (columns appended with their row entries). */
class LpBuilder {
  rowLower: number[] = [];
  rowUpper: number[] = [];
  starts: number[] = [0];
  indices: number[] = [];
  values: number[] = [];
  colCost: number[] = [];
  colLower: number[] = [];
  colUpper: number[] = [];
  integrality: (0 | 1)[] = [];
  start: number[] = [];
  addRow(lower: number, upper: number): number {
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    return this.rowLower.length - 1;
  }
  addCol(cost: number, lower: number, upper: number, integer: boolean, entries: Map<number, number>, start = 0): number {
    for (const [row, v] of entries) {
      if (Math.abs(v) <= 1e-12) continue;
      this.indices.push(row);
      this.values.push(v);
    }
    this.starts.push(this.indices.length);
    this.colCost.push(cost);
    this.colLower.push(lower);
    this.colUpper.push(upper);
    this.integrality.push(integer ? 1 : 0);
    this.start.push(start);
    return this.colCost.length - 1;
  }
}

export interface SolveOut {
  sol: Sol | null;
  status: string;
  objective: number;
  gap: number;
  seconds: number;
  rows: number;
  cols: number;
  /** LP only: reduced costs of the x columns */
  reducedCost?: number[];
}

/** The model over a subset of columns: the sparse matrix, and which columns hold x_p and y_pbk. */
interface BuiltModel {
  lp: LpBuilder;
  xCol: Map<number, number>;
  yCols: Map<string, number[]>;
}

function buildModel(st: ScheduleState, model: BreakModel, subset: number[], relax: boolean, start: Sol | null): BuiltModel {
  const { problem, L, open, r, keep, maxOver, pats, Mu, Mv, integralObjective } = st;
  const lp = new LpBuilder();
  const covRow = new Int32Array(L).fill(-1);
  const ovRow = new Int32Array(L).fill(-1);
  // coverage rows divided by (1 − s): scheduled on-seat ≥ r / (1 − s)
  for (let i = 0; i < L; i++) if (open[i] && r[i] > 1e-9) covRow[i] = lp.addRow(r[i] / keep, Infinity);
  if (maxOver !== undefined) for (let i = 0; i < L; i++) if (open[i]) ovRow[i] = lp.addRow(-Infinity, (r[i] + maxOver) / keep);
  const f = problem.maxPartTimeShare;
  const ptRow = f !== undefined && subset.some((j) => pats[j].sh.kind === 'part-time') ? lp.addRow(-Infinity, 0) : -1;
  const entries = (vec: Float64Array, sign: number, into: Map<number, number> = new Map()): Map<number, number> => {
    for (let i = 0; i < L; i++) {
      const a = sign * vec[i];
      if (Math.abs(a) <= 1e-12) continue;
      if (covRow[i] >= 0) into.set(covRow[i], a);
      if (ovRow[i] >= 0) into.set(ovRow[i], a);
    }
    return into;
  };
  const xCol = new Map<number, number>();
  const yCols = new Map<string, number[]>();
  const startY = start ? (model === 'placed' ? start.y : yStagger(st, start.x)) : null;
  for (const j of subset) {
    const p = pats[j];
    const n = start?.x[j] ?? 0;
    let vec = p.base;
    if (model === 'expected' && p.breaks.length > 0) {
      vec = Float64Array.from(p.base);
      for (const b of p.breaks) for (let i = 0; i < L; i++) vec[i] -= b.total[i] / b.slots;
    }
    const e = entries(vec, 1);
    const linkRows = model === 'expected' ? [] : p.breaks.map(() => lp.addRow(0, 0));
    for (const row of linkRows) e.set(row, 1);
    if (ptRow >= 0) e.set(ptRow, p.sh.kind === 'part-time' ? (1 - f!) * p.paidHoursPerWeek : -f! * p.paidHoursPerWeek);
    xCol.set(j, lp.addCol(p.cost, 0, p.cap, !relax, e, n));
    p.breaks.forEach((b, bi) => {
      if (model === 'placed') {
        // x = Σ_k y_k: the IP chooses how many people take each slot
        const ys = startY?.get(`${j}/${bi}`) ?? [];
        const cols: number[] = [];
        for (let k = 0; k < b.slots; k++) {
          const e2 = entries(b.bySlot[k], -1);
          e2.set(linkRows[bi], -1);
          cols.push(lp.addCol(0, 0, Infinity, !relax, e2, ys[k] ?? 0));
        }
        yCols.set(`${j}/${bi}`, cols);
      } else if (model === 'exact') {
        // x = K·q + Σ_r β_r with β_0 ≥ β_1 ≥ …: the stagger rule, exactly
        const q = entries(b.total, -1);
        q.set(linkRows[bi], -b.slots);
        const qv = Math.floor(n / b.slots);
        lp.addCol(0, 0, Infinity, !relax, q, qv);
        let prevOrderRow = -1;
        for (let rank = 0; rank < b.slots - 1; rank++) {
          const e2 = entries(b.byRank[rank], -1);
          e2.set(linkRows[bi], -1);
          if (prevOrderRow >= 0) e2.set(prevOrderRow, -1);
          const orderRow = rank < b.slots - 2 ? lp.addRow(0, Infinity) : -1;
          if (orderRow >= 0) e2.set(orderRow, 1);
          lp.addCol(0, 0, 1, !relax, e2, rank < n - qv * b.slots ? 1 : 0);
          prevOrderRow = orderRow;
        }
      }
    });
  }
  const startCover = start ? coverOf(st, start, model === 'expected' ? 'expected' : model === 'placed' ? 'placed' : 'exact') : null;
  for (let i = 0; i < L; i++) {
    if (covRow[i] >= 0) lp.addCol(Mu, 0, Infinity, !relax && integralObjective, new Map([[covRow[i], 1 / keep]]), startCover ? Math.max(0, r[i] - startCover[i]) : 0);
  }
  for (let i = 0; i < L; i++) {
    if (ovRow[i] >= 0) {
      lp.addCol(Mv, 0, Infinity, !relax && integralObjective, new Map([[ovRow[i], -1 / keep]]), startCover ? Math.max(0, startCover[i] - r[i] - maxOver!) : 0);
    }
  }
  return { lp, xCol, yCols };
}

/** Solve the IP ('placed', 'exact', 'expected') or its LP relaxation over a subset of the columns, within `limit` seconds. */
export function solveModel(
  st: ScheduleState,
  highs: HighsRuntime,
  model: BreakModel,
  subset: number[],
  relax: boolean,
  limit: number,
  start: Sol | null,
): SolveOut {
  const { problem, pats } = st;
  const { lp, xCol, yCols } = buildModel(st, model, subset, relax, start);
  const numCols = lp.colCost.length;
  const numRows = lp.rowLower.length;
  const inf = highs.infinity;
  const fin = (a: number[]): number[] => a.map((v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
  const m = highs.createModel({
    numCols,
    numRows,
    colCost: lp.colCost,
    colLower: lp.colLower,
    colUpper: fin(lp.colUpper),
    rowLower: fin(lp.rowLower),
    rowUpper: fin(lp.rowUpper),
    matrix: { format: 'csc', numRows, numCols, starts: lp.starts, indices: lp.indices, values: lp.values },
    ...(relax ? {} : { integrality: lp.integrality }),
  });
  try {
    m.options.set({
      output_flag: problem.solver?.log ?? false,
      mip_rel_gap: problem.solver?.mipRelGap ?? 0.005,
      time_limit: Math.max(0.05, limit),
      random_seed: 0,
      // A work limit, not only a time limit: the same problem gives the same schedule however
      // busy the machine is (the time limit is a safety net).
      mip_max_nodes: problem.solver?.maxNodes ?? 2000,
      ...(problem.solver?.options ?? {}),
    });
    if (start && !relax) m.setSolution({ colValue: lp.start });
    const ts = performance.now();
    const run = m.run();
    const seconds = (performance.now() - ts) / 1000;
    const status = STATUS_NAMES[run.modelStatus] ?? String(run.modelStatus);
    const hasSolution = Number(m.info.get('primal_solution_status')) === 2;
    if (!hasSolution) return { sol: null, status, objective: NaN, gap: Infinity, seconds, rows: numRows, cols: numCols };
    const solution = m.getSolution();
    const col = solution.colValue;
    const round = (v: number): number => (relax ? Math.max(0, v) : Math.max(0, Math.round(v)));
    const x = pats.map((_, j) => (xCol.has(j) ? round(col[xCol.get(j)!]) : 0));
    const y = new Map<string, number[]>();
    for (const [key, cols] of yCols) y.set(key, cols.map((c) => round(col[c])));
    let gap = relax ? 0 : Number(m.info.get('mip_gap'));
    if (!Number.isFinite(gap)) gap = Infinity;
    const reducedCost = relax ? pats.map((_, j) => (xCol.has(j) ? solution.colDual[xCol.get(j)!] : Infinity)) : undefined;
    return { sol: { x, y }, status, objective: m.getObjectiveValue(), gap, seconds, rows: numRows, cols: numCols, reducedCost };
  } finally {
    m.dispose();
  }
}
