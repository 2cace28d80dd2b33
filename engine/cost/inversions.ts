/**
 * Inversions: from a budget back to head counts and wages.
 *
 * - naiveHeadcount: a citizen's arithmetic, budget / months / monthly wage (Haikou: scenarios/SOURCES.md,
 *   seed 003 — "at 7,000 yuan a month … about 3.6M yuan a month … enough for 515 operators").
 * - fullCostHeadcount: the largest operator head count whose full annual budget (all roles by
 *   ratio, bonus, premiums, employer contributions, turnover, seats, overhead, fee, profit,
 *   tax) fits, and why it is lower than the naive answer.
 * - affordableMonthlyWage: the gross operator wage a budget can pay for a given head count
 *   (bisection; the budget is continuous and strictly increasing in the wage).
 *
 * What the tender budget buys: for an outsourced line the budget is the CONTRACT price
 * (covers = 'contract', default), so costs the government bears itself (a site or platform it
 * provides, contract management) are outside it; covers = 'total' compares the all-in total.
 * In-house there is no contract and the total is always used.
 */
import type { PaidHoursByCategory } from './holidays.ts';
import type { Budget, BudgetLine, Model } from './budget.ts';
import { annualBudget } from './budget.ts';
import type { CostSpec, RoleKey } from './schema.ts';
import { roleKeys } from './schema.ts';
import { monthlyWages } from './labour.ts';
import { formatTrimmed } from '../text/numbers.ts';
import type { Payroll } from '../workforce/payroll.ts';
import type { StaffingPattern } from './onSeat.ts';

export type Covers = 'contract' | 'total';
export type ResultRounding = 'floor' | 'ceil' | 'round';


function annualAvailable(budgetYuan: number, years: number): number {
  if (!(budgetYuan >= 0) || !Number.isFinite(budgetYuan)) throw new RangeError('budgetYuan must be a finite number >= 0');
  if (!(years > 0)) throw new RangeError('years must be > 0');
  return budgetYuan / years;
}

// ---------------------------------------------------------------------------------------------
// naive

export interface NaiveOptions {
  /** Round the monthly budget to the nearest multiple of this many yuan first (the citizen: 100,000 → 3.6M). */
  readonly roundMonthlyTo?: number;
  /** How the quotient becomes a head count; default 'floor' (you cannot pay a fraction of a person). */
  readonly roundResult?: ResultRounding;
}

export interface NaiveHeadcount {
  /** budget / years / 12, exact. */
  readonly monthlyBudget: number;
  /** The monthly budget actually divided (after roundMonthlyTo). */
  readonly monthlyBudgetUsed: number;
  readonly monthlyWage: number;
  /** monthlyBudgetUsed / monthlyWage, exact. */
  readonly exact: number;
  readonly floor: number;
  readonly ceil: number;
  /** The head count under `rounding.result`. */
  readonly headcount: number;
  readonly rounding: { readonly monthlyBudgetTo: number | null; readonly result: ResultRounding };
  readonly explanation: string;
}

/**
 * A citizen's arithmetic: budget / (years × 12) / monthly wage.
 * Haikou: 129,000,000 / 36 = 3,583,333 a month; / 7,000 = 511.9 → 512 (floor).
 * The citizen rounded the month to 3.6M (roundMonthlyTo: 100,000): 3,600,000 / 7,000 = 514.3,
 * and said 515 — i.e. rounded UP (roundResult: 'ceil').
 */
