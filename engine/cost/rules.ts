/**
 * Statutory and practice rules of the cost model that depend on the year, the employer's
 * size or class — each a small pure function returning the value and the rule text that
 * `budget --explain` prints. Sources: scenarios/SOURCES.md ("Cost rules, third pass").
 */
import { standardAnnualHours } from './holidays.ts';
import { formatTrimmed as fmt, formatTrimmedPercent as pct } from '../text/numbers.ts';

export interface RuleValue<T> {
  readonly value: T;
  /** The rule and its source, for --explain. */
  readonly rule: string;
}

// --- 残保金 reduced bands ------------------------------------------------------------------------

/**
 * 残保金 band: 财政部公告2019年第98号 (2020–2022) and its continuation 财政部公告2023年第8号
 * (2023-01-01 → 2027-12-31): an employer whose disabled staff are below 1 % of its staff pays
 * 90 % of the amount due; from 1 % up to the provincial ratio, 50 %. Outside 2020–2027: full.
 */
export function disabilityFundBand(year: number, disabledStaff: number, staff: number, ratio: number): RuleValue<number> {
  if (year < 2020 || year > 2027) return { value: 1, rule: `no reduced band in ${year} (bands ran 2020–2027): full rate` };
  const share = staff > 0 ? disabledStaff / staff : 0;
  const notice = year >= 2023 ? '财政部公告2023年第8号 (2023–2027)' : '财政部公告2019年第98号 (2020–2022)';
  if (share >= ratio) return { value: 0, rule: `disabled staff ${pct(share)} ≥ ratio ${pct(ratio)}: nothing due` };
  if (share < 0.01) return { value: 0.9, rule: `band 90%: disabled staff ${pct(share)} < 1% (${notice})` };
  return { value: 0.5, rule: `band 50%: disabled staff ${pct(share)} ≥ 1% but below the ratio (${notice})` };
}

// --- 六税两费 halving -----------------------------------------------------------------------------

/**
 * Surtaxes (城建税, 教育费附加, 地方教育附加) halved for small-scale taxpayers and small low-profit
 * enterprises (小型微利企业: ≤ 300 staff, taxable income ≤ 3M, assets ≤ 50M): 财政部 税务总局公告
 * 2023年第12号 art. 2, 2023-01-01 → 2027-12-31 (2022: 2022年第10号, same scope). 2019–2021:
 * small-scale taxpayers only (财税〔2019〕13号, provinces up to 50 %; 50 % assumed).
 */
export function surtaxFactor(year: number, smallScale: boolean, smallLowProfit: boolean): RuleValue<number> {
  if (year >= 2022 && year <= 2027 && (smallScale || smallLowProfit)) {
    const who = smallScale ? 'small-scale taxpayer' : 'small low-profit enterprise (小型微利企业)';
    return { value: 0.5, rule: `六税两费减半: ${who}, ${year} (财政部 税务总局公告${year >= 2023 ? '2023年第12号' : '2022年第10号'})` };
  }
  if (year >= 2019 && year <= 2021 && smallScale) return { value: 0.5, rule: `small-scale taxpayer, ${year}: surtaxes halved (财税〔2019〕13号; up to 50%, 50% assumed)` };
  return { value: 1, rule: 'surtaxes in full' };
}

/** Small-scale taxpayer threshold: annual taxable sales ≤ 5,000,000 yuan (财税〔2018〕33号; VAT Law art. 9 from 2026). */
export const SMALL_SCALE_SALES_LIMIT = 5_000_000;

// --- work injury by industry class -----------------------------------------------------------------

export type EmployerIndustry = 'labourService' | 'telecom' | 'callCentre' | 'publicEmployer';

/**
 * Work-injury base rate by the employer's industry class (人社部发〔2015〕71号, GB/T 4754):
 * 商务服务业 (labour service, dispatch: 7263) and 电信 (63) are class 2, 0.4 %; 呼叫中心 (6591,
 * 软件和信息技术服务业) and 国家机构/社会保障 are class 1, 0.2 %.
 */
export const WORK_INJURY_BY_INDUSTRY: Readonly<Record<EmployerIndustry, { rate: number; rule: string }>> = {
  labourService: { rate: 0.004, rule: 'class 2 (商务服务业: labour service / dispatch), base rate 0.4% — 人社部发〔2015〕71号' },
  telecom: { rate: 0.004, rule: 'class 2 (电信、广播电视和卫星传输服务), base rate 0.4% — 人社部发〔2015〕71号' },
  callCentre: { rate: 0.002, rule: 'class 1 (呼叫中心 6591, 软件和信息技术服务业), base rate 0.2% — 人社部发〔2015〕71号' },
  publicEmployer: { rate: 0.002, rule: 'class 1 (国家机构 / 社会保障: a public employer), base rate 0.2% — 人社部发〔2015〕71号' },
};

// --- practice defaults ---------------------------------------------------------------------------

/** Meal allowance a year for `people`: yuan per shift × shifts worked (standard annual hours / shift length). */
export function mealAllowanceYear(people: number, yuanPerShift: number, shiftHours: number, year: number): RuleValue<number> {
  const shifts = standardAnnualHours(year) / shiftHours;
  return {
    value: people * yuanPerShift * shifts,
    rule: `餐补: ${fmt(people, 1)} people × ${fmt(yuanPerShift, 2)} yuan × ${fmt(shifts, 1)} shifts of ${fmt(shiftHours)} h a year (standard hours)`,
  };
}

/**
 * Severance reserve for a vendor change (劳动合同法 art. 46(5), 47): staff whose contract ends with
 * the tender are owed one month's average pay per year of service (one month for a one-year
 * contract). Reserve = P(contract not renewed) × share still employed at the end (1 − turnover,
 * not below 0) × one month of the wage bill.
 */
export function severanceReserveYear(monthlyWageBill: number, probabilityNotRenewed: number, annualTurnover: number): RuleValue<number> {
  const stayers = Math.max(0, 1 - annualTurnover);
  return {
    value: probabilityNotRenewed * stayers * monthlyWageBill,
    rule: `经济补偿金准备: P(no renewal) ${pct(probabilityNotRenewed)} × stayers ${pct(stayers)} × one month's pay ${fmt(monthlyWageBill)} (劳动合同法 art. 46(5), 47)`,
  };
}

/** Payment terms: average months of contract value the vendor pre-finances. */
export const PAYMENT_TERMS = {
  /** Paid after each quarter's assessment, ~30 days after quarter end (Changsha 2019; 保障中小企业款项支付条例 art. 8: 30 days). */
  quarterlyArrears: { months: 2.5, label: 'quarterly in arrears, paid 30 days after the quarter (Changsha 2019 tender; 国务院令第728号 30-day rule): 1.5 + 1 = 2.5 months' },
  /** Changsha Yuhua 2025: 5 × 20 % at months 1, 3, 6, 9, 12: roughly paid as it goes. */
  instalments20x5: { months: 1, label: '5 × 20% at months 1, 3, 6, 9, 12 (Changsha Yuhua 2025): about 1 month' },
  /** Hefei Shushan 2025: 65 % on signing against a prepayment guarantee. */
  prepay65: { months: 0, label: '65% prepaid on signing against a guarantee (Hefei Shushan 2025): none' },
  monthly: { months: 1.5, label: 'monthly in arrears, 30 days after the month: 0.5 + 1 = 1.5 months' },
} as const;
export type PaymentTerms = keyof typeof PAYMENT_TERMS;

