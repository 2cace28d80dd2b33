/**
 * Per-seat costs: site (rent, fit-out) and platform (hardware, IT and telephony, software).
 * Seats: peak agents on seat plus off-phone desks when the staffing is known, else the
 * fallback operators / operatorsPerSeat (Changsha 2022 tender, 1 seat per 2 operators). Who pays depends on the model and, when outsourced, on who provides
 * the site and the platform.
 */
import type { CostSpec } from './schema.ts';
import type { Model } from './labour.ts';

export type Payer = 'contract' | 'government';

export interface SeatCosts {
  readonly seats: number;
  readonly squareMetres: number;
  readonly sitePayer: Payer;
  readonly platformPayer: Payer;
  /** Years the one-off costs are spread over, per payer side. */
  readonly siteAmortisationYears: number;
  readonly platformAmortisationYears: number;
  readonly rent: number;
  readonly fitOutAmortised: number;
  readonly hardwareAmortised: number;
  readonly itTelephony: number;
  readonly softwareLicences: number;
}


function amortisationYears(payer: Payer, spec: CostSpec, contractYears: number): number {
  const life = spec.seats.usefulLifeYears;
  return payer === 'contract' && spec.seats.vendorRecoversWithinContract ? Math.min(life, contractYears) : life;
}

/** Yearly per-seat costs (yuan/year) of `seats` seats and who bears them (the seat count comes from budget.ts). */
export function seatCosts(seats: number, spec: CostSpec, model: Model, contractYears: number): SeatCosts {
  if (!(contractYears > 0)) throw new RangeError('contract years must be > 0');
  const s = spec.seats;
  const squareMetres = seats * s.squareMetresPerSeat;
  const side = (who: 'government' | 'vendor'): Payer => (model === 'inhouse' || who === 'government' ? 'government' : 'contract');
  const sitePayer = side(spec.outsourcing.site);
  const platformPayer = side(spec.outsourcing.platform);
  const siteYears = amortisationYears(sitePayer, spec, contractYears);
  const platformYears = amortisationYears(platformPayer, spec, contractYears);
  return {
    seats,
    squareMetres,
    sitePayer,
    platformPayer,
    siteAmortisationYears: siteYears,
    platformAmortisationYears: platformYears,
    rent: squareMetres * s.rentPerSquareMetrePerMonth * 12,
    fitOutAmortised: (squareMetres * s.fitOutPerSquareMetreOneOff) / siteYears,
    hardwareAmortised: (seats * s.hardwarePerSeatOneOff) / platformYears,
    itTelephony: seats * s.itTelephonyPerSeatPerYear,
    softwareLicences: seats * s.softwareLicencesPerSeatPerYear,
  };
}