export function naiveHeadcount(budgetYuan: number, years: number, monthlyWage: number, options: NaiveOptions = {}): NaiveHeadcount {
  const annual = annualAvailable(budgetYuan, years);
  if (!(monthlyWage > 0)) throw new RangeError('monthlyWage must be > 0');
  const monthlyBudget = annual / 12;
  const unit = options.roundMonthlyTo;
  if (unit !== undefined && !(unit > 0)) throw new RangeError('roundMonthlyTo must be > 0');
  const monthlyBudgetUsed = unit ? Math.round(monthlyBudget / unit) * unit : monthlyBudget;
  const exact = monthlyBudgetUsed / monthlyWage;
  const result = options.roundResult ?? 'floor';
  const floor = Math.floor(exact + 1e-9);
  const ceil = Math.ceil(exact - 1e-9);
  const headcount = result === 'floor' ? floor : result === 'ceil' ? ceil : Math.round(exact);
  const explanation =
    `${formatTrimmed(budgetYuan)} / ${formatTrimmed(years * 12)} months = ${formatTrimmed(monthlyBudget, 2)} a month` +
    (unit ? `, rounded to ${formatTrimmed(monthlyBudgetUsed)}` : '') +
    `; / ${formatTrimmed(monthlyWage)} = ${formatTrimmed(exact, 2)} → ${headcount} (${result}). ` +
    'This divides by the gross wage only: no employer contributions, supervisors, seats, fee, profit or tax.';
  return { monthlyBudget, monthlyBudgetUsed, monthlyWage, exact, floor, ceil, headcount, rounding: { monthlyBudgetTo: unit ?? null, result }, explanation };
}

// ---------------------------------------------------------------------------------------------
// full cost

export interface InversionOptions {
  /** What the budget must cover; default 'contract' for outsourced (ignored in-house: 'total'). */
  readonly covers?: Covers;
  /**
   * Paid hours per OPERATOR by category (scaled by the head count being tried); default:
   * the spec's hoursFallback.
   */
  readonly paidHoursPerOperator?: PaidHoursByCategory;
  /** Who on the payroll takes calls (the roles it names are inside the head count). */
  readonly payroll?: Payroll;
  /** The staffing's on-seat hours by category and peak seats (scaled to each head count tried). */
  readonly staffing?: StaffingPattern;
  /** What the searched (or given) head count counts: 'operators' (default) or 'people' on the payroll. */
  readonly headcountIs?: 'operators' | 'people';
}

/** The amount of a budget the tender budget must cover. */
export function coveredAmount(budget: Budget, covers: Covers = 'contract'): number {
  return covers === 'contract' && budget.contractPrice !== null ? budget.contractPrice : budget.total;
}

function lineCovered(line: BudgetLine, budget: Budget, covers: Covers): boolean {
  return covers === 'total' || budget.contractPrice === null || line.paidBy === 'contract';
}

function scaledHours(perOperator: PaidHoursByCategory | undefined, n: number): PaidHoursByCategory | undefined {
  if (!perOperator) return undefined;
  return {
    normal: perOperator.normal * n,
    night: perOperator.night * n,
    restDayOvertime: perOperator.restDayOvertime * n,
    statutoryHoliday: perOperator.statutoryHoliday * n,
  };
}

export type GapGroup =
  | 'supervisors'
  | 'bonus'
  | 'premiums'
  | 'socialInsurance'
  | 'housingFund'
  | 'benefits'
  | 'levies'
  | 'otherCosts'
  | 'turnover'
  | 'seats'
  | 'overhead'
  | 'feeAndProfit'
  | 'tax'
  | 'contractManagement';

export interface GapItem {
  readonly group: GapGroup;
  /** Yuan per operator-year at the full-cost head count. */
  readonly yuanPerOperatorYear: number;
  /** Share of the full covered cost. */
  readonly shareOfFullCost: number;
  /** Share of the gap between the naive and the full-cost head count. */
  readonly shareOfGap: number;
  /** Operators "lost" to this group (naive exact × group / full cost). */
  readonly heads: number;
}

export interface FullCostHeadcount {
  readonly model: Model;
  readonly covers: Covers;
  /** Budget available per year (budgetYuan / years). */
  readonly annualBudget: number;
  /** Largest head count whose covered cost fits: operators, or people on the payroll when headcountIs = 'people'. */
  readonly operators: number;
  readonly headcountIs: 'operators' | 'people';
  /** The budget at that head count. */
  readonly budget: Budget;
  /** Covered cost at that head count (≤ annualBudget). */
  readonly coveredCost: number;
  readonly headroom: number;
  /** Naive head count at the same operator wage, exact and floored. */
  readonly naive: { readonly monthlyWage: number; readonly exact: number; readonly floor: number };
  readonly gap: {
    /** naive exact − operators. */
    readonly heads: number;
    readonly byGroup: readonly GapItem[];
    /** Heads lost to whole-person rounding and unspent headroom (budget × operators / cost − operators). */
    readonly integerSlack: number;
    /** Operator wages as a share of the full covered cost. */
    readonly operatorWageShare: number;
  };
  readonly explanation: string;
}

