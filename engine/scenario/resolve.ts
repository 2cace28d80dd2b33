// Scenario spec (validated file contents) -> Scenario (plain data, units resolved, one value per interval).
import type { PublishedFigure } from './published.ts';
import type { DurationDistribution } from '../random/distributions.ts';
import { meanOf } from '../random/distributions.ts';
import { addDays, daysInMonth, intervalLabel, parseIsoDate, weekdayIndex } from './calendar.ts';
import { ScenarioError } from './errors.ts';
import { FileProblem, fileTooLarge, type ScenarioFileReader } from './files.ts';
import { parseDurationColumn } from './durationsCsv.ts';
import { LIMITS } from '../limits.ts';
export { parseDurationColumn };
import type { DistributionInput, ScenarioSpec } from './schema.ts';
import type { ServiceLevelFormula } from '../callcenter/metrics.ts';
import type { CallType, OnlineChannel, Outbound, Redial } from '../callcenter/model.ts';
import { statutoryHolidays } from '../cost/holidays.ts';
import { cvOf } from '../random/distributions.ts';
import type { CostSpec } from '../cost/schema.ts';
import { EVERYONE_ON_PHONES, type Payroll } from '../workforce/payroll.ts';
import { givenAgentsStaffing, headcountStaffing, phonePeople, rosterStaffing, type RosterPeople, type Staffing } from '../workforce/staffing.ts';
import type { Roster, ScheduleOptimisation, Shifts, Shrinkage } from '../workforce/schema.ts';

export interface Scenario {
  name: string;
  description?: string;
  sources?: string[];
  /** Path of the file it came from, if any. */
  file?: string;
  startDate: string;
  intervalSeconds: number;
  intervalsPerDay: number;
  nIntervals: number;
  /** Intervals at the start that are simulated but not counted. */
  warmupIntervals: number;
  /** Offered calls per hour, per interval. */
  callsPerHour: number[];
  /** On-seat agents, per interval. */
  agents: number[];
  /**
   * The staffing behind `agents`: head count, people per seat, payroll, profile or roster
   * (engine/workforce/staffing.ts turns a head count into agents on seat and back with it).
   */
  staffing: Staffing;
  /** = staffing.headcount (kept as a short name: read in many places). */
  headcount: number | null;
  /** = staffing.payroll (kept as a short name: read in many places). */
  payroll: Payroll;
  /** The scenario's cost section, if any (defaults filled in). */
  cost: CostSpec | null;
  /** Shifts, roster, shrinkage and schedule-optimisation settings, as given. */
  workforce: ScenarioWorkforce;
  /** Talk and wrap-up; with a call-type mix, a gamma of the mixture's mean and cv (for the analytic shortcuts only). */
  talkTime: DurationDistribution;
  wrapUpTime: DurationDistribution;
  patience: DurationDistribution | null;
  redial: Redial | null;
  /** The rest of the 12345 workload (see engine/callcenter/model.ts); null or 0 when absent. */
  callTypes: CallType[] | null;
  outbound: Outbound | null;
  online: OnlineChannel | null;
  lines: number | null;
  ivrSelfServiceShare: number;
  dayToDayCv: number;
  /** Seconds every offered call spends before it can be queued (greeting, ringing); 0: none. */
  preQueueDelay: number;
  /** The published figures the scenario is fitted to or checked against (empty: none given). */
  published: PublishedFigure[];
  serviceLevelSeconds: number;
  serviceLevelFormula: ServiceLevelFormula;
  seed: number | string;
  replications: number;
}

export interface ScenarioWorkforce {
  shifts: Shifts;
  roster: Roster | null;
  shrinkage: Shrinkage | null;
  scheduleOptimisation: ScheduleOptimisation | null;
  /** = staffing.roster: the roster's people, FTE (paid hours / 40) and paid hours per week. */
  rosterHeadcount: RosterPeople | null;
}

export interface ResolveOptions {
  /** Reads the CSVs of empirical distributions (engine/scenario/files.ts); none: such a scenario is refused. */
  files?: ScenarioFileReader;
}

