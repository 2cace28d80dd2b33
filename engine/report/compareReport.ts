// The comparison report (hotline-sim compare) as text and CSV. Numbers are rounded here only.
import { csvWithBom } from './csv.ts';
import { OPERATING_MODELS, type KpiDifference, type ModelComparison, type ScenarioComparison, type ScenarioCosting } from '../experiment/studies/budgetStudy.ts';
import { budgetLinesCsv } from './budgetCsv.ts';
import { budgetKpiRows, budgetSummaryRows, costPerPersonMonth } from './budgetParts.ts';
import { staffingShape } from './budgetReport.ts';
import { describeKpiTarget, formatAmount, formatSigned, formatWithCi, operatingModelNames, textTable, wrapText, formatDays } from './format.ts';
import { describePeriod } from '../experiment/search/targetPeriod.ts';
import { resultJson } from './json.ts';

const kpiNames: Record<KpiDifference['metric'], { en: string; zh: string; unit: 'ratio' | 'seconds' | 'calls' }> = {
  connectionRate: { en: 'Connection rate', zh: '接通率', unit: 'ratio' },
  abandonmentRate: { en: 'Abandonment rate', zh: '呼损率', unit: 'ratio' },
  serviceLevel: { en: 'Service level', zh: '服务水平', unit: 'ratio' },
  asa: { en: 'Average speed of answer', zh: '平均应答时长', unit: 'seconds' },
  occupancy: { en: 'Agent occupancy', zh: '坐席占用率', unit: 'ratio' },
  answeredPerYear: { en: 'Answered calls per year', zh: '年接通量', unit: 'calls' },
};

function difference(d: KpiDifference): string {
  const u = kpiNames[d.metric].unit;
  if (!Number.isFinite(d.difference)) return '—';
  if (u === 'ratio') return `${formatSigned(d.difference * 100, 2)} pts${d.halfWidth === null ? '' : ` ± ${formatAmount(d.halfWidth * 100, 2)}`}`;
  if (u === 'seconds') return `${formatSigned(d.difference, 1)} s${d.halfWidth === null ? '' : ` ± ${formatAmount(d.halfWidth, 1)}`}`;
  return `${formatSigned(d.difference, 0)}${d.halfWidth === null ? '' : ` ± ${formatAmount(d.halfWidth, 0)}`}`;
}

function describe(tag: string, c: ScenarioCosting): string {
  const k = c.kpis;
  return (
    `${tag}: ${c.name} (${c.file})\n` +
    `   ${formatAmount(c.headcount)} people, ${formatAmount(c.agentsOnSeat, Number.isInteger(c.agentsOnSeat) ? 0 : 1)} on seat; cost year ${c.calendarYear}` +
    (c.costSource === 'defaults' ? ' (no cost section: library defaults)' : '') +
    (k ? `; ${formatDays(k.countedDays)} × ${k.replications} replications, service level T = ${k.serviceLevelSeconds} s` : '')
  );
}

const money = (x: number | null, digits = 0) => (x === null || !Number.isFinite(x) ? '—' : formatAmount(x, digits));
const moneyDiff = (a: number | null, b: number | null, digits = 0) => (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) ? '—' : formatSigned(b - a, digits));

export function formatCompareReport(c: ScenarioComparison | ModelComparison, options: { detail?: boolean } = {}): string {
  const summary = c.kind === 'models' ? modelsSummary(c) : scenariosSummary(c);
  if (!options.detail) return summary + '\n(--detail: every KPI with its CI, unit costs and line items; --out DIR: compare.csv, result.json)';
  return summary + '\n\n' + (c.kind === 'models' ? formatModels(c) : formatScenarios(c));
}

/** "97.20% ± 0.03" (percentage points), "3.1 s ± 0.1". */
function meanPm(e: { mean: number; ciLow: number | null; ciHigh: number | null }, unit: 'ratio' | 'seconds' | 'calls'): string {
  if (!Number.isFinite(e.mean)) return '—';
  const h = e.ciLow === null || e.ciHigh === null ? null : (e.ciHigh - e.ciLow) / 2;
  if (unit === 'ratio') return `${(e.mean * 100).toFixed(2)}%${h === null ? '' : ` ±${(h * 100).toFixed(2)}`}`;
  if (unit === 'seconds') return `${e.mean.toFixed(1)} s${h === null ? '' : ` ±${h.toFixed(1)}`}`;
  return formatAmount(e.mean);
}

