// The four charts (Vega-Lite through vega-embed, bundled; no CDN). Expressions are evaluated by
// vega-interpreter, so the page needs no 'unsafe-eval'. Charts redraw shortly after the last
// change (the numbers above them redraw at once), each with PNG and SVG export.
import embed, { type Result } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { TopLevelSpec } from 'vega-lite';
import { answerDetails, type Answer, type Inputs } from './compute.ts';
import type { RunResult } from './engine.ts';
import { download, h } from './dom.ts';
import { t, type Lang } from './i18n.ts';

const views = new Map<string, Result>();
let timer: ReturnType<typeof setTimeout> | null = null;
let generation = 0;

/** When the charts last finished drawing (for the tests and the bench). */
export const chartStatus = { drawn: 0, pending: false };

const FONT = 'system-ui, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const CONFIG = { font: FONT, axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom' }, view: { stroke: null } } as const;

export interface ChartSpec {
  id: string;
  title: string;
  spec: TopLevelSpec;
}

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The chart specs for an answer (plain data: tested without a browser). */
export function chartSpecs(a: Answer, lang: Lang, inputs: Inputs, sim: RunResult | null = null): ChartSpec[] {
  const L = (k: Parameters<typeof t>[1]) => t(lang, k);
  const zh = lang === 'zh';
  const target = inputs.form.target;
  const base = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', width: 'container', height: 220, config: CONFIG, autosize: { type: 'fit-x', contains: 'padding' } } as const;
  const people = zh ? '人数（在册）' : 'Head count (payroll)';
  const conn = zh ? '接通率' : 'Connection rate 接通率';
  const specs: ChartSpec[] = [];

  const { curve: allPoints, inversion: inv } = answerDetails(a);
  const curve = allPoints.filter((p) => Number.isFinite(p.kpis.connectionRate));
  if (curve.length >= 2) specs.push({
    id: 'connection',
    title: L('chartConn'),
    spec: {
      ...base,
      layer: [
        {
          data: { values: curve.map((p) => ({ headcount: p.headcount, connection: p.kpis.connectionRate })) },
          mark: { type: 'line', point: true, color: '#0b5fa5' },
          encoding: {
            x: { field: 'headcount', type: 'quantitative', title: people, scale: { zero: false } },
            y: { field: 'connection', type: 'quantitative', title: conn, axis: { format: '.0%' }, scale: { zero: false } },
            tooltip: [
              { field: 'headcount', type: 'quantitative', title: people },
              { field: 'connection', type: 'quantitative', title: conn, format: '.1%' },
            ],
          },
        },
        { data: { values: [{ y: target }] }, mark: { type: 'rule', color: '#b3261e', strokeDash: [4, 3] }, encoding: { y: { field: 'y', type: 'quantitative' } } },
        { data: { values: [{ x: a.headcount, y: a.kpis.connectionRate }] }, mark: { type: 'point', filled: true, size: 90, color: '#e07b00' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
        // after 模拟验证: the simulated mean with its 95% CI at the head count priced
        ...(sim?.totals.connectionRate.ciLow != null
          ? [
              {
                data: { values: [{ x: a.headcount, lo: sim.totals.connectionRate.ciLow, hi: sim.totals.connectionRate.ciHigh, mean: sim.totals.connectionRate.mean }] },
                layer: [
                  { mark: { type: 'rule', color: '#1f7a3a', strokeWidth: 3 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } },
                  { mark: { type: 'tick', color: '#1f7a3a', thickness: 2, orient: 'horizontal' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'mean', type: 'quantitative' }, tooltip: [{ field: 'mean', format: '.2%', title: zh ? '模拟均值' : 'simulated mean' }, { field: 'lo', format: '.2%', title: '95% CI' }, { field: 'hi', format: '.2%', title: '95% CI' }] } },
                ],
              },
            ]
          : []),
      ],
    } as TopLevelSpec,
  });

  const model = (m: 'inhouse' | 'outsourced') => (zh ? (m === 'inhouse' ? '自营' : '外包') : m === 'inhouse' ? 'In-house 自营' : 'Outsourced 外包');
  const costRows = curve.flatMap((p) => [
    { connection: p.kpis.connectionRate, yuan: p.inhouse, model: model('inhouse'), headcount: p.headcount },
    { connection: p.kpis.connectionRate, yuan: p.outsourced, model: model('outsourced'), headcount: p.headcount },
  ]);
  const perYear = a.budgetYuan !== null ? a.budgetYuan / a.study.years : null;
  const yuanTitle = zh ? '年度总成本（元）' : 'All-in cost per year, yuan';
  if (curve.length >= 2) specs.push({
    id: 'cost',
    title: L('chartCost'),
    spec: {
      ...base,
      layer: [
        {
          data: { values: costRows },
          mark: { type: 'line', point: true },
          encoding: {
            x: { field: 'connection', type: 'quantitative', title: conn, axis: { format: '.0%' }, scale: { zero: false } },
            y: { field: 'yuan', type: 'quantitative', title: yuanTitle, axis: { format: '~s' }, scale: { zero: false } },
            color: { field: 'model', type: 'nominal', title: null, scale: { range: ['#0b5fa5', '#1f7a3a'] } },
            tooltip: [
              { field: 'model', type: 'nominal', title: zh ? '模式' : 'Model' },
              { field: 'headcount', type: 'quantitative', title: people },
              { field: 'connection', type: 'quantitative', title: conn, format: '.1%' },
              { field: 'yuan', type: 'quantitative', title: yuanTitle, format: ',.0f' },
            ],
          },
        },
        ...(perYear !== null
          ? [
              { data: { values: [{ y: perYear, label: L('budgetLine') }] }, mark: { type: 'rule', color: '#b3261e', strokeDash: [4, 3] }, encoding: { y: { field: 'y', type: 'quantitative' } } },
              { data: { values: [{ y: perYear, label: L('budgetLine') }] }, mark: { type: 'text', align: 'left', dx: 4, dy: -6, color: '#b3261e', x: 0 }, encoding: { y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } } },
            ]
          : []),
      ],
    } as TopLevelSpec,
  });

  specs.push({
    id: 'day',
    title: L('chartDay'),
    spec: {
      ...base,
      data: { values: a.day.map((d) => ({ time: hhmm(d.minute), calls: d.callsPerHour, agents: d.agents })) },
      encoding: { x: { field: 'time', type: 'ordinal', title: L('timeOfDay'), axis: { labelAngle: 0, values: a.day.filter((d) => d.minute % 180 === 0).map((d) => hhmm(d.minute)) } } },
      layer: [
        { mark: { type: 'bar', color: '#9cc3e6' }, encoding: { y: { field: 'calls', type: 'quantitative', title: L('callsPerHour') }, tooltip: [{ field: 'time' }, { field: 'calls', format: '.0f', title: L('callsPerHour') }] } },
        { mark: { type: 'line', color: '#e07b00', strokeWidth: 2.5, interpolate: 'step-after' }, encoding: { y: { field: 'agents', type: 'quantitative', title: L('agents'), axis: { titleColor: '#e07b00' } }, tooltip: [{ field: 'time' }, { field: 'agents', format: '.1f', title: L('agents') }] } },
      ],
      resolve: { scale: { y: 'independent' } },
    } as TopLevelSpec,
  });

  if (inv) {
    const steps = inv.models.outsourced.waterfall;
    const rows = steps.map((s, i) => {
      const start = i === 0 ? 0 : s.running - s.heads;
      return { order: i, step: `${i + 1}. ${zh ? s.zh : s.en}`, start, end: s.running, labelAt: Math.max(start, s.running), heads: s.heads, kind: i === 0 ? 'naive' : s.heads < 0 ? 'down' : 'up' };
    });
    const full = inv.models.outsourced.fullCost.operators;
    rows.push({ order: rows.length, step: `${rows.length + 1}. ${zh ? '全成本人数（外包）' : 'full-cost head count (outsourced)'}`, start: 0, end: full, labelAt: full, heads: full, kind: 'total' });
    specs.push({
      id: 'waterfall',
      title: L('chartWaterfall'),
      spec: {
        ...base,
        height: rows.length * 22,
        data: { values: rows },
        encoding: { y: { field: 'step', type: 'ordinal', sort: { field: 'order' }, title: null, axis: { labelLimit: 320 } } },
        layer: [
          {
            mark: { type: 'bar' },
            encoding: {
              x: { field: 'start', type: 'quantitative', title: L('people') },
              x2: { field: 'end' },
              color: { field: 'kind', type: 'nominal', legend: null, scale: { domain: ['naive', 'down', 'up', 'total'], range: ['#7a8ca0', '#b3261e', '#1f7a3a', '#0b5fa5'] } },
              tooltip: [{ field: 'step', title: zh ? '步骤' : 'Step' }, { field: 'heads', format: '+.1f', title: L('people') }, { field: 'end', format: '.1f', title: zh ? '累计' : 'Running' }],
            },
          },
          { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { x: { field: 'labelAt', type: 'quantitative' }, text: { field: 'heads', format: '+.0f' } } },
        ],
      } as TopLevelSpec,
    });
  }
  return specs;
}

