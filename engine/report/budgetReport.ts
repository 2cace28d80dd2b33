// The budget report (hotline-sim budget) as text and CSV. Numbers are rounded here only.
import { csvWithBom } from './csv.ts';
import type { StaffingTarget } from '../analytic/staffing.ts';
import type { Model } from '../cost/labour.ts';
import {
  OPERATING_MODELS,
  modelLines,
  type BudgetStudy,
  type ContractView,
  type KpiSummary,
  type PricedBudget,
  type ScenarioCosting,
} from '../experiment/budgetStudy.ts';
import type { Estimate } from '../stats/estimate.ts';
import { formatValue, textTable, wrapText } from './format.ts';
import { headcountAnswerLines } from './staffReport.ts';
import { describePeriod } from '../experiment/headcountSearch.ts';
import { resultJson } from './json.ts';
import { INHOUSE_PRESETS, inhousePresetNames } from '../cost/inhouse.ts';
import { describeParameters } from '../cost/budget.ts';

// ---------------------------------------------------------------------------------------------
// number formatting (presentation only)

const formats = new Map<number, Intl.NumberFormat>();
/** 1234567.891 → "1,234,568" (digits = 0) or "1,234,567.89" (digits = 2). */
export function formatAmount(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return '—';
  let f = formats.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(digits, f);
  }
  const s = f.format(x);
  return s === `-${f.format(0)}` ? f.format(0) : s.replace('-', '−');
}

/** A signed change: "+284.4", "−123.1". */
export function formatSigned(x: number, digits = 1): string {
  const s = formatAmount(Math.abs(x), digits);
  if (Number(Math.abs(x).toFixed(digits)) === 0) return s;
  return `${x < 0 ? '−' : '+'}${s}`;
}

export function formatPercent(x: number, digits = 2): string {
  return Number.isFinite(x) ? `${formatAmount(x * 100, digits)}%` : '—';
}

/** "95.31% (95.10% – 95.52%)". */
export function formatWithCi(e: Estimate, unit: 'ratio' | 'seconds' | 'calls'): string {
  const m = formatValue(e.mean, unit);
  if (e.ciLow === null || e.ciHigh === null) return m;
  // a Student-t interval can pass 0% or 100%; a rate cannot
  const lo = unit === 'ratio' ? Math.max(0, e.ciLow) : unit === 'seconds' ? Math.max(0, e.ciLow) : e.ciLow;
  const hi = unit === 'ratio' ? Math.min(1, e.ciHigh) : e.ciHigh;
  return `${m} (${formatValue(lo, unit)} – ${formatValue(hi, unit)})`;
}

/** Yuan with a CI: "14.90 (14.89 – 14.91)". */
function yuanCi(e: Estimate | null, digits: number): string {
  if (!e) return '—';
  const m = formatAmount(e.mean, digits);
  if (e.ciLow === null || e.ciHigh === null) return m;
  return `${m} (${formatAmount(e.ciLow, digits)} – ${formatAmount(e.ciHigh, digits)})`;
}

export const operatingModelNames: Record<Model, { en: string; zh: string }> = {
  outsourced: { en: 'Outsourced', zh: '外包' },
  inhouse: { en: 'In-house', zh: '自营' },
};

const modelHeader = (m: Model) => `${operatingModelNames[m].en} ${operatingModelNames[m].zh}`;

/** "connection rate 接通率 ≥ 95.0%". */
export function describeKpiTarget(t: StaffingTarget, defaultSeconds: number): string {
  switch (t.kind) {
    case 'connectionRate':
      return `connection rate 接通率 ≥ ${formatPercent(t.value, 1)}`;
    case 'serviceLevel':
      return `service level 服务水平 ≥ ${formatPercent(t.value, 1)} within ${t.seconds ?? defaultSeconds} s`;
    case 'asa':
      return `average speed of answer 平均应答时长 ≤ ${t.seconds} s`;
    case 'abandonment':
      return `abandonment rate 呼损率 ≤ ${formatPercent(t.value, 1)}`;
  }
}

function kpiUnit(metricId: string): 'ratio' | 'seconds' {
  return metricId === 'asa' ? 'seconds' : 'ratio';
}

// ---------------------------------------------------------------------------------------------
// shared pieces

const slFormulaText: Record<string, string> = {
  offered: 'answered in T / (answered + abandoned)',
  answered: 'answered in T / answered',
  excludeShortAbandons: 'answered in T / (answered + abandoned after T)',
  countShortAbandons: '(answered + abandoned in T) / (answered + abandoned)',
};

export function budgetKpiRows(k: KpiSummary): string[][] {
  return [
    ['Connection rate', '接通率', formatWithCi(k.connectionRate, 'ratio')],
    ['Abandonment rate', '呼损率', formatWithCi(k.abandonmentRate, 'ratio')],
    [`Service level, ${k.serviceLevelSeconds} s`, '服务水平', formatWithCi(k.serviceLevel, 'ratio')],
    ['Average speed of answer', '平均应答时长', formatWithCi(k.asa, 'seconds')],
    ['Agent occupancy', '坐席占用率', formatWithCi(k.occupancy, 'ratio')],
    ['Answered calls per year', '年接通量', formatWithCi(k.answeredPerYear, 'calls')],
  ];
}

function kpiBlock(title: string, k: KpiSummary): string {
  return [
    title,
    `${formatAmount(k.countedDays, Number.isInteger(k.countedDays) ? 0 : 2)} days simulated, ${k.replications} replication${k.replications > 1 ? 's' : ''}; ` +
      `service level = ${slFormulaText[k.serviceLevelFormula] ?? k.serviceLevelFormula}, T = ${k.serviceLevelSeconds} s`,
    textTable(['KPI', '指标', 'Mean (95% CI)'], budgetKpiRows(k), ['left', 'left', 'right']),
  ].join('\n');
}

