/**
 * Outsourcing: working capital, management fee, profit, VAT and surtaxes grossed up into the
 * contract price (tax.ts), and the government's contract management.
 */
import { grossUpPrice } from '../tax.ts';
import { PAYMENT_TERMS, SMALL_SCALE_SALES_LIMIT, surtaxFactor } from '../rules.ts';
import { formatTrimmed, formatTrimmedPercent } from '../../text/numbers.ts';
import { lineList, type BudgetContext } from './context.ts';
import type { BudgetLine } from './types.ts';

export interface ContractLines {
  lines: BudgetLine[];
  contractPrice: number;
  /** The local share of VAT and surtaxes, which returns to local budgets (fiscal view). */
  localTaxes: number;
  warnings: string[];
}

/** Outsourced only. `passThrough`: wages, welfare, SI and HF of the dispatched staff (the simplified VAT regime's deduction). */
export function contractLines(ctx: BudgetContext, cost: { labour: number; vendorSeats: number; overhead: number; passThrough: number }): ContractLines {
  const { spec, p, people } = ctx;
  const { labour, vendorSeats, overhead, passThrough } = cost;
  const ol = spec.otherLines;
  const warnings: string[] = [];
  const { lines, add } = lineList();
  const o = spec.outsourcing;
  const baseCost = labour + vendorSeats + overhead;
  const wc = ol.workingCapital;
  const arrears = wc.monthsInArrears ?? PAYMENT_TERMS[wc.terms].months;
  const workingCapital = (baseCost / 12) * arrears * wc.annualInterestRate;
  const vendorCost = baseCost + workingCapital;
  add('Working capital (payment in arrears)', 'otherCosts', 'contract', workingCapital,
    `垫资成本: ${formatTrimmed(arrears, 1)} months of cost ${formatTrimmed(baseCost / 12)} × ${formatTrimmedPercent(wc.annualInterestRate)}/year (` +
      (wc.monthsInArrears !== undefined ? "the scenario's months" : `ASSUMPTION ${PAYMENT_TERMS[wc.terms].label}`) + ')');
  if (workingCapital > 0) ctx.assumptions.push(wc.monthsInArrears !== undefined ? `paid ${formatTrimmed(arrears, 1)} months late` : wc.terms === 'quarterlyArrears' ? 'quarterly arrears' : `paid ${wc.terms}`);
  const feeRate = o.overheadBasis === 'itemised' ? 0 : o.managementFeeRate;
  const fee = feeRate * vendorCost;
  const profit = o.profitRate * (vendorCost + fee);
  if (o.smallLowProfit && people > 300) {
    throw new RangeError(`cost.outsourcing.smallLowProfit: a small low-profit enterprise has at most 300 staff; this contract employs ${formatTrimmed(people, 1)}`);
  }
  const sf = surtaxFactor(spec.calendarYear, o.taxpayer === 'smallScale', o.smallLowProfit);
  const surtaxRates = { cityMaintenance: o.surtaxes.cityMaintenance * sf.value, education: o.surtaxes.education * sf.value, localEducation: o.surtaxes.localEducation * sf.value };
  const g = grossUpPrice(vendorCost + fee + profit, passThrough, p.vat, surtaxRates);
  add('Management fee', 'fee', 'contract', fee,
    o.overheadBasis === 'itemised' ? '管理费: none — overhead itemised above' : `管理费: ${formatTrimmedPercent(o.managementFeeRate)} of vendor cost ${formatTrimmed(vendorCost)} (covers the vendor's overhead)`);
  add('Profit', 'profit', 'contract', profit, `利润: ${formatTrimmedPercent(o.profitRate)} of cost + fee`);
  const r = p.vat.rate;
  add(
    'VAT',
    'tax',
    'contract',
    g.vat,
    p.vat.regime === 'simplified'
      ? `增值税(差额征税, 财税〔2016〕47号): (price ${formatTrimmed(g.price)} − wages, welfare, SI and HF of the dispatched staff ${formatTrimmed(passThrough)}) / ${1 + r} × ${r}; ${p.vat.label}`
      : `增值税(${p.vat.regime === 'general' ? '一般计税' : '小规模纳税人'}): price ${formatTrimmed(g.price)} / ${1 + r} × ${r} (VAT-inclusive price); ${p.vat.label}`,
  );
  const halved = sf.value !== 1 ? ` (${sf.rule})` : '';
  add('City maintenance and construction tax', 'tax', 'contract', g.surtaxes.cityMaintenance, `城市维护建设税: ${formatTrimmedPercent(surtaxRates.cityMaintenance)} of VAT${halved}`);
  add('Education surcharge', 'tax', 'contract', g.surtaxes.education, `教育费附加: ${formatTrimmedPercent(surtaxRates.education)} of VAT${halved}`);
  add('Local education surcharge', 'tax', 'contract', g.surtaxes.localEducation, `地方教育附加: ${formatTrimmedPercent(surtaxRates.localEducation)} of VAT${halved}`);
  if (sf.value !== 1) ctx.assumptions.push('surtaxes halved (六税两费)');
  const cm = o.governmentContractManagement;
  add(
    'Contract management (government)',
    'contractManagement',
    'government',
    cm.fixedPerYear + cm.shareOfContract * g.price,
    `政府合同管理成本: ${formatTrimmed(cm.fixedPerYear)} fixed + ${formatTrimmedPercent(cm.shareOfContract)} of contract`,
  );
  const localTaxes = g.vat * spec.fiscal.localVatShare + g.surtaxes.total;
  if (o.taxpayer === 'smallScale' && g.price > SMALL_SCALE_SALES_LIMIT) {
    throw new RangeError(
      `cost.outsourcing.taxpayer: a small-scale taxpayer sells at most 5,000,000 yuan a year (财税〔2018〕33号); this contract is ${formatTrimmed(g.price)} a year: use general`,
    );
  }
  // labour dispatch: the scenario has said why art. 66 and the 10 % cap hold (schema); state the checks
  if (o.contractType === 'labourDispatch') {
    const d = o.dispatch;
    ctx.assumptions.push(`labour dispatch: ${d.justification}`);
    if (d.userOwnStaff !== undefined) {
      const share = people / (people + d.userOwnStaff);
      if (share > 0.1) warnings.push(`labour dispatch: ${formatTrimmedPercent(share)} of the user's workforce is dispatched, above the 10% cap (劳务派遣暂行规定 art. 4)`);
    } else warnings.push("labour dispatch: the user's own staff are not given (outsourcing.dispatch.userOwnStaff), so the 10% cap (劳务派遣暂行规定 art. 4) is not checked");
    if (!d.licensed) warnings.push('labour dispatch without a dispatch licence is unlawful (劳动合同法 art. 57, 92)');
    warnings.push("labour dispatch: dispatched staff are owed equal pay with the user's own staff in the same post (同工同酬, 劳动合同法 art. 63)");
  }
  return { lines, contractPrice: g.price, localTaxes, warnings };
}
