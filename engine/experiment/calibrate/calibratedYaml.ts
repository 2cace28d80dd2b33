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
    if (top && isScalar(top.key)) top.key.commentBefore = top.key.commentBefore ? `${top.key.commentBefore}\n${note}` : note;
  }
  return doc.toString({ flowCollectionPadding: false, lineWidth: 100 });
}
