// The right-hand side: KPIs, staffing, cost in-house vs outsourced, the CLI line, the charts.
import type { Answer, Inputs } from './compute.ts';
import type { RunResult } from './engine.ts';
import { formatBig, formatPct, formatYuan, t, type Lang } from './i18n.ts';
import { download, h } from './dom.ts';
import { drawCharts } from './charts.ts';
import { renderAppendix } from './appendix.ts';
import { tableCsv } from './csv.ts';

function kpiCard(id: string, label: string, value: string, note?: string, flag?: string): HTMLElement {
  return h(
    'div',
    { class: `kpi${flag ? ' flagged' : ''}`, id: `kpi-${id}` },
    h('div', { class: 'label' }, label),
    h('div', { class: 'value' }, value),
    note ? h('div', { class: 'note' }, note) : null,
    flag ? h('div', { class: 'flag' }, flag) : null,
  );
}

/** The simulation of the page's current scenario, if any: running, done or failed. */
export interface SimView {
  running: boolean;
  done: number;
  total: number;
  result: RunResult | null;
  error: string | null;
  start(): void;
  cancel(): void;
}

/** Simulated KPI: mean with its 95% CI, and a flag where it differs from the analytic figure by more than a point. */
function simulated(result: RunResult | null, id: string, analytic: number, lang: Lang): { value: string; note: string; flag?: string } | null {
  const e = result?.totals[id];
  if (!e) return null;
  const ci = e.ciLow !== null && e.ciHigh !== null ? `95% CI ${formatPct(e.ciLow)}–${formatPct(e.ciHigh)}` : '';
  const diff = (e.mean - analytic) * 100;
  const note = `${ci} · ${lang === 'zh' ? '解析' : 'analytic'} ${formatPct(analytic)}`;
  return {
    value: formatPct(e.mean),
    note,
    flag: Math.abs(diff) > 1 ? (lang === 'zh' ? `⚑ 与解析值相差 ${Math.abs(diff).toFixed(1)} 个百分点` : `⚑ differs from the analytic figure by ${Math.abs(diff).toFixed(1)} points`) : undefined,
  };
}

let pendingAppendix: (() => void) | null = null;
let appendixTimer: ReturnType<typeof setTimeout> | null = null;

/** Renders the appendix of the last answer now, if it is still to come. */
export function fillAppendix(): void {
  const fill = pendingAppendix;
  pendingAppendix = null;
  fill?.();
}

if (typeof window !== 'undefined') window.addEventListener('beforeprint', fillAppendix);

/** A "CSV" button after every table in the answer (UTF-8 with BOM, for Excel). */
export function addCsvButtons(root: HTMLElement, lang: Lang): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table[id]')) {
    if (table.nextElementSibling?.classList.contains('csv')) continue;
    const b = h('button', { type: 'button', class: 'small csv', 'data-csv': table.id }, lang === 'zh' ? 'CSV 导出' : 'CSV export');
    b.addEventListener('click', () => download(`${table.id}.csv`, tableCsv(table), 'text/csv;charset=utf-8'));
    table.after(b);
  }
}

