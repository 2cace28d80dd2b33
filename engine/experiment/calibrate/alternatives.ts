// Alternative explanations of a published figure: each unknown with a plausible range in the
// scenario (work-order time, share of the payroll on the phones, people per seat, patience, calls
// per published case, any field the user names) is fitted in turn to the same figure(s). Each fit
// is an explanation: its value, 95% interval, whether it lies inside its plausible range, and what
// it implies. The answers downstream (head count for a target, budget) are computed by the caller
// from each explanation's calibrated scenario text (engine/experiment/calibrate/answers.ts).
import { parseDocument } from 'yaml';
import { calibrate, defaultRange, type CalibrationOptions, type CalibrationResult, type FittedValue, type ObservedFigure } from './calibrate.ts';
import { calibratedYaml } from './calibratedYaml.ts';
import { CalibrationError } from './solve.ts';
import { pathOf, setNumber } from './yamlFields.ts';
import { assumptionLabel, callTypesOf, plausibleRanges, type PlausibleRange } from './plausible.ts';

export interface Explanation {
  field: string;
  label: string;
  /** The plausible range stated in the scenario (null for a field the user named without one). */
  plausible: PlausibleRange | null;
  /** The fit (null when the figure is out of reach by this field over its search range). */
  fitted: FittedValue | null;
  /** Whether the fitted value lies inside the plausible range (null: no range, or no fit). */
  inside: boolean | null;
  implied: CalibrationResult['implied'] | null;
  /** Why there is no fit, in one line. */
  note: string | null;
  /** The scenario with this explanation's value in place (null without a fit). */
  text: string | null;
  evaluations: number;
}

export interface AlternativesOptions {
  observed: ObservedFigure[];
  /** Fields fitted jointly with each candidate, one per published figure beyond the first (e.g. patience with an ASA). */
  keep?: string[];
  /** Fields the user names besides the file's PLAUSIBLE ones. */
  extraFields?: string[];
  /** Plausible or search ranges given on the command line (override the file's). */
  ranges?: Record<string, [number, number]>;
  overrides?: CalibrationOptions['overrides'];
  onProgress?: CalibrationOptions['onProgress'];
  /**
   * The scenario the answers are for, when the figure belongs to another period of the same centre
   * (haikou-2024 answers with what haikou-2020's figure says): each explanation's values of the
   * stated assumptions are carried into it. Absent: the fitted scenario itself.
   */
  answerIn?: { text: string; file: string | undefined };
  /** Explain only the candidate at this place of alternativeCandidates' list (a caller running candidates concurrently). */
  only?: number;
}

/**
 * The search range of a candidate: its plausible range widened by three times its width each side,
 * within the field's default range, so that an explanation outside the plausible range is still
 * found (and marked so) rather than reported out of reach.
 */
export function searchRange(field: string, p: [number, number]): [number, number] {
  const w = p[1] - p[0];
  const d = defaultRange(field) ?? [0, Infinity];
  return [Math.max(d[0], p[0] - 3 * w, p[0] > 0 ? p[0] / 4 : p[0] - 3 * w), Math.min(d[1], p[1] + 3 * w)];
}

/** The unknowns `alternatives` fits in turn, in order: the file's PLAUSIBLE fields (but those kept), then the user's. */
export function alternativeCandidates(text: string, file: string | undefined, options: AlternativesOptions): { field: string; plausible: PlausibleRange | null }[] {
  const keep = options.keep ?? [];
  if (keep.length !== options.observed.length - 1) {
    throw new CalibrationError(`--alternatives fits one candidate per explanation plus one field per further figure: ${options.observed.length} figure(s) need ${options.observed.length - 1} --fit field(s) kept, got ${keep.length}`);
  }
  const candidates: { field: string; plausible: PlausibleRange | null }[] = plausibleRanges(text, file)
    .filter((p) => !keep.includes(p.field))
    .map((p) => ({ field: p.field, plausible: p }));
  for (const f of options.extraFields ?? []) {
    if (!candidates.some((c) => c.field === f) && !keep.includes(f)) candidates.push({ field: f, plausible: null });
  }
  if (candidates.length === 0) throw new CalibrationError(`${file ?? 'the scenario'} states no PLAUSIBLE ranges (see scenarios/README.md) and no --fit field was named`);
  return candidates;
}

