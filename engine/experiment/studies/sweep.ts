// Sweeps: a grid of scenario variants (any field by its path), every point simulated with the
// same seed (common random numbers across points: a change in the varied field, not noise,
// moves the KPIs), one CSV row per point in grid order. Plain data in, rows out; writing the
// CSV, resuming and sharding are engine/report/sweepCsv.ts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { metricDefinitions } from '../../callcenter/metrics.ts';
import { defaultCostSpec } from '../../cost/schema.ts';
import { ScenarioError, formatPath } from '../../scenario/errors.ts';
import { parseScenarioYaml, specFromYaml, valueAt, type ScenarioOverrides } from '../../scenario/parse.ts';
import { nodeFileReader } from '../../scenario/load.ts';
import { resolveScenario, type Scenario } from '../../scenario/resolve.ts';
import type { ScenarioSpec } from '../../scenario/schema.ts';
import { kpiSummary, priceHeadcount } from './budgetStudy.ts';
import { contractTerm, contractYearScenario, staffingPatternOf } from './scenarioCosting.ts';
import { studyHeadcount } from '../../workforce/staffing.ts';
import { modelFeatures } from './model.ts';
import { runReplications, type ReplicationTask } from '../pool/pool.ts';
import { startRun, type RunInProgress, type RunResult } from './run.ts';

/** A bad sweep definition, naming the field. */
export class SweepError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'SweepError';
  }
}

export type SweepValue = number | string;

/** One varied field: its path in the scenario file and the values it takes. */
export interface SweepAxis {
  field: string;
  path: string[];
  values: SweepValue[];
}

/** Limits that keep a typo (a step of 0.0001) from planning millions of simulations. */
export const MAX_POINTS = 100_000;

/**
 * Parses one axis: `field=a..b:step` (a range, both ends included; step 1 when omitted) or
 * `field=v1,v2,...` (numbers, or words such as a service-level formula).
 */
export function parseVary(text: string): SweepAxis {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new SweepError(text || '(empty)', 'give field=values, e.g. agents=200..320:10 or cost.roles.operator.monthlyWage=4000,5000');
  const field = text.slice(0, eq).trim();
  return axisFrom(field, text.slice(eq + 1).trim());
}

/** An axis from a field and its values: a range string, a list string, or a YAML list. */
export function axisFrom(field: string, spec: string | SweepValue[] | number): SweepAxis {
  const path = field.split('.');
  if (!field || path.some((p) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(p))) throw new SweepError(field || '(empty)', 'not a field path (names joined by dots, e.g. talkTime.mean)');
  let values: SweepValue[];
  if (Array.isArray(spec)) values = spec;
  else if (typeof spec === 'number') values = [spec];
  else {
    const range = spec.match(/^(-?[\d.eE+-]+)\.\.(-?[\d.eE+-]+)(?::([\d.eE+-]+))?$/);
    values = range ? rangeValues(field, range[1], range[2], range[3] ?? '1') : listValues(field, spec);
  }
  if (values.length === 0) throw new SweepError(field, 'no values to sweep');
  if (new Set(values).size !== values.length) throw new SweepError(field, 'a value is listed twice');
  return { field, path, values };
}

function rangeValues(field: string, a: string, b: string, step: string): number[] {
  const [lo, hi, d] = [Number(a), Number(b), Number(step)];
  if (![lo, hi, d].every(Number.isFinite)) throw new SweepError(field, `not a range of numbers: ${a}..${b}:${step}`);
  if (!(d > 0)) throw new SweepError(field, `the step must be more than 0 (got ${step})`);
  if (hi < lo) throw new SweepError(field, `empty range: ${a}..${b} runs backwards`);
  const n = Math.floor((hi - lo) / d + 1e-9) + 1;
  if (n > MAX_POINTS) throw new SweepError(field, `${n} values; at most ${MAX_POINTS}`);
  // Round to the decimals written, so that 0.8..1.2:0.1 gives 0.9, not 0.9000000000000001.
  const decimals = Math.max(...[a, step].map((s) => (s.includes('.') && !/e/i.test(s) ? s.split('.')[1].length : 0)));
  return Array.from({ length: n }, (_, i) => Number((lo + i * d).toFixed(Math.min(decimals, 12))));
}

