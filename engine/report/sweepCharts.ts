// Charts of a sweep, built from its CSV read back (so `hotline-sim chart results.csv` draws the same
// charts as the sweep did): connection rate with its CI band against head count; the cost–quality
// frontier (annual budget against connection rate, in-house and outsourced); a heatmap when two
// fields vary.
import type { TopLevelSpec } from 'vega-lite';
import { chartConfig, GBT33358, type ReportChart } from './charts.ts';
import type { SweepTable } from './sweepCsv.ts';

export const SWEEP_CHART_KINDS = ['connection', 'frontier', 'heatmap'] as const;
export type SweepChartKind = (typeof SWEEP_CHART_KINDS)[number];

const WIDTH = 640;
const HEIGHT = 300;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The x axis of the connection chart: payroll head count when every point has one, else agents on seat. */
function staffingAxis(t: SweepTable): { field: string; title: string } {
  return t.rows.every((r) => num(r.headcount) !== null)
    ? { field: 'headcount', title: '人数（含不接听人员）Head count (people on the payroll)' }
    : { field: 'agents_on_seat_mean', title: 'Agents on seat, mean over intervals (agents) 平均在席坐席数' };
}

/** The varied fields other than the one that drives staffing: each combination is one line. */
function seriesLabel(t: SweepTable, row: SweepTable['rows'][number]): string {
  const others = t.fields.filter((f) => !/^agents(\.|$)/.test(f));
  return others.length ? others.map((f) => `${f}=${row[f]}`).join(', ') : 'all points';
}

/** Which kinds a table can draw (a frontier needs budgets; a heatmap exactly two varied fields). */
export function availableSweepCharts(t: SweepTable): SweepChartKind[] {
  const kinds: SweepChartKind[] = ['connection'];
  if (t.rows.some((r) => num(r.outsourced_yuan_per_year) !== null)) kinds.push('frontier');
  if (t.fields.length === 2) kinds.push('heatmap');
  return kinds;
}

export function sweepChart(t: SweepTable, kind: SweepChartKind): ReportChart {
  switch (kind) {
    case 'connection':
      return connectionChart(t);
    case 'frontier':
      return frontierChart(t);
    case 'heatmap':
      return heatmapChart(t);
  }
}

function connectionChart(t: SweepTable): ReportChart {
  const x = staffingAxis(t);
  const values = t.rows
    .filter((r) => num(r[x.field]) !== null && num(r.connectionRate) !== null)
    .map((r) => ({ x: r[x.field], series: seriesLabel(t, r), mean: r.connectionRate, low: r.connectionRate_ci95_low ?? r.connectionRate, high: r.connectionRate_ci95_high ?? r.connectionRate }));
  const lows = values.map((v) => v.low as number);
  const single = new Set(values.map((v) => v.series)).size <= 1;
  const lo = Math.max(0, Math.floor((Math.min(GBT33358.connectionRate, ...lows) - 0.02) * 10) / 10);
  return {
    id: 'chart-connection-vs-headcount',
    title: 'Connection rate 接通率 against head count · 人数与接通率',
    howToRead:
      'Each point is one staffing level, simulated with the same random calls as every other (common random numbers); the band is the 95% ' +
      'confidence interval over the replications. The dashed line is the 95% of GB/T 33358-2016: the first point above it is the smallest staffing that meets it.',
    spec: {
      width: WIDTH,
      height: HEIGHT,
      data: { values },
      layer: [
        {
          mark: { type: 'errorband', opacity: 0.25 },
          encoding: {
            x: { field: 'x', type: 'quantitative', title: x.title, scale: { zero: false } },
            y: { field: 'low', type: 'quantitative', title: 'Connection rate 接通率 (answered / offered)', scale: { domain: [lo, 1], nice: false, clamp: true }, axis: { format: '.0%' } },
            y2: { field: 'high' },
            color: { field: 'series', type: 'nominal', title: null, legend: single ? null : {} },
          },
        },
        {
          mark: { type: 'line', point: true, strokeWidth: 2 },
          encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'mean', type: 'quantitative' }, color: { field: 'series', type: 'nominal', legend: single ? null : {} } },
        },
        {
          data: { values: [{ y: GBT33358.connectionRate }] },
          mark: { type: 'rule', strokeDash: [6, 4], color: '#2ca02c', strokeWidth: 1.5 },
          encoding: { y: { field: 'y', type: 'quantitative' } },
        },
      ],
      config: chartConfig(),
    } as TopLevelSpec,
  };
}

