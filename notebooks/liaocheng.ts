// Case study: Liaocheng (聊城) 12345, 2024. Does the head count the 2024 contract pays for meet the
// GB/T 33358 connection target, and what would fewer operators give?
//
//   node --import tsx notebooks/liaocheng.ts [--days 14] [--replications 5]
//
// Writes output/liaocheng/report.html (the run report of the base case, 237 operators, with its
// chart SVGs) and output/liaocheng/headcount.html (head count → connection rate and service level),
// and prints a summary citing the figures it rests on (scenarios/SOURCES.md).
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { TopLevelSpec } from 'vega-lite';
import { averageDay, phonePeople, formatAmount, formatTrimmed, formatCi, formatDays, formatValue, formatWan, htmlPage, escapeHtml, loadScenario, runReportFiles, runScenario, writeFilesAtomically, type RunResult } from '../engine/index.ts';
import { chartConfig, GBT33358, renderSvg } from '../engine/report/charts.ts';
import { BILINGUAL_CSS, freshOutputDir } from './shared.ts';
import { caseTitleZh } from './calibrationCases.ts';
import { availableWorkers, setWorkers } from '../engine/experiment/pool/nodeThreads.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCENARIO = join(root, 'scenarios', 'liaocheng-2024.yaml');
const OUT = join(root, 'output', 'liaocheng');

// Figures from SOURCES.md that this study rests on.
const FACTS = {
  operators: 237, // SOURCES.md Liaocheng 2024: "our hall has 200-odd operators, 237 people"
  winningBid2024: 16_665_264, // SOURCES.md Liaocheng 2024: winning bid, 1 year
  requests2021: 2_069_600, // 聊城晚报 2022-01-20: requests accepted in 2021, all channels
};
const HEADCOUNTS = [120, 160, 200, FACTS.operators];
const pct = (x: number) => formatValue(x, 'ratio');
const yuan1 = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

// Replications on every core (the figures do not depend on the number of workers).
setWorkers(availableWorkers());

const { values: args } = parseArgs({
  options: {
    // The scenario's own two weeks (no monthly seasonality is published, an assumption it states);
    // --days 366 runs the contract year (about 25 times longer).
    days: { type: 'string', default: '14' },
    // Another (new or empty) output folder than output/<notebook> (the page-vs-CLI test).
    out: { type: 'string' },
    replications: { type: 'string', default: '5' },
  },
});
const days = Number(args.days);
const replications = Number(args.replications);
if (!(days > 0) || !Number.isInteger(replications) || replications < 2) {
  throw new Error('--days must be more than 0 and --replications a whole number, 2 or more');
}

const t0 = performance.now();
interface Case {
  headcount: number;
  agents: number;
  result: RunResult;
}
const cases: Case[] = HEADCOUNTS.map((headcount) => {
  const scenario = loadScenario(SCENARIO, { headcount, horizonHours: days * 24, replications });
  // Only the base case needs per-interval rows (for its report); the what-ifs need totals.
  const result = runScenario(scenario, { totalsOnly: headcount !== FACTS.operators });
  result.file = relative(root, SCENARIO); // the repository path, not this machine's, in the report
  return { headcount, agents: Math.round(result.staffing.meanOnSeat * 10) / 10, result };
});
const tSim = performance.now();

const base = cases.find((c) => c.headcount === FACTS.operators)!;
const reportFiles = await runReportFiles(base.result, { sources: loadScenario(SCENARIO).sources, titleZh: caseTitleZh('liaocheng-2024.yaml') });
const headcountPage = await headcountHtml(cases);
if (args.out === undefined) freshOutputDir(OUT);
const written = writeFilesAtomically(args.out ?? OUT, { ...reportFiles, ...headcountPage }, args.out === undefined);
const tReport = performance.now();

