// Charts of a run for the HTML report: Vega-Lite specs built from a RunResult (plain data, cheap),
// rendered headless to SVG by vega-lite + vega, which are imported lazily (they take about half a
// second to load) so that commands that write no report never load them.
import type { TopLevelSpec } from 'vega-lite';
import type { RunResult } from '../experiment/studies/run.ts';
import { averageDay } from './runReport.ts';

/** Fonts for text in charts and pages: common CJK fonts first, so Chinese labels render everywhere. */
export const REPORT_FONTS = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

/** GB/T 33358-2016 (政府热线服务规范): connection rate over 24 h at least 95%; calls answered within 15 s. */
export const GBT33358 = { connectionRate: 0.95, answerSeconds: 15 } as const;
/** Common industry range for agent occupancy (SOURCES.md: 75–85%; over 90% leads to burnout). */
export const OCCUPANCY_RANGE = [0.75, 0.85] as const;

/** Horizons longer than this many days get a chart by day (or by month, beyond MONTHLY_AFTER_DAYS). */
export const TREND_MIN_DAYS = 3;
export const MONTHLY_AFTER_DAYS = 62;

export interface ReportChart {
  /** File-name stem and SVG id prefix, e.g. "chart-average-day". */
  id: string;
  title: string;
  /** One short sentence for a reader who is not a statistician. */
  howToRead: string;
  spec: TopLevelSpec;
}

const COLORS = { calls: '#9ecae1', agents: '#d62728', busy: '#7b3294', connection: '#1f77b4', serviceLevel: '#ff7f0e', target: '#2ca02c', occupancy: '#6baed6' };

/** Shared look: fonts, sizes, and legends that are never cut short. */
export function chartConfig() {
  return {
    font: REPORT_FONTS,
    background: 'white',
    view: { stroke: null },
    axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', titlePadding: 10, labelLimit: 300, titleLimit: 600, gridColor: '#e6e6e6' },
    legend: { labelFontSize: 12, titleFontSize: 12, labelLimit: 600, symbolSize: 140, orient: 'top', direction: 'horizontal', title: null, columnPadding: 24 },
    title: { fontSize: 15, anchor: 'start', fontWeight: 'bold', limit: 0 },
    text: { fontSize: 12 },
  } as const;
}

const WIDTH = 680;
const HEIGHT = 260;
const hourAxis = { title: 'Hour of day (local time) 时段', labelAngle: 0, labelExpr: "slice(datum.label, 0, 2)" } as const;
const pct = (digits = 0) => ({ format: `.${digits}%` });

/** The lower end of a percentage axis: low enough to show every value and the target, in steps of 10 points. */
function percentFloor(values: number[], target: number): number {
  const finite = values.filter((v) => Number.isFinite(v));
  const lo = Math.min(target, ...finite);
  return Math.max(0, Math.floor((lo - 0.02) * 10) / 10);
}

