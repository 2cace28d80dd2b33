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
import { averageDay, formatCi, formatValue, htmlPage, escapeHtml, loadScenario, runReportFiles, runScenario, writeFilesAtomically, type RunResult } from '../engine/index.ts';
import { chartConfig, GBT33358, renderSvg } from '../engine/report/charts.ts';
import { freshOutputDir } from './shared.ts';
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
const reportFiles = await runReportFiles(base.result);
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
  `  - ${FACTS.operators} operators on the hall's payroll (SOURCES.md: Liaocheng 2024)`,
  `  - ${FACTS.winningBid2024.toLocaleString('en-US')} yuan, the 2024 winning bid for one year (SOURCES.md: Liaocheng 2024): ` +
    `16,665,264 / 237 = ${yuan1(perOperatorYear)} yuan per operator-year, ${yuan1(perOperatorYear / 12)} per operator-month, all-in`,
  `  - ${FACTS.requests2021.toLocaleString('en-US')} requests accepted in 2021, all channels (聊城晚报 2022-01-20); ` +
    `the scenario takes 85.19% of them as calls (Jiangsu's phone share): 1,763,092 calls a year`,
  'Assumptions (scenario file): 6 people per seat, on seat following demand; work orders (after-call time CALIBRATED to',
  'Jiangsu\'s 95.25% within 30 s), return visits, online requests; talk 150 s (Changzhou), patience 120 s; peaks 09-11, 14-16.',
  '',
  `Simulated ${days} days from ${base.result.horizon.start}, ${replications} replications each (mean, 95% CI):`,
  ...cases.map(
    (c) =>
      `  ${String(c.headcount).padStart(3)} operators → ${String(c.agents).padStart(2)} on seat: connection 接通率 ${pct(c.result.totals.connectionRate.mean)} ` +
      `(${formatCi(c.result.totals.connectionRate, 'ratio')}), ${c.result.serviceLevelSeconds}-s service level ${pct(c.result.totals.serviceLevel.mean)}, ` +
      `occupancy ${pct(c.result.totals.occupancy.mean)}`,
  ),
  '',
];
const occ = averageDay(base.result).map((h) => h.occupancy).filter((x) => !Number.isNaN(x));
lines.push(
  'These head counts are what-ifs, not the answer: the smallest head count for 95% connection, searched by simulation, and its budget',
  'are in output/calibration/liaocheng.html (notebooks/calibration.ts; hotline-sim budget scenarios/liaocheng-2024.yaml --target connection=0.95 --per horizon).',
  `With ${FACTS.operators} people, agents are busy ${pct(base.result.totals.occupancy.mean)} of their time on seat ` +
    `(${pct(Math.max(...occ))} in the busiest hour, ${pct(Math.min(...occ))} in the quietest), on seat following demand.`,
  '',
  `Wrote ${written.map((p) => relative(process.cwd(), p)).join(', ')}`,
  `Time: simulation ${((tSim - t0) / 1000).toFixed(1)} s, reports ${((tReport - tSim) / 1000).toFixed(1)} s`,
);
process.stdout.write(lines.join('\n') + '\n');

// ---- The head-count page -----------------------------------------------------------------------
async function headcountHtml(cs: Case[]): Promise<Record<string, string>> {
  const T = cs[0].result.serviceLevelSeconds;
  const series = ['Connection rate 接通率', `Service level 服务水平 (answered within ${T} s)`];
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
  const x = { field: 'headcount', type: 'quantitative', scale: { zero: false, domain: [Math.min(...HEADCOUNTS) - 10, Math.max(...HEADCOUNTS) + 10] }, axis: { title: 'Operators on the payroll (people) 人员编制', values: HEADCOUNTS } };
  const y = { field: 'mean', type: 'quantitative', scale: { domain: [lo, 1], nice: false }, axis: { title: 'Share of calls (%) 比例', format: '.0%' } };
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
        data: { values: [{ y: GBT33358.connectionRate, label: ['GB/T 33358', 'target ≥ 95%', '国标目标'] }] },
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
      `<td class="num">${formatValue(t.occupancy.mean, 'ratio')}</td><td class="num">${Math.round((c.headcount * perOperatorYear) / 1e4).toLocaleString('en-US')}万</td></tr>`
    );
  });
  const r = cs[0].result;
  const body = [
    '<h1>Liaocheng 12345: head count and connection rate<span class="zh" lang="zh-CN">聊城12345热线：人员编制与接通率</span></h1>',
    `<p class="lead">The 2024 contract pays for ${FACTS.operators} operators (${FACTS.winningBid2024.toLocaleString('en-US')} yuan, winning bid). ` +
      `What connection rate would fewer give? Each row simulates ${days} days from ${escapeHtml(r.horizon.start)} with ${replications} replications ` +
      `(seed ${escapeHtml(String(r.seed))}), the same calls for every head count; 6 people per seat, on seat following demand (mean shown). What-ifs: the head count for 95% is searched in output/calibration/liaocheng.html.</p>`,
    '<table class="kpi">',
    '<thead><tr><th class="num">Operators<br>人员编制</th><th class="num">On seat<br>在席坐席</th>' +
      '<th class="num">Connection rate<br>接通率<br><small>mean, 95% CI</small></th>' +
      `<th class="num">Service level ${T} s<br>服务水平<br><small>mean, 95% CI</small></th><th class="num">Abandoned<br>呼损率</th><th class="num">Occupancy<br>占用率</th>` +
      '<th class="num">At the 2024 price<br>per operator*<br><small>万元 (10,000 yuan) a year</small></th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`,
    `<p class="note">* ${FACTS.winningBid2024.toLocaleString('en-US')} yuan / ${FACTS.operators} operators = ${yuan1(perOperatorYear)} yuan per operator-year, all-in; ` +
      'scaled linearly with head count, which is an assumption (a bid has fixed parts; see <code>hotline-sim budget</code> for a costed model).</p>',
    '<figure id="chart-headcount">',
    '<h2>Connection rate and service level by head count · 人员编制与接通率、服务水平</h2>',
    svg.trim(),
    `<p class="how"><strong>How to read this 阅读说明:</strong> Each point is a simulated head count; its 95% confidence interval is drawn as a vertical bar, often shorter than the point is wide. ` +
      `Points above the dashed line meet the GB/T 33358 target of 95% connection over 24 h; the orange points show how many callers are answered within ${T} s.</p>`,
    '</figure>',
    '<p class="note">The base case has its own report: <a href="report.html">report.html</a>.</p>',
    `<footer>Made by <code>notebooks/liaocheng.ts</code> (hotline-sim) from <code>scenarios/liaocheng-2024.yaml</code>; figures cited in <code>scenarios/SOURCES.md</code>, assumptions labelled in the scenario.</footer>`,
  ];
  return { 'headcount.html': htmlPage('Liaocheng 12345: head count and connection rate', body.join('\n')), 'chart-headcount.svg': svg.endsWith('\n') ? svg : svg + '\n' };
}
