// The budget study as CSV files (and result.json), for --out.
import type { Model } from '../cost/labour.ts';
import { OPERATING_MODELS, modelLines, type BudgetStudy, type ContractView, type KpiSummary, type PricedBudget } from '../experiment/studies/budgetStudy.ts';
import { csvWithBom } from './csv.ts';
import { resultJson } from './json.ts';

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