export function resolveScenario(spec: ScenarioSpec, file?: string, options: ResolveOptions = {}): Scenario {
  const intervalSeconds = spec.intervalMinutes * 60;
  const intervalsPerDay = 1440 / spec.intervalMinutes;
  const horizonHours = spec.horizon.days !== undefined ? spec.horizon.days * 24 : spec.horizon.hours!;
  const nIntervals = Math.round((horizonHours * 3600) / intervalSeconds);
  if (Math.abs(nIntervals * intervalSeconds - horizonHours * 3600) > 1e-6 || nIntervals < 1) {
    throw new ScenarioError(file, ['horizon'], `horizon must be a whole number of ${spec.intervalMinutes}-minute intervals`);
  }
  if (nIntervals > LIMITS.intervals) {
    throw new ScenarioError(file, ['horizon'], `${nIntervals.toLocaleString('en-US')} intervals of ${spec.intervalMinutes} minutes; the limit is ${LIMITS.intervals.toLocaleString('en-US')} (a shorter horizon or longer intervalMinutes)`);
  }
  let warmupIntervals = 0;
  if (spec.warmup) {
    const hours = spec.warmup.days !== undefined ? spec.warmup.days * 24 : spec.warmup.hours!;
    warmupIntervals = Math.round((hours * 3600) / intervalSeconds);
    if (Math.abs(warmupIntervals * intervalSeconds - hours * 3600) > 1e-6) {
      throw new ScenarioError(file, ['warmup'], `warmup must be a whole number of ${spec.intervalMinutes}-minute intervals`);
    }
    if (warmupIntervals >= nIntervals) throw new ScenarioError(file, ['warmup'], 'warmup must be shorter than the horizon');
  }
  const grid = { startDate: spec.startDate, intervalsPerDay, nIntervals, intervalSeconds };
  const callsPerHour = arrivalRates(spec.arrivals, grid, file);
  const agentSpec = spec.agents;
  const workforce: ScenarioWorkforce = {
    shifts: spec.shifts ?? {},
    roster: spec.roster ?? null,
    shrinkage: spec.shrinkage ?? null,
    scheduleOptimisation: spec.scheduleOptimisation ?? null,
    rosterHeadcount: null,
  };
  const payroll: Payroll = spec.payroll
    ? { phoneShare: spec.payroll.phoneShare ?? null, offPhone: spec.payroll.offPhone ?? null, given: true }
    : EVERYONE_ON_PHONES;
  let agents: number[];
  let staffing: Staffing;
  if (spec.roster) {
    ({ staffing, agents } = rosterStaffing(spec.roster, workforce.shifts, spec.shrinkage, { startDate: spec.startDate, intervalMinutes: spec.intervalMinutes, nIntervals }, payroll));
    workforce.rosterHeadcount = staffing.roster;
  } else if (typeof agentSpec === 'object' && !Array.isArray(agentSpec)) {
    if (payroll.offPhone && phonePeople(agentSpec.headcount, payroll) <= 0) {
      throw new ScenarioError(file, ['payroll', 'offPhone'], `the ${agentSpec.headcount} people on the payroll leave nobody to take calls`);
    }
    ({ staffing, agents } = headcountStaffing(agentSpec, payroll, callsPerHour));
  } else {
    staffing = givenAgentsStaffing(payroll);
    agents = perInterval(agentSpec!, grid, file, ['agents'], 'agents');
  }
  const patience = spec.patience === 'none' ? null : distribution(spec.patience, file, ['patience'], options);
  const callTypes: CallType[] | null = spec.callTypes
    ? spec.callTypes.map((t, i) => ({
        name: t.name,
        zh: t.zh,
        share: t.share,
        talkTime: distribution(t.talkTime, file, ['callTypes', String(i), 'talkTime'], options),
        wrapUpTime: distribution(t.wrapUpTime, file, ['callTypes', String(i), 'wrapUpTime'], options),
      }))
    : null;
  const talkTime = callTypes ? mixture(callTypes, (t) => t.talkTime) : distribution(spec.talkTime!, file, ['talkTime'], options);
  const wrapUpTime = callTypes ? mixture(callTypes, (t) => t.wrapUpTime) : distribution(spec.wrapUpTime, file, ['wrapUpTime'], options);
  const outbound = spec.outbound ? resolveOutbound(spec.outbound, intervalSeconds, file, options) : null;
  const online = spec.online ? resolveOnline(spec.online, grid, file, options) : null;
  if (!patience) {
    // Online work on shared agents waits behind voice, so only voice decides whether the queue is bounded.
    checkBoundedQueue(callsPerHour, agents, meanOf(talkTime) + meanOf(wrapUpTime), file, (k) => intervalLabel(spec.startDate, intervalSeconds, k));
  }

  return {
    name: spec.name,
    description: spec.description,
    sources: spec.sources,
    file,
    startDate: spec.startDate,
    intervalSeconds,
    intervalsPerDay,
    nIntervals,
    warmupIntervals,
    callsPerHour,
    agents,
    staffing,
    headcount: staffing.headcount,
    payroll,
    cost: spec.cost ?? null,
    workforce,
    talkTime,
    wrapUpTime,
    patience,
    redial: spec.redial
      ? {
          probability: spec.redial.probability,
          delay: distribution(spec.redial.delay, file, ['redial', 'delay'], options),
          maxAttempts: spec.redial.maxAttempts,
          laterPatience: spec.redial.laterPatience ? distribution(spec.redial.laterPatience, file, ['redial', 'laterPatience'], options) : null,
        }
      : null,
    callTypes,
    outbound,
    online,
    lines: spec.lines ?? null,
    ivrSelfServiceShare: spec.ivr?.selfServiceShare ?? 0,
    dayToDayCv: spec.arrivals.dayToDayCv ?? 0,
    preQueueDelay: spec.preQueueDelay,
    published: spec.published ?? [],
    serviceLevelSeconds: spec.serviceLevelSeconds,
    serviceLevelFormula: spec.serviceLevelFormula,
    seed: spec.seed,
    replications: spec.replications,
  };
}

