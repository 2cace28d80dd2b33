// Case study: Haikou (海口) 12345, 2024-26. Does 129M yuan for three years mean 515 operators?
//
//   node --import tsx notebooks/haikou.ts [--days 14] [--replications 8]
//
// A citizen divided the 129M-yuan, three-year outsourcing budget by 7,000 yuan a month and got
// "enough for 515 operators" (SOURCES.md: Haikou 2024-26); the city reports 300. This notebook reproduces the
// citizen's arithmetic, turns the budget into a full-cost head count with the cost model (engine
// budgetStudy: in-house and outsourced), simulates the 300 and the full-cost head counts against
// the 2021-24 volume with the handling calibrated on the 61.90% published for 2020 (the calibration
// itself is in notebooks/calibration.ts, output/calibration/haikou-2020.html). Writes output/haikou/report.html (the case), run-300.html (the run report of
// the 300), the budget study's CSVs and result.json, and prints a summary citing the figures it
// rests on (scenarios/SOURCES.md). output/haikou/ is cleared first.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { TopLevelSpec } from 'vega-lite';
import { parseDocument } from 'yaml';
import {
  OPERATING_MODELS,
  budgetCsvFiles,
  budgetLinesTable,
  budgetStudy,
  budgetSummaryRows,
  escapeHtml,
  formatAmount,
  formatTrimmed,
  formatBudgetReport,
  formatSigned,
  formatDays,
  formatWan,
  formatWithCi,
  htmlPage,
  loadScenario,
  loadStudyScenario,
  operatingModelNames,
  phonePeople,
  runReportFiles,
  runScenario,
  writeFilesAtomically,
  type Estimate,
  type Model,
} from '../engine/index.ts';
import { chartConfig, renderSvg } from '../engine/report/charts.ts';
import { staffingShape } from '../engine/report/budgetParts.ts';
import { acceptedVolumeCheck, BILINGUAL_CSS, bilingualHtml, ciCell, freshOutputDir, htmlTable, shown, since, textBlock } from './shared.ts';
import { availableWorkers, setWorkers } from '../engine/experiment/pool/nodeThreads.ts';
import { caseTitleZh, fileValue } from './calibrationCases.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCENARIO = join(root, 'scenarios', 'haikou-2024.yaml');
const OUT = join(root, 'output', 'haikou');

// Figures from scenarios/SOURCES.md that this study rests on.
const FACTS = {
  budget: 129_000_000, // SOURCES.md Haikou 2024-26: 129M yuan for three years of outsourcing (the tender ceiling)
  years: 3, // SOURCES.md Haikou 2024-26: three years
  citizenWage: 7_000, // SOURCES.md Haikou 2024-26: the citizen's 7,000 yuan a month per operator
  citizenMonth: 3_600_000, // SOURCES.md Haikou 2024-26: "about 3.6M yuan a month"
  citizenClaim: 515, // SOURCES.md Haikou 2024-26: "enough for 515 operators"
  contract: 126_780_000, // SOURCES.md Haikou 2024-26 (奔流新闻 2024-09-10): contract signed 2024-05-17 with China Telecom Hainan, 3 years
  operators: 300, // SOURCES.md Haikou 2024 (海口网 2024-01-31): 300 hotline operators
  casesPerDay2020: 8_254, // SOURCES.md Haikou 2020: 2020, 3.02M cases, 8,254 a day
  connection2020: 0.619, // SOURCES.md Haikou 2020: 2020 connection rate 61.90%
  casesPerDay2021: 11_020, // SOURCES.md Haikou 2021: 2021, 4.02M+ cases, 11,020 a day
  phoneCasesPerDay2021: 9_388, // scenarios/haikou-2024.yaml: 11,020 cases a day × 85.19% by phone, taken as answered calls
};

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const yuan = (x: number) => formatAmount(x);
// The work-order time the runs use: haikou-2020's fit, transferred into haikou-2024 (read from the files).
const WORK_ORDER = 'callTypes.1.wrapUpTime.mean';
const workOrderSeconds = formatAmount(fileValue('haikou-2024.yaml', WORK_ORDER), 0);
const aboveJiangsu = formatAmount((fileValue('haikou-2024.yaml', WORK_ORDER) / fileValue('jiangsu-2024.yaml', WORK_ORDER) - 1) * 100, 0);

// Replications on every core (the figures do not depend on the number of workers).
setWorkers(availableWorkers());

