// A scenario priced at its head count: loading it for a study, the cost inputs its staffing
// gives (on-seat hours by category, peak seats), and the budgets of both operating models.
import { annualBudget, type Budget } from '../../cost/budget.ts';
import type { PaidHoursByCategory } from '../../cost/holidays.ts';
import { type Model } from '../../cost/labour.ts';
import { defaultCostSpec, type CostSpec } from '../../cost/schema.ts';
import { parseScenarioYaml, scenarioFromYaml, type ScenarioOverrides } from '../../scenario/parse.ts';
import { nodeFileReader, readScenarioFile } from '../../scenario/load.ts';
import { type Scenario } from '../../scenario/resolve.ts';
import type { Estimate } from '../../stats/estimate.ts';
import { type RunResult } from './run.ts';
import type { Payroll } from '../../workforce/payroll.ts';
import { phonePeople, studyHeadcount } from '../../workforce/staffing.ts';
import { ScenarioError } from '../../scenario/errors.ts';
import { onSeatHoursFromAgents, type StaffingPattern } from '../../cost/onSeat.ts';
import { INHOUSE_PRESETS, withInhousePreset, type InhousePreset } from '../../cost/inhouse.ts';
import { type KpiSummary, kpiSummary } from './studyKpis.ts';
import { readingNotes } from './readingNotes.ts';
import { isFlat, meanAgents } from '../search/headcountAgents.ts';

// ---------------------------------------------------------------------------------------------
// pricing

export interface PricedBudget {
  budget: Budget;
  /** All-in total / answered calls per year, with the CI of the answered calls (null without a simulation). */
  costPerAnsweredCall: Estimate | null;
  /** All-in total / connection rate in percentage points. */
  costPerConnectionPoint: Estimate | null;
}

function inverse(total: number, e: Estimate, scale: number): Estimate {
  const f = (x: number | null) => (x === null || !(x > 0) ? null : total / (x * scale));
  return { mean: e.mean > 0 ? total / (e.mean * scale) : Number.NaN, ciLow: f(e.ciHigh), ciHigh: f(e.ciLow) };
}

/** Who takes calls and the staffing's hours and peak seats: what the cost functions take from the scenario. */
export interface PricingContext {
  payroll: Payroll;
  staffing: StaffingPattern | null;
}

/**
 * The cost inputs a scenario's staffing gives: on-seat hours by category and the peak agents
 * on seat, from its resolved per-interval agents (its roster's when it has one).
 */
export function staffingPatternOf(s: Scenario, headcount: number, year: number): StaffingPattern {
  const { hours, peakOnSeat } = onSeatHoursFromAgents(s.agents, s.intervalSeconds, s.startDate, year, { skip: s.warmupIntervals });
  const days = ((s.nIntervals - s.warmupIntervals) * s.intervalSeconds) / 86400;
  // The basis of the peak seats and the hours' shares: a whole year of the staffing (contractYearScenario), else the horizon, named.
  const basis = days >= daysOfYearFrom(s.startDate) ? `, over a year from ${s.startDate}` : `, over the simulated ${Math.round(days * 10) / 10} days`;
  const flat = isFlat(s);
  const source = s.workforce.roster
    ? "the roster's agents on seat"
    : flat
      ? `no roster: the scenario's flat ${s.agents[0]} on seat around the clock`
      : s.staffing.profile === 'demand' && s.headcount !== null
        ? "no roster: the scenario's agents on seat following demand"
        : "no roster: the scenario's per-interval agents on seat";
  return { onSeatHours: hours, peakOnSeat, operators: phonePeople(headcount, s.payroll), source: source + basis };
}

/** Days from a date to the same date a year later (365, or 366 across a 29 February). */
function daysOfYearFrom(startDate: string): number {
  const t = Date.parse(`${startDate}T00:00:00Z`);
  const next = new Date(t);
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  return Math.round((next.getTime() - t) / 86_400_000);
}

/**
 * The scenario's staffing over a whole year from its start date (every month and season once), so
 * that the price of a contract year (peak seats, night and holiday hours) does not depend on the
 * simulated horizon. Null when the scenario cannot be resolved over a year (e.g. per-interval
 * inputs for a week only): the horizon is then the basis, and the pricing source says so.
 */