/** Totals and unit costs of both models. */
export function budgetSummaryRows(b: Record<Model, PricedBudget>): string[][] {
  const row = (en: string, zh: string, f: (p: PricedBudget) => string) => [en, zh, ...OPERATING_MODELS.map((m) => f(b[m]))];
  return [
    row('Contract price, VAT incl.', '合同价(含税)', (p) => (p.budget.contractPrice === null ? '—' : formatAmount(p.budget.contractPrice))),
    row("Government's own costs", '政府自担', (p) => formatAmount(p.budget.governmentSide)),
    row('Total per year, all-in', '年度总成本', (p) => formatAmount(p.budget.total)),
    row('Cost per operator-month, all-in', '人均月成本', (p) => formatAmount(p.budget.costPerOperatorMonth)),
    row('Cost per answered call', '每通接通成本', (p) => yuanCi(p.costPerAnsweredCall, 2)),
    row('Cost per connection-rate point (total ÷ rate in %)', '每个接通率百分点成本', (p) => yuanCi(p.costPerConnectionPoint, 0)),
  ];
}

/** Every line item of both models, then the totals: yuan per year. */
export function budgetLinesTable(b: Record<Model, PricedBudget>, columnSuffix: Partial<Record<Model, string>> = {}): string {
  const lines = modelLines(b).map((l) => [
    l.item,
    l.zh,
    l.outsourced === null ? '—' : formatAmount(l.outsourced),
    l.inhouse === null ? '—' : formatAmount(l.inhouse),
  ]);
  const summary = budgetSummaryRows(b);
  const header = ['Line item (yuan per year)', '项目', modelHeader('outsourced') + (columnSuffix.outsourced ?? ''), modelHeader('inhouse') + (columnSuffix.inhouse ?? '')];
  const rule = header.map(() => '');
  return textTable(header, [...lines, rule, ...summary], ['left', 'left', 'right', 'right']);
}

function headcountLine(at: ScenarioCosting, years: number): string {
  const source = at.headcountSource === 'scenario' ? "the scenario's" : at.headcountSource === 'override' ? 'given' : 'implied by the agents on seat';
  const seat =
    at.peoplePerSeat !== null
      ? `${formatAmount(at.agentsOnSeat, Number.isInteger(at.agentsOnSeat) ? 0 : 1)} on seat around the clock (${formatAmount(at.peoplePerSeat, 2).replace(/\.00$/, '')} people per seat)`
      : `${formatAmount(at.agentsOnSeat, 1)} on seat on average`;
  return `${peopleLine(at.headcount, at.budgets.outsourced.budget, source)}, ${seat}; cost year ${at.calendarYear}; contract term ${formatAmount(years, 2).replace(/\.00$/, '')} year${years === 1 ? '' : 's'}`;
}

/** "237 people on the payroll (the scenario's; 208 take calls)" or "300 operators (…) + 40 supervisors on top". */
function peopleLine(headcount: number, b: PricedBudget['budget'], source: string): string {
  const n = (x: number) => formatAmount(x, Number.isInteger(x) ? 0 : 1);
  const ops = b.headcounts.operator;
  const onTop = b.headcounts.total - headcount;
  if (onTop > 1e-9) {
    return `${n(headcount)} on the payroll head count (${source}; ${n(ops)} take calls) + ${n(onTop)} supervisors added on top by ratio`;
  }
  return `${n(headcount)} people on the payroll (${source}${Math.abs(ops - headcount) > 1e-9 ? `; ${n(ops)} take calls` : ''})`;
}

/** The in-house model under each employment-terms preset against the outsourced total, and what drives each gap. */
export function inhousePresetLines(at: ScenarioCosting): string[] {
  const out = at.budgets.outsourced.budget;
  const rows = INHOUSE_PRESETS.map((p) => {
    const b = at.inhouseByPreset[p];
    const diffs = new Map<string, number>();
    for (const l of b.lines) diffs.set(l.category, (diffs.get(l.category) ?? 0) + l.yuan);
    for (const l of out.lines) diffs.set(l.category, (diffs.get(l.category) ?? 0) - l.yuan);
    const drivers = [...diffs.entries()]
      .filter(([, d]) => Math.abs(d) >= 0.005 * out.total)
      .sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]))
      .slice(0, 3)
      .map(([c, d]) => `${c} ${formatSigned(d / 1e6, 2)}M`)
      .join(', ');
    return [`${inhousePresetNames[p].en} ${inhousePresetNames[p].zh}`, formatAmount(b.total), formatSigned(((b.total - out.total) / out.total) * 100, 1) + '%', drivers];
  });
  const lines = [
    `In-house vs outsourced (${formatAmount(out.total)} all-in) by employment terms (自营用工条件):`,
    textTable(['In-house terms', 'Total per year', 'vs outsourced', 'Largest differences (in-house − outsourced)'], rows, ['left', 'right', 'right', 'left']),
  ];
  if (out.fiscal) {
    lines.push(
      `Fiscal view (财政净成本): ${formatAmount(out.fiscal.localTaxes)} of the outsourced price is the local share of VAT and the surtaxes, ` +
        `which return to local budgets: net ${formatAmount(out.fiscal.totalNetOfLocalTaxes)} (${formatSigned(((at.inhouseByPreset.vendor.total - out.fiscal.totalNetOfLocalTaxes) / out.fiscal.totalNetOfLocalTaxes) * 100, 1)}% for in-house on the vendor's terms).`,
    );
  }
  return lines;
}