/** The charts of a run report, in page order. No vega is loaded here. */
export function runReportCharts(r: RunResult): ReportChart[] {
  const charts: ReportChart[] = [];
  const day = averageDay(r);
  const T = r.serviceLevelSeconds;
  if (day.length > 1) {
    const seriesA = ['Calls offered per hour 每小时呼入量', 'Agents on seat 在席坐席', 'Agents busy on calls 忙碌坐席'];
    charts.push({
      id: 'chart-average-day',
      title: 'Average day: calls offered and agents, by hour · 日均话务量与坐席',
      howToRead:
        'Bars are the calls offered per hour (left axis); the lines are the agents on seat and, of those, the agents busy talking or ' +
        'finishing a call (right axis), averaged over the simulated days. The gap between the lines is idle capacity; where it closes, callers wait or hang up.',
      spec: {
        width: WIDTH,
        height: HEIGHT,
        data: {
          values: day.map((p) => ({ hour: p.hour, calls: p.callsPerHour, agents: p.agents, busy: Number.isNaN(p.occupancy) ? null : p.agents * p.occupancy })),
        },
        encoding: { x: { field: 'hour', type: 'ordinal', axis: hourAxis } },
        layer: [
          {
            mark: { type: 'bar', width: { band: 0.8 } },
            encoding: {
              y: { field: 'calls', type: 'quantitative', axis: { title: 'Calls offered per hour (calls/h) 呼入量', titleColor: '#3182bd', format: ',.0f' } },
              color: { datum: seriesA[0], scale: { domain: seriesA, range: [COLORS.calls, COLORS.agents, COLORS.busy] } },
            },
          },
          {
            layer: [
              {
                mark: { type: 'line', point: true, strokeWidth: 2.5 },
                encoding: {
                  y: { field: 'agents', type: 'quantitative', scale: { zero: true }, axis: { title: 'Agents (agents) 坐席数', titleColor: COLORS.agents, orient: 'right' } },
                  color: { datum: seriesA[1] },
                },
              },
              {
                mark: { type: 'line', point: true, strokeWidth: 2.5 },
                encoding: { y: { field: 'busy', type: 'quantitative' }, color: { datum: seriesA[2] } },
              },
            ],
          },
        ],
        resolve: { scale: { y: 'independent' } },
        config: chartConfig(),
      } as TopLevelSpec,
    });
    const rates = day.flatMap((p) => [p.connectionRate, p.serviceLevel]);
    const lo = percentFloor(rates, GBT33358.connectionRate);
    const series = [`Connection rate 接通率`, `Service level 服务水平 (answered within ${T} s)`];
    charts.push({
      id: 'chart-rates-by-hour',
      title: `Connection rate and service level by hour of day · 分时段接通率与${T}秒服务水平`,
      howToRead:
        `GB/T 33358-2016 asks for a connection rate of at least 95% over 24 h (dashed line) and for calls to be answered within ${GBT33358.answerSeconds} s; ` +
        `the orange line is the share of callers answered within ${T} s. Hours below the dashed line are where the hotline falls short.`,
      spec: {
        width: WIDTH,
        height: HEIGHT,
        layer: [
          {
            data: {
              values: day.flatMap((p) => [
                { hour: p.hour, series: series[0], value: p.connectionRate },
                { hour: p.hour, series: series[1], value: p.serviceLevel },
              ]),
            },
            mark: { type: 'line', point: true, strokeWidth: 2.5 },
            encoding: {
              x: { field: 'hour', type: 'ordinal', axis: hourAxis },
              y: {
                field: 'value',
                type: 'quantitative',
                scale: { domain: [lo, 1], nice: false, clamp: true },
                axis: { title: 'Share of calls (%) 比例', ...pct() },
              },
              color: { field: 'series', type: 'nominal', scale: { domain: series, range: [COLORS.connection, COLORS.serviceLevel] }, sort: series },
            },
          },
          ...targetRule(GBT33358.connectionRate, ['GB/T 33358', 'target ≥ 95%', '国标目标']),
        ],
        config: chartConfig(),
      } as TopLevelSpec,
    });
  }
  const trend = connectionTrend(r);
  if (trend) charts.push(trend);
  if (day.length > 1) {
    charts.push({
      id: 'chart-occupancy-by-hour',
      title: 'Agent occupancy by hour of day · 分时段坐席占用率',
      howToRead:
        'Occupancy is the share of on-seat time spent talking or on after-call work. The shaded band is the common industry range of 75–85%; ' +
        'well below it agents sit idle, above 90% they burn out and callers start to wait.',
      spec: {
        width: WIDTH,
        height: HEIGHT,
        layer: [
          {
            data: { values: [{ lo: OCCUPANCY_RANGE[0], hi: OCCUPANCY_RANGE[1] }] },
            mark: { type: 'rect', color: COLORS.target, opacity: 0.15 },
            encoding: { y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } },
          },
          {
            data: { values: [{ y: (OCCUPANCY_RANGE[0] + OCCUPANCY_RANGE[1]) / 2, label: ['common range', '75–85%', '常见区间'] }] },
            mark: { type: 'text', align: 'left', baseline: 'middle', x: WIDTH + 8, color: '#2b7a2b', fontSize: 12, lineHeight: 15 },
            encoding: { y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } },
          },
          {
            data: { values: day.map((p) => ({ hour: p.hour, occupancy: p.occupancy })) },
            mark: { type: 'bar', color: COLORS.occupancy, width: { band: 0.8 } },
            encoding: {
              x: { field: 'hour', type: 'ordinal', axis: hourAxis },
              y: { field: 'occupancy', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: 'Occupancy (%) 占用率', ...pct() } },
            },
          },
        ],
        config: chartConfig(),
      } as TopLevelSpec,
    });
  }
  return charts;
}