export function contractYearScenario(load: (o: ScenarioOverrides) => Scenario, overrides: ScenarioOverrides, startDate: string): Scenario | null {
  try {
    return load({ ...overrides, horizonHours: daysOfYearFrom(startDate) * 24, replications: 1 });
  } catch (e) {
    if (e instanceof ScenarioError || e instanceof RangeError) return null;
    throw e;
  }
}

export function priceHeadcount(
  spec: CostSpec,
  headcount: number,
  years: number,
  kpis: KpiSummary | null,
  paidHoursByCategory?: PaidHoursByCategory,
  ctx?: PricingContext,
): Record<Model, PricedBudget> {
  const priced = (model: Model): PricedBudget => {
    const conn = kpis?.connectionRate.mean;
    const budget = annualBudget(
      spec,
      {
        ...(ctx ? { headcount, payroll: ctx.payroll, staffing: ctx.staffing ?? undefined } : { operators: headcount }),
        years,
        paidHoursByCategory,
        answeredCallsPerYear: kpis && kpis.answeredPerYear.mean > 0 ? kpis.answeredPerYear.mean : undefined,
        connectionRate: conn !== undefined && conn > 0 && conn <= 1 ? conn : undefined,
      },
      model,
    );
    return {
      budget,
      costPerAnsweredCall: kpis ? inverse(budget.total, kpis.answeredPerYear, 1) : null,
      costPerConnectionPoint: kpis ? inverse(budget.total, kpis.connectionRate, 100) : null,
    };
  };
  return { outsourced: priced('outsourced'), inhouse: priced('inhouse') };
}

// ---------------------------------------------------------------------------------------------
// loading a scenario for a study

export interface StudyScenario {
  scenario: Scenario;
  /** Payroll operators: the scenario's (or --headcount), or implied by its agents × peoplePerSeat. */
  headcount: number;
  headcountSource: 'scenario' | 'override' | 'implied';
  /**
   * People in `headcount` added because the demand profile's floor (minOnSeat on seat at every
   * hour) needs more seat-hours than the given head count can work (Staffing.floorAdded); null: none.
   */
  floor: { added: number; minOnSeat: number } | null;
  /** The scenario's own payroll head count when an override replaced it (what its cited contract paid for). */
  scenarioHeadcount: number | null;
  /** People per agent on seat (null when the scenario gives agents and none was given). */
  peoplePerSeat: number | null;
  spec: CostSpec;
  costSource: 'scenario' | 'defaults';
  /** The same staffing over a whole year from its start date (the basis of every annual price), else the scenario. */
  yearScenario: Scenario;
}

/**
 * Loads a scenario with its payroll head count and people per seat (its Staffing value:
 * engine/workforce/staffing.ts studyHeadcount). A scenario that gives agents on seat directly needs
 * `peoplePerSeat`: its head count is then the fewest people who put that mean on seat. The file is
 * read and parsed once; the variants (without the what-ifs, over a contract year) are resolved from
 * the parsed YAML.
 */
export function loadStudyScenario(file: string, overrides: ScenarioOverrides = {}): StudyScenario {
  const yaml = parseScenarioYaml(readScenarioFile(file), file);
  const load = (o: ScenarioOverrides) => scenarioFromYaml(yaml, file, o, nodeFileReader(file, o.allowFilesOutside));
  // The scenario's own staffing, without the staffing what-ifs.
  const plain = load({ ...overrides, headcount: undefined, peoplePerSeat: undefined, profile: undefined });
  // People per seat on a scenario that gives agents on seat or a roster (not a head count) prices
  // them: the scenario itself is simulated as it is.
  const headcountForm = overrides.headcount !== undefined || plain.staffing.form === 'headcount';
  const o = headcountForm ? overrides : { ...overrides, peoplePerSeat: undefined };
  const scenario = load(o);
  const study = studyHeadcount(scenario.staffing, meanAgents(scenario), overrides.peoplePerSeat);
  if (study.headcount === null) {
    throw new RangeError(
      `${file}: the scenario gives agents on seat, not a payroll head count; give --people-per-seat (people per agent on seat) or --headcount with --people-per-seat`,
    );
  }
  const headcountSource: StudyScenario['headcountSource'] = study.implied
    ? 'implied'
    : overrides.headcount !== undefined && overrides.headcount !== plain.headcount
      ? 'override'
      : 'scenario';
  const costSpec = scenario.cost ?? defaultCostSpec();
  return {
    scenario,
    headcount: study.headcount,
    headcountSource,
    floor: scenario.staffing.floorAdded > 0 ? { added: scenario.staffing.floorAdded, minOnSeat: scenario.staffing.minOnSeat } : null,
    // (--agents replaces the file's staffing: its own head count is the file's without it)
    scenarioHeadcount:
      overrides.agents !== undefined
        ? load({ ...overrides, headcount: undefined, agents: undefined, peoplePerSeat: undefined, profile: undefined }).headcount
        : overrides.headcount !== undefined
          ? plain.headcount
          : scenario.headcount,
    peoplePerSeat: study.peoplePerSeat,
    spec: costSpec,
    costSource: scenario.cost ? 'scenario' : 'defaults',
    yearScenario: contractYearScenario(load, o, scenario.startDate) ?? scenario,
  };
}

