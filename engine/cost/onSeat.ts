/**
 * Inputs of the cost functions that come from the staffing: on-seat hours by pay category
 * and the peak number of agents on seat.
 *
 * The scenario's per-interval agents on seat (from its roster when it has one, else its flat
 * or per-interval agents) are averaged into a week profile (weekday × interval of the day)
 * and laid over the cost's calendar year, so the categories are a whole year's whatever the
 * simulated horizon: statutory holidays from the embedded calendar, rest days = Saturdays and
 * Sundays that are not holidays, night = 22:00–06:00 (an overlay of the other three).
 * A flat 40 on seat has a third of its hours at night.
 */
import { DEFAULT_NIGHT_HOURS, daysInYear, isStatutoryHoliday, type PaidHoursByCategory } from './holidays.ts';

/** On-seat agent-hours per year by category (normal + restDay + statutoryHoliday = total; night overlays them). */
export interface OnSeatHours {
  readonly normal: number;
  readonly restDay: number;
  readonly statutoryHoliday: number;
  readonly night: number;
}

/** What the cost functions take from the staffing. */
export interface StaffingPattern {
  readonly onSeatHours: OnSeatHours;
  /** Peak agents on seat at any interval (the seats the phones need). */
  readonly peakOnSeat: number;
  /** People who take calls in the staffing the pattern came from (seats and hours scale with operators). */
  readonly operators: number;
  /** Where it came from, for the report. */
  readonly source: string;
}

export function totalOnSeat(h: OnSeatHours): number {
  return h.normal + h.restDay + h.statutoryHoliday;
}

const MS_DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const weekday = (t: number) => (new Date(t).getUTCDay() + 6) % 7; // Monday 0

/**
 * On-seat hours by category over `year` from per-interval agents starting at `startDate`
 * (intervals of `intervalSeconds`; the first `skip` intervals, e.g. warm-up, are ignored).
 */
export function onSeatHoursFromAgents(
  agents: readonly number[],
  intervalSeconds: number,
  startDate: string,
  year: number,
  options: { skip?: number; nightHoursOfDay?: readonly number[] } = {},
): { hours: OnSeatHours; peakOnSeat: number } {
  const perDay = Math.round(86400 / intervalSeconds);
  if (perDay * intervalSeconds !== 86400) throw new RangeError('intervals must divide a day');
  const skip = options.skip ?? 0;
  const sum = Array.from({ length: 7 }, () => new Float64Array(perDay));
  const cnt = Array.from({ length: 7 }, () => new Float64Array(perDay));
  const allSum = new Float64Array(perDay);
  const allCnt = new Float64Array(perDay);
  const t0 = Date.parse(`${startDate}T00:00:00Z`);
  let peak = 0;
  for (let k = skip; k < agents.length; k++) {
    const a = agents[k];
    if (a > peak) peak = a;
    const d = Math.floor(k / perDay);
    const i = k % perDay;
    const w = weekday(t0 + d * MS_DAY);
    sum[w][i] += a;
    cnt[w][i] += 1;
    allSum[i] += a;
    allCnt[i] += 1;
  }
  const night = new Set(options.nightHoursOfDay ?? DEFAULT_NIGHT_HOURS);
  const hoursPer = intervalSeconds / 3600;
  const isNight = (i: number) => night.has(Math.floor((i * intervalSeconds) / 3600));
  // per weekday: on-seat hours and night hours of one day
  const day = Array.from({ length: 7 }, (_, w) => {
    let total = 0;
    let nightH = 0;
    for (let i = 0; i < perDay; i++) {
      const v = cnt[w][i] > 0 ? sum[w][i] / cnt[w][i] : allCnt[i] > 0 ? allSum[i] / allCnt[i] : 0;
      total += v * hoursPer;
      if (isNight(i)) nightH += v * hoursPer;
    }
    return { total, night: nightH };
  });
  let normal = 0;
  let restDay = 0;
  let holiday = 0;
  let nightTotal = 0;
  const y0 = Date.UTC(year, 0, 1);
  for (let d = 0; d < daysInYear(year); d++) {
    const t = y0 + d * MS_DAY;
    const w = weekday(t);
    const h = day[w];
    nightTotal += h.night;
    if (isStatutoryHoliday(iso(t))) holiday += h.total;
    else if (w >= 5) restDay += h.total;
    else normal += h.total;
  }
  return { hours: { normal, restDay, statutoryHoliday: holiday, night: nightTotal }, peakOnSeat: peak };
}

/**
 * Paid hours by category for `operators` people who each work `workedHoursPerOperator` a
 * year, split in the shares of the on-seat hours: the people on the payroll work when the
 * seats are staffed. Rest-day hours are balanced by rotation (综合计算工时工作制), so they are
 * paid as normal hours (restDayOvertime = 0).
 */
export function paidHoursFromOnSeat(operators: number, workedHoursPerOperator: number, h: OnSeatHours): PaidHoursByCategory {
  const total = totalOnSeat(h);
  const worked = operators * workedHoursPerOperator;
  if (!(total > 0)) return { normal: worked, night: 0, restDayOvertime: 0, statutoryHoliday: 0 };
  const share = (x: number) => (worked * x) / total;
  return { normal: share(h.normal + h.restDay), night: share(h.night), restDayOvertime: 0, statutoryHoliday: share(h.statutoryHoliday) };
}

