// Calibration: fit what is not published (patience, work-order time, the phone share of the
// payroll, ...) to what is (connection rate, average wait, answered calls), by root searches on
// simulation with common random numbers over the scenario's own calendar and staffing.
//
// One unknown per observed figure. With one, a bracketed Illinois (regula falsi) search. With
// several, the i-th field is solved against the i-th figure in turn (Gauss-Seidel) until all
// hold. The fitted values' 95% intervals come from the replication noise of the figures: with one
// unknown by test inversion, with several through secant slopes (the delta method: a figure known
// to ±h moves the value by ±h / slope); intervals.ts says why, coverage.test.ts checks they cover.
// The root searches are solve.ts; writing the calibrated scenario file is calibratedYaml.ts.
import { parseDocument, type Document } from 'yaml';
import { ScenarioError } from '../../scenario/errors.ts';
import { parseScenario, type ScenarioOverrides } from '../../scenario/parse.ts';
import { nodeFileReader } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/resolve.ts';
import type { Estimate } from '../../stats/estimate.ts';
import { metricDefinitions } from '../../callcenter/metrics.ts';
import { modelFeatures } from '../studies/model.ts';
import { runScenario, type RunResult } from '../studies/run.ts';
import { CalibrationError, clamp, invert, round, solve1d, solveNd } from './solve.ts';
import { invertedInterval, slopeBracket } from './intervals.ts';
import { pathOf, setNumber } from './yamlFields.ts';

/** A published figure the model must reproduce. */
export interface ObservedFigure {
  /** A run metric id: connectionRate, asa, answered, abandonmentRate, serviceLevel, meanWait, occupancy, ... */
  metric: string;
  value: number;
  /** For a service level: its threshold T in seconds (the run uses it). */
  seconds?: number;
}

export interface CalibrationOptions {
  /** Scenario fields to fit, by path: "wrapUpTime.mean", "patience.mean", "payroll.phoneShare", "callTypes.1.wrapUpTime.mean". */
  fields: string[];
  observed: ObservedFigure[];
  /** Search range per field; defaults by kind of field (see defaultRange). */
  ranges?: Record<string, [number, number]>;
  overrides?: ScenarioOverrides;
  /** Unfitted assumptions to vary: the fit is redone under each value. */
  sensitivity?: { field: string; values: number[] }[];
  /** Relative tolerance on the fitted value (of its range); default 1e-3. */
  tolerance?: number;
  onProgress?: (what: string, evaluations: number) => void;
}

export interface FittedValue {
  value: number;
  ciLow: number;
  ciHigh: number;
  range: [number, number];
  /** The value in the file before calibration (or the schema default), for comparison. */
  before: number | null;
}

export interface CalibrationResult {
  scenario: string;
  file?: string;
  fields: string[];
  fitted: Record<string, FittedValue>;
  observed: Record<string, number>;
  simulated: Record<string, Estimate>;
  /** Figures a planner can sanity-check, simulated with the fitted values. */
  implied: { occupancy: Estimate; handleSecondsPerAnsweredCall: number; agentsOnSeatMean: number; outboundShareOfWork: Estimate | null; connectionRate: Estimate; asa: Estimate };
  /** Exponential patience only: mean patience ≈ mean wait / abandonment rate, a starting point. */
  patienceShortcut: { seconds: number; note: string } | null;
  sensitivity: { field: string; value: number; fitted: Record<string, number | null>; note?: string }[];
  /** Figures the fit does not reproduce within their replication CI (e.g. a field that moves them in steps). */
  notReproduced: string[];
  evaluations: number;
  replications: number;
  horizonDays: number;
  /** The calibrated run (the fitted values in place). */
  run: RunResult;
}

/** A default search range for a field, by what it is. */
export function defaultRange(field: string): [number, number] | null {
  const last = field.split('.').pop()!;
  if (/^(mean|value)$/.test(last)) return [1, 3600];
  if (last === 'cv' || last === 'dayToDayCv') return [0.01, 3];
  if (last === 'phoneShare') return [0.05, 1];
  if (/share$/i.test(last) || /probability$/i.test(last) || last === 'selfServiceShare') return [0, 1];
  if (field === 'arrivals.scale') return [0.02, 50];
  if (last === 'peoplePerSeat') return [0.5, 40];
  if (field === 'preQueueDelay') return [0, 120];
  return null;
}

/** What a fitted field defaults to when the file does not give it. */
function schemaDefault(field: string): number | null {
  if (field === 'arrivals.scale') return 1;
  if (field === 'payroll.phoneShare') return 1;
  if (field === 'preQueueDelay') return 0;
  return null;
}