/** The gross wage the cited price pays, against the minimum wage. */
export function citedAffordableLine(c: NonNullable<BudgetStudy['citedAffordable']>): string {
  const w = c.wage;
  const part = (m: Model) => (w[m].feasible ? `${formatAmount(w[m].monthlyWage)} ${operatingModelNames[m].en.toLowerCase()}` : `nothing ${operatingModelNames[m].en.toLowerCase()}`);
  const mw = c.minimumMonthlyWage;
  const verdict =
    mw === null
      ? 'the city\'s minimum wage is not known (no sourced figure): compare it yourself'
      : w.outsourced.monthlyWage < mw
        ? `BELOW the minimum wage ${formatAmount(mw)}: a compliant vendor cannot pay this structure at that price`
        : w.outsourced.monthlyWage < 1.3 * mw
          ? `near the minimum wage ${formatAmount(mw)} (${formatAmount((w.outsourced.monthlyWage / mw) * 100, 0)}% of it)`
          : `above the minimum wage ${formatAmount(mw)}`;
  return (
    `Affordable wage (可负担工资): the cited ${formatAmount(c.yuanPerYear)} a year pays a head count of ${formatAmount(c.headcount)} (${formatAmount(c.operators, Number.isInteger(c.operators) ? 0 : 1)} operators) ` +
    `a gross operator wage of ${part('outsourced')}, ${part('inhouse')} a month under this structure — ${verdict}.`
  );
}

function contractLines(title: string, v: ContractView, defaultSeconds: number): string[] {
  const u = kpiUnit(v.metric.metricId);
  const r = v.risk;
  return [
    title,
    `${describeKpiTarget(v.kpi, defaultSeconds)} in every month: P = ${formatPercent(r.probabilityAllMonthsMeet, 1)} ` +
      `(Wilson 95%: ${formatPercent(r.wilson95.lower, 1)} – ${formatPercent(r.wilson95.upper, 1)}), ${r.successes} of ${r.replications} replications; ` +
      `P(at least one month fails) = ${formatPercent(r.probabilityAnyMonthFails, 1)}`,
    textTable(
      ['Month', 'Days', 'Mean (95% CI)', 'Replications meeting it'],
      v.months.map((m) => [m.month, formatAmount(m.days, Number.isInteger(m.days) ? 0 : 1), formatWithCi(m.mean, u), formatPercent(m.passRate, 0)]),
    ),
    ...(v.partialMonthsExcluded.length
      ? [`Months cut by the simulated horizon, not assessed: ${v.partialMonthsExcluded.map((m) => `${m.month} (${formatAmount(m.days, Number.isInteger(m.days) ? 0 : 1)} days)`).join(', ')}.`]
      : []),
  ];
}

// ---------------------------------------------------------------------------------------------
// the report

/** Summary, then with `detail` the whole report (line items, presets, searches, months). */
export function formatBudgetOutput(s: BudgetStudy, options: { detail?: boolean } = {}): string {
  const summary = formatBudgetSummary(s);
  if (!options.detail) return summary + '\n(--detail: every line item, in-house presets, the searches; --explain: each rule; --out DIR: CSV)';
  return summary + '\n\n' + formatBudgetReport(s);
}

/** "flat around the clock", "following demand", "by roster", "on average" from a staffing source. */
export function staffingShape(source: string): string {
  if (!source.startsWith('no roster')) return source.includes('roster') ? 'by roster' : 'on average';
  return source.includes('flat') ? 'flat around the clock' : source.includes('following demand') ? 'following demand' : 'on average';
}

const yearsText = (y: number) => `${formatAmount(y, 2).replace(/\.00$/, '')} year${y === 1 ? '' : 's'}`;

