// A sweep's report: a self-contained HTML page (inline CSS and SVG, no scripts, no network), the
// chart files (SVG and PNG), and the few lines a command prints.
import { renderSvg, type ReportChart } from './charts.ts';
import { formatTrimmed, formatValue, textTable } from './format.ts';
import { escapeHtml, htmlPage } from './html.ts';
import { svgToPng } from './png.ts';
import { availableSweepCharts, sweepChart, type SweepChartKind } from './sweepCharts.ts';
import type { SweepManifest, SweepTable } from './sweepCsv.ts';

export interface RenderedChart {
  chart: ReportChart;
  svg: string;
}

export async function renderSweepCharts(t: SweepTable, kinds: SweepChartKind[] = availableSweepCharts(t)): Promise<RenderedChart[]> {
  const out: RenderedChart[] = [];
  for (const kind of kinds) {
    const chart = sweepChart(t, kind);
    const svg = await renderSvg(chart.spec, chart.id);
    out.push({ chart, svg: svg.endsWith('\n') ? svg : svg + '\n' });
  }
  return out;
}

/** Chart files: `<id>.svg` and, with png, `<id>.png`. */
export async function chartFiles(charts: RenderedChart[], png: boolean): Promise<Record<string, string | Uint8Array>> {
  const files: Record<string, string | Uint8Array> = {};
  for (const { chart, svg } of charts) {
    files[`${chart.id}.svg`] = svg;
    if (png) files[`${chart.id}.png`] = await svgToPng(svg);
  }
  return files;
}

const cell = (v: string | number | null, unit: 'ratio' | 'seconds' | 'yuan' | 'count' | 'raw'): string => {
  if (v === null) return '–';
  if (typeof v === 'string' || unit === 'raw') return String(v);
  if (unit === 'yuan') return `${(v / 1e6).toFixed(2)}M`;
  if (unit === 'count') return Math.round(v).toLocaleString('en-US');
  return formatValue(v, unit);
};

export function sweepReportHtml(t: SweepTable, m: SweepManifest | null, charts: RenderedChart[]): string {
  const budgets = t.columns.includes('outsourced_yuan_per_year');
  const head = [
    ...t.fields.map((f) => `<th>${escapeHtml(f)}</th>`),
    '<th class="num">Agents on seat<br><small>在席坐席</small></th>',
    '<th class="num">Head count<br><small>人数</small></th>',
    '<th class="num">Connection rate<br><small>接通率</small></th>',
    '<th class="num">95% CI</th>',
    '<th class="num">Service level<br><small>服务水平</small></th>',
    '<th class="num">Abandonment<br><small>呼损率</small></th>',
    '<th class="num">ASA<br><small>平均应答时间</small></th>',
    ...(budgets ? ['<th class="num">Outsourced, yuan/yr<br><small>外包年度预算</small></th>', '<th class="num">In-house, yuan/yr<br><small>自营年度成本</small></th>'] : []),
  ];
  const rows = t.rows.map((r) => {
    const ci = r.connectionRate_ci95_low === null ? '–' : `${cell(r.connectionRate_ci95_low, 'ratio')} – ${cell(r.connectionRate_ci95_high, 'ratio')}`;
    const tds = [
      ...t.fields.map((f) => `<td>${escapeHtml(cell(r[f], 'raw'))}</td>`),
      `<td class="num">${cell(r.agents_on_seat_mean, 'raw')}</td>`,
      `<td class="num">${cell(r.headcount, 'count')}</td>`,
      `<td class="num">${cell(r.connectionRate, 'ratio')}</td>`,
      `<td class="num">${escapeHtml(ci)}</td>`,
      `<td class="num">${cell(r.serviceLevel, 'ratio')}</td>`,
      `<td class="num">${cell(r.abandonmentRate, 'ratio')}</td>`,
      `<td class="num">${cell(r.asa, 'seconds')}</td>`,
      ...(budgets ? [`<td class="num">${cell(r.outsourced_yuan_per_year, 'yuan')}</td>`, `<td class="num">${cell(r.inhouse_yuan_per_year, 'yuan')}</td>`] : []),
    ];
    return `<tr data-point="${r.point}">${tds.join('')}</tr>`;
  });
  const title = m ? m.scenario : 'hotline-sim sweep';
  const facts = m
    ? `<p class="lead">${t.rows.length} points (${escapeHtml(m.fields.join(' × '))}), ${m.replications} replications each, seed ${escapeHtml(String(m.seed))}. ` +
      'Every point is simulated with the same random calls (common random numbers), so differences between points come from the varied fields, not from noise. ' +
      'Each figure is the mean over the replications; head count is the payroll that puts those agents on seat.</p>'
    : '';
  const figures = charts.map(
    ({ chart, svg }) =>
      `<figure id="${chart.id}">\n<figcaption><strong>${escapeHtml(chart.title)}</strong></figcaption>\n${svg.trim()}\n` +
      `<p class="how"><strong>How to read this 阅读说明:</strong> ${escapeHtml(chart.howToRead)}</p>\n</figure>`,
  );
  const body = [
    `<h1>${escapeHtml(title)}<span class="zh" lang="zh-CN">参数扫描报告 · sweep report</span></h1>`,
    facts,
    ...figures,
    '<h2>Every point 各点结果</h2>',
    `<table>\n<thead><tr>${head.join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`,
    budgets
      ? '<p class="note">Budgets: one year at the point\'s head count, priced by the scenario\'s cost section (see <code>hotline-sim budget</code> for the line items).</p>'
      : '',
    '<footer>Made by hotline-sim. Simulated figures, not observations: they follow from the scenario\'s inputs, whose sources and assumptions are listed in the scenario file.</footer>',
  ];
  return htmlPage(`${title} — hotline-sim sweep`, body.filter(Boolean).join('\n'));
}

