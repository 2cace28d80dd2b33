// Case study: Haikou (海口) 12345, 2024-26. Does 129M yuan for three years mean 515 operators?
//
//   node --import tsx notebooks/haikou.ts [--days 91] [--sweep-days 28] [--replications 10]
//
// A citizen divided the 129M-yuan, three-year outsourcing budget by 7,000 yuan a month and got
// "enough for 515 operators" (seed 003); the city reports 300. This notebook reproduces the
// citizen's arithmetic, turns the budget into a full-cost head count with the cost model (engine
// budgetStudy: in-house and outsourced), simulates the 300 and the full-cost head counts against
// the 2021 volume, and finds the on-seat staffing that reproduces the 61.90% connection rate
// published for 2020. Writes output/haikou/report.html (the case), run-300.html (the run report of
// the 300), the budget study's CSVs and result.json, and prints a summary citing the figures it
// rests on (../shared/reference/facts.md).
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { TopLevelSpec } from 'vega-lite';
import { parseDocument } from 'yaml';
import {
  OPERATING_MODELS,
  affordableMonthlyWage,
  analyticFlatAgents,
  budgetCsvFiles,
  budgetLinesTable,
  budgetStudy,
  budgetSummaryRows,
  escapeHtml,
  formatAmount,
  formatBudgetReport,
  formatSigned,
  formatWithCi,
  fullCostHeadcount,
  htmlPage,
  loadScenario,
  loadStudyScenario,
  operatingModelNames,
  parseScenario,
  runReportFiles,
  runScenario,
  writeFilesAtomically,
  type Estimate,
  type Model,
  type Scenario,
} from '../engine/index.ts';
import { chartConfig, GBT33358, renderSvg } from '../engine/report/charts.ts';
import { ciCell, htmlTable, shown, since, textBlock } from './shared.ts';
import { availableWorkers, setWorkers } from '../engine/experiment/pool.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCENARIO = join(root, 'scenarios', 'haikou-2024.yaml');
const OUT = join(root, 'output', 'haikou');

// Figures from facts.md that this study rests on.
const FACTS = {
  budget: 129_000_000, // seed 003: 129M yuan for three years of outsourcing (the tender ceiling)
  years: 3, // seed 003: three years
  citizenWage: 7_000, // seed 003: the citizen's 7,000 yuan a month per operator
  citizenMonth: 3_600_000, // seed 003: "about 3.6M yuan a month"
  citizenClaim: 515, // seed 003: "enough for 515 operators"
  contract: 126_780_000, // 奔流新闻 2024-09-10: contract signed 2024-05-17 with China Telecom Hainan, 3 years
  operators: 300, // 海口网 2024-01-31: 300 hotline operators
  casesPerDay2020: 8_254, // shzx.org: 2020, 3.02M cases, 8,254 a day
  connection2020: 0.619, // shzx.org: 2020 connection rate 61.90%
  casesPerDay2021: 11_020, // 中新网: 2021, 4.02M+ cases, 11,020 a day
};
// The scenario's assumptions this notebook leans on (labelled in scenarios/haikou-2024.yaml).
const PEOPLE_PER_SEAT = 6; // ASSUMPTION: payroll people per seat staffed around the clock
const PHONE_SHARE = 0.85; // ASSUMPTION: Jiangsu 2024's phone share (85.19%, facts.md)
// Agents on seat tried at each volume (the 2020 ones bracket 61.90%; 50 = the 300 operators).
const SWEEP_2020 = [12, 14, 15, 16, 17, 18, 20, 25, 50];
const SWEEP_2021 = [16, 20, 22, 25, 30, 40, 50];

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const yuan = (x: number) => formatAmount(x);

// Replications on every core (the figures do not depend on the number of workers).
setWorkers(availableWorkers());

const { values: args } = parseArgs({
  options: {
    // The scenario's own horizon: 91 days (13 weeks from 2024-06-03); no seasonality is published,
    // so a quarter gives the year's averages (an assumption the scenario states).
    days: { type: 'string', default: '91' },
    // The staffing sweeps (16 runs) use four weeks to keep the notebook under ~90 s.
    'sweep-days': { type: 'string', default: '28' },
    replications: { type: 'string', default: '10' },
  },
});
const days = Number(args.days);
const sweepDays = Number(args['sweep-days']);
const replications = Number(args.replications);
if (!(days > 0) || !(sweepDays > 0) || !Number.isInteger(replications) || replications < 2) {
  throw new Error('--days and --sweep-days must be more than 0 and --replications a whole number, 2 or more');
}

