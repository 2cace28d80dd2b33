// Plausible ranges of a scenario's assumptions, stated in the scenario file beside the value they
// bound, as a comment a reader sees and the tool reads:
//
//   # PLAUSIBLE callTypes.1.wrapUpTime.mean 120..1000 s, central 946.1: all the desk work of a work
//   #   order; Changzhou's capacity check gives ~300 s, Jiangsu's fit 946 s (SOURCES.md: Changzhou 2021)
//
// One line names the field (its path, as `calibrate --fit` takes it), the range and its unit, the
// value assumed when the field is not the one fitted (`central`; default: the file's value), then the
// reasoning or source after the colon; indented comment lines below continue the reasoning.
// `calibrate --alternatives` fits each of them in turn; `--sensitivity` moves each over its range.
import { ScenarioError } from '../../scenario/errors.ts';
import { fieldName, type CallTypeName } from '../../text/fieldNames.ts';

export interface PlausibleRange {
  /** The field's path, "callTypes.1.wrapUpTime.mean". */
  field: string;
  low: number;
  high: number;
  /** As written after the range ("s", "people", ""). */
  unit: string;
  /** The value assumed when another field explains the figure (null: the file's value). */
  central: number | null;
  /** The reasoning or source. */
  why: string;
  /** 1-based line of the PLAUSIBLE comment in the file. */
  line: number;
}

// "PLAUSIBLE field 1..2" (a field and a number right after the word; "PLAUSIBLE: ..." and
// "PLAUSIBLE but high" are prose and ignored).
const LINE = /^\s*#\s*PLAUSIBLE\s+(?=[A-Za-z][\w.]*\s+-?\d)(.*)$/;
const BODY = /^([A-Za-z][\w]*(?:\.[\w]+)*)\s+(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*([^:,]*?)\s*(?:,\s*central\s+(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*)?:\s*(.+)$/;

/** The PLAUSIBLE comments of a scenario's text, in file order; a malformed one is a one-line error naming its line. */
export function plausibleRanges(text: string, file?: string): PlausibleRange[] {
  const lines = text.split(/\r?\n/);
  const out: PlausibleRange[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = LINE.exec(lines[i]);
    if (!m) continue;
    const b = BODY.exec(m[1]);
    const fail = (problem: string) => new ScenarioError(file, ['PLAUSIBLE'], problem, i + 1);
    if (!b) throw fail('write it as "# PLAUSIBLE field LOW..HIGH unit: reason", e.g. "# PLAUSIBLE patience.mean 60..700 s, central 120: no 12345 data; ..."');
    const low = Number(b[2]);
    const high = Number(b[3]);
    if (!Number.isFinite(low) || !Number.isFinite(high) || !(low < high)) throw fail(`${b[1]}: the range must go upwards (got ${b[2]}..${b[3]})`);
    if (out.some((p) => p.field === b[1])) throw fail(`${b[1]} has a PLAUSIBLE range already (line ${out.find((p) => p.field === b[1])!.line})`);
    const line = i + 1;
    const central = b[5] === undefined ? null : Number(b[5]);
    if (central !== null && !(central >= low && central <= high)) throw fail(`${b[1]}: the central value ${b[5]} lies outside ${b[2]}..${b[3]}`);
    let why = b[6].trim();
    // Continuation: the comment lines right below, indented past the "#".
    while (i + 1 < lines.length && /^\s*#\s{2,}\S/.test(lines[i + 1]) && !LINE.test(lines[i + 1])) why += ' ' + lines[++i].replace(/^\s*#\s+/, '').trim();
    out.push({ field: b[1], low, high, unit: b[4], central, why, line });
  }
  return out;
}

/** What a field is, in a planner's words, short for the tables: its English name from the one table (engine/text/fieldNames.ts; the Chinese beside it where the path is printed). */
export function assumptionLabel(field: string, callTypes?: readonly CallTypeName[]): string {
  return fieldName(field, callTypes).en;
}

/** The call types' names of a parsed scenario document (for field names such as 工单话后处理时长). */
export function callTypesOf(doc: { toJS(): unknown }): CallTypeName[] | undefined {
  const t = (doc.toJS() as { callTypes?: unknown } | null)?.callTypes;
  return Array.isArray(t) ? (t as CallTypeName[]) : undefined;
}
