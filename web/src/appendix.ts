// 招标测算附件, the tender appendix: what the page prints (the print stylesheet shows this section
// alone, on A4). The question, the inputs with their sources (which are assumptions), the method,
// the KPIs with CIs, the head count, the cost lines in-house vs outsourced, seed and version.
import type { Answer, Inputs } from './compute.ts';
import { REGIONS, type RunResult } from './engine.ts';
import { h } from './dom.ts';
import { formatPct, formatYuan, MORE_LABELS, t, type Lang } from './i18n.ts';
import { moreInputs } from './scenarioText.ts';

declare const __VERSION__: string;

export const APPENDIX_HEADINGS = {
  zh: ['招标测算附件', '一、测算问题', '二、输入及来源', '三、测算方法', '四、服务指标', '五、人员配置', '六、成本明细（自营与外包）', '七、可复现信息'],
  en: ['Tender appendix 招标测算附件', '1. The question 测算问题', '2. Inputs and their sources 输入及来源', '3. Method 测算方法', '4. Service KPIs 服务指标', '5. Staffing 人员配置', '6. Cost lines, in-house vs outsourced 成本明细', '7. To reproduce 可复现信息'],
} as const;

/**
 * What kind of figure a source comment says it is: CALIBRATED when the comment names this field's
 * fit, else the first of CITED / ASSUMPTION it opens with (the convention of scenarios/*.yaml).
 */
export function provenance(source: string, path: string): 'cited' | 'assumption' | 'calibrated' | 'input' | 'unsourced' {
  if (source.includes(`CALIBRATED: ${path} =`)) return 'calibrated';
  const first = /\b(CITED|ASSUMPTION|CALIBRATED)\b|SOURCES\.md|GB\/T/.exec(source);
  if (!first) return source ? 'assumption' : 'unsourced';
  return first[1] === 'ASSUMPTION' ? 'assumption' : first[1] === 'CALIBRATED' ? 'assumption' : 'cited';
}

const KIND = {
  zh: { cited: '引用', assumption: '假设', calibrated: '校准', input: '测算人输入', unsourced: '无来源（假设）' },
  en: { cited: 'cited', assumption: 'assumption', calibrated: 'calibrated', input: "planner's input", unsourced: 'no source (assumption)' },
} as const;

function table(id: string, head: string[], rows: (string | number)[][], numeric: number[] = []): HTMLTableElement {
  return h(
    'table',
    { class: 'cost appendix-table', id },
    h('thead', {}, h('tr', {}, ...head.map((c) => h('th', {}, c)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => h('td', numeric.includes(i) && typeof c === 'number' ? { 'data-value': c } : {}, typeof c === 'number' ? String(c) : c))))),
  );
}