export function termText(c: ScenarioCosting): string {
  const y = formatAmount(c.term.years, 2).replace(/\.00$/, '');
  const from = { option: 'as given', citedContract: 'cited contract', default: 'no contract cited' }[c.term.source];
  return `${y} year${c.term.years === 1 ? '' : 's'} (${from})`;
}

function staffingText(c: ScenarioCosting): string {
  const src = c.pricing.staffing?.source ?? '';
  const how = staffingShape(src);
  return `${formatAmount(c.headcount)} people, ${formatAmount(c.agentsOnSeat, Number.isInteger(c.agentsOnSeat) ? 0 : 1)} on seat ${how}`;
}

function periodText(c: ScenarioCosting): string {
  const k = c.kpis;
  return k ? `${formatAmount(k.countedDays, Number.isInteger(k.countedDays) ? 0 : 2)} d × ${k.replications} reps` : 'not simulated';
}

function scenariosSummary(c: ScenarioComparison): string {
  const { a, b } = c;
  const out: string[] = [];
  out.push(...wrapText(`A: ${a.name}`, 100, '   '));
  out.push(`   ${staffingText(a)}; ${periodText(a)}; term ${termText(a)}`);
  out.push(...wrapText(`B: ${b.name}`, 100, '   '));
  out.push(`   ${staffingText(b)}; ${periodText(b)}; term ${termText(b)}`);
  const rows: string[][] = [];
  rows.push(['People on the payroll', '人数', formatAmount(a.headcount), formatAmount(b.headcount), formatSigned(b.headcount - a.headcount, 0)]);
  const pick = c.kpiDifferences.filter((d) => d.metric === 'connectionRate' || d.metric === 'serviceLevel' || d.metric === 'occupancy');
  for (const d of pick) {
    const n = kpiNames[d.metric];
    let en = n.en;
    if (d.metric === 'serviceLevel' && a.kpis && b.kpis) {
      const ta = a.kpis.serviceLevelSeconds;
      const tb = b.kpis.serviceLevelSeconds;
      en = ta === tb ? `${en}, ${ta} s` : `${en} (${ta} s / ${tb} s)`;
    }
    rows.push([en, n.zh, meanPm(d.a, n.unit), meanPm(d.b, n.unit), difference(d)]);
  }
  for (const m of OPERATING_MODELS) {
    const pa = a.budgets[m].budget;
    const pb = b.budgets[m].budget;
    const zh = operatingModelNames[m].zh;
    rows.push([`${operatingModelNames[m].en}: all-in per year`, `${zh}年度总成本`, money(pa.total), money(pb.total), moneyDiff(pa.total, pb.total)]);
    rows.push([`  whole term`, '合同期总额', money(pa.total * a.term.years), money(pb.total * b.term.years), moneyDiff(pa.total * a.term.years, pb.total * b.term.years)]);
  }
  const ca = a.budgets.outsourced.costPerAnsweredCall;
  const cb = b.budgets.outsourced.costPerAnsweredCall;
  if (ca && cb && !c.targets) rows.push(['Outsourced cost per answered call', '每通接通成本', money(ca.mean, 2), money(cb.mean, 2), moneyDiff(ca.mean, cb.mean, 2)]);
  if (c.targets) {
    const ta = c.targets.a;
    const tb = c.targets.b;
    rows.push(['For the target: people', '目标所需人数', formatAmount(ta.result.headcount), formatAmount(tb.result.headcount), formatSigned(tb.result.headcount - ta.result.headcount, 0)]);
    const oa = ta.budgets.outsourced.budget.total;
    const ob = tb.budgets.outsourced.budget.total;
    rows.push(['  outsourced all-in per year', '外包年度总成本', money(oa), money(ob), moneyDiff(oa, ob)]);
  }
  out.push(textTable(['', '指标', 'A', 'B', 'B − A'], rows, ['left', 'left', 'right', 'right', 'right']));
  if (c.targets) {
    const t = c.targets.a.result;
    const T = a.kpis?.serviceLevelSeconds ?? 15;
    out.push(...wrapText(`Target: ${describeKpiTarget(t.target, T)}, ${describePeriod(t.period, a.intervalMinutes)}, each scenario's own profile`));
  }
  out.push(...wrapText(`Money in yuan; KPIs: mean ± 95% CI half-width (pts); B − A: ${differenceBasis(c)}.`));
  out.push(...defaultCostWarnings([['A: ', a], ['B: ', b]]));
  const notes = [...a.readingNotes.map((n) => `A: ${n}`), ...b.readingNotes.map((n) => `B: ${n}`)].slice(0, c.targets ? 1 : 3);
  for (const n of notes) out.push(...wrapText(`Note: ${n}`));
  return out.join('\n');
}