export function renderResults(root: HTMLElement, a: Answer, lang: Lang, inputs: Inputs, sim: SimView): void {
  const L = (k: Parameters<typeof t>[1], v?: Record<string, string | number>) => t(lang, k, v);
  const k = a.kpis;
  const target = inputs.form.target;
  const out = a.study.at.budgets.outsourced.budget;
  const inh = a.study.at.budgets.inhouse.budget;
  const years = a.study.years;
  const price = a.budgetYuan;
  const priceLabel =
    price === null
      ? null
      : a.budgetSource === 'citedContract'
        ? `${formatYuan(lang, price)} (${a.study.at.citedContract?.source ?? ''})`
        : formatYuan(lang, price);

  const r = sim.result;
  const card = (id: string, label: string, metric: string, analytic: number, extra?: (x: number) => string) => {
    const s = simulated(r, metric, analytic, lang);
    if (!s) return kpiCard(id, label, formatPct(analytic), extra?.(analytic));
    return kpiCard(id, label, s.value, [extra?.(r!.totals[metric].mean), s.note].filter(Boolean).join(' · '), s.flag);
  };
  const verdict = (x: number) => `${x >= target - 1e-12 ? '≥' : '<'} ${formatPct(target, 1)} ${x >= target - 1e-12 ? '✓' : '✗'}`;
  const badge = r
    ? h('div', { class: 'badge confirmed', id: 'analytic-badge' }, lang === 'zh' ? `模拟验证：${r.replications} 次重复，种子 ${r.seed}，均值与 95% 置信区间` : `Simulated: ${r.replications} replications, seed ${r.seed}, means with 95% CIs`)
    : h('div', { class: 'badge', id: 'analytic-badge' }, L('analytic'));
  const simBar = h(
    'div',
    { class: 'row sim', id: 'sim' },
    h('button', { type: 'button', id: 'simulate', disabled: sim.running }, lang === 'zh' ? '模拟验证' : 'Simulate to confirm 模拟验证'),
    sim.running ? h('progress', { id: 'sim-progress', max: sim.total, value: sim.done }) : null,
    sim.running ? h('span', { class: 'note' }, `${sim.done} / ${sim.total}`) : null,
    sim.running ? h('button', { type: 'button', id: 'sim-cancel' }, lang === 'zh' ? '取消' : 'Cancel') : null,
    sim.error ? h('span', { class: 'err', id: 'sim-error' }, sim.error) : null,
  );
  simBar.querySelector('#simulate')!.addEventListener('click', () => sim.start());
  simBar.querySelector('#sim-cancel')?.addEventListener('click', () => sim.cancel());
  const kpis = h(
    'section',
    { class: 'card', id: 'answer' },
    h('div', { class: 'row' }, badge, simBar),
    h('h2', {}, a.scenario.name),
    !r && (a.scenario.outbound || a.scenario.online) ? h('p', { class: 'note', id: 'analytic-scope' }, L('analyticScope')) : null,
    h(
      'div',
      { class: 'kpis' },
      card('connection', L('connectionRate'), 'connectionRate', k.connectionRate, verdict),
      card('abandon', L('abandonRate'), 'abandonmentRate', k.abandonRate),
      card('sl', L('serviceLevel'), 'serviceLevel', k.serviceLevel),
      card('occupancy', L('occupancy'), 'occupancy', k.occupancy),
    ),
    h(
      'div',
      { class: 'kpis' },
      kpiCard('headcount', L('atHeadcount'), `${a.headcount.toLocaleString()} ${L('people')}`, `${a.phonePeople.toFixed(0)} ${lang === 'zh' ? '人接听电话' : 'on the phones'}`),
      kpiCard('target-headcount', L('headcountFor'), a.forTarget ? `${a.forTarget.headcount.toLocaleString()} ${L('people')}` : '—', `${L('connectionRate')} ≥ ${formatPct(target, 1)}`),
      kpiCard('onseat', L('onSeat'), a.onSeat.toFixed(1), `× ${a.peoplePerSeat} ${lang === 'zh' ? '人/坐席' : 'people per seat'}`),
      kpiCard('busiest', L('busiest'), a.forTarget ? String(a.forTarget.busiest.agents) : '—', a.forTarget ? `${a.forTarget.busiest.callsPerHour.toFixed(0)} ${lang === 'zh' ? '通/小时' : 'calls/h'}` : undefined),
    ),
  );

  const row = (id: string, label: string, o: string, i: string) => h('tr', { id: `row-${id}` }, h('th', { scope: 'row' }, label), h('td', {}, o), h('td', {}, i));
  const aff = a.affordable ? row('affordable', `${L('affordable')}`, formatYuan(lang, a.affordable.outsourced), formatYuan(lang, a.affordable.inhouse)) : null;
  const costTable = h(
    'table',
    { class: 'cost', id: 'cost-table' },
    h('thead', {}, h('tr', {}, h('th', {}, L('item')), h('th', {}, L('outsourced')), h('th', {}, L('inhouse')))),
    h(
      'tbody',
      {},
      row('annual', L('annual'), formatYuan(lang, out.total), formatYuan(lang, inh.total)),
      row('term', `${L('wholeTerm')} (${years} ${lang === 'en' && years === 1 ? 'year' : L('yearsUnit')})`, formatYuan(lang, out.total * years), formatYuan(lang, inh.total * years)),
      row('price', L('contractPrice'), formatYuan(lang, out.contractPrice ?? Number.NaN), '—'),
      row('perperson', L('perPersonMonth'), formatYuan(lang, out.costPerOperatorMonth), formatYuan(lang, inh.costPerOperatorMonth)),
      aff,
    ),
  );
  const cost = h(
    'section',
    { class: 'card' },
    h('h3', {}, L('cost')),
    costTable,
    h('p', { class: 'note' }, priceLabel ? `${L('budgetLine')}: ${formatYuan(lang, (price ?? 0) / years)} · ${L('term')}: ${formatBig(lang, price ?? 0)}` : L('noPrice')),
    a.study.warnings.length ? h('ul', { class: 'warnings', id: 'study-warnings' }, ...a.study.warnings.slice(0, 4).map((w) => h('li', {}, w))) : null,
    h('p', { class: 'cli' }, h('span', {}, `${L('cli')}: `), h('code', { id: 'cli-line' }, a.cli)),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', id: 'download-yaml' }, L('downloadYaml')),
      h('button', { type: 'button', id: 'print-appendix' }, lang === 'zh' ? '打印招标测算附件' : 'Print the tender appendix 招标测算附件'),
    ),
  );
  cost.querySelector('#print-appendix')!.addEventListener('click', () => {
    fillAppendix();
    window.print();
  });
  cost.querySelector('#download-yaml')!.addEventListener('click', () => download(`${inputs.source === 'new' ? 'new-hotline' : inputs.source}.yaml`, a.text, 'text/yaml;charset=utf-8'));

  // the charts' section is kept between answers: its views are updated, not rebuilt
  const charts = root.querySelector<HTMLElement>('#charts') ?? h('section', { class: 'card charts', id: 'charts' }, h('h3', {}, L('charts')), h('div', { class: 'chart-grid' }));
  charts.querySelector('h3')!.textContent = L('charts');
  const method = h('section', { class: 'card method' }, h('p', {}, L('method')));
  // on screen a preview that opens on demand; printing shows it alone, open or not
  const wasOpen = root.querySelector('#appendix-preview')?.classList.contains('open') ?? false;
  const toggle = h('button', { type: 'button', class: 'link', id: 'appendix-toggle', 'aria-expanded': String(wasOpen) }, lang === 'zh' ? '招标测算附件（预览，打印时单独成页）' : 'Tender appendix 招标测算附件 (preview; printed on its own)');
  const appendix = h('section', { class: `card appendix-preview${wasOpen ? ' open' : ''}`, id: 'appendix-preview' }, toggle);
  // the appendix (a YAML parse for its sources, fifty rows) follows the answer, like the charts;
  // printing fills it at once
  pendingAppendix = () => {
    appendix.append(renderAppendix(a, lang, inputs, sim.result));
    addCsvButtons(appendix, lang);
  };
  if (appendixTimer) clearTimeout(appendixTimer);
  appendixTimer = setTimeout(fillAppendix, 120);
  toggle.addEventListener('click', () => {
    const open = appendix.classList.toggle('open');
    toggle.setAttribute('aria-expanded', String(open));
  });
  root.replaceChildren(kpis, cost, charts, method, appendix);
  addCsvButtons(root, lang);
  drawCharts(charts.querySelector<HTMLElement>('.chart-grid')!, a, lang, inputs, sim.result);
}