function listValues(field: string, spec: string): SweepValue[] {
  const parts = spec.split(',').map((s) => s.trim());
  if (parts.some((p) => p === '')) throw new SweepError(field, `an empty value in "${spec}"`);
  return parts.map((p) => (/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(p) ? Number(p) : p));
}

/** A sweep file: the scenario (relative to the sweep file), the fields to vary, optional overrides. */
export interface SweepFile {
  scenario: string;
  axes: SweepAxis[];
  replications?: number;
  seed?: number | string;
}

export function isSweepFile(text: string): boolean {
  try {
    const raw = parseDocument(text).toJS() as unknown;
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'vary' in raw && 'scenario' in raw;
  } catch {
    return false; // not valid YAML: the scenario loader reports it
  }
}

export function readSweepFile(file: string): SweepFile {
  const raw = parseDocument(readFileSync(file, 'utf8')).toJS() as Record<string, unknown>;
  const known = new Set(['scenario', 'vary', 'replications', 'seed', 'description']);
  const unknown = Object.keys(raw).find((k) => !known.has(k));
  if (unknown) throw new ScenarioError(file, [unknown], `unknown field in a sweep file (give scenario, vary, replications, seed, description)`);
  if (typeof raw.scenario !== 'string') throw new ScenarioError(file, ['scenario'], 'give the scenario file (a path relative to this file)');
  const vary = raw.vary;
  if (vary === null || typeof vary !== 'object' || Array.isArray(vary) || Object.keys(vary).length === 0) {
    throw new ScenarioError(file, ['vary'], 'give the fields to vary, e.g. vary: { agents: 200..320:10 }');
  }
  const axes = Object.entries(vary as Record<string, unknown>).map(([field, v]) => {
    if (typeof v !== 'string' && typeof v !== 'number' && !(Array.isArray(v) && v.every((x) => typeof x === 'number' || typeof x === 'string'))) {
      throw new ScenarioError(file, ['vary', field], 'give a range (a..b:step) or a list of values');
    }
    try {
      return axisFrom(field, v as string | number | SweepValue[]);
    } catch (e) {
      if (e instanceof SweepError) throw new ScenarioError(file, ['vary', field], e.message.slice(field.length + 2));
      throw e;
    }
  });
  return {
    scenario: resolve(dirname(file), raw.scenario),
    axes,
    replications: typeof raw.replications === 'number' ? raw.replications : undefined,
    seed: typeof raw.seed === 'number' || typeof raw.seed === 'string' ? raw.seed : undefined,
  };
}

/** One point of the grid: its index and the value of each axis. */
export interface SweepPoint {
  index: number;
  values: SweepValue[];
}

/** A checked sweep: every point's scenario resolves, so no work starts on a grid that would fail half-way. */
export interface SweepPlan {
  file: string;
  scenarioName: string;
  axes: SweepAxis[];
  points: SweepPoint[];
  /** Identifies the sweep (scenario text, grid, overrides): a resume or a merge must match it. */
  id: string;
  replications: number;
  seed: number | string;
  /** The CSV columns, in order. */
  columns: string[];
  /** People per agent on seat used to turn agents on seat into a payroll head count (null: none given). */
  peoplePerSeat: number | null;
  hasCost: boolean;
  /** What the scenario at a point is (resolved when its turn comes). */
  scenarioAt(point: SweepPoint): Scenario;
  /** The point's staffing over a whole year from its start date (the basis of its annual price), else null. */
  yearScenarioAt(point: SweepPoint): Scenario | null;
}

const KPI_COLUMNS = ['offered', 'answered', 'connectionRate', 'abandonmentRate', 'serviceLevel', 'asa', 'occupancy'] as const;
const BUDGET_COLUMNS = ['outsourced_yuan_per_year', 'inhouse_yuan_per_year', 'outsourced_yuan_per_answered_call', 'inhouse_yuan_per_answered_call'];