/** How the ± of B − A was formed, from the differences themselves. */
function differenceBasis(c: ScenarioComparison): string {
  const bases = new Set(c.kpiDifferences.map((d) => d.basis));
  const how = bases.has('paired-crn') ? 'paired by replication, same seed (CRN)' : bases.has('paired') ? 'paired by replication, other seeds' : 'independent runs';
  return bases.has('not-comparable') ? `${how}; SL at different thresholds not subtracted` : how;
}

/** A scenario without a cost section is priced with library defaults: said on the first screen, as budget says it. */
function defaultCostWarnings(costings: [string, ScenarioCosting][]): string[] {
  return costings
    .filter(([, c]) => c.costSource === 'defaults')
    .flatMap(([tag, c]) => wrapText(`Warning: ${tag}${c.file} has no cost section: every cost is a library default (engine/cost/README.md)`));
}

function modelsSummary(c: ModelComparison): string {
  const s = c.scenario;
  const out: string[] = [];
  out.push(...wrapText(s.name));
  out.push(`${staffingText(s)}; ${periodText(s)}; term ${termText(s)}`);
  if (s.kpis) out.push(...wrapText(`KPIs (the same for both models): 接通率 ${formatWithCi(s.kpis.connectionRate, 'ratio')}, occupancy ${(s.kpis.occupancy.mean * 100).toFixed(0)}%`));
  const o = s.budgets.outsourced;
  const i = s.budgets.inhouse;
  const y = s.term.years;
  const row = (en: string, zh: string, fo: number | null, fi: number | null, digits = 0) => [en, zh, money(fo, digits), money(fi, digits), moneyDiff(fo, fi, digits)];
  const rows = [
    row('All-in per year', '年度总成本', o.budget.total, i.budget.total),
    row(`Whole term, ${formatAmount(y, 2).replace(/\.00$/, '')} ${y === 1 ? 'year' : 'years'}`, '合同期总额', o.budget.total * y, i.budget.total * y),
    row('Contract price per year, VAT incl.', '合同价(含税)', o.budget.contractPrice, null),
    row('Cost per phone operator-month', '每话务员月成本', o.budget.costPerOperatorMonth, i.budget.costPerOperatorMonth),
    row('Cost per answered call', '每通接通成本', o.costPerAnsweredCall?.mean ?? null, i.costPerAnsweredCall?.mean ?? null, 2),
  ];
  out.push(textTable(['yuan', '项目', `${operatingModelNames.outsourced.en} ${operatingModelNames.outsourced.zh}`, `${operatingModelNames.inhouse.en} ${operatingModelNames.inhouse.zh}`, 'In-house − out'], rows, ['left', 'left', 'right', 'right', 'right']));
  out.push(
    ...wrapText(
      `In-house (vendor's terms) is ${formatSigned(((i.budget.total - o.budget.total) / o.budget.total) * 100, 1)}%: no management fee, profit or VAT, against its own overhead; ` +
        `on public-institution terms ${formatSigned(((s.inhouseByPreset.publicInstitution.total - o.budget.total) / o.budget.total) * 100, 1)}%.`,
    ),
  );
  out.push(...defaultCostWarnings([['', s]]));
  for (const n of s.readingNotes.slice(0, 3)) out.push(...wrapText(`Note: ${n}`));
  return out.join('\n');
}