// ---- Summary on stdout -------------------------------------------------------------------------
const perOperatorYear = FACTS.winningBid2024 / FACTS.operators;
const lines = [
  'Liaocheng 12345 hotline, 2024 — head count and connection rate',
  '',
  'Figures this rests on (scenarios/SOURCES.md):',
  `  - ${FACTS.operators} people on the hall's payroll (SOURCES.md: Liaocheng 2024)`,
  `  - ${FACTS.winningBid2024.toLocaleString('en-US')} yuan, the 2024 winning bid for one year (SOURCES.md: Liaocheng 2024): ` +
    `16,665,264 / 237 = ${yuan1(perOperatorYear)} yuan per person-year, ${yuan1(perOperatorYear / 12)} per person-month, all-in (237 people, ${formatAmount(phonePeople(FACTS.operators, loadScenario(SCENARIO).payroll))} of them on the phones)`,
  `  - ${FACTS.requests2021.toLocaleString('en-US')} requests accepted in 2021, all channels (聊城晚报 2022-01-20); ` +
    `the scenario takes 85.19% of them as calls (Jiangsu's phone share): 1,763,092 calls a year`,
  'Assumptions (scenario file): 6 people per seat, on seat following demand; work orders (after-call time CALIBRATED to',
  'Jiangsu\'s 95.25% within 30 s), return visits, online requests; talk 150 s (Changzhou), patience 120 s; peaks 09-11, 14-16.',
  '',
  `Simulated ${formatDays(days)} from ${base.result.horizon.start}, ${replications} replications each (mean, 95% CI):`,
  ...cases.map(
    (c) =>
      `  ${String(c.headcount).padStart(3)} people → ${String(c.agents).padStart(2)} on seat: connection 接通率 ${pct(c.result.totals.connectionRate.mean)} ` +
      `(${formatCi(c.result.totals.connectionRate, 'ratio')}), ${c.result.serviceLevelSeconds}-s service level ${pct(c.result.totals.serviceLevel.mean)}, ` +
      `occupancy ${pct(c.result.totals.occupancy.mean)}`,
  ),
  '',
];
// Occupancy by hour of the average day: at the busiest hour (most calls), and where it is highest and
// lowest with the clock time (with on seat following demand, the highest is often at night, where the
// floor of on-seat agents is small: not the busiest hour).
const day = averageDay(base.result).filter((h) => !Number.isNaN(h.occupancy));
const busiest = day.reduce((a, b) => (b.callsPerHour > a.callsPerHour ? b : a));
const highest = day.reduce((a, b) => (b.occupancy > a.occupancy ? b : a));
const lowest = day.reduce((a, b) => (b.occupancy < a.occupancy ? b : a));
lines.push(
  'These head counts are what-ifs, not the answer: the smallest head count for 95% connection, searched by simulation, and its budget',
  'are in output/calibration/liaocheng.html (notebooks/calibration.ts; hotline-sim budget scenarios/liaocheng-2024.yaml --target connection=0.95 --per horizon).',
  `With ${FACTS.operators} people, agents are busy ${pct(base.result.totals.occupancy.mean)} of their time on seat, on seat following demand: ` +
    `${pct(busiest.occupancy)} at the busiest hour (${busiest.hour}, ${formatAmount(busiest.callsPerHour)} calls an hour, ${formatAmount(busiest.agents, 1)} on seat);`,
  `  highest ${pct(highest.occupancy)} at ${highest.hour} (${formatAmount(highest.callsPerHour)} calls an hour, ${formatAmount(highest.agents, 1)} on seat), lowest ${pct(lowest.occupancy)} at ${lowest.hour}.`,
  '',
  `Wrote ${written.map((p) => relative(process.cwd(), p)).join(', ')}`,
  `Time: simulation ${((tSim - t0) / 1000).toFixed(1)} s, reports ${((tReport - tSim) / 1000).toFixed(1)} s`,
);
process.stdout.write(lines.join('\n') + '\n');

