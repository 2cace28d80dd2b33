/**
 * The bidder's view of a tender (`budget --bid`): the lawful floor price, the evaluated price
 * under the SME rules, the performance bond and bid agency fee, KPI deductions from the
 * simulated months, and the margin against the ceiling price. Pure functions of plain data.
 *
 * Rules (sources: scenarios/SOURCES.md, "Cost rules, third pass"):
 * - abnormally low bid: 财政部令第87号 art. 60 compares a bid with the OTHER bidders' prices and
 *   lets the evaluators ask for proof; the lawful floor is this model's own test of a price;
 * - SME price deduction 10–20 % for services (财库〔2022〕19号), not applied in a project
 *   reserved for SMEs (财库〔2020〕46号 art. 9);
 * - performance bond ≤ 10 % of the contract, in a NON-cash form (政府采购法实施条例 art. 48):
 *   a bank guarantee at a yearly fee, or a cheque / draft that ties up cash.
 */
import { annualBudget, type Budget, type BudgetInputs } from './budget.ts';
import type { CostSpec } from './schema.ts';
import { roleKeys } from './schema.ts';
import { formatTrimmed, formatTrimmedPercent } from '../text/numbers.ts';

/**
 * The spec of the cheapest lawful price: every role at the minimum wage, no bonus, no night
 * allowance or practice lines (meal, severance reserve, working capital, liability insurance),
 * no turnover, seats and platform outside the contract, zero fee and profit; what stays is the
 * law: statutory premiums, social insurance and housing fund (5 %) on lawful bases, 残保金,
 * union fee (筹备金), VAT and surtaxes.
 */
export function lawfulFloorSpec(spec: CostSpec, minimumMonthlyWage: number): CostSpec {
  const roles = { ...spec.roles };
  for (const k of roleKeys) {
    if (k === 'operator') roles.operator = { monthlyWage: minimumMonthlyWage };
    else if (k === 'otherStaff') roles.otherStaff = { monthlyWage: minimumMonthlyWage };
    else roles[k] = { ...roles[k], monthlyWage: minimumMonthlyWage };
  }
  const na = spec.premiums.nightAllowance;
  return {
    ...spec,
    roles,
    bonus: { monthsOfWage: 0 },
    premiums: { ...spec.premiums, nightAllowance: na.mode === 'perShift' ? { ...na, yuanPerShift: 0 } : { ...na, shareOfHourlyWage: 0 } },
    socialInsurance: { ...spec.socialInsurance, declaredOn: 'actualPay' },
    housingFund: { ...spec.housingFund, rate: 0.05 },
    turnover: { ...spec.turnover, annualRate: 0 },
    otherLines: {
      ...spec.otherLines,
      meal: { ...spec.otherLines.meal, yuanPerShift: 0 },
      welfarePerHeadPerMonth: 0,
      liabilityInsurancePerHeadPerYear: 0,
      severanceReserve: { ...spec.otherLines.severanceReserve, probabilityNotRenewed: 0 },
      workingCapital: { ...spec.otherLines.workingCapital, terms: 'prepay65', monthsInArrears: 0 },
    },
    outsourcing: { ...spec.outsourcing, managementFeeRate: 0, profitRate: 0, overheadBasis: 'inManagementFee', site: 'government', platform: 'government' },
  };
}

export interface LawfulFloor {
  readonly price: number;
  readonly minimumMonthlyWage: number;
  readonly budget: Budget;
  readonly rule: string;
}

export function lawfulFloor(spec: CostSpec, inputs: BudgetInputs, minimumMonthlyWage: number): LawfulFloor {
  const budget = annualBudget(lawfulFloorSpec(spec, minimumMonthlyWage), inputs, 'outsourced');
  return {
    price: budget.contractPrice!,
    minimumMonthlyWage,
    budget,
    rule:
      `最低合规报价: every person at the minimum wage ${formatTrimmed(minimumMonthlyWage)}, statutory premiums, social insurance and housing fund 5% ` +
      'on lawful bases, 残保金, union fee, VAT and surtaxes; no bonus, allowances, turnover, seats, fee or profit',
  };
}