function formatScenarios(c: ScenarioComparison): string {
  const { a, b } = c;
  const out: string[] = [describe('A', a), describe('B', b), ''];
  const rows: string[][] = [];
  rows.push(['People on the payroll', '人数', formatAmount(a.headcount), formatAmount(b.headcount), formatSigned(b.headcount - a.headcount, 0)]);
  rows.push(['Agents on seat (mean)', '在席坐席', formatAmount(a.agentsOnSeat, 1), formatAmount(b.agentsOnSeat, 1), formatSigned(b.agentsOnSeat - a.agentsOnSeat, 1)]);
  for (const d of c.kpiDifferences) {
    const n = kpiNames[d.metric];
    let en = n.en;
    if (d.metric === 'serviceLevel' && a.kpis && b.kpis) {
      const ta = a.kpis.serviceLevelSeconds;
      const tb = b.kpis.serviceLevelSeconds;
      en = ta === tb ? `${en}, ${ta} s` : `${en} (A: ${ta} s, B: ${tb} s)`;
    }
    rows.push([en, n.zh, formatWithCi(d.a, n.unit), formatWithCi(d.b, n.unit), difference(d)]);
  }
  rows.push(['', '', '', '', '']);
  for (const m of OPERATING_MODELS) {
    const pa = a.budgets[m];
    const pb = b.budgets[m];
    const label = `${operatingModelNames[m].en} ${operatingModelNames[m].zh}`;
    rows.push([`${label}: total per year, all-in`, '年度总成本', money(pa.budget.total), money(pb.budget.total), moneyDiff(pa.budget.total, pb.budget.total)]);
    if (m === 'outsourced') {
      rows.push(['  contract price, VAT incl.', '合同价(含税)', money(pa.budget.contractPrice), money(pb.budget.contractPrice), moneyDiff(pa.budget.contractPrice, pb.budget.contractPrice)]);
    }
    rows.push(['  cost per phone operator-month', '每话务员月成本', money(pa.budget.costPerOperatorMonth), money(pb.budget.costPerOperatorMonth), moneyDiff(pa.budget.costPerOperatorMonth, pb.budget.costPerOperatorMonth)]);
    rows.push(['  cost per person-month (everyone priced)', '人均月成本(全员)', money(costPerPersonMonth(pa)), money(costPerPersonMonth(pb)), moneyDiff(costPerPersonMonth(pa), costPerPersonMonth(pb))]);
    if (pa.costPerAnsweredCall && pb.costPerAnsweredCall) {
      rows.push(['  cost per answered call', '每通接通成本', money(pa.costPerAnsweredCall.mean, 2), money(pb.costPerAnsweredCall.mean, 2), moneyDiff(pa.costPerAnsweredCall.mean, pb.costPerAnsweredCall.mean, 2)]);
    }
    if (pa.costPerConnectionPoint && pb.costPerConnectionPoint) {
      rows.push(['  cost per connection-rate point', '每个接通率百分点成本', money(pa.costPerConnectionPoint.mean), money(pb.costPerConnectionPoint.mean), moneyDiff(pa.costPerConnectionPoint.mean, pb.costPerConnectionPoint.mean)]);
    }
  }
  out.push(textTable(['', '指标', 'A', 'B', 'B − A'], rows, ['left', 'left', 'right', 'right', 'right']));
  out.push('');
  out.push(`Money in yuan per year; contract term: A ${termText(a)}, B ${termText(b)}.`);
  for (const n of c.notes) out.push(`Note: ${n}.`);
  return out.join('\n');
}

