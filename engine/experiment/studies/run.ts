// Replications of a scenario: independent seeded runs, each metric as a mean with a 95% CI.
import { metricDefinitions, sumCounters, type CounterTotals, type MetricDefinition, type Unit } from '../../callcenter/metrics.ts';
import { COUNTER_NAMES, type IntervalCounters, type ReplicationResult } from '../../callcenter/model.ts';
import { callCentreModel, modelFeatures } from './model.ts';
import { describePayroll } from '../../workforce/staffing.ts';
import { intervalLabels } from '../../scenario/calendar.ts';
import { checkRunLimits } from '../../scenario/workEstimate.ts';
import { NonFiniteResultError } from '../../report/json.ts';
import type { Scenario } from '../../scenario/resolve.ts';
import { clipEstimate, estimate, RunningEstimates, type Estimate } from '../../stats/estimate.ts';
import { runReplications, type ReplicationTask } from '../pool/pool.ts';

export interface MetricInfo {
  id: string;
  name: string;
  zh: string;
  unit: Unit;
}

export interface IntervalRow {
  /** Index of the interval from the start of the horizon. */
  index: number;
  /** Local start time, "YYYY-MM-DD HH:MM". */
  start: string;
  callsPerHour: number;
  agents: number;
  metrics: Record<string, Estimate>;
}

/** A run's result: plain data, serialisable, the same bytes for the same scenario and seed. */
export interface RunResult {
  scenario: string;
  file?: string;
  seed: number | string;
  replications: number;
  serviceLevelSeconds: number;
  serviceLevelFormula: string;
  horizon: { start: string; days: number; intervalMinutes: number; warmupIntervals: number };
  /** Who is on seat: the payroll head count when the scenario gives one, and agents on seat (mean, min, max over intervals). */
  staffing: {
    headcount: number | null;
    meanOnSeat: number;
    minOnSeat: number;
    maxOnSeat: number;
    payroll: string | null;
    /** How the head count is on seat: flat around the clock, following demand, from a roster, or as given per interval. */
    profile: 'flat' | 'demand' | 'roster' | 'given';
    /** People the demand profile's floor needs beyond the head count (present only when some are: Staffing.floorAdded). */
    floorAdded?: number;
  };
  /** The parts of the workload besides inbound talk that this run simulated, described in a phrase each. */
  workload: string[];
  /** The metrics, in report order, with names and units. */
  metrics: MetricInfo[];
  totals: Record<string, Estimate>;
  /** Per replication, the whole-horizon values of the headline KPIs (for paired comparisons under common random numbers). */
  totalsByReplication: Record<(typeof PAIRED_METRICS)[number], number[]>;
  intervals: IntervalRow[];
  /**
   * Calendar months of the counted horizon: each metric's estimate, and the per-replication
   * values of the headline KPIs (for contract-year risk: does every month meet the KPI?).
   */
  months: MonthRow[];
  /** Simulated calls over all replications, warm-up included. */
  simulatedCalls: number;
  simulatedEvents: number;
  /** Which simulation path ran: settle-on-arrival (one FIFO queue) or event-driven (the whole workload). */
  path: 'fast' | 'events';
  /** Handling time by call type (when the scenario has a mix), over the whole run (warm-up included). */
  callTypes: CallTypeRow[] | null;
  /** People who got through, by the attempt that got through (when callers redial). */
  attempts: { attempt: number; peopleAnswered: Estimate }[] | null;
}

/** The totals kept replication by replication (RunResult.totalsByReplication). */
export const PAIRED_METRICS = ['connectionRate', 'abandonmentRate', 'serviceLevel', 'asa', 'occupancy', 'answered'] as const;

export interface CallTypeRow {
  name: string;
  zh: string | null;
  /** The scenario's share of callers (normalised). */
  share: number;
  answered: Estimate;
  meanTalkSeconds: Estimate;
  meanWrapUpSeconds: Estimate;
  meanHandleSeconds: Estimate;
}

