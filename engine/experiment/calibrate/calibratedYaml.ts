// The calibrated scenario file: the scenario's own YAML with the fitted values written in
// place, each marked CALIBRATED in a comment a reader of the file sees.
import { isMap, isScalar, parseDocument } from 'yaml';
import type { CalibrationResult } from './calibrate.ts';
import { round } from './solve.ts';
import { setNumber } from './yamlFields.ts';

/** The calibrated scenario file: the fitted values in place, each marked CALIBRATED in a comment. */
export function calibratedYaml(text: string, result: CalibrationResult, observedText: string): string {
  const doc = parseDocument(text);
  for (const [field, f] of Object.entries(result.fitted)) {
    setNumber(doc, field, Number(f.value.toPrecision(6)), result.file);
    // The note goes above the top-level field, where a reader of the file sees it.
    const top = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === field.split('.')[0]) : undefined;
    const note =
      ` CALIBRATED: ${field} = ${round(f.value)} (95% CI ${round(f.ciLow)}–${round(f.ciHigh)}), fitted to ${observedText}` +
      ` over ${result.horizonDays} days, ${result.replications} replications${f.before !== null ? `; was ${f.before}` : ''}`;
    // A refit replaces the field's earlier CALIBRATED line where it stands (the reasoning around it stays).
    if (top && isScalar(top.key)) {
      const lines = top.key.commentBefore ? top.key.commentBefore.split('\n') : [];
      const at = lines.findIndex((l) => l.startsWith(` CALIBRATED: ${field} = `));
      if (at >= 0) lines[at] = note;
      else lines.push(note);
      top.key.commentBefore = lines.join('\n');
    }
  }
  return doc.toString({ flowCollectionPadding: false, lineWidth: 100 });
}

/** A CALIBRATED comment as calibratedYaml writes it, read back (for the checks and the pages that quote a fit). */
export interface CalibratedNote {
  field: string;
  value: number;
  ciLow: number;
  ciHigh: number;
  /** The --observed figures, as given to calibrate ("sl=0.9525@30", "connection=0.9816, asa=12"). */
  observed: string;
  /** A reader's gloss in brackets after the figures, if the file adds one. */
  gloss: string | null;
  horizonDays: number;
  replications: number;
  before: number | null;
}

const NOTE = /^# CALIBRATED: ([\w.]+) = (\S+) \(95% CI (\S+)–(\S+)\), fitted to (.+?)(?: \((.*)\))? over (\d+) days, (\d+) replications(?:; was (\S+))?$/gm;

/** Every CALIBRATED comment of a scenario file (the format calibratedYaml writes), in file order. */
export function calibratedNotes(text: string): CalibratedNote[] {
  return [...text.matchAll(NOTE)].map((m) => ({
    field: m[1],
    value: Number(m[2]),
    ciLow: Number(m[3]),
    ciHigh: Number(m[4]),
    observed: m[5],
    gloss: m[6] ?? null,
    horizonDays: Number(m[7]),
    replications: Number(m[8]),
    before: m[9] !== undefined ? Number(m[9]) : null,
  }));
}