/** The scenario field that is the payroll head count (the sweep's `headcount` column when varied). */
const HEADCOUNT_FIELD = 'agents.headcount';

/** The lines a sweep prints: what was run and, per point (at most 11, spread over the grid), the headline KPIs. */
export function formatSweepSummary(t: SweepTable, m: SweepManifest, dir: string, written: string[]): string {
  const step = Math.max(1, Math.ceil(t.rows.length / 10));
  const shown = t.rows.filter((_, i) => i % step === 0 || i === t.rows.length - 1);
  const budgets = t.columns.includes('outsourced_yuan_per_year');
  // A sweep of the head count itself shows it once, under one name.
  const headcountVaried = t.fields.includes(HEADCOUNT_FIELD);
  const fieldNames = shortNames(t.fields).map((name, i) => (t.fields[i] === HEADCOUNT_FIELD ? 'head count' : name));
  const header = [...fieldNames, ...(headcountVaried ? [] : ['head count']), 'connection 接通率', 'SL 服务水平', ...(budgets ? ['outsourced/yr', 'in-house/yr'] : [])];
  const rows = shown.map((r) => [
    ...t.fields.map((f) => (typeof r[f] === 'number' ? formatTrimmed(r[f] as number, 6) : String(r[f] ?? ''))),
    ...(headcountVaried ? [] : [cell(r.headcount, 'count')]),
    cell(r.connectionRate, 'ratio'),
    cell(r.serviceLevel, 'ratio'),
    ...(budgets ? [cell(r.outsourced_yuan_per_year, 'yuan'), cell(r.inhouse_yuan_per_year, 'yuan')] : []),
  ]);
  const lines = [
    `${m.scenario}`,
    `Sweep of ${m.fields.join(' × ')}`,
    `${t.rows.length} points × ${m.replications} replications, seed ${m.seed}: the same random calls at every point`,
    textTable(header, rows, header.map(() => 'right')),
  ];
  if (shown.length < t.rows.length) lines.push(`(${shown.length} of ${t.rows.length} points shown; every point is in the CSV and the report)`);
  if (budgets) lines.push('Budgets: one year at that head count, million yuan. KPIs: means over the replications.');
  else lines.push('KPIs: means over the replications. No budgets: the scenario has no cost section (or no head count to price).');
  const names = written.map((w) => w.slice(w.lastIndexOf('/') + 1));
  const charts = names.filter((n) => n.startsWith('chart-')).length;
  lines.push(`wrote ${dir}: ${names.filter((n) => !n.startsWith('chart-')).join(', ')}${charts ? `, ${charts} chart files (SVG, PNG)` : ''}`);
  return lines.join('\n');
}

/** Column titles for fields: the last part of each path (monthlyWage), longer where two would clash. */
function shortNames(fields: string[]): string[] {
  return fields.map((f) => {
    const parts = f.split('.');
    for (let k = 1; k <= parts.length; k++) {
      const name = parts.slice(-k).join('.');
      if (fields.filter((g) => g === name || g.endsWith(`.${name}`)).length === 1) return name;
    }
    return f;
  });
}