/** A dashed horizontal line at a target, labelled outside the plot on the right (never over the data). */
function targetRule(y: number, label: string[]) {
  return [
    {
      data: { values: [{ y, label }] },
      mark: { type: 'rule', color: COLORS.target, strokeDash: [6, 4], strokeWidth: 2 },
      encoding: { y: { field: 'y', type: 'quantitative' } },
    },
    {
      data: { values: [{ y, label }] },
      mark: { type: 'text', align: 'left', baseline: 'middle', x: WIDTH + 8, color: '#2b7a2b', fontSize: 12, lineHeight: 15 },
      encoding: { y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } },
    },
  ];
}

interface TrendPoint {
  period: string;
  mean: number;
  lo: number | null;
  hi: number | null;
}

/**
 * Connection rate by day, or by calendar month for long horizons. Months carry exact CIs over
 * replications. Days are summed from the half-hour intervals: the mean is answered / offered, and
 * the band adds up the intervals' half-widths weighted by their calls — an upper bound on the
 * day's CI half-width (a standard deviation of a sum is at most the sum of the standard deviations).
 */
export function connectionTrendPoints(r: RunResult): { by: 'day' | 'month'; points: TrendPoint[] } | null {
  if (!(r.horizon.days > TREND_MIN_DAYS)) return null;
  if (r.horizon.days > MONTHLY_AFTER_DAYS && r.months.length > 1) {
    return {
      by: 'month',
      points: r.months.map((m) => {
        const e = m.metrics.connectionRate;
        return { period: m.month, mean: e.mean, lo: e.ciLow, hi: e.ciHigh };
      }),
    };
  }
  if (!r.intervals.length) return null;
  const days = new Map<string, { offered: number; answered: number; half: number; withCi: boolean }>();
  for (const row of r.intervals) {
    const d = row.start.slice(0, 10);
    const a = days.get(d) ?? { offered: 0, answered: 0, half: 0, withCi: true };
    const offered = row.metrics.offered.mean;
    const c = row.metrics.connectionRate;
    a.offered += offered;
    a.answered += row.metrics.answered.mean;
    if (offered > 0 && !Number.isNaN(c.mean)) {
      if (c.ciLow === null || c.ciHigh === null) a.withCi = false;
      else a.half += offered * Math.max(c.mean - c.ciLow, c.ciHigh - c.mean);
    }
    days.set(d, a);
  }
  const points = [...days.entries()].map(([period, a]) => {
    const mean = a.offered > 0 ? a.answered / a.offered : NaN;
    const half = a.offered > 0 && a.withCi && r.replications > 1 ? a.half / a.offered : null;
    return {
      period,
      mean,
      lo: half === null ? null : Math.max(0, mean - half),
      hi: half === null ? null : Math.min(1, mean + half),
    };
  });
  return { by: 'day', points };
}

