/**
 * Employer social insurance (社会保险) and housing provident fund (住房公积金).
 *
 * Contributions are rates on a monthly contribution base: the declared pay clamped to the
 * city's floor and cap (scenarios/SOURCES.md: "Each has a contribution base with a floor and a cap").
 * A low wage therefore pays on the floor — for operators near the minimum wage the
 * contributions are in effect a fixed amount per head.
 */
import type { CostSpec } from './schema.ts';

export interface BaseBounds {
  readonly monthlyFloor: number;
  readonly monthlyCap: number;
}

export type DeclaredOn = CostSpec['socialInsurance']['declaredOn'];

export const socialInsuranceItems = ['pension', 'medicalInclMaternity', 'unemployment', 'workInjury'] as const;
export type SocialInsuranceItem = (typeof socialInsuranceItems)[number];

export const socialInsuranceNames: Readonly<Record<SocialInsuranceItem, { en: string; zh: string }>> = {
  pension: { en: 'Pension insurance', zh: '养老保险' },
  medicalInclMaternity: { en: 'Medical insurance (incl. maternity)', zh: '医疗保险（含生育保险）' },
  unemployment: { en: 'Unemployment insurance', zh: '失业保险' },
  workInjury: { en: 'Work-injury insurance', zh: '工伤保险' },
};

/** The declared pay clamped to [floor, cap]. */
export function contributionBase(monthlyPay: number, bounds: BaseBounds): number {
  return Math.min(Math.max(monthlyPay, bounds.monthlyFloor), bounds.monthlyCap);
}

/**
 * The monthly base one person's contributions are computed on.
 * @param monthlyWage   the person's monthly wage
 * @param monthlyActualPay average monthly gross pay incl. bonus and premiums (wage + bonus/12 + premiums/12)
 */
export function declaredBase(declaredOn: DeclaredOn, monthlyWage: number, monthlyActualPay: number, bounds: BaseBounds): number {
  switch (declaredOn) {
    case 'none':
      return 0;
    case 'floor':
      return bounds.monthlyFloor;
    case 'baseWage':
      return contributionBase(monthlyWage, bounds);
    case 'actualPay':
      return contributionBase(monthlyActualPay, bounds);
  }
}

export type SocialInsuranceAmounts = Record<SocialInsuranceItem, number>;

/** Resolved social-insurance terms (see parameters/resolve.ts): declared pay, base bounds, employer rates. */
export interface SocialInsuranceTerms {
  readonly declaredOn: DeclaredOn;
  readonly base: BaseBounds;
  readonly rates: Readonly<Record<SocialInsuranceItem, number>>;
}

/** Employer social-insurance contributions of one person for one month, by item (yuan). */
export function employerSocialInsuranceMonthly(monthlyWage: number, monthlyActualPay: number, si: SocialInsuranceTerms): SocialInsuranceAmounts {
  const base = declaredBase(si.declaredOn, monthlyWage, monthlyActualPay, si.base);
  return {
    pension: base * si.rates.pension,
    medicalInclMaternity: base * si.rates.medicalInclMaternity,
    unemployment: base * si.rates.unemployment,
    workInjury: base * si.rates.workInjury,
  };
}

/** Sum of the employer social-insurance rates. */
export function totalSocialInsuranceRate(si: Pick<SocialInsuranceTerms, 'rates'>): number {
  return si.rates.pension + si.rates.medicalInclMaternity + si.rates.unemployment + si.rates.workInjury;
}

/**
 * Employer housing-fund contribution of one person for one month (yuan), on the fund's OWN
 * base floor/cap (much lower floor than social insurance); it follows the same `declaredOn`
 * practice as social insurance.
 */
export function employerHousingFundMonthly(monthlyWage: number, monthlyActualPay: number, rate: number, bounds: BaseBounds, declaredOn: DeclaredOn): number {
  return declaredBase(declaredOn, monthlyWage, monthlyActualPay, bounds) * rate;
}