function groupOf(line: BudgetLine): GapGroup | 'operatorWage' {
  switch (line.category) {
    case 'wages':
      return line.item.startsWith('Operators') ? 'operatorWage' : 'supervisors';
    case 'fee':
    case 'profit':
      return 'feeAndProfit';
    default:
      return line.category;
  }
}

/** English and Chinese names of the groups that explain the naive − full-cost gap. */
export const gapGroupNames: Readonly<Record<GapGroup, { en: string; zh: string }>> = {
  supervisors: { en: 'supervisors (team leaders, QA, trainers, managers)', zh: '班组长、质检、培训、主管' },
  bonus: { en: '13th-month pay', zh: '年终奖' },
  premiums: { en: 'night/holiday premiums', zh: '夜班津贴及节假日加班费' },
  socialInsurance: { en: 'employer social insurance', zh: '单位社保' },
  housingFund: { en: 'housing fund', zh: '住房公积金' },
  benefits: { en: 'welfare and supplementary benefits', zh: '福利及补充福利' },
  levies: { en: 'disability fund and union fee', zh: '残保金及工会经费' },
  otherCosts: { en: 'insurance, severance reserve, working capital', zh: '保险、补偿金准备、垫资' },
  turnover: { en: 'recruitment and training', zh: '招聘及培训' },
  seats: { en: 'seats (site and platform)', zh: '场地及坐席设备' },
  overhead: { en: 'overhead', zh: '间接费用' },
  feeAndProfit: { en: 'management fee and profit', zh: '管理费及利润' },
  tax: { en: 'VAT and surtaxes', zh: '增值税及附加' },
  contractManagement: { en: 'contract management', zh: '合同管理' },
};

/**
 * The largest operator head count whose full annual budget fits `budgetYuan / years`.
 * The covered cost is non-decreasing in the head count, so an exponential then binary
 * search over integers finds it.
 */
