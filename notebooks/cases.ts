// Case comparison: the five shipped scenarios (Liaocheng, Haikou, Nanning, Yongchuan, Guangzhou) on
// one page — cited budget and head count, budget per operator all-in, the simulated connection rate
// and service level of that head count, the cost model's budget for it, and each scenario's finding.
//
//   node --import tsx notebooks/cases.ts [--max-days 91] [--replications N]
//
// Writes output/cases/index.html (with its chart SVGs and cases.csv) and prints a summary citing the
// figures it rests on (scenarios/SOURCES.md).
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { TopLevelSpec } from 'vega-lite';
import {
  OPERATING_MODELS,
  budgetStudy,
  escapeHtml,
  formatAmount,
  formatWithCi,
  formatWan,
  formatDays,
  htmlPage,
  loadScenario,
  loadStudyScenario,
  monthlyWages,
  operatingModelNames,
  writeFilesAtomically,
  type BudgetStudy,
  type Model,
} from '../engine/index.ts';
import { chartConfig, GBT33358, renderSvg } from '../engine/report/charts.ts';
import { costPerHeadcountMonth } from '../engine/report/budgetParts.ts';
import { BILINGUAL_CSS, ciCell, freshOutputDir, htmlTable, shown, since } from './shared.ts';
import { caseTitleZh } from './calibrationCases.ts';
import { CASES, type CaseFacts } from './casesFacts.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'output', 'cases');

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const yuan = (x: number) => formatAmount(x);
const caseLabel = (r: CaseResult) => `${r.facts.city} ${r.facts.period}${r.facts.headcountCited ? '' : '*'} (${formatAmount(r.facts.headcount)})`;

const { values: args } = parseArgs({
  options: {
    // Each scenario runs its own horizon, capped at this many days. No scenario has monthly
    // seasonality (none is published: an assumption each states), so a quarter gives the year's averages.
    'max-days': { type: 'string', default: '91' },
    // Default: each scenario's own (10 in all five).
    replications: { type: 'string' },
    // Another folder (new or empty) instead of output/cases: the page-vs-CLI test writes to a temporary one.
    out: { type: 'string' },
  },
});
const maxDays = Number(args['max-days']);
const replications = args.replications === undefined ? undefined : Number(args.replications);
if (!(maxDays > 0) || (replications !== undefined && (!Number.isInteger(replications) || replications < 2))) {
  throw new Error('--max-days must be more than 0 and --replications a whole number, 2 or more');
}

// ---- Run ---------------------------------------------------------------------------------------
interface CaseResult {
  facts: CaseFacts;
  file: string;
  name: string;
  description: string;
  ownDays: number;
  days: number;
  startDate: string;
  seconds: number;
  annualBudget: number;
  perOperatorYear: number;
  perOperatorMonth: number;
  study: BudgetStudy;
  /** The cited budget, through the cost model: operators it buys at the scenario's wage, and the wage it pays the head count. */
  inversion: Record<Model, { operators: number; wage: number; feasible: boolean }>;
  minimumWage: number | null;
  operatorWage: number;
}
const t0 = performance.now();
const results: CaseResult[] = CASES.map((c) => {
  const t = performance.now();
  const file = join(root, 'scenarios', c.file);
  const own = loadScenario(file);
  const ownDays = (own.nIntervals * own.intervalSeconds) / 86400;
  const days = Math.min(ownDays, maxDays);
  const overrides = { ...(days < ownDays ? { horizonHours: days * 24 } : {}), ...(replications !== undefined ? { replications } : {}) };
  const annualBudget = c.budgetYuan / c.termYears;
  const amount = annualBudget * c.contractYears; // the budget over the term the vendor amortises over
  // The price, and what the cited budget buys and pays: `hotline-sim budget <file> --budget <amount> --years <term>`.
  const study = budgetStudy({ file, years: c.contractYears, overrides, budgetYuan: amount });
  if (study.at.headcount !== c.headcount) throw new Error(`${c.file}: the scenario's head count is ${study.at.headcount}, this notebook cites ${c.headcount}`);
  const spec = loadStudyScenario(file).spec;
  const inv = study.inversion!;
  const inversion = Object.fromEntries(
    OPERATING_MODELS.map((m) => [m, { operators: inv.models[m].fullCost.operators, wage: inv.models[m].affordableWage.monthlyWage, feasible: inv.models[m].affordableWage.feasible }]),
  ) as CaseResult['inversion'];
  return {
    facts: c,
    file: relative(root, file),
    name: own.name,
    description: (own.description ?? '').trim(),
    ownDays,
    days,
    startDate: own.startDate,
    seconds: (performance.now() - t) / 1000,
    annualBudget,
    perOperatorYear: inv.perReportedOperatorYear,
    perOperatorMonth: inv.perReportedOperatorYear / 12,
    study,
    inversion,
    minimumWage: spec.city.minimumMonthlyWage ?? null,
    operatorWage: monthlyWages(spec, 'outsourced').operator,
  };
});
const tSim = performance.now();