export function alternatives(text: string, file: string | undefined, options: AlternativesOptions): Explanation[] {
  const keep = options.keep ?? [];
  const all = alternativeCandidates(text, file, options);
  const candidates = options.only === undefined ? all : all.slice(options.only, options.only + 1);
  const stated = plausibleRanges(text, file);
  const doc = parseDocument(text);
  // Each explanation starts from the central values: every stated assumption at its central value
  // (the fitted field of the file too), then the candidate alone moves to reproduce the figure.
  const centralText = (except: string): string => {
    const d = doc.clone();
    for (const p of stated) if (p.central !== null && p.field !== except && !keep.includes(p.field)) setNumber(d, p.field, p.central, file);
    return d.toString({ flowCollectionPadding: false, lineWidth: 100 });
  };
  return candidates.map(({ field, plausible }) => {
    const given = options.ranges?.[field];
    const p: [number, number] | null = given ?? (plausible ? [plausible.low, plausible.high] : null);
    const statedRange: PlausibleRange | null = given ? { field, low: given[0], high: given[1], unit: plausible?.unit ?? '', central: plausible?.central ?? null, why: 'given with --range', line: 0 } : plausible;
    const range = p ? searchRange(field, p) : defaultRange(field);
    const base: Explanation = { field, label: assumptionLabel(field, callTypesOf(doc)), plausible: statedRange, fitted: null, inside: null, implied: null, note: null, text: null, evaluations: 0 };
    if (!range) return { ...base, note: `no range: state a PLAUSIBLE range in the file or give --range ${field}=LOW..HIGH` };
    if (typeof doc.getIn(field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s))) !== 'number' && !['payroll.phoneShare', 'arrivals.scale', 'preQueueDelay'].includes(field)) {
      return { ...base, note: `${field} is not a number in the scenario` };
    }
    const ranges: Record<string, [number, number]> = { [field]: range };
    for (const k of keep) if (options.ranges?.[k]) ranges[k] = options.ranges[k];
    try {
      const start = centralText(field);
      const r = calibrate(plausible?.central !== null && plausible?.central !== undefined ? withValue(start, field, plausible.central, file) : start, file, { fields: [field, ...keep], observed: options.observed, ranges, overrides: options.overrides, sensitivity: [], onProgress: options.onProgress });
      const f = r.fitted[field];
      return {
        ...base,
        fitted: f,
        inside: p ? f.value >= p[0] && f.value <= p[1] : null,
        implied: r.implied,
        text: transferred(calibratedYaml(start, r, options.observed.map((o) => `${o.metric}=${o.value}`).join(', ')), [...stated.map((q) => q.field), ...keep, field], options.answerIn),
        evaluations: r.evaluations,
      };
    } catch (e) {
      if (!(e instanceof CalibrationError)) throw e;
      return { ...base, note: e.message };
    }
  });
}

/** The published figure that would settle the question, when the scenario names it ("# SETTLED BY: ..."). */
export function settlingFigure(text: string): string | null {
  const m = /^\s*#\s*SETTLED BY:\s*(.+)$/m.exec(text);
  return m ? m[1].trim() : null;
}

/** The fitted scenario's values of `fields` carried into the scenario the answers are for (none given: the fitted one). */
function transferred(fittedText: string, fields: string[], answerIn: AlternativesOptions['answerIn']): string {
  if (!answerIn) return fittedText;
  const from = parseDocument(fittedText);
  const to = parseDocument(answerIn.text);
  for (const f of new Set(fields)) {
    const v = from.getIn(pathOf(f));
    const there = to.getIn(pathOf(f));
    if (typeof v === 'number' && (typeof there === 'number' || (there === undefined && (f === 'arrivals.scale' || f === 'preQueueDelay')))) setNumber(to, f, v, answerIn.file);
  }
  return to.toString({ flowCollectionPadding: false, lineWidth: 100 });
}

function withValue(text: string, field: string, value: number, file: string | undefined): string {
  const d = parseDocument(text);
  setNumber(d, field, value, file);
  return d.toString({ flowCollectionPadding: false, lineWidth: 100 });
}
