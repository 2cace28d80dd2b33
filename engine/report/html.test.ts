import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../experiment/studies/run.ts';
import { loadScenario } from '../scenario/load.ts';
import { connectionTrendPoints, runReportCharts, stableIds } from './charts.ts';
import { formatCi, formatValue } from './format.ts';
import { escapeHtml, runReportFiles, runReportHtml } from './html.ts';

const SCENARIO = new URL('../../scenarios/liaocheng-2024.yaml', import.meta.url).pathname;

describe('HTML run report', () => {
  let r: RunResult;
  let page: { html: string; svgs: Record<string, string> };

  beforeAll(async () => {
    // Four days (the by-day chart appears after three), three replications: well under a second.
    r = runScenario(loadScenario(SCENARIO, { horizonHours: 96, replications: 3 }));
    page = await runReportHtml(r);
  });

  it('has the KPI table with English and Chinese names, means and CIs as the text report formats them', () => {
    const { html } = page;
    for (const zh of ['接通率', '呼损率', '15秒服务水平', '坐席占用率']) expect(html).toContain(`<td lang="zh-CN">${zh}</td>`);
    for (const m of r.metrics) {
      const row = html.match(new RegExp(`<tr[^>]*data-metric="${m.id}">(.*?)</tr>`))?.[1];
      expect(row, m.id).toBeDefined();
      expect(row).toContain(`<td>${escapeHtml(m.name)}</td>`);
      expect(row).toContain(`<td lang="zh-CN">${m.zh}</td>`);
      expect(row).toContain(`<td class="num">${escapeHtml(formatValue(r.totals[m.id].mean, m.unit))}</td>`);
      expect(row).toContain(`<td class="num">${escapeHtml(formatCi(r.totals[m.id], m.unit))}</td>`);
    }
  });

  it('shows the connection rate of the result, in the table and in the summary', () => {
    const shown = formatValue(r.totals.connectionRate.mean, 'ratio');
    const row = page.html.match(/<tr[^>]*data-metric="connectionRate">(.*?)<\/tr>/)![1];
    expect(row.match(/<td class="num">([^<]*)<\/td>/)![1]).toBe(shown);
    expect(page.html).toContain(`Connection rate 接通率: <strong>${shown}</strong>`);
    expect(page.html).toContain(`seed ${r.seed}`);
    expect(page.html).toContain(`${r.replications} independent runs`);
    expect(page.html).toContain('T = 15 s');
  });

  it('embeds every chart as inline SVG and writes each as a file too', async () => {
    const charts = runReportCharts(r);
    expect(charts.map((c) => c.id)).toEqual(['chart-average-day', 'chart-rates-by-hour', 'chart-connection-by-day', 'chart-occupancy-by-hour']);
    for (const c of charts) {
      const svg = page.svgs[`${c.id}.svg`];
      expect(svg).toMatch(/^<svg [^>]*viewBox/);
      expect(page.html).toContain(`<figure id="${c.id}">`);
      expect(page.html).toContain(svg.trim());
      expect(page.html).toContain(escapeHtml(c.howToRead));
    }
    expect(page.html.match(/<svg /g)).toHaveLength(charts.length);
    // Axis titles carry units; the GB/T 33358 target line is drawn.
    expect(page.svgs['chart-average-day.svg']).toContain('Calls offered per hour (calls/h)');
    expect(page.svgs['chart-rates-by-hour.svg']).toContain('GB/T 33358 target');
    const files = await runReportFiles(r);
    expect(Object.keys(files).sort()).toEqual(['report.html', ...charts.map((c) => `${c.id}.svg`)].sort());
  });

  it('is self-contained: no scripts, nothing loaded from the network', () => {
    expect(page.html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|href="(?!#)|url\((?!#)|@import/i);
  });

  it('gives byte-identical HTML and SVG for the same result, with ids unique on the page', async () => {
    const again = await runReportHtml(structuredClone(r));
    expect(again.html).toBe(page.html);
    expect(again.svgs).toEqual(page.svgs);
    const ids = [...page.html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(page.html).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/); // no timestamps
  });

  it('charts by month with the months\' CIs for long horizons, by day otherwise', () => {
    const byDay = connectionTrendPoints(r)!;
    expect(byDay.by).toBe('day');
    // the four days from the scenario's own start date
    const days = [0, 1, 2, 3].map((d) => new Date(Date.parse(`${r.horizon.start.slice(0, 10)}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10));
    expect(byDay.points.map((p) => p.period)).toEqual(days);
    const day1 = r.intervals.filter((row) => row.start.startsWith(days[0]));
    const offered = day1.reduce((s, row) => s + row.metrics.offered.mean, 0);
    const answered = day1.reduce((s, row) => s + row.metrics.answered.mean, 0);
    expect(byDay.points[0].mean).toBeCloseTo(answered / offered, 12);
    expect(byDay.points[0].lo!).toBeLessThanOrEqual(byDay.points[0].mean);
    const month = r.months[0];
    const long = { ...r, horizon: { ...r.horizon, days: 100 }, months: [month, { ...month, month: `${month.month}-next` }] };
    const byMonth = connectionTrendPoints(long)!;
    expect(byMonth.by).toBe('month');
    expect(byMonth.points[0]).toEqual({ period: month.month, mean: month.metrics.connectionRate.mean, lo: month.metrics.connectionRate.ciLow, hi: month.metrics.connectionRate.ciHigh });
    expect(connectionTrendPoints({ ...r, horizon: { ...r.horizon, days: 2 } })).toBeNull();
  });

  it('renames vega\'s process-wide clip and gradient ids to stable ones', () => {
    const svg = '<svg><defs><clipPath id="clip7"><rect/></clipPath><linearGradient id="gradient_3"/></defs><g clip-path="url(#clip7)" fill="url(#gradient_3)"/><use href="#clip7"/></svg>';
    expect(stableIds(svg, 'c')).toBe(
      '<svg><defs><clipPath id="c-1"><rect/></clipPath><linearGradient id="c-2"/></defs><g clip-path="url(#c-1)" fill="url(#c-2)"/><use href="#c-1"/></svg>',
    );
  });

  it('loads vega and vega-lite only when a report is drawn (no static imports)', () => {
    for (const f of ['./charts.ts', './html.ts', './index.ts', '../../cli/commands/run.ts']) {
      const src = readFileSync(new URL(f, import.meta.url), 'utf8');
      expect(src, f).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+'vega(-lite)?'/m);
    }
  });
});
