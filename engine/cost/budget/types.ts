/** The budget's public types: what a caller gives, and the named lines and totals it gets back. */
import type { PaidHoursByCategory } from '../holidays.ts';
import type { Headcounts, Model } from '../labour.ts';
import type { CostParameters } from '../parameters/resolve.ts';
import type { Payer } from '../seats.ts';
import type { StaffSplit } from '../staff.ts';
import type { StaffingPattern } from '../onSeat.ts';
import type { Payroll } from '../../workforce/payroll.ts';

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