export function renderAppendix(a: Answer, lang: Lang, inputs: Inputs, sim: RunResult | null): HTMLElement {
  const zh = lang === 'zh';
  const H = APPENDIX_HEADINGS[lang];
  const f = inputs.form;
  const k = a.kpis;
  const years = a.study.years;
  const out = a.study.at.budgets.outsourced.budget;
  const inh = a.study.at.budgets.inhouse.budget;
  const place = f.city || f.province || a.scenario.name;
  const question = zh
    ? `${place}：全年受理 ${f.requests.toLocaleString('zh-CN')} 件${f.callsPer === 'day' ? '（每天）' : ''}，其中电话 ${formatPct(f.phoneShare)}；为使每月接通率不低于 ${formatPct(f.target)}，需要多少人员？${years} 年合同期的预算，自营与外包各多少？`
    : `${place}: ${f.requests.toLocaleString('en-US')} requests a ${f.callsPer}, ${formatPct(f.phoneShare)} by phone. How many people does a connection rate (接通率) of at least ${formatPct(f.target)} in every month take, and what does it cost over a ${years}-year term, in-house and outsourced?`;

  const inputRows: string[][] = [
    [t(lang, 'requests'), `${f.requests.toLocaleString()} ${f.callsPer === 'year' ? t(lang, 'perYear') : t(lang, 'perDay')}`, KIND[lang].input],
    [t(lang, 'phoneShare'), (f.phoneShare * 100).toFixed(2), KIND[lang].input],
    [t(lang, 'headcount'), f.headcount === null ? `${a.headcount} (${t(lang, 'findIt')})` : String(f.headcount), KIND[lang].input],
    [t(lang, 'wage'), formatYuan(lang, f.monthlyWage), KIND[lang].input],
    [t(lang, 'province'), f.province ? (zh ? `${REGIONS[f.province as keyof typeof REGIONS]?.zh ?? f.province}` : f.province) : t(lang, 'national'), KIND[lang].input],
    ...(f.city ? [[t(lang, 'city'), f.city, KIND[lang].input]] : []),
    [t(lang, 'years'), String(years), KIND[lang].input],
    [t(lang, 'target'), (f.target * 100).toFixed(1), KIND[lang].input],
    ...moreInputs(a.text).map((m) => {
      const kind = provenance(m.source, m.path.join('.'));
      return [MORE_LABELS[m.key][lang], String(m.value), `${KIND[lang][kind]}${m.source ? `: ${m.source.length > 220 ? `${m.source.slice(0, 217)}…` : m.source}` : ''}`];
    }),
  ];

  const kpiRow = (label: string, id: string, analytic: number) => {
    const e = sim?.totals[id];
    return [label, formatPct(analytic), e ? formatPct(e.mean) : '—', e && e.ciLow !== null && e.ciHigh !== null ? `${formatPct(e.ciLow)}–${formatPct(e.ciHigh)}` : '—'];
  };
  const kpiRows = [
    kpiRow(t(lang, 'connectionRate'), 'connectionRate', k.connectionRate),
    kpiRow(t(lang, 'abandonRate'), 'abandonmentRate', k.abandonRate),
    kpiRow(t(lang, 'serviceLevel'), 'serviceLevel', k.serviceLevel),
    kpiRow(t(lang, 'occupancy'), 'occupancy', k.occupancy),
  ];

  // cost lines: every line item of either model, side by side
  const items = new Map<string, { name: string; out: number; inh: number }>();
  for (const [model, b] of [['out', out], ['inh', inh]] as const) {
    for (const l of b.lines) {
      const key = `${l.item}|${l.zh}`;
      const row = items.get(key) ?? { name: zh ? l.zh : `${l.item} ${l.zh}`, out: 0, inh: 0 };
      row[model] += l.yuan;
      items.set(key, row);
    }
  }
  // lines that are zero in both models are left out (the CSV of the CLI's --out has them all)
  const costRows: (string | number)[][] = [...items.values()].filter((r) => Math.abs(r.out) + Math.abs(r.inh) >= 0.5).map((r) => [r.name, formatYuan(lang, r.out), formatYuan(lang, r.inh)]);
  costRows.push([t(lang, 'annual'), formatYuan(lang, out.total), formatYuan(lang, inh.total)]);
  costRows.push([`${t(lang, 'wholeTerm')} (${years} ${zh ? '年' : years === 1 ? 'year' : 'years'})`, formatYuan(lang, out.total * years), formatYuan(lang, inh.total * years)]);
  if (out.contractPrice !== null) costRows.push([t(lang, 'contractPrice'), formatYuan(lang, out.contractPrice), '—']);

  const seed = String(sim?.seed ?? a.scenario.seed);
  const reps = sim?.replications ?? a.scenario.replications;
  const today = new Date().toISOString().slice(0, 10);
  return h(
    'section',
    { id: 'appendix', class: 'appendix', lang: zh ? 'zh-CN' : 'en' },
    h('h1', {}, H[0]),
    h('p', { class: 'meta' }, `${a.scenario.name} · ${today} · hotline-sim v${__VERSION__}`),
    h('h2', {}, H[1]),
    h('p', {}, question),
    h('h2', {}, H[2]),
    table('appendix-inputs', zh ? ['输入', '取值', '来源（引用 / 假设 / 校准）'] : ['Input', 'Value', 'Source (cited / assumption / calibrated)'], inputRows),
    h('h2', {}, H[3]),
    h('p', {}, t(lang, 'method')),
    h(
      'p',
      {},
      sim
        ? zh
          ? `模拟验证：离散事件模拟 ${reps} 次重复（种子 ${seed}），含回访外呼与网络渠道；表中给出均值及 95% 置信区间。`
          : `Confirmed by discrete-event simulation: ${reps} replications (seed ${seed}) with return visits and online channels; means with 95% confidence intervals.`
        : zh
          ? '未做模拟验证：下列服务指标为解析估算（不含回访外呼与网络渠道占用的坐席时间）。'
          : 'Not yet confirmed by simulation: the KPIs below are analytic (without the agent time of return visits and online channels).',
    ),
    h('h2', {}, H[4]),
    table('appendix-kpis', zh ? ['指标', '解析估算', '模拟均值', '95% 置信区间'] : ['KPI', 'Analytic', 'Simulated mean', '95% CI'], kpiRows),
    h('h2', {}, H[5]),
    table(
      'appendix-staffing',
      zh ? ['项目', '人数'] : ['Item', 'People'],
      [
        [t(lang, 'atHeadcount'), String(a.headcount)],
        [t(lang, 'headcountFor'), a.forTarget ? String(a.forTarget.headcount) : '—'],
        [zh ? '接听电话人数' : 'On the phones', a.phonePeople.toFixed(0)],
        [t(lang, 'onSeat'), a.onSeat.toFixed(1)],
      ],
    ),
    h('h2', {}, H[6]),
    table('appendix-cost', zh ? ['成本项目（元/年）', '外包', '自营'] : ['Line, yuan a year', 'Outsourced 外包', 'In-house 自营'], costRows),
    h('h2', {}, H[7]),
    h(
      'ul',
      {},
      h('li', {}, `${zh ? '随机种子' : 'Seed'}: ${seed}; ${zh ? '重复次数' : 'replications'}: ${reps}; hotline-sim v${__VERSION__}`),
      h('li', {}, `${zh ? '场景文件（本页"下载场景 YAML"）' : 'Scenario file (the page\'s "Download scenario YAML")'}; ${zh ? '成本' : 'cost'}: ${a.cli.replace('scenario.yaml', '<file>')}`),
      h('li', {}, `${zh ? '模拟' : 'simulation'}: hotline-sim run <file> --json`),
    ),
  );
}