/** The first screen of `budget`: the price in-house vs outsourced, per year and over the term, and the answer to the question asked. */
export function formatBudgetSummary(s: BudgetStudy): string {
  const out: string[] = [];
  const at = s.at;
  const T = at.kpis?.serviceLevelSeconds ?? 15;
  out.push(...wrapText(at.name));
  const src = at.pricing.staffing?.source ?? '';
  const shape = staffingShape(src);
  const seat = `${formatAmount(at.agentsOnSeat, Number.isInteger(at.agentsOnSeat) ? 0 : 1)} on seat ${shape}`;
  out.push(...wrapText(`Staffing: ${peopleLine(at.headcount, at.budgets.outsourced.budget, at.headcountSource === 'scenario' ? "the scenario's" : at.headcountSource === 'override' ? 'given' : 'implied')}; ${seat}; cost year ${at.calendarYear}`));
  const termFrom = { option: 'as given', citedContract: "the scenario's cited contract", default: 'no contract cited: one year' }[at.term.source];
  out.push(`Contract term: ${yearsText(s.years)} (${termFrom}); money in yuan`);
  const o = at.budgets.outsourced;
  const i = at.budgets.inhouse;
  const rows = [
    ['All-in per year', '年度总成本', formatAmount(o.budget.total), formatAmount(i.budget.total)],
    [`Whole term, ${yearsText(s.years)}`, '合同期总额', formatAmount(o.budget.total * s.years), formatAmount(i.budget.total * s.years)],
    ['Contract price per year, VAT incl.', '合同价(含税)', o.budget.contractPrice === null ? '—' : formatAmount(o.budget.contractPrice), '—'],
    ['Cost per answered call', '每通接通成本', o.costPerAnsweredCall ? formatAmount(o.costPerAnsweredCall.mean, 2) : '—', i.costPerAnsweredCall ? formatAmount(i.costPerAnsweredCall.mean, 2) : '—'],
  ];
  out.push(textTable([`At ${formatAmount(at.headcount)} people`, '项目', modelHeader('outsourced'), modelHeader('inhouse')], rows, ['left', 'left', 'right', 'right']));
  const asked = s.target !== null || s.inversion !== null || s.contract !== null;
  const pi = at.inhouseByPreset.publicInstitution;
  if (!asked) out.push(`In-house on public-institution terms (事业单位): ${formatAmount(pi.total)} a year, ${formatSigned(((pi.total - o.budget.total) / o.budget.total) * 100, 1)}% vs outsourced`);
  if (at.kpis) {
    const k = at.kpis;
    out.push(
      ...wrapText(
        `KPIs (${formatAmount(k.countedDays, Number.isInteger(k.countedDays) ? 0 : 2)} d × ${k.replications} reps): ` +
          `接通率 ${formatWithCi(k.connectionRate, 'ratio')}, SL ${k.serviceLevelSeconds} s ${formatPercent(k.serviceLevel.mean)}, occupancy ${formatPercent(k.occupancy.mean, 0)}`,
      ),
    );
  }
  if (at.citedContract && s.citedAffordable) {
    const cited = at.citedContract.yuan / at.citedContract.years;
    const modelled = o.budget.contractPrice;
    const c = s.citedAffordable;
    const gap = modelled === null ? '' : `; modelled ${formatAmount(modelled)} (${modelled >= cited ? `${formatAmount((modelled / cited - 1) * 100, 0)}% more` : `${formatAmount((1 - modelled / cited) * 100, 0)}% less`})`;
    const mw = c.minimumMonthlyWage;
    out.push(
      ...wrapText(
        `Cited contract${at.headcountSource === 'override' && at.scenarioHeadcount !== null ? ` (for the scenario's ${formatAmount(at.scenarioHeadcount)})` : ''} ${formatAmount(cited)}/yr${gap}; ` +
          `pays ${at.headcountSource === 'override' ? `${formatAmount(at.headcount)} people ` : ''}a gross ` +
          `${c.wage.outsourced.feasible ? formatAmount(c.wage.outsourced.monthlyWage) : 'nothing'}/month` +
          (mw !== null ? ` (min ${formatAmount(mw)})` : ''),
      ),
    );
  }
  if (s.target) {
    const t = s.target.result;
    out.push(...wrapText(`Target: ${describeKpiTarget(t.target, T)}, ${describePeriod(t.period, at.intervalMinutes)}${t.mode === 'roster' ? '' : ' (--roster: by shifts)'}`));
    out.push(...headcountAnswerLines([t], at.intervalMinutes));
    const tb = s.target.budgets;
    out.push(
      ...wrapText(
        `Price at ${formatAmount(t.headcount)} people: outsourced ${formatAmount(tb.outsourced.budget.total)}/yr (${formatAmount(tb.outsourced.budget.total * s.years)} over the term), ` +
          `in-house ${formatAmount(tb.inhouse.budget.total)}/yr`,
      ),
    );
  }
  if (s.inversion) {
    const inv = s.inversion;
    out.push(
      ...wrapText(
        `Budget ${formatAmount(inv.budgetYuan)} for ${yearsText(inv.years)}: naive ${formatAmount(inv.naive.exact, 1)} operators at ${formatAmount(inv.naiveWage)} a month; ` +
          `at full cost ${OPERATING_MODELS.map((m) => `${operatingModelNames[m].en.toLowerCase()} ${formatAmount(inv.models[m].fullCost.operators)}`).join(', ')} people`,
      ),
    );
    if (inv.twoAnswers) {
      const t = inv.twoAnswers;
      out.push(
        ...wrapText(
          `  at a gross ${formatAmount(t.naiveWage)}: ${formatAmount(t.atNaiveWage.budget.outsourced)} people outsourced; if ${formatAmount(t.naiveWage)} was meant all-in, ` +
            `the real all-in cost is ${formatAmount(t.allIn.perPersonMonth)} a person-month`,
        ),
      );
    }
  }
  if (s.contract) {
    const r = s.contract.atReported.risk;
    out.push(
      ...wrapText(
        `Contract KPI ${describeKpiTarget(s.contract.kpi, T)} in every month at ${formatAmount(at.headcount)} people: P = ${formatPercent(r.probabilityAllMonthsMeet, 1)} ` +
          `(Wilson 95%: ${formatPercent(r.wilson95.lower, 1)} – ${formatPercent(r.wilson95.upper, 1)})` +
          (s.contract.forRisk ? `; P ≥ ${formatPercent(s.contract.forRisk.probability, 0)} needs ${formatAmount(s.contract.forRisk.headcount)} people` : ''),
      ),
    );
  }
  for (const n of at.readingNotes.slice(0, asked ? 1 : 2)) out.push(...wrapText(`Note: ${n}`));
  if (s.warnings.length) out.push(...wrapText(`Warning: ${s.warnings[0]}${s.warnings.length > 1 ? ` (+${s.warnings.length - 1} more: --detail)` : ''}`));
  return out.join('\n');
}

export function formatBudgetReport(s: BudgetStudy): string {
  const out: string[] = [];
  const at = s.at;
  const T = at.kpis?.serviceLevelSeconds ?? 15;
  out.push(at.name);
  out.push(headcountLine(at, s.years));
  out.push('');
  out.push(`Annual budget at a head count of ${formatAmount(at.headcount)} (年度预算)`);
  out.push(budgetLinesTable(at.budgets));
  if (at.citedContract) {
    const cited = at.citedContract.yuan / at.citedContract.years;
    const modelled = at.budgets.outsourced.budget.contractPrice;
    out.push(
      `Cited contract (合同实际金额): ${formatAmount(cited)} yuan a year${at.citedContract.source ? ` (${at.citedContract.source})` : ''}` +
        (modelled !== null
          ? `; the modelled contract price is ${formatAmount(modelled)}, ${modelled >= cited ? `${formatAmount((modelled / cited - 1) * 100, 0)}% more` : `${formatAmount((1 - modelled / cited) * 100, 0)}% less`} ` +
            `— the gap is what the scenario's wage, contribution and fee assumptions do not explain.`
          : '.'),
    );
  }
  if (s.citedAffordable) out.push(citedAffordableLine(s.citedAffordable));
  out.push('');
  out.push(...inhousePresetLines(at));
  if (at.kpis) {
    out.push('');
    out.push(kpiBlock(`Simulated KPIs at ${formatAmount(at.headcount)} operators`, at.kpis));
  }

  if (s.inversion) {
    const inv = s.inversion;
    const months = inv.years * 12;
    out.push('');
    out.push(
      `Budget → head count (预算反推人数): ${formatAmount(inv.budgetYuan)} yuan for ${formatAmount(inv.years, 2).replace(/\.00$/, '')} year${inv.years === 1 ? '' : 's'} = ` +
        `${formatAmount(inv.annualBudget)} a year; for the outsourced model the budget pays the ${inv.covers === 'contract' ? 'contract price' : 'all-in total'}`,
    );
    out.push(
      `Naive: ${formatAmount(inv.budgetYuan)} / ${formatAmount(months)} months = ${formatAmount(inv.naive.monthlyBudget)} a month; / ${formatAmount(inv.naiveWage)} yuan ` +
        `(${inv.naiveWageSource === 'option' ? 'the given wage' : "the scenario's gross wage"}) = ${formatAmount(inv.naive.exact, 1)} → ` +
        `${formatAmount(inv.naive.floor)} operators (${formatAmount(inv.naiveNearest)} to the nearest).`,
    );
    // The shortcut a Haikou citizen used (the month rounded to 100,000, the result rounded up):
    // shown when a naive wage is given, i.e. when someone's arithmetic is being checked.
    if (inv.naiveWageSource === 'option') {
      out.push(
        `  The Haikou citizen's shortcut, the month rounded to ${formatAmount(inv.citizen.monthlyBudgetUsed)} and the result rounded up: ` +
          `${formatAmount(inv.citizen.monthlyBudgetUsed)} / ${formatAmount(inv.naiveWage)} = ${formatAmount(inv.citizen.exact, 1)} → ${formatAmount(inv.citizen.headcount)}.`,
      );
    }
    out.push('  This divides by the gross wage only: no supervisors, employer contributions, bonus, premiums, seats, fee, profit or tax.');
    out.push(
      `Full cost: ${OPERATING_MODELS.map((m) => `${operatingModelNames[m].en.toLowerCase()} head count ${formatAmount(inv.models[m].fullCost.operators)} (${formatAmount(inv.models[m].priced.budget.headcounts.operator)} operators, ${formatAmount(inv.models[m].priced.budget.headcounts.total)} people priced; ${formatAmount(inv.models[m].fullCost.coveredCost / Math.max(1, inv.models[m].fullCost.operators))} yuan per person-year, gross wage ${formatAmount(inv.models[m].modelWage)})`).join('; ')}.`,
    );
    if (inv.twoAnswers) {
      const t = inv.twoAnswers;
      const per = (r: Record<Model, number>) => OPERATING_MODELS.map((m) => `${operatingModelNames[m].en.toLowerCase()} ${formatAmount(r[m])}`).join(', ');
      out.push('');
      out.push(`Two answers to "${formatAmount(t.naiveWage)} a month buys ${formatAmount(inv.naive.exact, 1)} operators" (两种解读):`);
      out.push(
        `  1. If ${formatAmount(t.naiveWage)} is the gross wage: after employer contributions, supervisors, premiums, fee, profit and tax the budget pays ` +
          `a head count of ${per(t.atNaiveWage.budget)}` +
          (t.atNaiveWage.citedContract ? `; the signed contract ${formatAmount(t.allIn.yuan)} pays ${per(t.atNaiveWage.citedContract)}` : '') +
          '.',
      );
      out.push(
        `  2. If ${formatAmount(t.naiveWage)} was meant all-in: the real all-in cost is ${formatAmount(t.allIn.yuan)} / ${formatAmount(t.allIn.years * 12)} months / ` +
          `${formatAmount(t.allIn.headcount)} people = ${formatAmount(t.allIn.perPersonMonth)} a person-month (${formatAmount(t.allIn.ratioToNaiveWage, 2)}× the ${formatAmount(t.naiveWage)}).`,
      );
      if (t.naiveAtCitedContract) {
        out.push(
          `  The division used the ${formatAmount(inv.budgetYuan)} ceiling, not the signed ${formatAmount(t.naiveAtCitedContract.yuan)} contract: ` +
            `${formatAmount(inv.naive.exact, 1)} vs ${formatAmount(t.naiveAtCitedContract.exact, 1)} naive operators (${formatAmount(inv.naive.exact - t.naiveAtCitedContract.exact, 1)} more).`,
        );
      }
    } else {
      if (OPERATING_MODELS.some((m) => inv.models[m].fullCostAtNaiveWage !== null)) {
        out.push(
          `  Paying operators the naive ${formatAmount(inv.naiveWage)} yuan gross instead: ` +
            OPERATING_MODELS.map((m) => `${operatingModelNames[m].en.toLowerCase()} ${formatAmount(inv.models[m].fullCostAtNaiveWage ?? inv.models[m].fullCost.operators)}`).join(', ') +
            ' operators.',
        );
      }
      out.push('');
      out.push('Where the naive operators go (operators)');
      const o = inv.models.outsourced.waterfall;
      const i = inv.models.inhouse.waterfall;
      const keys = [...new Set([...o.map((w) => w.key), ...i.map((w) => w.key)])];
      const rows = keys.map((k) => {
        const wo = o.find((w) => w.key === k);
        const wi = i.find((w) => w.key === k);
        const w = (wo ?? wi)!;
        const cell = (x: typeof wo) => (!x ? '—' : k === 'naive' ? formatAmount(x.heads, 1) : formatSigned(x.heads, 1));
        const wages = [...new Set(OPERATING_MODELS.map((m) => formatAmount(inv.models[m].modelWage)))].join(' / ');
        const en =
          k === 'naive'
            ? `naive: ${formatAmount(inv.annualBudget)} / 12 / ${formatAmount(inv.naiveWage)}`
            : k === 'wage'
              ? `the scenario's gross wage ${wages}, not ${formatAmount(inv.naiveWage)}`
              : w.en;
        return [en, w.zh, cell(wo), cell(wi)];
      });
      rows.push(['= full-cost head count', '全成本人数', ...OPERATING_MODELS.map((m) => formatAmount(inv.models[m].fullCost.operators))]);
      out.push(textTable(['Step', '项目', modelHeader('outsourced'), modelHeader('inhouse')], rows, ['left', 'left', 'right', 'right']));
    }
    out.push('');
    out.push('Full-cost budgets: every line at the full-cost head count');
    const priced = { outsourced: inv.models.outsourced.priced, inhouse: inv.models.inhouse.priced };
    out.push(
      budgetLinesTable(priced, {
        outsourced: ` (${formatAmount(inv.models.outsourced.fullCost.operators)})`,
        inhouse: ` (${formatAmount(inv.models.inhouse.fullCost.operators)})`,
      }),
    );
    out.push(
      `Budget per year ${formatAmount(inv.annualBudget)}; covered cost ` +
        OPERATING_MODELS.map((m) => `${operatingModelNames[m].en.toLowerCase()} ${formatAmount(inv.models[m].fullCost.coveredCost)} (${m === 'outsourced' && inv.covers === 'contract' ? 'the contract price' : 'all-in'}, ${formatAmount(inv.models[m].fullCost.headroom)} left over)`).join(', ') +
        '; one more operator would not fit.',
    );
    out.push('');
    const minWage = inv.minimumMonthlyWage;
    out.push(
      `The budget for the reported ${formatAmount(inv.reportedHeadcount)} operators: ${formatAmount(inv.perReportedOperatorYear, 2)} yuan per operator-year ` +
        `(${formatAmount(inv.perReportedOperatorYear / 12)} a month, all-in). It pays a gross monthly wage of ` +
        OPERATING_MODELS.map((m) => {
          const w = inv.models[m].affordableWage;
          if (!w.feasible) return `nothing (${operatingModelNames[m].en.toLowerCase()}: fixed costs exceed the budget)`;
          const below = minWage !== null && w.monthlyWage < minWage ? ` — below the minimum wage ${formatAmount(minWage)}` : '';
          return `${formatAmount(w.monthlyWage)} yuan ${operatingModelNames[m].en.toLowerCase()}${below}`;
        }).join(', ') +
        '.',
    );
    const sims = OPERATING_MODELS.filter((m) => inv.models[m].simulated);
    if (sims.length || at.kpis) {
      out.push('');
      out.push(`Simulated KPIs of these head counts (flat agents on seat)`);
      const rowsSim: string[][] = [];
      for (const m of OPERATING_MODELS) {
        const x = inv.models[m].simulated;
        if (x) rowsSim.push([`Full cost, ${operatingModelNames[m].en.toLowerCase()}`, formatAmount(x.headcount), formatAmount(x.agentsOnSeat), formatWithCi(x.kpis.connectionRate, 'ratio'), formatWithCi(x.kpis.serviceLevel, 'ratio')]);
      }
      if (at.kpis) rowsSim.push(['Reported (the scenario)', formatAmount(at.headcount), formatAmount(at.agentsOnSeat, Number.isInteger(at.agentsOnSeat) ? 0 : 1), formatWithCi(at.kpis.connectionRate, 'ratio'), formatWithCi(at.kpis.serviceLevel, 'ratio')]);
      out.push(textTable(['Head count', 'Operators', 'On seat', 'Connection 接通率', `Service level 服务水平 (${T} s)`], rowsSim));
    }
  }

  if (s.target) {
    const t = s.target.result;
    const u = kpiUnit(t.metric.metricId);
    out.push('');
    out.push(
      `Minimum budget for ${describeKpiTarget(t.target, T)} (目标反推预算), ${t.criterion === 'mean' ? 'mean over replications' : 'whole 95% CI'}`,
    );
    if (t.evaluations.length === 0) {
      // A roster solution: the requirement is per interval, so the head count comes from shifts.
      out.push(`Method: ${t.method}. Erlang A/C per interval needs up to ${t.analytic.peakIntervalAgents ?? '—'} on seat at the busiest interval.`);
    } else {
      out.push(
        `Erlang A estimate: ${formatAmount(t.analytic.agentsOnSeat)} on seat (${formatAmount(t.analytic.headcount)} operators)` +
          (t.analytic.peakIntervalAgents !== null ? `; the busiest interval alone would need ${t.analytic.peakIntervalAgents} on seat` : '') +
          `. Searched by simulation (${formatAmount(t.peoplePerSeat, 2).replace(/\.00$/, '')} people per seat):`,
      );
      out.push(
        textTable(
          ['On seat', 'Operators', 'KPI mean (95% CI)', 'Meets'],
          [...t.evaluations].sort((a, b) => a.agentsOnSeat - b.agentsOnSeat).map((e) => [formatAmount(e.agentsOnSeat), formatAmount(e.headcount), Number.isNaN(e.kpi.mean) ? 'queue unbounded' : formatWithCi(e.kpi, u), e.meets ? 'yes' : 'no']),
        ),
      );
    }
    out.push(
      `Minimum: ${formatAmount(t.headcount)} operators (${formatAmount(t.agentsOnSeat, Number.isInteger(t.agentsOnSeat) ? 0 : 1)} on seat${t.evaluations.length === 0 ? ' on average' : ''}): ${formatWithCi(t.kpi, u)}` +
        (t.oneFewer ? `; ${t.oneFewer.agentsOnSeat} on seat (${formatAmount(t.oneFewer.headcount)} operators) ${t.oneFewer.meets ? 'also meets it (noise)' : 'does not'}` : '') +
        '.',
    );
    out.push(textTable(['Budget at the minimum (yuan per year)', '项目', modelHeader('outsourced'), modelHeader('inhouse')], budgetSummaryRows(s.target.budgets), ['left', 'left', 'right', 'right']));
  }

  if (s.contract) {
    const c = s.contract;
    out.push('');
    out.push(...contractLines(`Contract-year view (合同年度考核) at ${formatAmount(at.headcount)} operators`, c.atReported, T));
    if (c.forRisk) {
      const r = c.forRisk;
      out.push('');
      out.push(
        `Smallest head count with P(every month meets it) ≥ ${formatPercent(r.probability, 0)}: ${formatAmount(r.headcount)} operators (${r.agentsOnSeat} on seat), ` +
          `P = ${formatPercent(r.view.risk.probabilityAllMonthsMeet, 1)} (Wilson 95%: ${formatPercent(r.view.risk.wilson95.lower, 1)} – ${formatPercent(r.view.risk.wilson95.upper, 1)})` +
          (r.oneFewer ? `; ${r.oneFewer.agentsOnSeat} on seat: P = ${formatPercent(r.oneFewer.probability, 1)}` : '') +
          '.',
      );
      out.push(textTable(['Price at that head count (yuan per year)', '项目', modelHeader('outsourced'), modelHeader('inhouse')], budgetSummaryRows(r.budgets), ['left', 'left', 'right', 'right']));
    }
  }

  if (s.notes.length || s.warnings.length) {
    out.push('');
    for (const n of s.notes) out.push(`Note: ${n}.`);
    for (const w of s.warnings) out.push(`Warning: ${w}.`);
  }
  return out.join('\n');
}

/** The arithmetic behind each line item (the notes), model by model. */
export function formatBudgetNotes(b: Record<Model, PricedBudget>): string {
  const out: string[] = [];
  const o = b.outsourced.budget;
  out.push('Who is priced (人员构成):');
  out.push(`  ${o.staff.explanation}`);
  out.push(`  Hours: ${o.hoursSource === 'staffing' ? 'from the staffing' : o.hoursSource === 'input' ? 'given' : 'FALLBACK (no staffing given)'}; seats: ${o.seatsSource}.`);
  out.push('Parameters and where each comes from (参数来源):');
  for (const l of describeParameters(o.parameters)) out.push(`  ${l}`);
  if (b.inhouse.budget.inhouseTerms) out.push(`In-house terms: ${b.inhouse.budget.inhouseTerms}.`);
  for (const m of OPERATING_MODELS) {
    out.push(`How each line is computed, ${operatingModelNames[m].en.toLowerCase()} (${operatingModelNames[m].zh}):`);
    for (const l of b[m].budget.lines) out.push(`  ${l.item}: ${l.note}`);
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// CSV

function clean(v: string | number | null | undefined): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return v;
}

const csv = (rows: (string | number | null | undefined)[][]) => csvWithBom(rows.map((r) => r.map(clean)));

export async function budgetLinesCsv(b: Record<Model, PricedBudget>): Promise<string> {
  const out = b.outsourced.budget.lines;
  const inh = b.inhouse.budget.lines;
  return csv([
    ['item', 'item_zh', 'category', 'outsourced_paid_by', 'outsourced_yuan_per_year', 'inhouse_yuan_per_year', 'outsourced_note', 'inhouse_note'],
    ...modelLines(b).map((l) => {
      const o = out.find((x) => x.item === l.item);
      const i = inh.find((x) => x.item === l.item);
      return [l.item, l.zh, l.category, o?.paidBy, l.outsourced, l.inhouse, o?.note, i?.note];
    }),
  ]);
}

function summaryCsvRows(caseId: string, headcount: number, b: Record<Model, PricedBudget>): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const m of OPERATING_MODELS) {
    const p = b[m];
    const add = (measure: string, v: number | null, lo: number | null = null, hi: number | null = null) => rows.push([caseId, headcount, m, measure, v, lo, hi]);
    add('total_yuan_per_year', p.budget.total);
    add('contract_price_yuan_per_year', p.budget.contractPrice);
    add('government_side_yuan_per_year', p.budget.governmentSide);
    add('cost_per_operator_month', p.budget.costPerOperatorMonth);
    if (p.costPerAnsweredCall) add('cost_per_answered_call', p.costPerAnsweredCall.mean, p.costPerAnsweredCall.ciLow, p.costPerAnsweredCall.ciHigh);
    if (p.costPerConnectionPoint) add('cost_per_connection_point', p.costPerConnectionPoint.mean, p.costPerConnectionPoint.ciLow, p.costPerConnectionPoint.ciHigh);
  }
  return rows;
}