// ---------------------------------------------------------------------------------------------
// the scenario at its head count

export interface ScenarioCosting {
  file: string;
  name: string;
  headcount: number;
  headcountSource: StudyScenario['headcountSource'];
  floor: StudyScenario['floor'];
  /** The scenario's own payroll head count (differs from `headcount` under an override). */
  scenarioHeadcount: number | null;
  peoplePerSeat: number | null;
  /** Mean agents on seat over the counted intervals. */
  agentsOnSeat: number;
  intervalMinutes: number;
  calendarYear: number;
  costSource: StudyScenario['costSource'];
  /** Simulated KPIs at the head count (null with simulate: false). */
  kpis: KpiSummary | null;
  budgets: Record<Model, PricedBudget>;
  /** The published contract, when the scenario's cost section cites it (shown beside the modelled price). */
  citedContract: { yuan: number; years: number; source?: string } | null;
  /** The in-house budget under each employment-terms preset (the comparison's honesty check). */
  inhouseByPreset: Record<InhousePreset, Budget>;
  /** What the cost functions took from the staffing. */
  pricing: PricingContext;
  /** The contract term priced (the vendor amortises over it) and where it came from. */
  term: ContractTerm;
  /** Reading notes on the staffing and its simulation (engine/experiment/studies/readingNotes.ts). */
  readingNotes: string[];
}

/** The contract term a study prices: the one asked for, else the scenario's cited contract's, else one year. */
export interface ContractTerm {
  years: number;
  source: 'option' | 'citedContract' | 'default';
}

export function contractTerm(spec: CostSpec, years?: number): ContractTerm {
  if (years !== undefined) return { years, source: 'option' };
  const cited = spec.citedContract?.years;
  if (cited !== undefined && cited > 0) return { years: cited, source: 'citedContract' };
  return { years: 1, source: 'default' };
}

export function pricingContext(st: StudyScenario): PricingContext {
  return { payroll: st.scenario.payroll, staffing: staffingPatternOf(st.yearScenario, st.headcount, st.spec.calendarYear) };
}

export function costScenario(st: StudyScenario, file: string, years: number | undefined, run: RunResult | null): ScenarioCosting {
  const kpis = run ? kpiSummary(run) : null;
  const ctx = pricingContext(st);
  const term = contractTerm(st.spec, years);
  years = term.years;
  return {
    file,
    name: st.scenario.name,
    headcount: st.headcount,
    headcountSource: st.headcountSource,
    floor: st.floor,
    scenarioHeadcount: st.scenarioHeadcount,
    peoplePerSeat: st.peoplePerSeat,
    agentsOnSeat: meanAgents(st.scenario),
    intervalMinutes: st.scenario.intervalSeconds / 60,
    calendarYear: st.spec.calendarYear,
    costSource: st.costSource,
    kpis,
    budgets: priceHeadcount(st.spec, st.headcount, years, kpis, undefined, ctx),
    citedContract: st.spec.citedContract ?? null,
    inhouseByPreset: Object.fromEntries(
      INHOUSE_PRESETS.map((p) => [p, priceHeadcount(withInhousePreset(st.spec, p), st.headcount, years, null, undefined, ctx).inhouse.budget]),
    ) as Record<InhousePreset, Budget>,
    pricing: ctx,
    term,
    readingNotes: readingNotes({
      occupancy: kpis?.occupancy.mean ?? null,
      profile: st.scenario.workforce.roster ? 'roster' : isFlat(st.scenario) ? 'flat' : st.scenario.staffing.profile,
      scenario: st.scenario,
    }),
  };
}

