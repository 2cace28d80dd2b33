/**
 * Outsourcing: working capital, management fee, profit, VAT and surtaxes grossed up into the
 * contract price (tax.ts), and the government's contract management.
 */
import { grossUpPrice } from '../tax.ts';
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
  const { spec, p } = ctx;
  const { labour, vendorSeats, overhead, passThrough } = cost;
  const ol = spec.otherLines;
  const warnings: string[] = [];
  const { lines, add } = lineList();
  const o = spec.outsourcing;
  const baseCost = labour + vendorSeats + overhead;
  const wc = ol.workingCapital;
  const workingCapital = (baseCost / 12) * wc.monthsInArrears * wc.annualInterestRate;
  const vendorCost = baseCost + workingCapital;
  add('Working capital (payment in arrears)', 'otherCosts', 'contract', workingCapital,
    `垫资成本: ${formatTrimmed(wc.monthsInArrears, 1)} months of cost ${formatTrimmed(baseCost / 12)} × ${formatTrimmedPercent(wc.annualInterestRate)}/year (optional; default 0 months)`);
  const feeRate = o.overheadBasis === 'itemised' ? 0 : o.managementFeeRate;
  const fee = feeRate * vendorCost;
  const profit = o.profitRate * (vendorCost + fee);
  const g = grossUpPrice(vendorCost + fee + profit, passThrough, p.vat, o.surtaxes);
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
  add('City maintenance and construction tax', 'tax', 'contract', g.surtaxes.cityMaintenance, `城市维护建设税: ${formatTrimmedPercent(o.surtaxes.cityMaintenance)} of VAT`);
  add('Education surcharge', 'tax', 'contract', g.surtaxes.education, `教育费附加: ${formatTrimmedPercent(o.surtaxes.education)} of VAT`);
  add('Local education surcharge', 'tax', 'contract', g.surtaxes.localEducation, `地方教育附加: ${formatTrimmedPercent(o.surtaxes.localEducation)} of VAT`);
  const cm = o.governmentContractManagement;
  add(
    'Contract management (government)',
    'contractManagement',
    'government',
    cm.fixedPerYear + cm.shareOfContract * g.price,
    `政府合同管理成本: ${formatTrimmed(cm.fixedPerYear)} fixed + ${formatTrimmedPercent(cm.shareOfContract)} of contract`,
  );
  const localTaxes = g.vat * spec.fiscal.localVatShare + g.surtaxes.total;
  if (p.vat.regime === 'small' && g.price > 5_000_000) {
    warnings.push('VAT regime "small": annual sales above 5M yuan normally require general-taxpayer registration (general knowledge, verify)');
  }
  return { lines, contractPrice: g.price, localTaxes, warnings };
}
