// The calibration report as text: the fitted values first, then the fit and what it implies.
import type { Unit } from '../callcenter/metrics.ts';
import type { CalibrationResult } from '../experiment/calibrate/calibrate.ts';
import { formatCi, formatValue, textTable, wrapText, formatDays } from './format.ts';

export function formatCalibrationReport(r: CalibrationResult): string {
  const out: string[] = [];
  const unitOf = (id: string): Unit => (r.run.metrics.find((m) => m.id === id)?.unit ?? 'calls') as Unit;
  const nameOf = (id: string) => {
    const m = r.run.metrics.find((x) => x.id === id);
    return m ? `${m.name} ${m.zh}` : id;
  };
  out.push(...wrapText(`Calibration of ${r.scenario}`));
  out.push(`${formatDays(r.horizonDays)}, ${r.replications} replications, common random numbers; ${r.evaluations} simulations`);
  out.push('');
  out.push(
    textTable(
      ['Fitted field', 'Value', '95% interval', 'Was', 'Searched'],
      Object.entries(r.fitted).map(([f, v]) => [f, num(v.value), `${num(v.ciLow)} – ${num(v.ciHigh)}`, v.before === null ? '—' : num(v.before), `${num(v.range[0])}..${num(v.range[1])}`]),
      ['left', 'right', 'right', 'right', 'right'],
    ),
  );
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
        ['Assumption', 'Value', ...r.fields],
        r.sensitivity.map((s) => [s.field, num(s.value), ...r.fields.map((f) => (s.fitted[f] === null ? 'out of reach' : num(s.fitted[f]!)))]),
        ['left', 'right', ...r.fields.map(() => 'right' as const)],
      ),
    );
  }
  return out.join('\n');
}

function num(v: number): string {
  const a = Math.abs(v);
  if (!Number.isFinite(v)) return String(v);
  return a >= 1000 ? Math.round(v).toLocaleString('en-US') : a >= 10 ? v.toFixed(1) : a >= 1 ? v.toFixed(2) : v.toFixed(3);
}
