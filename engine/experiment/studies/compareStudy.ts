// Comparisons (hotline-sim compare): two scenarios side by side, or one scenario's two
// operating models line by line.
import { type BudgetLine } from '../../cost/budget.ts';
import { type Model } from '../../cost/labour.ts';
import { type ScenarioOverrides } from '../../scenario/parse.ts';
import { estimate, type Estimate } from '../../stats/estimate.ts';
import { targetStudy, type TargetStudy } from './targetStudy.ts';
import type { StaffingTarget } from '../../analytic/staffing.ts';
import type { TargetPeriod } from '../search/targetPeriod.ts';
import { type PricedBudget, type ScenarioCosting, costScenario, loadStudyScenario } from './scenarioCosting.ts';
import { RunCache } from '../search/runCache.ts';
import { type StudyProgress, checkYears } from './studyKpis.ts';

// ---------------------------------------------------------------------------------------------
// comparisons (hotline-sim compare)

export interface KpiDifference {
  metric: 'connectionRate' | 'abandonmentRate' | 'serviceLevel' | 'asa' | 'occupancy' | 'answeredPerYear';
  a: Estimate;
  b: Estimate;
  /** b − a (NaN when the two are not the same measure: service levels at different thresholds). */
  difference: number;
  /**
   * Half-width of the 95% CI of the difference: paired by replication (Student t on b_r − a_r) when
   * both ran the same number of replications, else √(ha² + hb²); null without CIs.
   */
  halfWidth: number | null;
  /** How the interval was formed: paired under common random numbers (same seed), paired across seeds, independent; or not comparable. */
  basis: 'paired-crn' | 'paired' | 'independent' | 'not-comparable';
}

export interface ScenarioComparison {
  kind: 'scenarios';
  /** The contract term both are priced over; null when each has its own (a.term, b.term). */
  years: number | null;
  a: ScenarioCosting;
  b: ScenarioCosting;
  kpiDifferences: KpiDifference[];
  /** With a target: each scenario's head count for it and the price. */
  targets: { a: TargetStudy; b: TargetStudy } | null;
  notes: string[];
}

export interface ModelLine {
  item: string;
  zh: string;
  category: BudgetLine['category'];
  outsourced: number | null;
  inhouse: number | null;
  /** in-house − outsourced (missing lines count as 0). */
  difference: number;
}

export interface ModelComparison {
  kind: 'models';
  years: number;
  scenario: ScenarioCosting;
  lines: ModelLine[];
  notes: string[];
}

export interface CompareInput {
  files: string[];
  /** One scenario, in-house vs outsourced. */
  models?: boolean;
  overrides?: ScenarioOverrides;
  years?: number;
  simulate?: boolean;
  /** Also the fewest people each scenario needs for this target (the search of budget --target), and their price. */
  target?: StaffingTarget;
  period?: TargetPeriod;
  onProgress?: StudyProgress;
}

const half = (e: Estimate) => (e.ciLow === null || e.ciHigh === null ? null : (e.ciHigh - e.ciLow) / 2);

/** Union of the two models' lines, in the outsourced order with in-house-only lines after their category. */
export function modelLines(budgets: Record<Model, PricedBudget>): ModelLine[] {
  const out = budgets.outsourced.budget.lines;
  const inh = budgets.inhouse.budget.lines;
  const order: BudgetLine[] = [...out];
  for (const l of inh) {
    if (order.some((o) => o.item === l.item)) continue;
    let at = -1;
    order.forEach((o, i) => (o.category === l.category ? (at = i) : undefined));
    if (at < 0) order.forEach((o, i) => (o.category === 'housingFund' ? (at = i) : undefined));
    order.splice(at + 1, 0, l);
  }
  return order.map((l) => {
    const o = out.find((x) => x.item === l.item);
    const i = inh.find((x) => x.item === l.item);
    return {
      item: l.item,
      zh: l.zh,
      category: l.category,
      outsourced: o ? o.yuan : null,
      inhouse: i ? i.yuan : null,
      difference: (i?.yuan ?? 0) - (o?.yuan ?? 0),
    };
  });
}

