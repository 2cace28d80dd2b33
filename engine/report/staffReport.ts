// The staffing study as text: requirement by hour and weekday, the roster, the head count, and
// the KPIs the roster achieves in simulation.
import { csvWithBom } from './csv.ts';
import type { StaffingStudy } from '../experiment/search/staffing.ts';
import { describeStaffingMode, whyModesDiffer } from '../experiment/search/headcountAnswer.ts';
import { describeAskedPeriod, intervalsUnderText, type TargetPeriod } from '../experiment/search/targetPeriod.ts';
import { type HeadcountForTarget } from '../experiment/search/headcountSearch.ts';
import type { StaffingTarget } from '../analytic/staffing.ts';
import { describeKpiTarget, formatAmount, formatCi, formatValue, formatWithCi, textTable, wrapText, formatDays } from './format.ts';
import { noteLines } from './runReport.ts';
import { addDays, isoDate, parseIsoDate } from '../scenario/calendar.ts';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The column of the target's own KPI: "Connection 接通率", "SL 20 s 服务水平", … */
function kpiColumn(r: HeadcountForTarget): string {
  switch (r.metric.metricId) {
    case 'connectionRate':
      return 'Connection 接通率';
    case 'abandonmentRate':
      return 'Abandoned 呼损率';
    case 'serviceLevel':
      return `SL ${r.kpis.serviceLevelSeconds} s 服务水平`;
    case 'asa':
      return 'ASA 平均应答';
  }
}

/**
 * The head count for a target by staffing mode, one row each (the same rows in staff and
 * budget), with the line on why the modes differ when there are two. Every label comes from the
 * answer: its staffing form and the period its target was checked on; the KPI columns are the
 * target's KPI (over the horizon, and in the worst period); a roster's FTE beside its people.
 */
export function headcountAnswerLines(results: HeadcountForTarget[]): string[] {
  const unit = (id: string) => (id === 'asa' ? 'seconds' : 'ratio') as 'seconds' | 'ratio';
  const withFte = results.some((r) => r.fte !== undefined && Math.abs(r.fte - r.headcount) > 1e-9);
  const rows = results.map((r) => [
    describeStaffingMode(r),
    withFte && r.fte !== undefined ? `${formatAmount(r.headcount)} (${formatValue(r.fte, 'agents')})` : formatAmount(r.headcount),
    formatAmount(r.agentsOnSeat, Number.isInteger(r.agentsOnSeat) ? 0 : 1),
    formatWithCi(r.kpis[r.metric.metricId], unit(r.metric.metricId)),
    r.period === 'horizon' ? '' : formatValue(r.kpi.mean, unit(r.metric.metricId)),
  ]);
  const kpi = results.length > 0 ? kpiColumn(results[0]) : 'KPI';
  const head = ['Staffing mode, period', withFte ? 'People (FTE)' : 'People', 'On seat', `${kpi} (95% CI)`, 'Worst'];
  const out = textTable(head, rows, head.map((_, i) => (i === 0 ? 'left' : 'right'))).split('\n');
  const roster = results.find((r) => r.mode === 'roster');
  const profile = results.find((r) => r.mode === 'profile');
  if (roster && profile) out.push(...wrapText(`Why they differ: ${whyModesDiffer(roster, profile)}.`));
  return out;
}

export interface StaffReportOptions {
  detail?: boolean;
  notes?: string[];
  /** The scenario's own payroll head count, to compare the answer with. */
  scenarioHeadcount?: number | null;
}

export interface StaffAnswers {
  scenario: string;
  target: StaffingTarget;
  /** The period asked for. */
  period: TargetPeriod;
  intervalMinutes: number;
  serviceLevelSeconds: number;
  /** One per staffing mode asked for (roster first). */
  answers: HeadcountForTarget[];
  /** The roster study when the roster mode ran. */
  roster: StaffingStudy | null;
  /** A mode that could not be answered, and why. */
  skipped?: string[];
}