export interface MonthRow {
  /** "YYYY-MM" */
  month: string;
  /** Intervals of this month that were simulated and counted. */
  intervals: number;
  metrics: Record<string, Estimate>;
  /** Per replication: connection rate, headline service level, abandonment rate, ASA. */
  byReplication: { connectionRate: number[]; serviceLevel: number[]; abandonmentRate: number[]; asa: number[] };
}

export interface RunOptions {
  /** Called after each replication (for progress bars). */
  onReplication?: (done: number, total: number) => void;
  /** Skip per-interval rows (sweeps that only need totals). */
  totalsOnly?: boolean;
  /** 'events' runs the event-driven path even for a plain FIFO model (it gives the same counts). */
  path?: 'auto' | 'events';
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const run = startRun(scenario, options);
  runReplications(run.tasks, run.add);
  return run.finish();
}

/**
 * A run taken apart, for callers that schedule replications themselves (a sweep runs many
 * scenarios' replications on one pool): the tasks, a fold that must see every replication in
 * order, and the result.
 */
export interface RunInProgress {
  tasks: ReplicationTask[];
  add: (r: number, rep: ReplicationResult) => void;
  finish: () => RunResult;
}

export function startRun(scenario: Scenario, options: RunOptions = {}): RunInProgress {
  checkRunLimits(scenario, scenario.file);
  const defs = metricDefinitions(scenario.serviceLevelFormula, scenario.serviceLevelSeconds, modelFeatures(scenario));
  const intervalDefs = defs.filter((d) => !d.totalsOnly);
  const R = scenario.replications;
  const N = scenario.nIntervals;
  const from = scenario.warmupIntervals;
  const totalsByRep = defs.map(() => new Float64Array(R));
  const perInterval = options.totalsOnly ? [] : intervalDefs.map(() => new RunningEstimates(N));
  let simulatedCalls = 0;
  let simulatedEvents = 0;
  const labels = intervalLabels(scenario.startDate, scenario.intervalSeconds, N);
  const monthSpans = monthsOf(scenario, from, labels);
  const monthDefs = defs.filter((d) => !d.totalsOnly);
  const monthValues = monthSpans.map(() => monthDefs.map(() => new Float64Array(R)));

  const model = callCentreModel(scenario);
  const types = scenario.callTypes;
  const byType = types ? types.map(() => ({ answered: new Float64Array(R), talk: new Float64Array(R), wrapUp: new Float64Array(R) })) : null;
  const maxAttempts = scenario.redial ? (scenario.redial.maxAttempts ?? 10) : 0;
  const onAttempt = Array.from({ length: maxAttempts }, () => new Float64Array(R));
  let path: 'fast' | 'events' = 'fast';

  const tasks: ReplicationTask[] = Array.from({ length: R }, (_, r) => ({ model, seed: scenario.seed, replication: r, path: options.path ?? 'auto' }));
  let expected = 0;
  const add = (r: number, rep: ReplicationResult) => {
    if (r !== expected++) throw new Error(`replication ${r} folded out of order`);
    simulatedCalls += rep.calls;
    simulatedEvents += rep.events;
    // Whole-horizon totals: counted intervals plus the drain slot (agent time only).
    const totals = sumCounters(rep.counters, from, N + 1);
    totals.agents = sumCounters(rep.counters, from, N).agents;
    totals.overtimeSeconds = rep.overtimeAgentSeconds;
    totals.drainSeconds = rep.drainSeconds;
    totals.backlogOutbound = rep.backlog?.outbound ?? 0;
    totals.backlogOnline = rep.backlog?.online ?? 0;
    path = rep.path ?? 'fast';
    rep.byType?.forEach((t, j) => {
      byType![j].answered[r] = t.answered;
      byType![j].talk[r] = t.answered > 0 ? t.talkSeconds / t.answered : 0;
      byType![j].wrapUp[r] = t.answered > 0 ? t.wrapUpSeconds / t.answered : 0;
    });
    rep.answeredOnAttempt?.forEach((n, a) => (onAttempt[a][r] = n));
    defs.forEach((d, i) => (totalsByRep[i][r] = d.value(totals)));
    if (!options.totalsOnly) addIntervals(rep.counters, intervalDefs, perInterval, from, N);
    monthSpans.forEach((m, j) => {
      const t = sumCounters(rep.counters, m.from, m.to);
      t.overtimeSeconds = 0;
      t.drainSeconds = 0;
      monthDefs.forEach((d, i) => (monthValues[j][i][r] = d.value(t)));
    });
    options.onReplication?.(r + 1, R);
  };

  const finish = (): RunResult => {
  const totals: Record<string, Estimate> = {};
  defs.forEach((d, i) => (totals[d.id] = bounded(estimate(totalsByRep[i]), d.unit)));
  const intervals: IntervalRow[] = [];
  if (!options.totalsOnly) {
    for (let k = from; k < N; k++) {
      const metrics: Record<string, Estimate> = {};
      intervalDefs.forEach((d, i) => (metrics[d.id] = bounded(perInterval[i].get(k), d.unit)));
      intervals.push({
        index: k,
        start: labels[k],
        callsPerHour: scenario.callsPerHour[k],
        agents: scenario.agents[k],
        metrics,
      });
    }
  }

  const pick = (j: number, id: string) => Array.from(monthValues[j][monthDefs.findIndex((d) => d.id === id)]);
  const months: MonthRow[] = monthSpans.map((m, j) => ({
    month: m.month,
    intervals: m.to - m.from,
    metrics: Object.fromEntries(monthDefs.map((d, i) => [d.id, bounded(estimate(monthValues[j][i]), d.unit)])),
    byReplication: {
      connectionRate: pick(j, 'connectionRate'),
      serviceLevel: pick(j, 'serviceLevel'),
      abandonmentRate: pick(j, 'abandonmentRate'),
      asa: pick(j, 'asa'),
    },
  }));

  // Every figure that leaves the engine is finite, or the run is refused (an overflow is no answer).
  for (const d of defs) {
    const t = totals[d.id];
    const countable = d.unit === 'calls' || d.unit === 'hours' || d.unit === 'agents';
    if (!Number.isFinite(t.mean) && (countable || !Number.isNaN(t.mean))) {
      throw new NonFiniteResultError(`${scenario.file ? `${scenario.file}: ` : ''}the total ${d.id} came out as ${t.mean} (an overflow): no figure is reported`);
    }
  }
  return {
    scenario: scenario.name,
    file: scenario.file,
    seed: scenario.seed,
    replications: R,
    serviceLevelSeconds: scenario.serviceLevelSeconds,
    serviceLevelFormula: scenario.serviceLevelFormula,
    horizon: {
      start: scenario.startDate,
      days: (N * scenario.intervalSeconds) / 86400,
      intervalMinutes: scenario.intervalSeconds / 60,
      warmupIntervals: from,
    },
    staffing: staffingSummary(scenario),
    workload: describeWorkload(scenario),
    metrics: defs.map(({ id, name, zh, unit }) => ({ id, name, zh, unit })),
    totals,
    totalsByReplication: Object.fromEntries(
      PAIRED_METRICS.map((id) => [id, Array.from(totalsByRep[defs.findIndex((d) => d.id === id)] ?? [])]),
    ) as RunResult['totalsByReplication'],
    intervals,
    months,
    simulatedCalls,
    simulatedEvents,
    path,
    callTypes:
      types && byType
        ? types.map((t, j) => ({
            name: t.name,
            zh: t.zh ?? null,
            share: t.share / types.reduce((s, x) => s + x.share, 0),
            answered: bounded(estimate(byType[j].answered), 'calls'),
            meanTalkSeconds: bounded(estimate(byType[j].talk), 'seconds'),
            meanWrapUpSeconds: bounded(estimate(byType[j].wrapUp), 'seconds'),
            meanHandleSeconds: bounded(estimate(byType[j].talk.map((x, r) => x + byType[j].wrapUp[r])), 'seconds'),
          }))
        : null,
    attempts: scenario.redial ? onAttempt.map((a, i) => ({ attempt: i + 1, peopleAnswered: bounded(estimate(a), 'calls') })) : null,
  };
  };
  return { tasks, add, finish };
}

