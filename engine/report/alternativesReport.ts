// `calibrate --alternatives` as text: one row per explanation of the published figure(s), then
// the range of the answers over the plausible ones, what drives it and what would settle it.
import type { Explanation } from '../experiment/calibrate/alternatives.ts';
import type { DownstreamAnswer } from '../experiment/calibrate/answers.ts';
import { pad, displayWidth, wrapText } from './format.ts';
import { formatTrimmed } from '../text/numbers.ts';
import { fieldName } from '../text/fieldNames.ts';

export interface AlternativeRow extends Explanation {
  answer: DownstreamAnswer | null;
}

export interface AlternativesReport {
  scenario: string;
  /** "connection rate 接通率 61.90%". */
  figures: string;
  horizonDays: number;
  replications: number;
  /** "connection rate ≥ 95% in every calendar month". */
  target: string;
  rows: AlternativeRow[];
  settledBy: string | null;
}

/** The answers' range over the explanations inside their plausible ranges (all fitted ones if none is). */
export function answerRange(rows: AlternativeRow[]): { basis: 'plausible' | 'all fitted' | 'none'; rows: AlternativeRow[]; people: [number, number] | null; outsourced: [number, number] | null; inhouse: [number, number] | null; drivers: string[] } {
  const answered = rows.filter((r) => r.answer);
  const plausible = answered.filter((r) => r.inside);
  const use = plausible.length ? plausible : answered;
  const basis = plausible.length ? 'plausible' : answered.length ? 'all fitted' : 'none';
  if (!use.length) return { basis, rows: use, people: null, outsourced: null, inhouse: null, drivers: [] };
  const span = (f: (a: DownstreamAnswer) => number): [number, number] => [Math.min(...use.map((r) => f(r.answer!))), Math.max(...use.map((r) => f(r.answer!)))];
  const people = span((a) => a.headcount);
  const lo = use.find((r) => r.answer!.headcount === people[0])!;
  const hi = use.find((r) => r.answer!.headcount === people[1])!;
  return { basis, rows: use, people, outsourced: span((a) => a.outsourced), inhouse: span((a) => a.inhouse), drivers: lo === hi ? [lo.label] : [hi.label, lo.label] };
}