// ---- Write -------------------------------------------------------------------------------------
const page = await casesHtml();
if (args.out === undefined) freshOutputDir(OUT);
const written = writeFilesAtomically(args.out ?? OUT, { ...page, 'cases.csv': casesCsv() }, args.out === undefined);
const tReport = performance.now();

// ---- Summary on stdout -------------------------------------------------------------------------
const lines = [
  'Five 12345 hotline cases — budget, head count, connection rate',
  '',
  'Figures these rest on (scenarios/SOURCES.md):',
  ...results.map(
    (r) =>
      `  - ${r.facts.city} ${r.facts.period}: ${yuan(r.facts.budgetYuan)} yuan, ${r.facts.budgetWhat} (${r.facts.budgetSource}); ` +
      `${formatAmount(r.facts.headcount)} operators (${r.facts.headcountSource})`,
  ),
  'Assumptions (each scenario file): call volumes from cited request counts (phone shares, manual shares assumed), talk 150 s (Changzhou),',
  'work orders with a CALIBRATED (or transferred) after-call time, return visits, online requests, patience 120 s, Liaocheng\'s weekly and',
  'hourly shapes, 6 people per seat on average following demand, and each scenario\'s cost section (operator wages assumed; defaults elsewhere).',
  '',
  'Budget per operator, all-in (cited budget / head count):',
  ...results.map((r) => `  ${r.facts.city.padEnd(14)} ${yuan(r.perOperatorYear).padStart(8)} yuan per operator-year, ${yuan(r.perOperatorMonth).padStart(6)} per operator-month${r.facts.headcountCited ? '' : ' (head count assumed)'}`),
  '',
  `Simulated at the reported head count (own horizon capped at ${maxDays} days; mean, 95% CI):`,
  ...results.map((r) => {
    const k = r.study.at.kpis!;
    return (
      `  ${r.facts.city.padEnd(14)} ${formatAmount(r.facts.headcount).padStart(5)} operators → ${r.study.at.agentsOnSeat.toFixed(1).padStart(5)} on seat on average, ${r.days} days × ${k.replications}: ` +
      `connection ${formatWithCi(k.connectionRate, 'ratio')}, 15-s service level ${pct(k.serviceLevel.mean)}, occupancy ${pct(k.occupancy.mean)}`
    );
  }),
  '',
  'Cost model at the reported head count (yuan a year) against the cited budget:',
  ...results.map((r) => {
    const b = r.study.at.budgets;
    return (
      `  ${r.facts.city.padEnd(14)} outsourced contract price ${yuan(b.outsourced.budget.contractPrice ?? NaN).padStart(11)} (all-in ${yuan(b.outsourced.budget.total)}), ` +
      `in-house ${yuan(b.inhouse.budget.total)}; cited ${yuan(r.annualBudget)} = ${(r.annualBudget / (b.outsourced.budget.contractPrice ?? NaN)).toFixed(2)}× the modelled contract price; ` +
      `it buys ${formatAmount(r.inversion.outsourced.operators)} operators outsourced at ${yuan(r.operatorWage)} gross`
    );
  }),
  '',
  'Findings (the scenarios\' descriptions, and this run):',
  ...results.flatMap((r) => [`  ${r.facts.city}: ${thisRun(r).en}`, ...(finding(r) ? [`    Scenario: ${finding(r)}`] : []), ...(r.facts.remark ? [`    Also cited: ${r.facts.remark}`] : [])]),
  '',
  `Wrote ${shown(written)}`,
  `Time: ${results.map((r) => `${r.facts.id} ${r.seconds.toFixed(1)} s`).join(', ')}; simulation ${since(t0, tSim)}, report ${since(tSim, tReport)}, total ${since(t0, tReport)}`,
];
process.stdout.write(lines.join('\n') + '\n');