export function calibrate(text: string, file: string | undefined, options: CalibrationOptions): CalibrationResult {
  const { fields, observed } = options;
  if (fields.length === 0) throw new CalibrationError('give at least one field to fit');
  if (fields.length !== observed.length) {
    throw new CalibrationError(`fit one unknown per observed figure: ${fields.length} field(s) for ${observed.length} figure(s)`);
  }
  const doc = parseDocument(text);
  const ranges: [number, number][] = fields.map((f) => {
    const r = options.ranges?.[f] ?? defaultRange(f);
    if (!r) throw new ScenarioError(file, f.split('.'), `no default range for "${f}": give one with --range ${f}=LOW..HIGH`);
    if (!(r[0] < r[1])) throw new ScenarioError(file, f.split('.'), `the range of ${f} must go upwards (got ${r[0]}..${r[1]})`);
    return r;
  });
  const before = fields.map((f) => {
    const v = doc.getIn(pathOf(f));
    if (v === undefined) return schemaDefault(f);
    if (typeof v !== 'number') throw new ScenarioError(file, f.split('.'), `${f} is not a number in the scenario (${JSON.stringify(v)}); fit a numeric field`);
    return v;
  });
  const slSeconds = observed.find((o) => o.metric === 'serviceLevel' && o.seconds !== undefined)?.seconds;
  let evaluations = 0;

  const scenarioAt = (values: number[], extra: { field: string; value: number }[] = []): Scenario => {
    const d = doc.clone();
    fields.forEach((f, i) => setNumber(d, f, values[i], file));
    for (const e of extra) setNumber(d, e.field, e.value, file);
    if (slSeconds !== undefined) d.set('serviceLevelSeconds', slSeconds);
    return parseScenario(d.toString(), file, options.overrides ?? {}, nodeFileReader(file, options.overrides?.allowFilesOutside));
  };
  const cache = new Map<string, RunResult>();
  const simulate = (values: number[], extra: { field: string; value: number }[] = []): RunResult => {
    const key = JSON.stringify([values, extra]);
    let r = cache.get(key);
    if (!r) {
      evaluations++;
      options.onProgress?.(`${fields.map((f, i) => `${f} = ${round(values[i])}`).join(', ')}`, evaluations);
      r = runScenario(scenarioAt(values, extra), { totalsOnly: true });
      cache.set(key, r);
    }
    return r;
  };
  const figure = (r: RunResult, o: ObservedFigure): Estimate => {
    const e = r.totals[o.metric];
    if (!e) throw new CalibrationError(`the run reports no "${o.metric}" (known: ${Object.keys(r.totals).join(', ')})`);
    return e;
  };

  const fit = (extra: { field: string; value: number }[], start: number[]): number[] => {
    const x = start.map((v, i) => clamp(v ?? (ranges[i][0] + ranges[i][1]) / 2, ranges[i]));
    if (fields.length === 1) {
      const g = (v: number) => figure(simulate([v], extra), observed[0]).mean - observed[0].value;
      return [solve1d(g, ranges[0], x[0], options.tolerance ?? 1e-3, fields[0], observed[0]).root];
    }
    const residuals = (xs: number[]) => {
      const r = simulate(xs, extra);
      return observed.map((o) => (figure(r, o).mean - o.value) / Math.max(Math.abs(o.value), 1e-3));
    };
    // Newton steps from the start; if they stall far from the answer, a few Gauss-Seidel sweeps
    // (the i-th field against the i-th figure, bracketed) get near it, and Newton polishes again.
    try {
      return solveNd(residuals, ranges, x.slice(), options.tolerance ?? 1e-3, fields, observed);
    } catch (e) {
      if (!(e instanceof CalibrationError)) throw e;
    }
    for (let sweep = 0; sweep < 4; sweep++) {
      for (let i = 0; i < fields.length; i++) {
        const g = (v: number) => {
          const xs = x.slice();
          xs[i] = v;
          return figure(simulate(xs, extra), observed[i]).mean - observed[i].value;
        };
        try {
          x[i] = solve1d(g, ranges[i], x[i], (options.tolerance ?? 1e-3) * 5, fields[i], observed[i]).root;
        } catch (e) {
          if (!(e instanceof CalibrationError)) throw e; // out of reach for now: the other fields may move it
        }
      }
      if (Math.sqrt(residuals(x).reduce((a, v) => a + v * v, 0)) < 2e-3) break;
    }
    return solveNd(residuals, ranges, x, options.tolerance ?? 1e-3, fields, observed);
  };

  // The search starts from the file's values (the middle of the range where the file has none in it).
  const startValues = before.map((b, i) => (b !== null && b >= ranges[i][0] && b <= ranges[i][1] ? b : (ranges[i][0] + ranges[i][1]) / 2));
  // The figures are checked before any simulation: one the run does not report, or a share
  // outside 0..1, is refused at once.
  {
    const probe = scenarioAt(startValues);
    const defs = metricDefinitions(probe.serviceLevelFormula, probe.serviceLevelSeconds, modelFeatures(probe));
    for (const o of observed) {
      const d = defs.find((x) => x.id === o.metric);
      if (!d) {
        throw new CalibrationError(
          `--observed ${o.metric}: not a figure this scenario reports; use connection, asa, wait, answered, abandon, sl=…@T, occupancy, or a metric id such as ${defs.slice(0, 6).map((x) => x.id).join(', ')}`,
        );
      }
      if (!Number.isFinite(o.value) || o.value < 0 || (d.unit === 'ratio' && o.value > 1)) {
        throw new CalibrationError(`--observed ${o.metric} = ${o.value}: ${d.unit === 'ratio' ? 'a share between 0 and 1 (or a percentage)' : 'a figure of 0 or more'}`);
      }
    }
  }
  const x = fit([], startValues);
  const run = simulate(x);

  // 95% intervals: the figures' replication noise through the Jacobian of figures on values, its
  // slopes secants over brackets wider than the staffing's steps (intervals.ts).
  const J = fields.map(() => new Array<number>(fields.length).fill(0));
  for (let j = 0; j < fields.length; j++) {
    const [up, down] = slopeBracket(x, j, ranges[j]);
    const ru = simulate(up);
    const rd = simulate(down);
    for (let i = 0; i < fields.length; i++) J[i][j] = (figure(ru, observed[i]).mean - figure(rd, observed[i]).mean) / (up[j] - down[j]);
  }
  const halfWidths = observed.map((o) => {
    const e = figure(run, o);
    return e.ciLow === null || e.ciHigh === null ? 0 : (e.ciHigh - e.ciLow) / 2;
  });
  const inv = invert(J);
  const fitted: Record<string, FittedValue> = {};
  fields.forEach((f, i) => {
    const half = inv ? Math.sqrt(inv[i].reduce((s, a, j) => s + (a * halfWidths[j]) ** 2, 0)) : Infinity;
    // One unknown: test inversion, starting from the delta-method half-width.
    const [ciLow, ciHigh] =
      fields.length === 1 && Number.isFinite(half) && half > 0
        ? invertedInterval((v) => figure(simulate([v]), observed[0]).mean, x[0], half, halfWidths[0], observed[0].value, ranges[0])
        : [Math.max(ranges[i][0], x[i] - half), Math.min(ranges[i][1], x[i] + half)];
    fitted[f] = {
      value: x[i],
      ciLow,
      ciHigh,
      range: ranges[i],
      before: before[i],
    };
  });

  // Sensitivity: the fit again under other values of the main unfitted assumptions.
  const sensitivity: CalibrationResult['sensitivity'] = [];
  for (const s of options.sensitivity ?? defaultSensitivity(doc, fields)) {
    for (const value of s.values) {
      try {
        const xs = fit([{ field: s.field, value }], x);
        sensitivity.push({ field: s.field, value, fitted: Object.fromEntries(fields.map((f, i) => [f, xs[i]])) });
      } catch (e) {
        if (!(e instanceof CalibrationError)) throw e;
        sensitivity.push({ field: s.field, value, fitted: Object.fromEntries(fields.map((f) => [f, null])), note: e.message });
      }
    }
  }

  const scenario = scenarioAt(x);
  const t = run.totals;
  return {
    scenario: run.scenario,
    file,
    fields,
    fitted,
    observed: Object.fromEntries(observed.map((o) => [o.metric, o.value])),
    simulated: Object.fromEntries(observed.map((o) => [o.metric, figure(run, o)])),
    implied: {
      occupancy: t.occupancy,
      handleSecondsPerAnsweredCall: t.answered.mean > 0 ? (t.agentHours.mean * 3600 * t.occupancy.mean) / t.answered.mean : NaN,
      agentsOnSeatMean: run.staffing.meanOnSeat,
      outboundShareOfWork: t.outboundShareOfWork ?? null,
      connectionRate: t.connectionRate,
      asa: t.asa,
    },
    patienceShortcut: patienceShortcut(scenario, observed),
    sensitivity,
    notReproduced: observed
      .filter((o) => {
        const e = figure(run, o);
        return e.ciLow === null || e.ciHigh === null ? Math.abs(e.mean - o.value) > 1e-9 * Math.max(1, Math.abs(o.value)) : o.value < e.ciLow || o.value > e.ciHigh;
      })
      .map((o) => o.metric),
    evaluations,
    replications: run.replications,
    horizonDays: run.horizon.days,
    run,
  };
}

/** Exponential patience: P(abandon) = E[wait of all callers] / mean patience, so mean ≈ ASA / (1 − connection). */
function patienceShortcut(s: Scenario, observed: ObservedFigure[]): CalibrationResult['patienceShortcut'] {
  const conn = observed.find((o) => o.metric === 'connectionRate')?.value;
  const asa = observed.find((o) => o.metric === 'asa')?.value;
  if (conn === undefined || asa === undefined || conn >= 1) return null;
  if (s.patience && s.patience.distribution !== 'exponential') return null;
  return {
    seconds: asa / (1 - conn),
    note: 'exponential patience: mean patience ≈ mean wait of all callers / abandonment rate, with ASA standing in for the mean wait of all — a starting point, not the fit',
  };
}

/** By default, the fit under half and double the mean patience (the least known assumption). */
function defaultSensitivity(doc: Document, fields: string[]): { field: string; values: number[] }[] {
  const p = doc.getIn(['patience', 'mean']);
  if (typeof p !== 'number' || fields.includes('patience.mean')) return [];
  return [{ field: 'patience.mean', values: [p / 2, p * 2] }];
}