function frame(root: HTMLElement, c: ChartSpec, lang: Lang): HTMLElement {
  let box = root.querySelector<HTMLElement>(`#chart-${c.id}`);
  if (!box) {
    box = h('figure', { class: 'chart', id: `chart-${c.id}` }, h('figcaption', {}), h('div', { class: 'vega' }), h('div', { class: 'row exports' }));
    root.append(box);
  }
  box.querySelector('figcaption')!.textContent = c.title;
  const exports = box.querySelector<HTMLElement>('.exports')!;
  exports.replaceChildren(
    ...(['png', 'svg'] as const).map((fmt) => {
      const b = h('button', { type: 'button', class: 'small', 'data-export': fmt }, `${fmt.toUpperCase()}${lang === 'zh' ? ' 导出' : ' export'}`);
      b.addEventListener('click', async () => {
        const v = views.get(c.id);
        if (!v) return;
        const url = await v.view.toImageURL(fmt, fmt === 'png' ? 2 : 1);
        const blob = await (await fetch(url)).blob();
        download(`${c.id}.${fmt}`, blob);
      });
      return b;
    }),
  );
  return box.querySelector<HTMLElement>('.vega')!;
}

async function drawNow(root: HTMLElement, specs: ChartSpec[], lang: Lang, gen: number): Promise<void> {
  const ids = new Set(specs.map((c) => c.id));
  for (const [id, v] of views) {
    if (!ids.has(id)) {
      v.finalize();
      views.delete(id);
      root.querySelector(`#chart-${id}`)?.remove();
    }
  }
  for (const c of specs) {
    if (gen !== generation) return;
    const el = frame(root, c, lang);
    const result = await embed(el, c.spec, { actions: false, renderer: 'svg', ast: true, expr: expressionInterpreter, tooltip: true, downloadFileName: c.id });
    views.get(c.id)?.finalize();
    views.set(c.id, result);
  }
  if (gen === generation) {
    chartStatus.pending = false;
    chartStatus.drawn++;
    root.dispatchEvent(new CustomEvent('workbench:charts', { bubbles: true }));
  }
}

/** Draws the charts after the answer settles (the KPIs and the table above are already drawn). */
export function drawCharts(root: HTMLElement, a: Answer, lang: Lang, inputs: Inputs, sim: RunResult | null = null, delayMs = 150): void {
  const gen = ++generation;
  chartStatus.pending = true;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    drawNow(root, chartSpecs(a, lang, inputs, sim), lang, gen).catch((e) => {
      chartStatus.pending = false;
      root.append(h('p', { class: 'err' }, `chart: ${e instanceof Error ? e.message : String(e)}`));
    });
  }, delayMs);
}
