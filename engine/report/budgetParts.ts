// The budget report's building blocks: KPI and cost tables, the head-count line, the in-house
// presets, the affordable wage and the contract months. Shared by budget and compare.
import type { Model } from '../cost/labour.ts';
import { INHOUSE_PRESETS, inhousePresetNames } from '../cost/inhouse.ts';
import { OPERATING_MODELS, modelLines, type BudgetStudy, type ContractView, type KpiSummary, type PricedBudget, type ScenarioCosting } from '../experiment/studies/budgetStudy.ts';
import { describeKpiTarget, formatAmount, formatPercent, formatSigned, formatWithCi, formatYuanWithCi, operatingModelNames, textTable, formatDays } from './format.ts';

export const modelHeader = (m: Model) => `${operatingModelNames[m].en} ${operatingModelNames[m].zh}`;

export function kpiUnit(metricId: string): 'ratio' | 'seconds' {
  return metricId === 'asa' ? 'seconds' : 'ratio';
}

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

export function kpiBlock(title: string, k: KpiSummary): string {
  return [
    title,
    `${formatDays(k.countedDays)} simulated, ${k.replications} replication${k.replications > 1 ? 's' : ''}; ` +
      `service level = ${slFormulaText[k.serviceLevelFormula] ?? k.serviceLevelFormula}, T = ${k.serviceLevelSeconds} s`,
    textTable(['KPI', '指标', 'Mean (95% CI)'], budgetKpiRows(k), ['left', 'left', 'right']),
  ].join('\n');
}

/** "flat around the clock", "following demand", "by roster", "on average" from a staffing source. */
export function staffingShape(source: string): string {
  if (!source.startsWith('no roster')) return source.includes('roster') ? 'by roster' : 'on average';
  return source.includes('flat') ? 'flat around the clock' : source.includes('following demand') ? 'following demand' : 'on average';
}

/** All-in total / a payroll head count / 12: a budget's cost per person like the cited "budget / head count". */
export function costPerHeadcountMonth(p: PricedBudget, headcount: number): number {
  return headcount > 0 ? p.budget.total / headcount / 12 : Number.NaN;
}

/** All-in total / everyone priced (the head count and roles added on top) / 12. */
export function costPerPersonMonth(p: PricedBudget): number {
  const n = p.budget.headcounts.total;
  return n > 0 ? p.budget.total / n / 12 : Number.NaN;
}

/** Totals and unit costs of both models. */
export function budgetSummaryRows(b: Record<Model, PricedBudget>, yearly: (yuan: number) => string = formatAmount): string[][] {
  // `yearly` formats the yearly totals (yuan in the terminal, formatWan on a page); per-month and per-call costs stay in yuan.
  const row = (en: string, zh: string, f: (p: PricedBudget) => string) => [en, zh, ...OPERATING_MODELS.map((m) => f(b[m]))];
  return [
    row('Contract price, VAT incl.', '合同价(含税)', (p) => (p.budget.contractPrice === null ? '—' : yearly(p.budget.contractPrice))),
    row("Government's own costs", '政府自担', (p) => yearly(p.budget.governmentSide)),
    row('Total per year, all-in', '年度总成本', (p) => yearly(p.budget.total)),
    // Two divisors, each named: the people who take calls, and everyone priced (supervisors included).
    row('Cost per phone operator-month, all-in (÷ those taking calls)', '每话务员月成本', (p) => formatAmount(p.budget.costPerOperatorMonth)),
    row('Cost per person-month, all-in (÷ everyone priced)', '人均月成本(全员)', (p) => formatAmount(costPerPersonMonth(p))),
    row('Cost per answered call', '每通接通成本', (p) => formatYuanWithCi(p.costPerAnsweredCall, 2)),
    row('Cost per connection-rate point (total ÷ rate in %)', '每个接通率百分点成本', (p) => formatYuanWithCi(p.costPerConnectionPoint, 0)),
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

/** Where the priced head count came from, with the people a demand profile's floor added to it. */
export function headcountSourceText(at: Pick<ScenarioCosting, 'headcountSource' | 'floor' | 'headcount'>, implied = 'implied by the agents on seat'): string {
  const source = at.headcountSource === 'scenario' ? "the scenario's" : at.headcountSource === 'override' ? 'given' : implied;
  if (!at.floor) return source;
  const f = at.floor;
  return `${source} ${formatAmount(at.headcount - f.added)} + ${formatAmount(f.added)} added: ${formatAmount(f.minOnSeat)} on seat at every hour needs ${formatAmount(at.headcount)}`;
}

export function headcountLine(at: ScenarioCosting, years: number): string {
  const source = headcountSourceText(at);
  // The shape comes from the staffing that was priced (flat, following demand, roster), not from the form of the input.
  const shape = staffingShape(at.pricing.staffing?.source ?? '');
  const pps = at.peoplePerSeat !== null ? ` (${formatAmount(at.peoplePerSeat, 2).replace(/\.00$/, '')} people per seat${shape === 'flat around the clock' ? '' : ' on average'})` : '';
  const seat = `${formatAmount(at.agentsOnSeat, Number.isInteger(at.agentsOnSeat) ? 0 : 1)} on seat ${shape}${pps}`;
  return `${peopleLine(at.headcount, at.budgets.outsourced.budget, source)}, ${seat}; cost year ${at.calendarYear}; contract term ${formatAmount(years, 2).replace(/\.00$/, '')} year${years === 1 ? '' : 's'}`;
}

/** "237 people on the payroll (the scenario's; 208 take calls)" or "300 operators (…) + 40 supervisors on top". */
export function peopleLine(headcount: number, b: PricedBudget['budget'], source: string): string {
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
    `Affordable wage (可负担工资): the cited ${formatAmount(c.yuanPerYear)} a year pays a head count of ${formatAmount(c.headcount)} (${formatAmount(c.operators, Number.isInteger(c.operators) ? 0 : 1)} take calls) ` +
    `a gross operator wage of ${part('outsourced')}, ${part('inhouse')} a month under this structure — ${verdict}.`
  );
}

export function contractLines(title: string, v: ContractView, defaultSeconds: number): string[] {
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
      ? [`Months cut by the simulated horizon, not assessed: ${v.partialMonthsExcluded.map((m) => `${m.month} (${formatDays(m.days)})`).join(', ')}.`]
      : []),
  ];
}