/** The evaluated price (评审价格) under the SME rules. */
export function evaluatedPrice(bid: number, t: CostSpec['tender']): { price: number; deduction: number; rule: string } {
  if (t.smeReserved) return { price: bid, deduction: 0, rule: 'project reserved for SMEs (专门面向中小企业): no price deduction (财库〔2020〕46号 art. 9)' };
  if (!t.bidderSmallOrMicro) return { price: bid, deduction: 0, rule: 'bidder not small or micro: no price deduction' };
  const d = t.smePriceDeduction;
  return { price: bid * (1 - d), deduction: d, rule: `small/micro bidder: price × (1 − ${formatTrimmedPercent(d)}) in evaluation only (财库〔2022〕19号: 10–20% for services)` };
}

/** Yearly cost of the performance bond (履约保证金). */
export function bondCost(contractPerYear: number, t: CostSpec['tender'], interestRate: number): { amount: number; perYear: number; rule: string } {
  const b = t.performanceBond;
  const amount = b.shareOfContract * contractPerYear;
  const rate = b.form === 'bankGuarantee' ? b.guaranteeFeePerYear : interestRate;
  return {
    amount,
    perYear: amount * rate,
    rule:
      `履约保证金 ${formatTrimmedPercent(b.shareOfContract)} of the contract (≤ 10%, non-cash: 政府采购法实施条例 art. 48) = ${formatTrimmed(amount)}; ` +
      (b.form === 'bankGuarantee' ? `bank guarantee at ${formatTrimmedPercent(rate)} a year` : `cheque/draft: cash tied up at ${formatTrimmedPercent(rate)} a year`),
  };
}

/**
 * Bid agency fee (招标代理服务费) on the contract value, by the sliding scale for service
 * projects of 计价格〔2002〕1980号 (no longer binding since 2015, still the usual reference):
 * 1.5 % to 1M, 0.8 % to 5M, 0.45 % to 10M, 0.25 % to 50M, 0.1 % to 100M, 0.05 % above.
 */
export function agencyFee(contractValue: number): number {
  const bands: [number, number][] = [
    [1e6, 0.015],
    [5e6, 0.008],
    [1e7, 0.0045],
    [5e7, 0.0025],
    [1e8, 0.001],
    [Infinity, 0.0005],
  ];
  let fee = 0;
  let lo = 0;
  for (const [hi, r] of bands) {
    if (contractValue <= lo) break;
    fee += (Math.min(contractValue, hi) - lo) * r;
    lo = hi;
  }
  return fee;
}

export interface KpiDeductions {
  /** Expected deductions per year, yuan. */
  readonly expectedPerYear: number;
  /** 90th percentile of the yearly deductions over replications. */
  readonly p90PerYear: number;
  /** Probability that at least one month has a deduction. */
  readonly probabilityAny: number;
  readonly replications: number;
  readonly months: number;
  readonly rule: string;
}

/**
 * KPI deductions (考核扣款) from a replications × months sample of a monthly KPI (a rate in
 * [0, 1], higher is better): each month loses `perPoint` of the monthly fee for every
 * percentage point below `target`, linearly, at most `cap` of the monthly fee. Yearly figures
 * scale the months simulated to 12.
 */
export function kpiDeductions(samples: readonly (readonly number[])[], monthlyFee: number, schedule: CostSpec['tender']['kpiDeductions']): KpiDeductions {
  const n = samples.length;
  if (n === 0) throw new RangeError('KPI deductions need at least one replication');
  const months = samples[0].length;
  if (months === 0) throw new RangeError('KPI deductions need at least one month');
  const perYear: number[] = [];
  let any = 0;
  for (const rep of samples) {
    let sum = 0;
    let hit = false;
    for (const v of rep) {
      const points = Math.max(0, (schedule.target - v) * 100);
      const d = Math.min(schedule.capShareOfMonthlyFee, schedule.perPointShareOfMonthlyFee * points) * monthlyFee;
      if (d > 0) hit = true;
      sum += d;
    }
    perYear.push((sum * 12) / months);
    if (hit) any++;
  }
  const sorted = [...perYear].sort((a, b) => a - b);
  const p90 = sorted[Math.min(n - 1, Math.ceil(0.9 * n) - 1)];
  return {
    expectedPerYear: perYear.reduce((a, b) => a + b, 0) / n,
    p90PerYear: p90,
    probabilityAny: any / n,
    replications: n,
    months,
    rule:
      `考核扣款: ${formatTrimmedPercent(schedule.perPointShareOfMonthlyFee)} of the month's fee per point of 接通率 below ${formatTrimmedPercent(schedule.target)}, ` +
      `capped at ${formatTrimmedPercent(schedule.capShareOfMonthlyFee)}`,
  };
}
