import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetStudy, compareStudy } from '../experiment/studies/budgetStudy.ts';
import { budgetCsvFiles } from './budgetCsv.ts';
import { formatBudgetNotes, formatBudgetReport } from './budgetReport.ts';
import { formatAmount, formatPercent, formatSigned, formatWithCi } from './format.ts';
import { compareCsvFiles, formatCompareReport } from './compareReport.ts';

const SCENARIOS = new URL('../../scenarios/', import.meta.url).pathname;
const LIAOCHENG = join(SCENARIOS, 'liaocheng-2024.yaml');
const HAIKOU = join(SCENARIOS, 'haikou-2024.yaml');
const FAST = { horizonHours: 48, replications: 3 };

describe('number formatting (presentation only)', () => {
  it('groups thousands, signs changes and keeps rates within 0–100%', () => {
    expect(formatAmount(16_665_264)).toBe('16,665,264');
    expect(formatAmount(70_317.5696, 2)).toBe('70,317.57');
    expect(formatAmount(-0.2)).toBe('0');
    expect(formatSigned(284.41)).toBe('+284.4');
    expect(formatSigned(-123.06)).toBe('−123.1');
    expect(formatSigned(0.01)).toBe('0.0');
    expect(formatPercent(0.95)).toBe('95.00%');
    expect(formatWithCi({ mean: 0.999, ciLow: 0.998, ciHigh: 1.0004 }, 'ratio')).toBe('99.90% (99.80% – 100.00%)');
    expect(formatWithCi({ mean: 0.5, ciLow: null, ciHigh: null }, 'ratio')).toBe('50.00%');
  });
});

describe('formatBudgetReport', () => {
  const study = budgetStudy({ file: HAIKOU, overrides: FAST, budgetYuan: 129e6, years: 3, naiveWage: 7000 });
  const text = formatBudgetReport(study);

  it('shows every line item of both models with Chinese names, the totals and the unit costs', () => {
    for (const l of study.at.budgets.outsourced.budget.lines) {
      expect(text).toContain(l.item);
      expect(text).toContain(l.zh);
    }
    expect(text).toMatch(/Outsourced 外包\s+In-house 自营/);
    expect(text).toMatch(/Total per year, all-in\s+年度总成本\s+[\d,]+\s+[\d,]+/);
    expect(text).toMatch(/Cost per phone operator-month, all-in \(÷ those taking calls\)\s+每话务员月成本/);
    expect(text).toMatch(/Cost per person-month, all-in \(÷ everyone priced\)\s+人均月成本\(全员\)/);
    expect(text).toMatch(/Cost per answered call\s+每通接通成本\s+\d+\.\d\d \(/);
    expect(text).toMatch(/Cost per connection-rate point/);
    expect(text).toMatch(/Connection rate\s+接通率\s+\d+\.\d\d% \(\d+\.\d\d% – \d+\.\d\d%\)/);
    expect(text).toContain('呼损率');
    expect(text).toContain('服务水平');
  });

  it('reproduces the citizen’s arithmetic and explains the gap step by step', () => {
    expect(text).toContain('129,000,000 / 36 months = 3,583,333 a month; / 7,000 yuan (the given wage) = 511.9 → 511 operators (512 to the nearest)');
    expect(text).toContain('3,600,000 / 7,000 = 514.3 → 515');
    // two answers instead of a waterfall that opens by swapping the wage
    expect(text).not.toContain('工资假设不同');
    const t = study.inversion!.twoAnswers!;
    expect(text).toContain(
      `1. If 7,000 is the gross wage: after employer contributions, supervisors, premiums, fee, profit and tax the budget pays ` +
        `a head count of outsourced ${t.atNaiveWage.budget.outsourced}, in-house ${t.atNaiveWage.budget.inhouse}; ` +
        `the signed contract 126,780,000 pays outsourced ${t.atNaiveWage.citedContract!.outsourced}, in-house ${t.atNaiveWage.citedContract!.inhouse}.`,
    );
    // 126,780,000 / 36 / 300 = 11,738.9 a person-month = 1.68 × 7,000
    expect(text).toContain('126,780,000 / 36 months / 300 people = 11,739 a person-month (1.68× the 7,000)');
    // 126,780,000 / 36 / 7,000 = 503.1
    expect(text).toContain('The division used the 129,000,000 ceiling, not the signed 126,780,000 contract: 511.9 vs 503.1 naive operators (8.8 more)');
    // the signed contract buys fewer people than the ceiling at the same wage
    expect(t.atNaiveWage.citedContract!.outsourced).toBeLessThanOrEqual(t.atNaiveWage.budget.outsourced);
    expect(text).toMatch(/Full cost, outsourced\s+\d+\s+\d+\.\d\s+\d+\.\d\d%/);
    expect(text).toMatch(/Reported \(the scenario\)\s+300\s+50(\.0)?\s+\d+\.\d\d%/);
    expect(text).toMatch(/It pays a gross monthly wage of [\d,]+ yuan outsourced, [\d,]+ yuan in-house/);
    expect(text).toMatch(/Affordable wage \(可负担工资\): the cited 42,260,000 a year pays a head count of 300 \(300 take calls\) a gross operator wage of [\d,]+ outsourced/);
  });

  it('--explain notes give the arithmetic of each line', () => {
    const notes = formatBudgetNotes(study.at.budgets);
    expect(notes).toContain('养老保险: 16% of base actualPay');
    expect(notes).toMatch(/VAT: 增值税\(一般计税\): price [\d,]+ \/ 1.06 × 0.06/);
  });

  it('writes CSV files with unrounded numbers', async () => {
    const files = await budgetCsvFiles(study);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['budget-lines.csv', 'budget-summary.csv', 'kpis.csv', 'inversion.csv', 'result.json']));
    const lines = files['budget-lines.csv'].split('\n');
    expect(lines[0]).toBe('\ufeffitem,item_zh,category,outsourced_paid_by,outsourced_yuan_per_year,inhouse_yuan_per_year,outsourced_note,inhouse_note');
    expect(lines[1]).toMatch(/^Operators wages,话务员工资,wages,contract,16200000,16200000,/);
    expect(files['inversion.csv']).toMatch(/\nnaive,.*,511\.90476/);
    expect(files['inversion.csv']).toContain('naive_citizen');
    expect(JSON.parse(files['result.json']).inversion.citizen.headcount).toBe(515);
  });
});

