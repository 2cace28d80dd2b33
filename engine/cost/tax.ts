/**
 * VAT and surtaxes on an outsourcing contract.
 *
 * Convention: Chinese tender budgets and bid prices are VAT-INCLUSIVE (含税价). So the VAT
 * in a price P under a rate r is P / (1 + r) × r, not P × r.
 *
 * Regimes (scenarios/SOURCES.md, Caishui [2016] No. 47 for the margin method):
 * - 'general'    — 6 % on the whole price: a general taxpayer selling a service
 *                  (服务外包/劳务外包, how 12345 operation is bought);
 * - 'simplified' — 5 % on the margin: (P − wages, welfare, social insurance and housing
 *                  fund paid for the dispatched staff) / 1.05 × 0.05 — labour dispatch only
 *                  (劳务派遣, 财税〔2016〕47号);
 * - 'small'      — small-scale taxpayers on the whole price: 1 % in 2023–2027, 3 % otherwise.
 * Surtaxes are levied on the VAT paid: city maintenance 7 % (urban), education 3 %,
 * local education 2 % — 12 % of the VAT in all.
 *
 * Not modelled: input-VAT credits of a general taxpayer (labour, the bulk of the cost, carries
 * none; a vendor that rents the site or buys the platform could credit some), and temporary
 * reductions of the small-taxpayer rate.
 */
import type { CostSpec } from './schema.ts';

export type VatRegime = 'general' | 'simplified' | 'small';
export type SurtaxRates = CostSpec['outsourcing']['surtaxes'];

/** VAT contained in a VAT-inclusive amount. */
export function vatInInclusive(amountInclVat: number, rate: number): number {
  return (amountInclVat / (1 + rate)) * rate;
}

/** General method: VAT on the whole VAT-inclusive price (default 6 %). */
export function vatGeneral(priceInclVat: number, rate = 0.06): number {
  return vatInInclusive(priceInclVat, rate);
}

/** Simplified margin method: VAT on (price − pass-through), both VAT-inclusive (default 5 %). */
export function vatSimplifiedOnMargin(priceInclVat: number, passThrough: number, rate = 0.05): number {
  return vatInInclusive(Math.max(0, priceInclVat - passThrough), rate);
}

/** Small-scale taxpayer: VAT on the whole VAT-inclusive price (default 3 %). */
export function vatSmall(priceInclVat: number, rate = 0.03): number {
  return vatInInclusive(priceInclVat, rate);
}

export interface Surtaxes {
  readonly cityMaintenance: number;
  readonly education: number;
  readonly localEducation: number;
  readonly total: number;
}

/** Surtaxes on the VAT paid. */
export function surtaxes(vat: number, rates: SurtaxRates): Surtaxes {
  const cityMaintenance = vat * rates.cityMaintenance;
  const education = vat * rates.education;
  const localEducation = vat * rates.localEducation;
  return { cityMaintenance, education, localEducation, total: cityMaintenance + education + localEducation };
}

export function surtaxRate(rates: SurtaxRates): number {
  return rates.cityMaintenance + rates.education + rates.localEducation;
}

/** The VAT regime and rate in force (resolved from the contract type and taxpayer class: parameters/resolve.ts). */
export interface VatTerms {
  readonly regime: VatRegime;
  readonly rate: number;
}

/** VAT on a VAT-inclusive price under the regime. */
export function vatFor(priceInclVat: number, passThrough: number, vat: VatTerms): number {
  return vat.regime === 'simplified' ? vatSimplifiedOnMargin(priceInclVat, passThrough, vat.rate) : vatInInclusive(priceInclVat, vat.rate);
}

export interface GrossUp {
  /** VAT-inclusive price. */
  readonly price: number;
  readonly vat: number;
  readonly surtaxes: Surtaxes;
}

/**
 * The VAT-inclusive price P that covers a pre-tax amount K (cost + fee + profit) plus the
 * VAT and surtaxes that P itself generates: P = K + VAT(P) × (1 + surtax rate).
 * VAT is linear in P, so the solution is closed-form:
 *   whole-price regimes: q = r / (1 + r);  P = K / (1 − q(1 + s))
 *   margin regime:       P = (K − q(1 + s) T) / (1 − q(1 + s)),  T = pass-through
 * (the margin formula assumes P ≥ T, true whenever K ≥ T).
 */
export function grossUpPrice(preTax: number, passThrough: number, vatTerms: VatTerms, surtaxRates: SurtaxRates): GrossUp {
  const r = vatTerms.rate;
  const q = r / (1 + r);
  const s = surtaxRate(surtaxRates);
  const k = q * (1 + s);
  const t = vatTerms.regime === 'simplified' ? passThrough : 0;
  const price = (preTax - k * t) / (1 - k);
  const vat = vatFor(price, passThrough, vatTerms);
  return { price, vat, surtaxes: surtaxes(vat, surtaxRates) };
}