// ---- 1-3. The budget study: naive and full-cost head counts, the 300, simulated -------------------
const t0 = performance.now();
const study = budgetStudy({
  file: SCENARIO,
  budgetYuan: FACTS.budget,
  years: FACTS.years,
  naiveWage: FACTS.citizenWage,
  overrides: { horizonHours: days * 24, replications },
});
const inv = study.inversion!;
const out = inv.models.outsourced;
const inh = inv.models.inhouse;
const at = study.at;
const k300 = at.kpis!;
// The signed contract (126.78M), priced with the same cost section: cost-model arithmetic only.
const spec = loadStudyScenario(SCENARIO).spec;
const signed = Object.fromEntries(
  OPERATING_MODELS.map((m) => [
    m,
    {
      fullCost: fullCostHeadcount(FACTS.contract, FACTS.years, spec, m).operators,
      wage300: affordableMonthlyWage(FACTS.contract, FACTS.years, FACTS.operators, spec, m),
    },
  ]),
) as Record<Model, { fullCost: number; wage300: ReturnType<typeof affordableMonthlyWage> }>;
const tStudy = performance.now();

// The run report of the 300 (per-interval rows: where in the day calls are lost).
const baseScenario = loadScenario(SCENARIO, { horizonHours: days * 24, replications });
const baseRun = runScenario(baseScenario);
baseRun.file = relative(root, SCENARIO);
const tBase = performance.now();

// ---- 4. 2020: what on-seat staffing gives 61.90%? ----------------------------------------------
// The 2020 volume: the scenario's arrivals scaled by 8,254 / 11,020 cases a day (both cited), i.e.
// 9,367 × 0.749 = 7,016 calls a day at the scenario's 85% phone share. Everything else unchanged.
const scale2020 = FACTS.casesPerDay2020 / FACTS.casesPerDay2021;
const doc = parseDocument(readFileSync(SCENARIO, 'utf8'));
doc.setIn(['arrivals', 'scale'], scale2020);
const text2020 = doc.toString();
const dailyCalls = Number(doc.getIn(['arrivals', 'dailyCalls']));

interface SweepPoint {
  volume: string;
  agents: number;
  connectionRate: Estimate;
  serviceLevel: Estimate;
  asa: Estimate;
  occupancy: Estimate;
}
const VOL_2020 = `2020 volume: ${formatAmount(FACTS.casesPerDay2020)} cases a day (${formatAmount(dailyCalls * scale2020)} calls)`;
const VOL_2021 = `2021 volume: ${formatAmount(FACTS.casesPerDay2021)} cases a day (${formatAmount(dailyCalls)} calls)`;
const sweepOverrides = (agents: number) => ({ agents, horizonHours: sweepDays * 24, replications });
function sweep(volume: string, agentsList: number[], make: (agents: number) => Scenario): SweepPoint[] {
  return agentsList.map((agents) => {
    const t = runScenario(make(agents), { totalsOnly: true }).totals;
    return { volume, agents, connectionRate: t.connectionRate, serviceLevel: t.serviceLevel, asa: t.asa, occupancy: t.occupancy };
  });
}
const sweep2020 = sweep(VOL_2020, SWEEP_2020, (n) => parseScenario(text2020, SCENARIO, sweepOverrides(n)));
const sweep2021 = sweep(VOL_2021, SWEEP_2021, (n) => loadScenario(SCENARIO, sweepOverrides(n)));
// Erlang A (exponential handle and patience, the scenario's means), per interval, call-weighted.
const erlang2020 = analyticFlatAgents(parseScenario(text2020, SCENARIO, { horizonHours: sweepDays * 24 }), { kind: 'connectionRate', value: FACTS.connection2020 });
const tSweep = performance.now();

/** On-seat agents where the simulated connection rate crosses `target` (linear between the bracketing runs). */
function crossing(points: SweepPoint[], target: number): number | null {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a.connectionRate.mean < target && b.connectionRate.mean >= target) {
      return a.agents + ((target - a.connectionRate.mean) / (b.connectionRate.mean - a.connectionRate.mean)) * (b.agents - a.agents);
    }
  }
  return null;
}
const n2020 = crossing(sweep2020, FACTS.connection2020);
const n2021 = crossing(sweep2021, FACTS.connection2020);
const at50in2020 = sweep2020.find((p) => p.agents === at.agentsOnSeat);

// ---- Write ------------------------------------------------------------------------------------
const reportFiles = await runReportFiles(baseRun);
const runFiles: Record<string, string> = {};
for (const [name, content] of Object.entries(reportFiles)) runFiles[name === 'report.html' ? 'run-300.html' : name] = content;
const page = await caseHtml();
const csvFiles = await budgetCsvFiles(study);
const sweepCsv =
  'volume,agents_on_seat,operators_at_6_per_seat,metric,mean,ci95_low,ci95_high\n' +
  [...sweep2020, ...sweep2021]
    .flatMap((p) =>
      (['connectionRate', 'serviceLevel', 'asa', 'occupancy'] as const).map(
        (id) => `"${p.volume}",${p.agents},${p.agents * PEOPLE_PER_SEAT},${id},${p[id].mean},${p[id].ciLow ?? ''},${p[id].ciHigh ?? ''}`,
      ),
    )
    .join('\n') +
  '\n';
