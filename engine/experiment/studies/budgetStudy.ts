// The budget study (hotline-sim budget): the cost of a head count with its simulated KPIs,
// budget → head count, target KPI → minimum head count and budget, the contract-year risk.
// The concepts live in their own modules (re-exported here): studyKpis, headcountSearch,
// contractYear, scenarioCosting, compareStudy.
import { targetMetric, scenarioForTarget, meetsTargetEstimate, type TargetMetric, type KpiDirection, type TargetCriterion } from '../search/target.ts';
import { type StaffingTarget } from '../../analytic/staffing.ts';
import { annualBudget } from '../../cost/budget.ts';
import { affordableMonthlyWage, fullCostHeadcount, gapGroupNames, naiveHeadcount, withOperatorWage, type Covers, type FullCostHeadcount, type NaiveHeadcount } from '../../cost/inversions.ts';
import { monthlyWages, type Model } from '../../cost/labour.ts';
import { type ScenarioOverrides } from '../../scenario/parse.ts';
import { type ContractView, type HeadcountForRisk, contractView, minimumHeadcountForContractRisk } from './contractYear.ts';
import { type HeadcountForTarget, type HeadcountSolver, flatHeadcountSolver } from '../search/headcountSearch.ts';
import { type TargetPeriod } from '../search/targetPeriod.ts';
import { scenarioAtHeadcount, unboundedAt } from '../search/headcountAgents.ts';
import { agentsForHeadcount } from '../../workforce/staffing.ts';
import { RunCache } from '../search/runCache.ts';
import { type KpiSummary, OPERATING_MODELS, type StudyProgress, checkYears, kpiSummary } from './studyKpis.ts';
import { targetStudy, type TargetStudy } from './targetStudy.ts';
import { type PricedBudget, type ScenarioCosting, costScenario, loadStudyScenario, priceHeadcount, staffingPatternOf } from './scenarioCosting.ts';
import { bidView, type BidView } from './bidStudy.ts';

export * from './studyKpis.ts';
export * from '../search/headcountSearch.ts';
export * from '../search/headcountAgents.ts';
export * from '../search/runCache.ts';
export * from '../search/analyticBracket.ts';
export * from '../search/targetPeriod.ts';
export * from './contractYear.ts';
export * from './scenarioCosting.ts';
export * from './compareStudy.ts';
export * from './targetStudy.ts';

// ---------------------------------------------------------------------------------------------
// budget → head count

export interface WaterfallStep {
  key: string;
  en: string;
  zh: string;
  /** Change in operators (negative: heads the item costs). */
  heads: number;
  /** Operators after this step. */
  running: number;
}

export interface ModelInversion {
  /** Gross monthly operator wage in this model (the scenario's cost section). */
  modelWage: number;
  fullCost: FullCostHeadcount;
  /** naive at the naive wage → wage difference → each cost group → whole-person rounding → full cost. */
  waterfall: WaterfallStep[];
  /** The full-cost head count if operators were paid the naive wage (null when it is the model wage). */
  fullCostAtNaiveWage: number | null;
  /** The gross wage the budget pays the reported head count. */
  affordableWage: { monthlyWage: number; feasible: boolean; perOperatorYear: number; perOperatorMonth: number; explanation: string };
  /** Simulated KPIs of the full-cost head count (flat agents on seat), null without simulation or people per seat. */
  simulated: { headcount: number; agentsOnSeat: number; kpis: KpiSummary } | null;
  /** The full-cost head count's budget, with its unit costs when simulated. */
  priced: PricedBudget;
}

export interface BudgetInversion {
  budgetYuan: number;
  years: number;
  annualBudget: number;
  covers: Covers;
  naiveWage: number;
  naiveWageSource: 'option' | 'scenario';
  /** budget / months / naive wage, floored; `.exact` unrounded. */
  naive: NaiveHeadcount;
  naiveNearest: number;
  /** The citizen's way: the month rounded to 100,000 yuan, the result rounded up. */
  citizen: NaiveHeadcount;
  /** The reported (scenario's) head count. */
  reportedHeadcount: number;
  /** budget per year / reported head count. */
  perReportedOperatorYear: number;
  minimumMonthlyWage: number | null;
  models: Record<Model, ModelInversion>;
  /**
   * When the naive wage is someone else's figure (a citizen's 7,000): two answers instead of a
   * waterfall that starts by swapping the wage. (1) At that gross wage, the people the budget
   * (and the signed contract, when cited) pays after on-costs; (2) if the figure was meant
   * all-in, the real all-in cost per reported person-month.
   */
  twoAnswers: {
    naiveWage: number;
    atNaiveWage: { budget: Record<Model, number>; citedContract: Record<Model, number> | null };
    allIn: { yuan: number; years: number; source: 'citedContract' | 'budget'; perPersonMonth: number; headcount: number; ratioToNaiveWage: number };
    /** The naive division of the signed contract, when the budget given is not it (the ceiling). */
    naiveAtCitedContract: { yuan: number; exact: number } | null;
    /** People the signed contract pays at the scenario's own wage, per model (null without a cited contract apart from the budget). */
    citedAtScenarioWage: Record<Model, number> | null;
  } | null;
}