export function fullCostHeadcount(
  budgetYuan: number,
  years: number,
  spec: CostSpec,
  model: Model,
  options: InversionOptions = {},
): FullCostHeadcount {
  const annual = annualAvailable(budgetYuan, years);
  const covers: Covers = model === 'inhouse' ? 'total' : (options.covers ?? 'contract');
  const at = (n: number) =>
    annualBudget(
      spec,
      { ...(options.headcountIs === 'people' ? { headcount: n } : { operators: n }), years, payroll: options.payroll, staffing: options.staffing, paidHoursByCategory: scaledHours(options.paidHoursPerOperator, n) },
      model,
    );
  const cost = (n: number) => coveredAmount(at(n), covers);

  let lo = 0;
  if (cost(0) > annual) {
    lo = 0;
  } else {
    let hi = 1;
    while (cost(hi) <= annual) {
      lo = hi;
      hi *= 2;
      if (hi > 1e8) throw new RangeError('budget too large for the head-count search');
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (cost(mid) <= annual) lo = mid;
      else hi = mid;
    }
  }
  const n = lo;
  const budget = at(n);
  const covered = coveredAmount(budget, covers);
  const wage = monthlyWages(spec, model).operator;
  const naiveExact = annual / 12 / wage;

  const byGroupYuan = new Map<GapGroup, number>();
  let operatorWage = 0;
  for (const line of budget.lines) {
    if (!lineCovered(line, budget, covers)) continue;
    const g = groupOf(line);
    if (g === 'operatorWage') operatorWage += line.yuan;
    else byGroupYuan.set(g, (byGroupYuan.get(g) ?? 0) + line.yuan);
  }
  const extras = [...byGroupYuan.values()].reduce((a, b) => a + b, 0);
  const byGroup: GapItem[] = [...byGroupYuan.entries()]
    .filter(([, y]) => y > 0)
    .map(([group, y]) => ({
      group,
      yuanPerOperatorYear: n > 0 ? y / n : Number.NaN,
      shareOfFullCost: covered > 0 ? y / covered : Number.NaN,
      shareOfGap: extras > 0 ? y / extras : 0,
      heads: covered > 0 ? (naiveExact * y) / covered : Number.NaN,
    }))
    .sort((a, b) => b.heads - a.heads);
  const equivalent = covered > 0 ? (annual * n) / covered : 0;
  const integerSlack = equivalent - n;

  const perOpYear = n > 0 ? covered / n : Number.NaN;
  const explanation =
    n === 0
      ? `The budget of ${formatTrimmed(annual)} yuan/year does not cover even the fixed costs of the ${model} model.`
      : `Naive: ${formatTrimmed(annual)} / 12 / ${formatTrimmed(wage)} = ${formatTrimmed(naiveExact, 1)} operators. ` +
        `Full cost (${model}, covering the ${covers === 'contract' ? 'contract price' : 'all-in total'}) is ` +
        `${formatTrimmed(perOpYear)} yuan per operator-year, of which the operator's own wage is ${formatTrimmed((operatorWage / covered) * 100, 1)}%; ` +
        `so the budget pays ${n} operators, ${formatTrimmed(naiveExact - n, 1)} fewer. The gap: ` +
        byGroup.map((g) => `${gapGroupNames[g.group].en} ${formatTrimmed(g.heads, 1)} (${formatTrimmed(g.shareOfGap * 100, 1)}%)`).join(', ') +
        (integerSlack > 0.05 ? `, whole-person rounding and unspent headroom ${formatTrimmed(integerSlack, 1)}` : '') +
        '.';

  return {
    model,
    covers,
    annualBudget: annual,
    operators: n,
    headcountIs: options.headcountIs ?? 'operators',
    budget,
    coveredCost: covered,
    headroom: annual - covered,
    naive: { monthlyWage: wage, exact: naiveExact, floor: Math.floor(naiveExact + 1e-9) },
    gap: { heads: naiveExact - n, byGroup, integerSlack, operatorWageShare: covered > 0 ? operatorWage / covered : Number.NaN },
    explanation,
  };
}

// ---------------------------------------------------------------------------------------------
// affordable wage

export interface AffordableWageOptions extends InversionOptions {
  /**
   * 'fixed' (default): other roles keep their wages; 'scaleWithOperator': every role's wage
   * moves in proportion to the operator wage (keeps the pay structure).
   */
  readonly otherRoles?: 'fixed' | 'scaleWithOperator';
  /** Paid hours by category for all operators (overrides paidHoursPerOperator). */
  readonly paidHoursByCategory?: PaidHoursByCategory;
}

export interface AffordableWage {
  readonly model: Model;
  readonly covers: Covers;
  /** false when even a zero operator wage does not fit (fixed costs exceed the budget). */
  readonly feasible: boolean;
  /** Gross monthly operator wage paid in this model (in-house: after its multiplier), unrounded. */
  readonly monthlyWage: number;
  readonly annualBudget: number;
  /** annualBudget / operators — the all-in yuan per operator-year. */
  readonly perOperatorYear: number;
  readonly perOperatorMonth: number;
  /** The budget at the solved wage; its covered amount equals annualBudget within a fraction of a yuan. */
  readonly budget: Budget;
  readonly coveredCost: number;
  /** The spec with the solved wage(s) written in. */
  readonly spec: CostSpec;
  readonly iterations: number;
  readonly explanation: string;
}