/** The first screen: the question, the head count by staffing mode, what it achieves, the notes. */
export function formatStaffSummary(a: StaffAnswers, options: StaffReportOptions = {}): string {
  const out: string[] = [];
  out.push(...wrapText(a.scenario));
  // A horizon shorter than a month cannot show "every calendar month": the question says what the
  // profile's answer was checked on instead (its row's period text, from the run that answered it).
  const checked = a.answers.find((r) => r.mode === 'profile')?.periodText;
  out.push(...wrapText(`Question: the fewest people for ${describeKpiTarget(a.target, a.serviceLevelSeconds)}, ${describeAskedPeriod(a.period, a.intervalMinutes, checked)}`));
  const own = options.scenarioHeadcount;
  const first = a.answers[0];
  if (first) {
    const vs = own !== null && own !== undefined ? ` (the scenario has ${formatAmount(own)})` : '';
    out.push(
      `Answer: ${a.answers.map((r) => `${formatAmount(r.headcount)} people ${r.mode === 'roster' ? 'with a roster' : r.profile === 'demand' ? 'following demand' : 'flat around the clock'}`).join('; ')}${vs}`,
    );
    out.push(...headcountAnswerLines(a.answers));
  }
  for (const s of a.skipped ?? []) out.push(...wrapText(s));
  const st = a.roster;
  if (st) {
    const run = st.run;
    const sch = st.schedule;
    const mean = st.onSeat.reduce((x, y) => x + y, 0) / Math.max(1, st.onSeat.length);
    const priced = rosterPricedFte(a);
    const fte = priced !== undefined ? `${formatValue(priced, 'agents')} FTE priced (paid hours / a full-time year)` : `${formatValue(sch.headcount.fte, 'agents')} FTE (paid hours a week / 40)`;
    out.push(
      ...wrapText(
      `Roster: ${formatAmount(sch.headcount.people)} on the phones${st.payroll.headcount !== sch.headcount.people ? ` (${formatAmount(st.payroll.headcount)} with those off the phones)` : ''}, ` +
        `${formatAmount(sch.headcount.partTimePeople)} part-time, ${fte}; ` +
        `on seat ${formatAmount(Math.min(...st.onSeat))}–${formatAmount(Math.max(...st.onSeat))} (mean ${formatValue(mean, 'agents')}), shrinkage ${(st.shrinkage.average * 100).toFixed(0)}%${st.shrinkage.given ? '' : ' (none given)'}`,
      ),
    );
    const t = run.totals;
    out.push(
      ...wrapText(
        `  simulated ${formatDays(run.horizon.days)} × ${run.replications} replications: service level ${run.serviceLevelSeconds} s ${formatWithCi(t.serviceLevel, 'ratio')}, ` +
          `ASA ${formatValue(t.asa.mean, 'seconds')}, occupancy ${formatValue(t.occupancy.mean, 'ratio')}` +
          (st.intervalsMissingTarget > 0 ? `; ${intervalsUnderText(st.intervalsMissingTarget, st.intervalsChecked)} under the target` : ''),
        100,
        '    ',
      ),
    );
    const week = requirementWeekText(st);
    if (week) out.push(...wrapText(`  ${week}`, 100, '    '));
  }
  out.push(...noteLines(options.notes));
  return out.join('\n');
}

/**
 * A roster is set on the requirement of the horizon's busiest week (staffScenario) and repeated: on a
 * longer horizon, say which week, since the other weeks are covered by the same shifts.
 */
function requirementWeekText(st: StaffingStudy): string | null {
  const w = st.requirementWeek;
  const horizonDays = st.run.horizon.days;
  if (horizonDays <= w.days) return null;
  const start = parseIsoDate(w.start);
  return `set on the requirement of the busiest week (${isoDate(start)} – ${isoDate(addDays(start, w.days - 1))}) and repeated over ${formatDays(horizonDays)}`;
}

/** The FTE the roster's answer row prices (paid hours over a full-timer's year), for every line that shows the roster's FTE. */
function rosterPricedFte(a: StaffAnswers): number | undefined {
  return a.answers.find((r) => r.mode === 'roster')?.staffing?.operators;
}

/** Summary, then with `detail` the requirement grid, the roster and the assumptions. */
export function formatStaffOutput(a: StaffAnswers, options: StaffReportOptions = {}): string {
  const summary = formatStaffSummary(a, options);
  if (!options.detail) return summary + '\n(--detail: the search, requirement by hour and weekday, roster by shift; --out DIR: CSV files)';
  const parts = [summary];
  for (const r of a.answers.filter((x) => x.mode === 'profile')) parts.push(formatProfileSearch(r));
  if (a.roster) parts.push(formatStaffReport(a.roster, rosterPricedFte(a)));
  return parts.join('\n\n');
}

