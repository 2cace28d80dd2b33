/**
 * The annual budget of a hotline, in-house or outsourced, as named line items.
 *
 * Outsourced: the contract price (VAT-inclusive) is built up as
 *   vendor cost C = labour + per-seat costs the vendor bears + vendor overhead
 *   management fee F = feeRate × C;  profit = profitRate × (C + F)
 *   price P = C + F + profit + VAT(P) + surtaxes(VAT)        (see tax.ts)
 * and the government adds its own side: per-seat costs it bears and contract management.
 * In-house: labour + all per-seat costs + in-house overhead; no fee, profit or VAT.
 *
 * Money is never rounded here; only the `note` strings format numbers for reading.
 */
import type { CostSpec, RoleKey } from './schema.ts';
import { roleKeys } from './schema.ts';
import type { PaidHoursByCategory } from './holidays.ts';
import type { Headcounts, Model } from './labour.ts';
import {
  bonusMonths,
  fallbackPaidHours,
  monthlyWages,
  premiumCosts,
  roleHeadcounts,
  roleNames,
  totalHeadcount,
  turnoverCosts,
} from './labour.ts';
import type { Payer } from './seats.ts';
import { seatCosts } from './seats.ts';
import {
  employerHousingFundMonthly,
  employerSocialInsuranceMonthly,
  socialInsuranceItems,
  socialInsuranceNames,
} from './socialInsurance.ts';
import { grossUpPrice, vatRate } from './tax.ts';
import { fmt, pct } from './format.ts';

export type { Model } from './labour.ts';

export interface BudgetInputs {
  /** Operators on the payroll (head count; may be fractional FTE from the workforce layer). */
  readonly operators: number;
  /** Paid hours per year by category, summed over operators; default: `hoursFallback`. */
  readonly paidHoursByCategory?: PaidHoursByCategory;
  readonly answeredCallsPerYear?: number;
  /** Connection rate (接通率) as a fraction, 0 < rate ≤ 1. */
  readonly connectionRate?: number;
  /** Contract term in years (drives the vendor's amortisation); default 1. */
  readonly years?: number;
}

export type LineCategory =
  | 'wages'
  | 'bonus'
  | 'premiums'
  | 'socialInsurance'
  | 'housingFund'
  | 'benefits'
  | 'turnover'
  | 'seats'
  | 'overhead'
  | 'fee'
  | 'profit'
  | 'tax'
  | 'contractManagement';

export interface BudgetLine {
  /** English name. */
  readonly item: string;
  /** Chinese name (short, for tables). */
  readonly zh: string;
  readonly category: LineCategory;
  /** 'contract': inside the vendor's price (outsourced only); 'government': borne directly by the government. */
  readonly paidBy: Payer;
  /** Yuan per year, unrounded. */
  readonly yuan: number;
  /** Chinese name and the arithmetic, for reading. */
  readonly note: string;
}

export interface Budget {
  readonly model: Model;
  /** All-in yuan per year to the government (contract price + government-side lines), unrounded. */
  readonly total: number;
  /** VAT-inclusive contract price per year (outsourced), null in-house. */
  readonly contractPrice: number | null;
  /** Yuan per year borne directly by the government (in-house: = total). */
  readonly governmentSide: number;
  readonly lines: readonly BudgetLine[];
  /** total / operators / 12 (NaN when operators = 0). */
  readonly costPerOperatorMonth: number;
  readonly costPerAnsweredCall?: number;
  /** total / (connection rate in percentage points). */
  readonly costPerConnectionPoint?: number;
  readonly headcounts: Headcounts & { readonly total: number; readonly seats: number };
  readonly hours: PaidHoursByCategory;
  readonly hoursSource: 'input' | 'fallback';
  readonly warnings: readonly string[];
}


/** The Chinese name at the head of a note, without a citation: "增值税(差额征税, 财税〔2016〕47号): …" → "增值税(差额征税)". */
function shortZh(note: string): string {
  const head = note.slice(0, Math.max(0, note.indexOf(':')));
  return head.replace(/,[^)）]*(?=[)）])/, '');
}

/** Per-person monthly pay (wage + bonus/12 + premiums/12) and the employer contributions on it. */
function contributions(spec: CostSpec, model: Model, wage: number, monthlyActualPay: number) {
  const si = employerSocialInsuranceMonthly(wage, monthlyActualPay, spec.socialInsurance);
  const hfRate = model === 'inhouse' ? (spec.inhouse.housingFundRate ?? spec.housingFund.rate) : spec.housingFund.rate;
  const hf = employerHousingFundMonthly(wage, monthlyActualPay, hfRate, spec.housingFund, spec.socialInsurance);
  return { si, hf, hfRate };
}