/**
 * A scenario's finding for stdout: the sentence after "FINDING:" in its description, else the
 * description after its first sentence (which, in every shipped scenario, describes the setup).
 */
function finding(r: CaseResult): string | null {
  const text = r.description.replace(/\s+/g, ' ').trim();
  const m = /FINDING:\s*(.+?\.)(\s|$)/.exec(text);
  if (m) return m[1];
  const rest = text.replace(/^.+?\.\s+/, '');
  return rest && rest !== text ? rest : null;
}

/** One sentence from the numbers of this run, in Chinese (`zh`, shown first) and English: the same figures in both. */
function thisRun(r: CaseResult): { zh: string; en: string } {
  const k = r.study.at.kpis!;
  const b = r.study.at.budgets.outsourced.budget;
  const ratio = r.annualBudget / (b.contractPrice ?? NaN);
  const conn = k.connectionRate.mean;
  const n = formatAmount(r.facts.headcount);
  const meets = conn >= GBT33358.connectionRate;
  const callSide = meets
    ? { zh: `${n}人可接通模拟来电的 ${pct(conn)}（GB/T 33358：≥ 95%），坐席占用率 ${pct(k.occupancy.mean)}`, en: `the ${n} answer ${pct(conn)} of the modelled calls (GB/T 33358: ≥ 95%) at ${pct(k.occupancy.mean)} occupancy` }
    : { zh: `${n}人只能接通模拟来电的 ${pct(conn)}，达不到 GB/T 33358 的95%`, en: `the ${n} answer only ${pct(conn)} of the modelled calls, short of GB/T 33358's 95%` };
  const wage = yuan(r.inversion.outsourced.wage);
  const minimum = r.minimumWage !== null ? yuan(r.minimumWage) : null;
  const costSide =
    ratio > 1.1
      ? { zh: `公布预算是成本模型报价的 ${ratio.toFixed(2)} 倍，还有余地多请人、提高工资或支付模型未计的工作`, en: `the cited budget is ${ratio.toFixed(2)}× what the cost model prices them at, room for more people, higher pay or work the model leaves out` }
      : ratio < 0.9
        ? {
            zh: `公布预算只有成本模型报价的 ${ratio.toFixed(2)} 倍（外包时可支付每人每月工资总额 ${wage} 元${minimum ? `；最低工资 ${minimum} 元` : ''}）`,
            en: `the cited budget is only ${ratio.toFixed(2)}× what the cost model prices them at (it pays a gross wage of ${wage} a month outsourced${minimum ? `; minimum wage ${minimum}` : ''})`,
          }
        : { zh: `公布预算与成本模型的报价接近（${ratio.toFixed(2)} 倍）`, en: `the cited budget is close to the cost model's price for them (${ratio.toFixed(2)}×)` };
  return { zh: `${callSide.zh}；${costSide.zh}。`, en: `${callSide.en}; ${costSide.en}.` };
}

// ---- CSV ---------------------------------------------------------------------------------------
function casesCsv(): string {
  const head = [
    'case', 'scenario', 'budget_yuan', 'term_years', 'contract_years', 'annual_budget_yuan', 'headcount', 'headcount_cited', 'per_operator_year', 'per_operator_month',
    'days_simulated', 'replications', 'agents_on_seat', 'connection_rate', 'connection_ci95_low', 'connection_ci95_high', 'service_level', 'service_level_ci95_low', 'service_level_ci95_high',
    'occupancy', 'model_outsourced_contract_price', 'model_outsourced_total', 'model_inhouse_total', 'model_outsourced_per_headcount_month', 'budget_buys_outsourced', 'budget_buys_inhouse',
    'affordable_wage_outsourced', 'affordable_wage_inhouse',
  ];
  const rows = results.map((r) => {
    const k = r.study.at.kpis!;
    const b = r.study.at.budgets;
    return [
      r.facts.id, r.file, r.facts.budgetYuan, r.facts.termYears, r.facts.contractYears, r.annualBudget, r.facts.headcount, r.facts.headcountCited, r.perOperatorYear, r.perOperatorMonth,
      r.days, k.replications, r.study.at.agentsOnSeat, k.connectionRate.mean, k.connectionRate.ciLow, k.connectionRate.ciHigh, k.serviceLevel.mean, k.serviceLevel.ciLow, k.serviceLevel.ciHigh,
      k.occupancy.mean, b.outsourced.budget.contractPrice, b.outsourced.budget.total, b.inhouse.budget.total, costPerHeadcountMonth(b.outsourced, r.study.at.headcount),
      r.inversion.outsourced.operators, r.inversion.inhouse.operators, r.inversion.outsourced.wage, r.inversion.inhouse.wage,
    ].map((v) => (v === null || v === undefined ? '' : String(v)));
  });
  return [head, ...rows].map((r) => r.join(',')).join('\n') + '\n';
}