// ---- The head-count page -----------------------------------------------------------------------
async function headcountHtml(cs: Case[]): Promise<Record<string, string>> {
  const T = cs[0].result.serviceLevelSeconds;
  const series = ['接通率 Connection rate', `服务水平 Service level (${T} 秒内接通 answered within ${T} s)`];
  const points = cs.flatMap((c) =>
    [c.result.totals.connectionRate, c.result.totals.serviceLevel].map((e, i) => ({
      headcount: c.headcount,
      series: series[i],
      mean: e.mean,
      lo: e.ciLow ?? e.mean,
      hi: e.ciHigh ?? e.mean,
    })),
  );
  const lo = Math.max(0, Math.floor((Math.min(GBT33358.connectionRate, ...points.map((p) => p.lo)) - 0.02) * 10) / 10);
  const x = { field: 'headcount', type: 'quantitative', scale: { zero: false, domain: [Math.min(...HEADCOUNTS) - 10, Math.max(...HEADCOUNTS) + 10] }, axis: { title: '话务人员总数 People on the payroll', values: HEADCOUNTS } };
  const y = { field: 'mean', type: 'quantitative', scale: { domain: [lo, 1], nice: false }, axis: { title: '占来电比例 Share of calls', format: '.0%' } };
  const color = { field: 'series', type: 'nominal', scale: { domain: series, range: ['#1f77b4', '#ff7f0e'] }, sort: series };
  const spec = {
    width: 640,
    height: 300,
    layer: [
      {
        data: { values: points },
        layer: [
          { mark: { type: 'line', strokeWidth: 2.5 }, encoding: { x, y, color } },
          { mark: { type: 'point', filled: true, size: 60, opacity: 1 }, encoding: { x, y, color } },
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, color } },
        ],
      },
      {
        data: { values: [{ y: GBT33358.connectionRate, label: ['国标目标 ≥ 95%', 'GB/T 33358', 'target'] }] },
        layer: [
          { mark: { type: 'rule', color: '#2ca02c', strokeDash: [6, 4], strokeWidth: 2 }, encoding: { y: { field: 'y', type: 'quantitative' } } },
          {
            mark: { type: 'text', align: 'left', baseline: 'middle', x: 648, color: '#2b7a2b', fontSize: 12, lineHeight: 15 },
            encoding: { y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
    ],
    config: chartConfig(),
  } as TopLevelSpec;
  const svg = await renderSvg(spec, 'chart-headcount');
  const perOperatorYear = FACTS.winningBid2024 / FACTS.operators;
  const rows = cs.map((c) => {
    const t = c.result.totals;
    const cell = (id: string) =>
      `<td class="num"><strong>${formatValue(t[id].mean, 'ratio')}</strong><br><small>${escapeHtml(formatCi(t[id], 'ratio'))}</small></td>`;
    return (
      `<tr${c.headcount === FACTS.operators ? ' class="headline"' : ''}><td class="num">${c.headcount}</td><td class="num">${c.agents}</td>` +
      `${cell('connectionRate')}${cell('serviceLevel')}<td class="num">${formatValue(t.abandonmentRate.mean, 'ratio')}</td>` +
      `<td class="num">${formatValue(t.occupancy.mean, 'ratio')}</td><td class="num">${formatWan(c.headcount * perOperatorYear)}</td></tr>`
    );
  });
  const r = cs[0].result;
  const body = [
    '<h1>聊城市12345热线 2024：人数与接通率<span class="zh" lang="en">Liaocheng 12345, 2024: head count and connection rate</span></h1>',
    `<p class="lead" lang="zh-CN">2024年合同（中标价 ${formatWan(FACTS.winningBid2024)}元，一年）支付 ${FACTS.operators} 人。人数减少时接通率会降到多少？每行模拟 ${formatTrimmed(days, 2)} 天（自 ${escapeHtml(r.horizon.start)} 起），${replications} 次重复，各人数面对相同的来电；每个坐席对应 6 人，在席人数随来电量变化（显示均值）。以下为假设情形；接通率95%所需人数见 output/calibration/liaocheng.html。</p>\n` +
    `<p class="lead">The 2024 contract pays for ${FACTS.operators} people (${FACTS.winningBid2024.toLocaleString('en-US')} yuan, winning bid). ` +
      `What connection rate would fewer give? Each row simulates ${formatDays(days)} from ${escapeHtml(r.horizon.start)} with ${replications} replications ` +
      `(seed ${escapeHtml(String(r.seed))}), the same calls for every head count; 6 people per seat, on seat following demand (mean shown). What-ifs: the head count for 95% is searched in output/calibration/liaocheng.html.</p>`,
    '<table class="kpi">',
    '<thead><tr><th class="num">人数<br>People</th><th class="num">平均在席<br>On seat</th>' +
      '<th class="num">接通率<br>Connection rate<br><small>均值，95% CI</small></th>' +
      `<th class="num">服务水平 ${T} 秒<br>Service level ${T} s<br><small>均值，95% CI</small></th><th class="num">呼损率<br>Abandoned</th><th class="num">坐席占用率<br>Occupancy</th>` +
      '<th class="num">按2024年人均价*<br>At the 2024 price per person*<br><small>万元/年 (10,000 yuan a year)</small></th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`,
    `<p class="note" lang="zh-CN">* 中标价按人数线性折算（假设）：${formatWan(FACTS.winningBid2024)}元 ÷ ${FACTS.operators} 人 = ${formatWan(perOperatorYear)}元/人·年，全成本，按全部在册人员计（SOURCES.md: Liaocheng 2024）。` +
      '按人数线性折算是一个假设：投标价中有固定部分，按成本逐项计价见 <code>hotline-sim budget</code>。</p>' +
      `<p class="note en">* The winning bid per person: ${formatWan(FACTS.winningBid2024)}元 / ${FACTS.operators} people = ${formatWan(perOperatorYear)}元 a person-year all-in, per person on the payroll (SOURCES.md: Liaocheng 2024); ` +
      'scaled linearly with head count, which is an assumption (a bid has fixed parts; see <code>hotline-sim budget</code> for a costed model).</p>',
    '<figure id="chart-headcount">',
    '<h2>人数与接通率、服务水平 · Connection rate and service level by head count</h2>',
    svg.trim(),
    `<p class="how" lang="zh-CN"><strong>阅读说明：</strong>每个点是一个模拟的人数，竖线为其95%置信区间（常比点还短）；虚线以上达到 GB/T 33358 的24小时接通率95%目标；橙色点为 ${T} 秒内接通的比例（服务水平）。</p>` +
      `<p class="how en"><strong>How to read this:</strong> Each point is a simulated head count; its 95% confidence interval is drawn as a vertical bar, often shorter than the point is wide. ` +
      `Points above the dashed line meet the GB/T 33358 target of 95% connection over 24 h; the orange points show how many callers are answered within ${T} s.</p>`,
    '</figure>',
    '<p class="note">237人基准情形的运行报告 The base case has its own report: <a href="report.html">report.html</a>.</p>',
    `<footer>由 <code>notebooks/liaocheng.ts</code>（hotline-sim）依据 <code>scenarios/liaocheng-2024.yaml</code> 生成；引用数字见 <code>scenarios/SOURCES.md</code>，假设在场景文件中标明；模拟结果，非观测值。<br>Made by <code>notebooks/liaocheng.ts</code> (hotline-sim) from <code>scenarios/liaocheng-2024.yaml</code>; figures cited in <code>scenarios/SOURCES.md</code>, assumptions labelled in the scenario.</footer>`,
  ];
  return { 'headcount.html': htmlPage('聊城市12345热线 2024：人数与接通率 · Liaocheng 2024: head count and connection rate', BILINGUAL_CSS + body.join('\n')), 'chart-headcount.svg': svg.endsWith('\n') ? svg : svg + '\n' };
}