/** The affordable gross operator wage at the cited contract price, per model, for the scenario's head count. */
export interface CitedAffordable {
  yuanPerYear: number;
  headcount: number;
  operators: number;
  wage: Record<Model, { monthlyWage: number; feasible: boolean }>;
  minimumMonthlyWage: number | null;
  minimumWageLabel: string;
}

function waterfall(naive: NaiveHeadcount, fc: FullCostHeadcount, modelWage: number): WaterfallStep[] {
  const steps: WaterfallStep[] = [];
  let running = naive.exact;
  steps.push({ key: 'naive', en: `naive: budget / months / ${naive.monthlyWage} yuan`, zh: '简单除法', heads: naive.exact, running });
  if (Math.abs(naive.monthlyWage - modelWage) > 1e-9) {
    const d = fc.naive.exact - naive.exact;
    running += d;
    steps.push({ key: 'wage', en: `gross wage ${modelWage} instead of ${naive.monthlyWage} yuan a month`, zh: '工资假设不同', heads: d, running });
  }
  for (const g of fc.gap.byGroup) {
    running -= g.heads;
    steps.push({ key: g.group, en: gapGroupNames[g.group].en, zh: gapGroupNames[g.group].zh, heads: -g.heads, running });
  }
  running -= fc.gap.integerSlack;
  steps.push({ key: 'rounding', en: 'whole people and unspent headroom', zh: '取整及结余', heads: -fc.gap.integerSlack, running });
  return steps;
}

// ---------------------------------------------------------------------------------------------
// the budget study (hotline-sim budget)

export interface BudgetStudyInput {
  file: string;
  overrides?: ScenarioOverrides;
  /** Contract term in years (default 1): a --budget is for the whole term; the vendor amortises over it. */
  years?: number;
  /** What a tender budget must cover (outsourced): the contract price (default) or the all-in total. */
  covers?: Covers;
  budgetYuan?: number;
  /** Monthly wage of the naive division (default: the scenario's outsourced operator wage). */
  naiveWage?: number;
  target?: StaffingTarget;
  /** Over what the target must hold (default: every calendar month). */
  period?: TargetPeriod;
  criterion?: TargetCriterion;
  contractKpi?: StaffingTarget;
  /** With contractKpi: the probability that every month meets it, to reach. */
  risk?: number;
  /** Simulate (default true); false prices only. */
  simulate?: boolean;
  /** The bidder's view (lawful floor, evaluation, bond, payment, KPI deductions, margin). */
  bid?: boolean;
  solver?: HeadcountSolver;
  onProgress?: StudyProgress;
}

export interface ContractStudy {
  kpi: StaffingTarget;
  /** At the reported head count. */
  atReported: ContractView;
  /** With `risk`: the head count reaching that probability, and its price. */
  forRisk: (HeadcountForRisk & { budgets: Record<Model, PricedBudget> }) | null;
}

export interface BudgetStudy {
  years: number;
  covers: Covers;
  at: ScenarioCosting;
  /** The gross wage the cited contract pays under the scenario's structure (always, when a contract is cited). */
  citedAffordable: CitedAffordable | null;
  inversion: BudgetInversion | null;
  target: TargetStudy | null;
  contract: ContractStudy | null;
  /** The bidder's view (with `bid`). */
  bid: BidView | null;
  /** Assumptions and caveats a reader should see. */
  notes: string[];
  warnings: string[];
  /** Distinct staffings simulated. */
  simulations: number;
}