export function staffingSummary(s: Scenario): RunResult['staffing'] {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let k = s.warmupIntervals; k < s.nIntervals; k++) {
    const a = s.agents[k];
    sum += a;
    if (a < min) min = a;
    if (a > max) max = a;
  }
  return {
    headcount: s.headcount,
    meanOnSeat: sum / (s.nIntervals - s.warmupIntervals),
    minOnSeat: min,
    maxOnSeat: max,
    payroll: s.headcount !== null ? describePayroll(s.payroll, s.headcount) : null,
    // A constant count on seat (from --agents too) is flat, whatever form gave it.
    profile: s.workforce.roster ? 'roster' : min === max ? 'flat' : s.headcount !== null ? s.staffing.profile : 'given',
    ...(s.staffing.floorAdded > 0 ? { floorAdded: s.staffing.floorAdded } : {}),
  };
}

/** One phrase per part of the workload besides inbound talk, for the report's header. */
export function describeWorkload(s: Scenario): string[] {
  const w: string[] = [];
  if (s.callTypes) w.push(`${s.callTypes.length} call types 来电类型 (${s.callTypes.map((t) => t.name).join(', ')})`);
  if (s.outbound) {
    const o = s.outbound;
    const parts = [o.fromAnswered ? `${Math.round(o.fromAnswered.share * 100)}% of answered calls` : '', o.daily ? `${o.daily.tasks} a day` : ''].filter(Boolean);
    w.push(`return visits 回访 (${parts.join(' + ')}, reserve ${o.reserve})`);
  }
  if (s.online) w.push(`online requests 网络渠道 (${s.online.agents === 'shared' ? 'shared agents, after voice' : 'a separate group'})`);
  if (s.lines !== null) w.push(`${s.lines} trunk lines 中继线`);
  if (s.ivrSelfServiceShare > 0) w.push(`${Math.round(s.ivrSelfServiceShare * 1000) / 10}% finish in IVR self-service`);
  if (s.redial) w.push('redials 重拨');
  if (s.dayToDayCv > 0) w.push(`day-to-day volume cv ${s.dayToDayCv}`);
  return w;
}