export function compareStudy(input: CompareInput): ScenarioComparison | ModelComparison {
  if (input.years !== undefined) checkYears(input.years);
  const simulate = input.simulate ?? true;
  if (input.target && !simulate) throw new RangeError('--target needs simulation (drop --no-simulate)');
  const targets: Partial<Record<'a' | 'b', TargetStudy>> = {};
  const costing = (file: string, tag: string) => {
    const st = loadStudyScenario(file, input.overrides);
    const progress: StudyProgress | undefined = input.onProgress ? (l, d, t) => input.onProgress!(`${tag}${l}`, d, t) : undefined;
    const cache = new RunCache(progress);
    const c = costScenario(st, file, input.years, simulate ? cache.scenario(st.scenario, `Simulating ${st.headcount} operators`) : null);
    if (input.target) targets[tag.startsWith('B') ? 'b' : 'a'] = targetStudy(st, c.pricing, c.term.years, { target: input.target, period: input.period }, cache, progress);
    return c;
  };
  const notes = [
    "paid hours and seats: each operator works the standard annual hours, split into night, rest-day and holiday hours in the shares of the scenario's on-seat hours; seats = peak on seat + off-phone desks",
  ];
  if (input.models) {
    if (input.files.length !== 1) throw new RangeError('--models compares the two operating models of ONE scenario');
    const scenario = costing(input.files[0], '');
    return { kind: 'models', years: scenario.term.years, scenario, lines: modelLines(scenario.budgets), notes };
  }
  if (input.files.length !== 2) throw new RangeError('give two scenarios to compare, or one with --models');
  const a = costing(input.files[0], 'A: ');
  const b = costing(input.files[1], 'B: ');
  const kpiDifferences: KpiDifference[] = [];
  if (a.kpis && b.kpis) {
    const ka = a.kpis;
    const kb = b.kpis;
    const paired = ka.replications === kb.replications && ka.replications > 1;
    const crn = paired && String(ka.seed) === String(kb.seed);
    for (const metric of ['connectionRate', 'abandonmentRate', 'serviceLevel', 'asa', 'occupancy', 'answeredPerYear'] as const) {
      const ea = ka[metric];
      const eb = kb[metric];
      // A service level is a measure of its threshold: 15 s and 30 s are not subtracted.
      if (metric === 'serviceLevel' && (ka.serviceLevelSeconds !== kb.serviceLevelSeconds || ka.serviceLevelFormula !== kb.serviceLevelFormula)) {
        kpiDifferences.push({ metric, a: ea, b: eb, difference: Number.NaN, halfWidth: null, basis: 'not-comparable' });
        continue;
      }
      if (paired) {
        const d = estimate(kb.byReplication[metric].map((x, r) => x - ka.byReplication[metric][r]));
        const h = d.ciLow === null || d.ciHigh === null ? null : (d.ciHigh - d.ciLow) / 2;
        kpiDifferences.push({ metric, a: ea, b: eb, difference: eb.mean - ea.mean, halfWidth: h, basis: crn ? 'paired-crn' : 'paired' });
        continue;
      }
      const ha = half(ea);
      const hb = half(eb);
      kpiDifferences.push({ metric, a: ea, b: eb, difference: eb.mean - ea.mean, halfWidth: ha === null || hb === null ? null : Math.hypot(ha, hb), basis: 'independent' });
    }
    notes.push(
      crn
        ? 'KPI differences: both scenarios ran the same seed and replications (common random numbers): the ± is the 95% CI of the paired differences, replication by replication'
        : paired
          ? 'KPI differences: the ± is the 95% CI of the paired differences, replication by replication (different seeds: the pairs are independent)'
          : 'KPI differences: different numbers of replications, simulated independently; the ± is √(a² + b²) of their 95% CI half-widths',
    );
    if (ka.serviceLevelSeconds !== kb.serviceLevelSeconds) {
      notes.push(`service levels are at different thresholds (A ${ka.serviceLevelSeconds} s, B ${kb.serviceLevelSeconds} s): not subtracted`);
    }
  }
  return {
    kind: 'scenarios',
    years: a.term.years === b.term.years ? a.term.years : null,
    a,
    b,
    kpiDifferences,
    targets: targets.a && targets.b ? { a: targets.a, b: targets.b } : null,
    notes,
  };
}