function connectionTrend(r: RunResult): ReportChart | null {
  const t = connectionTrendPoints(r);
  if (!t || t.points.length < 2) return null;
  const monthly = t.by === 'month';
  const withBand = t.points.some((p) => p.lo !== null);
  const lo = percentFloor(
    t.points.flatMap((p) => [p.mean, p.lo ?? p.mean]),
    GBT33358.connectionRate,
  );
  const values = t.points.map((p) => ({ period: p.period, mean: p.mean, lo: p.lo ?? p.mean, hi: p.hi ?? p.mean }));
  const x = monthly
    ? { field: 'period', type: 'ordinal', axis: { title: 'Month 月份', labelAngle: 0 } }
    : { field: 'period', type: 'temporal', timeUnit: 'utcyearmonthdate', axis: { title: 'Day 日期', format: '%m-%d', labelAngle: 0, tickCount: Math.min(values.length, 16) } };
  const meanLabel = 'Connection rate 接通率 (mean)';
  const bandLabel = monthly ? '95% confidence interval 置信区间' : '95% confidence band (drawn wide) 置信区间';
  return {
    id: monthly ? 'chart-connection-by-month' : 'chart-connection-by-day',
    title: monthly ? 'Connection rate by month · 月度接通率' : 'Connection rate by day · 每日接通率',
    howToRead:
      (monthly
        ? 'Each point is one calendar month; '
        : 'Each point is one day (all hours); ') +
      (withBand
        ? `the shaded band is where the true value lies with 95% confidence given ${r.replications} replications${monthly ? '' : ' (drawn on the wide side)'}. `
        : 'one replication gives no confidence band (run 10 or more). ') +
      'Periods under the dashed 95% line miss the GB/T 33358 target.',
    spec: {
      width: WIDTH,
      height: HEIGHT,
      data: { values },
      layer: [
        ...(withBand
          ? [
              {
                mark: { type: 'area', opacity: 0.6 },
                encoding: {
                  x,
                  y: { field: 'lo', type: 'quantitative', scale: { domain: [lo, 1], nice: false, clamp: true } },
                  y2: { field: 'hi' },
                  color: { datum: bandLabel, legend: { symbolOpacity: 1 } },
                },
              },
            ]
          : []),
        {
          mark: { type: 'line', point: true, strokeWidth: 2.5 },
          encoding: {
            x,
            y: {
              field: 'mean',
              type: 'quantitative',
              scale: { domain: [lo, 1], nice: false, clamp: true },
              axis: { title: 'Connection rate (%) 接通率', ...pct(1) },
            },
            color: {
              datum: meanLabel,
              scale: { domain: [meanLabel, bandLabel], range: [COLORS.connection, '#c6dbef'] },
              legend: { symbolOpacity: 1 },
            },
          },
        },
        ...targetRule(GBT33358.connectionRate, ['GB/T 33358', 'target ≥ 95%', '国标目标']),
      ],
      config: chartConfig(),
    } as TopLevelSpec,
  };
}

type VegaModules = [typeof import('vega-lite'), typeof import('vega')];
let modules: Promise<VegaModules> | undefined;

/** vega-lite and vega, loaded on first use only. */
function loadVega(): Promise<VegaModules> {
  modules ??= Promise.all([import('vega-lite'), import('vega')]);
  return modules;
}

/** Renders a Vega-Lite spec to SVG, headless (no canvas, no network), with stable element ids. */
export async function renderSvg(spec: TopLevelSpec, idPrefix: string): Promise<string> {
  const [vl, vega] = await loadVega();
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: noNetworkLoader(vega) });
  try {
    const svg = await view.toSVG();
    return stableIds(svg, idPrefix);
  } finally {
    view.finalize();
  }
}

/** A loader that refuses every URL: report charts carry their data inline. */
function noNetworkLoader(vega: typeof import('vega')) {
  const loader = vega.loader();
  loader.load = async (uri: string) => {
    throw new Error(`report charts load no data from outside (asked for ${uri})`);
  };
  return loader;
}

/**
 * vega numbers clip paths and gradients from a process-wide counter ("clip1", "gradient_0"), so the
 * same chart would get other ids on a second render, and two charts inlined in one page could clash.
 * Renames every id to `<prefix>-<n>` in order of first appearance, references included.
 */
export function stableIds(svg: string, prefix: string): string {
  const map = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) if (!map.has(m[1])) map.set(m[1], `${prefix}-${map.size + 1}`);
  if (!map.size) return svg;
  return svg.replace(/\bid="([^"]+)"|url\(#([^)]+)\)|href="#([^"]+)"/g, (all, id?: string, url?: string, href?: string) => {
    if (id !== undefined) return map.has(id) ? `id="${map.get(id)}"` : all;
    if (url !== undefined) return map.has(url) ? `url(#${map.get(url)})` : all;
    return href !== undefined && map.has(href) ? `href="#${map.get(href)}"` : all;
  });
}

/** Every chart of a run as SVG, keyed by chart id. */
export async function renderRunCharts(r: RunResult): Promise<{ chart: ReportChart; svg: string }[]> {
  const charts = runReportCharts(r);
  const out: { chart: ReportChart; svg: string }[] = [];
  for (const chart of charts) out.push({ chart, svg: await renderSvg(chart.spec, chart.id) });
  return out;
}