/** The profile search step by step: the Erlang A start, each head count simulated. */
export function formatProfileSearch(t: HeadcountForTarget): string {
  const u = t.metric.metricId === 'asa' ? 'seconds' : 'ratio';
  const out: string[] = [];
  out.push(...wrapText(
    `Search in the scenario's profile (${t.criterion === 'mean' ? 'mean over replications' : 'whole 95% CI'}, ${t.period === 'horizon' ? 'horizon average' : `worst ${t.period}`}): ` +
      `Erlang A starts at ${formatAmount(t.analytic.agentsOnSeat)} on seat (${formatAmount(t.analytic.headcount)} people)`,
  ));
  out.push(
    textTable(
      ['On seat', 'People', 'KPI (worst period)', 'Meets'],
      [...t.evaluations].sort((a, b) => a.agentsOnSeat - b.agentsOnSeat).map((e) => [formatAmount(e.agentsOnSeat), formatAmount(e.headcount), Number.isNaN(e.kpi.mean) ? 'queue unbounded' : formatWithCi(e.kpi, u), e.meets ? 'yes' : 'no']),
    ),
  );
  return out.join('\n');
}

/** `pricedFte`: the FTE the answer row prices (paid hours over the year), so the detail shows the same count. */
export function formatStaffReport(s: StaffingStudy, pricedFte?: number): string {
  const out: string[] = [];
  const run = s.run;
  const perDay = Math.round(1440 / run.horizon.intervalMinutes);
  const req = s.requirement.agents;
  const days = Math.floor(req.length / perDay);
  out.push(`${run.scenario}`);
  out.push(`Target: ${describeKpiTarget(s.target, run.serviceLevelSeconds)} in every ${run.horizon.intervalMinutes}-minute interval`);
  out.push(
    `Requirement: Erlang ${s.requirement.erlang.length ? 'A/C' : ''} per interval, corrected by simulation ` +
      `(${s.requirement.rounds} rounds, ${s.requirement.searchRounds} on few replications, ${(s.requirement.simulatedCalls / 1e6).toFixed(2)}M simulated calls)` +
      (s.requirement.unreachable.length ? `; ${s.requirement.unreachable.length} intervals cannot reach the target (more agents did not raise their KPI)` : '') +
      (s.requirement.failing.length > s.requirement.unreachable.length
        ? `; ${s.requirement.failing.length - s.requirement.unreachable.length} intervals still miss it after the last round`
        : ''),
  );
  out.push('');
  out.push('Agents needed on seat / on seat in the roster, by hour (the busier half-hour) and weekday');
  const dayNames = Array.from({ length: days }, (_, d) => WEEKDAYS[(s.startWeekday - 1 + d) % 7]);
  const perHour = perDay / 24;
  const rows: string[][] = [];
  for (let h = 0; h < 24; h++) {
    const row = [`${String(h).padStart(2, '0')}:00`];
    for (let d = 0; d < days; d++) {
      let need = 0;
      let have = 0;
      for (let j = 0; j < perHour; j++) {
        const k = d * perDay + Math.floor(h * perHour) + j;
        need = Math.max(need, req[k]);
        have = Math.max(have, s.onSeat[k] ?? 0);
      }
      row.push(`${need}/${have}`);
    }
    rows.push(row);
  }
  out.push(textTable(['Hour', ...dayNames], rows));
  out.push('');

  const sch = s.schedule;
  // No wall time here: the same scenario and seed print the same bytes (staff --detail puts the solver's time on stderr).
  const gap = sch.gapAchieved === null ? 'no bound on the gap' : `gap ${(sch.gapAchieved * 100).toFixed(2)}%`;
  out.push(`Roster (cheapest cover of the requirement; solver: ${sch.solverStatus}, ${gap})`);
  out.push(textTable(['Shift', 'People', 'Working days (people)'], groupPatterns(sch.peoplePerPattern), ['left', 'right', 'left']));
  out.push('');
  out.push(
    `Payroll head count: ${formatAmount(sch.headcount.people)} people (${formatAmount(sch.headcount.partTimePeople)} part-time), ` +
      (pricedFte !== undefined
        ? `${formatValue(pricedFte, 'agents')} FTE priced (paid hours over the year / a full-time year; ${formatAmount(Math.round(sch.paidHoursPerWeek))} paid hours a week)`
        : `${formatValue(sch.headcount.fte, 'agents')} full-time equivalents (${formatAmount(Math.round(sch.paidHoursPerWeek))} paid hours a week / 40)`),
  );
  out.push(`Whole payroll with the people off the phones: ${formatAmount(s.payroll.headcount)} (${s.payroll.description})`);
  out.push(
    s.shrinkage.given
      ? `Shrinkage (time paid but off seat: leave, sickness, training, meetings): ${(s.shrinkage.average * 100).toFixed(1)}% on average, from the scenario.`
      : 'Shrinkage: 0% — the scenario gives none, so nobody is ever on leave, sick or in training; the usual 30–35% (SOURCES.md: Service standards) would need about 1.4–1.5× these people. Add `shrinkage:` to the scenario.',
  );
  out.push(
    s.candidatesFrom === 'scenario'
      ? 'Shift candidates: from the scenario (scheduleOptimisation).'
      : 'Shift candidates: the defaults (8-hour shifts on the hour, five consecutive days; 4-hour part-time shifts up to 20% of paid hours).',
  );
  if (sch.uncovered.length) {
    out.push('');
    out.push(`Intervals the roster cannot cover (${sch.uncovered.length}):`);
    out.push(
      textTable(
        ['Day', 'Time', 'Needed', 'Covered'],
        sch.uncovered.slice(0, 40).map((u) => [dayNames[u.day] ?? String(u.day), u.time, String(u.required), u.covered.toFixed(1)]),
      ),
    );
    if (sch.uncovered.length > 40) out.push(`… and ${sch.uncovered.length - 40} more (see --out)`);
  }
  out.push('');
  out.push(
    `The roster simulated over ${formatDays(run.horizon.days)} (${run.replications} replications, seed ${run.seed}): ` +
      `${intervalsUnderText(s.intervalsMissingTarget, s.intervalsChecked)} have a mean KPI below the target ` +
      `(the requirement is set on one week of simulated calls at the chosen confidence; other weeks' random calls and the rounding of shrinkage leave some intervals just under)`,
  );
  const ids = ['connectionRate', 'abandonmentRate', 'serviceLevel', 'asa', 'occupancy'];
  out.push(
    textTable(
      ['Metric', '指标', 'Mean', '95% CI'],
      ids.map((id) => {
        const m = run.metrics.find((x) => x.id === id)!;
        return [m.name, m.zh, formatValue(run.totals[id].mean, m.unit), formatCi(run.totals[id], m.unit)];
      }),
      ['left', 'left', 'right', 'right'],
    ),
  );
  return out.join('\n');
}