/** Confidence intervals stay within what the quantity can be: rates in [0, 1], the rest non-negative. */
function bounded(e: Estimate, unit: Unit): Estimate {
  return unit === 'ratio' ? clipEstimate(e, 0, 1) : clipEstimate(e, 0);
}

/** Spans of counted intervals by calendar month. */
function monthsOf(scenario: Scenario, from: number, labels: string[]): { month: string; from: number; to: number }[] {
  const spans: { month: string; from: number; to: number }[] = [];
  for (let k = from; k < scenario.nIntervals; k++) {
    const month = labels[k].slice(0, 7);
    const last = spans[spans.length - 1];
    if (last && last.month === month) last.to = k + 1;
    else spans.push({ month, from: k, to: k + 1 });
  }
  return spans;
}

function addIntervals(c: IntervalCounters, defs: MetricDefinition[], into: RunningEstimates[], from: number, N: number): void {
  // One reused totals object: this runs for every interval of every replication (17,568 a year).
  const one = { overtimeSeconds: 0, drainSeconds: 0 } as CounterTotals;
  for (let k = from; k < N; k++) {
    for (const name of COUNTER_NAMES) one[name] = c[name][k];
    for (let i = 0; i < defs.length; i++) into[i].add(k, defs[i].value(one));
  }
}