const written = writeFilesAtomically(OUT, { ...page, ...runFiles, ...csvFiles, 'staffing-sweep.csv': sweepCsv }, true);
const tWrite = performance.now();

// ---- Summary on stdout -------------------------------------------------------------------------
const simLine = (label: string, headcount: number, agents: number, kpi: { connectionRate: Estimate; serviceLevel: Estimate }) =>
  `  ${label.padEnd(26)} ${String(headcount).padStart(3)} operators → ${String(agents).padStart(2)} on seat: connection 接通率 ${formatWithCi(kpi.connectionRate, 'ratio')}, ` +
  `15-s service level ${formatWithCi(kpi.serviceLevel, 'ratio')}`;
const lines = [
  'Haikou 12345 hotline, 2024-26 — does 129M yuan for three years mean 515 operators?',
  '',
  'Figures this rests on (../shared/reference/facts.md):',
  `  - 129,000,000 yuan for three years of outsourcing; a citizen's 7,000 yuan a month, "about 3.6M a month", "enough for 515 operators" (seed 003)`,
  `  - contract 126,780,000 yuan for 3 years, signed 2024-05-17 with China Telecom Hainan (奔流新闻 2024-09-10)`,
  `  - 300 hotline operators, January 2024 (海口网 2024-01-31)`,
  `  - 2020: 8,254 cases a day, connection rate 61.90% (shzx.org); 2021: 11,020 cases a day (中新网)`,
  'Assumptions (scenarios/haikou-2024.yaml): 85% of cases are calls; 6 payroll people per seat staffed around the clock',
  `(a flat on-seat count); talk 150 s (Changzhou), wrap-up 60 s, patience 120 s; operator gross wage ${yuan(out.modelWage)} yuan a month;`,
  'the vendor supplies the platform, the government the hall; VAT 6% general; other cost inputs are library defaults.',
  '',
  '1. The citizen\'s arithmetic',
  `  129,000,000 / 36 months = ${yuan(inv.naive.monthlyBudget)} a month; / 7,000 = ${inv.naive.exact.toFixed(1)} operators (${inv.naiveNearest} to the nearest).`,
  `  With the month rounded to ${yuan(inv.citizen.monthlyBudgetUsed)}: ${inv.citizen.exact.toFixed(1)} → ${inv.citizen.headcount}, the citizen's ${FACTS.citizenClaim}.`,
  '',
  '2. Full cost (cost model: wages, supervisors, social insurance, housing fund, bonus, premiums, seats, fee, profit, VAT)',
  `  129M for 3 years buys ${out.fullCost.operators} operators outsourced (${yuan(out.fullCost.coveredCost / out.fullCost.operators)} yuan per operator-year), ` +
    `${inh.fullCost.operators} in-house, at a ${yuan(out.modelWage)} gross wage; at the citizen's 7,000 gross: ${out.fullCostAtNaiveWage} outsourced, ${inh.fullCostAtNaiveWage} in-house.`,
  `  The signed 126.78M buys ${signed.outsourced.fullCost} outsourced, ${signed.inhouse.fullCost} in-house.`,
  `  For the reported 300: 126,780,000 / 36 / 300 = ${yuan(FACTS.contract / 36 / FACTS.operators)} yuan per operator-month all-in ` +
    `(Liaocheng 2024: 5,860, facts.md); it pays a gross wage of ${yuan(signed.outsourced.wage300.monthlyWage)} a month outsourced, ${yuan(signed.inhouse.wage300.monthlyWage)} in-house ` +
    `(129M: ${yuan(out.affordableWage.monthlyWage)} / ${yuan(inh.affordableWage.monthlyWage)}).`,
  '',
  `3. Simulated against the 2021 volume (${formatAmount(dailyCalls)} calls a day), ${days} days from ${baseRun.horizon.start}, ${replications} replications (mean, 95% CI):`,
  simLine('reported (the city)', at.headcount, at.agentsOnSeat, k300),
  ...OPERATING_MODELS.flatMap((m) => {
    const s = inv.models[m].simulated;
    return s ? [simLine(`full cost, ${operatingModelNames[m].en.toLowerCase()}`, s.headcount, s.agentsOnSeat, s.kpis)] : [];
  }),
  '',
  `4. The 2020 figure, 61.90% at 8,254 cases a day (${formatAmount(dailyCalls * scale2020)} calls at 85%); ${sweepDays}-day runs, ${replications} replications:`,
  ...sweep2020.map((p) => `  ${String(p.agents).padStart(2)} on seat (≈${String(p.agents * PEOPLE_PER_SEAT).padStart(3)} operators): connection ${formatWithCi(p.connectionRate, 'ratio')}`),
  n2020 !== null
    ? `  61.90% is reproduced by about ${n2020.toFixed(1)} agents on seat around the clock, ≈${Math.round(n2020 * PEOPLE_PER_SEAT)} operators at 6 per seat ` +
      `(Erlang A, exponential times: ${erlang2020.agentsOnSeat}); at the 2021 volume it would take ≈${n2021 === null ? '—' : n2021.toFixed(1)}.`
    : '  61.90% is not bracketed by the staffings tried.',
  ...(at50in2020 ? [`  The 300 operators (50 on seat) would have answered ${pct(at50in2020.connectionRate.mean)} of the 2020 calls.`] : []),
  '',
  `Answer: no. The citizen divided by a gross wage and nothing else; priced in full, 129M buys ${out.fullCost.operators}-${inh.fullCost.operators} operators ` +
    `at a ${yuan(out.modelWage)} wage and ${out.fullCostAtNaiveWage}-${inh.fullCostAtNaiveWage} at 7,000, so the city's 300 is within what the money pays for (about ${yuan(FACTS.contract / 36 / FACTS.operators)} yuan ` +
    `per operator-month all-in, twice Liaocheng's). On the call side the 300 answer ~${pct(k300.connectionRate.mean)} of the 2021 volume in the model; the 2020 rate of 61.90% ` +
    `matches only ~${n2020 === null ? '?' : Math.round(n2020)} on seat, so it says little about the 300 of 2024.`,
  '',
  `Wrote ${shown(written.filter((p) => p.endsWith('.html')))} (+ ${written.length - written.filter((p) => p.endsWith('.html')).length} CSV/JSON/SVG files) in ${relative(process.cwd(), OUT)}`,
  `Time: budget study (3 staffings, ${days} d) ${since(t0, tStudy)}, run report of the 300 ${since(tStudy, tBase)}, ` +
    `sweeps (${SWEEP_2020.length + SWEEP_2021.length} staffings, ${sweepDays} d) ${since(tBase, tSweep)}, reports ${since(tSweep, tWrite)}; total ${since(t0, tWrite)}`,
];
process.stdout.write(lines.join('\n') + '\n');