export function annualBudget(spec: CostSpec, inputs: BudgetInputs, model: Model): Budget {
  const operators = inputs.operators;
  const years = inputs.years ?? 1;
  if (!(years > 0)) throw new RangeError('years must be > 0');
  const warnings: string[] = [];
  const lines: BudgetLine[] = [];
  // The Chinese name is the note's text before its first colon ("养老保险: 16% of ...").
  const add = (item: string, category: LineCategory, paidBy: Payer, yuan: number, note: string) =>
    lines.push({ item, zh: shortZh(note), category, paidBy, yuan, note });
  const labourPayer: Payer = model === 'outsourced' ? 'contract' : 'government';

  // --- head counts, wages, hours -------------------------------------------------------
  const heads = roleHeadcounts(operators, spec.roles);
  const wages = monthlyWages(spec, model);
  const bMonths = bonusMonths(spec, model);
  const hoursSource = inputs.paidHoursByCategory ? 'input' : 'fallback';
  const hours = inputs.paidHoursByCategory ?? fallbackPaidHours(operators, spec);
  const prem = premiumCosts(hours, operators, wages.operator, spec);
  const premiumsTotal = prem.night + prem.restDay + prem.statutoryHoliday + prem.comprehensiveOvertime;

  if (spec.city.minimumMonthlyWage !== undefined && wages.operator < spec.city.minimumMonthlyWage) {
    warnings.push(
      `operator wage ${fmt(wages.operator, 2)} yuan/month is below the city's minimum wage ${fmt(spec.city.minimumMonthlyWage)}`,
    );
  }
  if (prem.excessHours > 0) {
    warnings.push(
      `operators' normal hours exceed the standard annual hours by ${fmt(prem.excessHours)} h in all: paid as comprehensive-hours overtime` +
        (spec.premiums.comprehensiveOvertime.enabled ? '' : ' — but that premium is disabled'),
    );
  }

  // --- wages and bonus --------------------------------------------------------------------
  let wagesAndBonus = 0;
  for (const k of roleKeys) {
    const y = heads[k] * wages[k] * 12;
    wagesAndBonus += y;
    add(`${roleNames[k].en} wages`, 'wages', labourPayer, y, `${roleNames[k].zh}工资: ${fmt(heads[k], 2)} × ${fmt(wages[k], 2)} × 12`);
  }
  const bonus = roleKeys.reduce((acc, k) => acc + heads[k] * wages[k] * bMonths, 0);
  wagesAndBonus += bonus;
  add('13th-month pay / annual bonus', 'bonus', labourPayer, bonus, `年终奖/第十三个月工资: ${fmt(bMonths, 2)} month(s) of wage, all roles`);

  // --- premiums ---------------------------------------------------------------------------
  const na = spec.premiums.nightAllowance;
  add(
    'Night-shift allowance',
    'premiums',
    labourPayer,
    prem.night,
    `夜班津贴: ${fmt(hours.night)} night h; ` +
      (na.mode === 'perShift' ? `${fmt(na.yuanPerShift, 2)} yuan per ${fmt(na.shiftHours)}-h shift` : `+${pct(na.shareOfHourlyWage)} of hourly wage`),
  );
  add(
    'Rest-day work premium (200%)',
    'premiums',
    labourPayer,
    prem.restDay,
    spec.premiums.restDay.enabled
      ? `休息日加班费: ${fmt(hours.restDayOvertime)} h × hourly wage × ${spec.premiums.restDay.multiplier}`
      : '休息日加班费: off — comprehensive working hours, rest days balanced by rotation (综合计算工时)',
  );
  add(
    'Statutory-holiday work premium (300%)',
    'premiums',
    labourPayer,
    prem.statutoryHoliday,
    `法定节假日加班费: ${fmt(hours.statutoryHoliday)} h × ${fmt(wages.operator, 2)}/${spec.premiums.hourlyDivisor} × ` +
      `${spec.premiums.statutoryHoliday.basis === 'onTopOfMonthlyWage' ? spec.premiums.statutoryHoliday.multiplier : spec.premiums.statutoryHoliday.multiplier - 1}` +
      ` (${spec.premiums.statutoryHoliday.basis})`,
  );
  add(
    'Overtime beyond standard hours (150%)',
    'premiums',
    labourPayer,
    prem.comprehensiveOvertime,
    `综合工时超时加班费: ${fmt(prem.excessHours)} h over the standard annual hours`,
  );

  // --- social insurance and housing fund ------------------------------------------------
  const siByItem = { pension: 0, medicalInclMaternity: 0, unemployment: 0, workInjury: 0 };
  let hfTotal = 0;
  let hfRate = 0;
  const perOperatorPremiumMonthly = operators > 0 ? premiumsTotal / operators / 12 : 0;
  for (const k of roleKeys) {
    const pay = wages[k] * (1 + bMonths / 12) + (k === 'operator' ? perOperatorPremiumMonthly : 0);
    const c = contributions(spec, model, wages[k], pay);
    hfRate = c.hfRate;
    for (const item of socialInsuranceItems) siByItem[item] += heads[k] * 12 * c.si[item];
    hfTotal += heads[k] * 12 * c.hf;
  }
  const si = spec.socialInsurance;
  const baseNote = `base ${si.declaredOn}, clamped to ${fmt(si.base.monthlyFloor)}–${fmt(si.base.monthlyCap)}/month`;
  for (const item of socialInsuranceItems) {
    add(socialInsuranceNames[item].en, 'socialInsurance', labourPayer, siByItem[item], `${socialInsuranceNames[item].zh}: ${pct(si.rates[item])} of ${baseNote}`);
  }
  const hfBounds = spec.housingFund.base ?? si.base;
  add(
    'Housing provident fund',
    'housingFund',
    labourPayer,
    hfTotal,
    `住房公积金: ${pct(hfRate)} of base ${si.declaredOn}, clamped to ${fmt(hfBounds.monthlyFloor)}–${fmt(hfBounds.monthlyCap)}/month`,
  );
  const siTotal = socialInsuranceItems.reduce((a, k) => a + siByItem[k], 0);

  let benefits = 0;
  if (model === 'inhouse') {
    benefits = spec.inhouse.supplementaryBenefitsRate * wagesAndBonus;
    add('Supplementary benefits', 'benefits', 'government', benefits, `补充福利(如职业年金): ${pct(spec.inhouse.supplementaryBenefitsRate)} of wages + bonus`);
  }

  // --- turnover -----------------------------------------------------------------------------
  const to = turnoverCosts(heads, spec, model);
  add('Recruitment of replacements', 'turnover', labourPayer, to.recruitment, `招聘费: ${fmt(to.hiresPerYear, 1)} hires/year × ${fmt(spec.turnover.recruitmentPerHire)}`);
  add('Training of new hires', 'turnover', labourPayer, to.training, `新员工培训费: ${fmt(to.hiresPerYear, 1)} hires/year × ${fmt(spec.turnover.trainingPerHire)}`);

  const labour = wagesAndBonus + premiumsTotal + siTotal + hfTotal + benefits + to.recruitment + to.training;

  // --- per-seat costs -----------------------------------------------------------------------
  const sc = seatCosts(operators, spec, model, years);
  const seatNote = `${fmt(sc.seats, 1)} seats (${fmt(spec.seats.operatorsPerSeat)} operators per seat)`;
  add('Site rent', 'seats', sc.sitePayer, sc.rent, `场地租金: ${fmt(sc.squareMetres)} m² × ${fmt(spec.seats.rentPerSquareMetrePerMonth, 2)}/m²/month × 12; ${seatNote}`);
  add('Fit-out (amortised)', 'seats', sc.sitePayer, sc.fitOutAmortised, `装修摊销: ${fmt(sc.squareMetres)} m² × ${fmt(spec.seats.fitOutPerSquareMetreOneOff)} / ${fmt(sc.siteAmortisationYears, 2)} years`);
  add('Seat hardware (amortised)', 'seats', sc.platformPayer, sc.hardwareAmortised, `坐席设备摊销: ${seatNote} × ${fmt(spec.seats.hardwarePerSeatOneOff)} / ${fmt(sc.platformAmortisationYears, 2)} years`);
  add('IT and telephony', 'seats', sc.platformPayer, sc.itTelephony, `信息化及通信: ${fmt(sc.seats, 1)} seats × ${fmt(spec.seats.itTelephonyPerSeatPerYear)}/year`);
  add('Software licences', 'seats', sc.platformPayer, sc.softwareLicences, `软件许可: ${fmt(sc.seats, 1)} seats × ${fmt(spec.seats.softwareLicencesPerSeatPerYear)}/year`);
  const seatLines = [
    [sc.sitePayer, sc.rent + sc.fitOutAmortised],
    [sc.platformPayer, sc.hardwareAmortised + sc.itTelephony + sc.softwareLicences],
  ] as const;
  const vendorSeats = seatLines.reduce((a, [who, y]) => a + (who === 'contract' ? y : 0), 0);

  // --- overhead -------------------------------------------------------------------------------
  const oh = model === 'outsourced' ? spec.overheads : spec.inhouse.overheads;
  const overhead = oh.shareOfLabour * labour + oh.fixedPerYear;
  add(
    model === 'outsourced' ? 'Vendor overhead' : 'In-house overhead',
    'overhead',
    labourPayer,
    overhead,
    `${model === 'outsourced' ? '供应商间接费用' : '自营间接费用'}: ${pct(oh.shareOfLabour)} of labour ${fmt(labour)} + ${fmt(oh.fixedPerYear)} fixed`,
  );

  // --- outsourcing: fee, profit, VAT, surtaxes, contract management ---------------------------
  let contractPrice: number | null = null;
  if (model === 'outsourced') {
    const o = spec.outsourcing;
    const vendorCost = labour + vendorSeats + overhead;
    const fee = o.managementFeeRate * vendorCost;
    const profit = o.profitRate * (vendorCost + fee);
    const passThrough = wagesAndBonus + premiumsTotal + siTotal + hfTotal;
    const g = grossUpPrice(vendorCost + fee + profit, passThrough, o);
    contractPrice = g.price;
    add('Management fee', 'fee', 'contract', fee, `管理费: ${pct(o.managementFeeRate)} of vendor cost ${fmt(vendorCost)}`);
    add('Profit', 'profit', 'contract', profit, `利润: ${pct(o.profitRate)} of cost + fee`);
    const r = vatRate(o.vat);
    add(
      'VAT',
      'tax',
      'contract',
      g.vat,
      o.vat.regime === 'simplified'
        ? `增值税(差额征税, 财税〔2016〕47号): (price ${fmt(g.price)} − pass-through ${fmt(passThrough)}) / ${1 + r} × ${r}`
        : `增值税(${o.vat.regime === 'general' ? '一般计税' : '小规模纳税人'}): price ${fmt(g.price)} / ${1 + r} × ${r} (VAT-inclusive price)`,
    );
    add('City maintenance and construction tax', 'tax', 'contract', g.surtaxes.cityMaintenance, `城市维护建设税: ${pct(o.surtaxes.cityMaintenance)} of VAT`);
    add('Education surcharge', 'tax', 'contract', g.surtaxes.education, `教育费附加: ${pct(o.surtaxes.education)} of VAT`);
    add('Local education surcharge', 'tax', 'contract', g.surtaxes.localEducation, `地方教育附加: ${pct(o.surtaxes.localEducation)} of VAT`);
    const cm = o.governmentContractManagement;
    add(
      'Contract management (government)',
      'contractManagement',
      'government',
      cm.fixedPerYear + cm.shareOfContract * g.price,
      `政府合同管理成本: ${fmt(cm.fixedPerYear)} fixed + ${pct(cm.shareOfContract)} of contract`,
    );
    if (o.vat.regime === 'small' && g.price > 5_000_000) {
      warnings.push(
        'VAT regime "small": annual sales above 5M yuan normally require general-taxpayer registration (threshold not in facts.md — general knowledge, verify)',
      );
    }
  }

  if (si.declaredOn === 'floor' || si.declaredOn === 'none') {
    warnings.push(`social insurance declared on "${si.declaredOn}": below the legal base when pay exceeds the floor`);
  }

  const total = lines.reduce((a, l) => a + l.yuan, 0);
  const governmentSide = lines.reduce((a, l) => a + (l.paidBy === 'government' ? l.yuan : 0), 0);

  const budget: Budget = {
    model,
    total,
    contractPrice,
    governmentSide,
    lines,
    costPerOperatorMonth: operators > 0 ? total / operators / 12 : Number.NaN,
    headcounts: { ...heads, total: totalHeadcount(heads), seats: sc.seats },
    hours,
    hoursSource,
    warnings,
  };
  const extra: { costPerAnsweredCall?: number; costPerConnectionPoint?: number } = {};
  if (inputs.answeredCallsPerYear !== undefined) {
    if (!(inputs.answeredCallsPerYear > 0)) throw new RangeError('answeredCallsPerYear must be > 0');
    extra.costPerAnsweredCall = total / inputs.answeredCallsPerYear;
  }
  if (inputs.connectionRate !== undefined) {
    if (!(inputs.connectionRate > 0 && inputs.connectionRate <= 1)) throw new RangeError('connectionRate must be a fraction in (0, 1]');
    extra.costPerConnectionPoint = total / (inputs.connectionRate * 100);
  }
  return { ...budget, ...extra };
}

/** Sum of the lines in each category. */
export function totalsByCategory(budget: Budget): Record<LineCategory, number> {
  const out = {
    wages: 0,
    bonus: 0,
    premiums: 0,
    socialInsurance: 0,
    housingFund: 0,
    benefits: 0,
    turnover: 0,
    seats: 0,
    overhead: 0,
    fee: 0,
    profit: 0,
    tax: 0,
    contractManagement: 0,
  } satisfies Record<LineCategory, number>;
  for (const l of budget.lines) out[l.category] += l.yuan;
  return out;
}

/** The yuan of one role's wage line. */
export function roleWageLine(budget: Budget, role: RoleKey): number {
  const line = budget.lines.find((l) => l.item === `${roleNames[role].en} wages`);
  return line ? line.yuan : 0;
}
