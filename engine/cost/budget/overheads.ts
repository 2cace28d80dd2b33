/**
 * Turnover (recruitment, training), the optional other lines (liability insurance, severance
 * reserve), per-seat costs and overhead.
 */
import { turnoverCosts } from '../labour.ts';
import { seatCosts, type SeatCosts } from '../seats.ts';
import { formatTrimmed, formatTrimmedPercent } from '../../text/numbers.ts';
import { lineList, type BudgetContext } from './context.ts';
import type { PayLines } from './pay.ts';
import type { BudgetLine } from './types.ts';

export interface TurnoverAndOtherLines {
  lines: BudgetLine[];
  recruitment: number;
  training: number;
  liability: number;
  severance: number;
}

export function turnoverAndOtherLines(ctx: BudgetContext, pay: PayLines): TurnoverAndOtherLines {
  const { spec, model, labourPayer, heads, people, wages, bMonths } = ctx;
  const { wagesAndBonus } = pay;
  const ol = spec.otherLines;
  const { lines, add } = lineList();
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
  return { lines, recruitment: to.recruitment, training, liability, severance };
}

export interface SeatLines {
  lines: BudgetLine[];
  sc: SeatCosts;
  seatsSource: string;
  /** Per-seat costs the vendor bears (inside the contract price). */
  vendorSeats: number;
}

/** Seats from the staffing's peak on seat (or the fallback ratio), and their costs. */
export function seatLines(ctx: BudgetContext): SeatLines {
  const { spec, inputs, model, operators, people } = ctx;
  const years = inputs.years ?? 1;
  const { lines, add } = lineList();
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
  return { lines, sc, seatsSource, vendorSeats };
}

/** Overhead: itemised in-house or when outsourcing.overheadBasis = 'itemised'; otherwise inside the management fee. */
export function overheadLines(ctx: BudgetContext, labour: number): { lines: BudgetLine[]; overhead: number } {
  const { spec, model, terms, labourPayer } = ctx;
  const { lines, add } = lineList();
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
  return { lines, overhead };
}