// ---- The case page -----------------------------------------------------------------------------
async function caseHtml(): Promise<Record<string, string>> {
  const waterfallSvg = await renderSvg(waterfallSpec(), 'chart-waterfall');
  const sweepSvg = await renderSvg(sweepSpec(), 'chart-sweep');
  const modelHead = (m: Model) => `${operatingModelNames[m].en} ${operatingModelNames[m].zh}`;

  // Where the naive operators go, both models (the engine's waterfall steps).
  const keys = [...new Set(OPERATING_MODELS.flatMap((m) => inv.models[m].waterfall.map((w) => w.key)))];
  const wfRows = keys.map((key) => {
    const cell = (m: Model) => {
      const w = inv.models[m].waterfall.find((x) => x.key === key);
      return !w ? '—' : key === 'naive' ? formatAmount(w.heads, 1) : formatSigned(w.heads, 1);
    };
    const w = OPERATING_MODELS.map((m) => inv.models[m].waterfall.find((x) => x.key === key)).find(Boolean)!;
    const en = key === 'naive' ? `naive: 43,000,000 / 12 / ${formatAmount(inv.naiveWage)}` : key === 'wage' ? `the scenario's gross wage ${formatAmount(out.modelWage)}, not ${formatAmount(inv.naiveWage)}` : w.en;
    return [en, w.zh, cell('outsourced'), cell('inhouse')];
  });
  wfRows.push(['= full-cost head count', '全成本人数', ...OPERATING_MODELS.map((m) => formatAmount(inv.models[m].fullCost.operators))]);

  const simRows: string[][] = [];
  const simRow = (label: string, h: number, n: number, kp: { connectionRate: Estimate; serviceLevel: Estimate; abandonmentRate: Estimate; asa: Estimate; occupancy: Estimate }) =>
    simRows.push([label, formatAmount(h), formatAmount(n), ciCell(kp.connectionRate), ciCell(kp.serviceLevel), ciCell(kp.abandonmentRate), ciCell(kp.asa, 'seconds'), ciCell(kp.occupancy)]);
  simRow('Reported by the city', at.headcount, at.agentsOnSeat, k300);
  for (const m of OPERATING_MODELS) {
    const s = inv.models[m].simulated;
    if (s) simRow(`Full cost of 129M, ${operatingModelNames[m].en.toLowerCase()}`, s.headcount, s.agentsOnSeat, s.kpis);
  }

  const sweepRows = [...sweep2020, ...sweep2021].map((p) => [
    p.volume === VOL_2020 ? '2020' : '2021',
    formatAmount(p.agents),
    `≈${formatAmount(p.agents * PEOPLE_PER_SEAT)}`,
    ciCell(p.connectionRate),
    ciCell(p.serviceLevel),
    ciCell(p.asa, 'seconds'),
    ciCell(p.occupancy),
  ]);
  const headline2020 = sweep2020.map((p, i) => (n2020 !== null && Math.abs(p.agents - n2020) < 1 ? i : -1)).filter((i) => i >= 0);

  const fullCostPriced = { outsourced: out.priced, inhouse: inh.priced };
  const summary = [
    `<li>The citizen's arithmetic: 129,000,000 / 36 months = ${yuan(inv.naive.monthlyBudget)} yuan a month; / 7,000 = <strong>${inv.naive.exact.toFixed(1)}</strong>. ` +
      `With the month rounded to 3.6M: ${inv.citizen.exact.toFixed(1)} → <strong>${inv.citizen.headcount}</strong>. It divides by a gross wage only.</li>`,
    `<li>Priced in full (cost model), 129M for 3 years buys <strong>${out.fullCost.operators}</strong> operators outsourced or <strong>${inh.fullCost.operators}</strong> in-house ` +
      `at an assumed ${yuan(out.modelWage)}-yuan gross wage — ${out.fullCostAtNaiveWage} / ${inh.fullCostAtNaiveWage} if they were paid the citizen's 7,000 gross. ` +
      `The signed contract (126.78M) buys ${signed.outsourced.fullCost} / ${signed.inhouse.fullCost}.</li>`,
    `<li>The city reports <strong>300</strong> operators: 126,780,000 / 36 / 300 = <strong>${yuan(FACTS.contract / 36 / FACTS.operators)}</strong> yuan per operator-month all-in, ` +
      `about twice Liaocheng's 5,860 (facts.md). It pays a gross wage of ${yuan(signed.outsourced.wage300.monthlyWage)} a month outsourced.</li>`,
    `<li>Simulated against the 2021 volume, the 300 (50 on seat around the clock) answer <strong>${pct(k300.connectionRate.mean)}</strong> of calls ` +
      `(15-s service level ${pct(k300.serviceLevel.mean)}); the GB/T 33358 target is 95%.</li>`,
    n2020 !== null
      ? `<li>The 2020 connection rate of 61.90% (8,254 cases a day) is reproduced by only about <strong>${n2020.toFixed(1)}</strong> agents on seat (≈${Math.round(n2020 * PEOPLE_PER_SEAT)} operators) — ` +
        `2020's staffing is not published, so that figure says little about the 300 of 2024.</li>`
      : '',
  ];

  const body = [
    '<h1>Haikou 12345: does 129M yuan for three years mean 515 operators?<span class="zh" lang="zh-CN">海口12345热线：三年1.29亿元等于515名话务员吗？</span></h1>',
    `<p class="lead">A citizen divided Haikou's 129M-yuan, three-year outsourcing budget by 7,000 yuan a month and concluded it was "enough for 515 operators" (seed 003); ` +
      `the city reports 300 (海口网, January 2024), and the contract signed on 2024-05-17 with China Telecom Hainan is 126.78M yuan for three years (奔流新闻 2024-09-10). ` +
      `This page prices the budget in full and simulates the calls. Budget runs: ${days} days from ${escapeHtml(baseRun.horizon.start)}, ${replications} replications, seed ${escapeHtml(String(baseRun.seed))}; ` +
      `staffing sweeps: ${sweepDays} days, same seed and replications (the same calls for every staffing).</p>`,
    `<div class="summary"><ul>\n${summary.filter(Boolean).join('\n')}\n</ul></div>`,

    '<h2>1. The citizen\'s arithmetic · 市民的算法</h2>',
    htmlTable(
      ['Step', 'Yuan or operators'],
      [
        ['Budget for three years (seed 003)', yuan(FACTS.budget)],
        ['÷ 36 months', yuan(inv.naive.monthlyBudget)],
        ['÷ 7,000 yuan a month per operator (the citizen)', inv.naive.exact.toFixed(1)],
        ['… the month rounded to 3.6M, as the citizen did', `${yuan(inv.citizen.monthlyBudgetUsed)} ÷ 7,000 = ${inv.citizen.exact.toFixed(1)}`],
        ['… rounded up: the citizen\'s "515 operators"', String(inv.citizen.headcount)],
      ],
      { headline: [4] },
    ),
    `<p class="note">${escapeHtml(inv.naive.explanation)}</p>`,

    '<h2>2. Full cost: where the naive operators go · 全成本人数</h2>',
    `<p class="lead">The cost model prices every line a hotline pays besides the operator's gross wage, then finds the largest head count whose cost fits 43,000,000 yuan a year ` +
      `(for the outsourced model, the contract price must fit; in-house, the all-in total). Operators' gross wage: ${formatAmount(out.modelWage)} yuan a month (assumption, scenario file).</p>`,
    '<figure id="chart-waterfall">',
    '<h2>From 512 to the full-cost head count · 从简单除法到全成本人数</h2>',
    waterfallSvg.trim(),
    `<p class="how"><strong>How to read this 阅读说明:</strong> Each bar starts where the one above ends: the top bar is the citizen's division at 7,000 yuan, the next adds the operators a ${yuan(out.modelWage)} wage would allow, ` +
      'and every bar after it removes the operators a cost item takes. The bottom bars are the head counts the budget really pays for; the dashed lines mark the city\'s 300 and the citizen\'s 515.</p>',
    '</figure>',
    htmlTable(['Step (operators)', '项目', modelHead('outsourced'), modelHead('inhouse')], wfRows, { align: ['left', 'left', 'right', 'right'], headline: [wfRows.length - 1] }),
    `<p class="note">Paying operators the citizen's 7,000 gross instead: ${out.fullCostAtNaiveWage} outsourced, ${inh.fullCostAtNaiveWage} in-house. ` +
      `The signed 126,780,000 yuan: ${signed.outsourced.fullCost} outsourced, ${signed.inhouse.fullCost} in-house.</p>`,
    '<h3>Full-cost budgets (yuan a year) · 全成本预算</h3>',
    htmlTable(
      ['', '项目', `${modelHead('outsourced')} (${out.fullCost.operators})`, `${modelHead('inhouse')} (${inh.fullCost.operators})`],
      budgetSummaryRows(fullCostPriced),
      { align: ['left', 'left', 'right', 'right'] },
    ),
    textBlock('Every line item at the full-cost head counts', budgetLinesTable(fullCostPriced, { outsourced: ` (${out.fullCost.operators})`, inhouse: ` (${inh.fullCost.operators})` })),

    '<h2>3. The 300 the city reports · 实际300名话务员</h2>',
    htmlTable(
      ['', 'Yuan'],
      [
        ['Contract 126,780,000 / 36 months / 300 operators (per operator-month, all-in)', yuan(FACTS.contract / 36 / FACTS.operators)],
        ['Ceiling 129,000,000 / 36 / 300', yuan(inv.perReportedOperatorYear / 12)],
        ['Liaocheng 2024 for comparison: 16,665,264 / 237 / 12 (facts.md)', '5,860'],
        ...OPERATING_MODELS.map((m) => [`Gross monthly wage the contract pays each of the 300, ${operatingModelNames[m].en.toLowerCase()} (cost model)`, yuan(signed[m].wage300.monthlyWage)]),
        ['Haikou minimum monthly wage 2024 (facts.md)', '2,010'],
      ],
    ),
    `<p class="note">The vendor is a telecom operator; the scenario assumes its contract also covers the answering platform (trunks, ACD/CRM, hardware), ` +
      'which facts.md calls likely. The centre says only call answering is outsourced (seed 003).</p>',
    `<h3>Simulated KPIs · 模拟指标 (2021 volume, ${days} days, ${replications} replications)</h3>`,
    htmlTable(
      ['Head count', 'Operators\n人员', 'On seat\n在席', 'Connection rate\n接通率', 'Service level 15 s\n服务水平', 'Abandoned\n呼损率', 'Speed of answer\n平均应答时长', 'Occupancy\n占用率'],
      simRows,
      { headline: [0], htmlColumns: [3, 4, 5, 6, 7], className: 'kpi' },
    ),
    `<p class="note">Mean over the replications, 95% CI beneath. Answered calls per year at the 300: ${formatWithCi(k300.answeredPerYear, 'calls')} (the ${days}-day horizon scaled to 365 days).</p>`,
    '<p class="note">The day-by-day and hour-by-hour picture of the 300 is in the run report: <a href="run-300.html">run-300.html</a>.</p>',

    '<h2>4. The 2020 figure: 61.90% at 8,254 cases a day · 2020年接通率61.90%</h2>',
    `<p class="lead">2020's staffing is not published. The scenario's arrivals are scaled by 8,254 / 11,020 = ${scale2020.toFixed(3)} (both volumes cited) and run with a flat number of agents on seat; ` +
      `the 2021 volume is run the same way. ${sweepDays}-day runs, ${replications} replications.</p>`,
    '<figure id="chart-sweep">',
    '<h2>Connection rate by agents on seat · 在席坐席数与接通率</h2>',
    sweepSvg.trim(),
    '<p class="how"><strong>How to read this 阅读说明:</strong> Each point is a simulated flat staffing (95% CIs as vertical bars, mostly hidden by the points). ' +
      'Where a curve crosses the dotted line, the model reproduces the 61.90% reported for 2020; the dashed line is the GB/T 33358 target of 95%, and the vertical line the 300 operators (50 on seat).</p>',
    '</figure>',
    htmlTable(['Volume', 'On seat\n在席', 'Operators\n(× 6)', 'Connection rate\n接通率', 'Service level 15 s\n服务水平', 'Speed of answer\n平均应答时长', 'Occupancy\n占用率'], sweepRows, {
      headline: headline2020,
      htmlColumns: [3, 4, 5, 6],
      className: 'kpi',
    }),
    `<p class="note">61.90% crossing: ${n2020 === null ? 'not bracketed' : `${n2020.toFixed(1)} on seat at the 2020 volume`}` +
      `${n2021 === null ? '' : `, ${n2021.toFixed(1)} at the 2021 volume`} (linear between the two runs either side). ` +
      `Erlang A with exponential times and the scenario's means, per half-hour and call-weighted, gives ${erlang2020.agentsOnSeat} on seat for ≥ 61.90% at the 2020 volume.</p>`,

    '<h2>Assumptions · 假设</h2>',
    '<ul>',
    '<li>From <code>scenarios/haikou-2024.yaml</code> (each labelled there): 85% of cases are calls (Jiangsu\'s share); one phone case = one offered call; 6 payroll people per seat staffed around the clock, a flat count all day; ' +
      'talk 150 s (Changzhou\'s average, lognormal), wrap-up 60 s, patience exponential 120 s; Liaocheng\'s weekly and hourly shapes; no redials.</li>',
    `<li>Cost: operator gross ${yuan(out.modelWage)} yuan a month; cost year ${at.calendarYear}; social-insurance base floor 4,000 (Hainan's not found); vendor supplies the platform, government the hall; VAT 6% general; ` +
      'management fee 5%, profit 3% and the other library defaults (<code>engine/cost/README.md</code>). Paid hours: the cost model\'s fallback, not a roster.</li>',
    `<li>The 2020 runs keep the 2024 calendar (start ${escapeHtml(baseRun.horizon.start)}) and every other input; only the volume changes.</li>`,
    '</ul>',
    ...(study.notes.length || study.warnings.length
      ? [`<p class="note">${[...study.notes.map((n) => `Note: ${n}.`), ...study.warnings.map((w) => `Warning: ${w}.`)].map(escapeHtml).join('<br>')}</p>`]
      : []),
    textBlock('The full budget study as text (hotline-sim budget scenarios/haikou-2024.yaml --budget 129e6 --years 3 --naive-wage 7000)', formatBudgetReport(study)),
    '<footer>Made by <code>notebooks/haikou.ts</code> (hotline-sim) from <code>scenarios/haikou-2024.yaml</code>; figures cited in <code>shared/reference/facts.md</code>, assumptions labelled in the scenario. ' +
      'Simulated figures, not observations. CSVs: <code>budget-*.csv</code>, <code>kpis.csv</code>, <code>inversion.csv</code>, <code>staffing-sweep.csv</code>; everything in <code>result.json</code>.</footer>',
  ];
  return {
    'report.html': htmlPage('Haikou 12345: does 129M yuan for three years mean 515 operators?', body.join('\n')),
    'chart-waterfall.svg': waterfallSvg.endsWith('\n') ? waterfallSvg : waterfallSvg + '\n',
    'chart-sweep.svg': sweepSvg.endsWith('\n') ? sweepSvg : sweepSvg + '\n',
  };
}

