// The run report as one self-contained HTML page for budget planners: scenario facts, the KPI table
// (English and Chinese names, mean and 95% CI) and charts as inline SVG. No scripts, no network,
// no timestamps: the same result gives the same bytes.
import { SERVICE_LEVEL_DEFINITIONS, type ServiceLevelFormula } from '../callcenter/metrics.ts';
import type { RunResult } from '../experiment/studies/run.ts';
import type { Estimate } from '../stats/estimate.ts';
import { GBT33358, REPORT_FONTS, renderRunCharts, type ReportChart } from './charts.ts';
import { formatCi, formatValue } from './format.ts';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
*{box-sizing:border-box}
body{font-family:${REPORT_FONTS};color:#1a1a1a;background:#fff;margin:0;line-height:1.5}
main{max-width:960px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:26px;margin:0 0 4px}
h1 .zh{display:block;font-size:18px;font-weight:normal;color:#555}
h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
p.lead{margin:6px 0 16px;color:#333}
table{border-collapse:collapse;font-size:14px;margin:8px 0}
th,td{padding:5px 10px;border-bottom:1px solid #e5e5e5;text-align:left;vertical-align:top}
th{background:#f4f6f8;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
small{color:#555;font-weight:normal}
table.facts th{background:none;color:#555;font-weight:normal;white-space:nowrap}
tr.headline td{font-weight:600;background:#f0f7ff}
.summary{background:#f7f9fb;border-left:4px solid #1f77b4;padding:10px 14px;margin:16px 0}
.summary li{margin:2px 0}
.ok{color:#1b7a1b;font-weight:600}.bad{color:#b22222;font-weight:600}.open{color:#8a6d00;font-weight:600}
figure{margin:24px 0 8px}
figure svg{max-width:100%;height:auto;display:block}
p.how{font-size:14px;color:#333;margin:6px 0 0;max-width:820px}
p.note,footer{font-size:13px;color:#555}
footer{margin-top:40px;border-top:1px solid #ddd;padding-top:8px}
@media (max-width:700px){main{padding:16px 12px 32px}table{display:block;overflow-x:auto;max-width:100%}table.facts{display:table}table.facts th{white-space:normal}h1{font-size:22px}}
`;

/** A whole page: doctype, inline CSS, no scripts. */
export function htmlPage(title: string, body: string): string {
  return (
    '<!DOCTYPE html>\n' +
    '<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`
  );
}

/** Does an estimate meet a "≥ target" KPI? Says so only when the 95% CI is on one side. */
export function verdict(e: Estimate, target: number, replications: number): { cls: string; text: string } {
  if (Number.isNaN(e.mean)) return { cls: 'open', text: 'no calls' };
  if (e.ciLow !== null && e.ciLow >= target) return { cls: 'ok', text: 'meets the target' };
  if (e.ciHigh !== null && e.ciHigh < target) return { cls: 'bad', text: 'misses the target' };
  if (e.ciLow === null) return e.mean >= target ? { cls: 'ok', text: 'meets the target (one replication, no CI)' } : { cls: 'bad', text: 'misses the target (one replication, no CI)' };
  return { cls: 'open', text: `too close to call with ${replications} replications: run more` };
}

function horizonText(r: RunResult): string {
  const d = r.horizon.days;
  const days = d % 1 === 0 ? String(d) : d.toFixed(2);
  return (
    `${days} day${d === 1 ? '' : 's'} from ${r.horizon.start}, in ${r.horizon.intervalMinutes}-minute intervals` +
    (r.horizon.warmupIntervals ? `; the first ${r.horizon.warmupIntervals} intervals are warm-up and not counted` : '')
  );
}

function factsTable(r: RunResult): string {
  const formula = SERVICE_LEVEL_DEFINITIONS[r.serviceLevelFormula as ServiceLevelFormula];
  const rows: [string, string][] = [
    ['Scenario 场景', escapeHtml(r.scenario)],
    ...(r.file ? [['Scenario file', `<code>${escapeHtml(r.file)}</code>`] as [string, string]] : []),
    ['Simulated period 模拟时段', escapeHtml(horizonText(r))],
    ['Replications 重复次数', `${r.replications} independent runs (each with its own random calls), seed ${escapeHtml(String(r.seed))}`],
    [
      'Headline service level 服务水平',
      `<code>${escapeHtml(r.serviceLevelFormula)}</code>: ${escapeHtml(formula ? formula.text : r.serviceLevelFormula)}, with T = ${r.serviceLevelSeconds} s` +
        (r.serviceLevelSeconds === GBT33358.answerSeconds ? ' (GB/T 33358-2016: answered within 15 s)' : ` (GB/T 33358-2016 uses 15 s)`),
    ],
    ['Calls simulated', `${formatValue(r.simulatedCalls, 'calls')} over all replications`],
  ];
  return `<table class="facts">\n${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${v}</td></tr>`).join('\n')}\n</table>`;
}

function summary(r: RunResult): string {
  const items: string[] = [];
  const c = r.totals.connectionRate;
  if (c) {
    const v = verdict(c, GBT33358.connectionRate, r.replications);
    const ci = formatCi(c, 'ratio');
    items.push(
      `<li>Connection rate 接通率: <strong>${formatValue(c.mean, 'ratio')}</strong>${ci ? ` (95% CI ${ci})` : ''} against the GB/T 33358 target of 95%: ` +
        `<span class="${v.cls}">${escapeHtml(v.text)}</span>.</li>`,
    );
  }
  const sl = r.totals.serviceLevel;
  if (sl) {
    const ci = formatCi(sl, 'ratio');
    items.push(`<li>Service level 服务水平 (answered within ${r.serviceLevelSeconds} s): <strong>${formatValue(sl.mean, 'ratio')}</strong>${ci ? ` (95% CI ${ci})` : ''}.</li>`);
  }
  const occ = r.totals.occupancy;
  if (occ) items.push(`<li>Agent occupancy 坐席占用率: <strong>${formatValue(occ.mean, 'ratio')}</strong> of on-seat time spent on calls (common range 75–85%).</li>`);
  return items.length ? `<div class="summary"><ul>\n${items.join('\n')}\n</ul></div>` : '';
}

function kpiTable(r: RunResult): string {
  const rows = r.metrics.map((m) => {
    const e = r.totals[m.id];
    const cls = m.id === 'connectionRate' || m.id === 'serviceLevel' ? ' class="headline"' : '';
    return (
      `<tr${cls} data-metric="${escapeHtml(m.id)}"><td>${escapeHtml(m.name)}</td><td lang="zh-CN">${escapeHtml(m.zh)}</td>` +
      `<td class="num">${escapeHtml(formatValue(e.mean, m.unit))}</td><td class="num">${escapeHtml(formatCi(e, m.unit))}</td></tr>`
    );
  });
  return (
    '<table class="kpi">\n<thead><tr><th>Metric</th><th>指标</th><th class="num">Mean 均值</th><th class="num">95% CI 置信区间</th></tr></thead>\n' +
    `<tbody>\n${rows.join('\n')}\n</tbody>\n</table>` +
    (r.replications < 2 ? '\n<p class="note">One replication: no confidence interval. Use 10 replications or more.</p>' : '')
  );
}

function definitions(r: RunResult): string {
  const items = (Object.keys(SERVICE_LEVEL_DEFINITIONS) as ServiceLevelFormula[]).map((f) => {
    const head = f === r.serviceLevelFormula ? ' <strong>(headline)</strong>' : '';
    return `<li><code>${f}</code>: ${escapeHtml(SERVICE_LEVEL_DEFINITIONS[f].text)}${head}</li>`;
  });
  return (
    '<h2>Definitions 指标说明</h2>\n<ul class="defs">\n' +
    '<li>Connection rate 接通率 = answered / offered calls; abandonment rate 呼损率 = abandoned / offered calls.</li>\n' +
    `<li>Service level 服务水平 (T = ${r.serviceLevelSeconds} s) is computed four ways, because hotlines use at least four formulas:<ul>\n${items.join('\n')}\n</ul></li>\n` +
    '<li>Occupancy 坐席占用率 = time on calls and after-call work / time on seat.</li>\n' +
    '<li>95% CI: the range in which the long-run mean lies with 95% confidence, from the spread between replications (Student t). ' +
    'More replications give a narrower range.</li>\n</ul>'
  );
}

function figure(chart: ReportChart, svg: string): string {
  return (
    `<figure id="${escapeHtml(chart.id)}">\n<h2>${escapeHtml(chart.title)}</h2>\n${svg.trim()}\n` +
    `<p class="how"><strong>How to read this 阅读说明:</strong> ${escapeHtml(chart.howToRead)}</p>\n</figure>`
  );
}

export interface RunReportOptions {
  /** The scenario's `sources:` lines (SOURCES.md entries it rests on), listed under the facts. */
  sources?: readonly string[];
  /** The scenario's title in Chinese, shown first with its `name` beside (a notebook's case table holds it). */
  titleZh?: string;
}

/** The figures the run rests on: the scenario's own citations of SOURCES.md entries. */
function sourcesList(sources: readonly string[] | undefined): string {
  if (!sources?.length) return '';
  return `<h2>来源 Sources</h2>\n<p class="note">The scenario's inputs rest on these entries of <code>scenarios/SOURCES.md</code> (assumptions are labelled in the scenario file):</p>\n<ul class="sources">\n${sources.map((x) => `<li>${escapeHtml(x)}</li>`).join('\n')}\n</ul>`;
}

/** The page and its charts (SVG file name → SVG text). */
export async function runReportHtml(r: RunResult, options: RunReportOptions = {}): Promise<{ html: string; svgs: Record<string, string> }> {
  const charts = await renderRunCharts(r);
  const body = [
    options.titleZh
      ? `<h1 lang="zh-CN">${escapeHtml(options.titleZh)}<span class="zh" lang="en">${escapeHtml(r.scenario)} · 模拟报告 simulation report</span></h1>`
      : `<h1>${escapeHtml(r.scenario)}<span class="zh" lang="zh-CN">12345 热线模拟报告 · simulation report</span></h1>`,
    factsTable(r),
    sourcesList(options.sources),
    summary(r),
    '<h2>Key figures 主要指标</h2>',
    '<p class="lead">Each figure is the mean over the replications with its 95% confidence interval.</p>',
    kpiTable(r),
    ...charts.map(({ chart, svg }) => figure(chart, svg)),
    definitions(r),
    `<footer>Made by hotline-sim${r.file ? ` from <code>${escapeHtml(r.file)}</code>` : ''}. Simulated figures, not observations: ` +
      'they follow from the scenario\'s inputs, whose sources and assumptions are listed in the scenario file.</footer>',
  ];
  const svgs: Record<string, string> = {};
  for (const { chart, svg } of charts) svgs[`${chart.id}.svg`] = svg.endsWith('\n') ? svg : svg + '\n';
  const title = options.titleZh ? `${options.titleZh} · ${r.scenario}` : r.scenario;
  return { html: htmlPage(`${title} — hotline-sim report`, body.filter(Boolean).join('\n')), svgs };
}

/** What `run --out` writes besides the CSVs: report.html and one SVG file per chart. */
export async function runReportFiles(r: RunResult, options: RunReportOptions = {}): Promise<Record<string, string>> {
  const { html, svgs } = await runReportHtml(r, options);
  return { 'report.html': html, ...svgs };
}