function kpiCsvRows(caseId: string, headcount: number, agents: number, k: KpiSummary): (string | number | null)[][] {
  return (['offered', 'answered', 'connectionRate', 'abandonmentRate', 'serviceLevel', 'asa', 'occupancy', 'answeredPerYear'] as const).map((id) => [
    caseId,
    headcount,
    agents,
    id,
    k[id].mean,
    k[id].ciLow,
    k[id].ciHigh,
  ]);
}

/** The CSV files of a budget study (and result.json), for --out. */
export async function budgetCsvFiles(s: BudgetStudy): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  files['budget-lines.csv'] = await budgetLinesCsv(s.at.budgets);
  const summary: (string | number | null)[][] = [['case', 'headcount', 'model', 'measure', 'value', 'ci95_low', 'ci95_high']];
  summary.push(...summaryCsvRows('reported', s.at.headcount, s.at.budgets));
  if (s.target) summary.push(...summaryCsvRows('target', s.target.result.headcount, s.target.budgets));
  if (s.contract?.forRisk) summary.push(...summaryCsvRows('contract_risk', s.contract.forRisk.headcount, s.contract.forRisk.budgets));
  files['budget-summary.csv'] = await csv(summary);

  const kpis: (string | number | null)[][] = [['case', 'headcount', 'agents_on_seat', 'metric', 'mean', 'ci95_low', 'ci95_high']];
  if (s.at.kpis) kpis.push(...kpiCsvRows('reported', s.at.headcount, s.at.agentsOnSeat, s.at.kpis));
  if (s.inversion) {
    for (const m of OPERATING_MODELS) {
      const x = s.inversion.models[m].simulated;
      if (x) kpis.push(...kpiCsvRows(`full_cost_${m}`, x.headcount, x.agentsOnSeat, x.kpis));
    }
  }
  if (s.target) kpis.push(...kpiCsvRows('target', s.target.result.headcount, s.target.result.agentsOnSeat, s.target.result.kpis));
  if (kpis.length > 1) files['kpis.csv'] = await csv(kpis);

  if (s.inversion) {
    const inv = s.inversion;
    const rows: (string | number | null)[][] = [['step', 'name', 'name_zh', 'outsourced_operators', 'outsourced_running', 'inhouse_operators', 'inhouse_running']];
    const keys = [...new Set(OPERATING_MODELS.flatMap((m) => inv.models[m].waterfall.map((w) => w.key)))];
    for (const k of keys) {
      const o = inv.models.outsourced.waterfall.find((w) => w.key === k);
      const i = inv.models.inhouse.waterfall.find((w) => w.key === k);
      const w = (o ?? i)!;
      rows.push([k, w.en, w.zh, o?.heads ?? null, o?.running ?? null, i?.heads ?? null, i?.running ?? null]);
    }
    rows.push(['full_cost', 'full-cost head count', '全成本人数', null, inv.models.outsourced.fullCost.operators, null, inv.models.inhouse.fullCost.operators]);
    rows.push(['naive_floor', 'naive, floored', '简单除法取整', null, inv.naive.floor, null, inv.naive.floor]);
    rows.push(['naive_citizen', 'month rounded to 100,000, result rounded up', '按市民算法', null, inv.citizen.headcount, null, inv.citizen.headcount]);
    rows.push(['affordable_wage', `gross monthly wage for ${inv.reportedHeadcount} operators`, '可负担月工资', null, inv.models.outsourced.affordableWage.monthlyWage, null, inv.models.inhouse.affordableWage.monthlyWage]);
    files['inversion.csv'] = await csv(rows);
  }
  if (s.target) {
    files['target-search.csv'] = await csv([
      ['agents_on_seat', 'headcount', 'kpi', 'mean', 'ci95_low', 'ci95_high', 'meets'],
      ...[...s.target.result.evaluations]
        .sort((a, b) => a.agentsOnSeat - b.agentsOnSeat)
        .map((e) => [e.agentsOnSeat, e.headcount, s.target!.result.metric.metricId, e.kpi.mean, e.kpi.ciLow, e.kpi.ciHigh, e.meets ? 'yes' : 'no']),
    ]);
  }
  if (s.contract) {
    const rows: (string | number | null)[][] = [['case', 'headcount', 'month', 'days', 'mean', 'ci95_low', 'ci95_high', 'pass_rate']];
    const add = (caseId: string, v: ContractView) => {
      for (const m of v.months) rows.push([caseId, v.headcount, m.month, m.days, m.mean.mean, m.mean.ciLow, m.mean.ciHigh, m.passRate]);
      rows.push([caseId, v.headcount, 'all', null, null, v.risk.wilson95.lower, v.risk.wilson95.upper, v.risk.probabilityAllMonthsMeet]);
    };
    add('reported', s.contract.atReported);
    if (s.contract.forRisk) add('contract_risk', s.contract.forRisk.view);
    files['contract.csv'] = await csv(rows);
  }
  files['result.json'] = resultJson(s, 2) + '\n';
  return files;
}

export * from './compareReport.ts';
