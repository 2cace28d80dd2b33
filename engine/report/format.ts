// Presentation: the only place numbers are rounded (their digits by engine/text/numbers.ts), and
// the formatters every report shares: values with units and CIs, KPI targets, the operating models' names.
import type { StaffingTarget } from '../analytic/staffing.ts';
import type { Unit } from '../callcenter/metrics.ts';
import type { Model } from '../cost/labour.ts';
import type { Estimate } from '../stats/estimate.ts';
import { formatAmount, formatTrimmed } from '../text/numbers.ts';

// Reports use the table figure rule under its own name; it is defined with the other number rules.
export { formatAmount, formatTrimmed };

export function formatValue(x: number | null | undefined, unit: Unit): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  switch (unit) {
    case 'ratio':
      return `${(x * 100).toFixed(2)}%`;
    case 'seconds':
      // An hour or more reads as hours, the seconds beside (an online response time: "2.7 小时 (9,754 s)").
      return Math.abs(x) >= 3600 ? `${formatAmount(x / 3600, 1)} 小时 (${formatAmount(x)} s)` : `${x.toFixed(1)} s`;
    case 'minutes':
      return `${x.toFixed(1)} min`;
    case 'hours':
      return `${formatTrimmed(x, 0)} h`;
    case 'calls':
      return Math.abs(x) >= 1000 ? formatTrimmed(x, 0) : x.toFixed(x % 1 === 0 ? 0 : 1);
    case 'agents':
      return formatAmount(x, 1);
  }
}

export function formatCi(e: Estimate, unit: Unit): string {
  if (e.ciLow === null || e.ciHigh === null) return '';
  return `${formatValue(e.ciLow, unit)} – ${formatValue(e.ciHigh, unit)}`;
}

export function formatYuan(x: number): string {
  return `${formatTrimmed(Math.round(x), 0)} yuan`;
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

/** A signed change: "+284.4", "−123.1". */
export function formatSigned(x: number, digits = 1): string {
  const s = formatAmount(Math.abs(x), digits);
  if (Number(Math.abs(x).toFixed(digits)) === 0) return s;
  return `${x < 0 ? '−' : '+'}${s}`;
}

export function formatPercent(x: number, digits = 2): string {
  return Number.isFinite(x) ? `${formatAmount(x * 100, digits)}%` : '—';
}

/** "95.31% (95.10% – 95.52%)". */
export function formatWithCi(e: Estimate, unit: 'ratio' | 'seconds' | 'calls'): string {
  const m = formatValue(e.mean, unit);
  if (e.ciLow === null || e.ciHigh === null) return m;
  // a Student-t interval can pass 0% or 100%; a rate cannot
  const lo = unit === 'ratio' ? Math.max(0, e.ciLow) : unit === 'seconds' ? Math.max(0, e.ciLow) : e.ciLow;
  const hi = unit === 'ratio' ? Math.min(1, e.ciHigh) : e.ciHigh;
  return `${m} (${formatValue(lo, unit)} – ${formatValue(hi, unit)})`;
}

/** Yuan with a CI: "14.90 (14.89 – 14.91)". */
export function formatYuanWithCi(e: Estimate | null, digits: number): string {
  if (!e) return '—';
  const m = formatAmount(e.mean, digits);
  if (e.ciLow === null || e.ciHigh === null) return m;
  return `${m} (${formatAmount(e.ciLow, digits)} – ${formatAmount(e.ciHigh, digits)})`;
}

export const operatingModelNames: Record<Model, { en: string; zh: string }> = {
  outsourced: { en: 'Outsourced', zh: '外包' },
  inhouse: { en: 'In-house', zh: '自营' },
};

/** "connection rate 接通率 ≥ 95.0%". */
export function describeKpiTarget(t: StaffingTarget, defaultSeconds: number): string {
  switch (t.kind) {
    case 'connectionRate':
      return `connection rate 接通率 ≥ ${formatPercent(t.value, 1)}`;
    case 'serviceLevel':
      return `service level 服务水平 ≥ ${formatPercent(t.value, 1)} within ${t.seconds ?? defaultSeconds} s`;
    case 'asa':
      return `average speed of answer 平均应答时长 ≤ ${t.seconds} s`;
    case 'abandonment':
      return `abandonment rate 呼损率 ≤ ${formatPercent(t.value, 1)}`;
  }
}

/** "1 day", "14 days", "2.5 days": a duration in days as a reader says it. */
export function formatDays(days: number): string {
  const n = Number.isInteger(days) ? formatAmount(days) : formatAmount(days, Math.abs(days * 10 - Math.round(days * 10)) < 1e-9 ? 1 : 2);
  return `${n} ${days === 1 ? 'day' : 'days'}`;
}

/** Money on a page, as a Chinese planner reads it: 万元 (10,000 yuan), one decimal: "1,666.5万". CSVs keep yuan. */
export function formatWan(yuan: number): string {
  return Number.isFinite(yuan) ? `${formatAmount(yuan / 10_000, 1)}万` : '—';
}
