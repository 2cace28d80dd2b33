// The bidder's view of a tender (`budget --bid`): the lawful floor price, the evaluated price,
// the bond, agency fee and payment terms, the KPI deductions the simulated months imply, and
// the margin against the ceiling price — at the scenario's head count and, with a contract-risk
// search, at each head count that meets the risk.
import { agencyFee, bondCost, evaluatedPrice, kpiDeductions, lawfulFloor, type KpiDeductions, type LawfulFloor } from '../../cost/bid.ts';
import type { Budget } from '../../cost/budget.ts';
import type { CostSpec } from '../../cost/schema.ts';
import type { RunResult } from './run.ts';

export interface BidMargin {
  readonly headcount: number;
  /** Price bid per year: the ceiling when known, else the cited or modelled price. */
  readonly bidPerYear: number;
  /** Cost per year at zero profit (the vendor's cost, overhead fee and working capital). */
  readonly costPerYear: number;
  readonly taxesPerYear: number;
  readonly bondPerYear: number;
  readonly agencyFeePerYear: number;
  readonly deductions: KpiDeductions | null;
  /** bid − taxes − cost − bond − agency fee − expected deductions (net of the tax they save). */
  readonly expectedMarginPerYear: number;
  /** P(every month meets the contract KPI), when known. */
  readonly probabilityAllMonthsMeet: number | null;
}

export interface BidView {
  readonly years: number;
  readonly floor: LawfulFloor | null;
  readonly floorNote: string;
  /** The price compared with the floor: the cited contract per year, else the modelled one. */
  readonly price: { readonly perYear: number; readonly source: 'cited' | 'modelled' };
  readonly belowFloor: boolean;
  readonly evaluated: ReturnType<typeof evaluatedPrice>;
  readonly ceilingPerYear: number | null;
  readonly bond: ReturnType<typeof bondCost>;
  readonly agencyFeePerYear: number;
  readonly workingCapitalPerYear: number;
  readonly deductionsRule: string;
  /** Margin at the scenario's head count, and the best head count meeting the risk (when searched). */
  readonly atReported: BidMargin;
  readonly best: BidMargin | null;
  readonly notes: string[];
}

/** Monthly connection rates, replications × months, of a run (a month with no calls counts as met). */
export function monthlyConnectionSamples(run: RunResult): number[][] {
  return Array.from({ length: run.replications }, (_, r) => run.months.map((m) => (Number.isNaN(m.byReplication.connectionRate[r]) ? 1 : m.byReplication.connectionRate[r])));
}

const lineSum = (b: Budget, pick: (l: Budget['lines'][number]) => boolean) => b.lines.filter(pick).reduce((a, l) => a + l.yuan, 0);

/** The margin of bidding `bidPerYear` for the budget `b` (its own head count) with the run's months. */
export function bidMargin(spec: CostSpec, b: Budget, headcount: number, bidPerYear: number, years: number, run: RunResult | null, interestRate: number, probability: number | null): BidMargin {
  const t = spec.tender;
  const price = b.contractPrice!;
  const taxShare = lineSum(b, (l) => l.category === 'tax') / price;
  const costPerYear = lineSum(b, (l) => l.paidBy === 'contract' && l.category !== 'tax' && l.category !== 'profit');
  const bond = bondCost(bidPerYear, t, interestRate);
  const agency = t.agencyFeePaidBy === 'bidder' ? agencyFee(bidPerYear * years) / years : 0;
  const deductions = run ? kpiDeductions(monthlyConnectionSamples(run), bidPerYear / 12, t.kpiDeductions) : null;
  const taxes = bidPerYear * taxShare;
  const expectedMarginPerYear = bidPerYear - taxes - costPerYear - bond.perYear - agency - (deductions ? deductions.expectedPerYear * (1 - taxShare) : 0);
  return { headcount, bidPerYear, costPerYear, taxesPerYear: taxes, bondPerYear: bond.perYear, agencyFeePerYear: agency, deductions, expectedMarginPerYear, probabilityAllMonthsMeet: probability };
}

export interface BidInputs {
  readonly spec: CostSpec;
  readonly years: number;
  readonly headcount: number;
  readonly budget: Budget;
  /** The budget's inputs (head count, payroll, staffing) for the floor. */
  readonly budgetInputs: Parameters<typeof lawfulFloor>[1];
  readonly run: RunResult | null;
  readonly probabilityAtReported: number | null;
  /** Head counts that meet the contract risk, each with its budget and run. */
  readonly candidates: readonly { headcount: number; budget: Budget; run: RunResult; probability: number }[];
}

export function bidView(i: BidInputs): BidView {
  const { spec, years, budget } = i;
  const t = spec.tender;
  const notes: string[] = [];
  const mw = budget.parameters.minimumMonthlyWage.value;
  const floor = mw !== null ? lawfulFloor(spec, i.budgetInputs, mw) : null;
  const cited = spec.citedContract;
  const price = cited ? { perYear: cited.yuan / cited.years, source: 'cited' as const } : { perYear: budget.contractPrice!, source: 'modelled' as const };
  const ceilingPerYear = t.ceilingYuan !== undefined ? t.ceilingYuan / years : null;
  if (ceilingPerYear === null) notes.push('no ceiling price (cost.tender.ceilingYuan): margins are at the cited or modelled price');
  const bidPerYear = ceilingPerYear ?? price.perYear;
  const rate = spec.otherLines.workingCapital.annualInterestRate;
  const wc = budget.lines.find((l) => l.item === 'Working capital (payment in arrears)')?.yuan ?? 0;
  const atReported = bidMargin(spec, budget, i.headcount, bidPerYear, years, i.run, rate, i.probabilityAtReported);
  let best: BidMargin | null = null;
  for (const c of i.candidates) {
    const m = bidMargin(spec, c.budget, c.headcount, bidPerYear, years, c.run, rate, c.probability);
    if (!best || m.expectedMarginPerYear > best.expectedMarginPerYear) best = m;
  }
  return {
    years,
    floor,
    floorNote: floor ? floor.rule : 'minimum wage not known (city.minimumMonthlyWage or the table): no lawful floor',
    price,
    belowFloor: floor !== null && price.perYear < floor.price,
    evaluated: evaluatedPrice(price.perYear, t),
    ceilingPerYear,
    bond: bondCost(price.perYear, t, rate),
    agencyFeePerYear: t.agencyFeePaidBy === 'bidder' ? agencyFee(price.perYear * years) / years : 0,
    workingCapitalPerYear: wc,
    deductionsRule: `${t.kpiDeductions.perPointShareOfMonthlyFee * 100}% of the month's fee per point of 接通率 below ${t.kpiDeductions.target * 100}%, capped at ${t.kpiDeductions.capShareOfMonthlyFee * 100}% (ASSUMPTION unless the scenario sets cost.tender.kpiDeductions)`,
    atReported,
    best,
    notes,
  };
}
