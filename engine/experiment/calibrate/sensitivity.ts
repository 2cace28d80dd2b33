// Sensitivity of the answer: each assumption with a PLAUSIBLE range in the scenario moved to each
// end of it, one at a time, everything else as the file gives it, under the scenario's seed (common
// random numbers: the differences are the assumption's, not the noise's). At each end: the head
// count for the target and the annual budget, outsourced and in-house; largest effect first.
import { parseDocument } from 'yaml';
import { setNumber } from './yamlFields.ts';
import { assumptionLabel, callTypesOf, plausibleRanges, type PlausibleRange } from './plausible.ts';
import type { DownstreamAnswer } from './answers.ts';

export interface SensitivityRow {
  field: string;
  label: string;
  range: PlausibleRange;
  /** The answer with the assumption at the low and high end of its range (null: the scenario is invalid there). */
  atLow: DownstreamAnswer | null;
  atHigh: DownstreamAnswer | null;
  /** Why an end has no answer. */
  notes: string[];
  /** The larger change in head count from the base at either end. */
  effect: number;
}

export interface SensitivityStudy {
  base: DownstreamAnswer;
  rows: SensitivityRow[];
}

/** One scenario text per assumption end, for the caller to answer (it owns files and workers). */
export function sensitivityVariants(text: string, file: string | undefined): { range: PlausibleRange; end: 'low' | 'high'; text: string }[] {
  const doc = parseDocument(text);
  return plausibleRanges(text, file).flatMap((range) =>
    (['low', 'high'] as const).map((end) => {
      const d = doc.clone();
      setNumber(d, range.field, end === 'low' ? range.low : range.high, file);
      return { range, end, text: d.toString({ flowCollectionPadding: false, lineWidth: 100 }) };
    }),
  );
}

/** The study from the answers: `answer(text)` gives a variant's answer, or throws a one-line error. */
export function sensitivityStudy(text: string, file: string | undefined, base: DownstreamAnswer, answer: (variantText: string, what: string) => DownstreamAnswer): SensitivityStudy {
  const rows = new Map<string, SensitivityRow>();
  const callTypes = callTypesOf(parseDocument(text));
  for (const v of sensitivityVariants(text, file)) {
    let row = rows.get(v.range.field);
    if (!row) {
      row = { field: v.range.field, label: assumptionLabel(v.range.field, callTypes), range: v.range, atLow: null, atHigh: null, notes: [], effect: 0 };
      rows.set(v.range.field, row);
    }
    try {
      const a = answer(v.text, `${row.label} at its ${v.end} end`);
      if (v.end === 'low') row.atLow = a;
      else row.atHigh = a;
      row.effect = Math.max(row.effect, Math.abs(a.headcount - base.headcount));
    } catch (e) {
      if (!(e instanceof Error) || e.name === 'TypeError' || e.name === 'ReferenceError') throw e;
      row.notes.push(`${v.end} end: ${String(e.message ?? e).split('\n')[0]}`);
    }
  }
  const sorted = [...rows.values()].sort(
    (a, b) => b.effect - a.effect || budgetSpan(b) - budgetSpan(a) || a.field.localeCompare(b.field),
  );
  return { base, rows: sorted };
}

function budgetSpan(r: SensitivityRow): number {
  const v = [r.atLow?.outsourced, r.atHigh?.outsourced].filter((x): x is number => x !== undefined);
  return v.length ? Math.max(...v) - Math.min(...v) : 0;
}

/** The study as CSV (one row per assumption end, the base first). */
export function sensitivityCsv(s: SensitivityStudy): string {
  const head = 'assumption,field,unit,end,value,headcount,agents_on_seat,outsourced_yuan_per_year,inhouse_yuan_per_year';
  const line = (label: string, field: string, unit: string, end: string, value: number | '', a: DownstreamAnswer | null) =>
    [JSON.stringify(label), field, unit, end, value, a?.headcount ?? '', a?.agentsOnSeat ?? '', a ? Math.round(a.outsourced) : '', a ? Math.round(a.inhouse) : ''].join(',');
  const rows = [line('as the scenario gives it', '', '', 'base', '', s.base)];
  for (const r of s.rows) {
    rows.push(line(r.label, r.field, r.range.unit, 'low', r.range.low, r.atLow));
    rows.push(line(r.label, r.field, r.range.unit, 'high', r.range.high, r.atHigh));
  }
  return [head, ...rows].join('\n') + '\n';
}
