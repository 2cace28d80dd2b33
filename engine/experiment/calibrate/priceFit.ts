// What explains a cited contract price (`calibrate --observed price=… --fit <cost field>`): the
// value of one cost input at which the modelled contract price equals the cited one, for each
// of the alternatives side by side. Cost-only: no simulation (the staffing's hours come from the
// scenario's own agents on seat).
import { annualBudget } from '../../cost/budget.ts';
import { affordableMonthlyWage, fullCostHeadcount } from '../../cost/inversions.ts';
import type { CostSpec } from '../../cost/schema.ts';
import { loadStudyScenario, pricingContext, contractTerm, type PricingContext } from '../studies/scenarioCosting.ts';
import type { ScenarioOverrides } from '../../scenario/parse.ts';

export const PRICE_FIT_FIELDS = ['wage', 'declaredBase', 'feeRate', 'headcount'] as const;
export type PriceFitField = (typeof PRICE_FIT_FIELDS)[number];

/** Accepted spellings of each field on the command line. */
export const PRICE_FIT_ALIASES: Readonly<Record<string, PriceFitField>> = {
  wage: 'wage',
  'roles.operator.monthlyWage': 'wage',
  grossWage: 'wage',
  declaredBase: 'declaredBase',
  'socialInsurance.declaredMonthlyBase': 'declaredBase',
  base: 'declaredBase',
  feeRate: 'feeRate',
  'outsourcing.managementFeeRate': 'feeRate',
  headcount: 'headcount',
  people: 'headcount',
};

export interface PriceFitAlternative {
  readonly field: PriceFitField;
  /** The fitted value (yuan a month, a rate, people), null when no value in the field's range reaches the price. */
  readonly value: number | null;
  /** The modelled price at the fit (or at the end of the range nearest the cited price). */
  readonly price: number;
  /** The field's value in the scenario, for comparison. */
  readonly scenarioValue: number;
  /** What the fit means, one line. */
  readonly reading: string;
}

export interface PriceFit {
  readonly observedPerYear: number;
  readonly years: number;
  readonly headcount: number;
  readonly modelledPrice: number;
  readonly minimumMonthlyWage: number | null;
  /** The field asked for first, then the others. */
  readonly alternatives: readonly PriceFitAlternative[];
  /** The scenario's note on the cited price (citedContract.note), if any. */
  readonly reported: string | null;
}

/** Bisection of a price increasing in x on [lo, hi] to the target; null when the target is outside. */
function solveIncreasing(price: (x: number) => number, target: number, lo: number, hi: number): { x: number | null; at: number } {
  const pLo = price(lo);
  const pHi = price(hi);
  if (target < pLo) return { x: null, at: pLo };
  if (target > pHi) return { x: null, at: pHi };
  let a = lo;
  let b = hi;
  for (let i = 0; i < 200 && b - a > 1e-9 * Math.max(1, Math.abs(hi)); i++) {
    const m = (a + b) / 2;
    if (price(m) <= target) a = m;
    else b = m;
  }
  return { x: a, at: price(a) };
}

export function fitPriceOf(spec: CostSpec, headcount: number, years: number, ctx: PricingContext, observedPerYear: number, first: PriceFitField): PriceFit {
  if (!(observedPerYear > 0)) throw new RangeError('the observed price must be more than 0 yuan a year');
  const inputs = { headcount, years, payroll: ctx.payroll, staffing: ctx.staffing ?? undefined };
  const priceOf = (s: CostSpec) => annualBudget(s, inputs, 'outsourced').contractPrice!;
  const base = annualBudget(spec, inputs, 'outsourced');
  const modelledPrice = base.contractPrice!;
  const mw = base.parameters.minimumMonthlyWage.value;
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
  const out: PriceFitAlternative[] = [];
  for (const field of [first, ...PRICE_FIT_FIELDS.filter((f) => f !== first)]) {
    if (field === 'wage') {
      const w = affordableMonthlyWage(observedPerYear * years, years, headcount, spec, 'outsourced', { covers: 'contract', payroll: ctx.payroll, staffing: ctx.staffing ?? undefined, headcountIs: 'people' });
      out.push({
        field,
        value: w.feasible ? w.monthlyWage : null,
        price: w.coveredCost,
        scenarioValue: spec.roles.operator.monthlyWage,
        reading: w.feasible
          ? `a gross operator wage of ${fmt(w.monthlyWage)} a month with full contributions${mw !== null ? (w.monthlyWage < mw ? `: BELOW the minimum wage ${fmt(mw)}` : ` (minimum wage ${fmt(mw)})`) : ''}`
          : 'no wage fits: the other costs alone exceed the price',
      });
    } else if (field === 'declaredBase') {
      const cap = base.parameters.siCap.value;
      const at = (b: number) => priceOf({ ...spec, socialInsurance: { ...spec.socialInsurance, declaredMonthlyBase: b } });
      const r = solveIncreasing(at, observedPerYear, 0, cap);
      out.push({
        field,
        value: r.x,
        price: r.at,
        scenarioValue: Number.NaN,
        reading:
          r.x === null
            ? `no declared base fits: with no social insurance or housing fund at all the price is ${fmt(r.at)}`
            : `social insurance and housing fund declared on ${fmt(r.x)} a month per person (the legal floor is ${fmt(base.parameters.siFloor.value)})`,
      });
    } else if (field === 'feeRate') {
      const at = (f: number) => priceOf({ ...spec, outsourcing: { ...spec.outsourcing, managementFeeRate: f } });
      const r = solveIncreasing(at, observedPerYear, 0, 1);
      out.push({
        field,
        value: r.x,
        price: r.x === null ? r.at : r.at,
        scenarioValue: spec.outsourcing.managementFeeRate,
        reading: r.x === null ? `no fee rate fits: at a 0% management fee the price is ${fmt(r.at)}` : `a management fee of ${(r.x * 100).toFixed(2)}% of cost (the vendor's overhead), profit as given`,
      });
    } else {
      const fc = fullCostHeadcount(observedPerYear * years, years, spec, 'outsourced', { covers: 'contract', payroll: ctx.payroll, staffing: ctx.staffing ?? undefined, headcountIs: 'people' });
      out.push({
        field,
        value: fc.operators,
        price: fc.coveredCost,
        scenarioValue: headcount,
        reading: `${fc.operators} people on the scenario's wages and terms (${fc.budget.headcounts.operator} on the phones), not ${headcount}`,
      });
    }
  }
  return { observedPerYear, years, headcount, modelledPrice, minimumMonthlyWage: mw, alternatives: out, reported: spec.citedContract?.note ?? null };
}

/** The price fit of a scenario file: its head count, term and staffing as `budget` prices them; the price is for the whole term. */
export function fitPrice(file: string, observedPrice: number, field: PriceFitField, overrides: ScenarioOverrides = {}): PriceFit {
  const st = loadStudyScenario(file, overrides);
  const years = contractTerm(st.spec).years;
  return fitPriceOf(st.spec, st.headcount, years, pricingContext(st), observedPrice / years, field);
}