function frontierChart(t: SweepTable): ReportChart {
  const models = [
    { column: 'outsourced_yuan_per_year', label: 'Outsourced 外包' },
    { column: 'inhouse_yuan_per_year', label: 'In-house 自营' },
  ];
  const values = t.rows.flatMap((r) =>
    models
      .filter((m) => num(r[m.column]) !== null && num(r.connectionRate) !== null)
      .map((m) => ({ connection: r.connectionRate, millions: (r[m.column] as number) / 1e6, model: m.label, series: `${m.label} · ${seriesLabel(t, r)}` })),
  );
  return {
    id: 'chart-budget-vs-connection',
    title: 'Cost–quality frontier: annual budget against connection rate · 年度预算与接通率',
    howToRead:
      'Each point is one staffing level: across, the simulated connection rate; up, what a year of it costs, outsourced (contract price incl. fee, profit and VAT) ' +
      'and in-house (the government\'s own cost). Moving right along a line shows what each extra point of connection rate costs.',
    spec: {
      width: WIDTH,
      height: HEIGHT,
      data: { values },
      layer: [
        {
          mark: { type: 'line', point: true, strokeWidth: 2 },
          encoding: {
            x: { field: 'connection', type: 'quantitative', title: 'Connection rate 接通率 (answered / offered)', scale: { zero: false }, axis: { format: '.1%' } },
            y: { field: 'millions', type: 'quantitative', title: 'Annual budget (million yuan) 年度预算（百万元）', scale: { zero: false }, axis: { format: ',.1f' } },
            color: { field: 'model', type: 'nominal', title: null, scale: { domain: models.map((m) => m.label), range: ['#d62728', '#1f77b4'] } },
            detail: { field: 'series', type: 'nominal' },
            order: { field: 'connection', type: 'quantitative' },
          },
        },
        {
          data: { values: [{ x: GBT33358.connectionRate }] },
          mark: { type: 'rule', strokeDash: [6, 4], color: '#2ca02c', strokeWidth: 1.5 },
          encoding: { x: { field: 'x', type: 'quantitative' } },
        },
      ],
      config: chartConfig(),
    } as TopLevelSpec,
  };
}

function heatmapChart(t: SweepTable): ReportChart {
  if (t.fields.length !== 2) throw new RangeError(`a heatmap needs exactly two varied fields (this sweep varies ${t.fields.length})`);
  const [fx, fy] = t.fields;
  const values = t.rows.map((r) => ({ x: r[fx], y: r[fy], connection: num(r.connectionRate) }));
  const rates = values.map((v) => v.connection).filter((v): v is number => v !== null);
  // Dark cells get white figures: above the middle of the colour scale.
  const mid = rates.length ? (Math.min(...rates) + Math.max(...rates)) / 2 : 0.5;
  const sortOf = (f: string) => (t.rows.every((r) => typeof r[f] === 'number') ? 'ascending' : null);
  return {
    id: 'chart-heatmap',
    title: `Connection rate 接通率 by ${fx} and ${fy}`,
    howToRead: `Each cell is one point of the sweep, coloured by its simulated connection rate (mean over the replications); the figure in the cell is that rate.`,
    spec: {
      width: WIDTH,
      height: HEIGHT,
      data: { values },
      encoding: {
        x: { field: 'x', type: 'ordinal', title: fx, sort: sortOf(fx), axis: { labelAngle: 0 } },
        y: { field: 'y', type: 'ordinal', title: fy, sort: sortOf(fy) === 'ascending' ? 'descending' : null },
      },
      layer: [
        {
          mark: { type: 'rect' },
          encoding: { color: { field: 'connection', type: 'quantitative', title: 'Connection rate 接通率', scale: { scheme: 'blues' }, legend: { format: '.0%', titleLimit: 400, gradientLength: 240 } } },
        },
        {
          mark: { type: 'text', fontSize: 10 },
          encoding: {
            text: { field: 'connection', type: 'quantitative', format: '.1%' },
            color: { condition: { test: `datum.connection > ${mid}`, value: 'white' }, value: 'black' },
          },
        },
      ],
      config: chartConfig(),
    } as TopLevelSpec,
  };
}