const { values: args } = parseArgs({
  options: {
    // The scenario's own horizon: 14 days (two weeks from 2024-06-03); no seasonality is published,
    // so two weeks give the year's averages (an assumption the scenario states).
    days: { type: 'string', default: '14' },
    // Another (new or empty) output folder than output/<notebook> (the page-vs-CLI test).
    out: { type: 'string' },
    replications: { type: 'string', default: '8' },
  },
});
const days = Number(args.days);
const replications = Number(args.replications);
if (!(days > 0) || !Number.isInteger(replications) || replications < 2) {
  throw new Error('--days must be more than 0 and --replications a whole number, 2 or more');
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
// The signed contract (126.78M) through the same inversion: `hotline-sim budget scenarios/haikou-2024.yaml
// --budget 126.78e6 --years 3 --no-simulate` (its payroll and staffing, as the CLI prices them).
const signedStudy = budgetStudy({ file: SCENARIO, budgetYuan: FACTS.contract, years: FACTS.years, simulate: false, overrides: { horizonHours: days * 24, replications } });
const signed = Object.fromEntries(
  OPERATING_MODELS.map((m) => [m, { fullCost: signedStudy.inversion!.models[m].fullCost.operators, wage300: signedStudy.inversion!.models[m].affordableWage }]),
) as unknown as Record<Model, { fullCost: number; wage300: { monthlyWage: number; feasible: boolean } }>;
// The model against its own input: the accepted phone cases a day (2021) are what the scenario takes as answered calls.
const accepted = acceptedVolumeCheck(k300, FACTS.phoneCasesPerDay2021, { en: 'phone cases accepted (2021)', zh: '电话受理量（2021年）' })!;
// Per operator-month against Liaocheng, like with like: each contract's yearly price per person on the
// phones, the people on the phones from each scenario's payroll (Haikou's 300 are operators, all on the
// phones in the scenario; Liaocheng's 237 people are 208 on the phones, the rest supervisors and staff).
const LIAOCHENG = { bid: 16_665_264, people: 237, file: join(root, 'scenarios', 'liaocheng-2024.yaml') }; // SOURCES.md: Liaocheng 2024
const liaochengPhones = phonePeople(LIAOCHENG.people, loadScenario(LIAOCHENG.file).payroll);
const haikouPhones = phonePeople(FACTS.operators, loadScenario(SCENARIO).payroll);
const perPhoneMonth = { haikou: FACTS.contract / 36 / haikouPhones, liaocheng: LIAOCHENG.bid / 12 / liaochengPhones, liaochengPerHead: LIAOCHENG.bid / 12 / LIAOCHENG.people };
const timesLiaocheng = perPhoneMonth.haikou / perPhoneMonth.liaocheng;
// Haikou's minimum wage as the cost model has it (the scenario's city section; SOURCES.md: Haikou minimum wage 2024).
const minimumWage = loadStudyScenario(SCENARIO).spec.city.minimumMonthlyWage ?? null;
const tStudy = performance.now();

// The run report of the 300 (per-interval rows: where in the day calls are lost).
const baseScenario = loadScenario(SCENARIO, { horizonHours: days * 24, replications });
const baseRun = runScenario(baseScenario);
baseRun.file = relative(root, SCENARIO);
const tBase = performance.now();

// The 2020 figure is reproduced by calibration (notebooks/calibration.ts, scenarios/haikou-2020.yaml).
const dailyCalls = Number(parseDocument(readFileSync(SCENARIO, 'utf8')).getIn(['arrivals', 'dailyCalls']));
const tSweep = performance.now();

// ---- Write ------------------------------------------------------------------------------------
const reportFiles = await runReportFiles(baseRun, { sources: baseScenario.sources, titleZh: caseTitleZh('haikou-2024.yaml') });
const runFiles: Record<string, string> = {};
for (const [name, content] of Object.entries(reportFiles)) runFiles[name === 'report.html' ? 'run-300.html' : name] = content;
const page = await caseHtml();
const csvFiles = await budgetCsvFiles(study);
if (args.out === undefined) freshOutputDir(OUT);
const written = writeFilesAtomically(args.out ?? OUT, { ...page, ...runFiles, ...csvFiles }, args.out === undefined);
const tWrite = performance.now();

// ---- Summary on stdout -------------------------------------------------------------------------
const simLine = (label: string, headcount: number, agents: number, kpi: { connectionRate: Estimate; serviceLevel: Estimate }) =>
  `  ${label.padEnd(26)} ${String(headcount).padStart(3)} people → ${agents.toFixed(1).padStart(5)} on seat on average: connection 接通率 ${formatWithCi(kpi.connectionRate, 'ratio')}, ` +
  `15-s service level ${formatWithCi(kpi.serviceLevel, 'ratio')}`;
const lines = [
  'Haikou 12345 hotline, 2024-26 — does 129M yuan for three years mean 515 operators?',
  '',
  'Figures this rests on (scenarios/SOURCES.md):',
  `  - 129,000,000 yuan for three years of outsourcing; a citizen's 7,000 yuan a month, "about 3.6M a month", "enough for 515 operators" (SOURCES.md: Haikou 2024-26)`,
  `  - contract 126,780,000 yuan for 3 years, signed 2024-05-17 with China Telecom Hainan (奔流新闻 2024-09-10)`,
  `  - 300 hotline operators, January 2024 (海口网 2024-01-31)`,
  `  - 2020: 8,254 cases a day, connection rate 61.90% (shzx.org); 2021: 11,020 cases a day (中新网)`,
  'Assumptions (scenarios/haikou-2024.yaml): 85.19% of cases are calls, cases are answered calls (offered = cases / 0.619);',
  `6 people per seat, on seat following demand; work orders (${workOrderSeconds} s, calibrated on 2020), return visits, online requests;`,
  `talk 150 s (Changzhou), patience 120 s; operator gross wage ${yuan(out.modelWage)} yuan a month;`,
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
    `(${timesLiaocheng.toFixed(1)} times Liaocheng 2024's ${yuan(perPhoneMonth.liaocheng)} per person on the phones, ${formatAmount(LIAOCHENG.bid)} / ${formatAmount(liaochengPhones)} / 12; SOURCES.md: Liaocheng 2024); it pays a gross wage of ${yuan(signed.outsourced.wage300.monthlyWage)} a month outsourced, ${yuan(signed.inhouse.wage300.monthlyWage)} in-house ` +
    `(129M: ${yuan(out.affordableWage.monthlyWage)} / ${yuan(inh.affordableWage.monthlyWage)}).`,
  '',
  `3. Simulated against the 2021 volume (${formatAmount(dailyCalls)} calls a day), ${formatDays(days)} from ${baseRun.horizon.start}, ${replications} replications (mean, 95% CI):`,
  simLine('reported (the city)', at.headcount, at.agentsOnSeat, k300),
  ...OPERATING_MODELS.flatMap((m) => {
    const s = inv.models[m].simulated;
    return s ? [simLine(`full cost, ${operatingModelNames[m].en.toLowerCase()}`, s.headcount, s.agentsOnSeat, s.kpis)] : [];
  }),
  `  ${accepted.contradicts ? 'WARNING ' : ''}${accepted.text}`,
  '',
  `4. The 2020 figure, 61.90% at 8,254 cases a day, is reproduced by calibration: with 300 operators the work-order time fits at ~${workOrderSeconds} s`,
  '  (scenarios/haikou-2020.yaml, notebooks/calibration.ts); the runs above use it at the 2021-24 volume.',
  '',
  `Answer: no. The citizen divided by a gross wage and nothing else; priced in full, 129M buys ${out.fullCost.operators}-${inh.fullCost.operators} operators ` +
    `at a ${yuan(out.modelWage)} wage and ${out.fullCostAtNaiveWage}-${inh.fullCostAtNaiveWage} at 7,000, so the city's 300 is within what the money pays for (about ${yuan(FACTS.contract / 36 / FACTS.operators)} yuan ` +
    `per operator-month all-in, ${timesLiaocheng.toFixed(1)} times Liaocheng's per person on the phones). On the call side the 300 answer ~${pct(k300.connectionRate.mean)} of the 2021 volume in the model; with the handling that reproduces ` +
    `2020's 61.90% (calibrated), so the 300 fall well short of GB/T 33358's 95% at today's volume.`,
  '',
  `Wrote ${shown(written.filter((p) => p.endsWith('.html')))} (+ ${written.length - written.filter((p) => p.endsWith('.html')).length} CSV/JSON/SVG files) in ${relative(process.cwd(), args.out ?? OUT)}`,
  `Time: budget study (3 staffings, ${days} d) ${since(t0, tStudy)}, run report of the 300 ${since(tStudy, tBase)}, ` +
    `reports ${since(tSweep, tWrite)}; total ${since(t0, tWrite)}`,
];
process.stdout.write(lines.join('\n') + '\n');

// ---- The case page -----------------------------------------------------------------------------
async function caseHtml(): Promise<Record<string, string>> {
  const TITLE_ZH = `海口市12345热线 2024-26：三年${formatWan(FACTS.budget)}元够请515名话务员吗？`;
  const waterfallSvg = await renderSvg(waterfallSpec(), 'chart-waterfall');
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
    return [w.zh, en, cell('outsourced'), cell('inhouse')];
  });
  wfRows.push(['= 全成本人数', '= full-cost head count', ...OPERATING_MODELS.map((m) => formatAmount(inv.models[m].fullCost.operators))]);

  const simRows: string[][] = [];
  const simRow = (label: string, h: number, n: number, kp: { connectionRate: Estimate; serviceLevel: Estimate; abandonmentRate: Estimate; asa: Estimate; occupancy: Estimate }) =>
    simRows.push([label, formatAmount(h), formatAmount(n, 1), ciCell(kp.connectionRate), ciCell(kp.serviceLevel), ciCell(kp.abandonmentRate), ciCell(kp.asa, 'seconds'), ciCell(kp.occupancy)]);
  simRow('市公布人数 Reported by the city', at.headcount, at.agentsOnSeat, k300);
  for (const m of OPERATING_MODELS) {
    const s = inv.models[m].simulated;
    if (s) simRow(`${formatWan(FACTS.budget)}元全成本，${operatingModelNames[m].zh} Full cost, ${operatingModelNames[m].en.toLowerCase()}`, s.headcount, s.agentsOnSeat, s.kpis);
  }


  const fullCostPriced = { outsourced: out.priced, inhouse: inh.priced };
  const wan = (x: number) => `${formatWan(x)}元`;
  const shapeZh: Record<string, string> = { 'by roster': '按排班', 'on average': '按平均', 'flat around the clock': '全天固定', 'following demand': '随来电量变化' };
  const shape = staffingShape(at.pricing.staffing?.source ?? '');
  // The summary, Chinese first: each item's figures are the same expressions as its English below.
  const summaryZh = [
    `市民的算法：${wan(FACTS.budget)} ÷ 36个月 = 每月 ${wan(inv.naive.monthlyBudget)}；÷ 7,000元 = <strong>${inv.naive.exact.toFixed(1)}</strong>。` +
      `把每月预算取整为${wan(FACTS.citizenMonth)}：${inv.citizen.exact.toFixed(1)} → <strong>${inv.citizen.headcount}</strong>。这只除了工资总额，没有计其他成本。`,
    `按全成本（成本模型）计算，三年${wan(FACTS.budget)}可支付外包 <strong>${out.fullCost.operators}</strong> 名或自营 <strong>${inh.fullCost.operators}</strong> 名话务员` +
      `（假设月工资总额 ${yuan(out.modelWage)} 元；若按市民说的7,000元，为 ${out.fullCostAtNaiveWage} / ${inh.fullCostAtNaiveWage} 名）。已签合同（${wan(FACTS.contract)}）可支付 ${signed.outsourced.fullCost} / ${signed.inhouse.fullCost} 名。`,
    `市里公布话务员 <strong>300</strong> 人：合同价每人每月全成本 <strong>${yuan(FACTS.contract / 36 / FACTS.operators)}</strong> 元，` +
      `是聊城2024年接听电话人员每人每月 ${yuan(perPhoneMonth.liaocheng)} 元的 ${timesLiaocheng.toFixed(1)} 倍（按聊城全部 ${LIAOCHENG.people} 人计为 ${yuan(perPhoneMonth.liaochengPerHead)} 元）。外包时合同可支付每人每月工资总额 ${yuan(signed.outsourced.wage300.monthlyWage)} 元。`,
    `按2021年来电量模拟，这300人（平均在席 ${formatAmount(baseRun.staffing.meanOnSeat, 1)} 个坐席，${baseRun.staffing.minOnSeat}–${baseRun.staffing.maxOnSeat}，${shapeZh[shape] ?? shape}）的接通率为 <strong>${pct(k300.connectionRate.mean)}</strong>` +
      `（15秒服务水平 ${pct(k300.serviceLevel.mean)}）；GB/T 33358 的目标为95%。`,
    '',
    `2020年日均8,254件时61.90%的接通率由校准复现（<code>scenarios/haikou-2020.yaml</code>）：300人、工单话后处理约 ${workOrderSeconds} 秒，比江苏高 ${aboveJiangsu}%。本页各次运行按2021–24年的来电量沿用这一处理时长。`,
  ];
  const summary = [
    `<li>The citizen's arithmetic: 129,000,000 / 36 months = ${yuan(inv.naive.monthlyBudget)} yuan a month; / 7,000 = <strong>${inv.naive.exact.toFixed(1)}</strong>. ` +
      `With the month rounded to ${wan(FACTS.citizenMonth)}: ${inv.citizen.exact.toFixed(1)} → <strong>${inv.citizen.headcount}</strong>. It divides by a gross wage only.</li>`,
    `<li>Priced in full (cost model), ${wan(FACTS.budget)} for 3 years buys <strong>${out.fullCost.operators}</strong> operators outsourced or <strong>${inh.fullCost.operators}</strong> in-house ` +
      `at an assumed ${yuan(out.modelWage)}-yuan gross wage — ${out.fullCostAtNaiveWage} / ${inh.fullCostAtNaiveWage} if they were paid the citizen's 7,000 gross. ` +
      `The signed contract (${wan(FACTS.contract)}) buys ${signed.outsourced.fullCost} / ${signed.inhouse.fullCost}.</li>`,
    `<li>The city reports <strong>300</strong> operators: 126,780,000 / 36 / 300 = <strong>${yuan(FACTS.contract / 36 / FACTS.operators)}</strong> yuan per operator-month all-in, ` +
      `${timesLiaocheng.toFixed(1)} times Liaocheng 2024's ${yuan(perPhoneMonth.liaocheng)} per person on the phones (${formatAmount(LIAOCHENG.bid)} / ${formatAmount(liaochengPhones)} / 12; per head of all ${LIAOCHENG.people}: ${yuan(perPhoneMonth.liaochengPerHead)}; SOURCES.md: Liaocheng 2024). It pays a gross wage of ${yuan(signed.outsourced.wage300.monthlyWage)} a month outsourced.</li>`,
    `<li>Simulated against the 2021 volume, the 300 (${formatAmount(baseRun.staffing.meanOnSeat, 1)} on seat on average, ${baseRun.staffing.minOnSeat}–${baseRun.staffing.maxOnSeat}, ${staffingShape(at.pricing.staffing?.source ?? '')}) answer <strong>${pct(k300.connectionRate.mean)}</strong> of calls ` +
      `(15-s service level ${pct(k300.serviceLevel.mean)}); the GB/T 33358 target is 95%.</li>`,
    `<li class="warn"><strong>${accepted.contradicts ? '⚠ ' : ''}</strong><span lang="zh-CN">${escapeHtml(accepted.textZh)}</span><br><span class="en">${escapeHtml(accepted.text)}</span></li>`,
    `<li>The 2020 connection rate of 61.90% (8,254 cases a day) is reproduced by calibration (<code>scenarios/haikou-2020.yaml</code>): the 300 with a work-order time of ~${workOrderSeconds} s, ${aboveJiangsu}% above Jiangsu's. The runs here use it at the 2021-24 volume.</li>`,
  ];

  const body = [
    `<h1>${TITLE_ZH}<span class="zh" lang="en">Haikou 12345: does ${wan(FACTS.budget)} for three years mean 515 operators?</span></h1>`,
    `<p class="lead" lang="zh-CN">有市民将海口三年外包预算 ${formatWan(FACTS.budget)}元除以每人每月7,000元，得出"够515名话务员"；市里公布的话务员为 ${FACTS.operators} 人，2024-05-17 与中国电信海南公司签订的合同为三年 ${formatWan(FACTS.contract)}元。` +
      `按全成本计算，${formatWan(FACTS.budget)}元可支付外包 ${out.fullCost.operators} 人或自营 ${inh.fullCost.operators} 人；300人每人每月全成本 ${yuan(perPhoneMonth.haikou)} 元，为聊城（按接听电话人员计）的 ${timesLiaocheng.toFixed(1)} 倍。` +
      `模拟中这300人在2021年来电量下的接通率为 ${pct(k300.connectionRate.mean)}，低于 GB/T 33358 的95%目标。（来源：scenarios/SOURCES.md 的 Haikou 2024-26、Haikou 2024 条目）</p>`,
    `<p class="lead en">A citizen divided Haikou's ${wan(FACTS.budget)}, three-year outsourcing budget by 7,000 yuan a month and concluded it was "enough for 515 operators" (SOURCES.md: Haikou 2024-26); ` +
      `the city reports 300 (海口网, January 2024), and the contract signed on 2024-05-17 with China Telecom Hainan is ${wan(FACTS.contract)} for three years (奔流新闻 2024-09-10). ` +
      `This page prices the budget in full and simulates the calls. Budget runs: ${formatDays(days)} from ${escapeHtml(baseRun.horizon.start)}, ${replications} replications, seed ${escapeHtml(String(baseRun.seed))}; ` +
      `the handling is the one calibrated on 2020's published 61.90% (scenarios/haikou-2020.yaml).</p>`,
    `<div class="summary"><ul>\n${summary.map((en, i) => (summaryZh[i] ? en.replace(/^<li>/, `<li><span lang="zh-CN">${summaryZh[i]}</span><br><span class="en">`).replace(/<\/li>$/, '</span></li>') : en)).filter(Boolean).join('\n')}\n</ul></div>`,

    '<h2>1. 市民的算法 · The citizen\'s arithmetic</h2>',
    htmlTable(
      ['步骤 Step', '元或人数 Yuan or operators'],
      [
        ['三年预算 Budget for three years (SOURCES.md: Haikou 2024-26)', yuan(FACTS.budget)],
        ['÷ 36个月 months', yuan(inv.naive.monthlyBudget)],
        ['÷ 每人每月7,000元（市民的算法） 7,000 yuan a month per operator (the citizen)', inv.naive.exact.toFixed(1)],
        [`… 市民把每月取整为${formatWan(FACTS.citizenMonth)}元 the month rounded, as the citizen did`, `${yuan(inv.citizen.monthlyBudgetUsed)} ÷ 7,000 = ${inv.citizen.exact.toFixed(1)}`],
        ['… 向上取整：市民说的"515名话务员" rounded up: the citizen\'s "515 operators"', String(inv.citizen.headcount)],
      ],
      { headline: [4] },
    ),
    // The engine's explanation (inversions.ts) in Chinese first, from the same fields.
    `<p class="note" lang="zh-CN">${wan(FACTS.budget)} ÷ ${FACTS.years * 12}个月 = 每月 ${formatTrimmed(inv.naive.monthlyBudget, 2)} 元；÷ ${formatTrimmed(inv.naive.monthlyWage)} = ${formatTrimmed(inv.naive.exact, 2)} → ${inv.naive.headcount}（${({ floor: '向下取整', ceil: '向上取整', round: '四舍五入' } as Record<string, string>)[inv.naive.rounding.result] ?? inv.naive.rounding.result}）。` +
      '这只除以工资总额，没有计入单位缴费、班组长、坐席、管理费、利润和税费。</p>' +
      `<p class="note en">${escapeHtml(inv.naive.explanation)}</p>`,

    '<h2>2. 全成本人数 · Full cost: where the naive operators go</h2>',
    bilingualHtml(
      `成本模型在话务员工资总额之外，把热线要付的每一项费用都计入，再找出每年成本不超过${wan(FACTS.budget / FACTS.years)}的最大人数（外包看合同价，自营看全成本）。话务员月工资总额：${formatAmount(out.modelWage)} 元（假设，见场景文件）。`,
      `The cost model prices every line a hotline pays besides the operator's gross wage, then finds the largest head count whose cost fits ${wan(FACTS.budget / FACTS.years)} a year ` +
        `(for the outsourced model, the contract price must fit; in-house, the all-in total). Operators' gross wage: ${formatAmount(out.modelWage)} yuan a month (assumption, scenario file).`,
    ),
    '<figure id="chart-waterfall">',
    '<h2>从简单除法到全成本人数 · From 512 to the full-cost head count</h2>',
    waterfallSvg.trim(),
    `<p class="how" lang="zh-CN"><strong>阅读说明：</strong>每根条从上一根的终点开始：最上面是市民按7,000元做的除法，下一根加上按 ${yuan(out.modelWage)} 元工资可多请的人数，` +
      '之后每一根减去一项成本占掉的人数。最下面是预算实际能支付的人数；虚线标出市里公布的300人和市民说的515人。</p>' +
      `<p class="how en"><strong>How to read this:</strong> Each bar starts where the one above ends: the top bar is the citizen's division at 7,000 yuan, the next adds the operators a ${yuan(out.modelWage)} wage would allow, ` +
      'and every bar after it removes the operators a cost item takes. The bottom bars are the head counts the budget really pays for; the dashed lines mark the city\'s 300 and the citizen\'s 515.</p>',
    '</figure>',
    htmlTable(['项目', 'Step (operators)', modelHead('outsourced'), modelHead('inhouse')], wfRows, { align: ['left', 'left', 'right', 'right'], headline: [wfRows.length - 1] }),
    `<p class="note" lang="zh-CN">若按市民说的7,000元工资总额：外包 ${out.fullCostAtNaiveWage} 人，自营 ${inh.fullCostAtNaiveWage} 人。已签合同${wan(FACTS.contract)}：外包 ${signed.outsourced.fullCost} 人，自营 ${signed.inhouse.fullCost} 人。</p>` +
      `<p class="note en">Paying operators the citizen's 7,000 gross instead: ${out.fullCostAtNaiveWage} outsourced, ${inh.fullCostAtNaiveWage} in-house. ` +
      `The signed ${wan(FACTS.contract)}: ${signed.outsourced.fullCost} outsourced, ${signed.inhouse.fullCost} in-house.</p>`,
    '<h3>全成本预算 · Full-cost budgets（年度合计：万元 totals a year in 10,000 yuan; 月度与每通：元 per month and per call in yuan）</h3>',
    htmlTable(
      ['', '项目', `${modelHead('outsourced')} (${out.fullCost.operators})`, `${modelHead('inhouse')} (${inh.fullCost.operators})`],
      budgetSummaryRows(fullCostPriced, formatWan),
      { align: ['left', 'left', 'right', 'right'] },
    ),
    textBlock('Every line item at the full-cost head counts', budgetLinesTable(fullCostPriced, { outsourced: ` (${out.fullCost.operators})`, inhouse: ` (${inh.fullCost.operators})` })),

    '<h2>3. 实际300名话务员 · The 300 the city reports</h2>',
    htmlTable(
      ['', '元/人·月 Yuan a person-month'],
      [
        [`合同价 Contract ${formatAmount(FACTS.contract)} / 36 months / ${formatAmount(haikouPhones)} operators on the phones (per operator-month, all-in; SOURCES.md: Haikou 2024-26, Haikou 2024)`, yuan(perPhoneMonth.haikou)],
        ['Ceiling 129,000,000 / 36 / 300', yuan(inv.perReportedOperatorYear / 12)],
        [`聊城2024对比 Liaocheng 2024, per person on the phones: ${formatAmount(LIAOCHENG.bid)} / ${formatAmount(liaochengPhones)} / 12 (SOURCES.md: Liaocheng 2024)`, yuan(perPhoneMonth.liaocheng)],
        [`… per head of all ${LIAOCHENG.people} people (supervisors and staff included): ${formatAmount(LIAOCHENG.bid)} / ${LIAOCHENG.people} / 12`, yuan(perPhoneMonth.liaochengPerHead)],
        ...OPERATING_MODELS.map((m) => [`Gross monthly wage the contract pays each of the 300, ${operatingModelNames[m].en.toLowerCase()} (cost model)`, yuan(signed[m].wage300.monthlyWage)]),
        ['海口最低月工资 Haikou minimum monthly wage 2024 (SOURCES.md: Haikou minimum wage 2024)', minimumWage === null ? '—' : yuan(minimumWage)],
      ],
    ),
    '<p class="note" lang="zh-CN">中标方是电信运营商；场景假设其合同还包含接听平台（中继线路、ACD/CRM、硬件），项目调研认为这很可能。中心只说外包的是电话接听（SOURCES.md: Haikou 2024-26）。</p>' +
      `<p class="note en">The vendor is a telecom operator; the scenario assumes its contract also covers the answering platform (trunks, ACD/CRM, hardware), ` +
      'which the project\'s research calls likely. The centre says only call answering is outsourced (SOURCES.md: Haikou 2024-26).</p>',
    `<h3>模拟指标 · Simulated KPIs (2021 volume, ${formatDays(days)}, ${replications} replications)</h3>`,
    htmlTable(
      ['Head count', 'Operators\n人员', 'On seat\n在席', 'Connection rate\n接通率', 'Service level 15 s\n服务水平', 'Abandoned\n呼损率', 'Speed of answer\n平均应答时长', 'Occupancy\n占用率'],
      simRows,
      { headline: [0], htmlColumns: [3, 4, 5, 6, 7], className: 'kpi' },
    ),
    `<p class="note" lang="zh-CN">各次重复的均值，下方为95%置信区间。300人每年接通来电 ${formatWithCi(k300.answeredPerYear, 'calls')}（由 ${formatAmount(days, 2)} 天的模拟期折算为365天）。300人逐日、逐小时的情况见运行报告：<a href="run-300.html">run-300.html</a>。</p>` +
      `<p class="note en">Mean over the replications, 95% CI beneath. Answered calls per year at the 300: ${formatWithCi(k300.answeredPerYear, 'calls')} (the ${formatDays(days)} horizon scaled to 365 days). ` +
      'The day-by-day and hour-by-hour picture of the 300 is in the run report: <a href="run-300.html">run-300.html</a>.</p>',

    '<h2>4. 2020年接通率61.90% · The 2020 figure: 61.90% at 8,254 cases a day</h2>',
    '<p class="lead" lang="zh-CN">这一数字由校准复现，而不是靠人数扫描：见 <code>output/calibration/haikou-2020.html</code>（notebooks/calibration.ts）和 <code>scenarios/haikou-2020.yaml</code>。</p>',
    '<p class="lead en">Reproduced by calibration, not by a staffing sweep: see <code>output/calibration/haikou-2020.html</code> (notebooks/calibration.ts) and <code>scenarios/haikou-2020.yaml</code>.</p>',

    '<h2>假设 · Assumptions</h2>',
    '<ul lang="zh-CN">',
    '<li>取自 <code>scenarios/haikou-2024.yaml</code>（每项都在文件中标明）：85.19%的受理量为来电（江苏的比例）；受理量视为接通来电，故呼入量 = 受理量 ÷ 0.619；每个坐席6人，在席人数随来电量变化；' +
      '通话150秒（常州的平均值），工单话后处理时长按2020年校准，另有回访和网上诉求，耐心时长服从均值120秒的指数分布；采用聊城的周内和日内分布；不计重拨。</li>',
    `<li>成本：话务员月工资总额 ${yuan(out.modelWage)} 元；成本年份 ${at.calendarYear}；社保缴费基数下限4,000元（未查到海南的数字）；平台由中标方提供，场地由政府提供；增值税一般计税6%；` +
      '管理费5%、利润3%，其余用成本库默认值（<code>engine/cost/README.md</code>）。</li>',
    '</ul>',
    '<ul class="en">',
    '<li>From <code>scenarios/haikou-2024.yaml</code> (each labelled there): 85.19% of cases are calls (Jiangsu\'s share); cases are answered calls, so offered = cases / 0.619; 6 people per seat, on seat following demand; ' +
      'talk 150 s (Changzhou\'s average), work orders with the after-call time calibrated on 2020, return visits and online requests, patience exponential 120 s; Liaocheng\'s weekly and hourly shapes; no redials.</li>',
    `<li>Cost: operator gross ${yuan(out.modelWage)} yuan a month; cost year ${at.calendarYear}; social-insurance base floor 4,000 (Hainan's not found); vendor supplies the platform, government the hall; VAT 6% general; ` +
      'management fee 5%, profit 3% and the other library defaults (<code>engine/cost/README.md</code>). ' +
      `Paid hours and seats: ${escapeHtml(at.pricing.staffing?.source ?? "the cost model's fallback")}.</li>`,
    '</ul>',
    ...(study.notes.length || study.warnings.length
      ? [`<p class="note">${[...study.notes.map((n) => `Note: ${n}.`), ...study.warnings.map((w) => `Warning: ${w}.`)].map(escapeHtml).join('<br>')}</p>`]
      : []),
    textBlock('The full budget study as text (hotline-sim budget scenarios/haikou-2024.yaml --budget 129e6 --years 3 --naive-wage 7000)', formatBudgetReport(study)),
    '<footer>由 <code>notebooks/haikou.ts</code>（hotline-sim）依据 <code>scenarios/haikou-2024.yaml</code> 生成；引用数字见 <code>scenarios/SOURCES.md</code>，假设在场景文件中标明；模拟结果，非观测值。<br>Made by <code>notebooks/haikou.ts</code> (hotline-sim) from <code>scenarios/haikou-2024.yaml</code>; figures cited in <code>scenarios/SOURCES.md</code>, assumptions labelled in the scenario. ' +
      'Simulated figures, not observations. CSVs: <code>budget-*.csv</code>, <code>kpis.csv</code>, <code>inversion.csv</code>; everything in <code>result.json</code>.</footer>',
  ];
  return {
    'report.html': htmlPage(`${TITLE_ZH} · Haikou 12345`, BILINGUAL_CSS + body.join('\n')),
    'chart-waterfall.svg': waterfallSvg.endsWith('\n') ? waterfallSvg : waterfallSvg + '\n',
  };
}