/** A copy of the spec whose operator wage in `model` is `wage` (other roles fixed or scaled). */
export function withOperatorWage(spec: CostSpec, model: Model, wage: number, otherRoles: 'fixed' | 'scaleWithOperator' = 'fixed'): CostSpec {
  const current = monthlyWages(spec, model);
  const ratio = current.operator > 0 ? wage / current.operator : 1;
  const scaled = (k: RoleKey) => (k === 'operator' ? wage : otherRoles === 'scaleWithOperator' ? current[k] * ratio : current[k]);
  // in-house presets other than custom pay the market (roles) wages: set those
  if (model === 'outsourced' || spec.inhouse.preset !== 'custom') {
    const roles = { ...spec.roles };
    roles.operator = { ...roles.operator, monthlyWage: wage };
    for (const k of roleKeys) {
      if (k === 'operator') continue;
      if (k === 'otherStaff') {
        // unset: follows the operator wage
        if (roles.otherStaff.monthlyWage !== undefined || otherRoles === 'scaleWithOperator') roles.otherStaff = { ...roles.otherStaff, monthlyWage: scaled(k) };
      } else roles[k] = { ...roles[k], monthlyWage: scaled(k) };
    }
    return { ...spec, roles };
  }
  const mw = { ...spec.inhouse.monthlyWages, operator: wage };
  if (otherRoles === 'scaleWithOperator') for (const k of roleKeys) mw[k] = scaled(k);
  return { ...spec, inhouse: { ...spec.inhouse, monthlyWages: mw } };
}

/**
 * The gross monthly operator wage that `budgetYuan / years` pays for `operators` operators,
 * after everything else in the model (contributions on the base, bonus, premiums,
 * supervisors, turnover, seats, overhead, fee, profit, VAT and surtaxes). Bisection on the
 * wage: the covered cost is continuous and strictly increasing in it.
 */
export function affordableMonthlyWage(
  budgetYuan: number,
  years: number,
  operators: number,
  spec: CostSpec,
  model: Model,
  options: AffordableWageOptions = {},
): AffordableWage {
  const annual = annualAvailable(budgetYuan, years);
  if (!(operators > 0)) throw new RangeError('operators must be > 0');
  const covers: Covers = model === 'inhouse' ? 'total' : (options.covers ?? 'contract');
  const hours = options.paidHoursByCategory ?? scaledHours(options.paidHoursPerOperator, operators);
  const otherRoles = options.otherRoles ?? 'fixed';
  const specAt = (w: number) => withOperatorWage(spec, model, w, otherRoles);
  const who = options.headcountIs === 'people' ? { headcount: operators } : { operators };
  const budgetAt = (w: number) =>
    annualBudget(specAt(w), { ...who, years, payroll: options.payroll, staffing: options.staffing, paidHoursByCategory: hours }, model);
  const cost = (w: number) => coveredAmount(budgetAt(w), covers);

  const perOperatorYear = annual / operators;
  let iterations = 0;
  if (cost(0) > annual) {
    const b = budgetAt(0);
    return {
      model, covers, feasible: false, monthlyWage: 0, annualBudget: annual, perOperatorYear, perOperatorMonth: perOperatorYear / 12,
      budget: b, coveredCost: coveredAmount(b, covers), spec: specAt(0), iterations,
      explanation: `Even at a zero operator wage the ${model} cost exceeds ${formatTrimmed(annual)} yuan/year.`,
    };
  }
  let lo = 0;
  let hi = perOperatorYear / 12; // wages alone then use the whole budget
  while (cost(hi) <= annual) {
    lo = hi;
    hi *= 2;
    if (++iterations > 60) throw new RangeError('affordable wage search did not bracket');
  }
  while (hi - lo > 1e-7 && iterations < 400) {
    const mid = (lo + hi) / 2;
    if (cost(mid) <= annual) lo = mid;
    else hi = mid;
    iterations++;
  }
  const wage = lo;
  const b = budgetAt(wage);
  const covered = coveredAmount(b, covers);
  const explanation =
    `${formatTrimmed(annual)} yuan/year / ${formatTrimmed(operators)} operators = ${formatTrimmed(perOperatorYear)} per operator-year ` +
    `(${formatTrimmed(perOperatorYear / 12)} a month, all-in). After employer contributions, bonus, premiums, supervisors, ` +
    `turnover, seats, overhead${model === 'outsourced' ? ', fee, profit and tax' : ''}, it pays a gross operator wage of ` +
    `${formatTrimmed(wage, 2)} yuan/month (${formatTrimmed((wage * 12 / perOperatorYear) * 100, 1)}% of the all-in figure, before bonus).`;
  return {
    model, covers, feasible: true, monthlyWage: wage, annualBudget: annual, perOperatorYear, perOperatorMonth: perOperatorYear / 12,
    budget: b, coveredCost: covered, spec: specAt(wage), iterations, explanation,
  };
}
