// The calibration report as text: the fitted values first, then the fit and what it implies.
import type { Unit } from '../callcenter/metrics.ts';
import type { CalibrationResult } from '../experiment/calibrate/calibrate.ts';
import { formatCi, formatValue, textTable, wrapText, formatDays } from './format.ts';
import { fieldLabel, fieldName, fieldRange, fieldValue } from '../text/fieldNames.ts';

export function formatCalibrationReport(r: CalibrationResult): string {
  const out: string[] = [];
  const unitOf = (id: string): Unit => (r.run.metrics.find((m) => m.id === id)?.unit ?? 'calls') as Unit;
  const nameOf = (id: string) => {
    const m = r.run.metrics.find((x) => x.id === id);
    return m ? `${m.name} ${m.zh}` : id;
  };
  // Field paths by their names (engine/text/fieldNames.ts); the paths themselves are in --json and the command line.
  // Chinese names in the tables (they fit 100 columns); each name's English and path on a line below.
  const label = (f: string) => fieldName(f, r.run.callTypes ?? undefined).zh;
  const legend = (fields: string[]) => [...new Set(fields)].map((f) => `  ${label(f)} = ${fieldName(f, r.run.callTypes ?? undefined).en} (${f})`);
  out.push(...wrapText(`Calibration of ${r.scenario}`));
  out.push(`${formatDays(r.horizonDays)}, ${r.replications} replications, common random numbers; ${r.evaluations} simulations`);
  out.push('');
  out.push(
    textTable(
      ['Fitted 拟合参数', 'Value', '95% interval', 'Was', 'Searched'],
      Object.entries(r.fitted).map(([f, v]) => [label(f), fieldValue(f, v.value), fieldRange(f, v.ciLow, v.ciHigh), v.before === null ? '—' : fieldValue(f, v.before), fieldRange(f, v.range[0], v.range[1])]),
      ['left', 'right', 'right', 'right', 'right'],
    ),
  );
  out.push(...legend(r.fields));
  out.push('');
  out.push(
    textTable(
      ['Published figure', 'Observed', 'Simulated', '95% CI'],
      Object.entries(r.observed).map(([id, v]) => [nameOf(id), formatValue(v, unitOf(id)), formatValue(r.simulated[id].mean, unitOf(id)), formatCi(r.simulated[id], unitOf(id))]),
      ['left', 'right', 'right', 'right'],
    ),
  );
  if (r.notReproduced.length) {
    out.push(
      ...wrapText(`Not reproduced within the replication CI: ${r.notReproduced.join(', ')} — the field moves the figure in steps ` +
        '(e.g. whole agents on seat) or the figure is noisy at this horizon; fit a continuous field, or run longer.'),
    );
  }
  const i = r.implied;
  out.push('');
  out.push(
    ...wrapText(
    `Implied: occupancy ${formatValue(i.occupancy.mean, 'ratio')}, agent time per answered call ${formatValue(i.handleSecondsPerAnsweredCall, 'seconds')}` +
      `, ${formatValue(i.agentsOnSeatMean, 'agents')} agents on seat on average` +
      (i.outboundShareOfWork ? `, ${formatValue(i.outboundShareOfWork.mean, 'ratio')} of work time on outbound` : ''),
    ),
  );
  if (r.patienceShortcut) {
    out.push(...wrapText(`Shortcut (a starting point, not the fit): mean patience ≈ ${formatValue(r.patienceShortcut.seconds, 'seconds')}, from ASA / (1 − connection) for exponential patience`));
  }
  if (r.sensitivity.length) {
    out.push('');
    out.push('Sensitivity: the fit under other values of an unfitted assumption');
    out.push(
      textTable(
        ['Assumption 假设', 'Value', ...r.fields.map(label)],
        r.sensitivity.map((s) => [fieldLabel(s.field, r.run.callTypes ?? undefined), fieldValue(s.field, s.value), ...r.fields.map((f) => (s.fitted[f] === null ? 'out of reach' : fieldValue(f, s.fitted[f]!)))]),
        ['left', 'right', ...r.fields.map(() => 'right' as const)],
      ),
    );
  }
  return out.join('\n');
}