interface Grid {
  startDate: string;
  intervalsPerDay: number;
  nIntervals: number;
  intervalSeconds: number;
}

/** A constant, one value per interval of a day (repeats daily), 24 hourly values, or one value per interval of the horizon. */
function perInterval(value: number | number[], grid: Grid, file: string | undefined, path: (string | number)[], what: string): number[] {
  const { intervalsPerDay, nIntervals } = grid;
  if (typeof value === 'number') return new Array(nIntervals).fill(value);
  const perHour = intervalsPerDay / 24;
  let day: number[] | undefined;
  // A daily pattern first (so a shorter --horizon never changes how a list is read), then the whole horizon.
  if (value.length === intervalsPerDay) day = value;
  else if (value.length === 24 && Number.isInteger(perHour)) day = value.flatMap((v) => new Array(perHour).fill(v));
  else if (value.length === nIntervals) return value.slice();
  if (!day) {
    throw new ScenarioError(
      file,
      path,
      `${what} has ${value.length} values; give ${intervalsPerDay} (one per interval of a day)` +
        `${Number.isInteger(perHour) && intervalsPerDay !== 24 ? ', 24 (hourly)' : ''}` +
        `${nIntervals !== intervalsPerDay ? ` or ${nIntervals} (one per interval of the horizon)` : ''}`,
    );
  }
  return Array.from({ length: nIntervals }, (_, k) => day![k % intervalsPerDay]);
}

function arrivalRates(a: ScenarioSpec['arrivals'], grid: Grid, file: string | undefined, path: string[] = ['arrivals']): number[] {
  return withSpecialDays(baseArrivalRates(a, grid, file, path), a, grid, file, path);
}

/** Named special days and statutory holidays multiply their days' rates. */
function withSpecialDays(rates: number[], a: ScenarioSpec['arrivals'], grid: Grid, file: string | undefined, path: string[]): number[] {
  if (!a.specialDays && a.statutoryHolidayFactor === undefined) return rates;
  const start = parseIsoDate(grid.startDate).getTime();
  const dayOf = (iso: string) => Math.round((parseIsoDate(iso).getTime() - start) / 86400000);
  const factor = new Map<number, number>();
  if (a.statutoryHolidayFactor !== undefined) {
    const days = Math.ceil(grid.nIntervals / grid.intervalsPerDay);
    const first = parseIsoDate(grid.startDate).getUTCFullYear();
    const last = addDays(parseIsoDate(grid.startDate), days - 1).getUTCFullYear();
    for (let y = first; y <= last; y++) {
      let holidays: { date: string }[];
      try {
        holidays = statutoryHolidays(y);
      } catch {
        throw new ScenarioError(file, [...path, 'statutoryHolidayFactor'], `no statutory-holiday calendar for ${y} (embedded: 2020-2026)`);
      }
      for (const h of holidays) factor.set(dayOf(h.date), a.statutoryHolidayFactor);
    }
  }
  for (const d of a.specialDays ?? []) {
    for (let i = 0; i < d.days; i++) {
      const day = dayOf(d.date) + i;
      factor.set(day, (factor.get(day) ?? 1) * d.factor);
    }
  }
  return rates.map((r, k) => r * (factor.get(Math.floor(k / grid.intervalsPerDay)) ?? 1));
}