// ---- The page ----------------------------------------------------------------------------------
async function casesHtml(): Promise<Record<string, string>> {
  const costSvg = await renderSvg(costSpec(), 'chart-cost');
  const connSvg = await renderSvg(connectionSpec(), 'chart-connection');
  const cityCell = (r: CaseResult) => `${r.facts.city} ${r.facts.period}`;
  // The scenario's Chinese title, from the calibration case table (the one place it is written).
  const titleZh = (r: CaseResult) => caseTitleZh(r.file);

  const budgetRows = results.map((r) => [
    cityCell(r),
    formatWan(r.facts.budgetYuan),
    `${r.facts.termYears}`,
    r.facts.budgetWhat + ` — ${r.facts.budgetSource}`,
    `${formatAmount(r.facts.headcount)}${r.facts.headcountCited ? '' : '*'}`,
    yuan(r.perOperatorYear),
    yuan(r.perOperatorMonth),
  ]);
  const kpiRows = results.map((r) => {
    const k = r.study.at.kpis!;
    return [
      cityCell(r),
      `${formatAmount(r.facts.headcount)}${r.facts.headcountCited ? '' : '*'}`,
      formatAmount(r.study.at.agentsOnSeat, 1),
      `${formatAmount(r.days)}${r.days < r.ownDays ? ` of ${formatAmount(r.ownDays)}` : ''} × ${k.replications}`,
      ciCell(k.connectionRate),
      ciCell(k.serviceLevel),
      ciCell(k.asa, 'seconds'),
      ciCell(k.occupancy),
    ];
  });
  const costRows = results.map((r) => {
    const b = r.study.at.budgets;
    const cp = b.outsourced.budget.contractPrice ?? NaN;
    const wage = (m: Model) => {
      const w = r.inversion[m];
      if (!w.feasible) return 'none';
      const below = r.minimumWage !== null && w.wage < r.minimumWage ? ' ⚠' : '';
      return yuan(w.wage) + below;
    };
    return [
      cityCell(r),
      formatWan(r.annualBudget),
      formatWan(cp),
      formatWan(b.outsourced.budget.total),
      formatWan(b.inhouse.budget.total),
      `${(r.annualBudget / cp).toFixed(2)}×`,
      `${formatAmount(r.inversion.outsourced.operators)} / ${formatAmount(r.inversion.inhouse.operators)}`,
      `${yuan(r.operatorWage)}; ${wage('outsourced')} / ${wage('inhouse')}`,
    ];
  });
  const findings = results.map((r) => {
    const desc = escapeHtml(r.description).replace(/`([^`]+)`/g, '<code>$1</code>').replace(/FINDING:/, '<strong>FINDING:</strong>');
    const warn = r.study.warnings.length ? `<p class="note">${r.study.warnings.map((w) => `Warning: ${escapeHtml(w)}.`).join('<br>')}</p>` : '';
    return (
      `<h3>${escapeHtml(cityCell(r))} · <code>${escapeHtml(r.file)}</code></h3>\n` +
      `<p>${titleZh(r) ? `<em lang="zh-CN">${escapeHtml(titleZh(r)!)}</em> · ` : ''}<em>${escapeHtml(r.name)}</em></p>\n` +
      `<p lang="zh-CN"><strong>本次运行</strong>（自 ${escapeHtml(r.startDate)} 起 ${formatAmount(r.days)} 天，${r.study.at.kpis!.replications} 次重复）：${escapeHtml(thisRun(r).zh)}</p>\n` +
      `<p class="en"><strong>This run</strong> (${formatDays(r.days)} from ${escapeHtml(r.startDate)}, ${r.study.at.kpis!.replications} replications): ${escapeHtml(thisRun(r).en)}</p>\n` +
      `<p><strong>场景文件的说明（英文）· The scenario's description</strong> (its finding, where it states one): ${desc}</p>\n` +
      (r.facts.remark ? `<p><strong>Also cited:</strong> ${escapeHtml(r.facts.remark)}</p>\n` : '') +
      `<p class="note">Head count: ${escapeHtml(r.facts.headcountSource)}. Budget: ${escapeHtml(r.facts.budgetWhat)} (${escapeHtml(r.facts.budgetSource)}).</p>\n` +
      warn
    );
  });

  const lo = Math.min(...results.map((r) => r.perOperatorMonth));
  const hi = Math.max(...results.map((r) => r.perOperatorMonth));
  const body = [
    '<h1 lang="zh-CN">五地12345热线：预算、人员与接通率<span class="zh" lang="en">Five 12345 hotlines: budget, head count and connection rate</span></h1>',
    '<p class="lead" lang="zh-CN"><code>scenarios/</code> 中的每个场景并列比较：公布的预算和人数、折合每名话务员多少钱、模型给出的这些人的接通情况，以及成本模型给出的费用。' +
      '预算和公布人数来自 <code>scenarios/SOURCES.md</code>；标 * 的人数是场景的假设。' +
      `模拟期：各场景自身的模拟期，最长 ${formatAmount(maxDays)} 天（均无月度季节性，各场景已写明这一假设）；${replications === undefined ? '各场景自身的重复次数' : `${replications} 次重复`}，各场景自身的随机种子。</p>`,
    '<p class="lead en">Every scenario shipped in <code>scenarios/</code>, side by side: the budget and head count the sources give, what that is per operator, ' +
      'what the model says that head count achieves on the phones, and what the cost model says it costs. Budgets and cited head counts are from ' +
      '<code>scenarios/SOURCES.md</code>; head counts marked * are the scenario\'s assumption. ' +
      `Simulations: each scenario's own horizon capped at ${formatDays(maxDays)} (none has monthly seasonality, an assumption each states), ` +
      `${replications === undefined ? "each scenario's own replications" : `${replications} replications`}, each scenario's seed.</p>`,
    '<div class="summary"><ul>',
    `<li><span lang="zh-CN">人均月预算（全口径）从 <strong>${yuan(lo)}</strong> 元到 <strong>${yuan(hi)}</strong> 元不等（公布预算 ÷ 人数）。</span><br>` +
      `<span class="en">All-in budget per operator-month ranges from <strong>${yuan(lo)}</strong> to <strong>${yuan(hi)}</strong> yuan (cited budget / head count).</span></li>`,
    ...results.map((r) => `<li><strong>${escapeHtml(r.facts.city)}</strong>：<span lang="zh-CN">${escapeHtml(thisRun(r).zh)}</span><br><span class="en">${escapeHtml(thisRun(r).en)}</span></li>`),
    '</ul></div>',

    '<h2>预算与人员 · Budget and head count</h2>',
    htmlTable(
      ['案例\nCase', '预算（万元）\nBudget (10,000 yuan)', '年限\nYears', '内容与来源\nWhat and source', '人数\nPeople', '人均年（元，全口径）\nPer person-year, all-in', '人均月（元，全口径）\nPer person-month, all-in'],
      budgetRows,
      { align: ['left', 'right', 'right', 'left', 'right', 'right', 'right'] },
    ),
    '<p class="note" lang="zh-CN">* 未公布：场景的假设（见场景文件）。人均 = 年预算 ÷ 人数；称"全口径"是因为预算同时支付工资、单位缴费、班组长、坐席、服务商管理费、利润和税费。南宁和永川的数字分别为当年（2020、2011年）的价格。</p>',
    '<p class="note en">* Not published: the scenario\'s assumption (see its file). Per operator = annual budget / operators; "all-in" because the budget pays wages, ' +
      'employer contributions, supervisors, seats, the vendor\'s fee and profit and tax alike. Nanning\'s and Yongchuan\'s figures are in their own years\' money (2020, 2011).</p>',

    '<h2>模拟指标（按公布人数）· Simulated at the reported head count</h2>',
    htmlTable(
      ['案例\nCase', '人数\nPeople', '在席\nOn seat', 'Days × replications', 'Connection rate\n接通率', 'Service level 15 s\n服务水平', 'Speed of answer\n平均应答时长', 'Occupancy\n占用率'],
      kpiRows,
      { htmlColumns: [4, 5, 6, 7], className: 'kpi' },
    ),
    '<p class="note" lang="zh-CN">接听电话的人数 ÷ 6 为平均在席人数，按来电曲线分布（每个场景的假设）。服务水平 = 15秒内接通数 ÷（接通数 + 放弃数）。各次重复的均值，下方为95%置信区间。</p>',
    '<p class="note en">People on the phones / 6 are on seat on average, spread in proportion to the call curve (an assumption in every scenario). ' +
      'Service level = answered within 15 s / (answered + abandoned). Mean over replications, 95% CI beneath.</p>',
    '<figure id="chart-connection">',
    '<h2>接通率（按公布人数）· Connection rate at the reported head count</h2>',
    connSvg.trim(),
    '<p class="how" lang="zh-CN"><strong>阅读说明：</strong>每个点是公布人数（或场景假设的人数，标 *）下的模拟接通率，横线为其95%置信区间，通常被点遮住；虚线为 GB/T 33358 的95%目标。</p>',
    '<p class="how en"><strong>How to read this:</strong> Each dot is the simulated connection rate of the head count in the sources (or the scenario\'s assumption, marked *), ' +
      'with its 95% confidence interval as a bar, usually hidden by the dot; the dashed line is the GB/T 33358 target of 95%.</p>',
    '</figure>',

    '<h2>成本模型 · What the cost model says（万元/年 · 10,000 yuan a year）</h2>',
    htmlTable(
      ['案例\nCase', '公布预算/年\nCited a year', '模型合同价（外包）\nModelled contract price', '全口径（外包）\nAll-in, outsourced', '全口径（自营）\nAll-in, in-house', '公布/模型\nCited / modelled', '预算可雇人数 外包/自营\nBudget buys (people)', '假设工资；预算可付工资（元/月）\nWage assumed; budget pays'],
      costRows,
    ),
    '<p class="note">万元 a year (10,000 yuan; cases.csv keeps yuan) at the reported head count, from each scenario\'s <code>cost</code> section (operator wages are assumptions there; every other input is cited or a labelled library default: ' +
      '<code>engine/cost/README.md</code>). "Budget buys": the largest head count whose outsourced contract price (in-house: all-in total) fits the cited budget at the assumed wage. ' +
      '"Budget pays": the gross monthly operator wage that makes the cost of the reported head count equal the budget; ⚠ = below the city\'s minimum wage. ' +
      'Haikou is amortised over its 3-year contract; Guangzhou\'s contract is signed yearly (1 year). Paid hours and seats come from each scenario\'s staffing (following demand), not a roster. ' +
      'Every figure here is what <code>hotline-sim budget &lt;file&gt; --budget &lt;cited amount&gt;</code> prints.</p>',
    '<figure id="chart-cost">',
    '<h2>人均月成本：预算与成本模型 · All-in yuan per person-month, the budget and the cost model</h2>',
    costSvg.trim(),
    '<p class="how" lang="zh-CN"><strong>阅读说明：</strong>每个案例的第一根条是公布预算除以人数；第二根是成本模型对同样人数的外包全口径费用，除以同样的人数（同口径：班组长等总额支付的人员两边都计入）。第一根明显高于第二根，说明预算支付的不只是模型中按假设工资计算的话务员。</p>',
    '<p class="how en"><strong>How to read this:</strong> For each case, the first bar is the cited budget divided by the head count; the second is the cost model\'s all-in outsourced total for the same head count, ' +
      'divided by the same head count (like with like: supervisors and everyone else the total pays are in both). A first bar well above the second means the budget pays for more than the model\'s operators at the assumed wage.</p>',
    '</figure>',

    '<h2>结论 · Findings</h2>',
    ...findings,
    `<p class="note">详见 In depth: <code>notebooks/liaocheng.ts</code>（<a href="../liaocheng/headcount.html">人数与接通率 head count and connection rate</a>）和 ` +
      `<code>notebooks/haikou.ts</code>（<a href="../haikou/report.html">${formatWan(129_000_000)}元与"515名话务员" and "515 operators"</a>）；先运行它们，链接才有效 run them first for the links to work.</p>`,
    '<footer>由 <code>notebooks/cases.ts</code>（hotline-sim）依据 <code>scenarios/*.yaml</code> 生成；引用数字见 <code>scenarios/SOURCES.md</code>，假设在各场景文件中标明；模拟结果，非观测值；本页数字见 <code>cases.csv</code>。<br>' +
      'Made by <code>notebooks/cases.ts</code> (hotline-sim) from <code>scenarios/*.yaml</code>; figures cited in <code>scenarios/SOURCES.md</code>, assumptions labelled in each scenario. ' +
      'Simulated figures, not observations. The numbers behind this page: <code>cases.csv</code>.</footer>',
  ];
  return {
    'index.html': htmlPage('五地12345热线：预算、人员与接通率 · Five 12345 hotlines: budget, head count and connection rate', BILINGUAL_CSS + body.join('\n')),
    'chart-cost.svg': costSvg.endsWith('\n') ? costSvg : costSvg + '\n',
    'chart-connection.svg': connSvg.endsWith('\n') ? connSvg : connSvg + '\n',
  };
}