export async function staffCsvFiles(s: StaffingStudy): Promise<Record<string, string>> {
  const perDay = Math.round(1440 / s.run.horizon.intervalMinutes);
  const requirement = await csvWithBom([
    ['interval', 'weekday', 'time', 'erlang_agents', 'required_agents', 'roster_on_seat', 'simulated_kpi', 'kpi_ci95_low', 'kpi_ci95_high'],
    ...s.requirement.agents.map((a, k) => {
      const minutes = (k % perDay) * s.run.horizon.intervalMinutes;
      const e = s.requirement.kpi[k];
      return [
        k,
        WEEKDAYS[(s.startWeekday - 1 + Math.floor(k / perDay)) % 7],
        `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
        s.requirement.erlang[k],
        a,
        s.onSeat[k],
        Number.isNaN(e.mean) ? '' : e.mean,
        e.ciLow ?? '',
        e.ciHigh ?? '',
      ];
    }),
  ]);
  const roster = await csvWithBom([
    ['shift_pattern', 'people'],
    ...Object.entries(s.schedule.peoplePerPattern).map(([name, n]) => [name, n]),
  ]);
  const uncovered = await csvWithBom([
    ['day', 'time', 'required', 'covered'],
    ...s.schedule.uncovered.map((u) => [u.day, u.time, u.required, u.covered]),
  ]);
  return { 'requirement.csv': requirement, 'roster.csv': roster, 'uncovered.csv': uncovered };
}

const DAY_RANGE = / ((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:-(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun))?)$/;

/** Generated patterns differ only in their working days: one row per shift, days broken down. */
function groupPatterns(people: Record<string, number>): string[][] {
  const groups = new Map<string, { total: number; parts: string[] }>();
  for (const [name, n] of Object.entries(people).sort((a, b) => a[0].localeCompare(b[0]))) {
    const m = DAY_RANGE.exec(name);
    const key = m ? name.slice(0, m.index) : name;
    const g = groups.get(key) ?? { total: 0, parts: [] };
    g.total += n;
    if (m) g.parts.push(`${m[1]} ${n}`);
    groups.set(key, g);
  }
  return [...groups.entries()].map(([shift, g]) => [shift, String(g.total), g.parts.join(', ')]);
}