const money = (y: number) => `${(y / 1e6).toFixed(1)}M`;
const num = (v: number) => (Math.abs(v) >= 100 ? formatTrimmed(v, 0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toPrecision(3));

function fittedText(r: Explanation): string {
  if (!r.fitted) return 'out of reach';
  const u = r.plausible?.unit ? ` ${r.plausible.unit}` : '';
  return `${num(r.fitted.value)}${u} (${num(r.fitted.ciLow)}–${num(r.fitted.ciHigh)})`;
}

export function formatAlternativesReport(a: AlternativesReport, detail = false): string {
  const out: string[] = [];
  out.push(...wrapText(`Alternative explanations of ${a.figures} — ${a.scenario} (${a.horizonDays} d × ${a.replications} reps)`));
  out.push(...wrapText(`Each row fits one unknown, the other stated assumptions at their central values. Answers for ${a.target}; budgets a year.`));
  const header = ['Explanation', 'Fitted (95% CI)', 'Plausible', 'In?', 'Occ.', 's/call', 'Seat', 'People', 'Outsrc', 'Inhouse'];
  const align: ('left' | 'right')[] = ['left', 'right', 'right', 'left', 'right', 'right', 'right', 'right', 'right', 'right'];
  const rows = a.rows.map((r) => [
    r.label,
    fittedText(r),
    r.plausible ? `${num(r.plausible.low)}–${num(r.plausible.high)}` : '—',
    r.inside === null ? '—' : r.inside ? 'yes' : 'no',
    r.implied ? `${Math.round(r.implied.occupancy.mean * 100)}%` : '',
    r.implied && Number.isFinite(r.implied.handleSecondsPerAnsweredCall) ? formatTrimmed(r.implied.handleSecondsPerAnsweredCall, 0) : '',
    r.implied ? r.implied.agentsOnSeatMean.toFixed(1) : '',
    r.answer ? formatTrimmed(r.answer.headcount, 0) : '',
    r.answer ? money(r.answer.outsourced) : '',
    r.answer ? money(r.answer.inhouse) : '',
  ]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i]))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], align[i])).join(' ').trimEnd();
  out.push(line(header), widths.map((w) => '─'.repeat(w)).join(' '), ...rows.map(line));
  const range = answerRange(a.rows);
  if (range.people && range.outsourced && range.inhouse) {
    const n = range.rows.length;
    const which = range.basis === 'plausible' ? (n > 1 ? `the ${n} explanations inside their plausible ranges` : 'the one explanation inside its plausible range') : 'the fitted explanations (none lies inside its plausible range)';
    const span = (r: [number, number], f: (v: number) => string) => (r[0] === r[1] ? f(r[0]) : `${f(r[0])}–${f(r[1])}`);
    out.push(
      ...wrapText(
        `Over ${which}: ${span(range.people, (v) => formatTrimmed(v, 0))} people; outsourced ${span(range.outsourced, money)}, ` +
          `in-house ${span(range.inhouse, money)} yuan a year (${range.drivers.length > 1 ? 'drivers' : 'driver'}: ${range.drivers.join(', ')}).`,
      ),
    );
  } else out.push('No explanation reproduces the figure within its search range.');
  out.push(...wrapText(`Would settle it: ${a.settledBy ?? 'a published figure that pins one of these unknowns (state it with "# SETTLED BY:" in the file)'}.`));
  if (!detail) {
    out.push('(--detail: the reasoning behind each range, the notes of the fits; --json: everything)');
    return out.join('\n');
  }
  out.push('');
  for (const r of a.rows) {
    const unit = r.plausible?.unit ? ` ${r.plausible.unit}` : '';
    out.push(...wrapText(`${fieldName(r.field).zh} ${r.label} (${r.field}): ${r.plausible ? `plausible ${num(r.plausible.low)}–${num(r.plausible.high)}${unit}${r.plausible.central !== null ? `, central ${num(r.plausible.central)}` : ''} — ${r.plausible.why}` : 'no plausible range stated'}`));
    if (r.note) out.push(...wrapText(`  no fit: ${r.note}`, 100, '    '));
    if (r.answer) {
      const k = r.answer.kpi.mean;
      out.push(`  at the target: ${r.answer.agentsOnSeat} on seat, KPI ${k <= 1 ? `${(k * 100).toFixed(2)}%` : `${k.toFixed(1)} s`}; ${r.answer.calendarYear} prices, ${r.answer.years}-year term; ${r.evaluations} fit simulations`);
    }
  }
  return out.join('\n');
}

/** One CSV row per explanation (`calibrate --alternatives --out`): the fit, what it implies, its answers. */
export function alternativesCsv(rows: AlternativeRow[]): string {
  const head = 'explanation,field,unit,fitted,ci_low,ci_high,plausible_low,plausible_high,inside_plausible,occupancy,agent_seconds_per_answered_call,agents_on_seat_mean,headcount,agents_on_seat_at_target,outsourced_yuan_per_year,inhouse_yuan_per_year,note';
  const cell = (v: number | string | null | undefined) => (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? '' : String(v));
  const text = (v: string | null) => (v ? JSON.stringify(v) : '');
  const lines = rows.map((r) =>
    [
      text(r.label),
      r.field,
      cell(r.plausible?.unit),
      cell(r.fitted?.value),
      cell(r.fitted?.ciLow),
      cell(r.fitted?.ciHigh),
      cell(r.plausible?.low),
      cell(r.plausible?.high),
      r.inside === null ? '' : r.inside ? 'yes' : 'no',
      cell(r.implied?.occupancy.mean),
      cell(r.implied?.handleSecondsPerAnsweredCall),
      cell(r.implied?.agentsOnSeatMean),
      cell(r.answer?.headcount),
      cell(r.answer?.agentsOnSeat),
      cell(r.answer ? Math.round(r.answer.outsourced) : null),
      cell(r.answer ? Math.round(r.answer.inhouse) : null),
      text(r.note),
    ].join(','),
  );
  return [head, ...lines].join('\n') + '\n';
}
