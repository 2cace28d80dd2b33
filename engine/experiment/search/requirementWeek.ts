// The week a roster's requirement is set on. A roster repeats one week's shifts over the horizon,
// so it must cover the busiest week: the first week of a year that starts on 1 January is the New
// Year holiday, and a roster set on it left Changzhou's busier weeks under the target.
import { addDays, isoDate, parseIsoDate } from '../../scenario/calendar.ts';
import type { Scenario } from '../../scenario/resolve.ts';

/**
 * First day of the `days`-day window (whole days) with the most offered calls and online requests;
 * the earliest such window on a tie, and day 0 when the horizon is no longer than the window.
 */
export function busiestWindowStartDay(s: Scenario, days: number): number {
  const perDay = s.intervalsPerDay;
  const horizonDays = Math.floor(s.nIntervals / perDay);
  if (horizonDays <= days) return 0;
  const online = s.online?.requestsPerHour;
  const daily = Array.from({ length: horizonDays }, (_, d) => {
    let total = 0;
    for (let i = d * perDay; i < (d + 1) * perDay; i++) total += s.callsPerHour[i] + (online ? online[i] : 0);
    return total;
  });
  let window = daily.slice(0, days).reduce((a, b) => a + b, 0);
  let best = window;
  let bestDay = 0;
  for (let d = 1; d + days <= horizonDays; d++) {
    window += daily[d + days - 1] - daily[d - 1];
    // A relative margin, so rounding in the running sum cannot pick a later window on a true tie.
    if (window > best * (1 + 1e-12)) {
      best = window;
      bestDay = d;
    }
  }
  return bestDay;
}

/** The scenario seen from day `fromDay` for `days` days: its per-interval inputs cut to that window. */
export function scenarioWindow(s: Scenario, fromDay: number, days: number): Scenario {
  if (fromDay === 0) return s;
  const from = fromDay * s.intervalsPerDay;
  const to = Math.min(s.nIntervals, from + days * s.intervalsPerDay);
  const cut = (a: ArrayLike<number>): number[] => Array.prototype.slice.call(a, from, to) as number[];
  return {
    ...s,
    startDate: isoDate(addDays(parseIsoDate(s.startDate), fromDay)),
    nIntervals: to - from,
    callsPerHour: cut(s.callsPerHour),
    agents: cut(s.agents),
    online: s.online ? { ...s.online, requestsPerHour: cut(s.online.requestsPerHour), agents: s.online.agents === 'shared' ? 'shared' : cut(s.online.agents) } : null,
  };
}