function formatModels(c: ModelComparison): string {
  const s = c.scenario;
  const out: string[] = [describe('Scenario', s), ''];
  if (s.kpis) {
    out.push(`Simulated KPIs at ${formatAmount(s.headcount)} people (the same for both models)`);
    out.push(textTable(['KPI', '指标', 'Mean (95% CI)'], budgetKpiRows(s.kpis), ['left', 'left', 'right']));
    out.push('');
  }
  out.push('In-house vs outsourced, yuan per year');
  const o = s.budgets.outsourced;
  const i = s.budgets.inhouse;
  const lineRows = c.lines.map((l) => [l.item, l.zh, money(l.outsourced), money(l.inhouse), formatSigned(l.difference, 0)]);
  const diff = (f: (p: typeof o) => number | null, digits = 0) => moneyDiff(f(o), f(i), digits);
  const totalDiffs = [
    '—',
    diff((p) => p.budget.governmentSide),
    diff((p) => p.budget.total),
    diff((p) => p.budget.costPerOperatorMonth),
    diff((p) => costPerPersonMonth(p)),
    diff((p) => p.costPerAnsweredCall?.mean ?? null, 2),
    diff((p) => p.costPerConnectionPoint?.mean ?? null),
  ];
  const summary = budgetSummaryRows(s.budgets).map((r, k) => [...r, totalDiffs[k]]);
  out.push(
    textTable(
      ['Line item (yuan per year)', '项目', `${operatingModelNames.outsourced.en} ${operatingModelNames.outsourced.zh}`, `${operatingModelNames.inhouse.en} ${operatingModelNames.inhouse.zh}`, 'In-house − outsourced'],
      [...lineRows, ['', '', '', '', ''], ...summary],
      ['left', 'left', 'right', 'right', 'right'],
    ),
  );
  out.push('');
  out.push(
    `All-in, in-house costs ${formatAmount(Math.abs(i.budget.total - o.budget.total))} yuan a year ${i.budget.total <= o.budget.total ? 'less' : 'more'} than outsourcing ` +
      `(${formatSigned(((i.budget.total - o.budget.total) / o.budget.total) * 100, 1)}%): no management fee, profit or VAT, against its own overhead${
        i.budget.lines.some((l) => l.category === 'benefits' && l.yuan > 0) ? ' and benefits' : ''
      }.`,
  );
  out.push(`Contract term ${termText(s)}.`);
  for (const n of c.notes) out.push(`Note: ${n}.`);
  return out.join('\n');
}

/** The CSV files of a comparison (and result.json), for --out. */
export async function compareCsvFiles(c: ScenarioComparison | ModelComparison): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const clean = (v: string | number | null | undefined) => (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? '' : v);
  if (c.kind === 'models') {
    files['budget-lines.csv'] = await budgetLinesCsv(c.scenario.budgets);
  } else {
    const rows: (string | number | null)[][] = [['measure', 'a', 'a_ci95_low', 'a_ci95_high', 'b', 'b_ci95_low', 'b_ci95_high', 'b_minus_a', 'b_minus_a_ci95_halfwidth']];
    rows.push(['headcount', c.a.headcount, null, null, c.b.headcount, null, null, c.b.headcount - c.a.headcount, null]);
    rows.push(['agents_on_seat', c.a.agentsOnSeat, null, null, c.b.agentsOnSeat, null, null, c.b.agentsOnSeat - c.a.agentsOnSeat, null]);
    for (const d of c.kpiDifferences) rows.push([d.metric, d.a.mean, d.a.ciLow, d.a.ciHigh, d.b.mean, d.b.ciLow, d.b.ciHigh, d.difference, d.halfWidth]);
    for (const m of OPERATING_MODELS) {
      const pa = c.a.budgets[m];
      const pb = c.b.budgets[m];
      const add = (name: string, x: number | null, y: number | null) => rows.push([`${m}_${name}`, x, null, null, y, null, null, x === null || y === null ? null : y - x, null]);
      add('total_yuan_per_year', pa.budget.total, pb.budget.total);
      add('contract_price_yuan_per_year', pa.budget.contractPrice, pb.budget.contractPrice);
      add('cost_per_operator_month', pa.budget.costPerOperatorMonth, pb.budget.costPerOperatorMonth);
      add('cost_per_answered_call', pa.costPerAnsweredCall?.mean ?? null, pb.costPerAnsweredCall?.mean ?? null);
      add('cost_per_connection_point', pa.costPerConnectionPoint?.mean ?? null, pb.costPerConnectionPoint?.mean ?? null);
    }
    files['compare.csv'] = await csvWithBom(rows.map((r) => r.map(clean)));
    files['a-budget-lines.csv'] = await budgetLinesCsv(c.a.budgets);
    files['b-budget-lines.csv'] = await budgetLinesCsv(c.b.budgets);
  }
  files['result.json'] = resultJson(c, 2) + '\n';
  return files;
}