function costSpec(): TopLevelSpec {
  const series = [
    '公布预算 ÷ 人数 Cited budget / head count',
    `成本模型（${operatingModelNames.outsourced.zh}，全口径）÷ 人数 Cost model, ${operatingModelNames.outsourced.en.toLowerCase()} / head count`,
  ];
  const rows = results.flatMap((r) => [
    { case: caseLabel(r), series: series[0], value: r.perOperatorMonth },
    { case: caseLabel(r), series: series[1], value: costPerHeadcountMonth(r.study.at.budgets.outsourced, r.study.at.headcount) },
  ]);
  const y = { field: 'case', type: 'nominal', sort: results.map(caseLabel), axis: { title: null } };
  const x = { field: 'value', type: 'quantitative', axis: { title: '人均月成本（元，全口径）Yuan per person-month, all-in', format: ',d' } };
  const color = { field: 'series', type: 'nominal', scale: { domain: series, range: ['#1f77b4', '#bbbbbb'] } };
  return {
    width: 560,
    height: results.length * 46,
    data: { values: rows },
    layer: [
      { mark: { type: 'bar', height: 16 }, encoding: { y, yOffset: { field: 'series', sort: series }, x, color } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { y, yOffset: { field: 'series', sort: series }, x, text: { field: 'value', format: ',.0f' } } },
    ],
    config: chartConfig(),
  } as TopLevelSpec;
}

