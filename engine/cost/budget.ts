/**
 * The annual budget of a hotline, in-house or outsourced, as named line items.
 *
 * Outsourced: the contract price (VAT-inclusive) is built up as
 *   vendor cost C = labour + levies + other lines + per-seat costs the vendor bears
 *                   (+ itemised overhead when outsourcing.overheadBasis = 'itemised')
 *   management fee F = feeRate × C (covers the vendor's overhead; 0 when itemised)
 *   profit = profitRate × (C + F)
 *   price P = C + F + profit + VAT(P) + surtaxes(VAT)        (see tax.ts)
 * and the government adds its own side: per-seat costs it bears and contract management.
 * In-house: labour + all per-seat costs + in-house overhead; no fee, profit or VAT.
 *
 * Money is never rounded here; only the `note` strings format numbers for reading.
 */
import type { CostSpec, RoleKey } from './schema.ts';
import { roleKeys } from './schema.ts';
import type { PaidHoursByCategory } from './holidays.ts';
import { standardAnnualHours } from './holidays.ts';
import type { Headcounts, Model } from './labour.ts';
import { bonusMonths, fallbackPaidHours, monthlyWages, premiumCosts, roleNames, totalHeadcount, turnoverCosts } from './labour.ts';
import type { Payer } from './seats.ts';
import { seatCosts } from './seats.ts';
import { employerHousingFundMonthly, employerSocialInsuranceMonthly, socialInsuranceItems, socialInsuranceNames } from './socialInsurance.ts';
import { grossUpPrice } from './tax.ts';
import { formatTrimmed, formatTrimmedPercent } from '../text/numbers.ts';
import type { Payroll } from '../workforce/payroll.ts';
import { staffFromHeadcount, staffFromOperators, type StaffSplit } from './staff.ts';
import { paidHoursFromOnSeat, type StaffingPattern } from './onSeat.ts';
import { resolveCostParameters, hfBounds, siBounds, type CostParameters } from './parameters/resolve.ts';
import { inhouseTerms, inhousePresetNames } from './inhouse.ts';

export type { Model } from './labour.ts';

export interface BudgetInputs {
  /**
   * Operators who take calls (legacy input; may be fractional FTE). Give `headcount` instead
   * for people on the payroll: the roles inside it are then carved out (staff.ts).
   */
  readonly operators?: number;
  /** People on the payroll (everyone), split by the payroll and roles.inHeadcount. */
  readonly headcount?: number;
  /** Who on the payroll takes calls (engine/workforce/payroll.ts); default everyone. */
  readonly payroll?: Payroll;
  /** On-seat hours by category and peak agents on seat from the staffing (onSeat.ts). */
  readonly staffing?: StaffingPattern;
  /** Paid hours per year by category, summed over operators (overrides `staffing`'s hours). */
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
  | 'levies'
  | 'turnover'
  | 'otherCosts'
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
  /** Chinese name, the rule and the arithmetic, for reading (--explain). */
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
  readonly staff: StaffSplit;
  readonly hours: PaidHoursByCategory;
  readonly hoursSource: 'input' | 'staffing' | 'fallback';
  readonly seatsSource: string;
  /** Every parameter from the region table or a national default, with its origin. */
  readonly parameters: CostParameters;
  /** In-house: the employment terms used. */
  readonly inhouseTerms: string | null;
  /** Outsourced: the local share of VAT and surtaxes, which returns to local budgets (fiscal view). */
  readonly fiscal: { readonly localTaxes: number; readonly totalNetOfLocalTaxes: number } | null;
  readonly warnings: readonly string[];
}

/** The Chinese name at the head of a note, without a citation: "增值税(差额征税, 财税〔2016〕47号): …" → "增值税(差额征税)". */
function shortZh(note: string): string {
  const head = note.slice(0, Math.max(0, note.indexOf(':')));
  return head.replace(/,[^)）]*(?=[)）])/, '');
}

