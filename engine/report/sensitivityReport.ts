// `staff --sensitivity` and `budget --sensitivity` as text, CSV and a tornado chart: each
// assumption over its plausible range, the head count and the budget at each end, largest first.
import type { TopLevelSpec } from 'vega-lite';
import type { SensitivityStudy } from '../experiment/calibrate/sensitivity.ts';
import { chartConfig, type ReportChart } from './charts.ts';
import { displayWidth, pad, wrapText } from './format.ts';
import { formatTrimmed } from '../text/numbers.ts';
import { fieldName } from '../text/fieldNames.ts';

const money = (y: number | undefined) => (y === undefined ? '—' : `${(y / 1e6).toFixed(1)}M`);
const num = (v: number) => (Math.abs(v) >= 100 ? formatTrimmed(v, 0) : Math.abs(v) >= 10 ? v.toFixed(1) : String(Number(v.toPrecision(3))));

export interface SensitivityMeta {
  scenario: string;
  /** "connection rate 接通率 ≥ 95.0% (every month)". */
  target: string;
  horizonDays: number;
  replications: number;
  seed: number | string;
}

export function formatSensitivityReport(s: SensitivityStudy, m: SensitivityMeta, detail = false): string {
  const out: string[] = [];
  out.push(...wrapText(`Sensitivity of the head count for ${m.target} — ${m.scenario}`));
  out.push(
    ...wrapText(
      `As the file gives it: ${formatTrimmed(s.base.headcount, 0)} people, outsourced ${money(s.base.outsourced)}, in-house ${money(s.base.inhouse)} yuan a year. ` +
        `Each assumption moved to the ends of its plausible range alone (${m.horizonDays} d × ${m.replications} reps, seed ${m.seed} throughout):`,
    ),
  );
  const header = ['Assumption (range)', 'People low–high', 'Outsourced/yr low–high', 'In-house/yr low–high'];
  const rows = s.rows.map((r) => [
    `${r.label} (${num(r.range.low)}–${num(r.range.high)}${r.range.unit ? ` ${r.range.unit}` : ''})`,
    `${r.atLow ? formatTrimmed(r.atLow.headcount, 0) : '—'} – ${r.atHigh ? formatTrimmed(r.atHigh.headcount, 0) : '—'}`,
    `${money(r.atLow?.outsourced)} – ${money(r.atHigh?.outsourced)}`,
    `${money(r.atLow?.inhouse)} – ${money(r.atHigh?.inhouse)}`,
  ]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i]))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], i === 0 ? 'left' : 'right')).join('  ').trimEnd();
  out.push(line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(0, 10).map(line));
  const all = s.rows.flatMap((r) => [r.atLow, r.atHigh]).filter((a) => a !== null);
  if (all.length) {
    const hc = all.map((a) => a!.headcount);
    out.push(
      ...wrapText(
        `One at a time, the head count runs ${formatTrimmed(Math.min(...hc, s.base.headcount), 0)}–${formatTrimmed(Math.max(...hc, s.base.headcount), 0)}; ` +
          `largest effect: ${s.rows[0].label}${s.rows[1] ? `, then ${s.rows[1].label}` : ''}.`,
      ),
    );
  }
  const notes = s.rows.filter((r) => r.notes.length);
  if (notes.length) out.push(...wrapText(`No answer at: ${notes.map((r) => `${r.label} (${r.notes.join('; ')})`).join('; ')}`));
  if (detail) for (const r of s.rows) out.push(...wrapText(`${fieldName(r.field).zh} ${r.label} (${r.field}): ${r.range.why}`));
  return out.join('\n');
}

/** The tornado: one bar per assumption from its low-end to its high-end head count, the base as a rule. */
export function tornadoChart(s: SensitivityStudy, m: SensitivityMeta): ReportChart {
  const order = s.rows.map((r) => r.label);
  const values = s.rows.flatMap((r) =>
    (['low', 'high'] as const).flatMap((end) => {
      const a = end === 'low' ? r.atLow : r.atHigh;
      const v = end === 'low' ? r.range.low : r.range.high;
      return a ? [{ assumption: r.label, end: end === 'low' ? 'low end 下限' : 'high end 上限', value: `${num(v)}${r.range.unit ? ` ${r.range.unit}` : ''}`, people: a.headcount, base: s.base.headcount }] : [];
    }),
  );
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfig(),
    title: { text: `Head count for the target, each assumption over its plausible range 人数敏感性`, subtitle: `${m.scenario}; ${m.target}` },
    width: 620,
    height: Math.max(120, 34 * order.length),
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: 18 },
        encoding: {
          y: { field: 'assumption', type: 'nominal', sort: order, title: null },
          x: { field: 'people', type: 'quantitative', title: 'People on the payroll 人数', scale: { zero: false } },
          x2: { field: 'base' },
          color: { field: 'end', type: 'nominal', scale: { range: ['#6baed6', '#d62728'] } },
          tooltip: [{ field: 'assumption' }, { field: 'value' }, { field: 'people' }],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
        encoding: { y: { field: 'assumption', type: 'nominal', sort: order }, x: { field: 'people', type: 'quantitative' }, text: { field: 'value' } },
      },
      { data: { values: [{ base: s.base.headcount }] }, mark: { type: 'rule', color: '#333', strokeDash: [4, 3] }, encoding: { x: { field: 'base', type: 'quantitative' } } },
    ],
  } as unknown as TopLevelSpec;
  return { id: 'chart-tornado', title: 'Sensitivity of the head count (tornado)', howToRead: 'Each bar runs from the head count the target needs at one end of the assumption\'s plausible range to the other; the dashed line is the scenario as given. Longest bar first.', spec };
}
