// Presentation: the only place numbers are rounded.
import type { Unit } from '../callcenter/metrics.ts';
import type { Estimate } from '../stats/estimate.ts';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatValue(x: number | null | undefined, unit: Unit): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  switch (unit) {
    case 'ratio':
      return `${(x * 100).toFixed(2)}%`;
    case 'seconds':
      return `${x.toFixed(1)} s`;
    case 'minutes':
      return `${x.toFixed(1)} min`;
    case 'hours':
      return `${grouped.format(x)} h`;
    case 'calls':
      return Math.abs(x) >= 1000 ? grouped.format(x) : x.toFixed(x % 1 === 0 ? 0 : 1);
    case 'agents':
      return x.toFixed(1);
  }
}

export function formatCi(e: Estimate, unit: Unit): string {
  if (e.ciLow === null || e.ciHigh === null) return '';
  return `${formatValue(e.ciLow, unit)} – ${formatValue(e.ciHigh, unit)}`;
}

export function formatYuan(x: number): string {
  return `${grouped.format(Math.round(x))} yuan`;
}

/** Display width: CJK characters take two columns in a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function pad(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'left' ? s + fill : fill + s;
}

/** A plain-text table; the first column left-aligned, the rest right-aligned unless told otherwise. */
export function textTable(header: string[], rows: string[][], align?: ('left' | 'right')[]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const al = align ?? header.map((_, i) => (i === 0 ? 'left' : 'right'));
  const line = (cells: string[]) => cells.map((c, i) => pad(c ?? '', widths[i], al[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Word-wrap to a display width (CJK counted double); continuation lines indented by `indent`. */
export function wrapText(text: string, width = 100, indent = '  '): string[] {
  const lines: string[] = [];
  const lead = /^ */.exec(text)![0];
  let line = lead;
  for (const word of text.slice(lead.length).split(' ')) {
    const cand = line.trim() === '' ? line + word : `${line} ${word}`;
    if (displayWidth(cand) > width && line.trim() !== '') {
      lines.push(line);
      line = indent + word;
    } else line = cand;
  }
  if (line !== '') lines.push(line);
  return lines;
}