function waterfallSpec(): TopLevelSpec {
  const rows: { step: string; model: string; start: number; end: number; label: string }[] = [];
  const steps: string[] = [];
  const models = OPERATING_MODELS.map((m) => `${operatingModelNames[m].en} ${operatingModelNames[m].zh}`);
  OPERATING_MODELS.forEach((m, mi) => {
    for (const w of inv.models[m].waterfall) {
      // Chinese first on the axis, the English beside (money in 万元, as the page's prose).
      const step =
        w.key === 'naive'
          ? `简单除法 ${formatWan(FACTS.budget)}元 ÷ 36 ÷ 7,000 · naive`
          : w.key === 'wage'
            ? `工资总额 ${formatAmount(inv.models[m].modelWage)} 而非 7,000 · gross wage`
            : `${w.zh} · ${w.en.replace(/ \(.*\)$/, '')}`;
      if (!steps.includes(step)) steps.push(step);
      const start = w.key === 'naive' ? 0 : w.running - w.heads;
      rows.push({ step, model: models[mi], start, end: w.running, label: w.key === 'naive' ? formatAmount(w.heads, 1) : formatSigned(w.heads, 1) });
    }
  });
  const final = '= 全成本人数 full-cost head count';
  steps.push(final);
  OPERATING_MODELS.forEach((m, mi) => rows.push({ step: final, model: models[mi], start: 0, end: inv.models[m].fullCost.operators, label: String(inv.models[m].fullCost.operators) }));
  const y = { field: 'step', type: 'nominal', sort: steps, axis: { title: null, labelLimit: 380 } };
  const x = { field: 'start', type: 'quantitative', scale: { domain: [0, 850] }, axis: { title: '话务员人数 Operators' } };
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
        data: { values: [{ x: FACTS.operators, label: `市公布 city: ${FACTS.operators}` }, { x: FACTS.citizenClaim, label: `市民 citizen: ${FACTS.citizenClaim}` }] },
        layer: [
          { mark: { type: 'rule', strokeDash: [6, 4], color: '#555' }, encoding: { x: { field: 'x', type: 'quantitative' } } },
          { mark: { type: 'text', y: -6, align: 'center', color: '#333', fontSize: 12 }, encoding: { x: { field: 'x', type: 'quantitative' }, text: { field: 'label' } } },
        ],
      },
    ],
    config: chartConfig(),
  } as TopLevelSpec;
}