function baseArrivalRates(a: ScenarioSpec['arrivals'], grid: Grid, file: string | undefined, path: string[]): number[] {
  const scale = a.scale;
  if (a.callsPerHour !== undefined) {
    return perInterval(a.callsPerHour, grid, file, [...path, 'callsPerHour'], `${path.join('.')}.callsPerHour`).map((r) => r * scale);
  }
  const { intervalsPerDay, nIntervals, intervalSeconds } = grid;
  const intraday = normalise(
    a.intradayShape ? perInterval(a.intradayShape, { ...grid, nIntervals: intervalsPerDay }, file, [...path, 'intradayShape'], `${path.join('.')}.intradayShape`) : new Array(intervalsPerDay).fill(1),
    file,
    [...path, 'intradayShape'],
  );
  const weekday = a.weekdayShape ?? [1, 1, 1, 1, 1, 1, 1];
  const start = parseIsoDate(grid.startDate);
  const days = Math.ceil(nIntervals / intervalsPerDay);
  const hoursPerInterval = intervalSeconds / 3600;
  const rates = new Array<number>(nIntervals);
  for (let d = 0; d < days; d++) {
    const date = addDays(start, d);
    let dayCalls: number;
    if (a.dailyCalls !== undefined) {
      const meanWeekday = weekday.reduce((s, w) => s + w, 0) / 7;
      if (meanWeekday === 0) throw new ScenarioError(file, [...path, 'weekdayShape'], 'weekdayShape weights are all zero');
      dayCalls = (a.dailyCalls * weekday[weekdayIndex(date)]) / meanWeekday;
    } else {
      const year = date.getUTCFullYear();
      const month = date.getUTCMonth();
      const monthly = a.monthlyShape ?? Array.from({ length: 12 }, (_, m) => daysInMonth(year, m));
      const monthlyTotal = monthly.reduce((s, w) => s + w, 0);
      if (monthlyTotal === 0) throw new ScenarioError(file, [...path, 'monthlyShape'], 'monthlyShape weights are all zero');
      const monthCalls = (a.annualCalls! * monthly[month]) / monthlyTotal;
      let weekdayWeightOfMonth = 0;
      for (let day = 1; day <= daysInMonth(year, month); day++) {
        weekdayWeightOfMonth += weekday[weekdayIndex(new Date(Date.UTC(year, month, day)))];
      }
      if (weekdayWeightOfMonth === 0) throw new ScenarioError(file, [...path, 'weekdayShape'], 'weekdayShape weights are all zero');
      dayCalls = (monthCalls * weekday[weekdayIndex(date)]) / weekdayWeightOfMonth;
    }
    for (let j = 0; j < intervalsPerDay; j++) {
      const k = d * intervalsPerDay + j;
      if (k < nIntervals) rates[k] = ((dayCalls * intraday[j]) / hoursPerInterval) * scale;
    }
  }
  return rates;
}

/** A gamma with the mean and cv of a mixture of call types' durations (for analytic shortcuts). */
function mixture(types: CallType[], pick: (t: CallType) => DurationDistribution): DurationDistribution {
  const total = types.reduce((s, t) => s + t.share, 0);
  let m1 = 0;
  let m2 = 0;
  for (const t of types) {
    const d = pick(t);
    const mean = meanOf(d);
    const sd = cvOf(d) * mean;
    m1 += (t.share / total) * mean;
    m2 += (t.share / total) * (sd * sd + mean * mean);
  }
  if (m1 === 0) return { distribution: 'deterministic', value: 0 };
  const cv = Math.sqrt(Math.max(0, m2 - m1 * m1)) / m1;
  return cv > 0 ? { distribution: 'gamma', mean: m1, cv } : { distribution: 'deterministic', value: m1 };
}