/** Every point in grid order: the first axis varies slowest. */
export function gridPoints(axes: SweepAxis[]): SweepPoint[] {
  const total = axes.reduce((n, a) => n * a.values.length, 1);
  if (total > MAX_POINTS) throw new SweepError(axes.map((a) => a.field).join(' × '), `${total} points; at most ${MAX_POINTS}`);
  const points: SweepPoint[] = [];
  for (let i = 0; i < total; i++) {
    let rest = i;
    const values = new Array<SweepValue>(axes.length);
    for (let j = axes.length - 1; j >= 0; j--) {
      const n = axes[j].values.length;
      values[j] = axes[j].values[rest % n];
      rest = Math.floor(rest / n);
    }
    points.push({ index: i, values });
  }
  return points;
}

/**
 * Checks the sweep before any simulation: each field exists in the scenario schema and every
 * value of it is accepted (the whole scenario resolves at every point).
 */
export function planSweep(file: string, axes: SweepAxis[], overrides: ScenarioOverrides = {}): SweepPlan {
  if (axes.length === 0) throw new SweepError('(none)', 'give at least one field to vary');
  const seen = new Set<string>();
  for (const a of axes) {
    if (seen.has(a.field)) throw new SweepError(a.field, 'varied twice');
    seen.add(a.field);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ScenarioError(file, [], (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot read the file');
  }
  // The YAML is parsed once; each point is validated and resolved from it.
  const yaml = parseScenarioYaml(text, file);
  const baseSpec = specFromYaml(yaml, file, overrides).spec as Record<string, unknown>;
  // (the sweep reads referenced files inside the scenario's folder only, as before)
  const files = nodeFileReader(file);
  const base = resolveScenario(baseSpec as ScenarioSpec, file, { files });
  const points = gridPoints(axes);
  const setsAt = (p: SweepPoint) => axes.map((a, j) => ({ path: a.path, value: p.values[j] }));
  const specAt = (sets: { path: string[]; value: unknown }[]) => specFromYaml(yaml, file, { ...overrides, set: sets }).spec;
  const load = (p: SweepPoint): Scenario => resolveScenario(specAt(setsAt(p)), file, { files });

  // Each field exists (the schema keeps only known fields) and takes each of its values; then
  // every point resolves. The error names the field and the value (or, with several fields, the point).
  for (const a of axes) {
    for (const v of a.values) {
      try {
        if (valueAt(specAt([{ path: a.path, value: v }]), a.path) === undefined) throw new SweepError(a.field, 'no such field in the scenario schema');
      } catch (e) {
        if (e instanceof ScenarioError) throw refused(a, v, e);
        throw e;
      }
    }
  }
  // Resolved scenarios are kept for the run when they are small enough (a week of 100 points is
  // 34 thousand intervals); else each is resolved again when its turn comes.
  const keep = base.nIntervals * points.length <= 2_000_000;
  const resolved = new Map<number, Scenario>();
  for (const p of points) {
    try {
      const s = load(p);
      if (keep) resolved.set(p.index, s);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      if (axes.length === 1) throw refused(axes[0], p.values[0], e);
      const at = axes.map((a, j) => `${a.field}=${p.values[j]}`).join(', ');
      throw new SweepError(axes.map((a) => a.field).join(', '), `the point ${at} is refused (${formatPath(e.path)}): ${e.problem}`);
    }
  }

  const pps = base.staffing.peoplePerSeat;
  const defs = metricDefinitions(base.serviceLevelFormula, base.serviceLevelSeconds, modelFeatures(base));
  const kpis = KPI_COLUMNS.filter((id) => defs.some((d) => d.id === id));
  const hasCost = base.cost !== null;
  const columns = [
    'point',
    ...axes.map((a) => a.field),
    'agents_on_seat_mean',
    'headcount',
    'replications',
    ...kpis.flatMap((id) => [id, `${id}_ci95_low`, `${id}_ci95_high`]),
    ...(hasCost ? BUDGET_COLUMNS : []),
  ];
  const id = createHash('sha256')
    .update(JSON.stringify({ text, axes: axes.map((a) => [a.field, a.values]), overrides, columns }))
    .digest('hex')
    .slice(0, 16);
  return {
    file,
    scenarioName: base.name,
    axes,
    points,
    id,
    replications: base.replications,
    seed: base.seed,
    columns,
    peoplePerSeat: pps,
    hasCost,
    scenarioAt: (p) => resolved.get(p.index) ?? load(p),
    yearScenarioAt: (p) => contractYearScenario((o) => resolveScenario(specFromYaml(yaml, file, { ...o, set: setsAt(p) }).spec, file, { files }), overrides, base.startDate),
  };
}

function refused(a: SweepAxis, v: SweepValue, e: ScenarioError): SweepError {
  const where = e.path.length && formatPath(e.path) !== a.field ? ` (${formatPath(e.path)})` : '';
  return new SweepError(a.field, `value ${JSON.stringify(v)} refused${where}: ${e.problem}`);
}

/** One CSV row: the point, its staffing, its KPIs (mean and 95% CI) and, with a cost section, its budgets. */
export function sweepRow(plan: SweepPlan, point: SweepPoint, scenario: Scenario, run: RunResult): (string | number)[] {
  const meanOnSeat = run.staffing.meanOnSeat;
  // The payroll head count: the scenario's own ({ headcount, peoplePerSeat } or a roster's), or the
  // fewest people who put these agents on seat, those off the phones included (the rule of `hotline-sim budget`).
  const headcount = studyHeadcount(scenario.staffing, meanOnSeat, plan.peoplePerSeat ?? undefined).headcount;
  const cells: (string | number)[] = [point.index, ...point.values, meanOnSeat, headcount ?? '', run.replications];
  for (const col of plan.columns) {
    if (!col.endsWith('_ci95_low') && KPI_COLUMNS.includes(col as (typeof KPI_COLUMNS)[number])) {
      const e = run.totals[col];
      cells.push(e.mean, e.ciLow ?? '', e.ciHigh ?? '');
    }
  }
  if (plan.hasCost) {
    if (headcount === null || headcount === 0) cells.push('', '', '', '');
    else {
      // Priced as `hotline-sim budget` prices it: the contract term, who takes calls, and the
      // hours and peak seats of the staffing this point simulated.
      const spec = scenario.cost ?? defaultCostSpec();
      const ctx = { payroll: scenario.payroll, staffing: staffingPatternOf(plan.yearScenarioAt(point) ?? scenario, headcount, spec.calendarYear) };
      const b = priceHeadcount(spec, headcount, contractTerm(spec).years, kpiSummary(run), undefined, ctx);
      cells.push(b.outsourced.budget.total, b.inhouse.budget.total, b.outsourced.costPerAnsweredCall?.mean ?? '', b.inhouse.costPerAnsweredCall?.mean ?? '');
    }
  }
  return cells.map((v) => (typeof v === 'number' && !Number.isFinite(v) ? '' : v));
}

/**
 * Simulates the given points, `chunk` at a time, all their replications on the worker pool, and
 * yields each chunk's rows in point order. `onPoint` is called as each point completes.
 */
export function* sweepChunks(plan: SweepPlan, points: SweepPoint[], chunk: number, onPoint?: (done: number) => void): Generator<(string | number)[][]> {
  let done = 0;
  for (let start = 0; start < points.length; start += chunk) {
    const batch = points.slice(start, start + chunk);
    const scenarios = batch.map((p) => plan.scenarioAt(p));
    const runs: RunInProgress[] = scenarios.map((s) => startRun(s, { totalsOnly: true }));
    const tasks: ReplicationTask[] = [];
    const owner: number[] = [];
    runs.forEach((r, i) => {
      for (const t of r.tasks) {
        tasks.push(t);
        owner.push(i);
      }
    });
    const rows: (string | number)[][] = new Array(batch.length);
    runReplications(tasks, (k, rep) => {
      const i = owner[k];
      const run = runs[i];
      const r = tasks[k].replication;
      run.add(r, rep);
      if (r === run.tasks.length - 1) {
        rows[i] = sweepRow(plan, batch[i], scenarios[i], run.finish());
        onPoint?.(++done);
      }
    });
    yield rows;
  }
}