function waterfallSpec(): TopLevelSpec {
  const rows: { step: string; model: string; start: number; end: number; label: string }[] = [];
  const steps: string[] = [];
  const models = OPERATING_MODELS.map((m) => `${operatingModelNames[m].en} ${operatingModelNames[m].zh}`);
  OPERATING_MODELS.forEach((m, mi) => {
    for (const w of inv.models[m].waterfall) {
      const step = w.key === 'naive' ? 'naive: 129M / 36 / 7,000' : w.key === 'wage' ? `gross wage ${formatAmount(inv.models[m].modelWage)}, not 7,000` : w.en.replace(/ \(.*\)$/, '');
      if (!steps.includes(step)) steps.push(step);
      const start = w.key === 'naive' ? 0 : w.running - w.heads;
      rows.push({ step, model: models[mi], start, end: w.running, label: w.key === 'naive' ? formatAmount(w.heads, 1) : formatSigned(w.heads, 1) });
    }
  });
  const final = '= full-cost head count';
  steps.push(final);
  OPERATING_MODELS.forEach((m, mi) => rows.push({ step: final, model: models[mi], start: 0, end: inv.models[m].fullCost.operators, label: String(inv.models[m].fullCost.operators) }));
  const y = { field: 'step', type: 'nominal', sort: steps, axis: { title: null, labelLimit: 340 } };
  const x = { field: 'start', type: 'quantitative', scale: { domain: [0, 850] }, axis: { title: 'Operators 话务员人数' } };
  const color = { field: 'model', type: 'nominal', scale: { domain: models, range: ['#1f77b4', '#ff7f0e'] } };
  return {
    width: 560,
    height: steps.length * 30,
    layer: [
      {
        data: { values: rows },
        layer: [
          { mark: { type: 'bar', height: 11 }, encoding: { y, yOffset: { field: 'model', sort: models }, x, x2: { field: 'end' }, color } },
          {
            mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
            encoding: { y, yOffset: { field: 'model', sort: models }, x: { field: 'hiEnd', type: 'quantitative' }, text: { field: 'label' }, color },
            transform: [{ calculate: 'max(datum.start, datum.end)', as: 'hiEnd' }],
          },
        ],
      },
      {
        data: { values: [{ x: FACTS.operators, label: 'city: 300' }, { x: FACTS.citizenClaim, label: 'citizen: 515' }] },
        layer: [
          { mark: { type: 'rule', strokeDash: [6, 4], color: '#555' }, encoding: { x: { field: 'x', type: 'quantitative' } } },
          { mark: { type: 'text', y: -6, align: 'center', color: '#333', fontSize: 12 }, encoding: { x: { field: 'x', type: 'quantitative' }, text: { field: 'label' } } },
        ],
      },
    ],
    config: chartConfig(),
  } as TopLevelSpec;
}