function connectionSpec(): TopLevelSpec {
  const rows = results.map((r) => {
    const e = r.study.at.kpis!.connectionRate;
    return { case: caseLabel(r), mean: e.mean, lo: e.ciLow ?? e.mean, hi: e.ciHigh ?? e.mean };
  });
  const y = { field: 'case', type: 'nominal', sort: results.map(caseLabel), axis: { title: null } };
  const x = { field: 'mean', type: 'quantitative', scale: { domain: [0, 1], nice: false }, axis: { title: '接通率 Connection rate', format: '.0%' } };
  return {
    width: 560,
    height: results.length * 44,
    layer: [
      {
        data: { values: rows },
        layer: [
          { mark: { type: 'rule', strokeWidth: 2, color: '#1f77b4' }, encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
          { mark: { type: 'point', filled: true, size: 90, opacity: 1, color: '#1f77b4' }, encoding: { y, x } },
          { mark: { type: 'text', align: 'center', baseline: 'bottom', dy: -7, fontSize: 11 }, encoding: { y, x, text: { field: 'mean', format: '.2%' } } },
        ],
      },
      {
        data: { values: [{ x: GBT33358.connectionRate, label: 'GB/T 33358 ≥ 95%' }] },
        layer: [
          { mark: { type: 'rule', color: '#2ca02c', strokeDash: [6, 4], strokeWidth: 2 }, encoding: { x: { field: 'x', type: 'quantitative', scale: { domain: [0, 1], nice: false } } } },
          { mark: { type: 'text', y: -8, align: 'center', color: '#2b7a2b', fontSize: 12 }, encoding: { x: { field: 'x', type: 'quantitative' }, text: { field: 'label' } } },
        ],
      },
    ],
    config: chartConfig(),
  } as TopLevelSpec;
}