export function budgetStudy(input: BudgetStudyInput): BudgetStudy {
  if (input.years !== undefined) checkYears(input.years);
  const covers = input.covers ?? 'contract';
  const simulate = input.simulate ?? true;
  const solver = input.solver ?? flatHeadcountSolver;
  const st = loadStudyScenario(input.file, input.overrides);
  const cache = new RunCache(input.onProgress);
  const pps = st.peoplePerSeat;
  const notes: string[] = [];
  const warnings: string[] = [];
  if (st.costSource === 'defaults') warnings.push('the scenario has no cost section: every cost is a library default (engine/cost/README.md)');
  if (st.headcountSource === 'implied') {
    notes.push(`head count implied by the scenario's agents on seat: ${st.headcount} = mean agents on seat × ${pps} people per seat, rounded up`);
  }

  // the price's own checks (a small-scale taxpayer above 5M a year, a small low-profit firm above
  // 300 staff) fail before any simulation
  priceHeadcount(st.spec, st.headcount, input.years ?? 1, null, undefined, { payroll: st.scenario.payroll, staffing: null });
  const baseRun = simulate ? cache.scenario(st.scenario, `Simulating ${st.headcount} operators`) : null;
  const at = costScenario(st, input.file, input.years, baseRun);
  const years = at.term.years;
  const ctx = at.pricing;
  if (ctx.staffing) {
    const h = ctx.staffing.onSeatHours;
    const tot = h.normal + h.restDay + h.statutoryHoliday;
    notes.push(
      `paid hours and seats from the staffing (${ctx.staffing.source}): night ${(100 * h.night / tot).toFixed(1)}%, statutory holidays ${(100 * h.statutoryHoliday / tot).toFixed(1)}% of the hours; ` +
        `peak ${ctx.staffing.peakOnSeat} on seat` +
        (input.solver?.name === 'roster' ? "; the minimum for the target is priced with its roster's own hours" : ''),
    );
  }
  let citedAffordable: CitedAffordable | null = null;
  if (at.citedContract) {
    const c = at.citedContract;
    const inv = { covers: 'contract' as const, payroll: ctx.payroll, staffing: ctx.staffing ?? undefined, headcountIs: 'people' as const };
    const wage = Object.fromEntries(
      OPERATING_MODELS.map((m) => {
        const w = affordableMonthlyWage(c.yuan, c.years, st.headcount, st.spec, m, inv);
        return [m, { monthlyWage: w.monthlyWage, feasible: w.feasible }];
      }),
    ) as CitedAffordable['wage'];
    const mw = at.budgets.outsourced.budget.parameters.minimumMonthlyWage;
    citedAffordable = {
      yuanPerYear: c.yuan / c.years,
      headcount: st.headcount,
      operators: at.budgets.outsourced.budget.headcounts.operator,
      wage,
      minimumMonthlyWage: mw.value,
      minimumWageLabel: mw.label,
    };
  }
  if (at.kpis && at.kpis.countedDays < 360) {
    notes.push(`the simulated horizon is ${daysText(at.kpis.countedDays)}: answered calls are scaled to 365 days`);
  }

  const needPps = (what: string): number => {
    if (pps === null) throw new RangeError(`${what} needs people per seat: give --people-per-seat`);
    return pps;
  };
  const runFlat = (headcount: number, label: string) => {
    const p = needPps('simulating another head count');
    const n = agentsForHeadcount(headcount, p, st.scenario.payroll);
    if (unboundedAt(st.scenario, n)) return null;
    const run = cache.flat(st.scenario, n, headcount, p, label);
    return { headcount, agentsOnSeat: run.staffing.meanOnSeat, kpis: kpiSummary(run) };
  };

  // --- budget → head count ------------------------------------------------------------------
  let inversion: BudgetInversion | null = null;
  if (input.budgetYuan !== undefined) {
    const b = input.budgetYuan;
    if (!(b > 0) || !Number.isFinite(b)) throw new RangeError(`the budget must be a positive number of yuan (got ${b})`);
    const naiveWage = input.naiveWage ?? monthlyWages(st.spec, 'outsourced').operator;
    if (!(naiveWage > 0)) throw new RangeError(`the naive wage must be more than 0 yuan a month (got ${naiveWage})`);
    const naive = naiveHeadcount(b, years, naiveWage);
    const models = {} as Record<Model, ModelInversion>;
    for (const model of OPERATING_MODELS) {
      const inv = { covers, payroll: ctx.payroll, staffing: ctx.staffing ?? undefined, headcountIs: 'people' as const };
      const fc = fullCostHeadcount(b, years, st.spec, model, inv);
      const modelWage = monthlyWages(st.spec, model).operator;
      const atNaive =
        Math.abs(naiveWage - modelWage) > 1e-9 ? fullCostHeadcount(b, years, withOperatorWage(st.spec, model, naiveWage), model, inv).operators : null;
      const aw = affordableMonthlyWage(b, years, st.headcount, st.spec, model, inv);
      let simulated: ModelInversion['simulated'] = null;
      if (simulate && pps !== null && fc.operators > 0) simulated = runFlat(fc.operators, `Simulating ${fc.operators} operators (full cost, ${model})`);
      models[model] = {
        modelWage,
        fullCost: fc,
        waterfall: waterfall(naive, fc, modelWage),
        fullCostAtNaiveWage: atNaive,
        affordableWage: {
          monthlyWage: aw.monthlyWage,
          feasible: aw.feasible,
          perOperatorYear: aw.perOperatorYear,
          perOperatorMonth: aw.perOperatorMonth,
          explanation: aw.explanation,
        },
        simulated,
        priced: priceHeadcount(st.spec, fc.operators, years, simulated?.kpis ?? null, undefined, ctx)[model],
      };
    }
    if (simulate && pps === null) warnings.push('full-cost head counts not simulated: the scenario gives agents on seat and no --people-per-seat');
    inversion = {
      budgetYuan: b,
      years,
      annualBudget: b / years,
      covers,
      naiveWage,
      naiveWageSource: input.naiveWage !== undefined ? 'option' : 'scenario',
      naive,
      naiveNearest: naiveHeadcount(b, years, naiveWage, { roundResult: 'round' }).headcount,
      citizen: naiveHeadcount(b, years, naiveWage, { roundMonthlyTo: 100_000, roundResult: 'ceil' }),
      reportedHeadcount: st.headcount,
      perReportedOperatorYear: b / years / st.headcount,
      minimumMonthlyWage: at.budgets.outsourced.budget.parameters.minimumMonthlyWage.value,
      models,
      twoAnswers: null,
    };
    if (inversion.naiveWageSource === 'option' && Math.abs(naiveWage - monthlyWages(st.spec, 'outsourced').operator) > 1e-9) {
      const cited = st.spec.citedContract ?? null;
      const inv = { covers, payroll: ctx.payroll, staffing: ctx.staffing ?? undefined, headcountIs: 'people' as const };
      const atWage = (yuan: number, yrs: number) =>
        Object.fromEntries(OPERATING_MODELS.map((m) => [m, fullCostHeadcount(yuan, yrs, withOperatorWage(st.spec, m, naiveWage), m, inv).operators])) as Record<Model, number>;
      const allInYuan = cited ? cited.yuan : b;
      const allInYears = cited ? cited.years : years;
      const perPersonMonth = allInYuan / allInYears / 12 / st.headcount;
      inversion.twoAnswers = {
        naiveWage,
        atNaiveWage: { budget: atWage(b, years), citedContract: cited && Math.abs(cited.yuan / cited.years - b / years) > 1 ? atWage(cited.yuan, cited.years) : null },
        allIn: { yuan: allInYuan, years: allInYears, source: cited ? 'citedContract' : 'budget', perPersonMonth, headcount: st.headcount, ratioToNaiveWage: perPersonMonth / naiveWage },
        naiveAtCitedContract:
          cited && Math.abs(cited.yuan / cited.years - b / years) > 1 ? { yuan: cited.yuan, exact: naiveHeadcount(cited.yuan, cited.years, naiveWage).exact } : null,
        citedAtScenarioWage:
          cited && Math.abs(cited.yuan / cited.years - b / years) > 1
            ? (Object.fromEntries(OPERATING_MODELS.map((m) => [m, fullCostHeadcount(cited.yuan, cited.years, st.spec, m, inv).operators])) as Record<Model, number>)
            : null,
      };
    }
  }

  // --- target KPI → minimum head count and budget ------------------------------------------------
  let target: TargetStudy | null = null;
  if (input.target) {
    if (!simulate) throw new RangeError('--target needs simulation (drop --no-simulate)');
    target = targetStudy(st, ctx, years, { target: input.target, period: input.period, criterion: input.criterion, solver }, cache, input.onProgress);
  }

  // --- contract-year risk ------------------------------------------------------------------------
  let contract: ContractStudy | null = null;
  if (input.risk !== undefined && !input.contractKpi) throw new RangeError('--risk needs --contract-kpi');
  if (input.contractKpi) {
    if (!simulate) throw new RangeError('--contract-kpi needs simulation (drop --no-simulate)');
    const kpi = input.contractKpi;
    const s = scenarioForTarget(st.scenario, kpi);
    const run = cache.scenario(s, `Simulating ${st.headcount} operators`);
    const atReported = contractView(run, kpi, st.headcount, at.agentsOnSeat);
    if (!atReported.fullYear) {
      warnings.push(
        atReported.wholeMonths === 0
          ? `the horizon covers no whole calendar month: the contract-year view assesses ${atReported.months.map((m) => `${m.month} (${daysText(m.days)})`).join(', ')} as if each were a month; a contract year needs 12 (a startDate on the 1st of a month and --horizon 365d or 366d)`
          : `the contract-year view covers only ${atReported.wholeMonths} whole calendar month(s) of the horizon; a contract year needs 12 (a startDate on the 1st of a month and --horizon 365d or 366d)`,
      );
    }
    let forRisk: ContractStudy['forRisk'] = null;
    if (input.risk !== undefined) {
      const r = minimumHeadcountForContractRisk(st.scenario, kpi, input.risk, { peoplePerSeat: needPps('--risk'), cache, onProgress: input.onProgress });
      const rrun = cache.flat(s, agentsForHeadcount(r.headcount, pps!, s.payroll), r.headcount, pps!, '');
      const rstaff = staffingPatternOf(scenarioAtHeadcount(st.yearScenario, r.headcount, pps!), r.headcount, st.spec.calendarYear);
      forRisk = { ...r, budgets: priceHeadcount(st.spec, r.headcount, years, kpiSummary(rrun), undefined, { ...ctx, staffing: rstaff }) };
      const w = r.view.risk.wilson95;
      if (w.lower < input.risk) {
        warnings.push(
          `with ${r.view.risk.replications} replications the probability at ${r.headcount} people is only known to lie in ` +
            `${(w.lower * 100).toFixed(1)}%–${(w.upper * 100).toFixed(1)}%, below the ${(input.risk * 100).toFixed(0)}% asked for at its low end: use more replications`,
        );
      }
    }
    contract = { kpi, atReported, forRisk };
  }

  // --- the bidder's view ------------------------------------------------------------------------------
  let bid: BidView | null = null;
  if (input.bid) {
    const fr = contract?.forRisk ?? null;
    const candidates =
      fr && contract
        ? fr.evaluations
            .filter((e) => e.meets)
            .map((e) => {
              const run = cache.flat(scenarioForTarget(st.scenario, contract.kpi), e.agentsOnSeat, e.headcount, pps!, '');
              const staffing = staffingPatternOf(scenarioAtHeadcount(st.yearScenario, e.headcount, pps!), e.headcount, st.spec.calendarYear);
              const budget = priceHeadcount(st.spec, e.headcount, years, null, undefined, { ...ctx, staffing }).outsourced.budget;
              return { headcount: e.headcount, budget, run, probability: e.probability };
            })
        : [];
    bid = bidView({
      spec: st.spec,
      years,
      headcount: st.headcount,
      budget: at.budgets.outsourced.budget,
      budgetInputs: { headcount: st.headcount, years, payroll: ctx.payroll, staffing: ctx.staffing ?? undefined },
      run: baseRun,
      probabilityAtReported: contract?.atReported.risk.probabilityAllMonthsMeet ?? null,
      candidates,
    });
    if (fr) bid.notes.unshift(`best head count among the ${candidates.length} searched that meet P ≥ ${(fr.probability * 100).toFixed(0)}%`);
    if (baseRun && at.kpis && at.kpis.countedDays < 28) bid.notes.push(`deductions from ${at.kpis.countedDays} simulated days per replication, read as a month: --horizon 365d for a contract year`);
  }

  const seen = new Set<string>();
  const addWarnings = (bs: Record<Model, PricedBudget>) => {
    for (const m of OPERATING_MODELS) {
      for (const w of bs[m].budget.warnings) {
        if (seen.has(w)) continue;
        seen.add(w);
        warnings.push(`${m}: ${w}`);
      }
    }
  };
  addWarnings(at.budgets);
  if (target) addWarnings(target.budgets);
  if (inversion) {
    for (const m of OPERATING_MODELS) {
      const w = inversion.models[m].affordableWage;
      if (inversion.minimumMonthlyWage !== null && w.feasible && w.monthlyWage < inversion.minimumMonthlyWage) {
        warnings.push(`${m}: the budget pays ${st.headcount} operators less than the minimum wage`);
      }
    }
  }
  return { years, covers, at, citedAffordable, inversion, target, contract, bid, notes, warnings, simulations: cache.size };
}

export function fmtDays(d: number): string {
  return Number.isInteger(d) ? String(d) : d.toFixed(2);
}

/** "1 day", "14 days", "0.50 days". */
const daysText = (d: number) => `${fmtDays(d)} ${d === 1 ? 'day' : 'days'}`;

export { targetMetric, scenarioForTarget, meetsTargetEstimate, type TargetMetric, type KpiDirection, type TargetCriterion } from '../search/target.ts';