function sweepSpec(): TopLevelSpec {
  const points = [...sweep2020, ...sweep2021].map((p) => ({ volume: p.volume, agents: p.agents, mean: p.connectionRate.mean, lo: p.connectionRate.ciLow ?? p.connectionRate.mean, hi: p.connectionRate.ciHigh ?? p.connectionRate.mean }));
  const series = [VOL_2020, VOL_2021];
  const maxA = Math.max(...SWEEP_2020, ...SWEEP_2021);
  const x = { field: 'agents', type: 'quantitative', scale: { domain: [10, maxA + 2] }, axis: { title: 'Agents on seat 在席坐席数 (× 6 = operators)' } };
  const y = { field: 'mean', type: 'quantitative', scale: { domain: [0.4, 1], nice: false }, axis: { title: 'Connection rate 接通率', format: '.0%' } };
  const color = { field: 'volume', type: 'nominal', scale: { domain: series, range: ['#7b3294', '#1f77b4'] }, sort: series };
  const hline = (v: number, dash: number[], colour: string, label: string[]) => ({
    data: { values: [{ y: v, label }] },
    layer: [
      { mark: { type: 'rule', color: colour, strokeDash: dash, strokeWidth: 2 }, encoding: { y: { field: 'y', type: 'quantitative' } } },
      { mark: { type: 'text', align: 'left', baseline: 'middle', x: 628, color: colour, fontSize: 12, lineHeight: 15 }, encoding: { y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } } },
    ],
  });
  return {
    width: 620,
    height: 300,
    layer: [
      {
        data: { values: points },
        layer: [
          { mark: { type: 'line', strokeWidth: 2.5 }, encoding: { x, y, color } },
          { mark: { type: 'point', filled: true, size: 55, opacity: 1 }, encoding: { x, y, color } },
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, color } },
        ],
      },
      hline(GBT33358.connectionRate, [6, 4], '#2b7a2b', ['GB/T 33358', 'target ≥ 95%']),
      hline(FACTS.connection2020, [2, 3], '#b22222', ['Haikou 2020', '61.90% (cited)']),
      {
        data: { values: [{ x: at.agentsOnSeat, label: '300 operators' }] },
        layer: [
          { mark: { type: 'rule', color: '#555', strokeDash: [4, 4] }, encoding: { x: { field: 'x', type: 'quantitative' } } },
          { mark: { type: 'text', y: 290, align: 'right', dx: -4, color: '#333', fontSize: 12 }, encoding: { x: { field: 'x', type: 'quantitative' }, text: { field: 'label' } } },
        ],
      },
    ],
    config: chartConfig(),
  } as TopLevelSpec;
}