export function annualBudget(spec: CostSpec, inputs: BudgetInputs, model: Model): Budget {
  const years = inputs.years ?? 1;
  if (!(years > 0)) throw new RangeError('years must be > 0');
  if ((inputs.operators === undefined) === (inputs.headcount === undefined)) throw new RangeError('give operators or headcount (one of them)');
  const p = resolveCostParameters(spec);
  const warnings: string[] = [];
  const lines: BudgetLine[] = [];
  // The Chinese name is the note's text before its first colon ("养老保险: 16% of ...").
  const add = (item: string, category: LineCategory, paidBy: Payer, yuan: number, note: string) =>
    lines.push({ item, zh: shortZh(note), category, paidBy, yuan, note });
  const labourPayer: Payer = model === 'outsourced' ? 'contract' : 'government';
  const terms = model === 'inhouse' ? inhouseTerms(spec) : null;

  // --- who is on the payroll ------------------------------------------------------------------
  const staff =
    inputs.headcount !== undefined
      ? staffFromHeadcount(inputs.headcount, spec.roles, inputs.payroll)
      : staffFromOperators(inputs.operators!, spec.roles, inputs.payroll);
  warnings.push(...staff.warnings);
  const heads = staff.headcounts;
  const operators = heads.operator;
  const people = totalHeadcount(heads);

  // --- wages, hours, premiums -----------------------------------------------------------------
  const wages = monthlyWages(spec, model);
  const bMonths = bonusMonths(spec, model);
  const worked = spec.hoursFallback.workedHoursPerOperatorPerYear ?? standardAnnualHours(spec.calendarYear);
  let hoursSource: Budget['hoursSource'];
  let hours: PaidHoursByCategory;
  if (inputs.paidHoursByCategory) {
    hoursSource = 'input';
    hours = inputs.paidHoursByCategory;
  } else if (inputs.staffing) {
    hoursSource = 'staffing';
    hours = paidHoursFromOnSeat(operators, worked, inputs.staffing.onSeatHours);
  } else {
    hoursSource = 'fallback';
    hours = fallbackPaidHours(operators, spec);
  }
  const prem = premiumCosts(hours, operators, wages.operator, spec);
  const premiumsTotal = prem.night + prem.restDay + prem.statutoryHoliday + prem.comprehensiveOvertime;

  const minWage = p.minimumMonthlyWage.value;
  if (minWage !== null && wages.operator < minWage) {
    warnings.push(`operator wage ${formatTrimmed(wages.operator, 2)} yuan/month is below the city's minimum wage ${formatTrimmed(minWage)}`);
  }
  if (prem.excessHours > 0) {
    warnings.push(
      `operators' normal hours exceed the standard annual hours by ${formatTrimmed(prem.excessHours)} h in all: paid as comprehensive-hours overtime` +
        (spec.premiums.comprehensiveOvertime.enabled ? '' : ' — but that premium is disabled'),
    );
  }

  // --- wages and bonus --------------------------------------------------------------------------
  let wagesOnly = 0;
  for (const k of roleKeys) {
    if (k === 'otherStaff' && heads[k] === 0) continue;
    const y = heads[k] * wages[k] * 12;
    wagesOnly += y;
    add(`${roleNames[k].en} wages`, 'wages', labourPayer, y, `${roleNames[k].zh}工资: ${formatTrimmed(heads[k], 2)} × ${formatTrimmed(wages[k], 2)} × 12`);
  }
  const bonus = roleKeys.reduce((acc, k) => acc + heads[k] * wages[k] * bMonths, 0);
  add('13th-month pay / annual bonus', 'bonus', labourPayer, bonus, `年终奖/第十三个月工资: ${formatTrimmed(bMonths, 2)} month(s) of wage, all roles`);
  const wagesAndBonus = wagesOnly + bonus;

  // --- premiums -----------------------------------------------------------------------------------
  const na = spec.premiums.nightAllowance;
  const hoursWhy =
    hoursSource === 'staffing'
      ? `shares of the on-seat hours of the staffing (${inputs.staffing!.source})`
      : hoursSource === 'input'
        ? 'paid hours given'
        : `FALLBACK: no staffing given, night share ${formatTrimmedPercent(spec.hoursFallback.nightShare)} assumed`;
  add(
    'Night-shift allowance',
    'premiums',
    labourPayer,
    prem.night,
    `夜班津贴: ${formatTrimmed(hours.night)} night h (22:00–06:00; ${hoursWhy}); ` +
      (na.mode === 'perShift' ? `${formatTrimmed(na.yuanPerShift, 2)} yuan per ${formatTrimmed(na.shiftHours)}-h shift` : `+${formatTrimmedPercent(na.shareOfHourlyWage)} of hourly wage`),
  );
  add(
    'Rest-day work premium (200%)',
    'premiums',
    labourPayer,
    prem.restDay,
    spec.premiums.restDay.enabled
      ? `休息日加班费: ${formatTrimmed(hours.restDayOvertime)} h × hourly wage × ${spec.premiums.restDay.multiplier}`
      : '休息日加班费: off — comprehensive working hours, rest days balanced by rotation (综合计算工时)',
  );
  add(
    'Statutory-holiday work premium (300%)',
    'premiums',
    labourPayer,
    prem.statutoryHoliday,
    `法定节假日加班费: ${formatTrimmed(hours.statutoryHoliday)} h × ${formatTrimmed(wages.operator, 2)}/${spec.premiums.hourlyDivisor} × ` +
      `${spec.premiums.statutoryHoliday.basis === 'onTopOfMonthlyWage' ? spec.premiums.statutoryHoliday.multiplier : spec.premiums.statutoryHoliday.multiplier - 1}` +
      ` (${spec.premiums.statutoryHoliday.basis})`,
  );
  add(
    'Overtime beyond standard hours (150%)',
    'premiums',
    labourPayer,
    prem.comprehensiveOvertime,
    `综合工时超时加班费: ${formatTrimmed(prem.excessHours)} h over the standard annual hours`,
  );
  const ht = p.highTemperature;
  const htPerHeadYear = ht.applied && ht.value ? ht.value.yuanPerMonth * ht.value.months : 0;
  const highTemp = people * htPerHeadYear;
  add(
    'High-temperature allowance',
    'premiums',
    labourPayer,
    highTemp,
    ht.value === null
      ? `高温津贴: none — ${ht.label}`
      : ht.applied
        ? `高温津贴: ${formatTrimmed(people, 1)} people × ${formatTrimmed(ht.value.yuanPerMonth, 2)} × ${formatTrimmed(ht.value.months)} months (${ht.value.rule}; ${ht.label})`
        : `高温津贴: not paid — ${ht.value.rule}; coverage of indoor work not verified (levies.highTemperature.enabled: true to pay it; ${ht.label})`,
  );
  const wageBill = wagesAndBonus + premiumsTotal + highTemp; // 工资总额

  // --- social insurance and housing fund ------------------------------------------------------
  const si = spec.socialInsurance;
  const siTerms = {
    declaredOn: si.declaredOn,
    base: siBounds(p),
    rates: { pension: p.rates.pension.value, medicalInclMaternity: p.rates.medicalInclMaternity.value, unemployment: p.rates.unemployment.value, workInjury: p.rates.workInjury.value },
  };
  const hfRate = terms?.housingFundRate ?? p.hfRate.value;
  const hfB = hfBounds(p);
  const siByItem = { pension: 0, medicalInclMaternity: 0, unemployment: 0, workInjury: 0 };
  let hfTotal = 0;
  const perOperatorPremiumMonthly = operators > 0 ? premiumsTotal / operators / 12 : 0;
  for (const k of roleKeys) {
    if (heads[k] === 0) continue;
    const pay = wages[k] * (1 + bMonths / 12) + (k === 'operator' ? perOperatorPremiumMonthly : 0) + htPerHeadYear / 12;
    const c = employerSocialInsuranceMonthly(wages[k], pay, siTerms);
    for (const item of socialInsuranceItems) siByItem[item] += heads[k] * 12 * c[item];
    hfTotal += heads[k] * 12 * employerHousingFundMonthly(wages[k], pay, hfRate, hfB, si.declaredOn);
  }
  const baseNote = `base ${si.declaredOn}, clamped to ${formatTrimmed(siTerms.base.monthlyFloor, 1)}–${formatTrimmed(siTerms.base.monthlyCap)}/month`;
  for (const item of socialInsuranceItems) {
    add(socialInsuranceNames[item].en, 'socialInsurance', labourPayer, siByItem[item], `${socialInsuranceNames[item].zh}: ${formatTrimmedPercent(siTerms.rates[item])} of ${baseNote}`);
  }
  add(
    'Housing provident fund',
    'housingFund',
    labourPayer,
    hfTotal,
    `住房公积金: ${formatTrimmedPercent(hfRate)} of base ${si.declaredOn}, clamped to the fund's own ${formatTrimmed(hfB.monthlyFloor, 1)}–${formatTrimmed(hfB.monthlyCap)}/month`,
  );
  const siTotal = socialInsuranceItems.reduce((a, k) => a + siByItem[k], 0);

  // --- welfare and supplementary benefits -------------------------------------------------------
  const ol = spec.otherLines;
  const welfare = people * ol.welfarePerHeadPerMonth * 12;
  add('Welfare (meals, transport, festival benefits)', 'benefits', labourPayer, welfare,
    `福利费: ${formatTrimmed(people, 1)} people × ${formatTrimmed(ol.welfarePerHeadPerMonth)}/month × 12 (optional line; default 0: amounts not found)`);
  let supplementary = 0;
  if (terms) {
    supplementary = terms.supplementaryBenefitsRate * wagesAndBonus;
    add('Supplementary benefits (occupational annuity)', 'benefits', 'government', supplementary, `补充福利(如职业年金): ${formatTrimmedPercent(terms.supplementaryBenefitsRate)} of wages + bonus`);
  }

  // --- levies ------------------------------------------------------------------------------------
  const df = spec.levies.disabilityFund;
  const ratio = p.disabilityRatio.value;
  const avgPay = people > 0 ? wageBill / people : 0;
  const avgLocal = p.averageAnnualWage.value;
  const payBase = avgLocal !== null ? Math.min(avgPay, 2 * avgLocal) : avgPay;
  const shortfall = Math.max(0, people * ratio - df.disabledStaff);
  const exempt = people <= df.smallEmployerExemptUpTo;
  const disability = df.enabled && !exempt ? shortfall * payBase * df.band : 0;
  add(
    'Disability employment security fund',
    'levies',
    labourPayer,
    disability,
    !df.enabled
      ? '残疾人就业保障金: off'
      : exempt
        ? `残疾人就业保障金: exempt — ${formatTrimmed(people, 1)} staff ≤ ${df.smallEmployerExemptUpTo}`
        : `残疾人就业保障金: (${formatTrimmed(people, 1)} staff × ${formatTrimmedPercent(ratio)} − ${formatTrimmed(df.disabledStaff)} disabled staff) × average pay ${formatTrimmed(payBase)}` +
          (avgLocal !== null ? ` (capped at 2 × local average ${formatTrimmed(avgLocal)}${avgPay > 2 * avgLocal ? ': cap binds' : ''})` : ' (local average pay not known: no 2× cap)') +
          (df.band !== 1 ? ` × band ${formatTrimmed(df.band, 2)}` : '') +
          `; ${model === 'outsourced' ? 'dispatched or outsourced staff count at the vendor (财税〔2015〕72号 art. 8)' : 'public employers pay it too'}; ratio: ${p.disabilityRatio.label}`,
  );
  const unionOn = terms ? terms.unionFee : spec.levies.unionFee.enabled;
  const union = unionOn ? spec.levies.unionFee.rate * wageBill : 0;
  add(
    'Union fee',
    'levies',
    labourPayer,
    union,
    unionOn ? `工会经费: ${formatTrimmedPercent(spec.levies.unionFee.rate)} of the wage bill ${formatTrimmed(wageBill)} (Trade Union Law art. 43)` : '工会经费: off — no union assumed (levies.unionFee.enabled to add 2% of the wage bill)',
  );

  // --- turnover -------------------------------------------------------------------------------------
  const to = turnoverCosts(heads, spec, model);
  const trainerPay = heads.trainer * wages.trainer * (12 + bMonths);
  const training = spec.turnover.trainingPerHireIncludesTrainers ? Math.max(0, to.training - trainerPay) : to.training;
  add('Recruitment of replacements', 'turnover', labourPayer, to.recruitment, `招聘费: ${formatTrimmed(to.hiresPerYear, 1)} hires/year × ${formatTrimmed(to.hiresPerYear > 0 ? to.recruitment / to.hiresPerYear : 0)}`);
  add(
    'Training of new hires',
    'turnover',
    labourPayer,
    training,
    spec.turnover.trainingPerHireIncludesTrainers
      ? `新员工培训费: ${formatTrimmed(to.hiresPerYear, 1)} hires × ${formatTrimmed(spec.turnover.trainingPerHire)} all-in, less the trainers on the payroll ${formatTrimmed(trainerPay)} (no double count), not below 0`
      : `新员工培训费: ${formatTrimmed(to.hiresPerYear, 1)} hires × ${formatTrimmed(spec.turnover.trainingPerHire)} external cost, on top of the trainers' pay (materials, certification)`,
  );

  // --- other optional lines -------------------------------------------------------------------------
  const liability = people * ol.liabilityInsurancePerHeadPerYear;
  add('Employer liability insurance', 'otherCosts', labourPayer, liability, `雇主责任险: ${formatTrimmed(people, 1)} people × ${formatTrimmed(ol.liabilityInsurancePerHeadPerYear)}/year (optional; default 0)`);
  const severance = ol.severanceReserveShareOfWages * wagesAndBonus;
  add('Severance reserve', 'otherCosts', labourPayer, severance, `经济补偿金准备: ${formatTrimmedPercent(ol.severanceReserveShareOfWages)} of wages + bonus (optional; default 0)`);

  const labour = wageBill + siTotal + hfTotal + welfare + supplementary + disability + union + to.recruitment + training + liability + severance;

  // --- per-seat costs -----------------------------------------------------------------------------
  let seats: number;
  let seatsSource: string;
  const st = inputs.staffing;
  if (st && spec.seats.basis === 'peakOnSeat' && st.operators > 0) {
    const perOperator = st.peakOnSeat / st.operators;
    const exact = (operators + (people - operators)) * perOperator;
    seats = spec.roles.headcountRounding === 'ceil' ? Math.ceil(exact - 1e-9) : exact;
    seatsSource = `peak ${formatTrimmed(st.peakOnSeat * (operators / st.operators), 1)} agents on seat + desks for ${formatTrimmed(people - operators, 1)} off-phone staff on duty in the same proportion`;
  } else {
    const exact = operators / spec.seats.operatorsPerSeat;
    seats = spec.roles.headcountRounding === 'ceil' ? Math.ceil(exact - 1e-9) : exact;
    seatsSource = `FALLBACK: ${formatTrimmed(spec.seats.operatorsPerSeat)} operators per seat (no staffing pattern given)`;
  }
  const sc = seatCosts(seats, spec, model, years);
  const seatNote = `${formatTrimmed(sc.seats, 1)} seats (${seatsSource})`;
  add('Site rent', 'seats', sc.sitePayer, sc.rent, `场地租金: ${formatTrimmed(sc.squareMetres)} m² × ${formatTrimmed(spec.seats.rentPerSquareMetrePerMonth, 2)}/m²/month × 12; ${seatNote}`);
  add('Fit-out (amortised)', 'seats', sc.sitePayer, sc.fitOutAmortised, `装修摊销: ${formatTrimmed(sc.squareMetres)} m² × ${formatTrimmed(spec.seats.fitOutPerSquareMetreOneOff)} / ${formatTrimmed(sc.siteAmortisationYears, 2)} years`);
  add('Seat hardware (amortised)', 'seats', sc.platformPayer, sc.hardwareAmortised, `坐席设备摊销: ${seatNote} × ${formatTrimmed(spec.seats.hardwarePerSeatOneOff)} / ${formatTrimmed(sc.platformAmortisationYears, 2)} years`);
  add('IT and telephony', 'seats', sc.platformPayer, sc.itTelephony, `信息化及通信: ${formatTrimmed(sc.seats, 1)} seats × ${formatTrimmed(spec.seats.itTelephonyPerSeatPerYear)}/year`);
  add('Software licences', 'seats', sc.platformPayer, sc.softwareLicences, `软件许可: ${formatTrimmed(sc.seats, 1)} seats × ${formatTrimmed(spec.seats.softwareLicencesPerSeatPerYear)}/year`);
  const seatLines = [
    [sc.sitePayer, sc.rent + sc.fitOutAmortised],
    [sc.platformPayer, sc.hardwareAmortised + sc.itTelephony + sc.softwareLicences],
  ] as const;
  const vendorSeats = seatLines.reduce((a, [who, y]) => a + (who === 'contract' ? y : 0), 0);

  // --- overhead -------------------------------------------------------------------------------------
  const itemised = model === 'inhouse' || spec.outsourcing.overheadBasis === 'itemised';
  const oh = model === 'outsourced' ? spec.overheads : terms!.overheads;
  const overhead = itemised ? oh.shareOfLabour * labour + oh.fixedPerYear : 0;
  add(
    model === 'outsourced' ? 'Vendor overhead' : 'In-house overhead',
    'overhead',
    labourPayer,
    overhead,
    itemised
      ? `${model === 'outsourced' ? '供应商间接费用' : '自营间接费用'}: ${formatTrimmedPercent(oh.shareOfLabour)} of labour ${formatTrimmed(labour)} + ${formatTrimmed(oh.fixedPerYear)} fixed` +
          (model === 'outsourced' ? ' (itemised: no management fee)' : '')
      : '供应商间接费用: inside the management fee (one concept: 管理费 is the vendor\'s HR, payroll, admin and QA overhead)',
  );

  // --- outsourcing: fee, profit, working capital, VAT, surtaxes, contract management ---------------
  let contractPrice: number | null = null;
  let fiscal: Budget['fiscal'] = null;
  if (model === 'outsourced') {
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
    const passThrough = wageBill + siTotal + hfTotal + welfare;
    const g = grossUpPrice(vendorCost + fee + profit, passThrough, p.vat, o.surtaxes);
    contractPrice = g.price;
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
    fiscal = { localTaxes, totalNetOfLocalTaxes: 0 };
    if (p.vat.regime === 'small' && g.price > 5_000_000) {
      warnings.push('VAT regime "small": annual sales above 5M yuan normally require general-taxpayer registration (general knowledge, verify)');
    }
  }

  if (si.declaredOn === 'floor' || si.declaredOn === 'none') {
    warnings.push(`social insurance declared on "${si.declaredOn}": below the legal base when pay exceeds the floor`);
  }

  const total = lines.reduce((a, l) => a + l.yuan, 0);
  const governmentSide = lines.reduce((a, l) => a + (l.paidBy === 'government' ? l.yuan : 0), 0);
  if (fiscal) fiscal = { localTaxes: fiscal.localTaxes, totalNetOfLocalTaxes: total - fiscal.localTaxes };

  const budget: Budget = {
    model,
    total,
    contractPrice,
    governmentSide,
    lines,
    costPerOperatorMonth: operators > 0 ? total / operators / 12 : Number.NaN,
    headcounts: { ...heads, total: people, seats: sc.seats },
    staff,
    hours,
    hoursSource,
    seatsSource,
    parameters: p,
    inhouseTerms: terms ? `${inhousePresetNames[terms.preset].en} (${inhousePresetNames[terms.preset].zh}): ${terms.description}` : null,
    fiscal,
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

/** The parameters a budget used, with their origin (scenario, region table with source, national default): for --explain. */
export function describeParameters(p: CostParameters): string[] {
  const row = (name: string, v: string, label: string) => `${name}: ${v} — ${label}`;
  const money = (x: number | null) => (x === null ? '—' : formatTrimmed(x, 1));
  return [
    `Region: ${p.region.label}`,
    row('Social-insurance base floor', money(p.siFloor.value), p.siFloor.label),
    row('Social-insurance base cap', money(p.siCap.value), p.siCap.label),
    row('Pension rate', formatTrimmedPercent(p.rates.pension.value), p.rates.pension.label),
    row('Medical incl. maternity rate', formatTrimmedPercent(p.rates.medicalInclMaternity.value), p.rates.medicalInclMaternity.label),
    row('Unemployment rate', formatTrimmedPercent(p.rates.unemployment.value), p.rates.unemployment.label),
    row('Work-injury rate', formatTrimmedPercent(p.rates.workInjury.value), p.rates.workInjury.label),
    row('Housing-fund base floor', money(p.hfFloor.value), p.hfFloor.label),
    row('Housing-fund base cap', money(p.hfCap.value), p.hfCap.label),
    row('Housing-fund rate', formatTrimmedPercent(p.hfRate.value), p.hfRate.label),
    row('Minimum wage', money(p.minimumMonthlyWage.value), p.minimumMonthlyWage.label),
    row('High-temperature allowance', p.highTemperature.value ? `${money(p.highTemperature.value.yuanPerMonth)} × ${p.highTemperature.value.months} months${p.highTemperature.applied ? '' : ' (not applied)'}` : 'none', p.highTemperature.label),
    row('Disability-fund ratio', formatTrimmedPercent(p.disabilityRatio.value), p.disabilityRatio.label),
    row('Local average pay (残保金 cap)', money(p.averageAnnualWage.value), p.averageAnnualWage.label),
    `VAT: ${p.vat.label}`,
  ];
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
    levies: 0,
    turnover: 0,
    otherCosts: 0,
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