function resolveOutbound(o: NonNullable<ScenarioSpec['outbound']>, intervalSeconds: number, file: string | undefined, options: ResolveOptions): Outbound {
  for (const edge of ['from', 'to'] as const) {
    if (o.window[edge] % intervalSeconds !== 0) {
      throw new ScenarioError(file, ['outbound', 'window', edge], `the dialling window must start and end on ${intervalSeconds / 60}-minute interval boundaries`);
    }
  }
  return {
    fromAnswered: o.fromAnswered ? { share: o.fromAnswered.share, deadlineSeconds: o.fromAnswered.deadline } : null,
    daily: o.daily ? { tasks: o.daily.tasks, deadlineSeconds: o.daily.deadline } : null,
    talkTime: distribution(o.talkTime, file, ['outbound', 'talkTime'], options),
    wrapUpTime: distribution(o.wrapUpTime, file, ['outbound', 'wrapUpTime'], options),
    windowSeconds: [o.window.from % 86400, o.window.to % 86400 === 0 && o.window.to > 0 ? 86400 : o.window.to],
    answerProbability: o.answerProbability,
    noAnswerSeconds: o.noAnswerTime,
    retryDelay: distribution(o.retryDelay, file, ['outbound', 'retryDelay'], options),
    maxAttempts: o.maxAttempts,
    reserve: o.reserve,
  };
}

function resolveOnline(o: NonNullable<ScenarioSpec['online']>, grid: Grid, file: string | undefined, options: ResolveOptions): OnlineChannel {
  return {
    requestsPerHour: arrivalRates(o.arrivals, grid, file, ['online', 'arrivals']),
    handleTime: distribution(o.handleTime, file, ['online', 'handleTime'], options),
    targetSeconds: o.target,
    agents: o.agents === 'shared' ? 'shared' : perInterval(o.agents, grid, file, ['online', 'agents'], 'online.agents'),
    reserve: o.reserve,
  };
}

function normalise(weights: number[], file: string | undefined, path: string[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (total === 0) throw new ScenarioError(file, path, 'weights are all zero');
  return weights.map((w) => w / total);
}

function distribution(d: DistributionInput, file: string | undefined, path: string[], options: ResolveOptions): DurationDistribution {
  if (d.distribution !== 'empirical') return d as DurationDistribution;
  const where = [...path, 'file'];
  if (!options.files) throw new ScenarioError(file, where, `${d.file}: this scenario was given without its files, so an empirical distribution cannot be read`);
  let bytes: Uint8Array;
  try {
    bytes = options.files(d.file);
  } catch (e) {
    if (e instanceof FileProblem) throw new ScenarioError(file, where, e.message);
    throw e;
  }
  if (bytes.length > LIMITS.fileBytes) throw new ScenarioError(file, where, fileTooLarge(d.file, bytes.length));
  const values = parseDurationColumn(bytes, d.column);
  if (typeof values === 'string') throw new ScenarioError(file, where, `${d.file}: ${values}`);
  return { distribution: 'empirical', file: d.file, values };
}

/**
 * With no abandonment, an interval whose offered load reaches its agents grows the queue
 * without bound (and never recovers within a realistic horizon): refuse rather than run.
 */
export function checkBoundedQueue(
  callsPerHour: number[],
  agents: number[],
  handle: number,
  file: string | undefined,
  label: (k: number) => string = (k) => `interval ${k + 1}`,
): void {
  for (let k = 0; k < callsPerHour.length; k++) {
    const load = (callsPerHour[k] * handle) / 3600;
    if (callsPerHour[k] > 0 && load >= agents[k]) {
      throw new ScenarioError(
        file,
        ['patience'],
        `patience is "none" but the offered load (${load.toFixed(1)} Erlangs) reaches the ${agents[k]} agents on seat ` +
          `at ${label(k)}: the queue grows without bound. Give callers a patience distribution or add agents`,
      );
    }
  }
}