describe('target and contract sections', () => {
  it('prints the search, the minimum and its price, and the contract-year table', () => {
    const s = budgetStudy({
      file: LIAOCHENG,
      overrides: FAST,
      target: { kind: 'serviceLevel', value: 0.8, seconds: 20 },
      contractKpi: { kind: 'connectionRate', value: 0.95 },
      risk: 0.8,
    });
    const text = formatBudgetReport(s);
    expect(text).toContain('Minimum budget for service level 服务水平 ≥ 80.0% within 20 s');
    expect(text).toMatch(/Erlang A estimate: \d+ on seat/);
    expect(text).toMatch(new RegExp(`Minimum: ${formatAmount(s.target!.result.headcount)} people \\(${formatAmount(s.target!.result.agentsOnSeat, 1)} on seat\\)`));
    expect(text).toMatch(/Budget at the minimum \(yuan per year\)/);
    expect(text).toMatch(/in every month: P = \d+\.\d% \(Wilson 95%: /);
    expect(text).toMatch(/2024-\d\d\s+2\s+/); // the months of the scenario's own horizon
    expect(text).toMatch(/Smallest head count with P\(every month meets it\) ≥ 80%/);
  });
});

describe('formatCompareReport', () => {
  it('two scenarios: both named, KPIs with CIs and the difference', async () => {
    const c = compareStudy({ files: [LIAOCHENG, HAIKOU], overrides: { horizonHours: 24, replications: 3 } });
    const text = formatCompareReport(c, { detail: true });
    expect(text).toContain('A: Liaocheng');
    expect(text).toContain('B: Haikou');
    expect(text).toMatch(/People on the payroll\s+人数\s+237\s+300\s+\+63/);
    expect(text).toMatch(/Connection rate\s+接通率\s+.*%\)\s+.*%\)\s+[+−]\d+\.\d\d pts ± \d+\.\d\d/);
    expect(text).toMatch(/Outsourced 外包: total per year, all-in/);
    expect(text).toMatch(/In-house 自营: total per year, all-in/);
    const files = await compareCsvFiles(c);
    expect(files['compare.csv'].split('\n')[0]).toBe('\ufeffmeasure,a,a_ci95_low,a_ci95_high,b,b_ci95_low,b_ci95_high,b_minus_a,b_minus_a_ci95_halfwidth');
  });

  it('--models: in-house vs outsourced line by line, with the difference', () => {
    const c = compareStudy({ files: [LIAOCHENG], models: true, overrides: { horizonHours: 24, replications: 2 } });
    const text = formatCompareReport(c, { detail: true });
    expect(text).toMatch(/In-house − outsourced/);
    expect(text).toMatch(/Management fee\s+管理费\s+[\d,]+\s+—\s+−[\d,]+/);
    expect(text).toMatch(/All-in, in-house costs [\d,]+ yuan a year less than outsourcing/);
  });
});

describe('cited contract', () => {
  it('puts the published contract beside the modelled price', async () => {
    const { budgetStudy } = await import('../experiment/studies/budgetStudy.ts');
    const { formatBudgetReport } = await import('./budgetReport.ts');
    const s = budgetStudy({ file: new URL('../../scenarios/liaocheng-2024.yaml', import.meta.url).pathname, simulate: false });
    expect(s.at.citedContract).toMatchObject({ yuan: 16_665_264, years: 1 });
    const line = formatBudgetReport(s).split('\n').find((l) => l.startsWith('Cited contract'));
    expect(line).toMatch(/16,665,264 yuan a year/);
    const modelled = s.at.budgets.outsourced.budget.contractPrice!;
    expect(line).toContain(Math.round(modelled).toLocaleString('en-US'));
  });
});
